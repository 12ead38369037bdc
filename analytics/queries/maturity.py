"""Kanreg X maturity table: MT status of the 44 instances, history, timeline and export.

- The status of an instance as of a date is its `kematangan` row with the latest `periode` on
  or before that date (ties: the row recorded last). The published Kanreg X table is the first
  period (`analytics.reference.PUBLISHED_PERIOD`); its rows (sumber 'publikasi') are never
  modified: a new status is a new row (sumber 'pengguna') written through `db.transaction`.
- Level and ISM category: `analytics.rules.maturity` (the level is this dashboard's
  convention, the ISM bounds are uncertain). ISM figures come only from the `ism` table of
  published scores: the latest published score up to the year of the table's date; blank
  where none was published (never invented).
- Workforce columns (ASN counted, talent pool, share of PNS meeting 20 JP in the filter year)
  come from `analytics.queries.overview.workforce_by_instansi` and follow the whole filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import polars as pl

from analytics.auth import can
from analytics.domain import STATUS_MT
from analytics.filters import Filter, Scope, instansi_where
from analytics.queries.overview import workforce_by_instansi
from analytics.reference import PUBLISHED_PERIOD
from analytics.rules import maturity as rule
from analytics.store import Database

KANREG = "Kanreg X BKN Denpasar"
ASPEK = ("Pembangunan MT", "Penerapan MT")
ACTION_RECORD = "catat_status_mt"
MAX_CATATAN = 1000

# Columns of the import/export contract (export_kematangan).
EXPORT_COLUMNS: tuple[str, ...] = (
    "no", "nama_instansi", "pembangunan_mt", "penerapan_mt", "level_kematangan",
    "skor_ism", "tahun_ism",
)  # fmt: skip
# The Kanreg's own table layout (first five columns as published), plus level and ISM.
KANREG_COLUMNS: tuple[str, ...] = (
    "No", "Nama Instansi", "Kanreg", "Pembangunan MT", "Penerapan MT",
    "Level Kematangan (konvensi dasbor)", "Skor ISM", "Kategori ISM", "Tahun ISM",
)  # fmt: skip

_ORDER_LATEST = "k.periode DESC, k.dicatat_pada DESC NULLS LAST, k.id DESC"


class StatusRefused(ValueError):
    """A status record that is refused; the message is Indonesian, for the user."""


def _today() -> date:
    return date.today()


def _latest_sql(where: str, date_param: str) -> str:
    """SQL (a SELECT) of each in-scope instance's latest kematangan row on or before a date."""
    return f"""
        SELECT k.* FROM kematangan k JOIN instansi i ON i.id = k.instansi_id
        WHERE {where} AND k.periode <= ${date_param}
        QUALIFY row_number() OVER (PARTITION BY k.instansi_id ORDER BY {_ORDER_LATEST}) = 1
    """


def _consistent_sql(b: str, p: str) -> str:
    steps = " ".join(f"WHEN '{n}' THEN {v}" for n, v in rule.DEFAULT.steps)
    return f"((CASE {p} {steps} END) <= (CASE {b} {steps} END))"


def _level_sql(b: str, p: str) -> str:
    """Level, NULL where the stored pair is inconsistent (e.g. an imported Belum/Sudah)."""
    return f"(CASE WHEN {_consistent_sql(b, p)} THEN {rule.level_sql(b, p)} END)"


