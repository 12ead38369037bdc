"""Command-line functions for `python -m analytics import | template | export`.

Wired by `analytics.cli`: each command has `add_*_arguments(parser)` and `run_*_cli(args)`.
Exit status: 0 success, 1 import rejected (error report printed), 2 usage problem.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import sys
from pathlib import Path

from analytics.domain import GOLONGAN, GOLONGAN_PPPK, JENIS_JABATAN, STATUS_KEPEGAWAIAN

# Report name -> (module, function). The functions take (db, flt, scope) -> pl.DataFrame.
REPORTS: dict[str, tuple[str, str]] = {
    "ninebox": ("analytics.queries.ninebox", "export_ninebox"),
    "kompetensi": ("analytics.queries.competency", "export_kompetensi"),
    "jp": ("analytics.queries.jp", "export_jp"),
    "jp-pegawai": ("analytics.queries.jp", "export_jp_pegawai"),
    "kematangan": ("analytics.queries.maturity", "export_kematangan"),
}


class UsageError(ValueError):
    """A command-line option that cannot be resolved (exit status 2)."""


def _user(args: argparse.Namespace) -> str:
    if getattr(args, "user", None):
        return args.user
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "cli"


# ---------------------------------------------------------------------------------------
# import
# ---------------------------------------------------------------------------------------
def add_import_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `import`: --db PATH FILE... (plus history and restore options)."""
    p.add_argument("files", nargs="*", metavar="FILE", help="CSV files named after tables or XLSX")
    p.add_argument("--db", help="database file (created with reference data if missing)")
    p.add_argument("--user", help="name recorded in the import log (default: cli:<login>)")
    p.add_argument("--max-mb", type=float, help="size limit per file in MB (default 50)")
    p.add_argument("--errors-csv", metavar="PATH", help="also write the error report as CSV")
    p.add_argument("--history", action="store_true", help="list previous imports and exit")
    p.add_argument(
        "--restore-before",
        type=int,
        metavar="ID",
        help="undo import ID and every later import (restore the state before ID)",
    )
    p.add_argument(
        "--restore-all", action="store_true", help="undo every import (state before the first)"
    )


def run_import_cli(args: argparse.Namespace) -> int:
    """Import files as one all-or-nothing import; exit 1 with the error report if rejected."""
    from analytics.io.export import errors_csv
    from analytics.io.importer import (
        RestoreError,
        import_history,
        restore_before_all_imports,
        restore_before_import,
        run_import,
    )
    from analytics.reference import open_store

    actions = bool(args.history) + (args.restore_before is not None) + bool(args.restore_all)
    if actions > 1 or (actions and args.files) or (not actions and not args.files):
        print(
            "give FILE... to import, or one of --history / --restore-before ID / --restore-all",
            file=sys.stderr,
        )
        return 2
    files: list[tuple[str, bytes]] = []
    for f in args.files:
        path = Path(f)
        if not path.is_file():
            print(f"file not found: {path}", file=sys.stderr)
            return 2
        files.append((path.name, path.read_bytes()))
    with open_store(args.db) as db:
        if args.history:
            hist = import_history(db)
            if hist.is_empty():
                print("no imports yet")
            for r in hist.iter_rows(named=True):
                print(
                    f"#{r['id']} {r['pada']:%Y-%m-%d %H:%M} {r['oleh']}: {r['berkas']} — "
                    f"{r['ditambah']} added, {r['diperbarui']} updated [{r['status']}]"
                )
            return 0
        if args.restore_before is not None or args.restore_all:
            try:
                if args.restore_all:
                    undone = restore_before_all_imports(db, _user(args))
                else:
                    undone = restore_before_import(db, args.restore_before, _user(args))
            except RestoreError as exc:
                print(f"restore refused: {exc}", file=sys.stderr)
                return 1
            print("undone imports: " + (", ".join(f"#{i}" for i in undone) if undone else "none"))
            return 0
        max_bytes = None if args.max_mb is None else int(args.max_mb * 1024 * 1024)
        result = run_import(db, files, _user(args), max_bytes=max_bytes)
    if args.errors_csv and (result.errors or result.warnings):
        Path(args.errors_csv).write_bytes(errors_csv(result))
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if not result.ok:
        print(
            f"import rejected: {len(result.errors)} problem(s); nothing was changed.",
            file=sys.stderr,
        )
        for e in result.errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    if result.import_id is None:
        dup = f" (same content as import #{result.duplicate_of})" if result.duplicate_of else ""
        print(f"nothing changed: every row is already stored{dup}")
        return 0
    print(f"import #{result.import_id} accepted")
    for t in result.added:
        print(
            f"  {t:20s} {result.added[t]:>8,d} added {result.updated[t]:>8,d} updated "
            f"{result.unchanged[t]:>8,d} unchanged"
        )
    return 0


