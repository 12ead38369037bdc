"""Competency gap page: heatmap pivot, drill-down to people, person profile, training needs,
trend across years and the `kompetensi` export.

Gap arithmetic follows `analytics.rules.gap`. Two pre-aggregates (rebuilt by
`refresh_agg_kompetensi`, registered in `analytics.aggregates.REFRESHERS`) keep the page fast
at national scale (4.7 million employees, tens of millions of assessment rows):

- `agg_kompetensi_pegawai`: one row per person, competency and assessment, valid from the
  assessment year (`tahun_dari`) until the year of the next assessment of the same competency
  (`tahun_sampai`, exclusive; 9999 when none). The latest assessment in or before year Y is
  the row with `tahun_dari <= Y < tahun_sampai` — no window function at query time. The row
  carries the required level, its source and the importance weight.
- `agg_kompetensi`: a cube per year × (instansi, unit, jenis jabatan, golongan rank, status)
  × competency with sums (people assessed, levels, standards, gaps, weighted gaps, shortfall,
  people below standard, JP that year of those below standard). Its dimension columns carry
  the same names as `pegawai`, so `employee_where(flt, scope, "c")` applies to it unchanged
  and every heatmap, trend and training-needs query is a small GROUP BY on the cube.

Person-level functions (`drilldown`, `profil_pegawai`) call `scope.require_people()` and select
names/NIPs through `analytics.privacy`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import polars as pl

from analytics.domain import GOLONGAN, GOLONGAN_PPPK, JENIS_JABATAN, KELOMPOK_KOMPETENSI
from analytics.filters import Filter, Scope, employee_where
from analytics.privacy import name_sql, nip_sql
from analytics.rules import gap as G
from analytics.rules import jp as J
from analytics.store import Database

OPEN_END = 9999  # tahun_sampai of the latest assessment
FOLD_KEY = "__lainnya__"

# Row dimensions of the heatmap: key expression on the cube alias `c`, person condition on
# the pegawai alias `p` (for drill-downs).
BARIS: tuple[str, ...] = ("unit", "jenis", "golongan", "instansi")
URUTAN: tuple[str, ...] = ("kekurangan", "rata", "alami")

_KEY_SQL = {
    "unit": "CAST(c.unit_id AS VARCHAR)",
    "jenis": "c.jenis_jabatan",
    "golongan": "c.status_kepegawaian || ':' || CAST(c.golongan_rank AS VARCHAR)",
    "instansi": "CAST(c.instansi_id AS VARCHAR)",
}
_PERSON_SQL = {
    "unit": "CAST(p.unit_id AS VARCHAR)",
    "jenis": "p.jenis_jabatan",
    "golongan": "p.status_kepegawaian || ':' || CAST(p.golongan_rank AS VARCHAR)",
    "instansi": "CAST(p.instansi_id AS VARCHAR)",
}

_CUBE_SUMS = ", ".join(
    f"CAST(sum(c.{col}) AS DOUBLE) AS {name}"
    for col, name in (
        ("n", "n"),
        ("sum_level", "s_level"),
        ("sum_standar", "s_standar"),
        ("sum_gap", "s_gap"),
        ("sum_gap_bobot", "s_gap_bobot"),
        ("sum_kurang", "s_kurang"),
        ("sum_kurang_bobot", "s_kurang_bobot"),
        ("n_bawah", "n_bawah"),
        ("jp_bawah", "jp_bawah"),
        ("n_bawah_belum_jp", "n_bawah_belum_jp"),
    )
)


# -- pre-aggregates ------------------------------------------------------------------------


def refresh_agg_kompetensi(cur: duckdb.DuckDBPyConnection, cfg: G.GapConfig = G.DEFAULT) -> None:
    """Rebuild `agg_kompetensi_pegawai` and the cube `agg_kompetensi` (needs `agg_jp` first)."""
    default_sql, params = G.default_standard_sql(cfg, "p")
    w_sql, w_params = G.weight_sql("kepentingan", cfg)
    params.update(w_params)
    level_sql, source_sql = G.required_sql("sj.lvl", "st.lvl", default_sql)
    cur.execute("DELETE FROM agg_kompetensi_pegawai")
    cur.execute(
        f"""INSERT INTO agg_kompetensi_pegawai
        WITH k AS (
            SELECT nip, kompetensi, tahun, max(level) AS level FROM kompetensi GROUP BY ALL
        ), iv AS (
            SELECT nip, kompetensi, tahun AS tahun_dari,
                   coalesce(lead(tahun) OVER (PARTITION BY nip, kompetensi ORDER BY tahun),
                            {OPEN_END}) AS tahun_sampai, level
            FROM k
        ), sj AS (
            SELECT nama_jabatan, kompetensi, max(level_standar) AS lvl,
                   arg_max(tingkat_kepentingan, level_standar) AS kep
            FROM standar_kompetensi WHERE nama_jabatan IS NOT NULL GROUP BY ALL
        ), st AS (
            SELECT jenis_jabatan, kompetensi, max(level_standar) AS lvl,
                   arg_max(tingkat_kepentingan, level_standar) AS kep
            FROM standar_kompetensi
            WHERE nama_jabatan IS NULL AND jenis_jabatan IS NOT NULL GROUP BY ALL
        ), r AS (
            SELECT iv.nip, iv.kompetensi, CAST(iv.tahun_dari AS SMALLINT) AS tahun_dari,
                   CAST(iv.tahun_sampai AS SMALLINT) AS tahun_sampai,
                   CAST(iv.level AS SMALLINT) AS level, {level_sql} AS level_standar,
                   {source_sql} AS sumber_standar,
                   CASE WHEN sj.lvl IS NOT NULL THEN sj.kep
                        WHEN st.lvl IS NOT NULL THEN st.kep END AS kepentingan
            FROM iv JOIN pegawai p ON p.nip = iv.nip
            LEFT JOIN sj ON sj.nama_jabatan = p.nama_jabatan AND sj.kompetensi = iv.kompetensi
            LEFT JOIN st ON st.jenis_jabatan = p.jenis_jabatan AND st.kompetensi = iv.kompetensi
        )
        SELECT nip, kompetensi, tahun_dari, tahun_sampai, level, level_standar, sumber_standar,
               kepentingan, {w_sql} AS bobot
        FROM r ORDER BY kompetensi, nip, tahun_dari""",
        params,
    )
    span = cur.execute(
        """SELECT (SELECT min(tahun) FROM kompetensi),
                  greatest((SELECT max(tahun) FROM kompetensi), (SELECT max(tahun) FROM kinerja),
                           (SELECT max(tahun) FROM agg_jp),
                           (SELECT TRY_CAST(value AS INTEGER) FROM meta WHERE key = 'tahun_max'))"""
    ).fetchall()[0]
    cur.execute("DELETE FROM agg_kompetensi")
    if span[0] is None:
        return
    below = "(a.level < a.level_standar)"
    jp = "coalesce(j.jp, 0)"
    cur.execute(
        f"""INSERT INTO agg_kompetensi
        WITH y AS (
            SELECT a.*, CAST(unnest(range(greatest(a.tahun_dari, $ymin),
                                          least(a.tahun_sampai, $ymax + 1))) AS SMALLINT) AS tahun
            FROM agg_kompetensi_pegawai a
        )
        SELECT a.tahun, p.instansi_id, p.unit_id, p.jenis_jabatan, p.golongan_rank,
               p.status_kepegawaian, a.kompetensi,
               count(*) AS n, sum(a.level) AS sum_level, sum(a.level_standar) AS sum_standar,
               sum(a.level_standar - a.level) AS sum_gap,
               sum((a.level_standar - a.level) * a.bobot) AS sum_gap_bobot,
               sum(greatest(a.level_standar - a.level, 0)) AS sum_kurang,
               sum(greatest(a.level_standar - a.level, 0) * a.bobot) AS sum_kurang_bobot,
               count(*) FILTER (WHERE {below}) AS n_bawah,
               coalesce(sum({jp}) FILTER (WHERE {below}), 0) AS jp_bawah,
               count(*) FILTER (WHERE {below} AND NOT {J.sql_meets(jp, J.sql_target())})
                   AS n_bawah_belum_jp
        FROM y a JOIN pegawai p ON p.nip = a.nip
        LEFT JOIN agg_jp j ON j.nip = a.nip AND j.tahun = a.tahun
        GROUP BY ALL
        ORDER BY 1, 2, 3""",
        {
            "ymin": int(span[0]),
            "ymax": int(span[1]),
            "t_pns": J.DEFAULT.target_pns,
            "t_pppk": J.DEFAULT.target_pppk,
        },
    )


_DIMS_INSTANSI = "tahun, instansi_id, jenis_jabatan, golongan_rank, status_kepegawaian, kompetensi"


def refresh_agg_kompetensi_instansi(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild `agg_kompetensi_instansi`: the cube `agg_kompetensi` summed over units."""
    cur.execute("DELETE FROM agg_kompetensi_instansi")
    cur.execute(
        f"""INSERT INTO agg_kompetensi_instansi
        SELECT {_DIMS_INSTANSI}, sum(n), sum(sum_level), sum(sum_standar), sum(sum_gap),
               sum(sum_gap_bobot), sum(sum_kurang), sum(sum_kurang_bobot), sum(n_bawah),
               sum(jp_bawah), sum(n_bawah_belum_jp)
        FROM agg_kompetensi GROUP BY ALL ORDER BY {_DIMS_INSTANSI}"""
    )


