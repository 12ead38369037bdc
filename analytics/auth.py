"""Accounts, roles and sign-in: the local account store and the role -> scope mapping.

Roles (a role always comes with the scope it may see; enforcement of that scope happens in
every query through `analytics.filters.employee_where` / `instansi_where`):

| role              | instances          | people     | may                                         |
|-------------------|--------------------|------------|---------------------------------------------|
| `admin`           | the whole region   | named      | everything; manages accounts; reads audit   |
| `analis_kanreg`   | the whole region   | named      | read, export                                |
| `analis_instansi` | one instance       | named      | read, export                                |
| `komite`          | one instance       | named*     | meeting mode, calibrate, decide             |
| `tamu`            | region or one inst | none       | aggregates only; names and NIPs masked      |

(*) meeting mode may mask names when the screen is shared: `meeting_scope(scope, masked=True)`.

Local accounts live in the `akun` table. Passwords are stored only as argon2id hashes
(argon2-cffi defaults, RFC 9106 low-memory profile); there is no default account and no
default password: the first administrator is created with `python -m analytics init-admin`.
Repeated failures lock an account for a while (`AuthPolicy`, configurable).

Sign-in bookkeeping (failure counters, last sign-in) is written atomically together with its
audit row but does not bump `meta.data_version` (account rows are not analytics data, and a
sign-in must not invalidate every cached chart). Account management goes through
`db.transaction`, like every other write.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import polars as pl
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from analytics.filters import ROLES, Scope, ScopeError
from analytics.store import Database

# -- roles and capabilities -----------------------------------------------------------------

ROLE_LABELS: dict[str, str] = {
    "admin": "Administrator Kanreg X",
    "analis_kanreg": "Analis Kanreg X (seluruh wilayah)",
    "analis_instansi": "Analis instansi",
    "komite": "Komite Talenta instansi",
    "tamu": "Tamu (agregat saja)",
}

CAPABILITIES: tuple[str, ...] = (
    "view_people",  # person-level rows (lists, nine-box members)
    "export",  # downloads and CLI exports
    "import",  # import source data
    "calibrate",  # move a person in the nine-box (with reason)
    "decide",  # record committee decisions
    "meeting",  # open the committee meeting mode
    "record_status",  # record a talent-management maturity status of an instance
    "manage_users",  # accounts, roles
    "audit",  # read and export the audit trail
)

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    "admin": frozenset(CAPABILITIES),
    "analis_kanreg": frozenset({"view_people", "export"}),
    "analis_instansi": frozenset({"view_people", "export"}),
    "komite": frozenset({"view_people", "calibrate", "decide", "meeting"}),
    "tamu": frozenset(),
}

# Roles bound to exactly one instance, roles that see the whole region, and tamu (either).
INSTANCE_ROLES = frozenset({"analis_instansi", "komite"})
REGION_ROLES = frozenset({"admin", "analis_kanreg"})


class AuthError(ValueError):
    """An account operation was refused (message is for the operator)."""


def validate_role(role: str, instansi_id: int | None) -> None:
    """Refuse a role/instance combination that does not make sense."""
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}; one of: {', '.join(ROLES)}")
    if role in INSTANCE_ROLES and instansi_id is None:
        raise AuthError(f"role {role} needs an instance (--instansi)")
    if role in REGION_ROLES and instansi_id is not None:
        raise AuthError(f"role {role} covers the whole region; give no instance")


def scope_for(role: str, instansi_id: int | None, user: str) -> Scope:
    """The scope a role sees: instances, masking and person-level access."""
    validate_role(role, instansi_id)
    inst = None if instansi_id is None else frozenset({int(instansi_id)})
    if role == "tamu":
        return Scope(user=user, role=role, instansi=inst, masked=True, aggregates_only=True)
    return Scope(user=user, role=role, instansi=inst)


def can(scope: Scope, action: str) -> bool:
    """True when the scope's role may perform `action` (one of CAPABILITIES)."""
    if action not in CAPABILITIES:
        raise ValueError(f"unknown capability: {action}")
    if action == "view_people" and scope.aggregates_only:
        return False
    return action in ROLE_CAPABILITIES.get(scope.role, frozenset())


