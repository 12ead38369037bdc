"""The sign-in gate and the administration page (AppTest)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import auth
from analytics.reference import open_store
from tests.factories import APP
from ui.text import admin as TA
from ui.text import auth as T
from ui.text import common as TC

ROOT = Path(APP).parent
ADMIN_PW = "Admin-Kanreg-X-2026"
ANALIS_PW = "Analis-Badung-2026"


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch):
    """Cheap argon2id parameters (the production profile is tested in test_auth)."""
    from argon2 import PasswordHasher

    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", fast)
    monkeypatch.setattr(auth, "_DUMMY_HASH", fast.hash("dummy"))


@pytest.fixture
def local_env(tmp_path, monkeypatch) -> Path:
    """A reference-only store with an admin and an analyst of Badung; sign-in mode local."""
    path = tmp_path / "adm.duckdb"
    with open_store(path) as db:
        auth.init_admin(db, "kepala", ADMIN_PW, by="test")
        auth.create_user(db, "budi", ANALIS_PW, "analis_instansi", 2, by="kepala", nama="Budi")
    monkeypatch.setenv("TALENTA_DB", str(path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "local")
    monkeypatch.delenv("TALENTA_MODE", raising=False)
    return path


def texts(at, kind: str) -> str:
    return " | ".join(str(e.value) for e in getattr(at, kind))


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    at.button(key="auth_submit").click().run()
    if "scope" in at.session_state:
        # AppTest 1.67 does not rerun the default page's widgets: continue on another page.
        at.switch_page("pages/kematangan.py").run()
    return at


def fresh() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def audit(path: Path, aksi: str) -> list[tuple]:
    with open_store(path) as db:
        return db.query(
            "SELECT oleh, objek, rincian FROM audit WHERE aksi = $a ORDER BY id", {"a": aksi}
        ).rows()


# -- the gate ---------------------------------------------------------------------------------


def test_not_signed_in_shows_only_the_form(local_env):
    at = fresh()
    assert not at.exception
    assert [t.value for t in at.title] == [T.SIGNIN_TITLE]
    assert "scope" not in at.session_state
    assert len(at.multiselect) == 0  # no filters, no page content
    assert len(at.dataframe) == 0


def test_sign_in_sets_scope_and_shows_who(local_env):
    at = sign_in(fresh(), "Budi", ANALIS_PW)
    assert not at.exception
    s = at.session_state["scope"]
    assert (s.user, s.role, s.instansi) == ("budi", "analis_instansi", frozenset({2}))
    side = " | ".join(m.value for m in at.sidebar.markdown)
    assert T.SIGNED_IN_AS.format(user="budi") in side
    assert "Analis instansi · Kabupaten Badung" in texts(at.sidebar, "caption")
    # Only Badung is offered in the instance filter.
    assert at.multiselect(key="flt_instansi").options == ["Kabupaten Badung"]
    assert [(o, ob) for o, ob, _ in audit(local_env, "masuk")] == [("budi", "budi")]


def test_wrong_password_message_keeps_username(local_env):
    at = sign_in(fresh(), "budi", "Salah-Sandi-123")
    assert texts(at, "error") == T.INVALID
    assert at.text_input(key="auth_username").value == "budi"
    assert "scope" not in at.session_state


def test_empty_fields_refused_without_attempt(local_env):
    at = sign_in(fresh(), "", "")
    assert texts(at, "error") == T.EMPTY_FIELDS
    assert audit(local_env, "masuk_gagal") == []


def test_lockout_message_after_five_failures(local_env):
    at = fresh()
    for i in range(5):
        at = sign_in(at, "budi", f"Salah-Sandi-{i}")
    err = texts(at, "error")
    assert err.startswith("Akun dikunci sementara")
    assert T.FAILURES_LEFT.format(n=1) not in err
    # The right password is refused while locked.
    at = sign_in(at, "budi", ANALIS_PW)
    assert texts(at, "error").startswith("Akun dikunci sementara")
    assert "scope" not in at.session_state
    with open_store(local_env) as db:
        assert db.scalar("SELECT terkunci_sampai IS NOT NULL FROM akun WHERE username='budi'")


def test_sign_out_clears_session_and_audits(local_env):
    at = sign_in(fresh(), "budi", ANALIS_PW)
    at = at.button(key="auth_signout").click().run()
    assert [t.value for t in at.title] == [T.SIGNIN_TITLE]
    assert "scope" not in at.session_state and "auth_user" not in at.session_state
    assert [o for o, _, _ in audit(local_env, "keluar")] == ["budi"]


def test_disabled_account_is_signed_out_on_next_run(local_env):
    at = sign_in(fresh(), "budi", ANALIS_PW)
    with open_store(local_env) as db:
        auth.deactivate(db, "budi", by="kepala")
    at.run()
    assert [t.value for t in at.title] == [T.SIGNIN_TITLE]
    assert T.ACCOUNT_GONE in texts(at, "info")
    assert "scope" not in at.session_state


def test_role_change_applies_on_next_run(local_env):
    at = sign_in(fresh(), "budi", ANALIS_PW)
    with open_store(local_env) as db:
        auth.set_role(db, "budi", "tamu", None, by="kepala")
    at.run()
    s = at.session_state["scope"]
    assert (s.role, s.instansi, s.masked, s.aggregates_only) == ("tamu", None, True, True)


def test_expired_session_asks_to_sign_in_again(local_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth_user"] = "budi"
    at.session_state["auth_since"] = datetime(2000, 1, 1)
    at.run()
    assert [t.value for t in at.title] == [T.SIGNIN_TITLE]
    assert T.SESSION_EXPIRED in texts(at, "info")


def test_fresh_store_explains_first_run(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    open_store(path).close()
    monkeypatch.setenv("TALENTA_DB", str(path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "local")
    at = fresh()
    assert "python -m analytics init-admin" in texts(at, "warning")
    at = sign_in(at, "admin", "admin")
    assert texts(at, "error") == T.INVALID
    assert "scope" not in at.session_state


def test_auth_off_refused_outside_demo(local_env, monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH", "off")
    at = fresh()
    assert texts(at, "error") == T.OFF_REFUSED
    assert len(at.title) == 0 and len(at.multiselect) == 0


def test_auth_off_allowed_in_local_demo(local_env, monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH", "off")
    monkeypatch.setenv("TALENTA_MODE", "demo")
    at = fresh()
    assert not at.exception
    assert at.session_state["scope"].role == "admin"
    assert T.MODE_OFF in texts(at.sidebar, "caption")


def test_unknown_auth_mode_refused(local_env, monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH", "ldap")
    at = fresh()
    assert texts(at, "error") == T.BAD_MODE.format(mode="ldap")
    assert "scope" not in at.session_state


def test_oidc_without_configuration_explains(local_env, monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH", "oidc")
    at = fresh()
    assert texts(at, "error") == T.OIDC_NOT_CONFIGURED
    assert "scope" not in at.session_state


def test_oidc_identity_mapped_to_account(local_env, monkeypatch):
    with open_store(local_env) as db:
        auth.create_user(db, "sari", None, "komite", 5, by="kepala", email="sari@bkn.go.id")
    monkeypatch.setenv("TALENTA_AUTH", "oidc")
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": True, "email": "Sari@BKN.go.id", "name": "Sari"}
    at.run()
    s = at.session_state["scope"]
    assert (s.user, s.role, s.instansi) == ("sari", "komite", frozenset({5}))
    assert [(o, json.loads(r)["cara"]) for o, _, r in audit(local_env, "masuk")] == [
        ("sari", "oidc")
    ]


def test_oidc_identity_without_account_sees_nothing(local_env, monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH", "oidc")
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": True, "email": "orang.lain@contoh.id"}
    at.run()
    assert T.OIDC_NO_ACCOUNT.format(email="orang.lain@contoh.id") in texts(at, "error")
    assert "scope" not in at.session_state
    assert len(at.multiselect) == 0


# -- navigation by role -----------------------------------------------------------------------


def test_admin_page_only_for_admin(local_env):
    at = sign_in(fresh(), "budi", ANALIS_PW)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/admin.py")  # not in the analyst's navigation
    at = sign_in(fresh(), "kepala", ADMIN_PW)
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == [TC.NAV_ADMIN]


@pytest.mark.parametrize(
    "role,inst",
    [("analis_instansi", 2), ("analis_kanreg", None), ("komite", 2), ("tamu", None)],
)
def test_admin_page_refuses_other_roles_even_when_reached(local_env, role, inst):
    at = AppTest.from_file(str(ROOT / "pages" / "admin.py"), default_timeout=60)
    at.session_state["scope"] = auth.scope_for(role, inst, "x")
    at.run()
    assert texts(at, "error") == TA.NOT_ALLOWED
    assert len(at.dataframe) == 0 and len(at.text_input) == 0


# -- the administration page ------------------------------------------------------------------


@pytest.fixture
def admin_at(local_env) -> AppTest:
    at = sign_in(fresh(), "kepala", ADMIN_PW)
    return at.switch_page("pages/admin.py").run()


def test_accounts_list_shows_accounts_without_hashes(admin_at):
    df = admin_at.tabs[0].dataframe[0].value
    assert df[TA.COL["username"]].tolist() == ["budi", "kepala"]
    assert df[TA.COL["instansi"]].tolist() == ["Kabupaten Badung", TA.WHOLE_REGION]
    assert df[TA.COL["peran"]].tolist() == [
        auth.ROLE_LABELS["analis_instansi"],
        auth.ROLE_LABELS["admin"],
    ]
    assert df[TA.COL["status"]].tolist() == [TA.STATUS_ACTIVE, TA.STATUS_ACTIVE]
    assert not any("argon2" in str(v) for v in df.to_numpy().ravel())


def test_create_account_from_page(admin_at, local_env):
    at = admin_at
    at.text_input(key="admin_new_user").input("Ani.Komite")
    at.selectbox(key="admin_new_role").set_value("komite")
    at.selectbox(key="admin_new_inst").set_value(5)
    at.text_input(key="admin_new_pw1").input("Komite-Ntt-2026")
    at.text_input(key="admin_new_pw2").input("Komite-Ntt-2026")
    at.button(key="admin_create").click().run()
    assert not at.exception
    assert TA.CREATED.format(u="ani.komite") in texts(at, "success")
    with open_store(local_env) as db:
        row = db.query(
            "SELECT role, instansi_id, password_hash FROM akun WHERE username='ani.komite'"
        ).row(0)
    assert row[:2] == ("komite", 5) and row[2].startswith("$argon2id$")
    assert [(o, ob) for o, ob, _ in audit(local_env, "akun_dibuat")][-1] == ("kepala", "ani.komite")


def test_create_account_bad_input_keeps_entries(admin_at, local_env):
    at = admin_at
    at.text_input(key="admin_new_user").input("ani")
    at.selectbox(key="admin_new_role").set_value("komite")  # needs an instance
    at.text_input(key="admin_new_pw1").input("Komite-Ntt-2026")
    at.text_input(key="admin_new_pw2").input("Komite-Ntt-2026")
    at.button(key="admin_create").click().run()
    assert texts(at, "error") == TA.ERRORS["needs an instance"]
    assert at.text_input(key="admin_new_user").value == "ani"
    at.text_input(key="admin_new_pw2").input("Lain-Sekali-2026")
    at.selectbox(key="admin_new_inst").set_value(5)
    at.button(key="admin_create").click().run()
    assert texts(at, "error") == TA.PASSWORD_MISMATCH
    with open_store(local_env) as db:
        assert db.scalar("SELECT count(*) FROM akun WHERE username = 'ani'") == 0


def test_change_role_and_instance(admin_at, local_env):
    at = admin_at
    at.selectbox(key="admin_pick").set_value("budi").run()
    at.selectbox(key="admin_role_budi").set_value("komite")
    at.selectbox(key="admin_inst_budi").set_value(3)
    at.button(key="admin_save_role").click().run()
    assert TA.ROLE_SAVED.format(u="budi") in texts(at, "success")
    with open_store(local_env) as db:
        assert db.query("SELECT role, instansi_id FROM akun WHERE username='budi'").row(0) == (
            "komite",
            3,
        )
    (oleh, obj, rincian) = audit(local_env, "akun_peran_diubah")[-1]
    assert (oleh, obj) == ("kepala", "budi")
    assert json.loads(rincian)["ke"] == {"role": "komite", "instansi_id": 3}


def test_reset_password_and_deactivate(admin_at, local_env):
    at = admin_at
    at.selectbox(key="admin_pick").set_value("budi").run()
    at.text_input(key="admin_pw1").input("Sandi-Baru-Analis-1")
    at.text_input(key="admin_pw2").input("Sandi-Baru-Analis-1")
    at.button(key="admin_reset_pw").click().run()
    assert TA.PASSWORD_SAVED.format(u="budi") in texts(at, "success")
    with open_store(local_env) as db:
        assert auth.authenticate(db, "budi", "Sandi-Baru-Analis-1") is not None
        assert auth.authenticate(db, "budi", ANALIS_PW) is None
    at.selectbox(key="admin_pick").set_value("budi").run()
    assert at.button(key="admin_deactivate").disabled  # needs the confirmation
    at.checkbox(key="admin_sure_budi").check().run()
    at.button(key="admin_deactivate").click().run()
    assert TA.DEACTIVATED.format(u="budi") in texts(at, "success")
    with open_store(local_env) as db:
        assert db.scalar("SELECT aktif FROM akun WHERE username='budi'") is False


def test_last_admin_cannot_deactivate_self(admin_at, local_env):
    at = admin_at
    at.selectbox(key="admin_pick").set_value("kepala").run()
    at.checkbox(key="admin_sure_kepala").check().run()
    at.button(key="admin_deactivate").click().run()
    assert texts(at, "error") == TA.ERRORS["last active administrator"]
    with open_store(local_env) as db:
        assert db.scalar("SELECT aktif FROM akun WHERE username='kepala'") is True


def test_audit_viewer_filters_and_exports(admin_at, local_env):
    at = admin_at
    at.multiselect(key="admin_a_action").set_value(["masuk", "akun_dibuat"]).run()
    df = at.tabs[2].dataframe[0].value
    # Newest first: the admin's sign-in, then the two accounts created by the fixture.
    assert df[TA.AUDIT_COL["aksi"]].tolist() == ["masuk", "akun_dibuat", "akun_dibuat"]
    assert df[TA.AUDIT_COL["objek"]].tolist() == ["kepala", "budi", "kepala"]
    assert at.download_button(key="admin_audit_dl_csv") is not None
    assert at.download_button(key="admin_audit_dl_xlsx") is not None
    at.selectbox(key="admin_a_user").set_value("kepala").run()
    df = at.tabs[2].dataframe[0].value
    assert df[TA.AUDIT_COL["objek"]].tolist() == ["kepala", "budi"]


def test_admin_page_in_demo_mode(app_env, tmp_path, monkeypatch):
    """Sign-in off in a local demo: the local admin reaches the page (on a copy of the store)."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(app_env, path)
    monkeypatch.setenv("TALENTA_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == [TC.NAV_ADMIN]
    assert TA.NO_ACCOUNTS in texts(at, "info")