# -- helpers -----------------------------------------------------------------------------


def _check(baris: str, urut: str = "alami") -> None:
    if baris not in BARIS:
        raise ValueError(f"unknown row dimension: {baris}")
    if urut not in URUTAN:
        raise ValueError(f"unknown sort order: {urut}")


def _columns(db: Database, seen: pl.DataFrame) -> pl.DataFrame:
    """Competency columns: manajerial and sosial kultural always, others only when assessed."""
    ref = db.query("SELECT nama AS kompetensi, kelompok, urutan FROM kompetensi_ref")
    seen_names = set(seen["kompetensi"].to_list()) if seen.height else set()
    known = set(ref["kompetensi"].to_list())
    extra = pl.DataFrame(
        {
            "kompetensi": sorted(seen_names - known),
            "kelompok": ["teknis"] * len(seen_names - known),
            "urutan": [999] * len(seen_names - known),
        },
        schema={"kompetensi": pl.String, "kelompok": pl.String, "urutan": pl.Int64},
    )
    cols = pl.concat([ref.with_columns(pl.col("urutan").cast(pl.Int64)), extra])
    cols = cols.filter(
        pl.col("kelompok").is_in(["manajerial", "sosial kultural"])
        | pl.col("kompetensi").is_in(list(seen_names))
    )
    order = {k: i for i, k in enumerate(KELOMPOK_KOMPETENSI)}
    return (
        cols.with_columns(pl.col("kelompok").replace_strict(order, default=9).alias("_g"))
        .sort("_g", "urutan", "kompetensi")
        .drop("_g")
        .with_row_index("kolom")
        .with_columns(pl.col("kolom").cast(pl.Int64))
    )