def require(scope: Scope, action: str) -> None:
    """Raise ScopeError unless the scope may perform `action`."""
    if not can(scope, action):
        raise ScopeError(f"role {scope.role} may not {action}")


def meeting_scope(scope: Scope, *, masked: bool) -> Scope:
    """The scope for the meeting screen: names masked when the screen is shared."""
    return replace(scope, masked=scope.masked or masked)


# -- passwords ------------------------------------------------------------------------------

_hasher = PasswordHasher()  # argon2id, RFC 9106 low-memory profile
_DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
MIN_PASSWORD = 10
# Passwords refused outright (typical defaults); length and the username rule do the rest.
WEAK_PASSWORDS = frozenset(
    {
        "password",
        "password123",
        "1234567890",
        "qwertyuiop",
        "administrator",
        "admin12345",
        "admin123456",
        "kanregx12345",
        "talenta12345",
        "bkn1234567",
        "rahasia123",
        "passw0rd12",
    }
)


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive; stored lower case without surrounding spaces."""
    return (username or "").strip().lower()


def check_password_policy(password: str, username: str = "") -> None:
    """Refuse passwords that are short, a known default, or contain the username."""
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"password must have at least {MIN_PASSWORD} characters")
    low = password.lower()
    if low in WEAK_PASSWORDS or len(set(password)) < 4:
        raise AuthError("password is too easy to guess")
    if username and normalise_username(username) in low:
        raise AuthError("password must not contain the username")


def hash_password(password: str) -> str:
    """An argon2id hash string (salted; never the password itself)."""
    return _hasher.hash(password)


def _verify(stored: str | None, password: str) -> bool:
    if not stored:
        # No usable hash: do the same work as a real check so timing reveals nothing.
        with suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password)
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# -- policy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthPolicy:
    """Lockout and session settings (defaults follow common practice; configurable)."""

    max_failures: int = 5  # consecutive failures before the account is locked
    lock_minutes: int = 15  # how long a locked account stays locked
    session_hours: int = 12  # a browser session must sign in again after this

    @classmethod
    def from_env(cls) -> AuthPolicy:
        """Read TALENTA_AUTH_MAX_FAILURES / _LOCK_MINUTES / _SESSION_HOURS when set."""
        d = cls()
        return cls(
            max_failures=int(os.environ.get("TALENTA_AUTH_MAX_FAILURES", d.max_failures)),
            lock_minutes=int(os.environ.get("TALENTA_AUTH_LOCK_MINUTES", d.lock_minutes)),
            session_hours=int(os.environ.get("TALENTA_AUTH_SESSION_HOURS", d.session_hours)),
        )


DEFAULT_POLICY = AuthPolicy()


@dataclass(frozen=True)
class SignIn:
    """Outcome of a sign-in attempt: `ok`, `invalid` (wrong name/password/inactive), `locked`."""

    status: str
    scope: Scope | None = None
    locked_until: datetime | None = None
    failures_left: int | None = None


# -- writes ---------------------------------------------------------------------------------


def _account(db: Database, username: str) -> dict[str, Any] | None:
    df = db.query("SELECT * FROM akun WHERE username = $u", {"u": normalise_username(username)})
    return df.row(0, named=True) if df.height else None


def _check_instansi(db: Database, instansi_id: int | None) -> None:
    if instansi_id is not None and not db.scalar(
        "SELECT count(*) FROM instansi WHERE id = $i", {"i": int(instansi_id)}
    ):
        raise AuthError(f"unknown instance id {instansi_id}")


def _active_admins(db: Database) -> list[str]:
    df = db.query("SELECT username FROM akun WHERE role = 'admin' AND aktif ORDER BY username")
    return df["username"].to_list()


def create_user(
    db: Database,
    username: str,
    password: str | None,
    role: str,
    instansi_id: int | None = None,
    *,
    by: str,
    email: str | None = None,
    nama: str | None = None,
    now: datetime | None = None,
) -> None:
    """Create an account. `password=None` makes an OIDC-only account (needs an email)."""
    u = normalise_username(username)
    if not USERNAME_RE.match(u):
        raise AuthError(
            "username: 3-64 characters, letters, digits and . _ @ - (starting with a letter/digit)"
        )
    validate_role(role, instansi_id)
    _check_instansi(db, instansi_id)
    if password is None and not email:
        raise AuthError("an account without a password needs an email (OIDC sign-in)")
    if password is not None:
        check_password_policy(password, u)
    if _account(db, u) is not None:
        raise AuthError(f"account {u} already exists")
    email_n = normalise_username(email) if email else None
    if email_n and db.scalar("SELECT count(*) FROM akun WHERE email = $e", {"e": email_n}):
        raise AuthError(f"email {email_n} already belongs to another account")
    with db.transaction(
        by, "akun_dibuat", u, {"role": role, "instansi_id": instansi_id, "email": email_n}
    ) as cur:
        cur.execute(
            "INSERT INTO akun (username, password_hash, role, instansi_id, aktif, dibuat, gagal, "
            "email, nama) VALUES ($u, $h, $r, $i, TRUE, $t, 0, $e, $n)",
            {
                "u": u,
                "h": None if password is None else hash_password(password),
                "r": role,
                "i": instansi_id,
                "t": now or datetime.now(),
                "e": email_n,
                "n": nama,
            },
        )


def _existing(db: Database, username: str) -> dict[str, Any]:
    acc = _account(db, username)
    if acc is None:
        raise AuthError(f"no account {normalise_username(username)}")
    return acc


def set_password(db: Database, username: str, password: str, *, by: str) -> None:
    """Set a new password (also clears a lockout)."""
    acc = _existing(db, username)
    check_password_policy(password, acc["username"])
    with db.transaction(by, "akun_sandi_diubah", acc["username"]) as cur:
        cur.execute(
            "UPDATE akun SET password_hash = $h, gagal = 0, terkunci_sampai = NULL "
            "WHERE username = $u",
            {"h": hash_password(password), "u": acc["username"]},
        )


def set_role(
    db: Database, username: str, role: str, instansi_id: int | None = None, *, by: str
) -> None:
    """Change an account's role and instance (the last active admin cannot be demoted)."""
    acc = _existing(db, username)
    validate_role(role, instansi_id)
    _check_instansi(db, instansi_id)
    if acc["role"] == "admin" and role != "admin" and _active_admins(db) == [acc["username"]]:
        raise AuthError("this is the last active administrator")
    with db.transaction(
        by,
        "akun_peran_diubah",
        acc["username"],
        {
            "dari": {"role": acc["role"], "instansi_id": acc["instansi_id"]},
            "ke": {"role": role, "instansi_id": instansi_id},
        },
    ) as cur:
        cur.execute(
            "UPDATE akun SET role = $r, instansi_id = $i WHERE username = $u",
            {"r": role, "i": instansi_id, "u": acc["username"]},
        )


