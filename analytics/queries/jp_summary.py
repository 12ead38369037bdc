"""JP figures of each year's default view, pre-computed (issue 8).

The JP page opens on the year's default "as of" date (`meta.data_as_of` in the data's year,
31 December before it), the default PPPK target and no jabatan or golongan restriction. For
that view `agg_jp_ringkas` holds the figures of `analytics.queries.jp` per status (and for
both statuses together) at three grains: the region, each instance, each unit. Medians do
not add up, so each grain has its own rows; a view the table cannot answer exactly (another
date or target, a jabatan / golongan filter, several instances in a headline) is computed
from the person-year table instead. Rules: `analytics.rules.jp`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import polars as pl

from analytics.filters import Filter, Scope
from analytics.queries.common import has_year
from analytics.rules import jp as R
from analytics.store import Database

BOTH = "*"  # status value of the rows over PNS and PPPK together
_FULL = Filter()


def default_dates(cur: duckdb.DuckDBPyConnection) -> list[tuple[int, date, int]]:
    """(year, as-of date, month k) of every year's default view that whole months answer."""
    years = [r[0] for r in cur.execute("SELECT DISTINCT tahun FROM agg_jp_pegawai").fetchall()]
    raw = cur.execute("SELECT value FROM meta WHERE key = 'data_as_of'").fetchall()
    try:
        data_as_of = date.fromisoformat(raw[0][0][:10]) if raw and raw[0][0] else None
    except ValueError:
        data_as_of = None
    out = []
    for y in sorted(years):
        if data_as_of is not None and data_as_of.year == y:
            if data_as_of == R.month_end(y, data_as_of.month):
                out.append((y, data_as_of, data_as_of.month))
        else:
            out.append((y, date(y, 12, 31), 12))
    return out