def _golongan_label(key: str) -> str:
    status, rank = key.split(":")
    r = int(rank)
    return f"PPPK {GOLONGAN_PPPK[r - 1]}" if status == "PPPK" else GOLONGAN[r - 1]


def _row_labels(db: Database, baris: str, keys: list[str]) -> pl.DataFrame:
    """Label and natural order of each row key."""
    if baris == "jenis":
        labels = keys
        order = [JENIS_JABATAN.index(k) if k in JENIS_JABATAN else 99 for k in keys]
    elif baris == "golongan":
        labels = [_golongan_label(k) for k in keys]
        order = [(1 if k.startswith("PPPK") else 0) * 100 + int(k.split(":")[1]) for k in keys]
    elif baris == "instansi":
        names = db.query(
            "SELECT CAST(id AS VARCHAR) AS k, nama FROM instansi WHERE list_contains($ids, id)",
            {"ids": [int(k) for k in keys]},
        )
        by = dict(names.iter_rows())
        labels = [by.get(k, k) for k in keys]
        order = [int(k) for k in keys]
    else:
        names = db.query(
            "SELECT CAST(u.id AS VARCHAR) AS k, u.nama, i.nama AS instansi, u.instansi_id "
            "FROM unit u JOIN instansi i ON i.id = u.instansi_id WHERE list_contains($ids, u.id)",
            {"ids": [int(k) for k in keys]},
        )
        multi = names["instansi_id"].n_unique() > 1
        by = {k: (f"{n} · {ins}" if multi else n) for k, n, ins, _ in names.iter_rows()}
        labels = [by.get(k, k) for k in keys]
        pos = {lab: i for i, lab in enumerate(sorted(labels))}
        order = [pos[lab] for lab in labels]
    return pl.DataFrame(
        {"baris_key": keys, "baris": labels, "urut_alami": order},
        schema={"baris_key": pl.String, "baris": pl.String, "urut_alami": pl.Int64},
    )


