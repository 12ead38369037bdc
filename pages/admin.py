"""Administration: accounts, roles and instance scopes, password resets, the audit trail."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import streamlit as st

from analytics import auth
from analytics.filters import ROLES
from analytics.fmt import num, tanggal
from analytics.queries.common import instansi_options
from ui.common import downloads, header
from ui.state import current_scope, get_db
from ui.text import admin as T

AUDIT_LIMIT = 5000

header(T.TITLE, T.CAPTION)
scope = current_scope()
if not auth.can(scope, "manage_users"):
    st.error(T.NOT_ALLOWED)
    st.stop()

db = get_db()
inst = instansi_options(db, scope)
inst_names: dict[int, str] = dict(inst.select("id", "nama").iter_rows())


def _error(exc: Exception) -> None:
    text = str(exc)
    for key, msg in T.ERRORS.items():
        if key in text:
            st.error(msg)
            return
    st.error(T.ERROR_GENERIC.format(pesan=text))


def _inst_label(i: int | None) -> str:
    return T.INSTANSI_NONE if i is None else inst_names.get(i, str(i))


def _when(ts) -> str:
    return "–" if ts is None else f"{tanggal(ts)} {ts:%H:%M}"


def _done(msg: str) -> None:
    st.session_state["admin_notice"] = msg
    st.rerun()


notice = st.session_state.pop("admin_notice", None)
if notice:
    st.success(notice)

tab_acc, tab_new, tab_audit = st.tabs([T.TAB_ACCOUNTS, T.TAB_NEW, T.TAB_AUDIT])

# -- accounts ---------------------------------------------------------------------------------
with tab_acc:
    users = auth.list_users(db, scope)
    st.subheader(T.ACCOUNTS_HEADER)
    if users.height == 0:
        st.info(T.NO_ACCOUNTS)
    else:
        rows = [
            {
                T.COL["username"]: r["username"],
                T.COL["nama"]: r["nama"] or "",
                T.COL["email"]: r["email"] or "",
                T.COL["peran"]: auth.ROLE_LABELS.get(r["role"], r["role"]),
                T.COL["instansi"]: r["instansi"] or T.WHOLE_REGION,
                T.COL["status"]: (
                    T.STATUS_INACTIVE
                    if not r["aktif"]
                    else T.STATUS_LOCKED.format(waktu=_when(r["terkunci_sampai"]))
                    if r["terkunci_sampai"] is not None
                    else T.STATUS_ACTIVE
                ),
                T.COL["masuk_terakhir"]: _when(r["masuk_terakhir"]),
                T.COL["dibuat"]: _when(r["dibuat"]),
            }
            for r in users.iter_rows(named=True)
        ]
        st.dataframe(pl.DataFrame(rows), hide_index=True, width="stretch", key="admin_accounts")

        st.subheader(T.EDIT_HEADER)
        names = users["username"].to_list()
        picked = st.selectbox(T.PICK_ACCOUNT, names, key="admin_pick")
        acc = users.filter(pl.col("username") == picked).row(0, named=True)
        c1, c2 = st.columns(2)
        with c1, st.form("admin_role_form"):
            role = st.selectbox(
                T.ROLE,
                ROLES,
                index=ROLES.index(acc["role"]),
                format_func=lambda r: auth.ROLE_LABELS.get(r, r),
                key=f"admin_role_{picked}",
            )
            opts = [None, *inst_names]
            cur_inst = acc["instansi_id"] if acc["instansi_id"] in inst_names else None
            inst_id = st.selectbox(
                T.INSTANSI,
                opts,
                index=opts.index(cur_inst),
                format_func=_inst_label,
                help=T.INSTANSI_HELP,
                key=f"admin_inst_{picked}",
            )
            if st.form_submit_button(T.SAVE_ROLE, key="admin_save_role"):
                try:
                    auth.set_role(db, picked, role, inst_id, by=scope.user)
                    _done(T.ROLE_SAVED.format(u=picked))
                except auth.AuthError as exc:
                    _error(exc)
            email = st.text_input(T.EMAIL, value=acc["email"] or "", key=f"admin_email_{picked}")
            if st.form_submit_button(T.SAVE_EMAIL, key="admin_save_email"):
                try:
                    auth.set_email(db, picked, email.strip() or None, by=scope.user)
                    _done(T.EMAIL_SAVED.format(u=picked))
                except auth.AuthError as exc:
                    _error(exc)
        with c2:
            with st.form("admin_pw_form"):
                pw1 = st.text_input(T.NEW_PASSWORD, type="password", key="admin_pw1")
                pw2 = st.text_input(T.NEW_PASSWORD2, type="password", key="admin_pw2")
                st.caption(T.PASSWORD_RULES)
                if st.form_submit_button(T.RESET_PASSWORD, key="admin_reset_pw"):
                    if pw1 != pw2:
                        st.error(T.PASSWORD_MISMATCH)
                    else:
                        try:
                            auth.set_password(db, picked, pw1, by=scope.user)
                            _done(T.PASSWORD_SAVED.format(u=picked))
                        except auth.AuthError as exc:
                            _error(exc)
            if acc["terkunci_sampai"] is not None and st.button(T.UNLOCK, key="admin_unlock"):
                auth.unlock(db, picked, by=scope.user)
                _done(T.UNLOCKED.format(u=picked))
            if acc["aktif"]:
                sure = st.checkbox(T.CONFIRM_DEACTIVATE, key=f"admin_sure_{picked}")
                if st.button(T.DEACTIVATE, key="admin_deactivate", disabled=not sure):
                    try:
                        auth.deactivate(db, picked, by=scope.user)
                        _done(T.DEACTIVATED.format(u=picked))
                    except auth.AuthError as exc:
                        _error(exc)
            elif st.button(T.ACTIVATE, key="admin_activate"):
                auth.activate(db, picked, by=scope.user)
                _done(T.ACTIVATED.format(u=picked))

# -- new account ------------------------------------------------------------------------------
with tab_new, st.form("admin_new_form"):
    st.subheader(T.NEW_HEADER)
    n_user = st.text_input(T.USERNAME, help=T.USERNAME_HELP, key="admin_new_user")
    n_nama = st.text_input(T.NAMA, key="admin_new_nama")
    n_role = st.selectbox(
        T.ROLE,
        ROLES,
        index=2,
        format_func=lambda r: auth.ROLE_LABELS.get(r, r),
        key="admin_new_role",
    )
    n_inst = st.selectbox(
        T.INSTANSI,
        [None, *inst_names],
        format_func=_inst_label,
        help=T.INSTANSI_HELP,
        key="admin_new_inst",
    )
    n_email = st.text_input(T.EMAIL, key="admin_new_email")
    n_sso = st.checkbox(T.SSO_ONLY, key="admin_new_sso")
    n_pw1 = st.text_input(T.PASSWORD, type="password", key="admin_new_pw1")
    n_pw2 = st.text_input(T.PASSWORD2, type="password", key="admin_new_pw2")
    st.caption(T.PASSWORD_RULES)
    if st.form_submit_button(T.CREATE, type="primary", key="admin_create"):
        if not n_sso and n_pw1 != n_pw2:
            st.error(T.PASSWORD_MISMATCH)
        else:
            try:
                auth.create_user(
                    db,
                    n_user,
                    None if n_sso else n_pw1,
                    n_role,
                    n_inst,
                    by=scope.user,
                    email=n_email.strip() or None,
                    nama=n_nama.strip() or None,
                )
                _done(T.CREATED.format(u=auth.normalise_username(n_user)))
            except auth.AuthError as exc:
                _error(exc)

# -- audit trail ------------------------------------------------------------------------------
with tab_audit:
    st.subheader(T.AUDIT_HEADER)
    today = date.today()
    c1, c2, c3, c4 = st.columns(4)
    dari = c1.date_input(T.AUDIT_FROM, value=today - timedelta(days=30), key="admin_a_from")
    sampai = c2.date_input(T.AUDIT_TO, value=today, key="admin_a_to")
    oleh = c3.selectbox(
        T.AUDIT_USER,
        [None, *auth.audit_users(db, scope)],
        key="admin_a_user",
        format_func=lambda u: T.AUDIT_ALL if u is None else u,
    )
    aksi = c4.multiselect(
        T.AUDIT_ACTION, auth.audit_actions(db, scope), key="admin_a_action", placeholder=T.AUDIT_ALL
    )
    cari = st.text_input(T.AUDIT_SEARCH, key="admin_a_search")
    if dari > sampai:
        st.error(T.BAD_DATES)
    else:
        log = auth.audit_log(
            db,
            scope,
            dari=dari,
            sampai=sampai,
            oleh=oleh,
            aksi=tuple(aksi),
            cari=cari.strip() or None,
            limit=AUDIT_LIMIT,
        )
        if log.height == 0:
            st.info(T.AUDIT_NONE)
        else:
            st.caption(T.AUDIT_COUNT.format(n=num(log.height), maks=num(AUDIT_LIMIT)))
            shown = log.drop("id").rename(T.AUDIT_COL)
            st.dataframe(shown, hide_index=True, width="stretch", key="admin_audit")
            downloads(shown, f"jejak_audit_{dari:%Y%m%d}_{sampai:%Y%m%d}", "admin_audit_dl")
