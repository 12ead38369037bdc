"""Queries of the JP page: progress toward 20 JP a year by person, unit, instance and rank.

Every function takes `(db, flt, scope, ...)` and returns a small Polars frame; all
aggregation runs in DuckDB. The rules (year of a record, the target, pace and projection)
are those of `analytics.rules.jp`; see its docstring.

JP of a person "as of" a date come from the pre-aggregate `agg_jp_kum` (one row per person
and year holding 12 cumulative month-end totals, so no GROUP BY over people is needed) for
whole months, plus the base table `pelatihan` for the part of the month up to the date (only
when the date is not a month end). Everyone in the filtered population is counted: people without records have
0 JP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from analytics import privacy
from analytics.domain import JENIS_JABATAN, STATUS_KEPEGAWAIAN
from analytics.filters import Filter, Scope, employee_where
from analytics.queries import jp_summary
from analytics.queries.common import has_year
from analytics.rules import jp as R
from analytics.store import Database

DIMENSIONS: tuple[str, ...] = ("unit", "instansi", "jenis_jabatan", "golongan")
SORTS: tuple[str, ...] = ("belakang", "persen_naik", "persen_turun", "pegawai", "nama")
PEOPLE_KINDS: tuple[str, ...] = ("nol", "belakang")


# -- dates -----------------------------------------------------------------------------
def data_as_of(db: Database) -> date | None:
    """The date the data runs to (`meta.data_as_of`), or None when not recorded."""
    raw = db.meta("data_as_of")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def default_as_of(db: Database, flt: Filter, scope: Scope) -> date:
    """The default "as of" date for the filter's year.

    `meta.data_as_of` when the year is the data's current year; 31 December for earlier
    years; for a year after the data (no records yet) also 31 December.
    """
    end = date(flt.tahun, 12, 31)
    d = data_as_of(db)
    if d is not None and d.year == flt.tahun:
        return d
    return end


def _resolve(db: Database, flt: Filter, as_of: date | None) -> date:
    if as_of is None:
        return default_as_of(db, flt, Scope())
    if as_of.year != flt.tahun:
        raise ValueError(f"tanggal {as_of.isoformat()} di luar tahun {flt.tahun}")
    return as_of


def same_day_previous_year(d: date) -> date:
    """The same calendar day one year earlier (29 Feb → 28 Feb)."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return d.replace(year=d.year - 1, day=28)


# -- the person-level core -------------------------------------------------------------
def _split(year: int, as_of: date) -> tuple[int, bool]:
    """(k, partial): whole months 1..k come from the pre-aggregates; partial = the rest of
    month k+1 up to the as-of date comes from the base table."""
    if as_of >= date(year, 12, 31):
        return 12, False
    if as_of == R.month_end(year, as_of.month):
        return as_of.month, False
    return as_of.month - 1, True


@dataclass(frozen=True)
class _Source:
    """FROM clause of the filtered population (alias `p`) with each person's JP sources.

    `flat`: one scan of `agg_jp_pegawai` (filter columns and month columns jp_1..jp_12 in one
    row per person and year); otherwise `pegawai` joined to `agg_jp_kum` (alias kum), for a
    store or year without the person-year table. `partial` adds the base-table rows of the
    as-of date's month (alias part).
    """

    sql: str
    params: dict[str, Any]
    k: int
    partial: bool
    flat: bool

    def month(self, m: int, col: str = "jp") -> str:
        """SQL of a person's cumulative `col` through month m (whole months only)."""
        if m < 1:
            return "0"
        if self.flat:
            return f"p.jp_{m}" if col == "jp" else f"p.{col}[{m}]"
        return f"coalesce(kum.{col}[{m}], 0)"

    def value(self, col: str) -> str:
        """SQL of a person's cumulative `col` up to the as-of date (partial month included)."""
        whole = self.month(self.k, col)
        return f"({whole} + coalesce(part.{col}, 0))" if self.partial else whole


def _has_person_year(db: Database, year: int) -> bool:
    return has_year(db, "agg_jp_pegawai", year)