def _means(frame: pl.DataFrame, bobot: bool) -> pl.DataFrame:
    """Mean columns from the cube sums (null where nobody was assessed)."""
    n = pl.when(pl.col("n") > 0).then(pl.col("n"))
    gap = "s_gap_bobot" if bobot else "s_gap"
    return frame.with_columns(
        pegawai=pl.col("n").fill_null(0).cast(pl.Int64),
        rata_level=pl.col("s_level") / n,
        rata_standar=pl.col("s_standar") / n,
        rata_gap=pl.col(gap) / n,
        di_bawah=pl.col("n_bawah").fill_null(0).cast(pl.Int64),
        pct_bawah=pl.col("n_bawah") / n,
        kekurangan=pl.col("s_kurang_bobot" if bobot else "s_kurang").fill_null(0),
    )


def _cube(
    db: Database,
    flt: Filter,
    scope: Scope,
    keys: list[str],
    where_extra: str = "",
    extra: dict[str, Any] | None = None,
    all_years: bool = False,
) -> pl.DataFrame:
    """Cube sums grouped by `keys` (expressions on alias `c`) for the filter's people.

    Without units in the filter, the keys and `where_extra`, the unit-less cube answers (the
    same sums from ~1/10 of the rows); a store without it (read-only, older) uses the full one.
    """
    where, params = employee_where(flt, scope, "c")
    params = {**params, **(extra or {})}
    if not all_years:
        where += " AND c.tahun = $tahun"
        params["tahun"] = flt.tahun
    sel = ", ".join(keys)

    def sums(table: str) -> pl.DataFrame:
        return db.query(
            f"SELECT {sel}, {_CUBE_SUMS} FROM {table} c WHERE {where} {where_extra} GROUP BY ALL",
            params,
        )

    if not flt.unit and "unit_id" not in sel + where_extra:
        try:
            return sums("agg_kompetensi_instansi")
        except duckdb.CatalogException:
            pass
    return sums("agg_kompetensi")


# -- heatmap -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heatmap:
    """Heatmap cells (full grid, rows in display order) and the row list."""

    cells: pl.DataFrame  # baris_key, baris, baris_no, kompetensi, kelompok, kolom, pegawai, ...
    rows: pl.DataFrame  # every row (before folding): baris_key, baris, pegawai, kekurangan, ...
    folded: int  # rows folded into "Lainnya"
    columns: pl.DataFrame  # per competency over all rows: kompetensi, kelompok, kolom, pegawai,
    # rata_gap, di_bawah, kekurangan (in column order)


