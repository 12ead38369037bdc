"""Lookups shared by every page: instances, units and years inside the caller's scope."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from analytics.filters import Scope
from analytics.store import Database


def instansi_options(db: Database, scope: Scope) -> pl.DataFrame:
    """Instances the scope may see (id, nama, jenis, provinsi) in the Kanreg's order."""
    if scope.instansi is None:
        return db.query("SELECT id, nama, jenis, provinsi FROM instansi ORDER BY id")
    return db.query(
        "SELECT id, nama, jenis, provinsi FROM instansi WHERE list_contains($ids, id) ORDER BY id",
        {"ids": sorted(scope.instansi)},
    )


def unit_options(db: Database, scope: Scope, instansi: tuple[int, ...]) -> pl.DataFrame:
    """Units (id, instansi_id, nama) of the given instances that the scope may see."""
    ids = [i for i in instansi if scope.allows_instansi(i)]
    return db.query(
        "SELECT u.id, u.instansi_id, u.nama, i.nama AS instansi FROM unit u "
        "JOIN instansi i ON i.id = u.instansi_id "
        "WHERE list_contains($ids, u.instansi_id) ORDER BY u.instansi_id, u.nama",
        {"ids": ids},
    )


def years(db: Database) -> list[int]:
    """Years present in the data (SKP ratings or training), newest last."""
    lo, hi = db.meta("tahun_min"), db.meta("tahun_max")
    if lo and hi:
        return list(range(int(lo), int(hi) + 1))
    df = db.query(
        "SELECT DISTINCT tahun FROM (SELECT tahun FROM kinerja UNION ALL "
        "SELECT CAST(year(tanggal_mulai) AS SMALLINT) FROM pelatihan) ORDER BY 1"
    )
    return [int(y) for y in df["tahun"].to_list()]


def headcount(db: Database) -> int:
    """Number of employees in the store (all instances)."""
    return int(db.scalar("SELECT count(*) FROM pegawai"))


def has_year(db: Database, table: str, year: int, per: date | None = None) -> bool:
    """True when the pre-aggregate `table` (a trusted name) holds rows for the year (and, with
    `per`, for that as-of date); False on a read-only store built before the table existed.
    Remembered until the data version changes."""
    sql = f"SELECT EXISTS (SELECT 1 FROM {table} WHERE tahun = $y"
    params: dict = {"y": year}
    if per is not None:
        sql += " AND per = $per"
        params["per"] = per
    try:
        return bool(db.scalar_memo(sql + ")", params))
    except duckdb.CatalogException:
        return False