def _source(db: Database, flt: Filter, scope: Scope, as_of: date, target_pppk: float) -> _Source:
    """The filtered population of the year with its JP sources (see `_Source`)."""
    where, params = employee_where(flt, scope, "p")
    k, partial = _split(flt.tahun, as_of)
    flat = _has_person_year(db, flt.tahun)
    params.update(
        {
            "y": flt.tahun,
            "pop_as_of": as_of,
            "t_pns": R.DEFAULT.target_pns,
            "t_pppk": float(target_pppk),
        }
    )
    pop = "(p.tmt_cpns IS NULL OR p.tmt_cpns <= $pop_as_of)"
    if flat:
        # The table holds the people counted in the year (not retired before 1 January,
        # started by 31 December): only a start after the as-of date is left to check.
        from_, cond = "agg_jp_pegawai p", f"p.tahun = $y AND {where} AND {pop}"
    else:
        pop += " AND p.tanggal_pensiun > $pop_start"
        params["pop_start"] = date(flt.tahun, 1, 1)
        from_ = (
            "pegawai p LEFT JOIN (SELECT nip, jp, jp_klasikal, kegiatan FROM agg_jp_kum "
            "WHERE tahun = $y) kum ON kum.nip = p.nip"
        )
        cond = f"{where} AND {pop}"
    if partial:
        from_ += """ LEFT JOIN (
                SELECT nip, sum(jp) AS jp,
                       sum(CASE WHEN jalur = 'Klasikal' THEN jp ELSE 0 END) AS jp_klasikal,
                       count(*) AS kegiatan
                FROM pelatihan WHERE tanggal_mulai BETWEEN $m_start AND $as_of GROUP BY nip
            ) part ON part.nip = p.nip"""
        params["m_start"] = as_of.replace(day=1)
        params["as_of"] = as_of
    return _Source(f"{from_} WHERE {cond}", params, k, partial, flat)


def _person_cte(
    db: Database, flt: Filter, scope: Scope, as_of: date, target_pppk: float
) -> tuple[str, dict[str, Any]]:
    """`WITH person AS (...)`: one row per person of the filtered population with JP as of
    the date.

    person: nip, instansi_id, unit_id, jenis_jabatan, golongan, golongan_rank, status,
    target, jp, jp_klasikal, jp_nonklasikal, kegiatan, expected (pace line), met, on_pace.
    """
    src = _source(db, flt, scope, as_of, target_pppk)
    params = dict(src.params)
    params["frac"] = R.elapsed_fraction(as_of, flt.tahun)
    jp, kl, keg = (src.value(c) for c in ("jp", "jp_klasikal", "kegiatan"))
    sql = f"""WITH person0 AS (
          SELECT p.nip, p.instansi_id, p.unit_id, p.jenis_jabatan, p.golongan, p.golongan_rank,
                 p.status_kepegawaian AS status,
                 {R.sql_target("p.status_kepegawaian")} AS target,
                 {jp} AS jp, {kl} AS jp_klasikal, {jp} - {kl} AS jp_nonklasikal,
                 {keg} AS kegiatan
          FROM {src.sql}),
      person AS (SELECT *, target * $frac AS expected,
                        {R.sql_meets("jp", "target")} AS met,
                        {R.sql_on_pace("jp", "target", "$frac")} AS on_pace
                 FROM person0)"""
    return sql, params


