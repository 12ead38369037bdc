"""Figures of the nine-box page (reused by the meeting mode): grid, Sankey, matrix, curve.

Figures take small frames from `analytics.queries.ninebox` and never query. Names and NIPs in
the frames are already masked for masked scopes; `masked=True` additionally keeps the hover to
initials and code (no unit) so a shared screen shows nothing identifying.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.colors import get_colorscale

from analytics.fmt import num, pct
from analytics.rules import ninebox as R
from ui.charts import NINEBOX_LABEL_COLORS, figure
from ui.text import ninebox as T

DARK_TILES = {"Unggul / terbaik"}  # tiles whose text and points are drawn light
UNMAPPED_COLOR = "#9E9E9E"
BLUES = get_colorscale("Blues")  # as Plotly's validation would expand the name
BOX_KEY_PREFIX = "kotak:"


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def ninebox_figure(
    kotak: pl.DataFrame,
    points: pl.DataFrame | None = None,
    *,
    masked: bool = False,
    demo: bool = False,
    selected: int | None = None,
    height: int = 640,
) -> go.Figure:
    """The 3×3 grid: box number, label, count and share on every tile.

    `kotak` has columns kotak, label, jumlah, persen (from `box_counts`). With `points`
    (from `people`) every person is a marker at their deterministic position; without, each
    tile carries a large count and an almost invisible marker so a click selects the box.
    Built as plain dicts (no per-property Plotly validation on every rerun).
    """
    counts = {int(r["kotak"]): r for r in kotak.iter_rows(named=True)}
    shapes: list[dict] = []
    annotations: list[dict] = []
    for b in R.BOXES:
        x, y = R.cell(b)
        label = R.LABEL[b]
        color = NINEBOX_LABEL_COLORS[label]
        shapes.append(
            dict(
                type="rect",
                x0=x - 0.5,
                x1=x + 0.5,
                y0=y - 0.5,
                y1=y + 0.5,
                fillcolor=_rgba(color, 0.9 if points is None else 0.55),
                line=dict(
                    color="#1A1A1A" if b == selected else "white",
                    width=5 if b == selected else 2,
                ),
                layer="below",
            )
        )
        dark = label in DARK_TILES and points is None
        ink = "white" if dark else "#111111"
        row = counts.get(b, {"jumlah": 0, "persen": 0.0})
        title = dict(
            x=x - 0.47,
            y=y + 0.47,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            text=f"<b>{b}</b> · {label}",
            font=dict(size=17, color=ink),
        )
        if points is not None:
            title["bgcolor"] = "rgba(255,255,255,0.75)"
        annotations.append(title)
        if points is None:
            annotations.append(
                dict(
                    x=x,
                    y=y - 0.05,
                    showarrow=False,
                    text=f"<b>{num(row['jumlah'])}</b><br>{pct(row['persen'])}",
                    font=dict(size=30, color=ink),
                )
            )
        else:
            annotations.append(
                dict(
                    x=x + 0.47,
                    y=y - 0.47,
                    xanchor="right",
                    yanchor="bottom",
                    showarrow=False,
                    text=f"<b>{num(row['jumlah'])}</b> · {pct(row['persen'])}",
                    font=dict(size=17, color="#111111"),
                    bgcolor="rgba(255,255,255,0.8)",
                )
            )
    data: list[dict] = []
    if points is None:
        data.append(
            dict(
                type="scatter",
                x=[R.cell(b)[0] for b in R.BOXES],
                y=[R.cell(b)[1] for b in R.BOXES],
                mode="markers",
                marker=dict(size=90, symbol="square", color="rgba(0,0,0,0.01)"),
                customdata=[[f"{BOX_KEY_PREFIX}{b}", b, R.LABEL[b]] for b in R.BOXES],
                hovertemplate=T.HOVER_BOX,
                showlegend=False,
                name="kotak",
            )
        )
    elif points.height:
        custom = []
        colors = []
        texts: dict[tuple, str] = {}  # hover text per (box, original box, calibrated)
        cols = ("kunci", "nama", "nip", "unit", "jabatan", "golongan", "kotak", "kotak_asli")
        for (kunci, nama, nip, unit, jabatan, golongan, kotak, asli), cal in zip(
            points.select(cols).iter_rows(), points["dikalibrasi"], strict=True
        ):
            box_text = texts.get((kotak, asli, cal))
            if box_text is None:
                box_text = texts[(kotak, asli, cal)] = (
                    T.HOVER_KALIBRASI.format(kotak=kotak, asli=asli)
                    if cal
                    else T.HOVER_KOTAK.format(kotak=kotak)
                )
            unit = "–" if masked else (unit or "–")
            custom.append([kunci, nama, nip, unit, jabatan, golongan, box_text])
            colors.append("#FFFFFF" if R.LABEL[kotak] in DARK_TILES else "#1A1A1A")
        data.append(
            dict(
                type="scatter",
                x=points["x"].to_list(),
                y=points["y"].to_list(),
                mode="markers",
                marker=dict(
                    size=8 if points.height > 800 else 11,
                    color=colors,
                    line=dict(color="#0B4F8A", width=1),
                    symbol=["diamond" if d else "circle" for d in points["dikalibrasi"]],
                ),
                customdata=custom,
                hovertemplate=T.HOVER,
                showlegend=False,
                name="pegawai",
            )
        )
    axis = dict(
        range=[-0.5, 2.5],
        tickvals=[0, 1, 2],
        showgrid=False,
        zeroline=False,
        tickfont=dict(size=16),
    )
    layout = dict(
        shapes=shapes,
        annotations=annotations,
        xaxis=dict(
            axis,
            ticktext=list(T.AXIS_X_TICKS),
            title=dict(text=f"<b>{T.AXIS_X}</b>", font=dict(size=18)),
        ),
        yaxis=dict(
            axis,
            ticktext=list(T.AXIS_Y_TICKS),
            title=dict(text=f"<b>{T.AXIS_Y}</b>", font=dict(size=18)),
        ),
        dragmode="select",
        clickmode="event+select",
        margin=dict(l=10, r=10, t=30, b=10),
    )
    return figure(data, layout, demo=demo, height=height)


def selection(event: Any) -> tuple[list[str], int | None]:
    """(person keys, box) chosen in the chart: people from points, a box from a tile marker."""
    try:
        pts = event["selection"]["points"]
    except (KeyError, TypeError):
        return [], None
    keys: list[str] = []
    box: int | None = None
    for p in pts or []:
        cd = p.get("customdata") if isinstance(p, dict) else None
        if not cd:
            continue
        first = str(cd[0])
        if first.startswith(BOX_KEY_PREFIX):
            box = int(first[len(BOX_KEY_PREFIX) :])
        else:
            keys.append(first)
    return keys, box


def rows_for(points: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The rows of `points` whose key was selected, in the frame's order."""
    return points.filter(pl.col("kunci").is_in(keys))


