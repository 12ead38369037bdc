"""Command line for accounts: `python -m analytics user ...` and `python -m analytics init-admin`.

    python -m analytics init-admin --db data/talenta.duckdb --username kanregx.admin
    python -m analytics user add --db PATH --username budi --role analis_instansi --instansi 2
    python -m analytics user add --db PATH --username sari@bkn.go.id --role komite --instansi 5 \
        --email sari@bkn.go.id --no-password          # OIDC-only account
    python -m analytics user passwd  --db PATH --username budi
    python -m analytics user role    --db PATH --username budi --role analis_kanreg
    python -m analytics user disable --db PATH --username budi      (enable, unlock likewise)
    python -m analytics user list    --db PATH

Passwords are typed twice at a hidden prompt, or read from the first line of standard input
with `--password-stdin` (for scripts). They are never accepted as a command-line argument
(that would leave them in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from analytics import auth
from analytics.filters import ROLES, Scope


def _actor() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        name = os.environ.get("USER", "?")
    return f"cli:{name}"


def _read_password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("Password: ")
    second = getpass.getpass("Password (again): ")
    if first != second:
        raise auth.AuthError("the passwords differ")
    return first


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database file (default: TALENTA_DB or data/talenta.duckdb)")


def _pw_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )


def add_init_admin_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `init-admin`."""
    _db_arg(p)
    p.add_argument("--username", required=True)
    _pw_arg(p)


def run_init_admin(args: argparse.Namespace) -> int:
    """Create the first administrator (refused when one exists)."""
    from analytics.reference import open_store

    with open_store(args.db) as db:
        if auth.has_admin(db):
            print("refused: an administrator already exists", file=sys.stderr)
            return 1
        try:
            auth.init_admin(db, args.username, _read_password(args), by=_actor())
        except auth.AuthError as exc:
            print(f"refused: {exc}", file=sys.stderr)
            return 1
        print(f"administrator {auth.normalise_username(args.username)} created in {db.path}")
    return 0


def add_user_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `user` (sub-commands add, passwd, role, disable, enable, unlock, list)."""
    sub = p.add_subparsers(dest="user_command", required=True)
    add = sub.add_parser("add", help="create an account")
    _db_arg(add)
    add.add_argument("--username", required=True)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--instansi", type=int, help="instance id (analis_instansi, komite, tamu)")
    add.add_argument("--email", help="email of the OIDC identity mapped to this account")
    add.add_argument("--nama", help="display name")
    add.add_argument("--no-password", action="store_true", help="OIDC-only account (needs --email)")
    _pw_arg(add)
    pw = sub.add_parser("passwd", help="set a new password (clears a lockout)")
    _db_arg(pw)
    pw.add_argument("--username", required=True)
    _pw_arg(pw)
    role = sub.add_parser("role", help="change role and instance")
    _db_arg(role)
    role.add_argument("--username", required=True)
    role.add_argument("--role", required=True, choices=ROLES)
    role.add_argument("--instansi", type=int)
    for name, text in (
        ("disable", "disable an account"),
        ("enable", "re-enable an account"),
        ("unlock", "lift a lockout"),
    ):
        q = sub.add_parser(name, help=text)
        _db_arg(q)
        q.add_argument("--username", required=True)
    ls = sub.add_parser("list", help="list accounts")
    _db_arg(ls)


def run_user(args: argparse.Namespace) -> int:
    """Run one `user` sub-command."""
    from analytics.reference import open_store

    by = _actor()
    with open_store(args.db) as db:
        try:
            cmd = args.user_command
            if cmd == "add":
                password = None if args.no_password else _read_password(args)
                auth.create_user(
                    db,
                    args.username,
                    password,
                    args.role,
                    args.instansi,
                    by=by,
                    email=args.email,
                    nama=args.nama,
                )
                print(f"account {auth.normalise_username(args.username)} created ({args.role})")
            elif cmd == "passwd":
                auth.set_password(db, args.username, _read_password(args), by=by)
                print("password changed")
            elif cmd == "role":
                auth.set_role(db, args.username, args.role, args.instansi, by=by)
                print(f"role changed to {args.role}")
            elif cmd == "disable":
                auth.deactivate(db, args.username, by=by)
                print("account disabled")
            elif cmd == "enable":
                auth.activate(db, args.username, by=by)
                print("account enabled")
            elif cmd == "unlock":
                auth.unlock(db, args.username, by=by)
                print("account unlocked")
            elif cmd == "list":
                df = auth.list_users(db, Scope(user=by, role="admin"))
                for r in df.iter_rows(named=True):
                    state = "aktif" if r["aktif"] else "nonaktif"
                    if r["terkunci_sampai"] is not None:
                        state += f", terkunci s.d. {r['terkunci_sampai']:%Y-%m-%d %H:%M}"
                    inst = r["instansi"] or "seluruh wilayah"
                    print(f"{r['username']:30s} {r['role']:16s} {inst:32s} {state}")
                if df.height == 0:
                    print("no accounts; create the first with `python -m analytics init-admin`")
        except auth.AuthError as exc:
            print(f"refused: {exc}", file=sys.stderr)
            return 1
    return 0