def _grouped(keys: tuple[str, ...]) -> str:
    """CTEs to append to `_person_cte`, ending in `grouped`: one row per value of `keys` with
    pegawai, memenuhi, persen_memenuhi, rata_jp, median_jp, nol_jp, di_belakang,
    persen_sesuai_laju.

    Computed from a histogram (people per key, JP value and met / on-pace flags: few rows,
    since JP values repeat) instead of a holistic median over every person (issue 8); the
    median is exact: the middle value, or the mean of the two middle values.
    """
    k = ", ".join(keys)
    if keys == ("unit_id",):
        # Units are many and small: there the histogram has nearly a row per person, and a
        # plain holistic median is cheaper (measured at 250,000 and 4.7 million).
        return """,
      grouped AS (
          SELECT unit_id, count(*) AS pegawai, count(*) FILTER (WHERE met) AS memenuhi,
                 count(*) FILTER (WHERE met) / count(*) AS persen_memenuhi,
                 avg(jp) AS rata_jp, median(jp) AS median_jp,
                 count(*) FILTER (WHERE jp = 0) AS nol_jp,
                 count(*) FILTER (WHERE NOT on_pace) AS di_belakang,
                 count(*) FILTER (WHERE on_pace) / count(*) AS persen_sesuai_laju
          FROM person GROUP BY unit_id)"""
    ks = ", ".join(dict.fromkeys((*keys, "status")))
    # Grouping people by key, status and JP only (met / on pace follow from JP and the
    # status's target, so they are computed on the few histogram rows).
    return f""",
      h0 AS (SELECT {ks}, jp, count(*) AS c FROM person0 GROUP BY ALL),
      h AS (SELECT *, {R.sql_meets("jp", "target")} AS met,
                   {R.sql_on_pace("jp", "target", "$frac")} AS on_pace
            FROM (SELECT *, {R.sql_target("status")} AS target FROM h0)),
      m AS (SELECT {k}, jp, sum(c) AS c FROM h GROUP BY ALL),
      r AS (SELECT {k}, jp,
                   sum(c) OVER (PARTITION BY {k} ORDER BY jp
                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
                   sum(c) OVER (PARTITION BY {k}) AS n
            FROM m),
      med AS (SELECT {k}, (min(jp) FILTER (WHERE cum >= (n + 1) // 2)
                           + min(jp) FILTER (WHERE cum >= n // 2 + 1)) / 2 AS median_jp
              FROM r GROUP BY ALL),
      agg AS (SELECT {k}, CAST(sum(c) AS BIGINT) AS pegawai,
                     CAST(coalesce(sum(c) FILTER (WHERE met), 0) AS BIGINT) AS memenuhi,
                     sum(jp * c) / sum(c) AS rata_jp,
                     CAST(coalesce(sum(c) FILTER (WHERE jp = 0), 0) AS BIGINT) AS nol_jp,
                     CAST(coalesce(sum(c) FILTER (WHERE NOT on_pace), 0) AS BIGINT) AS di_belakang,
                     coalesce(sum(c) FILTER (WHERE on_pace), 0) / sum(c) AS persen_sesuai_laju
              FROM h GROUP BY ALL),
      grouped AS (SELECT {k}, agg.pegawai, agg.memenuhi, agg.memenuhi / agg.pegawai
                           AS persen_memenuhi, agg.rata_jp, med.median_jp, agg.nol_jp,
                         agg.di_belakang, agg.persen_sesuai_laju
                  FROM agg JOIN med USING ({k}))"""


def _grouped_source(
    db: Database, flt: Filter, scope: Scope, as_of: date, target_pppk: float, key: str
) -> tuple[str, dict[str, Any]]:
    """SQL defining `grouped` per `key`: from the default-view table when it answers exactly
    (analytics.queries.jp_summary), else from the person rows."""
    fast = jp_summary.grouped_sql(db, flt, scope, as_of, target_pppk, key)
    if fast is not None:
        return fast
    cte, params = _person_cte(db, flt, scope, as_of, target_pppk)
    return f"{cte}{_grouped((key,))}", params


# -- public queries --------------------------------------------------------------------
def headline(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
) -> pl.DataFrame:
    """One row per status (PNS, PPPK) in the filter: pegawai, memenuhi, persen_memenuhi,
    rata_jp, median_jp, nol_jp, di_belakang, persen_sesuai_laju, target, jp_harapan."""
    d = _resolve(db, flt, as_of)
    sql, params = _grouped_source(db, flt, scope, d, target_pppk, "status")
    got = db.query(f"{sql} SELECT * FROM grouped", params)
    statuses = list(flt.status or STATUS_KEPEGAWAIAN)
    frac = R.elapsed_fraction(d, flt.tahun)
    base = pl.DataFrame(
        {
            "status": statuses,
            "target": [
                R.DEFAULT.target_pns if s == "PNS" else float(target_pppk) for s in statuses
            ],
        }
    )
    out = base.join(got, on="status", how="left").with_columns(
        (pl.col("target") * frac).alias("jp_harapan"),
        *[pl.col(c).fill_null(0) for c in ("pegawai", "memenuhi", "nol_jp", "di_belakang")],
    )
    return out