def _status_rows(db: Database, flt: Filter, scope: Scope, as_of: date) -> pl.DataFrame:
    where, params = instansi_where(flt, scope, "i")
    sql = f"""
        WITH k AS ({_latest_sql(where, "as_of")}),
        s AS (SELECT instansi_id, arg_max(skor, tahun) AS skor, max(tahun) AS tahun
              FROM ism WHERE tahun <= $tahun_ism GROUP BY instansi_id)
        SELECT i.id AS no, i.nama, i.jenis, i.provinsi, i.ibukota, i.lat, i.lon,
               k.pembangunan_mt, k.penerapan_mt, k.periode, k.sumber, k.bukti, k.catatan,
               {_level_sql("k.pembangunan_mt", "k.penerapan_mt")} AS level,
               coalesce({_consistent_sql("k.pembangunan_mt", "k.penerapan_mt")}, TRUE)
                   AS konsisten,
               s.skor AS skor_ism, {rule.ism_category_sql("s.skor")} AS kategori_ism,
               CAST(s.tahun AS SMALLINT) AS tahun_ism
        FROM instansi i LEFT JOIN k ON k.instansi_id = i.id
             LEFT JOIN s ON s.instansi_id = i.id
        WHERE {where}
        ORDER BY i.id
    """
    params |= {"as_of": as_of, "tahun_ism": as_of.year}
    return db.query(sql, params).with_columns(
        pl.col("no").cast(pl.Int64), pl.col("level").cast(pl.Int64)
    )


def status_table(
    db: Database, flt: Filter, scope: Scope, as_of: date | None = None
) -> pl.DataFrame:
    """All instances in the filter, in the Kanreg's order, with status as of a date.

    Columns: no, nama, jenis, provinsi, ibukota, lat, lon, pembangunan_mt, penerapan_mt,
    periode, sumber, bukti, catatan, level, konsisten, skor_ism, kategori_ism, tahun_ism,
    asn, pns, pns_20jp, share_20jp, dinilai, talent_pool.
    """
    as_of = as_of or _today()
    rows = _status_rows(db, flt, scope, as_of)
    wf = workforce_by_instansi(db, flt, scope)
    out = rows.join(wf, left_on="no", right_on="instansi_id", how="left")
    return out.with_columns(
        *(pl.col(c).fill_null(0) for c in ("asn", "pns", "pns_20jp", "dinilai", "talent_pool")),
        pl.when(pl.col("pns") > 0)
        .then(pl.col("pns_20jp") / pl.col("pns"))
        .otherwise(None)
        .alias("share_20jp"),
    ).sort("no")


@dataclass(frozen=True)
class MaturitySummary:
    """The table and its summary: counts by status and province, ASN covered."""

    tabel: pl.DataFrame  # status_table
    per_status: pl.DataFrame  # aspek, status, jumlah (all three statuses, zeros kept)
    per_provinsi: pl.DataFrame  # provinsi, aspek, status, jumlah
    per_level: pl.DataFrame  # level, jumlah (levels 1..5)
    instansi: int
    bangun_sudah: int
    terap_sudah: int
    asn: int
    asn_tercakup: int  # ASN in instances with Penerapan MT Sudah
    as_of: date

    @property
    def share_tercakup(self) -> float | None:
        """Share of the ASN counted that work in instances applying talent management."""
        return self.asn_tercakup / self.asn if self.asn else None


