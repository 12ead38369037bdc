"""Accounts, passwords, lockout, role scopes and their audit trail (analytics.auth, auth_cli)."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta

import pytest

from analytics import auth
from analytics.auth_cli import add_init_admin_arguments, add_user_arguments  # noqa: F401
from analytics.cli import main as cli_main
from analytics.filters import ROLES, Scope, ScopeError

PW = "Benar-Sekali-2026"
T0 = datetime(2026, 11, 2, 9, 0, 0)
PRODUCTION_HASH_TESTS = {"test_stored_password_is_argon2id_hash_never_plaintext"}


@pytest.fixture(autouse=True)
def fast_hash(request, monkeypatch):
    """Cheap argon2id parameters for logic tests (the production profile is tested once)."""
    if request.node.name in PRODUCTION_HASH_TESTS:
        return
    from argon2 import PasswordHasher

    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", fast)
    monkeypatch.setattr(auth, "_DUMMY_HASH", fast.hash("dummy"))


def audit_rows(db, aksi: str | None = None) -> list[dict]:
    sql = "SELECT oleh, aksi, objek, rincian FROM audit"
    params = {}
    if aksi:
        sql += " WHERE aksi = $a"
        params["a"] = aksi
    return db.query(sql + " ORDER BY id", params).to_dicts()


# -- roles -> scopes --------------------------------------------------------------------------


def test_scope_for_every_role():
    assert auth.scope_for("admin", None, "a") == Scope(user="a", role="admin")
    assert auth.scope_for("analis_kanreg", None, "k") == Scope(user="k", role="analis_kanreg")
    s = auth.scope_for("analis_instansi", 7, "i")
    assert (s.instansi, s.masked, s.aggregates_only) == (frozenset({7}), False, False)
    s = auth.scope_for("komite", 5, "c")
    assert (s.instansi, s.masked, s.aggregates_only) == (frozenset({5}), False, False)
    s = auth.scope_for("tamu", None, "t")
    assert (s.instansi, s.masked, s.aggregates_only) == (None, True, True)
    s = auth.scope_for("tamu", 3, "t")
    assert (s.instansi, s.masked, s.aggregates_only) == (frozenset({3}), True, True)


@pytest.mark.parametrize(
    ("role", "inst"),
    [("analis_instansi", None), ("komite", None), ("admin", 2), ("analis_kanreg", 2), ("x", None)],
)
def test_scope_for_refuses_nonsense(role, inst):
    with pytest.raises(auth.AuthError):
        auth.scope_for(role, inst, "u")


def test_capabilities_by_role():
    table = {
        role: {c for c in auth.CAPABILITIES if auth.can(auth.scope_for(role, inst, "u"), c)}
        for role, inst in [
            ("admin", None),
            ("analis_kanreg", None),
            ("analis_instansi", 1),
            ("komite", 1),
            ("tamu", None),
        ]
    }
    assert table["admin"] == set(auth.CAPABILITIES)
    assert table["analis_kanreg"] == {"view_people", "export"}
    assert table["analis_instansi"] == {"view_people", "export"}
    assert table["komite"] == {"view_people", "calibrate", "decide", "meeting"}
    assert table["tamu"] == set()
    assert set(table) == set(ROLES)
    with pytest.raises(ScopeError):
        auth.require(auth.scope_for("tamu", None, "t"), "export")
    with pytest.raises(ValueError):
        auth.can(Scope(), "fly")


def test_meeting_scope_masks_but_keeps_instance():
    s = auth.meeting_scope(auth.scope_for("komite", 4, "c"), masked=True)
    assert (s.masked, s.instansi, s.aggregates_only) == (True, frozenset({4}), False)
    assert not auth.meeting_scope(auth.scope_for("komite", 4, "c"), masked=False).masked


# -- passwords --------------------------------------------------------------------------------


def test_stored_password_is_argon2id_hash_never_plaintext(store):
    auth.create_user(store, "Budi.Santoso", PW, "analis_instansi", 2, by="t")
    row = store.query("SELECT * FROM akun").row(0, named=True)
    assert row["username"] == "budi.santoso"
    assert row["password_hash"].startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # RFC 9106 low-mem
    assert PW not in row["password_hash"]
    # No column anywhere in the store holds the plaintext (audit details included).
    for table in store.tables():
        df = store.query(f"SELECT * FROM {table}")  # noqa: S608 - names from the schema
        for col in df.columns:
            if df[col].dtype == pl_string():
                assert not any(PW in (v or "") for v in df[col].to_list()), (table, col)
    # Two accounts with the same password get different (salted) hashes.
    auth.create_user(store, "sari", PW, "analis_instansi", 2, by="t")
    hashes = store.query("SELECT password_hash FROM akun ORDER BY username")["password_hash"]
    assert hashes[0] != hashes[1]


def pl_string():
    import polars as pl

    return pl.String


@pytest.mark.parametrize(
    "pw", ["pendek", "password123", "aaaaaaaaaaaa", "xx-budi-2026-yy", "1234567890"]
)
def test_password_policy_refuses_weak(store, pw):
    with pytest.raises(auth.AuthError):
        auth.create_user(store, "budi", pw, "analis_instansi", 2, by="t")
    assert store.count("akun") == 0


def test_no_default_password_works_on_fresh_store(store):
    assert store.count("akun") == 0
    assert not auth.has_admin(store)
    for user in ("admin", "administrator", "root", "lokal", ""):
        for pw in ("", "admin", "password", "123456", "admin123"):
            assert auth.authenticate(store, user, pw, now=T0) is None
    assert store.count("akun") == 0  # failed attempts create nothing
    # A fresh admin created by init-admin works only with the password given.
    auth.init_admin(store, "admin", PW, by="t")
    assert auth.authenticate(store, "admin", "admin", now=T0) is None
    assert auth.authenticate(store, "admin", PW, now=T0) == Scope(user="admin", role="admin")


def test_init_admin_refused_when_admin_exists(store):
    auth.init_admin(store, "admin1", PW, by="t")
    with pytest.raises(auth.AuthError):
        auth.init_admin(store, "admin2", PW, by="t")
    assert store.query("SELECT username FROM akun")["username"].to_list() == ["admin1"]


# -- sign-in and lockout ----------------------------------------------------------------------


def test_sign_in_returns_role_scope_and_audits(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    assert auth.authenticate(store, " BUDI ", PW, now=T0) == Scope(
        user="budi", role="analis_instansi", instansi=frozenset({2})
    )
    rows = audit_rows(store, "masuk")
    assert [(r["oleh"], r["objek"]) for r in rows] == [("budi", "budi")]
    assert store.scalar("SELECT masuk_terakhir FROM akun") == T0


def test_failed_sign_in_audited_without_password(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    assert auth.authenticate(store, "budi", "Salah-Sandi-99", now=T0) is None
    assert auth.authenticate(store, "nobody", "Salah-Sandi-99", now=T0) is None
    rows = audit_rows(store, "masuk_gagal")
    assert [(r["oleh"], json.loads(r["rincian"])["alasan"]) for r in rows] == [
        ("budi", "sandi_salah"),
        ("nobody", "tidak_dikenal"),
    ]
    assert all("Salah-Sandi" not in (r["rincian"] or "") for r in audit_rows(store))


def test_lockout_after_five_failures_then_unlock_after_period(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    policy = auth.AuthPolicy(max_failures=5, lock_minutes=15)
    results = [
        auth.sign_in(
            store, "budi", f"Salah-{i}-xxxxx", now=T0 + timedelta(seconds=i), policy=policy
        )
        for i in range(5)
    ]
    assert [r.status for r in results] == ["invalid"] * 4 + ["locked"]
    assert [r.failures_left for r in results[:4]] == [4, 3, 2, 1]
    until = T0 + timedelta(seconds=4, minutes=15)
    assert results[4].locked_until == until
    # While locked even the right password is refused (and not checked).
    during = auth.sign_in(store, "budi", PW, now=until - timedelta(seconds=1), policy=policy)
    assert (during.status, during.scope, during.locked_until) == ("locked", None, until)
    assert len(audit_rows(store, "masuk_ditolak_terkunci")) == 1
    # After the period the right password works and clears the counters.
    after = auth.sign_in(store, "budi", PW, now=until + timedelta(seconds=1), policy=policy)
    assert after.status == "ok"
    assert store.query("SELECT gagal, terkunci_sampai FROM akun").row(0) == (0, None)


def test_expired_lock_gives_a_fresh_count(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    policy = auth.AuthPolicy(max_failures=3, lock_minutes=10)
    for i in range(3):
        auth.sign_in(store, "budi", "Salah-Sandi-1", now=T0 + timedelta(seconds=i), policy=policy)
    later = T0 + timedelta(minutes=11)
    r = auth.sign_in(store, "budi", "Salah-Sandi-1", now=later, policy=policy)
    assert (r.status, r.failures_left) == ("invalid", 2)
    assert store.query("SELECT gagal, terkunci_sampai FROM akun").row(0) == (1, None)


def test_success_resets_failure_count(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    for _ in range(4):
        auth.sign_in(store, "budi", "Salah-Sandi-1", now=T0)
    assert auth.sign_in(store, "budi", PW, now=T0).status == "ok"
    r = auth.sign_in(store, "budi", "Salah-Sandi-1", now=T0)
    assert (r.status, r.failures_left) == ("invalid", 4)


def test_policy_from_env(monkeypatch):
    monkeypatch.setenv("TALENTA_AUTH_MAX_FAILURES", "3")
    monkeypatch.setenv("TALENTA_AUTH_LOCK_MINUTES", "60")
    p = auth.AuthPolicy.from_env()
    assert (p.max_failures, p.lock_minutes, p.session_hours) == (3, 60, 12)


def test_sign_in_does_not_invalidate_the_query_cache(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    v = store.data_version
    auth.authenticate(store, "budi", PW, now=T0)
    auth.authenticate(store, "budi", "Salah-Sandi-1", now=T0)
    assert store.data_version == v


def test_disabled_account_cannot_sign_in_and_loses_session_scope(store):
    auth.init_admin(store, "admin", PW, by="t")
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="admin")
    assert auth.active_scope(store, "budi") is not None
    auth.deactivate(store, "budi", by="admin")
    assert auth.authenticate(store, "budi", PW, now=T0) is None
    assert auth.active_scope(store, "budi") is None
    auth.activate(store, "budi", by="admin")
    assert auth.authenticate(store, "budi", PW, now=T0) is not None


# -- account management and its audit ---------------------------------------------------------


def test_account_changes_are_audited(store):
    auth.init_admin(store, "admin", PW, by="cli:root")
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="admin")
    auth.set_role(store, "budi", "komite", 3, by="admin")
    auth.set_password(store, "budi", "Sandi-Baru-Lagi-1", by="admin")
    auth.set_email(store, "budi", "Budi@Bkn.go.id", by="admin")
    auth.unlock(store, "budi", by="admin")
    auth.deactivate(store, "budi", by="admin")
    rows = [r for r in audit_rows(store) if r["aksi"].startswith("akun_")]
    assert [(r["oleh"], r["aksi"], r["objek"]) for r in rows] == [
        ("cli:root", "akun_dibuat", "admin"),
        ("admin", "akun_dibuat", "budi"),
        ("admin", "akun_peran_diubah", "budi"),
        ("admin", "akun_sandi_diubah", "budi"),
        ("admin", "akun_email_diubah", "budi"),
        ("admin", "akun_dibuka", "budi"),
        ("admin", "akun_dinonaktifkan", "budi"),
    ]
    change = json.loads(rows[2]["rincian"])
    assert change == {
        "dari": {"role": "analis_instansi", "instansi_id": 2},
        "ke": {"role": "komite", "instansi_id": 3},
    }
    assert store.query(
        "SELECT role, instansi_id, email, aktif FROM akun WHERE username='budi'"
    ).row(0) == ("komite", 3, "budi@bkn.go.id", False)
    assert auth.authenticate(store, "budi", "Sandi-Baru-Lagi-1", now=T0) is None  # disabled


def test_last_admin_cannot_be_demoted_or_disabled(store):
    auth.init_admin(store, "admin", PW, by="t")
    with pytest.raises(auth.AuthError, match="last active administrator"):
        auth.deactivate(store, "admin", by="admin")
    with pytest.raises(auth.AuthError, match="last active administrator"):
        auth.set_role(store, "admin", "analis_kanreg", None, by="admin")
    auth.create_user(store, "admin2", PW, "admin", None, by="admin")
    auth.deactivate(store, "admin", by="admin2")
    assert auth.has_admin(store)


def test_bad_account_input_changes_nothing(store):
    auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t")
    n = store.count("audit")
    for call in (
        lambda: auth.create_user(store, "budi", PW, "analis_instansi", 2, by="t"),
        lambda: auth.create_user(store, "x", PW, "analis_instansi", 2, by="t"),
        lambda: auth.create_user(store, "ani", PW, "analis_instansi", 99, by="t"),
        lambda: auth.create_user(store, "ani", None, "komite", 2, by="t"),
        lambda: auth.set_role(store, "budi", "admin", 2, by="t"),
        lambda: auth.set_role(store, "nobody", "admin", None, by="t"),
    ):
        with pytest.raises(auth.AuthError):
            call()
    assert store.count("audit") == n
    assert store.query("SELECT role, instansi_id FROM akun").row(0) == ("analis_instansi", 2)


def test_oidc_email_maps_to_account(store):
    auth.create_user(store, "sari", None, "komite", 5, by="t", email="Sari@BKN.go.id", nama="Sari")
    assert auth.scope_for_email(store, "sari@bkn.go.id") == Scope(
        user="sari", role="komite", instansi=frozenset({5})
    )
    assert auth.scope_for_email(store, "other@bkn.go.id") is None
    # An OIDC-only account has no password: no password works.
    assert auth.authenticate(store, "sari", "", now=T0) is None
    assert auth.authenticate(store, "sari", "anything-at-all", now=T0) is None


def test_audit_log_filters_and_requires_admin(store):
    auth.init_admin(store, "admin", PW, by="cli:root")
    auth.authenticate(store, "admin", PW, now=T0)
    auth.authenticate(store, "admin", "Salah-Sandi-1", now=T0)
    admin = auth.scope_for("admin", None, "admin")
    log = auth.audit_log(store, admin, aksi=("masuk", "masuk_gagal"))
    assert log["aksi"].to_list() == ["masuk_gagal", "masuk"]  # newest first
    assert auth.audit_log(store, admin, oleh="cli:root")["aksi"].to_list() == ["akun_dibuat"]
    assert auth.audit_log(store, admin, cari="SANDI_SALAH")["aksi"].to_list() == ["masuk_gagal"]
    assert "masuk" in auth.audit_actions(store, admin)
    for role, inst in [
        ("analis_kanreg", None),
        ("analis_instansi", 2),
        ("komite", 2),
        ("tamu", None),
    ]:
        with pytest.raises(ScopeError):
            auth.audit_log(store, auth.scope_for(role, inst, "u"))
        with pytest.raises(ScopeError):
            auth.list_users(store, auth.scope_for(role, inst, "u"))


# -- command line -----------------------------------------------------------------------------


def run_cli(argv, stdin_text="", monkeypatch=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_text))
    return cli_main(argv)


def test_cli_init_admin_and_user_commands(tmp_path, monkeypatch, capsys):
    path = str(tmp_path / "c.duckdb")
    assert (
        run_cli(
            ["init-admin", "--db", path, "--username", "Kepala", "--password-stdin"],
            PW + "\n",
            monkeypatch,
        )
        == 0
    )
    assert (
        run_cli(
            ["init-admin", "--db", path, "--username", "lain", "--password-stdin"],
            PW + "\n",
            monkeypatch,
        )
        == 1
    )
    assert "already exists" in capsys.readouterr().err
    argv = [
        "user",
        "add",
        "--db",
        path,
        "--username",
        "budi",
        "--role",
        "analis_instansi",
        "--instansi",
        "2",
        "--password-stdin",
    ]
    assert run_cli(argv, "Sandi-Analis-77\n", monkeypatch) == 0
    assert (
        run_cli(
            ["user", "role", "--db", path, "--username", "budi", "--role", "komite"],
            "",
            monkeypatch,
        )
        == 1
    )  # komite needs an instance
    assert run_cli(["user", "disable", "--db", path, "--username", "budi"], "", monkeypatch) == 0
    capsys.readouterr()
    assert run_cli(["user", "list", "--db", path], "", monkeypatch) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["budi", "analis_instansi", "Kabupaten"]
    assert "nonaktif" in out[0]
    assert out[1].split()[:2] == ["kepala", "admin"]
    from analytics.reference import open_store

    with open_store(path) as db:
        assert auth.authenticate(db, "kepala", PW, now=T0) is not None
        assert auth.authenticate(db, "budi", "Sandi-Analis-77", now=T0) is None  # disabled
        assert db.query("SELECT aksi FROM audit WHERE aksi LIKE 'akun%' ORDER BY id")[
            "aksi"
        ].to_list() == [
            "akun_dibuat",
            "akun_dibuat",
            "akun_dinonaktifkan",
        ]


def test_cli_weak_password_refused(tmp_path, monkeypatch, capsys):
    path = str(tmp_path / "c.duckdb")
    assert (
        run_cli(
            ["init-admin", "--db", path, "--username", "admin", "--password-stdin"],
            "admin\n",
            monkeypatch,
        )
        == 1
    )
    assert "refused" in capsys.readouterr().err
    from analytics.reference import open_store

    with open_store(path) as db:
        assert db.count("akun") == 0


def test_cli_getpass_mismatch_refused(tmp_path, monkeypatch, capsys):
    answers = iter([PW, PW + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    path = str(tmp_path / "c.duckdb")
    assert cli_main(["init-admin", "--db", path, "--username", "admin"]) == 1
    assert "differ" in capsys.readouterr().err
