"""Figures of the competency gap page (built from small frames of analytics.queries.competency)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from analytics import fmt
from ui.charts import ACCENT, GAP_COLORSCALE, figure, style
from ui.text import kompetensi as T

NO_DATA_COLOR = "#D9D9D9"
ROW_HEIGHT = 34


def heatmap_figure(cells: pl.DataFrame, title: str, *, demo: bool) -> go.Figure:
    """Rows × competencies; cells coloured by mean gap (diverging, centred on zero).

    Cells with nobody assessed are drawn grey with "–" by a second trace, so "no assessment"
    never looks like a zero gap.
    """
    cols = cells.select("kolom", "kompetensi", "kelompok").unique().sort("kolom")
    rows = cells.select("baris_no", "baris").unique().sort("baris_no")
    x = cols["kompetensi"].to_list()
    y = rows["baris"].to_list()
    ncol = cols.height
    z: list[list[float | None]] = []
    blank: list[list[float | None]] = []
    text: list[list[str]] = []
    hover: list[list[str]] = []
    grid = cells.sort("baris_no", "kolom").iter_rows(named=True)
    for _ in y:
        zr, br, tr, hr = [], [], [], []
        for _ in range(ncol):
            c = next(grid)
            if c["pegawai"] > 0:
                zr.append(c["rata_gap"])
                br.append(None)
                tr.append(fmt.num(c["rata_gap"], 1))
                hr.append(
                    T.HOVER.format(
                        kompetensi=c["kompetensi"],
                        pegawai=fmt.num(c["pegawai"]),
                        level=fmt.num(c["rata_level"], 2),
                        standar=fmt.num(c["rata_standar"], 2),
                        gap=fmt.num(c["rata_gap"], 2),
                        pct=fmt.pct(c["pct_bawah"]),
                    )
                )
            else:
                zr.append(None)
                br.append(0.0)
                tr.append("–")
                hr.append(f"<b>%{{y}}</b><br>{c['kompetensi']}<br>{T.NO_ASSESSMENT}")
        z.append(zr)
        blank.append(br)
        text.append(tr)
        hover.append(hr)
    vals = [v for r in z for v in r if v is not None]
    bound = max([abs(v) for v in vals] + [1.0])
    common = dict(x=x, y=y, text=text, texttemplate="%{text}", hovertext=hover,
                  hovertemplate="%{hovertext}<extra></extra>", xgap=2, ygap=2)  # fmt: skip
    data = [
        dict(type="heatmap", z=blank, colorscale=[[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]],
             showscale=False, textfont=dict(size=15, color="#555555"), name="kosong", **common),
        dict(type="heatmap", z=z, colorscale=GAP_COLORSCALE, zmid=0, zmin=-bound, zmax=bound,
             textfont=dict(size=16 if ncol <= 10 else 12), name="gap",
             colorbar=dict(title=dict(text=T.COLORBAR), thickness=18), **common),
    ]  # fmt: skip
    # Group headers under the columns, and dark separators between the groups.
    groups = (
        cols.with_row_index("i")
        .group_by("kelompok", maintain_order=True)
        .agg(pl.col("i").min().alias("lo"), pl.col("i").max().alias("hi"))
    )
    notes, shapes = [], []
    for kelompok, lo, hi in groups.iter_rows():
        notes.append(
            dict(x=(lo + hi) / 2, y=0, xref="x", yref="paper", yanchor="top", yshift=-6,
                 text=f"<b>{T.KELOMPOK.get(kelompok, kelompok).replace(' ', '<br>')}</b>",
                 showarrow=False, font=dict(size=14))
        )  # fmt: skip
        if lo > 0:
            shapes.append(
                dict(type="line", x0=lo - 0.5, x1=lo - 0.5, xref="x", y0=0, y1=1,
                     yref="y domain", line=dict(color="#333333", width=3))
            )  # fmt: skip
    layout = dict(
        annotations=notes,
        shapes=shapes,
        title=dict(text=title, y=0.995, yanchor="top"),
        xaxis=dict(side="top", tickfont=dict(size=13), tickangle=-40, automargin=True),
        yaxis=dict(autorange="reversed", tickfont=dict(size=14), automargin=True),
        margin=dict(l=10, r=10, t=60, b=60),
        plot_bgcolor="white",
    )
    # Plain data (ui.charts.figure): plotly's per-property validation took ~100-250 ms.
    return figure(data, layout, demo=demo, height=max(360, 260 + ROW_HEIGHT * len(y)))


def profile_figure(profile: pl.DataFrame, title: str, *, demo: bool) -> go.Figure:
    """Horizontal bars: actual level per competency with the standard as a marked bar."""
    names = profile["kompetensi"].to_list()
    actual = profile["level"].to_list()
    std = profile["level_standar"].to_list()
    gaps = profile["gap"].to_list()
    a_text = [
        T.PROFILE_NOT_ASSESSED if a is None else f"{a} (gap {fmt.num(g)})"
        for a, g in zip(actual, gaps, strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names, x=std, orientation="h", name=T.PROFILE_STANDARD,
            marker=dict(color="#BDBDBD", pattern=dict(shape="/")),
            text=[str(s) for s in std], textposition="inside",
        )
    )  # fmt: skip
    colors = [
        "#9E9E9E" if a is None else ("#B2182B" if (g or 0) > 0 else "#2166AC")
        for a, g in zip(actual, gaps, strict=True)
    ]
    fig.add_trace(
        go.Bar(
            y=names, x=[a or 0 for a in actual], orientation="h", name=T.PROFILE_ACTUAL,
            marker=dict(color=colors), text=a_text, textposition="outside",
        )
    )  # fmt: skip
    fig.update_layout(barmode="group", title=title, bargap=0.25)
    fig.update_xaxes(range=[0, 6.2], dtick=1, title="Level (1 paham – 5 ahli)")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return style(fig, demo=demo, height=max(360, 110 + 52 * len(names)))


def trend_figure(trend: pl.DataFrame, title: str, *, demo: bool) -> go.Figure:
    """Lines of mean gap per competency across years, each labelled at its last point."""
    fig = go.Figure()
    for (name,), part in trend.sort("kolom", "tahun").group_by("kompetensi", maintain_order=True):
        years = part["tahun"].to_list()
        vals = part["rata_gap"].to_list()
        labels = [""] * (len(vals) - 1) + [str(name)]
        fig.add_trace(
            go.Scatter(
                x=years, y=vals, mode="lines+markers+text", name=str(name), text=labels,
                textposition="middle right", textfont=dict(size=13),
                customdata=[[fmt.num(v, 2), fmt.num(n)] for v, n in
                            zip(vals, part["pegawai"].to_list(), strict=True)],
                hovertemplate=f"<b>{name}</b><br>%{{x}}: %{{customdata[0]}} "
                "(%{customdata[1]} pegawai)<extra></extra>",
            )
        )  # fmt: skip
    fig.add_hline(y=0, line=dict(color="#555555", width=1, dash="dot"))
    years = sorted(trend["tahun"].unique().to_list())
    fig.update_xaxes(tickvals=years, title=T.TREND_X, range=[years[0] - 0.3, years[-1] + 1.2])
    fig.update_yaxes(title=T.TREND_Y, zeroline=True)
    fig.update_layout(title=title, showlegend=False)
    fig.update_traces(line=dict(width=3))
    style(fig, demo=demo, height=480)
    fig.update_layout(colorway=[ACCENT, "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
                                "#F0E442", "#000000", "#8C564B", "#7F7F7F"])  # fmt: skip
    return fig