def heatmap(
    db: Database,
    flt: Filter,
    scope: Scope,
    baris: str = "unit",
    urut: str = "kekurangan",
    top_n: int = 0,
    bobot: bool = False,
) -> Heatmap:
    """Mean gap per row (unit / jenis / golongan / instansi) × competency for the filter year.

    `top_n` > 0 keeps the first `top_n` rows of the order and folds the rest into one
    "Lainnya" row (sums pooled, so its means are exact). Cells nobody was assessed in have
    `pegawai` 0 and null means ("no assessment", distinct from a zero gap).
    """
    _check(baris, urut)
    raw = _cube(db, flt, scope, [f"{_KEY_SQL[baris]} AS baris_key", "c.kompetensi"])
    cols = _columns(db, raw)
    sums = ["n", "s_level", "s_standar", "s_gap", "s_gap_bobot", "s_kurang", "s_kurang_bobot",
            "n_bawah", "jp_bawah", "n_bawah_belum_jp"]  # fmt: skip
    empty_rows = pl.DataFrame(
        schema={"baris_key": pl.String, "baris": pl.String, "pegawai": pl.Int64,
                "rata_gap": pl.Float64, "kekurangan": pl.Float64, "baris_no": pl.Int64}
    )  # fmt: skip
    if raw.height == 0:
        return Heatmap(cells=raw.head(0), rows=empty_rows, folded=0, columns=cols.head(0))
    raw = raw.with_columns(pl.col(s).cast(pl.Float64) for s in sums)
    labels = _row_labels(db, baris, raw["baris_key"].unique().to_list())
    totals = _means(raw.group_by("baris_key").agg(pl.col(s).sum() for s in sums), bobot)
    totals = totals.join(labels, on="baris_key")
    if urut == "kekurangan":
        totals = totals.sort(["kekurangan", "rata_gap", "baris"], descending=[True, True, False])
    elif urut == "rata":
        totals = totals.sort(["rata_gap", "kekurangan", "baris"], descending=[True, True, False],
                             nulls_last=True)  # fmt: skip
    else:
        totals = totals.sort("urut_alami", "baris")
    totals = totals.with_row_index("baris_no").with_columns(pl.col("baris_no").cast(pl.Int64))
    rows = totals.select("baris_key", "baris", "pegawai", "rata_gap", "kekurangan", "baris_no")
    folded = 0
    cells = raw
    if 0 < top_n < totals.height:
        keep = totals.head(top_n)
        folded = totals.height - top_n
        fold_keys = totals["baris_key"].slice(top_n).to_list()
        cells = (
            raw.with_columns(
                pl.when(pl.col("baris_key").is_in(fold_keys))
                .then(pl.lit(FOLD_KEY))
                .otherwise(pl.col("baris_key"))
                .alias("baris_key")
            )
            .group_by("baris_key", "kompetensi")
            .agg(pl.col(s).sum() for s in sums)
        )
        row_frame = pl.concat(
            [
                keep.select("baris_key", "baris", "baris_no"),
                pl.DataFrame(
                    {
                        "baris_key": [FOLD_KEY],
                        "baris": [f"Lainnya ({folded} baris)"],
                        "baris_no": [top_n],
                    },
                    schema={"baris_key": pl.String, "baris": pl.String, "baris_no": pl.Int64},
                ),  # fmt: skip
            ]
        )
    else:
        row_frame = totals.select("baris_key", "baris", "baris_no")
    grid = row_frame.join(cols, how="cross")
    out = _means(grid.join(cells, on=["baris_key", "kompetensi"], how="left"), bobot)
    out = out.sort("baris_no", "kolom").select(
        "baris_key", "baris", "baris_no", "kompetensi", "kelompok", "kolom", "pegawai",
        "rata_level", "rata_standar", "rata_gap", "di_bawah", "pct_bawah", "kekurangan",
    )  # fmt: skip
    per_col = _means(
        cols.join(
            raw.group_by("kompetensi").agg(pl.col(s).sum() for s in sums),
            on="kompetensi",
            how="left",
        ),
        bobot,
    ).select("kompetensi", "kelompok", "kolom", "pegawai", "rata_gap", "di_bawah", "kekurangan")
    return Heatmap(cells=out, rows=rows, folded=folded, columns=per_col)


def ringkasan(db: Database, flt: Filter, scope: Scope, bobot: bool = False) -> pl.DataFrame:
    """One row: headcount in the filter, assessments, mean level/standard/gap, share below."""
    where, params = employee_where(flt, scope, "p")
    head = int(db.scalar(f"SELECT count(*) FROM pegawai p WHERE {where}", params))
    raw = _cube(db, flt, scope, ["c.tahun"])
    if raw.height == 0:
        raw = pl.DataFrame({"n": [0.0]}).with_columns(
            pl.lit(None, pl.Float64).alias(s)
            for s in [
                "s_level",
                "s_standar",
                "s_gap",
                "s_gap_bobot",
                "s_kurang",
                "s_kurang_bobot",
                "n_bawah",
            ]  # fmt: skip
        )
    out = _means(raw, bobot).select(
        pl.lit(head).alias("pegawai_filter"),
        pl.col("pegawai").alias("penilaian"),
        "rata_level", "rata_standar", "rata_gap", "di_bawah", "pct_bawah",
    )  # fmt: skip
    return out


# -- drill-down and person profile ----------------------------------------------------------


@dataclass(frozen=True)
class Drilldown:
    """People behind one heatmap cell (at most `limit`, largest gap first) and the counts."""

    people: pl.DataFrame
    total: int
    di_bawah: int


PAGE_ROWS = 100  # people a page shows per drill-down; the full list is a download