# ---------------------------------------------------------------------------------------
# template
# ---------------------------------------------------------------------------------------
def add_template_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `template`: --out DIR."""
    p.add_argument("--out", default="templat", help="folder to write the templates into")


def run_template_cli(args: argparse.Namespace) -> int:
    """Write a CSV template per table and the XLSX workbook into --out."""
    from analytics.io.templates import templates

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in templates().items():
        (out / name).write_bytes(content)
        print(out / name)
    return 0


# ---------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------
def add_export_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of `export`: REPORT --db PATH [filters] [--format] --out FILE."""
    p.add_argument("report", choices=sorted(REPORTS), metavar="REPORT",
                   help="one of: " + ", ".join(REPORTS))  # fmt: skip
    p.add_argument("--db", help="database file (default: TALENTA_DB or data/talenta.duckdb)")
    p.add_argument("--instansi", nargs="+", action="extend", default=[], metavar="NAME_OR_ID")
    p.add_argument("--unit", nargs="+", action="extend", default=[], metavar="NAME")
    p.add_argument("--jenis-jabatan", nargs="+", action="extend", default=[], metavar="JENIS")
    p.add_argument("--golongan", metavar="RANGE", help="e.g. III/a-IV/e or III/a")
    p.add_argument("--status", nargs="+", action="extend", default=[], metavar="PNS|PPPK")
    p.add_argument("--tahun", type=int, help="year (default: the dashboard's default year)")
    p.add_argument("--format", choices=("csv", "xlsx"), help="default: from --out's extension")
    p.add_argument("--out", required=True, help="output file")
    p.add_argument(
        "--user",
        help="export as this account: its role and instance scope apply (default: local admin)",
    )


def _golongan_rank(text: str) -> int:
    t = text.strip().replace(" ", "").lower()
    for table in (GOLONGAN, GOLONGAN_PPPK):
        for i, g in enumerate(table, start=1):
            if g.lower() == t:
                return i
    raise UsageError(f"unknown golongan: {text!r}")


def golongan_range(text: str) -> tuple[int, int]:
    """Parse 'III/a-IV/e' (or one golongan) into a (min, max) rank pair."""
    parts = [p for p in text.replace("–", "-").split("-") if p.strip()]
    if len(parts) == 1:
        r = _golongan_rank(parts[0])
        return r, r
    if len(parts) != 2:
        raise UsageError(f"golongan range must look like III/a-IV/e, not {text!r}")
    lo, hi = _golongan_rank(parts[0]), _golongan_rank(parts[1])
    if lo > hi:
        raise UsageError(f"golongan range is reversed: {text!r}")
    return lo, hi


