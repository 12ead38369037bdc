"""Competency gap page: heatmap by unit / position type / golongan / instance, drill-down to
people and their gap profile, training needs with JP received, trend across years.

The views are lazy tabs: a rerun computes only the open one (the heatmap by default)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from analytics import fmt
from analytics.queries import competency as Q
from ui import cache
from ui.common import downloads, filter_summary, header
from ui.competency_chart import heatmap_figure, profile_figure, trend_figure
from ui.state import current_filter, current_scope, get_db
from ui.text import common as TC
from ui.text import kompetensi as T

ALL = "__semua__"
K_BARIS, K_URUT, K_TOP, K_BOBOT = "kmp_baris", "kmp_urut", "kmp_top", "kmp_bobot"
K_ROW, K_KOMP, K_PERSON, K_TOPK = "kmp_row", "kmp_komp", "kmp_person", "kmp_topk"
K_TAB, K_HEAT = "kmp_tab", "kmp_heat"

# Widgets of a closed tab are not rendered: keep their values across tab switches.
for _k in (K_ROW, K_KOMP, K_PERSON, K_TOPK):
    if _k in st.session_state:
        st.session_state[_k] = st.session_state[_k]


def _on_cell(key_of: dict[str, str], komp: list[str]) -> None:
    """A clicked heatmap cell chooses the drill-down row and competency and opens that tab."""
    event = st.session_state.get(K_HEAT) or {}
    points = event.get("selection", {}).get("points", []) if event else []
    if not points:
        return
    pt = points[0]
    x = pt.get("x")
    x = x[-1] if isinstance(x, list) else x
    name = str(x or "").replace("<br>", " ")
    match = [k for k in komp if k.replace(" ", "") == name.replace(" ", "")]
    if match:
        st.session_state[K_KOMP] = match[0]
    y = pt.get("y")
    if y in key_of:
        st.session_state[K_ROW] = key_of[y]
    elif isinstance(y, str) and y.startswith("Lainnya"):
        st.session_state[K_ROW] = Q.FOLD_KEY
    st.session_state[K_TAB] = T.TABS[1]


header(T.TITLE, T.CAPTION)
flt = current_filter()
scope = current_scope()
db = get_db()
demo = db.is_demo

# -- view controls (row dimension mirrored in the URL as p_baris) ----------------------------
if K_BARIS not in st.session_state:
    url = st.query_params.get("p_baris")
    single = len(flt.instansi) == 1 or (scope.instansi is not None and len(scope.instansi) == 1)
    st.session_state[K_BARIS] = url if url in Q.BARIS else ("unit" if single else "instansi")
c1, c2, c3, c4 = st.columns([1.1, 1.5, 1, 1])
baris = c1.selectbox(T.BARIS, list(Q.BARIS), key=K_BARIS, format_func=T.BARIS_OPSI.get)
urut = c2.selectbox(T.URUT, list(Q.URUTAN), key=K_URUT, format_func=T.URUT_OPSI.get)
top_n = c3.selectbox(T.TOP, list(T.TOP_OPSI), key=K_TOP, format_func=T.TOP_OPSI.get)
c4.write("")
bobot = c4.toggle(T.BOBOT, key=K_BOBOT, help=T.BOBOT_HELP)
if st.query_params.get("p_baris") != baris:
    st.query_params["p_baris"] = baris

# -- headline numbers ----------------------------------------------------------------------
s = cache.run(Q.ringkasan, flt, bobot).row(0, named=True)
k1, k2, k3, k4 = st.columns(4)
k1.metric(T.KPI_PEGAWAI, fmt.num(s["pegawai_filter"]))
k2.metric(T.KPI_PENILAIAN, fmt.num(s["penilaian"]), help=T.KPI_PENILAIAN_HELP)
k3.metric(T.KPI_GAP, fmt.num(s["rata_gap"], 2))
k4.metric(T.KPI_BAWAH, fmt.pct(s["pct_bawah"]), f"{fmt.num(s['di_bawah'])} penilaian", "off")

tabs = st.tabs(list(T.TABS), key=K_TAB, on_change="rerun")

# -- tab 1: heatmap ------------------------------------------------------------------------
with tabs[0]:
    if tabs[0].open:  # lazy: only the selected view runs
        h: Q.Heatmap = cache.run(Q.heatmap, flt, baris, urut, top_n, bobot)
        if h.cells.height == 0:
            st.info(TC.NO_DATA)
        else:
            title = T.HEATMAP_TITLE.format(baris=T.BARIS_OPSI[baris].lower(), tahun=flt.tahun)
            key_of = dict(
                zip(h.rows["baris"].to_list(), h.rows["baris_key"].to_list(), strict=True)
            )
            st.plotly_chart(
                heatmap_figure(h.cells, title, demo=demo),
                key=K_HEAT,
                on_select=partial(_on_cell, key_of, h.columns["kompetensi"].to_list()),
                selection_mode="points",
                width="stretch",
            )
            st.caption(T.HEATMAP_NOTE)
            if h.folded:
                st.caption(T.FOLDED.format(n=fmt.num(h.folded)))
            st.caption(T.DEFAULT_NOTE + TC.UNCERTAIN)

# -- tab 2: drill-down to people and a person's profile -------------------------------------
with tabs[1]:
    if tabs[1].open:  # lazy: only the selected view runs
        h = cache.run(Q.heatmap, flt, baris, urut, top_n, bobot)
        if h.cells.height == 0:
            st.info(TC.NO_DATA)
        elif scope.aggregates_only:
            st.info(TC.AGGREGATES_ONLY)
        else:
            st.subheader(T.DRILL_TITLE)
            labels = dict(
                zip(h.rows["baris_key"].to_list(), h.rows["baris"].to_list(), strict=True)
            )
            komp = h.columns["kompetensi"].to_list()
            row_opts = [ALL] + list(labels) + ([Q.FOLD_KEY] if h.folded else [])
            if st.session_state.get(K_ROW) not in row_opts:
                st.session_state[K_ROW] = ALL
            if st.session_state.get(K_KOMP) not in komp:
                worst = h.columns.sort("kekurangan", descending=True)["kompetensi"].to_list()
                st.session_state[K_KOMP] = worst[0]
            d1, d2 = st.columns(2)
            row = d1.selectbox(
                T.DRILL_ROW,
                row_opts,
                key=K_ROW,
                format_func=lambda k: (
                    T.DRILL_ALL if k == ALL else labels.get(k, f"Lainnya ({h.folded})")
                ),
            )
            kompetensi = d2.selectbox(T.DRILL_KOMP, komp, key=K_KOMP)
            if row == ALL:
                keys: tuple[str, ...] = ()
            elif row == Q.FOLD_KEY:
                keys = tuple(h.rows["baris_key"].to_list()[top_n:])
            else:
                keys = (row,)
            dd: Q.Drilldown = cache.run(Q.drilldown, flt, baris, keys, kompetensi, Q.PAGE_ROWS)
            if dd.total == 0:
                st.info(T.DRILL_EMPTY)
            else:
                st.markdown(
                    T.DRILL_SUMMARY.format(
                        total=fmt.num(dd.total),
                        kompetensi=f"**{kompetensi}**",
                        bawah=f"**{fmt.num(dd.di_bawah)}**",
                        shown=fmt.num(dd.people.height),
                    )
                )
                show = ["nama", "nip", "jabatan", "golongan", "unit_kerja", "level",
                        "level_standar", "gap", "tahun_asesmen", "sumber_standar", "kepentingan",
                        "jp_tahun_ini"]  # fmt: skip
                if len(flt.instansi) != 1:
                    show.insert(5, "instansi")
                st.dataframe(
                    dd.people.select(show),
                    hide_index=True,
                    width="stretch",
                    height=min(420, 38 + 35 * dd.people.height),
                    column_config={
                        **{c: T.COL[c] for c in show},
                        "gap": st.column_config.NumberColumn(T.COL["gap"], format="%+d"),
                        "jp_tahun_ini": st.column_config.NumberColumn(
                            T.COL["jp_tahun_ini"], format="%.1f"
                        ),
                        "tahun_asesmen": st.column_config.NumberColumn(
                            T.COL["tahun_asesmen"], format="%d"
                        ),
                    },  # fmt: skip
                )
                # The full list (every person of the cell) is built on click only.
                downloads(
                    lambda: Q.drilldown(db, flt, scope, baris, keys, kompetensi, None).people
                    .select(show),
                    T.DRILL_EXPORT_NAME.format(tahun=flt.tahun),
                    "kmp_dd",
                )  # fmt: skip

                # -- person profile (picked from the page of people above) -------------------
                st.subheader(T.PROFILE_TITLE)
                people = dict(
                    zip(
                        dd.people["nip"].to_list(),
                        [f"{n} · {j} · {u}" for n, j, u in
                         dd.people.select("nama", "jabatan", "unit_kerja").iter_rows()],
                        strict=True,
                    )
                )  # fmt: skip
                if st.session_state.get(K_PERSON) not in people:
                    st.session_state[K_PERSON] = next(iter(people))
                kode = st.selectbox(T.PROFILE_PICK, list(people), key=K_PERSON,
                                    format_func=people.get)  # fmt: skip
                prof = cache.run(Q.profil_pegawai, flt, kode)
                if prof.height == 0:
                    st.info(T.PROFILE_EMPTY)
                else:
                    first = prof.row(0, named=True)
                    ptitle = T.PROFILE_CHART.format(
                        nama=first["nama"], jabatan=first["jabatan"], tahun=flt.tahun
                    )
                    st.plotly_chart(profile_figure(prof, ptitle, demo=demo), width="stretch",
                                    key="kmp_profile")  # fmt: skip

# -- tab 3: training needs -----------------------------------------------------------------
with tabs[2]:
    if tabs[2].open:  # lazy: only the selected view runs
        st.subheader(T.TRAINING_TITLE)
        st.caption(T.TRAINING_NOTE.format(tahun=flt.tahun))
        if st.session_state.get(K_TOPK) not in (1, 3, 5):
            st.session_state[K_TOPK] = 3
        topk = st.selectbox(T.TRAINING_TOPK, [1, 3, 5], key=K_TOPK)
        need = cache.run(Q.kebutuhan_pelatihan, flt, topk, bobot)
        if need.height == 0:
            st.info(T.TRAINING_EMPTY)
        else:
            cols = ["unit_kerja", "peringkat", "kompetensi", "pegawai", "perlu_pengembangan",
                    "pct_bawah", "kekurangan", "rata_jp", "belum_target_jp"]  # fmt: skip
            st.dataframe(
                need.select(cols),
                hide_index=True,
                width="stretch",
                height=min(460, 38 + 35 * need.height),
                column_config={
                    **{c: T.COL[c] for c in cols},
                    "pct_bawah": st.column_config.ProgressColumn(
                        T.COL["pct_bawah"], min_value=0.0, max_value=1.0, format="percent"
                    ),
                    "kekurangan": st.column_config.NumberColumn(T.COL["kekurangan"], format="%.0f"),
                    "rata_jp": st.column_config.NumberColumn(T.COL["rata_jp"], format="%.1f"),
                },
            )
        st.page_link("pages/jp.py", label=T.TRAINING_LINK, icon="➡️")

# -- tab 4: trend --------------------------------------------------------------------------
with tabs[3]:
    if tabs[3].open:  # lazy: only the selected view runs
        st.subheader(T.TREND_TITLE)
        trend = cache.run(Q.tren, flt, bobot)
        if trend.height == 0:
            st.info(T.TREND_EMPTY)
        else:
            st.plotly_chart(
                trend_figure(trend, filter_summary(flt), demo=demo),
                width="stretch",
                key="kmp_trend",
            )
            st.caption(T.TREND_NOTE)

# -- export (built on click only) ----------------------------------------------------------
st.subheader(T.EXPORT_TITLE)
st.caption(filter_summary(flt))
downloads(
    lambda: Q.export_kompetensi(db, flt, scope),
    T.EXPORT_NAME.format(tahun=flt.tahun),
    "kmp_exp",
)
