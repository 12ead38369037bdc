"""Figures of the JP page (built from the small frames of analytics.queries.jp)."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import polars as pl

from analytics.fmt import BULAN, num, pct
from ui.charts import ACCENT, figure
from ui.text import jp as T

MET_COLOR = ACCENT  # dark blue: already met
PACE_COLOR = "#8EC3EA"  # light blue: projected to meet
BELOW_COLOR = "#E69F00"  # orange: below target
UP_COLOR, DOWN_COLOR = "#0072B2", "#D55E00"
PROVINSI_COLORS = {
    "Bali": "#0072B2",
    "Nusa Tenggara Barat": "#E69F00",
    "Nusa Tenggara Timur": "#009E73",
}
PROVINSI_SHORT = {"Bali": "Bali", "Nusa Tenggara Barat": "NTB", "Nusa Tenggara Timur": "NTT"}


def short_name(nama: str) -> str:
    """'Kabupaten Timor Tengah Selatan' -> 'Kab. Timor Tengah Selatan'."""
    for long, short in (("Kabupaten ", "Kab. "), ("Provinsi ", "Prov. ")):
        if nama.startswith(long):
            return short + nama[len(long) :]
    return nama


def _bar_height(rows: int) -> int:
    return max(300, 110 + 52 * rows)


def completion_fig(df: pl.DataFrame, top_n: int, demo: bool) -> go.Figure:
    """Horizontal grouped bars per group: share met and share projected to meet, labelled."""
    d = df.head(top_n)
    labels = [short_name(x) for x in d["tampil"].to_list()]
    met = [(v or 0) * 100 for v in d["persen_memenuhi"].to_list()]
    pace = [(v or 0) * 100 for v in d["persen_sesuai_laju"].to_list()]
    met_txt = [
        f"{pct(p)} · {num(m)}/{num(n)}"
        for p, m, n in d.select("persen_memenuhi", "memenuhi", "pegawai").iter_rows()
    ]
    pace_txt = [
        f"{pct(p)} · {num(b)} di belakang"
        for p, b in d.select("persen_sesuai_laju", "di_belakang").iter_rows()
    ]
    data = [
        dict(
            type="bar", y=labels, x=x, orientation="h", name=name, marker=dict(color=color),
            text=txt, textposition="outside", cliponaxis=False,
        )
        for x, name, color, txt in (
            (pace, T.SERIES_PACE, PACE_COLOR, pace_txt),
            (met, T.SERIES_MET, MET_COLOR, met_txt),
        )
    ]  # fmt: skip
    layout = dict(
        barmode="group",
        bargap=0.25,
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        uniformtext=dict(minsize=12),
        xaxis=dict(title=dict(text=T.AXIS_PERSEN), range=[0, 135], ticksuffix="%", dtick=20),
        yaxis=dict(autorange="reversed", automargin=True),
    )
    return figure(data, layout, demo=demo, height=_bar_height(len(labels)))


def histogram_fig(df: pl.DataFrame, target: float, width: float, demo: bool) -> go.Figure:
    """JP per person in bins, bins at/above the target coloured apart, target line marked."""
    rows = df.to_dicts()
    data = []
    for below, name, color in ((True, T.HIST_BELOW, BELOW_COLOR), (False, T.HIST_MEET, MET_COLOR)):
        sel = [r for r in rows if (r["bin_lo"] < target) == below]
        if not sel:
            continue
        data.append(
            dict(
                type="bar",
                x=[r["bin_lo"] + width / 2 for r in sel],
                y=[r["pegawai"] for r in sel],
                width=[width * 0.92] * len(sel),
                name=name,
                marker=dict(color=color),
                text=[num(r["pegawai"]) for r in sel],
                textposition="outside",
                cliponaxis=False,
            )
        )
    top = max((r["bin_lo"] for r in rows), default=0)
    ticks = [r["bin_lo"] for r in rows]
    layout = dict(
        shapes=[
            dict(
                type="line", x0=target, x1=target, xref="x", y0=0, y1=1, yref="y domain",
                line=dict(color="#333333", dash="dash", width=2),
            )
        ],
        annotations=[
            dict(
                x=target, y=1, yref="paper", text=T.HIST_TARGET.format(target=num(target)),
                showarrow=False, xanchor="left", yanchor="bottom", font=dict(size=14),
            )
        ],
        xaxis=dict(
            title=dict(text=T.HIST_X),
            tickvals=ticks,
            ticktext=[
                T.HIST_TOP.format(top=num(t)) if (t == top and r["bin_hi"] is None) else num(t)
                for t, r in zip(ticks, rows, strict=True)
            ],
        ),
        yaxis=dict(title=dict(text=T.HIST_Y)),
        legend=dict(orientation="h", y=1.08, x=0),
        bargap=0.05,
    )  # fmt: skip
    return figure(data, layout, demo=demo, height=420)


def jalur_fig(df: pl.DataFrame, demo: bool) -> go.Figure:
    """Two horizontal bars: total JP klasikal and nonklasikal, with share and participants."""
    txt = [
        T.JALUR_LABEL.format(jp=num(j, 0), persen=pct(p), n=num(n))
        for j, p, n in df.select("jp", "persen", "pegawai_ikut").iter_rows()
    ]
    bar = dict(
        type="bar", y=df["jalur"].to_list(), x=df["jp"].to_list(), orientation="h",
        marker=dict(color=[MET_COLOR, PACE_COLOR]), text=txt, textposition="auto",
        insidetextfont=dict(size=15), outsidetextfont=dict(size=15),
    )  # fmt: skip
    layout = dict(xaxis=dict(title=dict(text=T.JALUR_X)), yaxis=dict(autorange="reversed"))
    return figure([bar], layout, demo=demo, height=220)


def cumulative_fig(df: pl.DataFrame, year: int, target: float, stat: str, demo: bool) -> go.Figure:
    """Cumulative JP per person at each month end against the straight pace line."""
    vals = df[stat].to_list()
    data = [
        dict(
            type="scatter", x=[date(year, 1, 1), date(year, 12, 31)], y=[0, target],
            mode="lines", name=T.CUM_PACE.format(target=num(target)),
            line=dict(color="#555555", dash="dash", width=2),
        ),
        dict(
            type="scatter", x=df["tanggal"].to_list(), y=vals, mode="lines+markers+text",
            name=T.CUM_STATS[stat], line=dict(color=MET_COLOR, width=4), marker=dict(size=9),
            text=[num(v, 1) if v is not None else "" for v in vals], textposition="top left",
            textfont=dict(size=13),
        ),
    ]  # fmt: skip
    months = [date(year, m, 1) for m in range(1, 13)]
    layout = dict(
        shapes=[
            dict(
                type="line", x0=0, x1=1, xref="x domain", y0=target, y1=target, yref="y",
                line=dict(color="#999999", width=1),
            )
        ],
        xaxis=dict(
            range=[date(year, 1, 1), date(year, 12, 31)], tickvals=months, ticktext=list(BULAN)
        ),
        yaxis=dict(title=dict(text=T.CUM_Y), rangemode="tozero"),
        legend=dict(orientation="h", y=1.08, x=0),
    )  # fmt: skip
    return figure(data, layout, demo=demo, height=420)


def pace_share_fig(df: pl.DataFrame, demo: bool) -> go.Figure:
    """Share of people on pace (or already met) at each month end, labelled."""
    share = df["persen_sesuai_laju"].to_list()
    bar = dict(
        type="bar",
        x=[BULAN[m - 1] for m in df["bulan"].to_list()],
        y=[(v or 0) * 100 for v in share],
        text=[pct(v) for v in share], textposition="outside", cliponaxis=False,
        marker=dict(color=PACE_COLOR),
    )  # fmt: skip
    layout = dict(yaxis=dict(title=dict(text=T.CUM_SHARE_Y), range=[0, 115], ticksuffix="%"))
    return figure([bar], layout, demo=demo, height=300)


def regional_fig(df: pl.DataFrame, demo: bool) -> go.Figure:
    """All instances sorted by the share meeting the target, coloured and labelled by province."""
    d = df.with_columns(pl.col("persen_memenuhi").fill_null(-1)).sort("persen_memenuhi")
    data = []
    for prov, color in PROVINSI_COLORS.items():
        part = d.filter(pl.col("provinsi") == prov)
        if part.height == 0:
            continue
        y = [
            ("◆ " if sel else "") + f"{short_name(n)} ({PROVINSI_SHORT[prov]})"
            for n, sel in part.select("instansi", "dipilih").iter_rows()
        ]
        x = [max(v, 0) * 100 for v in part["persen_memenuhi"].to_list()]
        txt = [
            T.REGION_LABEL.format(persen=pct(p), memenuhi=num(m), pegawai=num(n)) if p >= 0 else "–"
            for p, m, n in part.select("persen_memenuhi", "memenuhi", "pegawai").iter_rows()
        ]
        data.append(
            dict(
                type="bar", y=y, x=x, orientation="h", name=prov, marker=dict(color=color),
                text=txt, textposition="outside", cliponaxis=False,
            )
        )  # fmt: skip
    order = [
        ("◆ " if sel else "") + f"{short_name(n)} ({PROVINSI_SHORT.get(p, p)})"
        for n, p, sel in d.select("instansi", "provinsi", "dipilih").iter_rows()
    ]
    layout = dict(
        yaxis=dict(categoryorder="array", categoryarray=order, automargin=True),
        xaxis=dict(title=dict(text=T.REGION_X), range=[0, 125], ticksuffix="%", dtick=20),
        legend=dict(orientation="h", y=1.01, yanchor="bottom", x=0),
        bargap=0.2,
    )
    return figure(data, layout, demo=demo, height=max(300, 80 + 26 * d.height))


def yoy_fig(df: pl.DataFrame, demo: bool) -> go.Figure:
    """Change in the share meeting the target against the same day a year earlier."""
    d = df.filter(pl.col("perubahan").is_not_null()).sort("perubahan")
    vals = [v * 100 for v in d["perubahan"].to_list()]
    y = [
        f"{short_name(n)} ({PROVINSI_SHORT.get(p, p)})"
        for n, p in d.select("instansi", "provinsi").iter_rows()
    ]
    txt = [T.PP.format(sign="+" if v > 0 else "", value=num(v, 1)) for v in vals]
    bar = dict(
        type="bar", y=y, x=vals, orientation="h", text=txt, textposition="outside",
        cliponaxis=False, marker=dict(color=[UP_COLOR if v >= 0 else DOWN_COLOR for v in vals]),
    )  # fmt: skip
    lo, hi = min([0.0, *vals]), max([0.0, *vals])
    pad = max(hi - lo, 1.0) * 0.3  # room for the outside labels on both sides
    layout = dict(
        yaxis=dict(categoryorder="array", categoryarray=y, automargin=True),
        xaxis=dict(
            ticksuffix=" pp", zeroline=True, zerolinewidth=2, zerolinecolor="#333333",
            range=[lo - (pad if lo < 0 else 0.5), hi + pad],
        ),
    )  # fmt: skip
    return figure([bar], layout, demo=demo, height=max(300, 80 + 26 * d.height))
