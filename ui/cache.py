"""Cached analytics calls: results keyed by function, filter, scope and the data version.

Any write bumps `meta.data_version`, so an import or a calibration is visible at once.
Only small aggregates should pass through here (results are pickled per cache hit).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import streamlit as st

from analytics.filters import Filter, Scope, ScopeError
from ui.state import current_scope, get_db
from ui.text import common as T


def _scope_key(scope: Scope) -> tuple:
    inst = None if scope.instansi is None else tuple(sorted(scope.instansi))
    return (scope.user, scope.role, inst, scope.masked, scope.aggregates_only)


def _scope_from_key(key: tuple) -> Scope:
    user, role, inst, masked, agg = key
    return Scope(
        user=user,
        role=role,
        instansi=None if inst is None else frozenset(inst),
        masked=masked,
        aggregates_only=agg,
    )


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    fn_ref: str,
    db_path: str,
    data_version: int,
    flt_json: str,
    scope_key: tuple,
    args: tuple,
    kwargs: tuple,
) -> Any:
    module, name = fn_ref.split(":")
    fn = getattr(importlib.import_module(module), name)
    flt = Filter.model_validate_json(flt_json)
    return fn(get_db(), flt, _scope_from_key(scope_key), *args, **dict(kwargs))


def run(fn: Callable[..., Any], flt: Filter, *args: Any, **kwargs: Any) -> Any:
    """Call `fn(db, flt, scope, *args, **kwargs)` through the cache; stop the page if refused."""
    db = get_db()
    scope = current_scope()
    try:
        return _cached(
            f"{fn.__module__}:{fn.__qualname__}",
            str(db.path),
            db.data_version,
            flt.model_dump_json(),
            _scope_key(scope),
            args,
            tuple(sorted(kwargs.items())),
        )
    except ScopeError:
        st.error(T.SCOPE_REFUSED)
        st.stop()


def clear() -> None:
    """Drop every cached result (after writes the data version already does this)."""
    _cached.clear()