def set_email(db: Database, username: str, email: str | None, *, by: str) -> None:
    """Set or clear the email an OIDC identity maps to."""
    acc = _existing(db, username)
    e = normalise_username(email) if email else None
    if e and db.scalar(
        "SELECT count(*) FROM akun WHERE email = $e AND username <> $u",
        {"e": e, "u": acc["username"]},
    ):
        raise AuthError(f"email {e} already belongs to another account")
    with db.transaction(by, "akun_email_diubah", acc["username"], {"email": e}) as cur:
        cur.execute(
            "UPDATE akun SET email = $e WHERE username = $u", {"e": e, "u": acc["username"]}
        )


def deactivate(db: Database, username: str, *, by: str) -> None:
    """Disable an account (kept for the audit trail; the last active admin stays)."""
    acc = _existing(db, username)
    if acc["role"] == "admin" and acc["aktif"] and _active_admins(db) == [acc["username"]]:
        raise AuthError("this is the last active administrator")
    with db.transaction(by, "akun_dinonaktifkan", acc["username"]) as cur:
        cur.execute("UPDATE akun SET aktif = FALSE WHERE username = $u", {"u": acc["username"]})


def activate(db: Database, username: str, *, by: str) -> None:
    """Re-enable a disabled account."""
    acc = _existing(db, username)
    with db.transaction(by, "akun_diaktifkan", acc["username"]) as cur:
        cur.execute(
            "UPDATE akun SET aktif = TRUE, gagal = 0, terkunci_sampai = NULL WHERE username = $u",
            {"u": acc["username"]},
        )


