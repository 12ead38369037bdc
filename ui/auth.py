"""The sign-in gate, called by app.py before navigation.

Mode from the environment variable `TALENTA_AUTH`:
- `local` (default): username/password against the local account store (`analytics.auth`),
  with lockout after repeated failures.
- `oidc`: Streamlit's built-in OpenID Connect sign-in (`st.login` / `st.user`), configured by
  an `[auth]` section in `.streamlit/secrets.toml` (needs the `Authlib` package). The identity's
  email is mapped to a local account (`user add --email ... --no-password`) that carries the
  role and instance; an identity without an account sees nothing.
- `off`: no sign-in, full access. Allowed ONLY for a local demo (`TALENTA_MODE=demo`);
  otherwise the app refuses to start.

When signed in, `st.session_state["scope"]` holds the caller's `Scope` (re-read from the
account on every run, so a disabled account or a changed role takes effect at once) and the
sidebar shows who is signed in with a sign-out button.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import streamlit as st

from analytics import auth
from analytics.filters import LOCAL_ADMIN, Scope
from analytics.fmt import tanggal
from ui.state import get_db
from ui.text import auth as T

MODES = ("local", "oidc", "off")
K_USER, K_SINCE, K_NOTICE, K_AUDITED = "auth_user", "auth_since", "auth_notice", "auth_audited"


def _halt() -> None:
    """Stop the run before the app's navigation: register an empty, hidden navigation so the
    browser does not list the files in pages/ (Streamlit's fallback without st.navigation)."""
    st.navigation([st.Page(_nothing, title=T.SIGNIN_TITLE, url_path="masuk")], position="hidden")
    st.stop()


def _nothing() -> None:
    return None


def auth_mode() -> str:
    """The configured sign-in mode (`local` unless TALENTA_AUTH says otherwise)."""
    return os.environ.get("TALENTA_AUTH", "local").strip().lower() or "local"


def demo_mode() -> bool:
    """True when the process is explicitly configured as a local demo."""
    return os.environ.get("TALENTA_MODE", "").strip().lower() == "demo"


def _scope_label(scope: Scope) -> str:
    if scope.instansi is None:
        where = T.WHOLE_REGION
    else:
        db = get_db()
        names = [
            db.scalar("SELECT nama FROM instansi WHERE id = $i", {"i": i}) or str(i)
            for i in sorted(scope.instansi)
        ]
        where = ", ".join(names)
    return T.ROLE_LINE.format(role=auth.ROLE_LABELS.get(scope.role, scope.role), cakupan=where)


def _sign_out(mode: str) -> None:
    user = st.session_state.get(K_USER)
    if user:
        auth.record_sign_out(get_db(), user)
    st.session_state.clear()
    if mode == "oidc":
        st.logout()
    st.rerun()


def _sidebar(scope: Scope, mode: str) -> None:
    with st.sidebar:
        st.markdown(T.SIGNED_IN_AS.format(user=scope.user))
        st.caption(_scope_label(scope))
        if st.button(T.SIGN_OUT, key="auth_signout", width="stretch"):
            _sign_out(mode)


def _local_form(db) -> None:
    with st.columns([1, 2, 1])[1]:  # a narrow, centred form
        _local_form_body(db)


def _local_form_body(db) -> None:
    st.title(T.SIGNIN_TITLE)
    st.caption(T.SIGNIN_CAPTION)
    notice = st.session_state.pop(K_NOTICE, None)
    if notice:
        st.info(notice)
    if not auth.has_admin(db):
        st.warning(T.NO_ACCOUNTS.format(db=db.path))
    with st.form("auth_form", clear_on_submit=False):
        username = st.text_input(T.USERNAME, key="auth_username", autocomplete="username")
        password = st.text_input(
            T.PASSWORD, key="auth_password", type="password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(T.SUBMIT, key="auth_submit", type="primary")
    if not submitted:
        return
    if not username.strip() or not password:
        st.error(T.EMPTY_FIELDS)
        return
    result = auth.sign_in(db, username, password, policy=auth.AuthPolicy.from_env())
    if result.status == "ok" and result.scope is not None:
        del st.session_state["auth_password"]  # the password does not stay in the session
        st.session_state[K_USER] = result.scope.user
        st.session_state[K_SINCE] = datetime.now()
        st.rerun()
    if result.status == "locked" and result.locked_until is not None:
        st.error(
            T.LOCKED.format(
                jam=f"{result.locked_until:%H:%M}", tanggal=tanggal(result.locked_until)
            )
        )
    else:
        msg = T.INVALID
        if result.failures_left is not None and result.failures_left <= 2:
            msg += " " + T.FAILURES_LEFT.format(n=result.failures_left)
        st.error(msg)


def _oidc_user_email() -> str | None:
    try:
        user = st.user
        if not user.get("is_logged_in", False):
            return None
        return str(user.get("email") or "") or None
    except Exception:  # noqa: BLE001 - no auth configuration
        return None


def _oidc_configured() -> bool:
    try:
        from streamlit.auth_util import get_secrets_auth_section, is_authlib_installed

        return bool(get_secrets_auth_section()) and is_authlib_installed()
    except Exception:  # noqa: BLE001
        return False


def _oidc(db) -> Scope | None:
    """Scope of the OIDC identity, or draw the sign-in screen and return None."""
    email = _oidc_user_email()
    if email is None:
        st.title(T.SIGNIN_TITLE)
        st.caption(T.OIDC_CAPTION)
        if not _oidc_configured():
            st.error(T.OIDC_NOT_CONFIGURED)
            return None
        if st.button(T.OIDC_BUTTON, key="auth_oidc", type="primary"):
            st.login()
        return None
    scope = auth.scope_for_email(db, email)
    if scope is None:
        if st.session_state.get(K_AUDITED) != f"x:{email}":
            db.audit(email, "masuk_gagal", email, {"alasan": "sso_tanpa_akun"})
            st.session_state[K_AUDITED] = f"x:{email}"
        st.title(T.SIGNIN_TITLE)
        st.error(T.OIDC_NO_ACCOUNT.format(email=email))
        if st.button(T.SIGN_OUT, key="auth_oidc_out"):
            st.logout()
        return None
    if st.session_state.get(K_AUDITED) != scope.user:
        db.audit(scope.user, "masuk", scope.user, {"role": scope.role, "cara": "oidc"})
        st.session_state[K_AUDITED] = scope.user
    st.session_state[K_USER] = scope.user
    return scope


def gate() -> Scope:
    """Sign the caller in (or stop the page) and put their scope in the session."""
    mode = auth_mode()
    if mode not in MODES:
        st.error(T.BAD_MODE.format(mode=mode))
        _halt()
    if mode == "off":
        if not demo_mode():
            st.error(T.OFF_REFUSED)
            _halt()
        st.session_state["scope"] = LOCAL_ADMIN
        with st.sidebar:
            st.caption(T.MODE_OFF)
        return LOCAL_ADMIN
    db = get_db()
    scope: Scope | None = None
    if mode == "oidc":
        scope = _oidc(db)
    else:
        user = st.session_state.get(K_USER)
        if user is not None:
            policy = auth.AuthPolicy.from_env()
            since = st.session_state.get(K_SINCE) or datetime.min
            if datetime.now() - since > timedelta(hours=policy.session_hours):
                st.session_state.clear()
                st.session_state[K_NOTICE] = T.SESSION_EXPIRED
            else:
                scope = auth.active_scope(db, user)
                if scope is None:
                    st.session_state.clear()
                    st.session_state[K_NOTICE] = T.ACCOUNT_GONE
        if scope is None:
            _local_form(db)
    if scope is None:
        st.session_state.pop("scope", None)
        _halt()
    st.session_state["scope"] = scope
    _sidebar(scope, mode)
    return scope