def completion(
    db: Database,
    flt: Filter,
    scope: Scope,
    dim: str = "unit",
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
    sort: str = "persen_naik",
) -> pl.DataFrame:
    """Completion by unit / instansi / jenis_jabatan / golongan.

    Columns: kunci, label, instansi (for units), tampil (display label: unit names carry
    their instance when several instances are in the result), pegawai, memenuhi, persen_memenuhi, rata_jp,
    median_jp, nol_jp, di_belakang, persen_sesuai_laju. `sort`: persen_naik (lowest share
    first), persen_turun, belakang (most people behind pace first), pegawai, nama.
    """
    if dim not in DIMENSIONS:
        raise ValueError(f"unknown dimension: {dim}")
    if sort not in SORTS:
        raise ValueError(f"unknown sort: {sort}")
    d = _resolve(db, flt, as_of)
    if dim in ("jenis_jabatan", "golongan"):
        cte, params = _person_cte(db, flt, scope, d, target_pppk)
    if dim == "unit":
        head, params = _grouped_source(db, flt, scope, d, target_pppk, "unit_id")
        sql = f"""{head}
            SELECT CAST(g.unit_id AS VARCHAR) AS kunci, u.nama AS label,
                   i.nama AS instansi, g.* EXCLUDE (unit_id), 0 AS urut
            FROM grouped g
            JOIN unit u ON u.id = g.unit_id JOIN instansi i ON i.id = u.instansi_id"""
    elif dim == "instansi":
        head, params = _grouped_source(db, flt, scope, d, target_pppk, "instansi_id")
        sql = f"""{head}
            SELECT CAST(g.instansi_id AS VARCHAR) AS kunci, i.nama AS label,
                   i.provinsi AS instansi, g.* EXCLUDE (instansi_id), i.id AS urut
            FROM grouped g JOIN instansi i ON i.id = g.instansi_id"""
    elif dim == "jenis_jabatan":
        sql = f"""{cte}{_grouped(("jenis_jabatan",))}
            SELECT jenis_jabatan AS kunci, jenis_jabatan AS label,
                   NULL::VARCHAR AS instansi, g.* EXCLUDE (jenis_jabatan),
                   list_position($jenis_order, jenis_jabatan) AS urut
            FROM grouped g"""
        params["jenis_order"] = list(JENIS_JABATAN)
    else:  # golongan_rank follows from golongan (analytics.domain.golongan_rank)
        sql = f"""{cte}{_grouped(("golongan", "status", "golongan_rank"))}
            SELECT golongan AS kunci, golongan AS label, status AS instansi,
                   g.* EXCLUDE (golongan, status, golongan_rank),
                   golongan_rank * 10 + CASE WHEN status = 'PPPK' THEN 1 ELSE 0 END AS urut
            FROM grouped g"""
    df = db.query(sql, params)
    by = {
        "persen_naik": (["persen_memenuhi", "label"], [False, False]),
        "persen_turun": (["persen_memenuhi", "label"], [True, False]),
        "belakang": (["di_belakang", "label"], [True, False]),
        "pegawai": (["pegawai", "label"], [True, False]),
        "nama": (["urut", "label", "instansi"], [False, False, False]),
    }[sort]
    extra = [c for c in ("instansi", "kunci") if c not in by[0]]  # ties in a stable order
    by = ([*by[0], *extra], [*by[1], *[False] * len(extra)])
    multi = dim == "unit" and df["instansi"].n_unique() > 1
    tampil = (
        pl.concat_str([pl.col("label"), pl.col("instansi")], separator=" · ")
        if multi
        else pl.col("label")
    )
    return (
        df.sort(by[0], descending=by[1], nulls_last=True)
        .drop("urut")
        .with_columns(tampil.alias("tampil"))
    )


def histogram(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
    width: float = 2.0,
    top: float = 60.0,
) -> pl.DataFrame:
    """People per JP bin [lo, lo + width); the last bin collects everything ≥ `top`.

    Columns: bin_lo, bin_hi (None for the open last bin), pegawai, memenuhi (people in the
    bin meeting their target).
    """
    if width <= 0 or top <= 0:
        raise ValueError("width and top must be positive")
    d = _resolve(db, flt, as_of)
    cte, params = _person_cte(db, flt, scope, d, target_pppk)
    params.update({"w": float(width), "top": float(top)})
    df = db.query(
        f"""{cte} SELECT least(floor(jp / $w) * $w, $top) AS bin_lo,
                   count(*) AS pegawai, count(*) FILTER (WHERE met) AS memenuhi
            FROM person GROUP BY 1 ORDER BY 1""",
        params,
    )
    return df.with_columns(
        pl.when(pl.col("bin_lo") >= top)
        .then(None)
        .otherwise(pl.col("bin_lo") + width)
        .alias("bin_hi")
    ).select("bin_lo", "bin_hi", "pegawai", "memenuhi")


