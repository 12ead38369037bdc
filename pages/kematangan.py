"""Kanreg X maturity page: status table of the 44 instances, summary, offline map, history."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from analytics import fmt
from analytics.auth import can
from analytics.queries import maturity as Q
from analytics.queries.common import instansi_options
from analytics.reference import PUBLISHED_PERIOD
from analytics.rules import maturity as R
from ui import cache
from ui import maturity_chart as mc
from ui.common import downloads, header
from ui.sidebar import set_instansi
from ui.state import current_filter, current_scope, get_db
from ui.text import kematangan as T

K_PER, K_SEJAK, K_TABLE, K_IDS, K_SAVED = "p_per", "p_sejak", "mt_tabel", "_mt_ids", "_mt_saved"
K_SINCE_VALUE = "_mt_sejak"

header(T.TITLE, T.CAPTION)
db = get_db()
flt = current_filter()
scope = current_scope()
demo = db.is_demo
today = date.today()
quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
default_sejak = max(quarter_start - timedelta(days=1), PUBLISHED_PERIOD)
min_date = date(PUBLISHED_PERIOD.year, 1, 1)

# Page parameters in the URL (p_per, p_sejak): read once per session, invalid ones ignored.
if not st.session_state.get("_mt_url_loaded"):
    st.session_state["_mt_url_loaded"] = True
    bad = []
    for key in (K_PER, K_SEJAK):
        if key in st.query_params:
            try:
                value = date.fromisoformat(st.query_params[key])
                if not min_date <= value <= today:
                    raise ValueError
                st.session_state[key if key == K_PER else K_SINCE_VALUE] = value
            except ValueError:
                bad.append(f"{key}={st.query_params[key]}")
    if bad:
        st.warning(T.URL_BAD_DATE.format(items=", ".join(bad)))
st.session_state.setdefault(K_PER, today)
# The 'since' date's widget lives in the lazy history tab; its value is kept under its own key
# (set by the widget's callback) while that tab is closed, and handed to the widget each run.
st.session_state[K_SEJAK] = st.session_state.get(K_SINCE_VALUE, default_sejak)


def _keep_sejak() -> None:
    st.session_state[K_SINCE_VALUE] = st.session_state[K_SEJAK]


c_date, c_note = st.columns([1, 3])
as_of = c_date.date_input(
    T.AS_OF, key=K_PER, min_value=min_date, max_value=today, format="DD/MM/YYYY",
    help=T.AS_OF_HELP,
)  # fmt: skip
c_note.caption(T.PUBLISHED_ASSUMPTION.format(tanggal=fmt.tanggal(PUBLISHED_PERIOD, long=True)))

s = cache.run(Q.summary, flt, as_of)
table = s.tabel

if flt.instansi:
    c1, c2 = st.columns([3, 1])
    c1.info(T.FILTERED.format(n=len(flt.instansi)))
    c2.button(T.SHOW_ALL, on_click=set_instansi, args=([],), width="stretch")

# -- summary -----------------------------------------------------------------------------------
st.subheader(T.SUMMARY_HEADER)
st.markdown(T.SENTENCE.format(bangun=s.bangun_sudah, total=s.instansi, terap=s.terap_sudah))
m1, m2, m3 = st.columns(3)
m1.metric(T.M_BANGUN, T.M_OF.format(n=s.bangun_sudah, total=s.instansi), border=True)
m2.metric(T.M_TERAP, T.M_OF.format(n=s.terap_sudah, total=s.instansi), border=True)
m3.metric(
    T.M_COVER,
    fmt.pct(s.share_tercakup),
    T.M_COVER_DELTA.format(n=fmt.num(s.asn_tercakup), total=fmt.num(s.asn)),
    delta_color="off",
    delta_arrow="off",
    help=T.M_COVER_HELP,
    border=True,
)
st.markdown(f"**{T.BAR_TITLE}**")
st.plotly_chart(mc.province_bars(s.per_provinsi, demo=demo), width="stretch")

# -- table -------------------------------------------------------------------------------------
st.subheader(T.TABLE_HEADER)
st.caption(T.TABLE_HELP)
st.session_state[K_IDS] = table["no"].to_list()


def _on_select() -> None:
    rows = st.session_state[K_TABLE]["selection"]["rows"]
    ids = st.session_state.get(K_IDS, [])
    if rows and rows[0] < len(ids):
        set_instansi([ids[rows[0]]])


st.dataframe(
    mc.display_table(table),
    key=K_TABLE,
    on_select=_on_select,
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * max(table.height, 1), 1620),
    placeholder="",
    column_config=mc.TABLE_COLUMNS,
)
bad_rows = table.filter(~table["konsisten"])
if bad_rows.height:
    st.warning(
        T.INCONSISTENT_ROWS.format(n=bad_rows.height, names=", ".join(bad_rows["nama"].to_list()))
    )
st.markdown(T.LEVEL_NOTE)
st.markdown(T.ISM_NOTE)
st.caption(T.WORKFORCE_NOTE.format(tahun=flt.tahun))

if len(flt.instansi) == 1 and table.height == 1:
    st.markdown(T.SELECTED.format(nama=table["nama"][0]))
    st.caption(T.OPEN_PAGES)
    l1, l2, l3 = st.columns(3)
    l1.page_link("pages/ninebox.py", label=T.LINK_NINEBOX, width="stretch")
    l2.page_link("pages/kompetensi.py", label=T.LINK_KOMPETENSI, width="stretch")
    l3.page_link("pages/jp.py", label=T.LINK_JP, width="stretch")

if can(scope, "export"):
    st.markdown(f"**{T.EXPORT_HEADER}**")
    downloads(lambda: Q.tabel_kanreg(db, flt, scope, as_of), T.EXPORT_NAME, "mt_export")

# -- map and history: lazy tabs (only the open one runs on a rerun) ----------------------------
tabs = st.tabs([T.TAB_MAP, T.TAB_HISTORY], key="mt_tab", on_change="rerun")
with tabs[0]:
    if tabs[0].open:
        st.subheader(T.MAP_HEADER)
        g1, g2 = st.columns([4, 1])
        with g1:
            st.plotly_chart(
                mc.map_figure(table, demo=demo), width="stretch", config={"displaylogo": False}
            )
            st.caption(T.MAP_NOTE)
        with g2:
            st.markdown(f"**{T.LEVEL_TITLE}**")
            st.plotly_chart(mc.level_bars(s.per_level, demo=demo), width="stretch")


with tabs[1]:
    if tabs[1].open:
        st.subheader(T.HISTORY_HEADER)
        saved = st.session_state.pop(K_SAVED, None)
        if saved:
            st.success(saved)
        sejak = st.date_input(
            T.CHANGES_SINCE, key=K_SEJAK, on_change=_keep_sejak, min_value=min_date,
            max_value=today, format="DD/MM/YYYY", help=T.CHANGES_SINCE_HELP,
        )  # fmt: skip
        changes = cache.run(Q.changes_since, flt, sejak, as_of)
        if changes.is_empty():
            st.info(T.CHANGES_NONE.format(tanggal=fmt.tanggal(sejak)))
        else:
            d = changes["selisih_level"]
            st.markdown(
                T.CHANGES_COUNT.format(
                    n=changes.height,
                    tanggal=fmt.tanggal(sejak),
                    naik=int((d > 0).sum()),
                    turun=int((d < 0).sum()),
                )
            )
            st.dataframe(mc.changes_frame(changes), hide_index=True, width="stretch")

        tl = cache.run(Q.timeline, flt)
        st.markdown(f"**{T.TIMELINE_TITLE}**")
        if tl["periode"].n_unique() <= 1:
            st.caption(T.TIMELINE_ONE)
        st.plotly_chart(mc.timeline_figure(tl, demo=demo), width="stretch")

        st.markdown(f"**{T.FORM_HEADER}**")
        if scope.aggregates_only or not can(scope, "record_status"):
            st.info(T.FORM_NO_ACCESS.format(role=scope.role))
        else:
            st.caption(T.FORM_NOTE)
            options = instansi_options(db, scope)
            names = dict(options.select("id", "nama").iter_rows())
            ids = list(names)
            default = (
                ids.index(flt.instansi[0])
                if len(flt.instansi) == 1 and flt.instansi[0] in ids
                else 0
            )
            with st.form("mt_form", clear_on_submit=False, border=True):
                f1, f2 = st.columns(2)
                inst_id = f1.selectbox(
                    T.FORM_INSTANSI, ids, index=default, format_func=names.get, key="mt_f_instansi"
                )
                periode = f2.date_input(
                    T.FORM_PERIODE, value=today, min_value=PUBLISHED_PERIOD, max_value=today,
                    format="DD/MM/YYYY", key="mt_f_periode",
                )  # fmt: skip
                f3, f4, f5 = st.columns(3)
                bangun = f3.selectbox(T.FORM_BANGUN, list(R.STATUSES), key="mt_f_bangun")
                terap = f4.selectbox(T.FORM_TERAP, list(R.STATUSES), key="mt_f_terap")
                bukti = f5.selectbox(
                    T.FORM_BUKTI, list(R.EVIDENCE_LEVELS), key="mt_f_bukti", help=T.FORM_BUKTI_HELP
                )
                catatan = st.text_area(
                    T.FORM_CATATAN, key="mt_f_catatan", placeholder=T.FORM_CATATAN_PH,
                    max_chars=Q.MAX_CATATAN,
                )  # fmt: skip
                submitted = st.form_submit_button(T.FORM_SUBMIT, type="primary")
            if submitted:
                try:
                    Q.record_status(db, scope, inst_id, periode, bangun, terap, bukti, catatan)
                except Q.StatusRefused as exc:
                    st.error(str(exc))
                else:
                    st.session_state[K_SAVED] = T.FORM_SAVED.format(
                        nama=names[inst_id], tanggal=fmt.tanggal(periode), bangun=bangun, terap=terap,
                        level=R.level(bangun, terap),
                    )  # fmt: skip
                    st.rerun()

        hist = cache.run(Q.history, flt)
        with st.expander(T.LOG_EXPANDER.format(n=hist.height)):
            st.dataframe(mc.history_frame(hist), hide_index=True, width="stretch")

# Mirror the page parameters into the URL (only when they differ from the defaults).
sejak = st.session_state.get(K_SINCE_VALUE, default_sejak)
for key, value, default_value in ((K_PER, as_of, today), (K_SEJAK, sejak, default_sejak)):
    if value != default_value:
        if st.query_params.get(key) != value.isoformat():
            st.query_params[key] = value.isoformat()
    elif key in st.query_params:
        del st.query_params[key]