def _long_counts(table: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    frames = []
    for col, aspek in (("pembangunan_mt", ASPEK[0]), ("penerapan_mt", ASPEK[1])):
        frames.append(
            table.filter(pl.col(col).is_not_null())
            .group_by([*by, col])
            .agg(pl.len().cast(pl.Int64).alias("jumlah"))
            .rename({col: "status"})
            .with_columns(pl.lit(aspek).alias("aspek"))
        )
    counts = pl.concat(frames) if frames else pl.DataFrame()
    keys = table.select(by).unique() if by else pl.DataFrame({"_": [0]})
    grid = keys.join(
        pl.DataFrame({"aspek": list(ASPEK)}).join(
            pl.DataFrame({"status": list(reversed(STATUS_MT))}), how="cross"
        ),
        how="cross",
    )
    if not by:
        grid = grid.drop("_")
    return (
        grid.join(counts, on=[*by, "aspek", "status"], how="left")
        .with_columns(pl.col("jumlah").fill_null(0))
        .select(*by, "aspek", "status", "jumlah")
    )


def summary(db: Database, flt: Filter, scope: Scope, as_of: date | None = None) -> MaturitySummary:
    """The table plus counts by status, by province and by level, and the ASN covered."""
    as_of = as_of or _today()
    table = status_table(db, flt, scope, as_of)
    order = {"Bali": 0, "Nusa Tenggara Barat": 1, "Nusa Tenggara Timur": 2}
    per_prov = _long_counts(table, ["provinsi"]).sort(
        pl.col("provinsi").replace_strict(order, default=9, return_dtype=pl.Int8),
        "aspek",
        pl.col("status").replace_strict({"Sudah": 0, "Proses": 1, "Belum": 2}),
    )
    per_level = (
        pl.DataFrame({"level": list(rule.LEVELS)}, schema={"level": pl.Int64})
        .join(table.group_by("level").agg(pl.len().alias("jumlah")), on="level", how="left")
        .with_columns(pl.col("jumlah").fill_null(0).cast(pl.Int64))
    )
    applying = table.filter(pl.col("penerapan_mt") == "Sudah")
    return MaturitySummary(
        tabel=table,
        per_status=_long_counts(table, []),
        per_provinsi=per_prov,
        per_level=per_level,
        instansi=table.height,
        bangun_sudah=table.filter(pl.col("pembangunan_mt") == "Sudah").height,
        terap_sudah=applying.height,
        asn=int(table["asn"].sum()),
        asn_tercakup=int(applying["asn"].sum()),
        as_of=as_of,
    )


# -- history -------------------------------------------------------------------------------
def history(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Every status row of the instances in the filter, newest first (published rows too).

    Columns: id, periode, no, nama, provinsi, pembangunan_mt, penerapan_mt, level, bukti,
    catatan, sumber, dicatat_oleh, dicatat_pada.
    """
    where, params = instansi_where(flt, scope, "i")
    sql = f"""
        SELECT k.id, k.periode, i.id AS no, i.nama, i.provinsi, k.pembangunan_mt,
               k.penerapan_mt, {_level_sql("k.pembangunan_mt", "k.penerapan_mt")} AS level,
               k.bukti, k.catatan, k.sumber, k.dicatat_oleh, k.dicatat_pada
        FROM kematangan k JOIN instansi i ON i.id = k.instansi_id
        WHERE {where}
        ORDER BY {_ORDER_LATEST}, i.id
    """
    return db.query(sql, params).with_columns(pl.col("level").cast(pl.Int64))


def periods(db: Database, flt: Filter, scope: Scope) -> list[date]:
    """Distinct status periods of the instances in the filter, oldest first."""
    where, params = instansi_where(flt, scope, "i")
    df = db.query(
        f"SELECT DISTINCT k.periode FROM kematangan k JOIN instansi i ON i.id = k.instansi_id "
        f"WHERE {where} ORDER BY 1",
        params,
    )
    return df["periode"].to_list()


def changes_since(
    db: Database, flt: Filter, scope: Scope, since: date, as_of: date | None = None
) -> pl.DataFrame:
    """Instances whose status as of `as_of` differs from their status as of `since`.

    Columns: no, nama, provinsi, pembangunan_lama, penerapan_lama, level_lama,
    pembangunan_baru, penerapan_baru, level_baru, selisih_level (new − old; NULL when there was
    no earlier status), periode, bukti, catatan, dicatat_oleh. Kanreg order.
    """
    as_of = as_of or _today()
    where, params = instansi_where(flt, scope, "i")
    sql = f"""
        WITH a AS ({_latest_sql(where, "since")}),
             b AS ({_latest_sql(where, "as_of")})
        SELECT i.id AS no, i.nama, i.provinsi,
               a.pembangunan_mt AS pembangunan_lama, a.penerapan_mt AS penerapan_lama,
               {_level_sql("a.pembangunan_mt", "a.penerapan_mt")} AS level_lama,
               b.pembangunan_mt AS pembangunan_baru, b.penerapan_mt AS penerapan_baru,
               {_level_sql("b.pembangunan_mt", "b.penerapan_mt")} AS level_baru,
               b.periode, b.bukti, b.catatan, b.sumber, b.dicatat_oleh
        FROM instansi i JOIN b ON b.instansi_id = i.id LEFT JOIN a ON a.instansi_id = i.id
        WHERE {where} AND (a.id IS NULL OR a.pembangunan_mt IS DISTINCT FROM b.pembangunan_mt
                           OR a.penerapan_mt IS DISTINCT FROM b.penerapan_mt)
        ORDER BY i.id
    """
    params |= {"since": since, "as_of": as_of}
    return db.query(sql, params).with_columns(
        pl.col("no").cast(pl.Int64),
        pl.col("level_lama").cast(pl.Int64),
        pl.col("level_baru").cast(pl.Int64),
        (pl.col("level_baru").cast(pl.Int64) - pl.col("level_lama").cast(pl.Int64)).alias(
            "selisih_level"
        ),
    )


def timeline(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Regional counts of Sudah / Proses / Belum at every status period (long form).

    Columns: periode, aspek ('Pembangunan MT' / 'Penerapan MT'), status, jumlah; zeros kept.
    At each period every instance counts with its latest status on or before that period.
    """
    where, params = instansi_where(flt, scope, "i")
    sql = f"""
        WITH d AS (SELECT DISTINCT k.periode AS per FROM kematangan k
                   JOIN instansi i ON i.id = k.instansi_id WHERE {where}),
        l AS (
            SELECT d.per, k.pembangunan_mt, k.penerapan_mt
            FROM d JOIN kematangan k ON k.periode <= d.per
                   JOIN instansi i ON i.id = k.instansi_id
            WHERE {where}
            QUALIFY row_number() OVER (PARTITION BY d.per, k.instansi_id
                                       ORDER BY {_ORDER_LATEST}) = 1
        )
        SELECT per AS periode, 'Pembangunan MT' AS aspek, pembangunan_mt AS status,
               count(*) AS jumlah FROM l GROUP BY ALL
        UNION ALL
        SELECT per, 'Penerapan MT', penerapan_mt, count(*) FROM l GROUP BY ALL
    """
    counts = db.query(sql, params)
    if counts.is_empty():
        return pl.DataFrame(
            schema={"periode": pl.Date, "aspek": pl.String, "status": pl.String, "jumlah": pl.Int64}
        )
    grid = (
        counts.select("periode")
        .unique()
        .join(pl.DataFrame({"aspek": list(ASPEK)}), how="cross")
        .join(pl.DataFrame({"status": list(reversed(STATUS_MT))}), how="cross")
    )
    return (
        grid.join(counts, on=["periode", "aspek", "status"], how="left")
        .with_columns(pl.col("jumlah").fill_null(0).cast(pl.Int64))
        .sort(
            "periode",
            "aspek",
            pl.col("status").replace_strict({"Sudah": 0, "Proses": 1, "Belum": 2}),
        )
    )


# -- recording a new status -----------------------------------------------------------------
def validate_status(
    db: Database,
    scope: Scope,
    instansi_id: int,
    periode: date,
    pembangunan: str,
    penerapan: str,
    bukti: str,
    catatan: str | None,
    *,
    today: date | None = None,
) -> list[str]:
    """Indonesian messages for everything wrong with a status record (empty = acceptable)."""
    errors: list[str] = []
    today = today or _today()
    if scope.aggregates_only or not can(scope, "record_status"):
        errors.append(
            f"Peran Anda ({scope.role}) tidak berwenang mencatat status MT (hanya staf Kanreg)."
        )
    if not scope.allows_instansi(instansi_id) or not db.scalar(
        "SELECT count(*) FROM instansi WHERE id = $i", {"i": instansi_id}
    ):
        errors.append("Instansi tidak dikenal atau di luar cakupan akses Anda.")
    if not isinstance(periode, date):
        errors.append("Tanggal periode wajib diisi.")
    else:
        if isinstance(periode, datetime):
            periode = periode.date()
        if periode > today:
            errors.append("Tanggal periode tidak boleh di masa depan.")
        if periode < PUBLISHED_PERIOD:
            errors.append(
                "Tanggal periode tidak boleh sebelum periode pertama (tabel publikasi Kanreg X, "
                f"{PUBLISHED_PERIOD.day:02d}-{PUBLISHED_PERIOD.month:02d}-{PUBLISHED_PERIOD.year})."
            )
    unknown = [s for s in (pembangunan, penerapan) if s not in rule.STATUSES]
    if unknown:
        errors.append(
            f"Status tidak dikenal: {', '.join(map(str, unknown))}; "
            f"gunakan {', '.join(rule.STATUSES)}."
        )
    else:
        msg = rule.inconsistency(pembangunan, penerapan)
        if msg:
            errors.append(msg)
    if bukti not in rule.EVIDENCE_LEVELS:
        errors.append(f"Pilih tingkat bukti: {', '.join(rule.EVIDENCE_LEVELS)}.")
    if catatan is not None and len(catatan) > MAX_CATATAN:
        errors.append(f"Catatan terlalu panjang (maksimal {MAX_CATATAN} karakter).")
    return errors


def record_status(
    db: Database,
    scope: Scope,
    instansi_id: int,
    periode: date,
    pembangunan: str,
    penerapan: str,
    bukti: str,
    catatan: str | None = None,
    *,
    today: date | None = None,
) -> int:
    """Record a new MT status of an instance as a NEW row (sumber 'pengguna'), with audit.

    Raises StatusRefused (Indonesian message; nothing is written).
    Returns the id of the new kematangan row. Published rows are never touched.
    """
    errors = validate_status(
        db, scope, instansi_id, periode, pembangunan, penerapan, bukti, catatan, today=today
    )
    if errors:
        raise StatusRefused(" ".join(errors))
    if isinstance(periode, datetime):
        periode = periode.date()
    note = (catatan or "").strip() or None
    details: dict[str, Any] = {
        "instansi_id": instansi_id,
        "periode": periode.isoformat(),
        "pembangunan_mt": pembangunan,
        "penerapan_mt": penerapan,
        "bukti": bukti,
        "catatan": note,
    }
    with db.transaction(scope.user, ACTION_RECORD, f"instansi:{instansi_id}", details) as cur:
        rows = cur.execute(
            """INSERT INTO kematangan (instansi_id, periode, pembangunan_mt, penerapan_mt,
                   bukti, catatan, sumber, dicatat_oleh, dicatat_pada)
               VALUES ($i, $per, $b, $p, $bukti, $cat, 'pengguna', $oleh, $pada)
               RETURNING id""",
            {
                "i": instansi_id,
                "per": periode,
                "b": pembangunan,
                "p": penerapan,
                "bukti": bukti,
                "cat": note,
                "oleh": scope.user,
                "pada": datetime.now(),
            },
        ).fetchall()
    return int(rows[0][0])


# -- exports -------------------------------------------------------------------------------
def export_kematangan(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Current status table in the import/export contract columns (EXPORT_COLUMNS)."""
    rows = _status_rows(db, flt, scope, _today())
    return rows.select(
        pl.col("no"),
        pl.col("nama").alias("nama_instansi"),
        "pembangunan_mt",
        "penerapan_mt",
        pl.col("level").alias("level_kematangan"),
        "skor_ism",
        "tahun_ism",
    )


def tabel_kanreg(
    db: Database, flt: Filter, scope: Scope, as_of: date | None = None
) -> pl.DataFrame:
    """The table laid out like the Kanreg's published one (KANREG_COLUMNS), as of a date."""
    rows = _status_rows(db, flt, scope, as_of or _today())
    return rows.select(
        pl.col("no"),
        pl.col("nama"),
        pl.lit(KANREG).alias("kanreg"),
        "pembangunan_mt",
        "penerapan_mt",
        "level",
        "skor_ism",
        "kategori_ism",
        "tahun_ism",
    ).rename(dict(zip(
        ["no", "nama", "kanreg", "pembangunan_mt", "penerapan_mt", "level", "skor_ism",
         "kategori_ism", "tahun_ism"],
        KANREG_COLUMNS,
        strict=True,
    )))  # fmt: skip
