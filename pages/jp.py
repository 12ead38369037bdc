"""JP tracking: progress toward 20 JP a year by person, unit, instance and rank (issue 6)."""

from __future__ import annotations

import streamlit as st

from analytics.fmt import num, pct, tanggal
from analytics.queries import jp as Q
from analytics.rules import jp as R
from ui import jp_chart as C
from ui.cache import run
from ui.common import downloads, header
from ui.state import current_filter, current_scope, get_db
from ui.text import common as TC
from ui.text import jp as T

LIST_INLINE_MAX = 5000

header(T.TITLE, T.CAPTION)
db = get_db()
demo = db.is_demo
scope = current_scope()
flt = current_filter()
data_date = run(Q.default_as_of, flt)
lo, hi = Q.as_of_bounds(flt)

# -- controls ---------------------------------------------------------------------------------
c1, c2, c3 = st.columns([1, 1.3, 1.4])
as_of = c1.date_input(
    T.AS_OF, value=data_date, min_value=lo, max_value=hi, key=f"jp_asof_{flt.tahun}",
    help=T.AS_OF_HELP, format="DD/MM/YYYY",
)  # fmt: skip
with c3.expander(T.SETTINGS):
    target_pppk = st.number_input(
        T.TARGET_PPPK, min_value=1.0, max_value=200.0, value=R.DEFAULT.target_pppk, step=1.0,
        key="jp_target_pppk", help=T.TARGET_PPPK_HELP,
    )  # fmt: skip
    st.caption(T.CONVERSION_HEADER)
    st.markdown("\n".join(f"- {c.label}" for c in R.DEFAULT.conversions))
statuses = list(flt.status or ("PNS", "PPPK"))
group_labels = {
    "PNS": T.GROUP_PNS.format(target=num(R.DEFAULT.target_pns)),
    "PPPK": T.GROUP_PPPK.format(target=num(target_pppk)),
}
group = c2.radio(T.GROUP, statuses, format_func=group_labels.get, horizontal=True, key="jp_group")
target = R.DEFAULT.target_pns if group == "PNS" else float(target_pppk)
gflt = flt.with_(status=(group,))
st.caption(T.DATA_AS_OF.format(tanggal=tanggal(data_date)))

# -- headline, PNS and PPPK separately --------------------------------------------------------
head = run(Q.headline, flt, as_of, target_pppk)
for row in head.iter_rows(named=True):
    st.markdown(
        T.METRIC_ROW.format(
            status=row["status"], target=num(row["target"]), tanggal=tanggal(as_of),
            harapan=num(row["jp_harapan"], 1),
        )
    )  # fmt: skip
    if not row["pegawai"]:
        st.caption(T.NO_PEOPLE.format(status=row["status"]))
        continue
    m = st.columns(6)
    m[0].metric(T.M_PEGAWAI, num(row["pegawai"]))
    m[1].metric(T.M_MEMENUHI.format(target=num(row["target"])), num(row["memenuhi"]))
    m[2].metric(T.M_PERSEN, pct(row["persen_memenuhi"]))
    m[3].metric(T.M_RATA, num(row["rata_jp"], 1))
    m[4].metric(T.M_NOL, num(row["nol_jp"]))
    m[5].metric(T.M_BELAKANG, num(row["di_belakang"]), help=T.M_BELAKANG_HELP)

cur = head.filter(status=group).row(0, named=True)
tabs = st.tabs(
    [T.TAB_DIM, T.TAB_HIST, T.TAB_CUM, T.TAB_LIST, T.TAB_REGION], key="jp_tab", on_change="rerun"
)

# -- completion by dimension ------------------------------------------------------------------
with tabs[0]:
    d1, d2, d3 = st.columns([1, 1, 1])
    dim = d1.selectbox(T.DIM, Q.DIMENSIONS, format_func=T.DIM_LABELS.get, key="jp_dim")
    sort = d2.selectbox(T.SORT, Q.SORTS, format_func=T.SORT_LABELS.get, key="jp_sort")
    top_n = d3.selectbox(T.TOP_N, (15, 30, 50, 100), key="jp_top")
    comp = run(Q.completion, gflt, dim, as_of, target_pppk, sort)
    if comp.height == 0:
        st.info(TC.NO_DATA)
    else:
        st.caption(T.DIM_CHART_NOTE)
        st.plotly_chart(C.completion_fig(comp, top_n, demo), width="stretch", key="jp_dim_chart")
        if comp.height > top_n:
            st.caption(T.SHOWN_OF.format(n=num(top_n), total=num(comp.height)))
        cols = ["tampil", "pegawai", "memenuhi", "persen_memenuhi", "persen_sesuai_laju",
                "di_belakang", "nol_jp", "rata_jp", "median_jp"]  # fmt: skip
        st.dataframe(
            comp.select(cols),
            hide_index=True,
            width="stretch",
            column_config={
                **{c: T.COL[c] for c in cols},
                "persen_memenuhi": st.column_config.ProgressColumn(
                    T.COL["persen_memenuhi"], format="percent", min_value=0, max_value=1
                ),
                "persen_sesuai_laju": st.column_config.ProgressColumn(
                    T.COL["persen_sesuai_laju"], format="percent", min_value=0, max_value=1
                ),
                "rata_jp": st.column_config.NumberColumn(T.COL["rata_jp"], format="%.1f"),
                "median_jp": st.column_config.NumberColumn(T.COL["median_jp"], format="%.1f"),
            },
        )
    st.markdown(f"**{T.DOWNLOAD_HEADER}**")
    st.caption(T.DOWNLOAD_UNIT)
    # Files are built on click only (not on every rerun).
    downloads(lambda: Q.export_jp(db, gflt, scope, as_of), T.DOWNLOAD_NAME_UNIT, "jp_dl_unit")
    if not scope.aggregates_only:
        st.caption(T.DOWNLOAD_PEGAWAI)
        if cur["pegawai"] <= LIST_INLINE_MAX or st.toggle(T.LIST_SHOW_ALL, key="jp_peg_all"):
            downloads(
                lambda: Q.export_jp_pegawai(db, gflt, scope, as_of),
                T.DOWNLOAD_NAME_PEGAWAI,
                "jp_dl_peg",
            )

