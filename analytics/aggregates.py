"""Pre-aggregated tables (derived from source tables, never edited by hand).

`refresh(cur)` rebuilds every pre-aggregate inside the caller's transaction; the demo build
and every import call it, so the aggregates are always consistent with the base tables.
Register further pre-aggregates in `REFRESHERS`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import duckdb


def refresh_agg_jp(cur: duckdb.DuckDBPyConnection) -> None:
    """JP per person and year (year of tanggal_mulai), split klasikal / nonklasikal."""
    cur.execute("DELETE FROM agg_jp")
    cur.execute(
        """INSERT INTO agg_jp
           SELECT nip, CAST(year(tanggal_mulai) AS SMALLINT) AS tahun,
                  sum(jp),
                  coalesce(sum(jp) FILTER (WHERE jalur = 'Klasikal'), 0),
                  coalesce(sum(jp) FILTER (WHERE jalur = 'Nonklasikal'), 0),
                  count(*)
           FROM pelatihan GROUP BY ALL
           ORDER BY 2, 1"""
    )


def refresh_agg_jp_kum(cur: duckdb.DuckDBPyConnection) -> None:
    """JP per person and year as 12 cumulative month-end totals (for as-of and monthly JP)."""
    cums = ", ".join(
        f"coalesce(sum({{col}}) FILTER (WHERE month(tanggal_mulai) <= {m}), 0)"
        for m in range(1, 13)
    )
    cur.execute("DELETE FROM agg_jp_kum")
    cur.execute(
        f"""INSERT INTO agg_jp_kum
           SELECT nip, CAST(year(tanggal_mulai) AS SMALLINT) AS tahun,
                  [{cums.format(col="jp")}],
                  [{cums.format(col="CASE WHEN jalur = 'Klasikal' THEN jp ELSE 0 END")}],
                  [{cums.format(col="1")}]::INTEGER[]
           FROM pelatihan GROUP BY ALL
           ORDER BY 2, 1"""
    )


def refresh_agg_jp_pegawai(cur: duckdb.DuckDBPyConnection) -> None:
    """JP per person and year with the filter columns (needs agg_jp_kum): one row per employee
    in the JP population of every year with training records, zero-JP people included, so
    that every JP figure is one scan without a join (issue 8)."""
    months = ", ".join(f"coalesce(k.jp[{m}], 0)" for m in range(1, 13))
    cur.execute("DELETE FROM agg_jp_pegawai")
    cur.execute(
        f"""INSERT INTO agg_jp_pegawai
           WITH yrs AS (SELECT DISTINCT tahun FROM agg_jp_kum)
           SELECT y.tahun, p.nip, p.instansi_id, p.unit_id, p.jenis_jabatan, p.golongan,
                  p.golongan_rank, p.status_kepegawaian, p.tmt_cpns, p.tanggal_pensiun,
                  {months},
                  coalesce(k.jp_klasikal, $zeros_d),
                  coalesce(k.kegiatan, $zeros_i)
           FROM pegawai p CROSS JOIN yrs y
           LEFT JOIN agg_jp_kum k ON k.nip = p.nip AND k.tahun = y.tahun
           WHERE p.tanggal_pensiun > make_date(y.tahun, 1, 1)
             AND (p.tmt_cpns IS NULL OR p.tmt_cpns <= make_date(y.tahun, 12, 31))
           ORDER BY y.tahun, p.instansi_id, p.unit_id""",
        {"zeros_d": [0.0] * 12, "zeros_i": [0] * 12},
    )


def refresh_agg_jp_ringkas(cur: duckdb.DuckDBPyConnection) -> None:
    """JP figures of each year's default view (needs agg_jp_pegawai; analytics.queries.jp_summary)."""
    from analytics.queries.jp_summary import refresh_agg_jp_ringkas as step

    step(cur)


def refresh_agg_jp_bulan(cur: duckdb.DuckDBPyConnection) -> None:
    """Cumulative JP months of each year's default view (needs agg_jp_pegawai)."""
    from analytics.queries.jp_summary import refresh_agg_jp_bulan as step

    step(cur)


def refresh_agg_kotak(cur: duckdb.DuckDBPyConnection) -> None:
    """Nine-box inputs per person and SKP year: the year's predikat and the latest potential
    assessment in or before that year (rules: analytics.rules.ninebox)."""
    cur.execute("DELETE FROM agg_kotak")
    cur.execute(
        """INSERT INTO agg_kotak
           WITH yrs AS (SELECT DISTINCT tahun FROM kinerja),
           pot AS (
               SELECT y.tahun, p.nip,
                      arg_max({'level': p.level, 'skor': p.skor, 'tahun': p.tahun}, p.tahun) AS a
               FROM potensial p JOIN yrs y ON p.tahun <= y.tahun
               WHERE p.level IS NOT NULL OR p.skor IS NOT NULL
               GROUP BY ALL
           )
           SELECT coalesce(k.nip, pot.nip), coalesce(k.tahun, pot.tahun), k.predikat,
                  pot.a.level, pot.a.skor, pot.a.tahun
           FROM (SELECT nip, tahun, any_value(predikat) AS predikat FROM kinerja GROUP BY ALL) k
           FULL JOIN pot ON pot.nip = k.nip AND pot.tahun = k.tahun
           ORDER BY 2, 1"""
    )


