"""The store: one DuckDB file, one `Database` object through which all SQL flows.

- Default file `data/talenta.duckdb`; the `TALENTA_DB` environment variable points elsewhere.
- The schema carries a version (`meta.schema_version`); a file of an older version is migrated,
  a file of a newer or unknown version is refused with `SchemaVersionError`.
- Values are always bound as parameters (`$name` with a dict), never formatted into SQL.
- Concurrent callers (Streamlit sessions run in threads) each get their own cursor.
- Writes happen in `Database.transaction(...)`, which records an audit row and bumps
  `meta.data_version` so that cached query results are invalidated.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.schema import DDL, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "talenta.duckdb"

Params = dict[str, Any] | None


class SchemaVersionError(RuntimeError):
    """The database file has a schema version this code cannot open."""


# Migrations from version N to N+1, as functions taking a DuckDB cursor.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}


def default_path() -> Path:
    """Return the database path: `TALENTA_DB` if set, else `data/talenta.duckdb`."""
    env = os.environ.get("TALENTA_DB")
    return Path(env) if env else DEFAULT_DB


class Database:
    """A talent store in one DuckDB file; the only place that talks to DuckDB."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
    ):
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise FileNotFoundError(f"database file not found: {self.path}")
        self._con = duckdb.connect(str(self.path), read_only=read_only)
        # memory_limit (e.g. "1200MB") bounds DuckDB's buffers; None = DuckDB's default
        # (80 % of RAM), which suits the command line and the demo build. Set after
        # connecting: a connect-time config would refuse other connections to the same file
        # in this process (tests, the bench) opened without it.
        if memory_limit:
            if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", memory_limit.strip()):
                raise ValueError(f"memory limit not understood: {memory_limit!r} (e.g. 1200MB)")
            self._con.execute(f"SET memory_limit = '{memory_limit.strip()}'").fetchall()
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[float, str | None]] = {}
        self._shape: dict[tuple, tuple[int, Any]] = {}
        self._ensure_schema()

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        """Close the underlying connection."""
        self._con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_schema(self) -> None:
        cur = self._con.cursor()
        has_meta = cur.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchall()[0][0]
        version = None
        if has_meta:
            rows = cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            version = int(rows[0][0]) if rows else None
        if version is None:
            if self.read_only:
                raise SchemaVersionError(f"{self.path} is not a talent store (no schema version)")
            tables = cur.execute("SELECT count(*) FROM information_schema.tables").fetchall()[0][0]
            if tables and not has_meta:
                raise SchemaVersionError(
                    f"{self.path} holds other tables and no talent-store schema; "
                    "choose another file with TALENTA_DB"
                )
            for stmt in DDL:
                cur.execute(stmt)
            cur.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', $v), ('data_version', '0')",
                {"v": str(SCHEMA_VERSION)},
            )
            return
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this program "
                f"({SCHEMA_VERSION}); update the program"
            )
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise SchemaVersionError(
                    f"{self.path} has schema version {version}; open it read-write once "
                    f"to migrate it to {SCHEMA_VERSION}"
                )
            for v in range(version, SCHEMA_VERSION):
                step = MIGRATIONS.get(v)
                if step is None:
                    raise SchemaVersionError(
                        f"{self.path} has schema version {version}; no migration from {v}"
                    )
                cur.execute("BEGIN")
                step(cur)
                cur.execute(
                    "UPDATE meta SET value = $v WHERE key = 'schema_version'", {"v": str(v + 1)}
                )
                cur.execute("COMMIT")
        # Tables added to DDL without a version bump (CREATE ... IF NOT EXISTS) are harmless.
        if not self.read_only:
            for stmt in DDL:
                cur.execute(stmt)

    # -- reading -------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """Return a new cursor: one per query or thread."""
        with self._lock:
            return self._con.cursor()

    def query(self, sql: str, params: Params = None) -> pl.DataFrame:
        """Run a read query with bound parameters and return a Polars frame."""
        cur = self.cursor()
        try:
            return cur.sql(sql, params=params or {}).pl()
        finally:
            cur.close()

    def scalar(self, sql: str, params: Params = None) -> Any:
        """Run a query returning one value."""
        cur = self.cursor()
        try:
            rows = cur.execute(sql, params or {}).fetchall()
            return rows[0][0] if rows else None
        finally:
            cur.close()

    def meta(self, key: str, default: str | None = None) -> str | None:
        """Read one value of the meta table."""
        value = self.scalar("SELECT value FROM meta WHERE key = $k", {"k": key})
        return default if value is None else value

    @property
    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return int(self.meta("schema_version", "0"))

    def scalar_memo(self, sql: str, params: Params = None) -> Any:
        """`scalar` for questions about the data's shape (e.g. "has this pre-aggregate rows
        for the year?"): remembered until the data version changes."""
        key = (sql, tuple(sorted((params or {}).items())))
        version = self.data_version
        hit = self._shape.get(key)
        if hit is None or hit[0] != version:
            hit = (version, self.scalar(sql, params))
            self._shape[key] = hit
        return hit[1]

    # Every page rerun asks for these several times; a query costs milliseconds, so they are
    # remembered briefly. This process's own writes forget them at once (`transaction`);
    # DuckDB lets no other process write while this one has the file open.
    MEMO_SECONDS = 2.0

    def _memo_meta(self, key: str, default: str) -> str:
        now = time.monotonic()
        hit = self._memo.get(key)
        if hit is None or now - hit[0] > self.MEMO_SECONDS:
            hit = (now, self.meta(key, default))
            self._memo[key] = hit
        return hit[1] if hit[1] is not None else default

    @property
    def data_version(self) -> int:
        """A counter bumped by every write; cache keys include it."""
        return int(self._memo_meta("data_version", "0"))

    @property
    def is_demo(self) -> bool:
        """True when the workforce in the store is synthetic demo data."""
        return self._memo_meta("data_kind", "") == "demo"

    def count(self, table: str) -> int:
        """Row count of a schema table (name checked against the schema)."""
        if not table.isidentifier() or table not in self.tables():
            raise ValueError(f"unknown table: {table}")
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    def tables(self) -> list[str]:
        """Names of the tables in the store."""
        df = self.query("SELECT table_name FROM information_schema.tables ORDER BY 1")
        return df["table_name"].to_list()

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def transaction(
        self,
        user: str,
        action: str,
        obj: str | None = None,
        details: Any = None,
        *,
        bump: bool = True,
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run writes atomically with an audit record; roll back everything on error.

        `bump=False` is for bookkeeping that changes no analysed data (sign-ins), so cached
        query results stay valid.
        """
        if self.read_only:
            raise PermissionError("the store is opened read-only")
        cur = self.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
            write_audit(cur, user, action, obj, details)
            if bump:
                cur.execute(
                    "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                    "WHERE key = 'data_version'"
                )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            self._memo.clear()
            self._shape.clear()
            cur.close()

    def set_meta(self, cur: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
        """Set a meta value inside a transaction."""
        cur.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", {"k": key, "v": value})

    def audit(self, user: str, action: str, obj: str | None = None, details: Any = None) -> None:
        """Record an event that changes no data (sign-in, export) in the audit log."""
        if self.read_only:
            return
        cur = self.cursor()
        try:
            write_audit(cur, user, action, obj, details)
        finally:
            cur.close()


def write_audit(
    cur: duckdb.DuckDBPyConnection, user: str, action: str, obj: str | None, details: Any
) -> None:
    """Insert one audit row through the given cursor."""
    cur.execute(
        "INSERT INTO audit (pada, oleh, aksi, objek, rincian) VALUES ($t, $u, $a, $o, $r)",
        {
            "t": datetime.now(),
            "u": user,
            "a": action,
            "o": obj,
            "r": None if details is None else json.dumps(details, default=str, ensure_ascii=False),
        },
    )