def _node(kotak: int) -> str:
    return f"{kotak} · {R.LABEL[kotak]}" if kotak else T.UNMAPPED_SHORT


def _node_color(kotak: int) -> str:
    return NINEBOX_LABEL_COLORS[R.LABEL[kotak]] if kotak else UNMAPPED_COLOR


def sankey_figure(
    pairs: pl.DataFrame, tahun_a: int, tahun_b: int, *, demo: bool = False
) -> go.Figure:
    """Sankey of box moves from year A (left) to year B (right); nodes labelled, not colour only."""
    order = [*reversed(R.BOXES), 0]
    left = {k: i for i, k in enumerate(order)}
    right = {k: len(order) + i for i, k in enumerate(order)}
    labels = [f"{tahun_a}: {_node(k)}" for k in order] + [f"{tahun_b}: {_node(k)}" for k in order]
    colors = [_node_color(k) for k in order] * 2
    src, dst, val, lcol = [], [], [], []
    for d, k, n in pairs.iter_rows():
        src.append(left[int(d)])
        dst.append(right[int(k)])
        val.append(int(n))
        lcol.append(_rgba(_node_color(int(d)), 0.45))
    sankey = dict(
        type="sankey",
        arrangement="snap",
        node=dict(
            label=labels, color=colors, pad=12, thickness=22, line=dict(color="#333", width=0.5)
        ),
        link=dict(source=src, target=dst, value=val, color=lcol),
        textfont=dict(size=15, color="#111111"),
    )
    return figure([sankey], {}, demo=demo, height=620)


