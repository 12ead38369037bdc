"""Per-process store and per-session state: the database, the caller's scope, the filter."""

from __future__ import annotations

import os
import threading

import streamlit as st

from analytics.filters import Filter, Scope
from analytics.reference import open_store
from analytics.store import Database, default_path

_build_lock = threading.Lock()


# DuckDB's buffers in an app server (the issue 8 budget is 2 GiB for the whole process at
# national scale); TALENTA_DUCKDB_MEMORY overrides, "" = DuckDB's default (80 % of RAM).
DEFAULT_MEMORY = "1200MB"


@st.cache_resource(show_spinner=False)
def _open(path: str, read_only: bool, memory_limit: str | None) -> Database:
    return open_store(path, read_only=read_only, memory_limit=memory_limit)


def get_db() -> Database:
    """The process-wide store (one connection; each query takes its own cursor)."""
    read_only = os.environ.get("TALENTA_READ_ONLY", "") == "1"
    memory = os.environ.get("TALENTA_DUCKDB_MEMORY", DEFAULT_MEMORY) or None
    return _open(str(default_path()), read_only, memory)


def needs_demo(db: Database) -> bool:
    """True when the store has no workforce yet and the demo may be built automatically."""
    if db.read_only or os.environ.get("TALENTA_NO_DEMO") == "1":
        return False
    return db.meta("data_kind") == "empty" and db.scalar("SELECT count(*) FROM pegawai") == 0


def build_demo_once(db: Database, progress) -> None:
    """Build the default demo unless another session already did."""
    from analytics.demo import build

    with _build_lock:
        if needs_demo(db):
            n = int(os.environ.get("TALENTA_DEMO_EMPLOYEES", "250000"))
            build(db, employees=n, seed=42, progress=progress)


def current_scope() -> Scope:
    """The signed-in caller's scope (the local admin when sign-in is off in a local demo).

    A page can run without app.py: until `st.navigation` has run once in the process,
    Streamlit serves the files in pages/ directly (e.g. a first request to /admin). Such a
    run has no scope in the session, so it goes through the sign-in gate here instead of
    falling back to any default.
    """
    scope = st.session_state.get("scope")
    if scope is None:
        from ui.auth import gate

        scope = gate()
    return scope


def current_filter() -> Filter:
    """The filter built by the shared sidebar on this run."""
    return st.session_state.get("filter", Filter())