def refresh_agg_jp_ringkas(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild `agg_jp_ringkas` from `agg_jp_pegawai` (run after it)."""
    cur.execute("DELETE FROM agg_jp_ringkas")
    for year, per, k in default_dates(cur):
        cur.execute(
            f"""INSERT INTO agg_jp_ringkas
                SELECT $y, $per,
                       CASE WHEN grouping(instansi_id) = 1 THEN 'wilayah'
                            WHEN grouping(unit_id) = 1 THEN 'instansi' ELSE 'unit' END,
                       instansi_id, unit_id,
                       CASE WHEN grouping(status) = 1 THEN '{BOTH}' ELSE status END,
                       count(*), count(*) FILTER (WHERE met), sum(jp), median(jp),
                       count(*) FILTER (WHERE jp = 0), count(*) FILTER (WHERE NOT on_pace)
                FROM (SELECT *, {R.sql_meets("jp", "target")} AS met,
                             {R.sql_on_pace("jp", "target", "$frac")} AS on_pace
                      FROM (SELECT p.instansi_id, p.unit_id, p.status_kepegawaian AS status,
                                   p.jp_{k} AS jp,
                                   {R.sql_target("p.status_kepegawaian")} AS target
                            FROM agg_jp_pegawai p
                            WHERE p.tahun = $y
                              AND (p.tmt_cpns IS NULL OR p.tmt_cpns <= $per)))
                GROUP BY GROUPING SETS ((), (status), (instansi_id), (instansi_id, status),
                                        (instansi_id, unit_id), (instansi_id, unit_id, status))""",
            {
                "y": year,
                "per": per,
                "frac": R.elapsed_fraction(per, year),
                "t_pns": R.DEFAULT.target_pns,
                "t_pppk": R.DEFAULT.target_pppk,
            },
        )


def refresh_agg_jp_bulan(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild `agg_jp_bulan` (the cumulative month-by-month view of each year's default date,
    for the region and each instance) from `agg_jp_pegawai`."""
    cur.execute("DELETE FROM agg_jp_bulan")
    for year, per, k in default_dates(cur):
        for m in range(1, k + 1):
            end = per if m == k else R.month_end(year, m)
            cur.execute(
                f"""INSERT INTO agg_jp_bulan
                    SELECT $y, $per, $m,
                           CASE WHEN grouping(instansi_id) = 1 THEN 'wilayah'
                                ELSE 'instansi' END,
                           instansi_id,
                           CASE WHEN grouping(status) = 1 THEN '{BOTH}' ELSE status END,
                           count(*), sum(jp), median(jp), sum(target),
                           count(*) FILTER (WHERE {R.sql_on_pace("jp", "target", "$frac")}),
                           count(*) FILTER (WHERE {R.sql_meets("jp", "target")})
                    FROM (SELECT p.instansi_id, p.status_kepegawaian AS status,
                                 p.jp_{m} AS jp,
                                 {R.sql_target("p.status_kepegawaian")} AS target
                          FROM agg_jp_pegawai p
                          WHERE p.tahun = $y AND (p.tmt_cpns IS NULL OR p.tmt_cpns <= $per))
                    GROUP BY GROUPING SETS ((), (status), (instansi_id), (instansi_id, status))""",
                {
                    "y": year,
                    "per": per,
                    "m": m,
                    "frac": R.elapsed_fraction(end, year),
                    "t_pns": R.DEFAULT.target_pns,
                    "t_pppk": R.DEFAULT.target_pppk,
                },
            )


def monthly(
    db: Database, flt: Filter, scope: Scope, as_of: date, target_pppk: float
) -> pl.DataFrame | None:
    """The default view's cumulative months from `agg_jp_bulan` (bulan, rata_jp, median_jp,
    rata_target, persen_sesuai_laju, persen_memenuhi, pegawai), or None when the table cannot
    answer exactly (see `grouped_sql`; only the region or one instance, no unit filter)."""
    if flt.unit or _declines(flt, target_pppk):
        return None
    scope.check(flt)
    insts = set(flt.instansi) if flt.instansi else scope.instansi
    if insts is not None and len(insts) != 1:
        return None
    statuses = sorted(flt.status) if flt.status else ["PNS", "PPPK"]
    params: dict[str, Any] = {
        "y": flt.tahun,
        "per": as_of,
        "st": statuses[0] if len(statuses) == 1 else BOTH,
    }
    where = "tahun = $y AND per = $per AND status = $st"
    if insts is None:
        where += " AND tingkat = 'wilayah'"
    else:
        where += " AND tingkat = 'instansi' AND instansi_id = $i"
        params["i"] = next(iter(insts))
    if not has_year(db, "agg_jp_bulan", flt.tahun, as_of):
        return None
    return db.query(
        f"""SELECT CAST(bulan AS BIGINT) AS bulan, jumlah_jp / pegawai AS rata_jp, median_jp,
                   jumlah_target / pegawai AS rata_target,
                   sesuai_laju / pegawai AS persen_sesuai_laju,
                   memenuhi / pegawai AS persen_memenuhi, pegawai
            FROM agg_jp_bulan WHERE {where} ORDER BY bulan""",
        params,
    )


def _declines(flt: Filter, target_pppk: float) -> bool:
    """True for filters no default-view table answers (jabatan, golongan, another target)."""
    return bool(
        flt.jenis_jabatan
        or (flt.golongan_min, flt.golongan_max) != (_FULL.golongan_min, _FULL.golongan_max)
        or float(target_pppk) != R.DEFAULT.target_pppk
    )


_FIGURES = """pegawai, memenuhi, memenuhi / pegawai AS persen_memenuhi,
       jumlah_jp / pegawai AS rata_jp, median_jp, nol_jp, di_belakang,
       (pegawai - di_belakang) / pegawai AS persen_sesuai_laju"""


def grouped_sql(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date,
    target_pppk: float,
    key: str,
) -> tuple[str, dict[str, Any]] | None:
    """`WITH grouped AS (...)` from the table, in the columns of `jp._grouped`, or None when
    the table cannot answer exactly. `key`: 'status' (headline), 'unit_id' or 'instansi_id'."""
    if _declines(flt, target_pppk):
        return None
    scope.check(flt)
    insts = set(flt.instansi) if flt.instansi else scope.instansi
    params: dict[str, Any] = {"y": flt.tahun, "per": as_of}
    where = ["tahun = $y", "per = $per"]
    statuses = sorted(flt.status) if flt.status else ["PNS", "PPPK"]
    if key == "status":
        where.append("list_contains($st, status)")
        params["st"] = statuses
        if flt.unit:
            if len(flt.unit) != 1:
                return None
            where += ["tingkat = 'unit'", "unit_id = $u"]
            params["u"] = flt.unit[0]
        elif insts is None:
            where.append("tingkat = 'wilayah'")
        elif len(insts) == 1:
            where += ["tingkat = 'instansi'", "instansi_id = $i"]
            params["i"] = next(iter(insts))
        else:
            return None
    else:
        if key == "instansi_id" and flt.unit:
            return None
        where.append("tingkat = 'unit'" if key == "unit_id" else "tingkat = 'instansi'")
        where.append("status = $st")
        params["st"] = statuses[0] if len(statuses) == 1 else BOTH
        if flt.unit:
            where.append("list_contains($units, unit_id)")
            params["units"] = list(flt.unit)
    if insts is not None:
        where.append("list_contains($insts, instansi_id)")
        params["insts"] = sorted(insts)
    if not has_year(db, "agg_jp_ringkas", flt.tahun, as_of):
        return None
    sql = f"WITH grouped AS (SELECT {key}, {_FIGURES} FROM agg_jp_ringkas WHERE {' AND '.join(where)})"
    return sql, params