def matrix_figure(
    matrix: pl.DataFrame, tahun_a: int, tahun_b: int, *, demo: bool = False
) -> go.Figure:
    """Heatmap of the transition matrix with the count written in every cell."""
    cols = [c for c in matrix.columns if c != "dari"]
    z = [[int(v) for v in row] for row in matrix.select(cols).iter_rows()]
    ylab = [str(v) if v == R.UNMAPPED_LABEL else f"{v} · {R.LABEL[int(v)]}" for v in matrix["dari"]]
    xlab = [T.UNMAPPED_SHORT if c == R.UNMAPPED_LABEL else c for c in cols]
    heat = dict(
        type="heatmap",
        z=z,
        x=xlab,
        y=ylab,
        text=[[num(v) if v else "" for v in row] for row in z],
        texttemplate="%{text}",
        textfont=dict(size=15),
        colorscale=BLUES,
        showscale=False,
        hovertemplate=f"{tahun_a}: %{{y}}<br>{tahun_b}: kotak %{{x}}<br>%{{z}} pegawai<extra></extra>",
    )
    layout = dict(
        yaxis=dict(autorange="reversed", title=dict(text=str(tahun_a)), tickfont=dict(size=14)),
        xaxis=dict(side="top", title=dict(text=str(tahun_b)), tickfont=dict(size=15)),
    )
    return figure([heat], layout, demo=demo, height=520)


def distribution_figure(dist: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """Bars of the predikat shares with the share written on each bar."""
    bar = dict(
        type="bar",
        x=dist["predikat"].to_list(),
        y=[v * 100 for v in dist["persen"].to_list()],
        text=[f"{pct(p)} ({num(n)})" for p, n in dist.select("persen", "jumlah").iter_rows()],
        textposition="outside",
        marker=dict(color="#0B4F8A"),
        textfont=dict(size=15),
        hovertemplate="%{x}: %{text}<extra></extra>",
    )
    layout = dict(
        yaxis=dict(title=dict(text="%"), range=[0, 110], tickfont=dict(size=14)),
        xaxis=dict(tickfont=dict(size=15)),
    )
    return figure([bar], layout, demo=demo, height=420)


def pool_figure(pool: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """Horizontal bars: succession-group members per instance (from `succession_pool`)."""
    df = pool.group_by("instansi").agg(pl.col("kelompok").sum()).sort("kelompok", "instansi")
    bar = dict(
        type="bar",
        x=df["kelompok"].to_list(),
        y=df["instansi"].to_list(),
        orientation="h",
        text=[num(v) for v in df["kelompok"].to_list()],
        textposition="outside",
        marker=dict(color=NINEBOX_LABEL_COLORS["Potensial"], line=dict(color="#0B4F8A", width=1)),
        textfont=dict(size=13),
    )
    return figure([bar], {}, demo=demo, height=max(320, 22 * df.height + 80))


def target_view(targets: pl.DataFrame) -> pl.DataFrame:
    """Target-position table for display: ratio as '1 : 2,5' and a text status (not colour)."""
    return targets.with_columns(
        rasio_teks=pl.col("rasio").map_elements(
            lambda r: T.RATIO.format(r=num(r, 1)), return_dtype=pl.String
        ),
        status=pl.when(pl.col("tipis")).then(pl.lit(T.TARGET_THIN)).otherwise(pl.lit(T.TARGET_OK)),
    ).select(list(T.TARGET_COLS))


def distribution_view(checks: pl.DataFrame) -> pl.DataFrame:
    """Curve checks for display: rule text, actual share, status text."""
    return checks.with_columns(
        aturan=pl.format(
            "{} {} {}",
            "predikat",
            pl.col("operator").replace({"<=": "≤", ">=": "≥"}),
            pl.col("batas").map_elements(lambda v: pct(v, 0), return_dtype=pl.String),
        ),
        aktual=pl.col("aktual").map_elements(pct, return_dtype=pl.String),
        status=pl.when(pl.col("sesuai")).then(pl.lit(T.DIST_OK)).otherwise(pl.lit(T.DIST_BREACH)),
    ).select(list(T.DIST_COLS))


def list_view(listing: pl.DataFrame, unmapped: bool) -> pl.DataFrame:
    """A person list for display and download, with Indonesian headers."""
    cols = ["nama", "nip", "instansi", "unit", "jabatan", "jenis_jabatan", "golongan",
            "predikat", "potensial", "kotak", "kotak_asli", "dikalibrasi"]  # fmt: skip
    if unmapped:
        cols = [*cols[:9], "alasan"]
        listing = listing.with_columns(pl.col("alasan").replace_strict(T.REASON, default=None))
    return listing.select(cols).rename({c: T.COL[c] for c in cols})


def person_view(frame: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """The given columns of a person list, with Indonesian headers."""
    return frame.select(cols).rename(T.COL, strict=False)