def _row_condition(
    baris: str, keys: tuple[str, ...], key_sql: dict[str, str] = _PERSON_SQL
) -> tuple[str, dict[str, Any]]:
    if not keys:
        return "TRUE", {}
    return f"list_contains($d_keys, {key_sql[baris]})", {"d_keys": list(keys)}


def drilldown(
    db: Database,
    flt: Filter,
    scope: Scope,
    baris: str,
    keys: tuple[str, ...],
    kompetensi: str,
    limit: int | None = 500,
) -> Drilldown:
    """People of the rows `keys` (empty = all rows) assessed in `kompetensi` in or before the
    filter year: actual and required level, gap, assessment year, JP received this year.

    The counts come from the cube (the same people as the list); `limit` None lists everyone.
    """
    _check(baris)
    scope.require_people()
    ccond, cparams = _row_condition(baris, keys, _KEY_SQL)
    counts = _cube(db, flt, scope, ["c.kompetensi"], f"AND c.kompetensi = $d_k AND {ccond}",
                   {**cparams, "d_k": kompetensi})  # fmt: skip
    total = int(counts["n"][0]) if counts.height else 0
    bawah = int(counts["n_bawah"][0]) if counts.height else 0
    if total == 0:
        limit = 0
    where, params = employee_where(flt, scope, "p")
    cond, cparams = _row_condition(baris, keys)
    params.update(cparams)
    params.update({"d_k": kompetensi, "d_t": flt.tahun})
    lim = ""
    cut = ""
    if limit is not None:
        lim = "LIMIT $d_lim"
        params["d_lim"] = int(limit)
        if limit and total > limit and where == "TRUE" and cond == "TRUE":
            # The list is ordered by gap first: only people at or above the gap of the
            # limit-th person can be in it, so only they are joined and sorted by name
            # (region-wide at 4.7 million: a few thousand people instead of millions; with
            # a filter the count itself needs the join and saves nothing).
            params["d_cut"] = _gap_cutoff(db, params, int(limit))
            cut = "AND a.level_standar - a.level >= $d_cut"
    df = db.query(
        f"""WITH top AS (
            SELECT a.*, p.nama, p.nip AS pnip, p.nama_jabatan, p.jenis_jabatan, p.golongan,
                   p.unit_id, p.instansi_id, {name_sql(scope, "p")} AS nama_tampil
            FROM agg_kompetensi_pegawai a
            JOIN pegawai p ON p.nip = a.nip
            WHERE a.kompetensi = $d_k AND a.tahun_dari <= $d_t AND $d_t < a.tahun_sampai
              AND {where} AND {cond} {cut}
            ORDER BY a.level_standar - a.level DESC, nama_tampil, p.nip
            {lim}
        )
        SELECT t.nama_tampil AS nama, {nip_sql(scope, "t")} AS nip,
               t.nama_jabatan AS jabatan, t.jenis_jabatan, t.golongan, u.nama AS unit_kerja,
               i.nama AS instansi, t.level, t.level_standar, t.level_standar - t.level AS gap,
               t.bobot * (t.level_standar - t.level) AS gap_bobot,
               t.tahun_dari AS tahun_asesmen, t.sumber_standar, t.kepentingan,
               coalesce(j.jp, 0) AS jp_tahun_ini
        FROM top t
        JOIN unit u ON u.id = t.unit_id
        JOIN instansi i ON i.id = t.instansi_id
        LEFT JOIN agg_jp j ON j.nip = t.nip AND j.tahun = $d_t
        ORDER BY gap DESC, nama, t.nip""",
        params,
    )
    return Drilldown(people=df, total=total, di_bawah=bawah)


def _gap_cutoff(db: Database, params: dict[str, Any], limit: int) -> int:
    """The gap of the limit-th person of an unfiltered drill-down (people per gap, largest
    first)."""
    hist = db.query(
        """SELECT a.level_standar - a.level AS gap, count(*) AS n
           FROM agg_kompetensi_pegawai a
           WHERE a.kompetensi = $d_k AND a.tahun_dari <= $d_t AND $d_t < a.tahun_sampai
           GROUP BY 1 ORDER BY 1 DESC""",
        {"d_k": params["d_k"], "d_t": params["d_t"]},
    )
    seen = 0
    for gap, n in hist.iter_rows():
        seen += n
        if seen >= limit:
            return int(gap)
    return int(hist["gap"].min()) if hist.height else 0


