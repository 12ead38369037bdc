"""The shared sidebar filters, mirrored into the URL query parameters.

URL parameters (all optional): `tahun=2025`, `instansi=2,3` (instansi ids, the Kanreg's
numbering), `unit=17,18` (unit ids), `jabatan=Fungsional,Pelaksana`, `gol=III/a-IV/e`,
`status=PNS`. On the first run of a session the URL fills the widgets; invalid values are
ignored with a notice and instances outside the caller's scope are refused with a notice.
After every run the widgets are written back, so a view can be shared as a link.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from analytics.domain import GOLONGAN, JENIS_JABATAN, STATUS_KEPEGAWAIAN
from analytics.filters import Filter
from analytics.queries.common import instansi_options, unit_options, years
from ui.state import current_scope, get_db
from ui.text import common as T

K_TAHUN, K_INST, K_UNIT, K_JAB, K_GOL_LO, K_GOL_HI, K_STATUS = (
    "flt_tahun",
    "flt_instansi",
    "flt_unit",
    "flt_jabatan",
    "flt_gol_dari",
    "flt_gol_sampai",
    "flt_status",
)
MAX_INSTANSI_FOR_UNITS = 3


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def _load_url(inst_names: dict[int, str], year_list: list[int]) -> None:
    """Copy valid URL parameters into widget state once per session."""
    if st.session_state.get("_url_loaded"):
        return
    st.session_state["_url_loaded"] = True
    qp = st.query_params
    bad: list[str] = []
    outside: list[str] = []
    if "tahun" in qp:
        try:
            y = int(qp["tahun"])
            if y not in year_list:
                raise ValueError
            st.session_state[K_TAHUN] = y
        except ValueError:
            bad.append(f"tahun={qp['tahun']}")
    if "instansi" in qp:
        try:
            ids = _ids(qp["instansi"])
            keep = [i for i in ids if i in inst_names]
            outside += [str(i) for i in ids if i not in inst_names]
            st.session_state[K_INST] = [inst_names[i] for i in keep]
        except ValueError:
            bad.append(f"instansi={qp['instansi']}")
    if "unit" in qp:
        try:
            st.session_state["_url_unit"] = _ids(qp["unit"])
        except ValueError:
            bad.append(f"unit={qp['unit']}")
    if "jabatan" in qp:
        vals = [v for v in qp["jabatan"].split(",") if v]
        good = [v for v in vals if v in JENIS_JABATAN]
        bad += [f"jabatan={v}" for v in vals if v not in JENIS_JABATAN]
        st.session_state[K_JAB] = good
    if "gol" in qp:
        parts = qp["gol"].split("-")
        if len(parts) == 2 and all(p in GOLONGAN for p in parts):
            lo, hi = sorted(parts, key=GOLONGAN.index)
            st.session_state[K_GOL_LO] = lo
            st.session_state[K_GOL_HI] = hi
        else:
            bad.append(f"gol={qp['gol']}")
    if "status" in qp:
        vals = [v for v in qp["status"].split(",") if v]
        st.session_state[K_STATUS] = [v for v in vals if v in STATUS_KEPEGAWAIAN]
        bad += [f"status={v}" for v in vals if v not in STATUS_KEPEGAWAIAN]
    notices = []
    if bad:
        notices.append(T.URL_INVALID.format(items=", ".join(bad)))
    if outside:
        notices.append(T.URL_OUTSIDE_SCOPE.format(items=", ".join(outside)))
    st.session_state["_url_notices"] = notices


def _write_url(flt: Filter) -> None:
    """Mirror the filter into the URL (only values that differ from the defaults)."""
    params: dict[str, Any] = {"tahun": str(flt.tahun)}
    if flt.instansi:
        params["instansi"] = ",".join(map(str, flt.instansi))
    if flt.unit:
        params["unit"] = ",".join(map(str, flt.unit))
    if flt.jenis_jabatan:
        params["jabatan"] = ",".join(flt.jenis_jabatan)
    if flt.golongan_min > 1 or flt.golongan_max < 17:
        params["gol"] = f"{GOLONGAN[flt.golongan_min - 1]}-{GOLONGAN[flt.golongan_max - 1]}"
    if flt.status:
        params["status"] = ",".join(flt.status)
    extra = {k: v for k, v in st.query_params.to_dict().items() if k.startswith("p_")}
    params.update(extra)
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def set_instansi(ids: list[int]) -> None:
    """Select instances in the shared filter (used by links from the maturity table)."""
    db = get_db()
    names = dict(instansi_options(db, current_scope()).select("id", "nama").iter_rows())
    st.session_state[K_INST] = [names[i] for i in ids if i in names]
    st.session_state[K_UNIT] = []


def render() -> Filter:
    """Draw the shared filters in the sidebar and return the typed filter."""
    db = get_db()
    scope = current_scope()
    inst = instansi_options(db, scope)
    id_by_name = dict(zip(inst["nama"].to_list(), inst["id"].to_list(), strict=True))
    name_by_id = {v: k for k, v in id_by_name.items()}
    year_list = years(db) or [Filter().tahun]
    _load_url(name_by_id, year_list)

    with st.sidebar:
        st.markdown(f"**{T.FILTER_HEADER}**")
        for notice in st.session_state.pop("_url_notices", []):
            st.warning(notice)
        if st.session_state.get(K_TAHUN) not in year_list:
            st.session_state[K_TAHUN] = year_list[-1]
        tahun = st.selectbox(T.FILTER_TAHUN, year_list, key=K_TAHUN)
        chosen = st.multiselect(
            T.FILTER_INSTANSI,
            list(id_by_name),
            key=K_INST,
            placeholder=T.REGION if scope.instansi is None else T.ALL,
            help=T.FILTER_INSTANSI_HELP,
        )
        inst_ids = tuple(id_by_name[n] for n in chosen)
        unit_ids: tuple[int, ...] = ()
        unit_scope = inst_ids or (tuple(scope.instansi) if scope.instansi else ())
        if 0 < len(unit_scope) <= MAX_INSTANSI_FOR_UNITS:
            units = unit_options(db, scope, unit_scope)
            labels = {
                uid: (nama if len(unit_scope) == 1 else f"{nama} · {ins}")
                for uid, nama, ins in units.select("id", "nama", "instansi").iter_rows()
            }
            if "_url_unit" in st.session_state:
                st.session_state[K_UNIT] = [
                    u for u in st.session_state.pop("_url_unit") if u in labels
                ]
            current = [u for u in st.session_state.get(K_UNIT, []) if u in labels]
            st.session_state[K_UNIT] = current
            unit_ids = tuple(
                st.multiselect(
                    T.FILTER_UNIT,
                    list(labels),
                    key=K_UNIT,
                    format_func=labels.get,
                    placeholder=T.ALL,
                )
            )
        else:
            st.session_state.pop("_url_unit", None)
            st.caption(T.FILTER_UNIT_DISABLED)
        jab = st.multiselect(T.FILTER_JABATAN, list(JENIS_JABATAN), key=K_JAB, placeholder=T.ALL)
        c_lo, c_hi = st.columns(2)
        lo = c_lo.selectbox(T.FILTER_GOLONGAN_DARI, list(GOLONGAN), key=K_GOL_LO, index=0)
        hi = c_hi.selectbox(
            T.FILTER_GOLONGAN_SAMPAI, list(GOLONGAN), key=K_GOL_HI, index=len(GOLONGAN) - 1
        )
        if GOLONGAN.index(lo) > GOLONGAN.index(hi):
            st.caption(T.FILTER_GOLONGAN_SWAPPED)
            lo, hi = hi, lo
        status = st.multiselect(
            T.FILTER_STATUS, list(STATUS_KEPEGAWAIAN), key=K_STATUS, placeholder=T.ALL
        )
        if st.button(T.FILTER_RESET, width="stretch"):
            for k in (K_INST, K_UNIT, K_JAB, K_STATUS):
                st.session_state[k] = []
            st.session_state[K_GOL_LO] = GOLONGAN[0]
            st.session_state[K_GOL_HI] = GOLONGAN[-1]
            st.rerun()

    flt = Filter(
        tahun=int(tahun),
        instansi=inst_ids,
        unit=unit_ids,
        jenis_jabatan=tuple(jab),
        golongan_min=GOLONGAN.index(lo) + 1,
        golongan_max=GOLONGAN.index(hi) + 1,
        status=tuple(status),
    )
    st.session_state["filter"] = flt
    _write_url(flt)
    return flt