def jalur_split(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
) -> pl.DataFrame:
    """Klasikal vs nonklasikal: jalur, jp (total), persen (of all JP), pegawai_ikut (people
    with any JP on that route), rata_per_pegawai (JP per person of the population)."""
    d = _resolve(db, flt, as_of)
    cte, params = _person_cte(db, flt, scope, d, target_pppk)
    row = db.query(
        f"""{cte} SELECT count(*) AS n, sum(jp_klasikal) AS k, sum(jp_nonklasikal) AS nk,
                   count(*) FILTER (WHERE jp_klasikal > 0) AS pk,
                   count(*) FILTER (WHERE jp_nonklasikal > 0) AS pnk
            FROM person""",
        params,
    ).row(0, named=True)
    n = row["n"] or 0
    k, nk = float(row["k"] or 0), float(row["nk"] or 0)
    total = k + nk
    return pl.DataFrame(
        {
            "jalur": ["Klasikal", "Nonklasikal"],
            "jp": [k, nk],
            "persen": [k / total if total else None, nk / total if total else None],
            "pegawai_ikut": [int(row["pk"] or 0), int(row["pnk"] or 0)],
            "rata_per_pegawai": [k / n if n else None, nk / n if n else None],
        }
    )


def cumulative(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
) -> pl.DataFrame:
    """Cumulative JP per person month by month up to the as-of date, against the pace line.

    One row per month 1..month(as_of): bulan, tanggal (month end, or the as-of date for the
    last month), rata_jp, median_jp, jp_harapan (mean target × elapsed share),
    persen_sesuai_laju, persen_memenuhi, pegawai.
    """
    d = _resolve(db, flt, as_of)
    months = list(range(1, d.month + 1))
    ends = [R.month_end(flt.tahun, m) for m in months]
    ends[-1] = d
    fracs = [R.elapsed_fraction(e, flt.tahun) for e in ends]
    dates = pl.DataFrame({"bulan": months, "tanggal": ends})
    fast = jp_summary.monthly(db, flt, scope, d, target_pppk)
    if fast is not None and fast.height == len(months):
        return dates.join(
            fast.with_columns(
                (pl.col("rata_target") * pl.Series(fracs)).alias("jp_harapan")
            ).drop("rata_target"),
            on="bulan",
            how="left",
        ).select(
            "bulan", "tanggal", "rata_jp", "median_jp", "jp_harapan", "persen_sesuai_laju",
            "persen_memenuhi", "pegawai",
        )  # fmt: skip
    src = _source(db, flt, scope, d, target_pppk)
    params = dict(src.params)
    # One scan, one column per month (no unnest of people × months).
    cols = [src.month(m) for m in months[: src.k]] + ([src.value("jp")] if src.partial else [])
    aggs = []
    for m, frac in zip(months, fracs, strict=True):
        params[f"f{m}"] = frac
        v = f"m{m}"
        aggs += [
            f"avg({v}) AS rata_{m}",
            f"median({v}) AS median_{m}",
            f"avg(target) * $f{m} AS harapan_{m}",
            f"avg(CAST({R.sql_on_pace(v, 'target', f'$f{m}')} AS INTEGER)) AS laju_{m}",
            f"avg(CAST({R.sql_meets(v, 'target')} AS INTEGER)) AS memenuhi_{m}",
        ]
    sel = ", ".join(f"{c} AS m{m}" for m, c in zip(months, cols, strict=True))
    row = db.query(
        f"""SELECT count(*) AS pegawai, {", ".join(aggs)}
            FROM (SELECT {R.sql_target("p.status_kepegawaian")} AS target, {sel}
                  FROM {src.sql})""",
        params,
    ).row(0, named=True)
    n = int(row["pegawai"] or 0)
    df = pl.DataFrame(
        {
            "bulan": months,
            "rata_jp": [row[f"rata_{m}"] for m in months],
            "median_jp": [row[f"median_{m}"] for m in months],
            "jp_harapan": [row[f"harapan_{m}"] for m in months],
            "persen_sesuai_laju": [row[f"laju_{m}"] for m in months],
            "persen_memenuhi": [row[f"memenuhi_{m}"] for m in months],
            "pegawai": [n] * len(months),
        },
        schema={
            "bulan": pl.Int64,
            **{
                c: pl.Float64
                for c in (
                    "rata_jp", "median_jp", "jp_harapan", "persen_sesuai_laju", "persen_memenuhi"
                )
            },
            "pegawai": pl.Int64,
        },
    )  # fmt: skip
    if n == 0:
        df = df.head(0)
    dates = dates.with_columns(
        pl.col("bulan").cast(df.schema["bulan"]) if df.height else pl.col("bulan")
    )
    if df.height == 0:
        return dates.with_columns(
            pl.lit(None, pl.Float64).alias(c)
            for c in ("rata_jp", "median_jp", "jp_harapan", "persen_sesuai_laju", "persen_memenuhi")
        ).with_columns(pl.lit(0, pl.Int64).alias("pegawai"))
    return dates.join(df, on="bulan", how="left")


