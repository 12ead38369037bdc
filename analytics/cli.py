"""Command line: `python -m analytics COMMAND ...` (demo, import, export, template, ...).

Each command lives in the module that owns its concern; this file only wires them up.
A command module provides `add_<name>_arguments(parser)` and `run_<name>(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command -> (module, add-arguments function, run function, help text)
COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "demo": ("analytics.demo", "add_demo_arguments", "run_demo", "build the synthetic demo"),
    "import": (
        "analytics.io.cli",
        "add_import_arguments",
        "run_import_cli",
        "import CSV/XLSX files (all or nothing)",
    ),
    "export": (
        "analytics.io.cli",
        "add_export_arguments",
        "run_export_cli",
        "export a report as CSV/XLSX",
    ),
    "template": (
        "analytics.io.cli",
        "add_template_arguments",
        "run_template_cli",
        "write the import templates",
    ),
    "info": ("analytics.cli", "add_info_arguments", "run_info", "show what a store holds"),
    "user": ("analytics.auth_cli", "add_user_arguments", "run_user", "manage sign-in accounts"),
    "init-admin": (
        "analytics.auth_cli",
        "add_init_admin_arguments",
        "run_init_admin",
        "create the first administrator (first run)",
    ),
}


def add_info_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `info`."""
    p.add_argument("--db", help="database file (default: TALENTA_DB or data/talenta.duckdb)")


def run_info(args: argparse.Namespace) -> int:
    """Print the schema version, data kind and row counts of a store."""
    from analytics.reference import open_store

    with open_store(args.db) as db:
        print(f"store: {db.path}")
        print(f"schema version: {db.schema_version}; data: {db.meta('data_kind')}")
        for table in db.tables():
            print(f"  {table:20s} {db.count(table):>12,d}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command."""
    parser = argparse.ArgumentParser(prog="python -m analytics", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    runners = {}
    for name, (module, add_fn, run_fn, help_text) in COMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:  # a command whose module is not installed yet
            sub.add_parser(name, help=f"(unavailable: {exc})")
            runners[name] = None
            continue
        p = sub.add_parser(name, help=help_text)
        getattr(mod, add_fn)(p)
        runners[name] = getattr(mod, run_fn)
    args = parser.parse_args(argv)
    runner = runners[args.command]
    if runner is None:
        print(f"command {args.command!r} is not available in this build", file=sys.stderr)
        return 2
    return int(runner(args) or 0)
