"""Page furniture shared by every page: header with the demo mark, downloads, notices."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import streamlit as st

from analytics.filters import Filter
from ui.state import current_scope, get_db
from ui.text import common as T

DEMO_CSS = """
<style>
.talenta-demo {display:inline-block; padding:2px 10px; border-radius:12px;
  background:#FFF4CE; color:#5C4400; border:1px solid #C9A227; font-size:0.85rem;
  font-weight:600; letter-spacing:0.02em;}
</style>
"""


def demo_mark() -> None:
    """Show the unobtrusive but unmistakable 'data contoh' mark when the store holds demo data."""
    if get_db().is_demo:
        st.markdown(
            DEMO_CSS + f'<span class="talenta-demo" title="{T.DEMO_NOTE}">{T.DEMO_BADGE}</span>',
            unsafe_allow_html=True,
        )


def header(title: str, caption: str | None = None) -> None:
    """Page title with the demo mark and an optional caption."""
    st.title(title)
    demo_mark()
    if caption:
        st.caption(caption)


def filter_summary(flt: Filter, instansi_names: dict[int, str] | None = None) -> str:
    """One-line description of the filter, e.g. for captions and exports."""
    parts = [f"Tahun {flt.tahun}"]
    if flt.instansi:
        names = instansi_names or {}
        parts.append(", ".join(names.get(i, str(i)) for i in flt.instansi))
    else:
        parts.append(T.REGION if current_scope().instansi is None else T.ALL)
    if flt.unit:
        parts.append(f"{len(flt.unit)} unit")
    if flt.jenis_jabatan:
        parts.append(", ".join(flt.jenis_jabatan))
    if flt.golongan_min > 1 or flt.golongan_max < 17:
        parts.append(f"gol. {flt.golongan_label}")
    if flt.status:
        parts.append("/".join(flt.status))
    return " · ".join(parts)


def downloads(frame: pl.DataFrame | Callable[[], pl.DataFrame], name: str, key: str) -> None:
    """CSV and XLSX download buttons for a frame, or for a zero-argument function returning it
    (then computed on click only; it must not touch Streamlit); cells neutralised."""
    from analytics.io.export import audited, export_frame

    db, scope = get_db(), current_scope()
    details: dict = {
        "baris": None if callable(frame) else frame.height,
        "filter": st.session_state.get("filter", Filter()).model_dump(),
    }

    def build(fmt: str):
        # Built on click (in the download request), never on every rerun; audited as an export.
        def make() -> bytes:
            data = frame() if callable(frame) else frame
            details["baris"] = data.height
            return export_frame(data, fmt, name)

        return audited(db, scope.user, name, fmt, details, make)

    c1, c2 = st.columns(2)
    c1.download_button(
        T.DOWNLOAD_CSV,
        build("csv"),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        width="stretch",
    )
    c2.download_button(
        T.DOWNLOAD_XLSX,
        build("xlsx"),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        width="stretch",
    )
