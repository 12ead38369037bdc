"""Charts and the styled table of the maturity and overview pages (no internet needed).

The map is a plain `go.Scatter` on longitude/latitude axes (equal aspect) over a schematic
coastline shipped in `data/nusa_tenggara_skematis.geojson`: no web tiles, no geo base layers,
no fonts fetched at view time.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
import polars as pl
import streamlit as st

from analytics import fmt
from analytics.store import DATA_DIR
from ui.charts import MATURITY_LEVEL_COLORS, MT_STATUS_COLORS, figure, merge, side_by_side
from ui.text import kematangan as T

OUTLINE_FILE = DATA_DIR / "nusa_tenggara_skematis.geojson"
STATUS_ORDER = ("Sudah", "Proses", "Belum")
TEXT_DARK = "#111111"
LAND = "#EEF1F4"
# Label offsets (pixels) for named seats, used in turn from west to east.
LABEL_OFFSETS = ((-10, 70), (-10, -70), (70, -75), (120, 45), (150, -30), (40, 95))
COAST = "#8C99A6"


@lru_cache(maxsize=1)
def outline() -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    """The schematic coastline polygons: (name, ((lon, lat), ...)) per island."""
    data = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
    out = []
    for feat in data["features"]:
        ring = feat["geometry"]["coordinates"][0]
        out.append((feat["properties"]["nama"], tuple((float(x), float(y)) for x, y in ring)))
    return tuple(out)


def _spread(lon: list[float], lat: list[float]) -> tuple[list[float], list[float]]:
    """Nudge markers that share a seat (province and its capital city) so both stay visible."""
    seen: dict[tuple[float, float], int] = {}
    xs, ys = [], []
    for x, y in zip(lon, lat, strict=True):
        key = (round(x, 3), round(y, 3))
        k = seen.get(key, 0)
        seen[key] = k + 1
        xs.append(x - 0.13 * k)
        ys.append(y - 0.13 * k)
    return xs, ys


def map_figure(table: pl.DataFrame, *, demo: bool = False, height: int = 430) -> go.Figure:
    """Seats of the instances coloured by maturity level, over the schematic coastline."""
    data: list[dict] = [
        dict(
            type="scatter", x=[p[0] for p in ring], y=[p[1] for p in ring], mode="lines",
            fill="toself", fillcolor=LAND, line=dict(color=COAST, width=1), hoverinfo="skip",
            showlegend=False, **({"name": "pantai"} if i == 0 else {}),
        )
        for i, (_, ring) in enumerate(outline())
    ]  # fmt: skip
    rows = table.filter(pl.col("lon").is_not_null())
    xs, ys = _spread(rows["lon"].to_list(), rows["lat"].to_list())
    rows = rows.with_columns(pl.Series("x", xs), pl.Series("y", ys))
    for lvl in (1, 2, 3, 4, 5, None):
        part = rows.filter(pl.col("level").is_null() if lvl is None else pl.col("level") == lvl)
        if part.is_empty():
            continue
        hover = [
            f"<b>{r['nama']}</b><br>{r['provinsi']}<br>"
            f"Pembangunan MT: {r['pembangunan_mt'] or T.NONE} · "
            f"Penerapan MT: {r['penerapan_mt'] or T.NONE}<br>"
            f"Level: {r['level'] if r['level'] is not None else T.NONE}"
            + (
                f"<br>ISM {fmt.num(r['skor_ism'], 1)} ({r['kategori_ism']}, {r['tahun_ism']})"
                if r["skor_ism"] is not None
                else ""
            )
            for r in part.iter_rows(named=True)
        ]
        color = MATURITY_LEVEL_COLORS.get(lvl, "#FFFFFF") if lvl else "#FFFFFF"
        data.append(
            dict(
                type="scatter", x=part["x"].to_list(), y=part["y"].to_list(),
                mode="markers+text",
                marker=dict(size=24 if lvl and lvl > 1 else 18, color=color,
                            line=dict(color="#333333", width=1.2)),
                text=[str(lvl) if lvl else "?"] * part.height,
                textfont=dict(size=13 if lvl and lvl > 1 else 11, color=TEXT_DARK),
                textposition="middle center", hovertext=hover, hoverinfo="text",
                customdata=part["no"].to_list(),
                name=T.MAP_LEGEND.format(level=lvl) if lvl else T.NONE,
            )
        )  # fmt: skip
    # Name labels for instances above level 1 (the few that have moved), so a projector shows
    # who they are without hovering; offsets fan out so neighbouring seats stay readable.
    labelled = rows.filter(pl.col("level") > 1).sort("x")
    notes = []
    for i, r in enumerate(labelled.iter_rows(named=True)):
        ax, ay = LABEL_OFFSETS[i % len(LABEL_OFFSETS)]
        notes.append(
            dict(
                x=r["x"], y=r["y"], text=_short(r["nama"]), showarrow=True, arrowhead=0,
                arrowcolor="#555555", ax=ax, ay=ay, font=dict(size=13, color=TEXT_DARK),
                bgcolor="rgba(255,255,255,0.9)", bordercolor="#666666", borderwidth=1,
            )
        )  # fmt: skip
    layout = dict(
        annotations=notes,
        xaxis=dict(range=[114.3, 125.4], visible=False, constrain="domain"),
        yaxis=dict(range=[-11.1, -7.9], visible=False, scaleanchor="x", scaleratio=1,
                   constrain="domain"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=14)),
        plot_bgcolor="#FFFFFF",
        margin=dict(l=5, r=5, t=40, b=5),
    )  # fmt: skip
    return figure(data, layout, demo=demo, height=height)


def _short(nama: str) -> str:
    for prefix in ("Kabupaten ", "Provinsi "):
        if nama.startswith(prefix):
            return nama[len(prefix) :] + (" (Prov.)" if prefix == "Provinsi " else "")
    return nama


def _axes(layout: dict, name: str, count: int, props: dict) -> None:
    """Set `props` on every axis of a kind (like `update_xaxes` / `update_yaxes`)."""
    for i in range(1, count + 1):
        key = name if i == 1 else f"{name}{i}"
        layout[key] = merge(layout.get(key, {}), props)


def province_bars(per_provinsi: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """Stacked horizontal bars: instances per status in each province, one panel per aspect."""
    aspects = ("Pembangunan MT", "Penerapan MT")
    provs = per_provinsi["provinsi"].unique(maintain_order=True).to_list()
    data = []
    for col, aspek in enumerate(aspects, start=1):
        for status in STATUS_ORDER:
            part = per_provinsi.filter((pl.col("aspek") == aspek) & (pl.col("status") == status))
            vals = dict(part.select("provinsi", "jumlah").iter_rows())
            x = [vals.get(p, 0) for p in provs]
            data.append(
                dict(
                    type="bar", y=provs, x=x, orientation="h", name=status,
                    marker=dict(color=MT_STATUS_COLORS[status]),
                    text=[_bar_label(status, v) for v in x],
                    textposition="inside", insidetextanchor="middle",
                    textfont=dict(size=14, color=TEXT_DARK), constraintext="none",
                    legendgroup=status, showlegend=col == 1,
                    hovertemplate="%{y}: %{x} instansi " + status + "<extra></extra>",
                    xaxis="x" if col == 1 else "x2", yaxis="y" if col == 1 else "y2",
                )
            )  # fmt: skip
    layout = side_by_side(aspects, 0.04)
    _axes(layout, "yaxis", 2, dict(autorange="reversed", tickfont=dict(size=14)))
    _axes(layout, "xaxis", 2, dict(title=dict(text="instansi")))
    layout |= dict(
        barmode="stack",
        legend=dict(orientation="h", yanchor="top", y=-0.3, x=0),
        margin=dict(l=10, r=10, t=40, b=10),
        uniformtext=dict(minsize=12, mode="show"),
    )
    return figure(data, layout, demo=demo, height=170 + 60 * max(len(provs), 1))


def _bar_label(status: str, v: int) -> str:
    """Count with the status name when the segment is wide enough (colour is never alone)."""
    if not v:
        return ""
    return f"{status} {v}" if v >= 4 else str(v)


def status_bars(per_status: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """One stacked bar per aspect (Pembangunan / Penerapan) with instance counts per status."""
    aspects = ["Pembangunan MT", "Penerapan MT"]
    data = []
    for status in STATUS_ORDER:
        vals = dict(
            per_status.filter(pl.col("status") == status).select("aspek", "jumlah").iter_rows()
        )
        x = [vals.get(a, 0) for a in aspects]
        data.append(
            dict(
                type="bar", y=aspects, x=x, orientation="h", name=status,
                marker=dict(color=MT_STATUS_COLORS[status]),
                text=[_bar_label(status, v) for v in x], textposition="inside",
                insidetextanchor="middle", textfont=dict(size=15, color=TEXT_DARK),
                hovertemplate="%{y}: %{x} instansi " + status + "<extra></extra>",
            )
        )  # fmt: skip
    layout = dict(
        barmode="stack",
        yaxis=dict(autorange="reversed", tickfont=dict(size=15)),
        xaxis=dict(title=dict(text="instansi")),
        legend=dict(orientation="h", yanchor="bottom", y=1.05, x=0),
    )
    return figure(data, layout, demo=demo, height=230)


def level_bars(per_level: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """Instances per maturity level (1..5), bars coloured by level, counts on the bars."""
    levels = per_level["level"].to_list()
    counts = per_level["jumlah"].to_list()
    bar = dict(
        type="bar", x=[f"Level {lv}" for lv in levels], y=counts,
        marker=dict(color=[MATURITY_LEVEL_COLORS[lv] for lv in levels],
                    line=dict(color="#333333", width=1)),
        text=[str(c) for c in counts], textposition="outside", textfont=dict(size=15),
        hovertemplate="%{x}: %{y} instansi<extra></extra>", showlegend=False,
    )  # fmt: skip
    layout = dict(yaxis=dict(title=dict(text="instansi"), rangemode="tozero"))
    return figure([bar], layout, demo=demo, height=260)


def timeline_figure(tl: pl.DataFrame, *, demo: bool = False) -> go.Figure:
    """Stacked bars of instances per status at each period, one panel per aspect."""
    aspects = ("Pembangunan MT", "Penerapan MT")
    dates = sorted(tl["periode"].unique().to_list())
    labels = [fmt.tanggal(d) for d in dates]
    data = []
    for col, aspek in enumerate(aspects, start=1):
        for status in STATUS_ORDER:
            part = tl.filter((pl.col("aspek") == aspek) & (pl.col("status") == status))
            vals = dict(part.select("periode", "jumlah").iter_rows())
            y = [vals.get(d, 0) for d in dates]
            data.append(
                dict(
                    type="bar", x=labels, y=y, name=status,
                    marker=dict(color=MT_STATUS_COLORS[status]),
                    text=[str(v) if v else "" for v in y], textposition="inside",
                    textfont=dict(size=14, color=TEXT_DARK), legendgroup=status,
                    showlegend=col == 1,
                    hovertemplate="%{x}: %{y} instansi " + status + "<extra></extra>",
                    xaxis="x" if col == 1 else "x2", yaxis="y" if col == 1 else "y2",
                )
            )  # fmt: skip
    layout = side_by_side(aspects, 0.05)
    _axes(layout, "xaxis", 2, dict(type="category"))
    layout["yaxis"] = merge(layout["yaxis"], dict(title=dict(text="instansi")))
    layout |= dict(barmode="stack", legend=dict(orientation="h", yanchor="bottom", y=1.1, x=0))
    return figure(data, layout, demo=demo, height=380)


# -- the table -------------------------------------------------------------------------------
def table_frame(table: pl.DataFrame) -> pd.DataFrame:
    """The maturity table with Indonesian column names, as a small pandas frame for display."""
    df = table.select(
        pl.col("no").alias(T.COL_NO),
        pl.col("nama").alias(T.COL_NAMA),
        pl.col("provinsi").alias(T.COL_PROV),
        pl.col("pembangunan_mt").alias(T.COL_BANGUN),
        pl.col("penerapan_mt").alias(T.COL_TERAP),
        pl.col("level").alias(T.COL_LEVEL),
        pl.col("skor_ism").alias(T.COL_ISM),
        pl.col("kategori_ism").alias(T.COL_ISM_CAT),
        pl.col("tahun_ism").alias(T.COL_ISM_YEAR),
        pl.col("asn").alias(T.COL_ASN),
        pl.col("talent_pool").alias(T.COL_POOL),
        pl.col("share_20jp").alias(T.COL_JP),
        pl.col("periode").alias(T.COL_PERIODE),
    )
    return df.to_pandas()


# Status cells as coloured labels (st.dataframe's multiselect column, read-only): a pandas
# Styler with coloured chips cost 40–80 ms of every rerun of the page (issue 8). Colour is
# never alone: the label carries the status text.
ISM_CATEGORIES = ("IV Sangat Baik", "III Baik", "II Kurang", "I Buruk")
ISM_LABEL_COLORS = ("#009E73", "#56B4E9", "#E69F00", "#D55E00")


def _labels(values: list[str | None]) -> list[list[str]]:
    return [[v] if v else [] for v in values]


def display_table(table: pl.DataFrame) -> pd.DataFrame:
    """The maturity table for display: Indonesian column names, statuses and ISM categories
    as coloured labels; formats in `TABLE_COLUMNS`."""
    df = table_frame(table)
    for col in (T.COL_BANGUN, T.COL_TERAP, T.COL_ISM_CAT):
        df[col] = _labels(df[col].tolist())
    return df


def _pair(b: str | None, p: str | None) -> str:
    return f"{b}/{p}" if b and p else T.NONE


def changes_frame(changes: pl.DataFrame) -> pd.DataFrame:
    """Changes since a date, for display: old and new status pairs, level change, evidence."""
    rows = []
    for r in changes.iter_rows(named=True):
        d = r["selisih_level"]
        rows.append(
            {
                T.COL_NO: r["no"],
                T.COL_NAMA: r["nama"],
                T.COL_LAMA: _pair(r["pembangunan_lama"], r["penerapan_lama"])
                + (f" (level {r['level_lama']})" if r["level_lama"] is not None else ""),
                T.COL_BARU: _pair(r["pembangunan_baru"], r["penerapan_baru"])
                + (f" (level {r['level_baru']})" if r["level_baru"] is not None else ""),
                T.COL_SELISIH: T.NEW if d is None else (f"+{d}" if d > 0 else str(d)),
                T.COL_PERIODE: fmt.tanggal(r["periode"]),
                T.COL_BUKTI: r["bukti"] or T.NONE,
                T.COL_CATATAN: r["catatan"] or "",
                T.COL_OLEH: r["dicatat_oleh"] or "",
            }
        )
    return pd.DataFrame(rows)


def history_frame(hist: pl.DataFrame) -> pd.DataFrame:
    """All status rows, newest first, for display."""
    rows = [
        {
            T.COL_PERIODE: fmt.tanggal(r["periode"]),
            T.COL_NO: r["no"],
            T.COL_NAMA: r["nama"],
            T.COL_BANGUN: r["pembangunan_mt"],
            T.COL_TERAP: r["penerapan_mt"],
            T.COL_LEVEL: r["level"],
            T.COL_BUKTI: r["bukti"] or T.NONE,
            T.COL_CATATAN: r["catatan"] or "",
            T.COL_SUMBER: T.SUMBER.get(r["sumber"], r["sumber"]),
            T.COL_OLEH: r["dicatat_oleh"] or "",
            T.COL_PADA: fmt.tanggal(r["dicatat_pada"]) if r["dicatat_pada"] else "",
        }
        for r in hist.iter_rows(named=True)
    ]
    return pd.DataFrame(rows)


def province_frame(prov: pl.DataFrame) -> pd.DataFrame:
    """Per-province summary of the landing page, with Indonesian headers and number formats."""
    from ui.text import ringkasan as R

    rows = [
        {
            R.COL_PROV: R.TOTAL if r["provinsi"] == "Total" else r["provinsi"],
            R.COL_INSTANSI: fmt.num(r["instansi"]),
            R.COL_BANGUN: fmt.num(r["bangun_sudah"]),
            R.COL_TERAP: fmt.num(r["terap_sudah"]),
            R.COL_ASN: fmt.num(r["asn"]),
            R.COL_COVER: f"{fmt.num(r['asn_tercakup'])} ({fmt.pct(r['share_tercakup'])})",
            R.COL_JP: f"{fmt.pct(r['share_20jp'])} ({fmt.num(r['pns_20jp'])} dari "
            f"{fmt.num(r['pns'])})",
            R.COL_POOL: fmt.num(r["talent_pool"]),
        }
        for r in prov.iter_rows(named=True)
    ]
    return pd.DataFrame(rows)


# Column widths of the maturity table (labels stay the Indonesian headers).
TABLE_COLUMNS = {
    T.COL_NO: st.column_config.NumberColumn(width=40, format="%d"),
    T.COL_NAMA: st.column_config.Column(width="medium"),
    T.COL_LEVEL: st.column_config.NumberColumn(width=55, format="%d"),
    T.COL_ISM: st.column_config.NumberColumn(width=75, format="localized"),
    T.COL_ISM_YEAR: st.column_config.NumberColumn(width=75, format="%d"),
    T.COL_ASN: st.column_config.NumberColumn(format="localized"),
    T.COL_POOL: st.column_config.NumberColumn(format="localized"),
    T.COL_JP: st.column_config.NumberColumn(format="percent"),
    T.COL_PERIODE: st.column_config.DateColumn(format="DD/MM/YYYY"),
    **{
        col: st.column_config.MultiselectColumn(
            options=list(STATUS_ORDER), color=[MT_STATUS_COLORS[x] for x in STATUS_ORDER]
        )
        for col in (T.COL_BANGUN, T.COL_TERAP)
    },
    T.COL_ISM_CAT: st.column_config.MultiselectColumn(
        options=list(ISM_CATEGORIES), color=list(ISM_LABEL_COLORS)
    ),
}