def people(
    db: Database,
    flt: Filter,
    scope: Scope,
    kind: str = "belakang",
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
) -> pl.DataFrame:
    """People at 0 JP (`kind='nol'`) or behind the pace line (`'belakang'`, 0 JP included).

    Columns: nip, nama, instansi, unit_kerja, jenis_jabatan, nama_jabatan, golongan, status,
    jp, target, jp_harapan, proyeksi (JP at 31 Dec at the current pace), kekurangan (JP still
    needed), jp_per_bulan (needed per remaining month). Names and NIPs as the scope may see
    them. Sorted by instance, unit, then the largest shortfall.
    """
    scope.require_people()
    if kind not in PEOPLE_KINDS:
        raise ValueError(f"unknown kind: {kind}")
    d = _resolve(db, flt, as_of)
    cte, params = _person_cte(db, flt, scope, d, target_pppk)
    frac = R.elapsed_fraction(d, flt.tahun)
    params["left"] = R.months_left(d, flt.tahun)
    cond = "x.jp = 0" if kind == "nol" else "NOT x.on_pace"
    return db.query(
        f"""{cte} SELECT {privacy.nip_sql(scope, "p")} AS nip, {privacy.name_sql(scope, "p")} AS nama,
                   i.nama AS instansi, u.nama AS unit_kerja, p.jenis_jabatan, p.nama_jabatan,
                   p.golongan, x.status, x.jp, x.target, x.expected AS jp_harapan,
                   CASE WHEN $frac > 0 THEN x.jp / $frac END AS proyeksi,
                   greatest(x.target - x.jp, 0) AS kekurangan,
                   CASE WHEN $left > 0 THEN greatest(x.target - x.jp, 0) / $left END
                     AS jp_per_bulan
            FROM person x JOIN pegawai p ON p.nip = x.nip
            JOIN unit u ON u.id = x.unit_id JOIN instansi i ON i.id = x.instansi_id
            WHERE {cond}
            ORDER BY x.instansi_id, u.nama, kekurangan DESC, nama""",
        params | {"frac": frac},
    )


