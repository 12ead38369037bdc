"""Regional overview (landing page): headline figures and a per-province summary.

Workforce figures per instance (ASN counted, PNS meeting 20 JP, talent pool) come from one
aggregate query, `workforce_by_instansi`, which the maturity table reuses. Everything is
aggregated inside DuckDB; Polars only shapes the ≤44-row results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from analytics.filters import Filter, Scope, employee_where, instansi_where
from analytics.queries.common import has_year
from analytics.rules import ninebox
from analytics.rules.jp import TARGET_PNS, sql_meets
from analytics.store import Database

# Talent pool = the succession group (boxes 7–9) of the nine-box rule (analytics.rules.ninebox).
POOL_BOXES: tuple[int, ...] = ninebox.SUCCESSION_BOXES


def workforce_by_instansi(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Per instance in the filter: ASN counted, PNS, PNS meeting 20 JP, assessed, talent pool.

    Columns: instansi_id, asn, pns, pns_20jp, dinilai (people with a box), talent_pool.
    Only instances with at least one employee in the filter appear.

    - PNS for the 20 JP rule: status PNS, not retired before the year, started by its end
      (the population convention of analytics.rules.jp); people without training count as 0 JP.
    - Box: SKP predikat of the year × latest potential assessment in or before the year
      (analytics.rules.ninebox); an active calibration of the year replaces the computed box.
    - Talent pool: boxes 7–9 (the succession group).
    """
    fast = _workforce_from_aggregates(db, flt, scope)
    if fast is not None:
        return fast
    where, params = employee_where(flt, scope, "p")
    k_idx, k_params = ninebox.kinerja_sql("predikat")
    p_idx, p_params = ninebox.potensial_sql("pot_level", "pot_skor")
    if db.scalar("SELECT count(*) > 0 FROM agg_kotak WHERE tahun = $t", {"t": flt.tahun}):
        # Pre-aggregate (analytics.aggregates.refresh_agg_kotak): the year's predikat and the
        # latest potential assessment in or before the year, per person.
        src = "(SELECT nip, predikat, pot_level, pot_skor FROM agg_kotak WHERE tahun = $tahun)"
    else:
        src = """(SELECT coalesce(k.nip, pt.nip) AS nip, k.predikat, pt.a.level AS pot_level,
                         pt.a.skor AS pot_skor
                  FROM (SELECT nip, any_value(predikat) AS predikat FROM kinerja
                        WHERE tahun = $tahun GROUP BY nip) k
                  FULL JOIN (SELECT nip, arg_max({'level': level, 'skor': skor}, tahun) AS a
                             FROM potensial WHERE tahun <= $tahun
                               AND (level IS NOT NULL OR skor IS NOT NULL) GROUP BY nip) pt
                    ON pt.nip = k.nip)"""
    sql = f"""
        WITH p AS (
            SELECT p.nip, p.instansi_id, p.status_kepegawaian = 'PNS'
                   AND p.tanggal_pensiun > make_date($tahun, 1, 1)
                   AND (p.tmt_cpns IS NULL OR p.tmt_cpns <= make_date($tahun, 12, 31)) AS pns
            FROM pegawai p WHERE {where}
        ),
        a AS (SELECT nip, {k_idx} AS k_idx, {p_idx} AS p_idx FROM {src}),
        j AS (SELECT nip, jp FROM agg_jp WHERE tahun = $tahun),
        kal AS (SELECT nip, arg_max(kotak_baru, pada) AS kotak FROM kalibrasi
                WHERE aktif AND tahun = $tahun GROUP BY nip),
        x AS (
            SELECT p.instansi_id, p.pns, coalesce(j.jp, 0) AS jp,
                   coalesce(kal.kotak, {ninebox.box_sql("a.k_idx", "a.p_idx")}) AS kotak
            FROM p LEFT JOIN a ON a.nip = p.nip
                   LEFT JOIN j ON j.nip = p.nip LEFT JOIN kal ON kal.nip = p.nip
        )
        SELECT instansi_id,
               count(*) AS asn,
               count(*) FILTER (WHERE pns) AS pns,
               count(*) FILTER (WHERE pns AND {sql_meets("jp", "$t_pns")}) AS pns_20jp,
               count(kotak) AS dinilai,
               count(*) FILTER (WHERE list_contains($pool, kotak)) AS talent_pool
        FROM x GROUP BY instansi_id ORDER BY instansi_id
    """
    params |= (
        k_params
        | p_params
        | {
            "tahun": flt.tahun,
            "t_pns": TARGET_PNS,
            "pool": list(POOL_BOXES),
        }
    )
    return db.query(sql, params).with_columns(pl.col("instansi_id").cast(pl.Int64))