def refresh_agg_kotak_kubus(cur: duckdb.DuckDBPyConnection) -> None:
    """Nine-box count cube (needs agg_kotak): people per year, filter dimensions, predikat and
    potential input (and its default-rule axis indices), for box counts without a
    person-level join (issue 8)."""
    from analytics.rules import ninebox as R

    k_sql, params = R.kinerja_sql("a.predikat")
    p_sql, pp = R.potensial_sql("a.pot_level", "a.pot_skor")
    cur.execute("DELETE FROM agg_kotak_kubus")
    cur.execute(
        f"""INSERT INTO agg_kotak_kubus
           WITH yrs AS (SELECT DISTINCT tahun FROM agg_kotak)
           SELECT y.tahun, p.instansi_id, p.unit_id, p.jenis_jabatan, p.golongan_rank,
                  p.status_kepegawaian, a.predikat,
                  CASE WHEN a.pot_level IN ('Tinggi', 'Sedang', 'Rendah') THEN a.pot_level END,
                  CASE WHEN a.pot_level IN ('Tinggi', 'Sedang', 'Rendah') THEN NULL
                       ELSE a.pot_skor END,
                  count(*), {k_sql}, {p_sql}
           FROM pegawai p CROSS JOIN yrs y
           LEFT JOIN agg_kotak a ON a.nip = p.nip AND a.tahun = y.tahun
           GROUP BY ALL
           ORDER BY 1, 2, 3""",
        {**params, **pp},
    )


def refresh_agg_kotak_pegawai(cur: duckdb.DuckDBPyConnection) -> None:
    """Nine-box person-year table (needs agg_kotak): every employee in every year of agg_kotak
    with the filter and display columns, the rule inputs and their default-rule axis indices,
    for the year and the year before (issue 8)."""
    from analytics.rules import ninebox as R

    k_a, params = R.kinerja_sql("a.predikat")
    p_a, pp = R.potensial_sql("a.pot_level", "a.pot_skor")
    k_b, _ = R.kinerja_sql("b.predikat")
    p_b, _ = R.potensial_sql("b.pot_level", "b.pot_skor")
    cur.execute("DELETE FROM agg_kotak_pegawai")
    cur.execute(
        f"""INSERT INTO agg_kotak_pegawai
           WITH yrs AS (SELECT DISTINCT tahun FROM agg_kotak)
           SELECT y.tahun, p.nip, p.nama, p.instansi_id, p.unit_id, p.jenis_jabatan,
                  p.nama_jabatan, p.jenjang, p.golongan, p.golongan_rank, p.status_kepegawaian,
                  p.tanggal_pensiun, a.predikat, a.pot_level, a.pot_skor, {k_a}, {p_a},
                  b.predikat, b.pot_level, b.pot_skor, {k_b}, {p_b}
           FROM pegawai p CROSS JOIN yrs y
           LEFT JOIN agg_kotak a ON a.nip = p.nip AND a.tahun = y.tahun
           LEFT JOIN agg_kotak b ON b.nip = p.nip AND b.tahun = y.tahun - 1
           ORDER BY y.tahun, p.instansi_id, p.unit_id, p.nip""",
        {**params, **pp},
    )


def refresh_agg_kompetensi(cur: duckdb.DuckDBPyConnection) -> None:
    """Competency gap intervals and cube (analytics.queries.competency); runs after agg_jp."""
    from analytics.queries.competency import refresh_agg_kompetensi as step

    step(cur)


def refresh_agg_kompetensi_instansi(cur: duckdb.DuckDBPyConnection) -> None:
    """Competency cube without units, summed from agg_kompetensi (runs after it)."""
    from analytics.queries.competency import refresh_agg_kompetensi_instansi as step

    step(cur)


REFRESHERS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [
    refresh_agg_jp,
    refresh_agg_jp_kum,
    refresh_agg_jp_pegawai,
    refresh_agg_jp_ringkas,
    refresh_agg_jp_bulan,
    refresh_agg_kotak,
    refresh_agg_kotak_kubus,
    refresh_agg_kotak_pegawai,
    refresh_agg_kompetensi,
    refresh_agg_kompetensi_instansi,
]


def agg_ddl() -> list[str]:
    """The schema statements of the pre-aggregate tables."""
    from analytics.schema import DDL

    return [s for s in DDL if re.match(r"\s*CREATE TABLE IF NOT EXISTS agg_", s)]


def signature() -> str:
    """Names of the registered refreshers and a digest of the agg_* table definitions: a store
    built with other ones must be rebuilt (`rebuild`)."""
    names = ",".join(f"{step.__module__}.{step.__qualname__}" for step in REFRESHERS)
    digest = hashlib.sha256("\n".join(agg_ddl()).encode()).hexdigest()[:12]
    return f"{names};ddl={digest}"


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Drop and re-create every agg_* table from the schema, then refresh (a store whose
    pre-aggregates were built by another version; they are derived, so nothing is lost)."""
    tables = cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'agg\\_%' ESCAPE '\\'"
    ).fetchall()
    for (name,) in tables:
        cur.execute(f'DROP TABLE "{name}"')
    for stmt in agg_ddl():
        cur.execute(stmt)
    refresh(cur)


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild all pre-aggregates through the given (transactional) cursor."""
    for step in REFRESHERS:
        step(cur)
    cur.execute("INSERT OR REPLACE INTO meta VALUES ('aggregates', $s)", {"s": signature()})