def unlock(db: Database, username: str, *, by: str) -> None:
    """Lift a lockout before it expires."""
    acc = _existing(db, username)
    with db.transaction(by, "akun_dibuka", acc["username"]) as cur:
        cur.execute(
            "UPDATE akun SET gagal = 0, terkunci_sampai = NULL WHERE username = $u",
            {"u": acc["username"]},
        )


def has_admin(db: Database) -> bool:
    """True when at least one active administrator account exists."""
    return bool(_active_admins(db))


def init_admin(db: Database, username: str, password: str, *, by: str) -> None:
    """First run: create the first administrator; refused once an active admin exists."""
    if has_admin(db):
        raise AuthError("an administrator already exists; use `user add` as that administrator")
    create_user(db, username, password, "admin", None, by=by)


# -- sign-in --------------------------------------------------------------------------------


def account_scope(acc: dict[str, Any]) -> Scope:
    """The scope of an account row."""
    return scope_for(acc["role"], acc["instansi_id"], acc["username"])


def sign_in(
    db: Database,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    policy: AuthPolicy = DEFAULT_POLICY,
) -> SignIn:
    """Check a password; count failures, lock after `policy.max_failures`, audit every attempt."""
    now = now or datetime.now()
    u = normalise_username(username)
    acc = _account(db, u) if u else None
    if acc is None or not acc["aktif"]:
        _verify(None, password)  # same work as a real check: no timing hint
        db.audit(
            u or "(kosong)",
            "masuk_gagal",
            u or None,
            {"alasan": "tidak_dikenal" if acc is None else "nonaktif"},
        )
        return SignIn("invalid")
    until = acc["terkunci_sampai"]
    if until is not None and until > now:
        db.audit(u, "masuk_ditolak_terkunci", u, {"terkunci_sampai": until})
        return SignIn("locked", locked_until=until)
    if _verify(acc["password_hash"], password):
        with db.transaction(u, "masuk", u, {"role": acc["role"]}, bump=False) as cur:
            cur.execute(
                "UPDATE akun SET gagal = 0, terkunci_sampai = NULL, masuk_terakhir = $t "
                "WHERE username = $u",
                {"t": now, "u": u},
            )
            if _hasher.check_needs_rehash(acc["password_hash"]):
                cur.execute(
                    "UPDATE akun SET password_hash = $h WHERE username = $u",
                    {"h": hash_password(password), "u": u},
                )
        return SignIn("ok", scope=account_scope(acc))
    # An expired lock starts a fresh count.
    failures = (0 if until is not None else int(acc["gagal"])) + 1
    locked = failures >= policy.max_failures
    new_until = now + timedelta(minutes=policy.lock_minutes) if locked else None
    details: dict[str, Any] = {"alasan": "sandi_salah", "gagal": failures}
    if locked:
        details["terkunci_sampai"] = new_until
    with db.transaction(u, "masuk_gagal", u, details, bump=False) as cur:
        cur.execute(
            "UPDATE akun SET gagal = $g, terkunci_sampai = $t WHERE username = $u",
            {"g": 0 if locked else failures, "t": new_until, "u": u},
        )
    if locked:
        return SignIn("locked", locked_until=new_until)
    return SignIn("invalid", failures_left=policy.max_failures - failures)