def regional(
    db: Database,
    flt: Filter,
    scope: Scope,
    as_of: date | None = None,
    target_pppk: float = R.DEFAULT.target_pppk,
) -> pl.DataFrame:
    """Completion of every instance in the scope (the instance and unit filters are ignored:
    all 44 are compared) and the change against the same day of the previous year.

    Columns: instansi_id, instansi, provinsi, jenis, pegawai, memenuhi, persen_memenuhi,
    rata_jp, persen_sesuai_laju, persen_lalu, perubahan (percentage points × 1/100, i.e. a
    share difference), dipilih (instance selected in the filter).
    """
    scope.check(flt)  # a selection outside the scope is refused even though it is widened here
    d = _resolve(db, flt, as_of)
    wide = flt.with_(instansi=(), unit=())
    cur = _by_instance(db, wide, scope, d, target_pppk)
    prev_flt = wide.with_(tahun=flt.tahun - 1)
    prev = _by_instance(db, prev_flt, scope, same_day_previous_year(d), target_pppk).select(
        "instansi_id",
        pl.col("persen_memenuhi").alias("persen_lalu"),
        pl.col("pegawai").alias("pegawai_lalu"),
    )
    inst_sql = "SELECT id AS instansi_id, nama AS instansi, provinsi, jenis FROM instansi"
    iparams: dict[str, Any] = {}
    if scope.instansi is not None:
        inst_sql += " WHERE list_contains($ids, id)"
        iparams["ids"] = sorted(scope.instansi)
    inst = db.query(inst_sql + " ORDER BY id", iparams)
    out = (
        inst.join(cur, on="instansi_id", how="left")
        .join(prev, on="instansi_id", how="left")
        .with_columns(
            pl.col("pegawai").fill_null(0),
            pl.col("memenuhi").fill_null(0),
            pl.when(pl.col("pegawai_lalu") > 0).then(pl.col("persen_lalu")).alias("persen_lalu"),
            pl.col("instansi_id").is_in(list(flt.instansi)).alias("dipilih"),
        )
        .with_columns((pl.col("persen_memenuhi") - pl.col("persen_lalu")).alias("perubahan"))
        .drop("pegawai_lalu")
    )
    return out


def _by_instance(
    db: Database, flt: Filter, scope: Scope, as_of: date, target_pppk: float
) -> pl.DataFrame:
    cte, params = _person_cte(db, flt, scope, as_of, target_pppk)
    return db.query(
        f"""{cte} SELECT instansi_id, count(*) AS pegawai,
                   count(*) FILTER (WHERE met) AS memenuhi,
                   count(*) FILTER (WHERE met) / count(*) AS persen_memenuhi,
                   avg(jp) AS rata_jp,
                   count(*) FILTER (WHERE on_pace) / count(*) AS persen_sesuai_laju
            FROM person GROUP BY instansi_id""",
        params,
    )


# -- exports (import/export contract) -----------------------------------------------------
def export_jp(db: Database, flt: Filter, scope: Scope, as_of: date | None = None) -> pl.DataFrame:
    """Per unit: unit_kerja, pegawai, memenuhi_20jp, persen_memenuhi (0–100, 1 decimal),
    rata_jp (1 decimal). When the result spans several instances the unit name carries the
    instance ('Dinas Pendidikan · Kabupaten Badung'). PPPK count against their own target."""
    df = completion(db, flt, scope, "unit", as_of, R.DEFAULT.target_pppk, "nama")
    return df.select(
        pl.col("tampil").alias("unit_kerja"),
        pl.col("pegawai").cast(pl.Int64),
        pl.col("memenuhi").cast(pl.Int64).alias("memenuhi_20jp"),
        (pl.col("persen_memenuhi") * 100).round(1).alias("persen_memenuhi"),
        pl.col("rata_jp").round(1).alias("rata_jp"),
    )


def export_jp_pegawai(
    db: Database, flt: Filter, scope: Scope, as_of: date | None = None
) -> pl.DataFrame:
    """Per person: nip, nama, unit_kerja, jp, memenuhi_20jp (true/false against the person's
    target), sorted by instance, unit and name. Masked scopes get masked names and NIPs."""
    scope.require_people()
    d = _resolve(db, flt, as_of)
    cte, params = _person_cte(db, flt, scope, d, R.DEFAULT.target_pppk)
    return db.query(
        f"""{cte} SELECT {privacy.nip_sql(scope, "p")} AS nip, {privacy.name_sql(scope, "p")} AS nama,
                   u.nama AS unit_kerja, x.jp, x.met AS memenuhi_20jp
            FROM person x JOIN pegawai p ON p.nip = x.nip JOIN unit u ON u.id = x.unit_id
            ORDER BY x.instansi_id, u.nama, p.nama, p.nip""",
        params,
    )


def as_of_bounds(flt: Filter) -> tuple[date, date]:
    """The dates a user may choose for the filter's year (1 Jan .. 31 Dec)."""
    return date(flt.tahun, 1, 1), date(flt.tahun, 12, 31)
