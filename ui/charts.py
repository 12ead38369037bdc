"""Chart styling for a meeting room: large type, colour-blind-safe palettes, demo watermark."""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio

# The house template is the process-wide default: applying `template=` per figure costs
# 20–40 ms of Plotly validation on every rerun (issue 8); the default costs nothing per figure.
pio.templates.default = "plotly_white"

# Okabe–Ito based; distinguishable for colour-blind viewers and on a washed-out projector.
# Labels and numbers always stay on the chart: colour is never the only carrier.
NINEBOX_LABEL_COLORS: dict[str, str] = {
    "Unggul / terbaik": "#0B4F8A",  # dark blue (box 9)
    "Potensial": "#56B4E9",  # sky blue (7, 8)
    "Cukup potensial": "#E8E3C4",  # light sand (3, 5, 6)
    "Kurang sesuai": "#E69F00",  # orange (2, 4)
    "Tidak sesuai": "#D55E00",  # vermillion (1)
}
MT_STATUS_COLORS: dict[str, str] = {"Sudah": "#009E73", "Proses": "#E69F00", "Belum": "#9E9E9E"}
MATURITY_LEVEL_COLORS: dict[int, str] = {
    1: "#BDBDBD",
    2: "#F0E442",
    3: "#E69F00",
    4: "#56B4E9",
    5: "#009E73",
}
# Diverging scale for competency gaps: surplus (negative gap) blue, shortfall (positive) red.
GAP_COLORSCALE = [[0.0, "#2166AC"], [0.5, "#F7F7F7"], [1.0, "#B2182B"]]
SEQUENTIAL = "Blues"
ACCENT = "#0B4F8A"
FONT = dict(family="Inter, Segoe UI, Roboto, Helvetica, Arial, sans-serif", size=15)


_DEMO_MARK = dict(
    text="data contoh",
    xref="paper",
    yref="paper",
    x=1,
    y=1.0,
    xanchor="right",
    yanchor="bottom",
    showarrow=False,
    font=dict(size=12, color="#8A6D00"),
)


def style(fig: go.Figure, *, demo: bool = False, height: int | None = None) -> go.Figure:
    """Apply the house style: readable fonts, white background, optional 'data contoh' mark."""
    # One update (each Plotly update call costs milliseconds of validation on every rerun).
    layout: dict = dict(
        font=FONT,
        margin=dict(l=10, r=10, t=40, b=10),
        hoverlabel=dict(font_size=14),
        legend=dict(font=dict(size=14)),
    )
    if height:
        layout["height"] = height
    if demo:
        layout["annotations"] = [*fig.layout.annotations, _DEMO_MARK]
    fig.update_layout(layout)
    return fig


# -- figures from plain dicts --------------------------------------------------------------------
# Plotly validates every property set through its object API (add_trace, update_layout, ...):
# 20–300 ms per chart, paid on every rerun. Charts on the dashboard pages are built as plain
# dicts in Plotly's JSON schema and wrapped without validation (the same JSON; the tests of
# each chart check its content).
def merge(base: dict, extra: dict) -> dict:
    """Deep merge of layout dicts (like successive `update_layout` calls): `extra` wins."""
    out = dict(base)
    for k, v in extra.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def figure(
    data: list[dict], layout: dict, *, demo: bool = False, height: int | None = None
) -> go.Figure:
    """A figure from trace dicts and a layout dict: house style first, then `layout`."""
    house: dict = dict(
        font=FONT,
        margin=dict(l=10, r=10, t=40, b=10),
        hoverlabel=dict(font=dict(size=14)),
        legend=dict(font=dict(size=14)),
    )
    if height:
        house["height"] = height
    lay = merge(house, layout)
    if demo:
        lay["annotations"] = [*lay.get("annotations", []), _DEMO_MARK]
    lay.setdefault("template", _template(tuple(sorted({t.get("type", "scatter") for t in data}))))
    return go.Figure(dict(data=data, layout=lay), _validate=False)


@lru_cache(maxsize=64)
def _template(types: tuple[str, ...]) -> dict:
    """The house template with trace defaults of the given trace types only: the same look,
    a sixth of the work per figure (the full template covers some 25 trace types)."""
    full = pio.templates[pio.templates.default].to_plotly_json()
    return {
        "layout": full["layout"],
        "data": {t: full["data"][t] for t in types if t in full["data"]},
    }


def side_by_side(titles: tuple[str, str], spacing: float) -> dict:
    """Layout of two panels side by side with a shared y axis and panel titles (the layout
    `make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=...)` produces)."""
    w = (1 - spacing) / 2
    return dict(
        xaxis=dict(anchor="y", domain=[0.0, w]),
        yaxis=dict(anchor="x", domain=[0.0, 1.0]),
        xaxis2=dict(anchor="y2", domain=[1 - w, 1.0]),
        yaxis2=dict(anchor="x2", domain=[0.0, 1.0], matches="y", showticklabels=False),
        annotations=[
            dict(
                font=dict(size=16), showarrow=False, text=t, x=x, xanchor="center",
                xref="paper", y=1.0, yanchor="bottom", yref="paper",
            )
            for t, x in ((titles[0], w / 2), (titles[1], 1 - w / 2))
        ],
    )  # fmt: skip
