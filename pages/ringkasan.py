"""Regional overview (landing page): headline figures, MT status, per-province summary, links."""

from __future__ import annotations

import streamlit as st

from analytics import fmt
from analytics.queries import overview as Q
from ui import cache
from ui import maturity_chart as mc
from ui.common import header
from ui.state import current_filter, get_db
from ui.text import ringkasan as T

db = get_db()
flt = current_filter()
demo = db.is_demo

land = cache.run(Q.landing, flt)
h = land.headline
header(T.TITLE, T.CAPTION.format(n=h.instansi, tahun=h.tahun))
if h.data_as_of:
    st.caption(T.DATA_AS_OF.format(tanggal=fmt.tanggal(h.data_as_of)))

# -- headline figures --------------------------------------------------------------------------
c1, c2, c3, c4 = st.columns(4)
c1.metric(T.M_ASN, fmt.num(h.asn), help=T.M_ASN_HELP, border=True)
c2.metric(
    T.M_MT,
    T.M_MT_VALUE.format(bangun=h.bangun["Sudah"], terap=h.terap["Sudah"]),
    T.M_MT_DELTA.format(total=h.instansi),
    delta_color="off",
    delta_arrow="off",
    help=T.M_MT_HELP,
    border=True,
)
c3.metric(
    T.M_JP,
    fmt.pct(h.share_20jp),
    T.M_JP_DELTA.format(n=fmt.num(h.pns_20jp), total=fmt.num(h.pns)),
    delta_color="off",
    delta_arrow="off",
    help=T.M_JP_HELP.format(tahun=h.tahun),
    border=True,
)
c4.metric(
    T.M_POOL,
    fmt.num(h.talent_pool),
    T.M_POOL_DELTA.format(share=fmt.pct(h.share_pool), total=fmt.num(h.dinilai)),
    delta_color="off",
    delta_arrow="off",
    help=T.M_POOL_HELP.format(tahun=h.tahun),
    border=True,
)
if h.asn == 0:
    st.info(T.NO_WORKFORCE)

# -- MT status ---------------------------------------------------------------------------------
st.subheader(T.MT_HEADER)
st.markdown(
    T.MT_SENTENCE.format(
        bangun=h.bangun["Sudah"],
        total=h.instansi,
        terap=h.terap["Sudah"],
        cover=fmt.pct(h.share_tercakup),
    )
)
st.plotly_chart(mc.status_bars(land.per_status, demo=demo), width="stretch")

# -- per province ------------------------------------------------------------------------------
st.subheader(T.PROV_HEADER)
st.dataframe(mc.province_frame(land.per_provinsi), hide_index=True, width="stretch")

# -- mission pages -----------------------------------------------------------------------------
st.subheader(T.PAGES_HEADER)
links = (
    ("pages/ninebox.py", T.PAGE_NINEBOX, T.PAGE_NINEBOX_DESC),
    ("pages/kompetensi.py", T.PAGE_KOMPETENSI, T.PAGE_KOMPETENSI_DESC),
    ("pages/jp.py", T.PAGE_JP, T.PAGE_JP_DESC),
    ("pages/kematangan.py", T.PAGE_KEMATANGAN, T.PAGE_KEMATANGAN_DESC),
)
for col, (page, label, desc) in zip(st.columns(4), links, strict=True):
    with col.container(border=True):
        st.page_link(page, label=f"**{label}**", width="stretch")
        st.caption(desc)