def profil_pegawai(
    db: Database, flt: Filter, scope: Scope, kode: str, cfg: G.GapConfig = G.DEFAULT
) -> pl.DataFrame:
    """Gap profile of one person (identified by the NIP column as the scope sees it).

    One row per competency that was assessed in or before the filter year, that the
    position's imported standard names, or that is manajerial / sosial kultural (the default
    standard applies); `level` is null where not assessed. Identity columns repeat per row.
    """
    scope.require_people()
    where, params = employee_where(flt, scope, "p")
    default_sql, gparams = G.default_standard_sql(cfg, "o")
    params.update(gparams)
    level_sql, source_sql = G.required_sql("sj.lvl", "st.lvl", default_sql)
    params.update({"d_kode": kode, "d_t": flt.tahun})
    return db.query(
        f"""WITH o AS (
            SELECT p.*, {name_sql(scope, "p")} AS nama_tampil, {nip_sql(scope, "p")} AS kode
            FROM pegawai p WHERE {where} AND {nip_sql(scope, "p")} = $d_kode
            ORDER BY p.nip LIMIT 1
        ), lat AS (
            SELECT a.* FROM agg_kompetensi_pegawai a JOIN o ON o.nip = a.nip
            WHERE a.tahun_dari <= $d_t AND $d_t < a.tahun_sampai
        ), sj AS (
            SELECT s.kompetensi, max(s.level_standar) AS lvl,
                   arg_max(s.tingkat_kepentingan, s.level_standar) AS kep
            FROM standar_kompetensi s JOIN o ON s.nama_jabatan = o.nama_jabatan GROUP BY ALL
        ), st AS (
            SELECT s.kompetensi, max(s.level_standar) AS lvl,
                   arg_max(s.tingkat_kepentingan, s.level_standar) AS kep
            FROM standar_kompetensi s JOIN o ON s.jenis_jabatan = o.jenis_jabatan
            WHERE s.nama_jabatan IS NULL GROUP BY ALL
        ), comps AS (
            SELECT kompetensi FROM lat UNION SELECT kompetensi FROM sj
            UNION SELECT kompetensi FROM st
            UNION SELECT nama FROM kompetensi_ref
            WHERE kelompok IN ('manajerial', 'sosial kultural')
        )
        SELECT o.nama_tampil AS nama, o.kode AS nip, o.nama_jabatan AS jabatan,
               o.jenis_jabatan, o.jenjang, o.golongan,
               c.kompetensi, coalesce(r.kelompok, 'teknis') AS kelompok,
               coalesce(r.urutan, 999) AS urutan,
               lat.level, {level_sql} AS level_standar,
               {level_sql} - lat.level AS gap, lat.tahun_dari AS tahun_asesmen,
               {source_sql} AS sumber_standar,
               CASE WHEN sj.lvl IS NOT NULL THEN sj.kep WHEN st.lvl IS NOT NULL THEN st.kep END
                   AS kepentingan
        FROM o CROSS JOIN comps c
        LEFT JOIN lat ON lat.kompetensi = c.kompetensi
        LEFT JOIN sj ON sj.kompetensi = c.kompetensi
        LEFT JOIN st ON st.kompetensi = c.kompetensi
        LEFT JOIN kompetensi_ref r ON r.nama = c.kompetensi
        ORDER BY CASE coalesce(r.kelompok, 'teknis') WHEN 'manajerial' THEN 0
                 WHEN 'sosial kultural' THEN 1 ELSE 2 END, urutan, c.kompetensi""",
        params,
    )


# -- training needs and trend ----------------------------------------------------------------


