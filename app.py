"""Entry point: `streamlit run app.py` opens the dashboard on the embedded store."""

from __future__ import annotations

import streamlit as st

from ui import sidebar
from ui.state import build_demo_once, get_db, needs_demo
from ui.text import common as T

st.set_page_config(page_title=T.APP_TITLE, layout="wide", initial_sidebar_state="expanded")

db = get_db()
if needs_demo(db):
    bar = st.progress(0.0, text=T.BUILDING_DEMO)
    build_demo_once(db, lambda frac, msg: bar.progress(min(max(frac, 0.0), 1.0), text=msg))
    bar.empty()

PAGES = {
    T.NAV_GROUP_MISI: [
        st.Page("pages/ringkasan.py", title=T.NAV_RINGKASAN, url_path="ringkasan", default=True),
        st.Page("pages/ninebox.py", title=T.NAV_NINEBOX, url_path="ninebox"),
        st.Page("pages/kompetensi.py", title=T.NAV_KOMPETENSI, url_path="kompetensi"),
        st.Page("pages/jp.py", title=T.NAV_JP, url_path="jp"),
        st.Page("pages/kematangan.py", title=T.NAV_KEMATANGAN, url_path="kematangan"),
    ],
    T.NAV_GROUP_DATA: [
        st.Page("pages/impor.py", title=T.NAV_IMPOR, url_path="impor"),
    ],
}

page = st.navigation(PAGES)
with st.sidebar:
    st.markdown(f"### {T.APP_TITLE}")
    st.caption(T.APP_SUBTITLE)
sidebar.render()
page.run()