def _workforce_from_aggregates(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame | None:
    """`workforce_by_instansi` from the pre-aggregates (issue 8), or None when the year is not
    in them: people and boxes from the count cube agg_kotak_kubus (the year's active
    calibrations applied on top, few rows), PNS and 20 JP from agg_jp_pegawai (whose rows are
    exactly the year's JP population). Same results as the person-level query."""
    if not (
        has_year(db, "agg_kotak_kubus", flt.tahun) and has_year(db, "agg_jp_pegawai", flt.tahun)
    ):
        return None
    k_idx, params = ninebox.kinerja_sql("c.predikat")
    p_idx, p_params = ninebox.potensial_sql("c.pot_level", "c.pot_skor")
    where_c, w_params = employee_where(flt, scope, "c")
    params |= p_params | w_params | {"tahun": flt.tahun, "pool": list(POOL_BOXES)}
    params["t_pns"] = TARGET_PNS
    box = ninebox.box_sql("k_idx", "p_idx")
    k_a, _ = ninebox.kinerja_sql("a.predikat")
    p_a, _ = ninebox.potensial_sql("a.pot_level", "a.pot_skor")
    where_p, _ = employee_where(flt, scope, "p")
    # One statement (each round trip costs milliseconds): the cube per instance, the active
    # calibrations of the year moving people from the computed box to the calibrated one (the
    # cube holds computed boxes only), and PNS meeting 20 JP from agg_jp_pegawai.
    sql = f"""
        WITH cube AS (
            SELECT instansi_id, sum(n) AS asn,
                   coalesce(sum(n) FILTER (WHERE kotak IS NOT NULL), 0) AS dinilai,
                   coalesce(sum(n) FILTER (WHERE list_contains($pool, kotak)), 0) AS talent_pool
            FROM (SELECT instansi_id, n, {box} AS kotak
                  FROM (SELECT c.instansi_id, c.n, {k_idx} AS k_idx, {p_idx} AS p_idx
                        FROM agg_kotak_kubus c WHERE c.tahun = $tahun AND {where_c}))
            GROUP BY instansi_id),
        cal AS (
            SELECT instansi_id,
                   sum(CAST(baru IS NOT NULL AS INTEGER) - CAST(asli IS NOT NULL AS INTEGER))
                     AS d_dinilai,
                   sum(CAST(coalesce(list_contains($pool, baru), FALSE) AS INTEGER)
                       - CAST(coalesce(list_contains($pool, asli), FALSE) AS INTEGER)) AS d_pool
            FROM (SELECT p.instansi_id, c.kotak AS baru, {box} AS asli
                  FROM (SELECT nip, arg_max(kotak_baru, pada) AS kotak FROM kalibrasi
                        WHERE aktif AND tahun = $tahun GROUP BY nip) c
                  JOIN pegawai p ON p.nip = c.nip
                  LEFT JOIN (SELECT nip, {k_a} AS k_idx, {p_a} AS p_idx FROM agg_kotak a
                             WHERE a.tahun = $tahun) a ON a.nip = c.nip
                  WHERE {where_p})
            GROUP BY instansi_id),
        jp AS (
            SELECT instansi_id, count(*) AS pns,
                   count(*) FILTER (WHERE {sql_meets("p.jp_12", "$t_pns")}) AS pns_20jp
            FROM agg_jp_pegawai p
            WHERE p.tahun = $tahun AND p.status_kepegawaian = 'PNS' AND {where_p}
            GROUP BY instansi_id)
        SELECT CAST(cube.instansi_id AS BIGINT) AS instansi_id,
               CAST(cube.asn AS BIGINT) AS asn,
               CAST(coalesce(jp.pns, 0) AS BIGINT) AS pns,
               CAST(coalesce(jp.pns_20jp, 0) AS BIGINT) AS pns_20jp,
               CAST(cube.dinilai + coalesce(cal.d_dinilai, 0) AS BIGINT) AS dinilai,
               CAST(cube.talent_pool + coalesce(cal.d_pool, 0) AS BIGINT) AS talent_pool
        FROM cube LEFT JOIN jp USING (instansi_id) LEFT JOIN cal USING (instansi_id)
        ORDER BY 1"""
    return db.query(sql, params)


@dataclass(frozen=True)
class Headline:
    """Headline figures of the landing page (inside the filter and scope)."""

    instansi: int  # instances in the filter
    asn: int
    pns: int
    pns_20jp: int
    dinilai: int
    talent_pool: int
    bangun: dict[str, int]  # Pembangunan MT: status -> instances
    terap: dict[str, int]  # Penerapan MT: status -> instances
    asn_tercakup: int  # ASN in instances applying MT (Penerapan Sudah)
    tahun: int
    data_as_of: date | None

    @property
    def share_20jp(self) -> float | None:
        """Share of PNS meeting 20 JP in the year (None without PNS)."""
        return self.pns_20jp / self.pns if self.pns else None

    @property
    def share_pool(self) -> float | None:
        """Talent pool as a share of people with a box."""
        return self.talent_pool / self.dinilai if self.dinilai else None

    @property
    def share_tercakup(self) -> float | None:
        """Share of the ASN counted that work in instances applying MT."""
        return self.asn_tercakup / self.asn if self.asn else None


def headline(db: Database, flt: Filter, scope: Scope, as_of: date | None = None) -> Headline:
    """Headline figures: ASN counted, instances by MT status, share meeting 20 JP, talent pool."""
    from analytics.queries.maturity import status_table

    return _headline(db, flt, status_table(db, flt, scope, as_of))


def _headline(db: Database, flt: Filter, table: pl.DataFrame) -> Headline:
    tot = table.select(
        pl.len().alias("n"),
        *(pl.col(c).fill_null(0).sum() for c in ("asn", "pns", "pns_20jp", "dinilai")),
        pl.col("talent_pool").fill_null(0).sum(),
        pl.col("asn").filter(pl.col("penerapan_mt") == "Sudah").fill_null(0).sum().alias("cov"),
    ).row(0, named=True)

    def counts(col: str) -> dict[str, int]:
        vc = dict(table.group_by(col).len().iter_rows())
        return {s: int(vc.get(s, 0)) for s in ("Sudah", "Proses", "Belum")}

    as_of_text = db.meta("data_as_of")
    return Headline(
        instansi=int(tot["n"]),
        asn=int(tot["asn"]),
        pns=int(tot["pns"]),
        pns_20jp=int(tot["pns_20jp"]),
        dinilai=int(tot["dinilai"]),
        talent_pool=int(tot["talent_pool"]),
        bangun=counts("pembangunan_mt"),
        terap=counts("penerapan_mt"),
        asn_tercakup=int(tot["cov"] or 0),
        tahun=flt.tahun,
        data_as_of=date.fromisoformat(as_of_text[:10]) if as_of_text else None,
    )


def province_summary(
    db: Database, flt: Filter, scope: Scope, as_of: date | None = None
) -> pl.DataFrame:
    """Per province: instances, built / applying MT, ASN, share meeting 20 JP, talent pool.

    Columns: provinsi, instansi, bangun_sudah, terap_sudah, asn, asn_tercakup, share_tercakup,
    pns, pns_20jp, share_20jp, talent_pool; a final row 'Total' sums the region.
    """
    from analytics.queries.maturity import status_table

    return _province_summary(status_table(db, flt, scope, as_of))


def _province_summary(table: pl.DataFrame) -> pl.DataFrame:
    aggs = [
        pl.len().alias("instansi"),
        (pl.col("pembangunan_mt") == "Sudah").sum().alias("bangun_sudah"),
        (pl.col("penerapan_mt") == "Sudah").sum().alias("terap_sudah"),
        pl.col("asn").fill_null(0).sum().alias("asn"),
        pl.col("asn").filter(pl.col("penerapan_mt") == "Sudah").fill_null(0).sum()
        .alias("asn_tercakup"),
        pl.col("pns").fill_null(0).sum().alias("pns"),
        pl.col("pns_20jp").fill_null(0).sum().alias("pns_20jp"),
        pl.col("talent_pool").fill_null(0).sum().alias("talent_pool"),
    ]  # fmt: skip
    order = {"Bali": 0, "Nusa Tenggara Barat": 1, "Nusa Tenggara Timur": 2}
    by_prov = (
        table.group_by("provinsi")
        .agg(aggs)
        .sort(pl.col("provinsi").replace_strict(order, default=9, return_dtype=pl.Int8))
    )
    total = table.select(aggs).with_columns(pl.lit("Total").alias("provinsi"))
    out = pl.concat([by_prov, total.select(by_prov.columns)], how="vertical_relaxed")
    return out.with_columns(
        pl.when(pl.col("asn") > 0)
        .then(pl.col("asn_tercakup") / pl.col("asn"))
        .alias("share_tercakup"),
        pl.when(pl.col("pns") > 0).then(pl.col("pns_20jp") / pl.col("pns")).alias("share_20jp"),
    ).select(
        "provinsi", "instansi", "bangun_sudah", "terap_sudah", "asn", "asn_tercakup",
        "share_tercakup", "pns", "pns_20jp", "share_20jp", "talent_pool",
    )  # fmt: skip


@dataclass(frozen=True)
class Landing:
    """Everything the landing page shows, from one pass over the maturity table."""

    headline: Headline
    per_status: pl.DataFrame  # aspek, status, jumlah
    per_provinsi: pl.DataFrame  # province_summary


def landing(db: Database, flt: Filter, scope: Scope, as_of: date | None = None) -> Landing:
    """Headline figures, instances per MT status and the per-province summary."""
    from analytics.queries.maturity import summary

    s = summary(db, flt, scope, as_of)
    return Landing(
        headline=_headline(db, flt, s.tabel),
        per_status=s.per_status,
        per_provinsi=_province_summary(s.tabel),
    )


def instansi_count(db: Database, flt: Filter, scope: Scope) -> int:
    """Number of instances in the filter and scope."""
    where, params = instansi_where(flt, scope, "i")
    return int(db.scalar(f"SELECT count(*) FROM instansi i WHERE {where}", params))
