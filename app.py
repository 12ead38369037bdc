"""Entry point: `streamlit run app.py` opens the dashboard on the embedded store."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analytics.auth import can
from ui import sidebar
from ui.auth import gate
from ui.state import build_demo_once, get_db, needs_demo
from ui.text import common as T

st.set_page_config(page_title=T.APP_TITLE, layout="wide", initial_sidebar_state="expanded")

db = get_db()
if needs_demo(db):
    bar = st.progress(0.0, text=T.BUILDING_DEMO)
    build_demo_once(db, lambda frac, msg: bar.progress(min(max(frac, 0.0), 1.0), text=msg))
    bar.empty()

scope = gate()  # sign-in (stops here until signed in); puts the scope in the session

PAGES = {
    T.NAV_GROUP_MISI: [
        st.Page("pages/ringkasan.py", title=T.NAV_RINGKASAN, default=True),
        st.Page("pages/ninebox.py", title=T.NAV_NINEBOX, url_path="sembilan-kotak"),
        st.Page("pages/kompetensi.py", title=T.NAV_KOMPETENSI, url_path="gap-kompetensi"),
        st.Page("pages/jp.py", title=T.NAV_JP, url_path="jam-pelajaran"),
        st.Page("pages/kematangan.py", title=T.NAV_KEMATANGAN, url_path="kematangan-mt"),
    ],
    T.NAV_GROUP_DATA: [],
}
# Pages by role (hiding is convenience; the pages and the analytics layer enforce the scope).
if can(scope, "import") or can(scope, "export"):
    PAGES[T.NAV_GROUP_DATA].append(
        st.Page("pages/impor.py", title=T.NAV_IMPOR, url_path="impor-ekspor")
    )
if can(scope, "meeting") and (Path(__file__).parent / "pages" / "rapat.py").exists():
    PAGES[T.NAV_GROUP_DATA].append(
        st.Page("pages/rapat.py", title=T.NAV_RAPAT, url_path="rapat-komite")
    )
if can(scope, "manage_users"):
    PAGES[T.NAV_GROUP_DATA].append(
        st.Page("pages/admin.py", title=T.NAV_ADMIN, url_path="administrasi")
    )
if not PAGES[T.NAV_GROUP_DATA]:
    del PAGES[T.NAV_GROUP_DATA]

page = st.navigation(PAGES)
with st.sidebar:
    st.markdown(f"### {T.APP_TITLE}")
    st.caption(T.APP_SUBTITLE)
sidebar.render()
page.run()