def build_filter(db, args: argparse.Namespace):
    """Build an analytics.filters.Filter from export options (names resolved to ids)."""
    from analytics.filters import DEFAULT_YEAR, Filter

    inst = db.query("SELECT id, nama FROM instansi")
    by_name = {n.lower(): i for i, n in zip(inst["id"], inst["nama"], strict=True)}
    ids: list[int] = []
    for item in args.instansi:
        if item.strip().isdigit() and int(item) in by_name.values():
            ids.append(int(item))
        elif item.strip().lower() in by_name:
            ids.append(by_name[item.strip().lower()])
        else:
            raise UsageError(f"unknown instansi: {item!r}")
    unit_ids: list[int] = []
    if args.unit:
        units = db.query("SELECT id, instansi_id, nama FROM unit")
        for name in args.unit:
            match = [
                u
                for u, i, n in units.iter_rows()
                if n.lower() == name.strip().lower() and (not ids or i in ids)
            ]
            if not match:
                raise UsageError(f"unknown unit: {name!r}")
            unit_ids += match
    jenis: list[str] = []
    for j in args.jenis_jabatan:
        canon = next((x for x in JENIS_JABATAN if x.lower() == j.strip().lower()), None)
        if canon is None:
            raise UsageError(f"unknown jenis jabatan: {j!r} (one of {', '.join(JENIS_JABATAN)})")
        jenis.append(canon)
    status: list[str] = []
    for s in getattr(args, "status", []) or []:
        if s.upper() not in STATUS_KEPEGAWAIAN:
            raise UsageError(f"unknown status: {s!r} (PNS or PPPK)")
        status.append(s.upper())
    lo, hi = golongan_range(args.golongan) if args.golongan else (1, 17)
    return Filter(
        tahun=args.tahun or DEFAULT_YEAR,
        instansi=tuple(ids),
        unit=tuple(unit_ids),
        jenis_jabatan=tuple(jenis),
        golongan_min=lo,
        golongan_max=hi,
        status=tuple(status),
    )


def report_function(report: str):
    """Resolve a REPORT name to its export function; UsageError if it is not available."""
    if report not in REPORTS:
        raise UsageError(f"unknown report {report!r}; choose one of {', '.join(REPORTS)}")
    module, fn = REPORTS[report]
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise UsageError(
                f"report {report!r} is not available in this build ({module} is missing)"
            ) from None
        raise
    func = getattr(mod, fn, None)
    if func is None:
        raise UsageError(f"report {report!r} is not available in this build ({module}.{fn})")
    return func


def run_export_cli(args: argparse.Namespace) -> int:
    """Export one report with the page filters to CSV or XLSX."""
    from analytics.filters import LOCAL_ADMIN
    from analytics.io.export import export_frame
    from analytics.store import Database, default_path

    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    db_path = Path(args.db) if args.db else default_path()
    if not db_path.exists():
        print(f"database not found: {db_path}", file=sys.stderr)
        return 2
    try:
        func = report_function(args.report)
        with Database(db_path, read_only=True) as db:
            flt = build_filter(db, args)
            scope = LOCAL_ADMIN
            if getattr(args, "user", None):
                from analytics.auth import active_scope, require

                scope = active_scope(db, args.user)
                if scope is None:
                    raise UsageError(f"no active account {args.user!r}")
                require(scope, "export")
            frame = func(db, flt, scope)
    except (UsageError, ValueError, PermissionError) as exc:
        print(f"export refused: {exc}", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    data = export_frame(frame, fmt, sheet=args.report)
    out.write_bytes(data)
    print(f"{args.report}: {frame.height} rows written to {out}")
    _audit_export(db_path, scope.user, args.report, fmt, len(data), flt, out)
    return 0


def _audit_export(db_path: Path, user: str, report: str, fmt: str, size: int, flt, out) -> None:
    """Record a command-line export in the audit log (a warning if the store is locked)."""
    from analytics.store import Database

    try:
        with Database(db_path) as db:
            db.audit(
                user,
                "ekspor",
                report,
                {"format": fmt, "bytes": size, "filter": flt.model_dump(), "cli": str(out)},
            )
    except Exception as exc:  # noqa: BLE001 - the export itself succeeded
        print(f"warning: export not recorded in the audit log ({exc})", file=sys.stderr)