# -- distribution and routes ------------------------------------------------------------------
with tabs[1]:
    if tabs[1].open:  # lazy: only the selected view runs
        hist = run(Q.histogram, gflt, as_of, target_pppk)
        st.markdown(f"**{T.HIST_TITLE}**")
        if hist.height:
            st.plotly_chart(
                C.histogram_fig(hist, target, 2.0, demo), width="stretch", key="jp_hist"
            )
        st.markdown(f"**{T.JALUR_TITLE}**")
        st.plotly_chart(
            C.jalur_fig(run(Q.jalur_split, gflt, as_of, target_pppk), demo),
            width="stretch",
            key="jp_jalur",
        )

# -- cumulative month by month against the pace line ------------------------------------------
with tabs[2]:
    if tabs[2].open:  # lazy: only the selected view runs
        st.markdown(f"**{T.CUM_TITLE}**")
        stat = st.radio(
            T.CUM_STAT, list(T.CUM_STATS), format_func=T.CUM_STATS.get, horizontal=True,
            key="jp_cum_stat",
        )  # fmt: skip
        cum = run(Q.cumulative, gflt, as_of, target_pppk)
        st.plotly_chart(
            C.cumulative_fig(cum, flt.tahun, target, stat, demo), width="stretch", key="jp_cum"
        )
        st.markdown(f"**{T.CUM_SHARE_TITLE}**")
        st.plotly_chart(C.pace_share_fig(cum, demo), width="stretch", key="jp_cum_share")

# -- projection and lists of people -----------------------------------------------------------
with tabs[3]:
    if tabs[3].open:  # lazy: only the selected view runs
        st.markdown(f"#### {T.PROJ_HEADER}")
        st.markdown(
            T.PROJ_TEXT.format(
                n=num(cur["di_belakang"]), total=num(cur["pegawai"]),
                persen=pct(cur["di_belakang"] / cur["pegawai"] if cur["pegawai"] else None),
                target=num(target), bulan=num(R.months_left(as_of, flt.tahun), 1),
            )
        )  # fmt: skip
        if scope.aggregates_only:
            st.info(TC.AGGREGATES_ONLY)
        else:
            st.caption(T.LIST_CAPTION)
            show_all = False
            if max(cur["di_belakang"], cur["nol_jp"]) > LIST_INLINE_MAX:
                st.info(T.LIST_BIG.format(n=num(cur["di_belakang"])))
                show_all = st.toggle(T.LIST_SHOW_ALL, key="jp_list_all")
            lt = st.tabs([T.LIST_BEHIND, T.LIST_ZERO])
            for tab, kind, count, name in (
                (lt[0], "belakang", cur["di_belakang"], T.DOWNLOAD_NAME_BEHIND),
                (lt[1], "nol", cur["nol_jp"], T.DOWNLOAD_NAME_ZERO),
            ):
                with tab:
                    if count == 0:
                        st.info(T.LIST_EMPTY)
                        continue
                    if count > LIST_INLINE_MAX and not show_all:
                        continue
                    ppl = run(Q.people, gflt, kind, as_of, target_pppk)
                    st.dataframe(
                        ppl,
                        hide_index=True,
                        width="stretch",
                        column_config={
                            **{c: T.COL.get(c, c) for c in ppl.columns},
                            **{
                                c: st.column_config.NumberColumn(T.COL[c], format="%.1f")
                                for c in (
                                    "jp",
                                    "jp_harapan",
                                    "proyeksi",
                                    "kekurangan",
                                    "jp_per_bulan",
                                )
                            },
                        },
                    )
                    downloads(ppl, name, f"jp_dl_{kind}")

# -- regional view: all instances, year over year ---------------------------------------------
with tabs[4]:
    if tabs[4].open:  # lazy: only the selected view runs
        reg = run(Q.regional, gflt, as_of, target_pppk)
        st.markdown(f"**{T.REGION_TITLE.format(tanggal=tanggal(as_of))}**")
        st.caption(T.REGION_CAPTION)
        st.plotly_chart(C.regional_fig(reg, demo), width="stretch", key="jp_region")
        st.markdown(f"**{T.REGION_YOY_TITLE.format(tahun=flt.tahun - 1)}**")
        if reg["perubahan"].is_null().all():
            st.info(T.REGION_NO_PREV)
        else:
            st.plotly_chart(C.yoy_fig(reg, demo), width="stretch", key="jp_yoy")