def authenticate(
    db: Database,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    policy: AuthPolicy = DEFAULT_POLICY,
) -> Scope | None:
    """The account's scope when the password is right and the account usable, else None."""
    return sign_in(db, username, password, now=now, policy=policy).scope


def active_scope(db: Database, username: str) -> Scope | None:
    """Current scope of a signed-in account (None once disabled): role changes apply at once."""
    acc = _account(db, username)
    if acc is None or not acc["aktif"]:
        return None
    return account_scope(acc)


def scope_for_email(db: Database, email: str) -> Scope | None:
    """Map an OIDC identity to an active local account by email (or username = email)."""
    e = normalise_username(email)
    if not e:
        return None
    df = db.query(
        "SELECT * FROM akun WHERE aktif AND (email = $e OR username = $e) "
        "ORDER BY (email = $e) DESC LIMIT 1",
        {"e": e},
    )
    return account_scope(df.row(0, named=True)) if df.height else None


def record_sign_out(db: Database, username: str) -> None:
    """Audit a sign-out."""
    db.audit(normalise_username(username), "keluar", normalise_username(username))


# -- reading (admin page, CLI) --------------------------------------------------------------


def list_users(db: Database, scope: Scope) -> pl.DataFrame:
    """Accounts without their hashes (admins only)."""
    require(scope, "manage_users")
    return db.query(
        """SELECT a.username, a.nama, a.email, a.role, a.instansi_id, i.nama AS instansi,
                  a.aktif, a.dibuat, a.masuk_terakhir, a.gagal, a.terkunci_sampai,
                  a.password_hash IS NOT NULL AS punya_sandi
           FROM akun a LEFT JOIN instansi i ON i.id = a.instansi_id
           ORDER BY a.username"""
    )


def audit_log(
    db: Database,
    scope: Scope,
    *,
    dari: date | None = None,
    sampai: date | None = None,
    oleh: str | None = None,
    aksi: tuple[str, ...] = (),
    cari: str | None = None,
    limit: int = 5000,
) -> pl.DataFrame:
    """Audit rows, newest first, filtered by date range, user, actions and free text."""
    require(scope, "audit")
    parts = ["TRUE"]
    params: dict[str, Any] = {"lim": int(limit)}
    if dari is not None:
        parts.append("pada >= $dari")
        params["dari"] = datetime.combine(dari, datetime.min.time())
    if sampai is not None:
        parts.append("pada < $sampai")
        params["sampai"] = datetime.combine(sampai + timedelta(days=1), datetime.min.time())
    if oleh:
        parts.append("oleh = $oleh")
        params["oleh"] = oleh
    if aksi:
        parts.append("list_contains($aksi, aksi)")
        params["aksi"] = list(aksi)
    if cari:
        parts.append(
            "(contains(lower(coalesce(objek, '')), $cari) "
            "OR contains(lower(coalesce(rincian, '')), $cari))"
        )
        params["cari"] = cari.lower()
    return db.query(
        f"SELECT id, pada, oleh, aksi, objek, rincian FROM audit WHERE {' AND '.join(parts)} "
        "ORDER BY pada DESC, id DESC LIMIT $lim",
        params,
    )


def audit_actions(db: Database, scope: Scope) -> list[str]:
    """Distinct actions present in the audit log (for the filter)."""
    require(scope, "audit")
    return db.query("SELECT DISTINCT aksi FROM audit ORDER BY 1")["aksi"].to_list()


def audit_users(db: Database, scope: Scope) -> list[str]:
    """Distinct actors present in the audit log (for the filter)."""
    require(scope, "audit")
    return db.query("SELECT DISTINCT oleh FROM audit ORDER BY 1")["oleh"].to_list()
