"""Import & export (issue 3): templates, checked all-or-nothing upload, history and restore,
report exports with the current shared filter.

Session state (survives reruns and page switches; nothing the user chose is lost):
- `imp_files`: (signature, [(name, bytes)]) of the last file selection;
- `imp_report`: {"sig", "report", "version"} — the validation report of that selection and
  the store's data version it was checked against (re-checked before import if it changed);
- `imp_result`: {"sig", "result"} — the outcome of the last import;
- `imp_flash` / `imp_flash_hist`: (kind, text) — a notice for the import / history tab, shown
  once.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from analytics import fmt
from analytics.auth import can
from analytics.filters import LOCAL_ADMIN, ScopeError
from analytics.io import (
    RestoreError,
    errors_csv,
    export_frame,
    export_workbook,
    import_history,
    load_validated,
    parse_files,
    restore_before_all_imports,
    restore_before_import,
    undo_import,
    validate,
)
from analytics.io.cli import REPORTS, UsageError, report_function
from analytics.io.export import audited
from analytics.io.validate import max_bytes_default
from analytics.queries.common import instansi_options, unit_options
from ui import impor_view as V
from ui.cache import run
from ui.common import filter_summary, header
from ui.state import current_filter, current_scope, get_db
from ui.text import common as TC
from ui.text import impor as T

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_ROWS = 200
PERSON_REPORTS = ("jp-pegawai",)  # person-level lists (need view_people)
K_UPLOAD, K_FILES, K_REPORT, K_RESULT, K_FLASH, K_FLASH_HIST = (
    "imp_upload", "imp_files", "imp_report", "imp_result", "imp_flash", "imp_flash_hist",
)  # fmt: skip
K_OK_UNDO, K_OK_BEFORE, K_OK_ALL, K_BEFORE_ID = (
    "imp_ok_undo", "imp_ok_before", "imp_ok_all", "imp_before_id",
)  # fmt: skip

header(T.TITLE, T.CAPTION)
db = get_db()
scope = current_scope()
may_import = can(scope, "import")
may_export = can(scope, "export")
if not (may_import or may_export):
    st.error(T.REFUSED)
    st.stop()


# -- actions (callbacks run before the script, so they may reset the confirmation boxes) ------
def _forget() -> None:
    for k in (K_FILES, K_REPORT, K_RESULT):
        st.session_state.pop(k, None)


def _restore(kind: str, import_id: int | None = None) -> None:
    sc = current_scope()
    try:
        if not can(sc, "import"):
            raise ScopeError("import")
        if kind == "undo":
            undo_import(get_db(), import_id, sc.user)
            ids = [import_id]
        elif kind == "before":
            ids = restore_before_import(get_db(), import_id, sc.user)
        else:
            ids = restore_before_all_imports(get_db(), sc.user)
        done = ", ".join(f"#{i}" for i in ids) or "–"
        st.session_state[K_FLASH_HIST] = ("success", T.RESTORED.format(ids=done))
    except RestoreError as exc:
        st.session_state[K_FLASH_HIST] = ("error", T.RESTORE_REFUSED.format(reason=exc))
    except ScopeError:
        st.session_state[K_FLASH_HIST] = ("error", TC.SCOPE_REFUSED)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say so plainly
        st.session_state[K_FLASH_HIST] = ("error", T.RESTORE_FAILED.format(reason=exc))
    for k in (K_OK_UNDO, K_OK_BEFORE, K_OK_ALL):
        st.session_state[k] = False


# -- 1 + 2: templates and upload ---------------------------------------------------------------
def _templates(expanded: bool) -> None:
    with st.expander(T.TEMPLATES_HEADER, expanded=expanded):
        st.markdown(T.TEMPLATES_INTRO)
        files = V.template_files()
        workbook = next(n for n in files if n.endswith(".xlsx"))
        st.download_button(
            T.TEMPLATE_WORKBOOK, files[workbook], file_name=workbook, mime=XLSX_MIME,
            key="imp_tpl_xlsx", type="primary",
        )  # fmt: skip
        st.caption(T.TEMPLATE_CSV_HEADER)
        csvs = [n for n in files if n.endswith(".csv")]
        cols = st.columns(4)
        for i, name in enumerate(csvs):
            cols[i % 4].download_button(
                T.TEMPLATE_CSV.format(name=name), files[name], file_name=name, mime=CSV_MIME,
                key=f"imp_tpl_{name}", width="stretch",
            )  # fmt: skip
        st.markdown(V.contract_markdown())
        st.markdown(T.CONTRACT_RULES.format(max_mb=fmt.num(max_bytes_default() / 1048576)))


def _show_report(report) -> None:
    if report.ok:
        st.success(T.REPORT_OK.format(rows=fmt.num(V.valid_rows(report)), n=len(report.rows)))
    else:
        st.error(T.REPORT_BAD.format(n=fmt.num(len(report.errors))))
    st.markdown(f"**{T.SUMMARY_HEADER}**")
    st.dataframe(V.summary_frame(report), hide_index=True, width="stretch")
    if report.errors or report.warnings:
        st.download_button(
            T.ERRORS_DOWNLOAD, partial(errors_csv, report), file_name="kesalahan_impor.csv",
            mime=CSV_MIME, key="imp_errors_csv", on_click="ignore",
        )  # fmt: skip
    if report.errors:
        st.markdown(f"**{T.ERRORS_HEADER.format(n=fmt.num(len(report.errors)))}**")
        st.dataframe(V.issues_table(report.errors), hide_index=True, width="stretch")
    if report.warnings:
        st.markdown(f"**{T.WARNINGS_HEADER.format(n=fmt.num(len(report.warnings)))}**")
        st.dataframe(V.issues_table(report.warnings), hide_index=True, width="stretch")


def _show_result(result) -> None:
    st.markdown(f"**{T.RESULT_HEADER}**")
    if result.import_id is not None:
        st.success(result.message)
    elif result.duplicate_of:
        st.info(T.DUPLICATE.format(id=result.duplicate_of))
    else:
        st.info(result.message)
    st.dataframe(V.result_frame(result), hide_index=True, width="stretch")


def _check(sig, files) -> None:
    with st.spinner(T.CHECKING):
        report = validate(db, parse_files(files))
    st.session_state[K_REPORT] = {"sig": sig, "report": report, "version": db.data_version}
    st.session_state.pop(K_RESULT, None)


def _import(sig, files) -> None:
    stored = st.session_state[K_REPORT]
    if stored["version"] != db.data_version:
        st.session_state[K_FLASH] = ("info", T.REVALIDATED)
        _check(sig, files)
        stored = st.session_state[K_REPORT]
        if not stored["report"].ok:
            st.rerun()
    try:
        with st.spinner(T.IMPORTING):
            result = load_validated(db, stored["report"], current_scope().user)
    except Exception as exc:  # noqa: BLE001 - one transaction: nothing was written
        st.session_state[K_FLASH] = ("error", T.IMPORT_FAILED.format(reason=exc))
        st.rerun()
    st.session_state[K_RESULT] = {"sig": sig, "result": result}
    # The store changed: the stored report is re-checked before any further import.
    st.rerun()  # refresh the sidebar (years, instances) and every cached figure


def _flash(key: str) -> None:
    flash = st.session_state.pop(key, None)
    if flash:
        getattr(st, flash[0])(flash[1])


def import_section() -> None:
    uploaded = st.file_uploader(
        T.UPLOAD_LABEL, type=["csv", "xlsx"], accept_multiple_files=True, key=K_UPLOAD,
        help=T.UPLOAD_HELP,
    )  # fmt: skip
    if uploaded:
        files = [(f.name, f.getvalue()) for f in uploaded]
        sig = V.signature(files)
        if st.session_state.get(K_FILES, (None,))[0] != sig:
            st.session_state[K_FILES] = (sig, files)
    elif K_FILES in st.session_state:
        sig, files = st.session_state[K_FILES]
        c1, c2 = st.columns([4, 1])
        c1.info(T.KEPT_FILES.format(names=V.names(files)))
        c2.button(T.FORGET_FILES, key="imp_forget", on_click=_forget, width="stretch")
    else:
        sig, files = None, []
    _templates(expanded=not files)
    _flash(K_FLASH)
    if not files:
        return
    stored = st.session_state.get(K_REPORT)
    report = stored["report"] if stored and stored["sig"] == sig else None
    c1, c2, _ = st.columns([1, 1, 3])
    if c1.button(T.STEP_CHECK, key="imp_check", help=T.STEP_CHECK_HELP, width="stretch"):
        _check(sig, files)
        report = st.session_state[K_REPORT]["report"]
    can_load = report is not None and report.ok and may_import and not db.read_only
    if c2.button(
        T.STEP_IMPORT, key="imp_go", type="primary", disabled=not can_load,
        help=T.STEP_IMPORT_HELP, width="stretch",
    ):  # fmt: skip
        _import(sig, files)
    if report is None:
        st.caption(T.NEED_CHECK)
        return
    done = st.session_state.get(K_RESULT)
    if done and done["sig"] == sig:
        _show_result(done["result"])
        with st.expander(T.REPORT_EXPANDER):
            _show_report(report)
    else:
        st.caption(T.NOTHING_WRITTEN)
        _show_report(report)


# -- 3: history and restore --------------------------------------------------------------------
def history_section() -> None:
    _flash(K_FLASH_HIST)
    hist = import_history(db)
    st.markdown(f"**{T.HISTORY_HEADER}**")
    if hist.is_empty():
        st.caption(T.NO_HISTORY)
        return
    st.dataframe(V.history_frame(hist), hide_index=True, width="stretch")
    st.markdown(f"**{T.RESTORE_HEADER}**")
    st.caption(T.RESTORE_INTRO)
    active = V.active_imports(hist)
    if not active:
        st.caption(T.NO_ACTIVE)
        return
    off = db.read_only
    latest = active[0]["id"]
    with st.container(border=True):
        st.markdown(T.UNDO_LATEST_LABEL.format(id=latest))
        ok = st.checkbox(T.UNDO_LATEST_CONFIRM.format(id=latest), key=K_OK_UNDO, disabled=off)
        st.button(T.UNDO_BUTTON, key="imp_undo", disabled=not ok or off,
                  on_click=_restore, args=("undo", latest))  # fmt: skip
    with st.container(border=True):
        st.markdown(T.RESTORE_BEFORE_LABEL)
        labels = {
            r["id"]: T.RESTORE_BEFORE_OPTION.format(id=r["id"], pada=V.when(r["pada"]),
                                                    berkas=r["berkas"])
            for r in active
        }  # fmt: skip
        if st.session_state.get(K_BEFORE_ID) not in labels:
            st.session_state.pop(K_BEFORE_ID, None)
        chosen = st.selectbox(T.RESTORE_BEFORE_SELECT, list(labels), format_func=labels.get,
                              key=K_BEFORE_ID, disabled=off)  # fmt: skip
        n = sum(r["id"] >= chosen for r in active)
        ok = st.checkbox(T.RESTORE_BEFORE_CONFIRM.format(id=chosen, n=n), key=K_OK_BEFORE,
                         disabled=off)  # fmt: skip
        st.button(T.RESTORE_BUTTON, key="imp_before", disabled=not ok or off,
                  on_click=_restore, args=("before", chosen))  # fmt: skip
    with st.container(border=True):
        st.markdown(T.RESTORE_ALL_LABEL)
        ok = st.checkbox(T.RESTORE_ALL_CONFIRM.format(n=len(active)), key=K_OK_ALL, disabled=off)
        st.button(T.RESTORE_BUTTON, key="imp_all", disabled=not ok or off,
                  on_click=_restore, args=("all",))  # fmt: skip


# -- 4: exports --------------------------------------------------------------------------------
def export_section() -> None:
    flt = current_filter()
    inst = instansi_options(db, scope)
    names = dict(inst.select("id", "nama").iter_rows())
    unit_names: list[str] = []
    if flt.unit:
        units = unit_options(db, scope, flt.instansi or tuple(names))
        unit_names = [n for i, n in units.select("id", "nama").iter_rows() if i in flt.unit]
    cli_user = None if scope == LOCAL_ADMIN else scope.user
    st.caption(T.EXPORT_INTRO)
    st.info(T.EXPORT_FILTER.format(summary=filter_summary(flt, names)))
    frames = {}
    for report in REPORTS:
        label, desc = T.REPORTS[report]
        with st.container(border=True):
            st.markdown(f"**{label}** · `{report}`")
            st.caption(desc)
            try:
                fn = report_function(report)
            except UsageError:
                st.caption(T.NOT_AVAILABLE)
                continue
            people = report in PERSON_REPORTS
            if people and not can(scope, "view_people"):
                st.caption(T.PEOPLE_ONLY)
                continue
            if people:
                # A person-level list grows with the workforce: it is queried and written only
                # when the user clicks (in the download thread), never on every rerun.
                frame = None
                n = frames["jp"]["pegawai"].sum() if "jp" in frames else None
                st.caption(T.EXPORT_PEOPLE_ROWS.format(n=fmt.num(n)))
            else:
                try:
                    frame = run(fn, flt)  # a refused scope stops the page inside run()
                except Exception as exc:  # noqa: BLE001 - one broken report must not hide the rest
                    st.error(T.EXPORT_FAILED.format(reason=exc))
                    continue
                frames[report] = frame
                st.caption(
                    T.EXPORT_ROWS.format(n=fmt.num(frame.height), cols=", ".join(frame.columns))
                )
                if frame.is_empty():
                    st.caption(T.EXPORT_EMPTY)
            c1, c2, _ = st.columns([1, 1, 3])
            for col, ext, mime in ((c1, "csv", CSV_MIME), (c2, "xlsx", XLSX_MIME)):
                data = audited(
                    db,
                    scope.user,
                    report,
                    ext,
                    {"filter": flt.model_dump()},
                    partial(V.person_export, fn, db, flt, scope, ext, report)
                    if people
                    else partial(export_frame, frame, ext, report),
                )  # built on click (large files never slow the page down), audited
                col.download_button(
                    TC.DOWNLOAD_CSV if ext == "csv" else TC.DOWNLOAD_XLSX, data,
                    file_name=V.file_name(report, flt, ext), mime=mime,
                    key=f"imp_exp_{report}_{ext}", width="stretch", on_click="ignore",
                )  # fmt: skip
            with st.expander(T.EXPORT_PREVIEW if frame is not None else T.EXPORT_CLI_ONLY):
                if frame is not None:
                    if frame.height > PREVIEW_ROWS:
                        st.caption(
                            T.EXPORT_PREVIEW_HEAD.format(
                                n=PREVIEW_ROWS, total=fmt.num(frame.height)
                            )
                        )
                    st.dataframe(frame.head(PREVIEW_ROWS), hide_index=True, width="stretch")
                st.caption(
                    T.EXPORT_CLI.format(cmd=V.cli_command(report, flt, unit_names, user=cli_user))
                )
    if len(frames) > 1:
        st.download_button(
            T.EXPORT_ALL,
            audited(db, scope.user, "semua", "xlsx", {"filter": flt.model_dump()},
                    partial(export_workbook, frames)),
            file_name=f"laporan_{flt.tahun}.xlsx", mime=XLSX_MIME, key="imp_exp_all",
            on_click="ignore", type="primary",
        )  # fmt: skip


# -- layout ------------------------------------------------------------------------------------
if not may_import:
    st.info(T.EXPORT_ONLY)
    export_section()
else:
    if db.read_only:
        st.warning(T.READ_ONLY)
    names = [T.TAB_IMPORT, T.TAB_HISTORY] + ([T.TAB_EXPORT] if may_export else [])
    tabs = st.tabs(names)
    with tabs[0]:
        import_section()
    with tabs[1]:
        history_section()
    # Last: a filter outside the caller's scope stops the page with a refusal (ui.cache.run),
    # after the import and history tabs were drawn.
    if may_export:
        with tabs[2]:
            export_section()