def kebutuhan_pelatihan(
    db: Database, flt: Filter, scope: Scope, top_k: int = 3, bobot: bool = False
) -> pl.DataFrame:
    """Per unit, the `top_k` competencies with the largest shortfall: people assessed, people
    below standard (needing development), their mean JP this year and how many of them have
    not reached their JP target; units ordered by total shortfall."""
    raw = _cube(db, flt, scope, ["CAST(c.unit_id AS VARCHAR) AS baris_key", "c.kompetensi"])
    if raw.height == 0:
        return pl.DataFrame(
            schema={"unit_id": pl.Int64, "unit_kerja": pl.String, "peringkat": pl.Int64,
                    "kompetensi": pl.String, "pegawai": pl.Int64, "perlu_pengembangan": pl.Int64,
                    "pct_bawah": pl.Float64, "kekurangan": pl.Float64,
                    "rata_jp": pl.Float64, "belum_target_jp": pl.Int64}
        )  # fmt: skip
    raw = _means(raw.with_columns(pl.exclude("baris_key", "kompetensi").cast(pl.Float64)), bobot)
    labels = _row_labels(db, "unit", raw["baris_key"].unique().to_list())
    unit_total = raw.group_by("baris_key").agg(pl.col("kekurangan").sum().alias("_tot"))
    out = (
        raw.filter(pl.col("di_bawah") > 0)
        .join(unit_total, on="baris_key")
        .join(labels, on="baris_key")
        .sort(["kekurangan", "di_bawah", "kompetensi"], descending=[True, True, False])
        .with_columns(
            pl.col("kekurangan").rank("ordinal", descending=True).over("baris_key")
            .cast(pl.Int64).alias("peringkat")
        )
        .filter(pl.col("peringkat") <= top_k)
        .with_columns(
            rata_jp=pl.col("jp_bawah") / pl.col("n_bawah"),
            unit_id=pl.col("baris_key").cast(pl.Int64),
            belum_target_jp=pl.col("n_bawah_belum_jp").cast(pl.Int64),
        )
        .sort(["_tot", "baris", "peringkat"], descending=[True, False, False])
        .select(
            "unit_id", pl.col("baris").alias("unit_kerja"), "peringkat", "kompetensi", "pegawai",
            pl.col("di_bawah").alias("perlu_pengembangan"), "pct_bawah", "kekurangan",
            "rata_jp", "belum_target_jp",
        )
    )  # fmt: skip
    return out


def tren(db: Database, flt: Filter, scope: Scope, bobot: bool = False) -> pl.DataFrame:
    """Mean gap per competency and year (all years in the data) for the filter's people."""
    raw = _cube(db, flt, scope, ["c.tahun", "c.kompetensi"], all_years=True)
    if raw.height == 0:
        return pl.DataFrame(
            schema={"tahun": pl.Int64, "kompetensi": pl.String, "kelompok": pl.String,
                    "kolom": pl.Int64, "pegawai": pl.Int64, "rata_gap": pl.Float64,
                    "pct_bawah": pl.Float64}
        )  # fmt: skip
    raw = raw.with_columns(pl.exclude("tahun", "kompetensi").cast(pl.Float64))
    cols = _columns(db, raw)
    return (
        _means(raw, bobot)
        .join(cols, on="kompetensi")
        .with_columns(pl.col("tahun").cast(pl.Int64))
        .sort("kolom", "tahun")
        .select("tahun", "kompetensi", "kelompok", "kolom", "pegawai", "rata_gap", "pct_bawah")
    )


# -- export --------------------------------------------------------------------------------


def export_kompetensi(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """The `kompetensi` export: per unit × competency assessed in the filter year."""
    raw = _cube(db, flt, scope, ["CAST(c.unit_id AS VARCHAR) AS baris_key", "c.kompetensi"])
    schema = {"unit_kerja": pl.String, "kompetensi": pl.String, "pegawai": pl.Int64,
              "rata_level": pl.Float64, "rata_standar": pl.Float64, "rata_gap": pl.Float64,
              "di_bawah_standar": pl.Int64}  # fmt: skip
    if raw.height == 0:
        return pl.DataFrame(schema=schema)
    raw = _means(raw.with_columns(pl.exclude("baris_key", "kompetensi").cast(pl.Float64)), False)
    labels = _row_labels(db, "unit", raw["baris_key"].unique().to_list())
    cols = _columns(db, raw).select("kompetensi", "kolom")
    return (
        raw.filter(pl.col("pegawai") > 0)
        .join(labels, on="baris_key")
        .join(cols, on="kompetensi", how="left")
        .sort("baris", "kolom", "kompetensi")
        .select(
            pl.col("baris").alias("unit_kerja"),
            "kompetensi",
            "pegawai",
            pl.col("rata_level").round(2),
            pl.col("rata_standar").round(2),
            pl.col("rata_gap").round(2),
            pl.col("di_bawah").alias("di_bawah_standar"),
        )
        .cast(schema)
    )
