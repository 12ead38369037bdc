"""Queries of the nine-box page: boxes, people, employee card, succession, movement,
calibration and the SKP distribution check.

Every function takes `(db, flt, scope, ...)`. Boxes follow `analytics.rules.ninebox` (computed in
DuckDB from `agg_kotak`, or from the source tables when the pre-aggregate lacks the year). The
*calibrated* placement is the active row of `kalibrasi` for the person and year when there is
one, else the original box; the source ratings are never changed.

Person-level functions call `scope.require_people()` and select `privacy.name_sql` /
`privacy.nip_sql`. Rows carry a `kunci` column, the key to open a person's card: the NIP for
unmasked scopes, an opaque per-process hash for masked scopes (the NIP never leaves the server).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import polars as pl

from analytics.auth import ROLE_CAPABILITIES
from analytics.domain import PREDIKAT
from analytics.filters import Filter, Scope, employee_where
from analytics.privacy import name_sql, nip_sql
from analytics.queries.common import has_year
from analytics.rules import distribution as D
from analytics.rules import ninebox as R
from analytics.store import Database

_SALT = secrets.token_hex(12)  # per-process secret for masked person keys
LIST_LIMIT = 10_000  # rows of a person list sent to the browser
PAGE_ROWS = 500  # rows of a person list shown on the page (the download holds all of them)
# Above this many mapped people the chart shows box tiles only (issue 8: 3,000 markers cost
# some 150 ms per rerun to query, build and serialise; 1,000 about a third of that).
POINTS_LIMIT = 1_000
# Roles that may calibrate: single source analytics.auth.ROLE_CAPABILITIES (admin, komite).
CALIBRATION_ROLES: tuple[str, ...] = tuple(
    r for r, c in ROLE_CAPABILITIES.items() if "calibrate" in c
)
MIN_REASON = 10  # characters of a calibration reason

_PARAM = re.compile(r"\$(\w+)")
_BOX_X = [R.cell(b)[0] for b in R.BOXES]  # potensial column of box 1..9
_BOX_Y = [R.cell(b)[1] for b in R.BOXES]  # kinerja row of box 1..9


def _q(db: Database, sql: str, params: dict[str, Any]) -> pl.DataFrame:
    """Run a query binding only the parameters the SQL text names."""
    used = set(_PARAM.findall(sql))
    return db.query(sql, {k: v for k, v in params.items() if k in used})


def _cfg(cfg: R.NineBoxConfig | None) -> R.NineBoxConfig:
    return R.DEFAULT if cfg is None else cfg


def as_of(db: Database) -> date:
    """The data date (`meta.data_as_of`), else today."""
    raw = db.meta("data_as_of")
    if raw:
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            pass
    return date.today()


def _key_sql(scope: Scope, col: str) -> str:
    """SQL of the person key: the NIP, or a salted hash of it for masked scopes."""
    return f"md5({col} || $nb_salt)" if scope.masked else col


def _source(db: Database, tahun: int, tag: str) -> str:
    """Subquery with the nine-box inputs of one year (pre-aggregate or live)."""
    t = f"$nb_t{tag}"
    if has_year(db, "agg_kotak", tahun):
        return f"(SELECT nip, predikat, pot_level, pot_skor FROM agg_kotak WHERE tahun = {t})"
    return f"""(SELECT coalesce(k.nip, pt.nip) AS nip, k.predikat, pt.a.level AS pot_level,
                   pt.a.skor AS pot_skor
            FROM (SELECT nip, any_value(predikat) AS predikat FROM kinerja
                  WHERE tahun = {t} GROUP BY nip) k
            FULL JOIN (SELECT nip, arg_max({{'level': level, 'skor': skor}}, tahun) AS a
                       FROM potensial WHERE tahun <= {t}
                         AND (level IS NOT NULL OR skor IS NOT NULL) GROUP BY nip) pt
              ON pt.nip = k.nip)"""


def _has_column(db: Database, table: str, column: str) -> bool:
    """True when a pre-aggregate has the column (a read-only store built by an older version
    may lack it; then the queries compute from the columns every version has)."""
    return bool(
        db.scalar_memo(
            "SELECT count(*) > 0 FROM information_schema.columns "
            "WHERE table_name = $t AND column_name = $c",
            {"t": table, "c": column},
        )
    )


def _people_ready(db: Database, tahun: int) -> bool:
    """True when the person-year table agg_kotak_pegawai holds the year (else: live path)."""
    return _has_column(db, "agg_kotak_pegawai", "pi_bawaan_lalu") and has_year(
        db, "agg_kotak_pegawai", tahun
    )


def _default_rule(cfg: R.NineBoxConfig) -> bool:
    """True when the box rule of `cfg` is the default one baked into agg_kotak_pegawai."""
    d = R.DEFAULT
    return (cfg.kinerja_map, cfg.skor_sedang, cfg.skor_tinggi, cfg.prefer_level) == (
        d.kinerja_map,
        d.skor_sedang,
        d.skor_tinggi,
        d.prefer_level,
    )


def _axes(cfg: R.NineBoxConfig, a: str, suffix: str, baked: bool) -> tuple[str, str, dict]:
    """SQL of the kinerja and potential index of alias `a` (column suffix `suffix`): the baked
    default-rule indices when allowed, else computed from the inputs."""
    if baked and _default_rule(cfg):
        return f"{a}.k_bawaan{suffix}", f"{a}.pi_bawaan{suffix}", {}
    k_sql, params = R.kinerja_sql(f"{a}.predikat{suffix}", cfg)
    p_sql, pp = R.potensial_sql(f"{a}.pot_level{suffix}", f"{a}.pot_skor{suffix}", cfg)
    return k_sql, p_sql, {**params, **pp}


def _calibrated_year(db: Database, tahun: int) -> bool:
    """True when the year has an active calibration (else the calibration join is skipped)."""
    return bool(
        db.scalar_memo(
            "SELECT EXISTS (SELECT 1 FROM kalibrasi WHERE tahun = $t AND aktif)", {"t": tahun}
        )
    )


def _base(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig,
    calibrated: bool,
    tahun: int | None = None,
    tag: str = "0",
    prev: bool = False,
) -> tuple[str, dict[str, Any]]:
    """SQL (a subquery) with one row per filtered employee and the boxes of one year.

    Columns: all pegawai columns needed downstream, `k`, `pi` (axis indices), `kotak_asli`,
    `kotak_kal` (active calibration), `kotak` (what is shown), `alasan` (why unmapped); with
    `prev` also `kotak_lalu`, the box shown for the year before. Reads the person-year table
    agg_kotak_pegawai (one scan, no join on the NIP) when it holds the year, else pegawai
    joined with the year's inputs (and a second such subquery for `prev`).
    """
    tahun = flt.tahun if tahun is None else tahun
    where, params = employee_where(flt, scope, "p")
    t = f"$nb_t{tag}"
    params[f"nb_t{tag}"] = tahun
    ready = _people_ready(db, tahun)
    if ready:
        a, source = "p", "agg_kotak_pegawai p"
        where = f"p.tahun = {t} AND {where}"
    else:
        a, source = "a", f"pegawai p LEFT JOIN {_source(db, tahun, tag)} a ON a.nip = p.nip"
    k_sql, p_sql, rp = _axes(cfg, a, "", ready)
    params.update(rp)
    shown = "coalesce(kotak_kal, kotak_asli)" if calibrated else "kotak_asli"
    kal_col, kal_join = "CAST(NULL AS SMALLINT)", ""  # no join when the year has none
    if _calibrated_year(db, tahun):
        kal_col = "c.kotak_baru"
        kal_join = f"LEFT JOIN kalibrasi c ON c.nip = p.nip AND c.tahun = {t} AND c.aktif"
    lalu_cols = lalu_box = lalu_shown = lalu_join = ""
    if prev and ready:
        kl_sql, pl_sql, rp = _axes(cfg, "p", "_lalu", True)
        params.update(rp)
        kal = "c1.kotak_baru" if _calibrated_year(db, tahun - 1) else "CAST(NULL AS SMALLINT)"
        lalu_cols = f", {kl_sql} AS k_lalu, {pl_sql} AS pi_lalu, {kal} AS kotak_kal_lalu"
        lalu_box = f", {R.box_sql('k_lalu', 'pi_lalu')} AS kotak_asli_lalu"
        lalu_shown = (
            ", coalesce(kotak_kal_lalu, kotak_asli_lalu) AS kotak_lalu"
            if calibrated
            else ", kotak_asli_lalu AS kotak_lalu"
        )
        if kal == "c1.kotak_baru":
            lalu_join = (
                f"LEFT JOIN kalibrasi c1 ON c1.nip = p.nip AND c1.tahun = {t} - 1 AND c1.aktif"
            )
    sql = f"""(SELECT *, {shown} AS kotak, {_alasan_sql(shown)} AS alasan{lalu_shown}
        FROM (SELECT *, {R.box_sql("k", "pi")} AS kotak_asli{lalu_box}
              FROM (SELECT p.nip, p.nama, p.instansi_id, p.unit_id, p.jenis_jabatan,
                           p.nama_jabatan, p.jenjang, p.golongan, p.golongan_rank,
                           p.tanggal_pensiun, {a}.predikat, {a}.pot_level, {a}.pot_skor,
                           {k_sql} AS k, {p_sql} AS pi, {kal_col} AS kotak_kal{lalu_cols}
                    FROM {source}
                    {kal_join}
                    {lalu_join}
                    WHERE {where})))"""
    if prev and not ready:  # the year before as a second subquery joined on the NIP
        before, bp = _base(db, flt, scope, cfg, calibrated, tahun - 1, f"{tag}l")
        params.update(bp)
        sql = f"(SELECT b.*, y.kotak AS kotak_lalu FROM {sql} b LEFT JOIN {before} y ON y.nip = b.nip)"
    return sql, params


# -- box counts --------------------------------------------------------------------------------
@dataclass(frozen=True)
class BoxSummary:
    """Counts per box (1..9, zeros included) and of unmapped people by reason."""

    kotak: pl.DataFrame  # kotak, label, jumlah, persen (share of all selected people)
    belum: pl.DataFrame  # alasan, jumlah
    total: int
    dipetakan: int
    suksesi: int

    @property
    def belum_total(self) -> int:
        return self.total - self.dipetakan


def _alasan_sql(kotak: str) -> str:
    return f"""CASE WHEN {kotak} IS NOT NULL THEN NULL
                    WHEN k IS NULL AND pi IS NULL THEN '{R.REASON_NO_BOTH}'
                    WHEN k IS NULL THEN '{R.REASON_NO_SKP}'
                    ELSE '{R.REASON_NO_POTENTIAL}' END"""


def _cube_sql(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig,
    calibrated: bool,
    dims: tuple[str, ...] = (),
) -> tuple[str, dict[str, Any]] | None:
    """SQL of (dims..., kotak, alasan, n) counts from the count cube agg_kotak_kubus, with the
    year's active calibrations (few rows) as -1/+1 corrections; None when the cube cannot
    answer (no cube rows for the year, or a rule that prefers the score over the level).
    `dims` are pegawai filter columns (in both the cube and pegawai)."""
    if not cfg.prefer_level or not has_year(db, "agg_kotak_kubus", flt.tahun):
        return None
    where, params = employee_where(flt, scope, "c")
    k_sql, p_sql, rp = _axes(cfg, "c", "", _has_column(db, "agg_kotak_kubus", "pi_bawaan"))
    params.update(rp)
    params["nb_t0"] = flt.tahun
    box = R.box_sql("k", "pi")
    d = "".join(f"{x}, " for x in dims)
    cd = "".join(f"c.{x}, " for x in dims)
    sql = f"""SELECT {d}{box} AS kotak, {_alasan_sql(box)} AS alasan, n
              FROM (SELECT {cd}{k_sql} AS k, {p_sql} AS pi, c.n FROM agg_kotak_kubus c
                    WHERE c.tahun = $nb_t0 AND {where})"""
    if calibrated:  # each active calibration: -1 in the original cell, +1 in the new box
        pwhere, pparams = employee_where(flt, scope, "p")
        params.update(pparams)
        pd = "".join(f"p.{x}, " for x in dims)
        if _people_ready(db, flt.tahun):
            ka_sql, pa_sql, rp = _axes(cfg, "p", "", True)
            src = "JOIN agg_kotak_pegawai p ON p.nip = c.nip AND p.tahun = c.tahun"
        else:
            ka_sql, pa_sql, rp = _axes(cfg, "a", "", False)
            src = """JOIN pegawai p ON p.nip = c.nip
                     LEFT JOIN agg_kotak a ON a.nip = c.nip AND a.tahun = $nb_t0"""
        params.update(rp)
        sql = f"""{sql}
            UNION ALL
            SELECT {d}unnest([{box}, kotak_baru]) AS kotak,
                   unnest([{_alasan_sql(box)}, NULL]) AS alasan, unnest([-1, 1]) AS n
            FROM (SELECT {pd}{ka_sql} AS k, {pa_sql} AS pi, c.kotak_baru
                  FROM kalibrasi c {src}
                  WHERE c.tahun = $nb_t0 AND c.aktif AND {pwhere})"""
    return sql, params


def _cube_counts(
    db: Database, flt: Filter, scope: Scope, cfg: R.NineBoxConfig, calibrated: bool
) -> pl.DataFrame | None:
    """(kotak, alasan, n) from the count cube plus calibrations; None when it cannot answer."""
    got = _cube_sql(db, flt, scope, cfg, calibrated)
    if got is None:
        return None
    sql, params = got
    return _q(
        db,
        f"""SELECT CAST(kotak AS BIGINT) AS kotak, alasan, CAST(sum(n) AS BIGINT) AS n
            FROM ({sql}) GROUP BY ALL HAVING sum(n) <> 0""",
        params,
    )


def summarize(raw: pl.DataFrame, succession_boxes: tuple[int, ...] | frozenset[int]) -> BoxSummary:
    """Turn (kotak, alasan, n) counts into the nine rows, the unmapped reasons and totals."""
    total = int(raw["n"].sum()) if raw.height else 0
    by_box: dict[int, int] = {}
    by_reason: dict[str, int] = {}
    for k, a, n in raw.select("kotak", "alasan", "n").iter_rows():
        if k is not None:
            by_box[int(k)] = by_box.get(int(k), 0) + int(n)
        elif a is not None:
            by_reason[a] = by_reason.get(a, 0) + int(n)
    kotak = pl.DataFrame(
        {
            "kotak": list(R.BOXES),
            "label": [R.LABEL[b] for b in R.BOXES],
            "jumlah": [by_box.get(b, 0) for b in R.BOXES],
        },
        schema={"kotak": pl.Int64, "label": pl.String, "jumlah": pl.Int64},
    ).with_columns(persen=pl.col("jumlah") / total if total else pl.lit(0.0))
    belum = pl.DataFrame(
        {"alasan": list(R.REASONS), "jumlah": [by_reason.get(a, 0) for a in R.REASONS]},
        schema={"alasan": pl.String, "jumlah": pl.Int64},
    )
    mapped = sum(by_box.values())
    pool = sum(by_box.get(b, 0) for b in succession_boxes)
    return BoxSummary(kotak, belum, total, mapped, pool)


def box_counts(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
) -> BoxSummary:
    """People per box and unmapped people per reason, for the filter's year."""
    cfg = _cfg(cfg)
    raw = _cube_counts(db, flt, scope, cfg, calibrated)
    if raw is None:
        base, params = _base(db, flt, scope, cfg, calibrated)
        raw = _q(db, f"SELECT kotak, alasan, count(*) AS n FROM {base} b GROUP BY ALL", params)
    return summarize(raw, cfg.succession_boxes)


def export_ninebox(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Export contract: kotak, label, jumlah, persen — boxes 1..9 (zeros included) and one row
    'Belum dipetakan' with an empty kotak; persen in percent of all selected people (calibrated
    placement, default rule configuration)."""
    s = box_counts(db, flt, scope)
    rows = s.kotak.select(
        pl.col("kotak").cast(pl.Int64), "label", "jumlah", (pl.col("persen") * 100).alias("persen")
    )
    belum = pl.DataFrame(
        {
            "kotak": [None],
            "label": [R.UNMAPPED_LABEL],
            "jumlah": [s.belum_total],
            "persen": [s.belum_total / s.total * 100 if s.total else 0.0],
        },
        schema=rows.schema,
    )
    return pl.concat([rows, belum]).with_columns(pl.col("persen").round(2))


# -- people ------------------------------------------------------------------------------------
def _limit(limit: int | None, params: dict[str, Any]) -> str:
    """A LIMIT clause (bound) or nothing for `None` (the whole list, for downloads)."""
    if limit is None:
        return ""
    params["nb_limit"] = int(limit)
    return "LIMIT $nb_limit"


def _person_cols(scope: Scope, alias: str = "b") -> str:
    return (
        f"{_key_sql(scope, alias + '.nip')} AS kunci, {name_sql(scope, alias)} AS nama, "
        f"{nip_sql(scope, alias)} AS nip"
    )


def people(
    db: Database,
    flt: Filter,
    scope: Scope,
    boxes: tuple[int, ...] = (),
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
    unmapped: bool = False,
    limit: int | None = LIST_LIMIT,
) -> pl.DataFrame:
    """People of the given boxes (all mapped people when empty; unmapped ones when `unmapped`).

    Columns: kunci, nama, nip, instansi, unit, jabatan, jenis_jabatan, golongan, predikat,
    potensial, kotak, label, kotak_asli, dikalibrasi, alasan, x, y (deterministic positions on
    the 3×3 grid: box cell plus `rules.ninebox.jitter`).
    """
    scope.require_people()
    cfg = _cfg(cfg)
    base, params = _base(db, flt, scope, cfg, calibrated)
    dx, dy = R.jitter_sql("b.nip")
    if unmapped:
        cond = "b.kotak IS NULL"
    elif boxes:
        cond = "list_contains($nb_boxes, b.kotak)" if len(boxes) > 1 else "b.kotak = $nb_boxes"
        params["nb_boxes"] = [int(x) for x in boxes] if len(boxes) > 1 else int(boxes[0])
    else:
        cond = "b.kotak IS NOT NULL"
    labels = "[" + ", ".join(f"'{R.LABEL[b]}'" for b in R.BOXES) + "]"
    params["nb_salt"] = _SALT
    sql = f"""SELECT {_person_cols(scope)}, i.nama AS instansi, u.nama AS unit,
                  b.nama_jabatan AS jabatan, b.jenis_jabatan, b.golongan, b.predikat,
                  coalesce(b.pot_level, CAST(round(b.pot_skor, 1) AS VARCHAR)) AS potensial,
                  CAST(b.kotak AS SMALLINT) AS kotak, {labels}[b.kotak] AS label,
                  CAST(b.kotak_asli AS SMALLINT) AS kotak_asli,
                  (b.kotak_kal IS NOT NULL AND b.kotak_kal IS DISTINCT FROM b.kotak_asli)
                      AS dikalibrasi,
                  b.alasan,
                  {_BOX_X}[b.kotak] + {dx} AS x, {_BOX_Y}[b.kotak] + {dy} AS y
           FROM (SELECT * FROM {base} b WHERE {cond}
                 ORDER BY b.kotak DESC NULLS LAST, b.nama, b.nip
                 {_limit(limit, params)}) b
           JOIN instansi i ON i.id = b.instansi_id
           LEFT JOIN unit u ON u.id = b.unit_id
           ORDER BY b.kotak DESC NULLS LAST, b.nama, b.nip"""
    return _q(db, sql, params)  # names, keys and positions only for the rows returned


# -- employee card -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EmployeeCard:
    """Everything the employee card shows (masked per scope)."""

    identitas: dict[str, Any]
    skp: pl.DataFrame  # tahun, predikat
    potensial: pl.DataFrame  # tahun, level, skor
    kompetensi: pl.DataFrame  # kompetensi, kelompok, level, standar, sumber_standar, gap
    jp: dict[str, float]  # jp, jp_klasikal, jp_nonklasikal, kegiatan (the filter's year)
    riwayat: pl.DataFrame  # tahun, predikat, potensial, kotak_asli, kotak, label
    kalibrasi: pl.DataFrame  # tahun, kotak_asal, kotak_baru, alasan, oleh, pada, aktif
    kotak: int | None
    rekomendasi: str | None


def _resolve(db: Database, flt: Filter, scope: Scope, kunci: str) -> str | None:
    """The NIP behind a person key, if the person is inside the filter and scope."""
    where, params = employee_where(_succession_filter(flt).with_(unit=()), scope, "p")
    params.update(nb_key=kunci, nb_salt=_SALT)
    df = _q(
        db,
        f"SELECT p.nip FROM pegawai p WHERE {where} AND {_key_sql(scope, 'p.nip')} = $nb_key "
        "LIMIT 1",
        params,
    )
    return None if df.is_empty() else df["nip"][0]


def _history(
    db: Database, nip: str, cfg: R.NineBoxConfig
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    skp = db.query(
        "SELECT CAST(tahun AS INTEGER) AS tahun, any_value(predikat) AS predikat FROM kinerja "
        "WHERE nip = $n GROUP BY tahun ORDER BY tahun",
        {"n": nip},
    )
    pot = db.query(
        "SELECT CAST(tahun AS INTEGER) AS tahun, level, skor FROM potensial "
        "WHERE nip = $n AND (level IS NOT NULL OR skor IS NOT NULL) ORDER BY tahun",
        {"n": nip},
    )
    kal = db.query(
        "SELECT CAST(tahun AS INTEGER) AS tahun, kotak_asal, kotak_baru, alasan, oleh, pada, "
        "aktif FROM kalibrasi WHERE nip = $n ORDER BY pada DESC, id DESC",
        {"n": nip},
    )
    active = {
        int(t): int(b) for t, b, a in kal.select("tahun", "kotak_baru", "aktif").iter_rows() if a
    }
    rows = []
    pots = list(pot.iter_rows())
    for tahun, predikat in skp.iter_rows():
        latest = [r for r in pots if r[0] <= tahun]
        lvl, skor = (latest[-1][1], latest[-1][2]) if latest else (None, None)
        asli = R.box_for(predikat, lvl, skor, cfg)
        shown = active.get(int(tahun), asli)
        p_idx = R.potensial_index(lvl, skor, cfg)
        rows.append(
            {
                "tahun": int(tahun),
                "predikat": predikat,
                "potensial": None if p_idx is None else R.POTENSIAL_AXIS[p_idx],
                "kotak_asli": asli,
                "kotak": shown,
                "label": R.LABEL.get(shown) if shown else R.UNMAPPED_LABEL,
            }
        )
    riwayat = pl.DataFrame(
        rows,
        schema={
            "tahun": pl.Int64,
            "predikat": pl.String,
            "potensial": pl.String,
            "kotak_asli": pl.Int64,
            "kotak": pl.Int64,
            "label": pl.String,
        },
    )
    return skp, pot, riwayat, kal


def _competency(db: Database, nip: str, tahun: int) -> pl.DataFrame:
    from analytics.rules import gap as G

    default_sql, params = G.default_standard_sql(alias="p")
    level_sql, source_sql = G.required_sql("sj.l", "sn.l", default_sql)
    params.update(n=nip, t=tahun)
    return _q(
        db,
        f"""WITH lv AS (SELECT kompetensi, arg_max(level, tahun) AS level
                        FROM kompetensi WHERE nip = $n AND tahun <= $t GROUP BY kompetensi),
            p AS (SELECT * FROM pegawai WHERE nip = $n LIMIT 1),
            sj AS (SELECT s.kompetensi, max(s.level_standar) AS l FROM standar_kompetensi s, p
                   WHERE s.nama_jabatan = p.nama_jabatan GROUP BY s.kompetensi),
            sn AS (SELECT s.kompetensi, max(s.level_standar) AS l FROM standar_kompetensi s, p
                   WHERE s.nama_jabatan IS NULL AND s.jenis_jabatan = p.jenis_jabatan
                   GROUP BY s.kompetensi)
        SELECT r.nama AS kompetensi, r.kelompok, CAST(lv.level AS INTEGER) AS level,
               CAST({level_sql} AS INTEGER) AS standar, {source_sql} AS sumber_standar,
               CAST({level_sql} AS INTEGER) - CAST(lv.level AS INTEGER) AS gap
        FROM kompetensi_ref r CROSS JOIN p
        LEFT JOIN lv ON lv.kompetensi = r.nama
        LEFT JOIN sj ON sj.kompetensi = r.nama
        LEFT JOIN sn ON sn.kompetensi = r.nama
        WHERE lv.level IS NOT NULL OR sj.l IS NOT NULL OR r.kelompok <> 'teknis'
        ORDER BY r.urutan""",
        params,
    )


def employee_card(
    db: Database,
    flt: Filter,
    scope: Scope,
    kunci: str,
    cfg: R.NineBoxConfig | None = None,
) -> EmployeeCard | None:
    """The card of one person (None when the key is unknown or outside the scope/filter)."""
    scope.require_people()
    cfg = _cfg(cfg)
    nip = _resolve(db, flt, scope, kunci)
    if nip is None:
        return None
    ref = as_of(db)
    ident = _q(
        db,
        f"""SELECT {name_sql(scope, "p")} AS nama, {nip_sql(scope, "p")} AS nip,
                   i.nama AS instansi, u.nama AS unit, p.nama_jabatan AS jabatan,
                   p.jenis_jabatan, p.jenjang, p.golongan, p.status_kepegawaian AS status,
                   p.jenis_kelamin, p.pendidikan, p.tanggal_lahir, p.tmt_jabatan,
                   CAST(date_part('year', age(CAST($nb_ref AS TIMESTAMP),
                        CAST(p.tanggal_lahir AS TIMESTAMP))) AS INTEGER) AS usia,
                   CAST(p.bup AS INTEGER) AS bup, p.tanggal_pensiun
            FROM pegawai p JOIN instansi i ON i.id = p.instansi_id
            LEFT JOIN unit u ON u.id = p.unit_id WHERE p.nip = $nb_nip LIMIT 1""",
        {"nb_ref": ref, "nb_nip": nip},
    ).to_dicts()[0]
    if scope.masked:
        ident.pop("tanggal_lahir")  # a birth date identifies people together with the unit
    ident["data_per"] = ref
    skp, pot, riwayat, kal = _history(db, nip, cfg)
    now = riwayat.filter(pl.col("tahun") == flt.tahun)
    kotak = None if now.is_empty() or now["kotak"][0] is None else int(now["kotak"][0])
    jp_row = db.query(
        "SELECT jp, jp_klasikal, jp_nonklasikal, kegiatan FROM agg_jp "
        "WHERE nip = $n AND tahun = $t",
        {"n": nip, "t": flt.tahun},
    ).to_dicts()
    jp = (
        jp_row[0]
        if jp_row
        else {"jp": 0.0, "jp_klasikal": 0.0, "jp_nonklasikal": 0.0, "kegiatan": 0}
    )
    return EmployeeCard(
        identitas=ident,
        skp=skp,
        potensial=pot,
        kompetensi=_competency(db, nip, flt.tahun),
        jp=jp,
        riwayat=riwayat,
        kalibrasi=kal.drop("oleh") if scope.masked else kal,
        kotak=kotak,
        rekomendasi=R.RECOMMENDATION.get(kotak) if kotak else None,
    )


# -- succession --------------------------------------------------------------------------------
def _succession_filter(flt: Filter) -> Filter:
    """Succession looks across position levels: the jabatan and golongan filters do not apply."""
    return flt.with_(jenis_jabatan=(), golongan_min=1, golongan_max=17)


def succession_pool(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
) -> pl.DataFrame:
    """Pool (boxes 7–9) per instance and position level: counts per box, pool, headcount, share."""
    cfg = _cfg(cfg)
    sflt = _succession_filter(flt)
    cube = _cube_sql(db, sflt, scope, cfg, calibrated, ("instansi_id", "jenis_jabatan"))
    if cube is not None:  # counts per instance and level from the cube (plus calibrations)
        base, params = cube
        count = "CAST(coalesce(sum(b.n) FILTER ({}), 0) AS BIGINT)"
        having = "HAVING sum(b.n) <> 0"
    else:
        base, params = _base(db, sflt, scope, cfg, calibrated)
        base = base[1:-1]  # the subquery without its parentheses
        count = "count(*) FILTER ({})"
        having = ""
    params["nb_pool"] = list(cfg.succession_boxes)
    df = _q(
        db,
        f"""SELECT b.instansi_id, i.nama AS instansi, b.jenis_jabatan,
                   {count.format("b.kotak = 7")} AS kotak_7,
                   {count.format("b.kotak = 8")} AS kotak_8,
                   {count.format("b.kotak = 9")} AS kotak_9,
                   {count.format("list_contains($nb_pool, b.kotak)")} AS kelompok,
                   {count.format("b.kotak IS NOT NULL")} AS dipetakan,
                   {count.format("TRUE")} AS pegawai
            FROM ({base}) b JOIN instansi i ON i.id = b.instansi_id
            GROUP BY ALL {having} ORDER BY b.instansi_id""",
        params,
    )
    order = {
        j: n
        for n, j in enumerate(
            (
                "JPT Utama",
                "JPT Madya",
                "JPT Pratama",
                "Administrator",
                "Pengawas",
                "Fungsional",
                "Pelaksana",
            )
        )
    }
    return (
        df.with_columns(
            persen=pl.when(pl.col("dipetakan") > 0)
            .then(pl.col("kelompok") / pl.col("dipetakan"))
            .otherwise(None),
            _o=pl.col("jenis_jabatan").replace_strict(order, default=99),
        )
        .sort("instansi_id", "_o")
        .drop("_o")
    )


def _streak_sql(
    db: Database, flt: Filter, scope: Scope, cfg: R.NineBoxConfig, calibrated: bool
) -> tuple[str, dict[str, Any]]:
    """Per filtered person: box this year and the consecutive years in the pool up to it."""
    n = max(1, cfg.ready_years_in_pool)
    params: dict[str, Any] = {"nb_pool": list(cfg.succession_boxes)}
    parts = []
    for i in range(n):
        if i == 1:  # the year before comes with the head (one scan of the person-year table)
            parts.append("")
            continue
        sql, p = _base(
            db, flt, scope, cfg, calibrated, flt.tahun - i, str(i), prev=(i == 0 and n > 1)
        )
        params.update(p)
        parts.append(sql)
    head = parts[0]
    joins = " ".join(f"LEFT JOIN {parts[i]} y{i} ON y{i}.nip = b.nip" for i in range(2, n))
    cols = ["b.kotak", "b.kotak_lalu"] + [f"y{i}.kotak" for i in range(2, n)]
    ins = [f"CAST(coalesce(list_contains($nb_pool, {c}), FALSE) AS INTEGER)" for c in cols[:n]]
    streak = " + ".join(" * ".join(ins[: j + 1]) for j in range(n))
    sql = f"(SELECT b.*, ({streak}) AS tahun_kelompok FROM {head} b {joins})"
    return sql, params


def pool_candidates(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
    limit: int | None = LIST_LIMIT,
) -> pl.DataFrame:
    """Members of the succession group with readiness (rule: `rules.ninebox.readiness`).

    `tahun_kelompok` counts consecutive years in the group up to the filter's year, capped at
    `cfg.ready_years_in_pool`.
    """
    scope.require_people()
    cfg = _cfg(cfg)
    base, params = _streak_sql(db, _succession_filter(flt), scope, cfg, calibrated)
    params.update(
        nb_salt=_SALT,
        nb_ready=list(cfg.ready_boxes),
        nb_years=cfg.ready_years_in_pool,
    )
    return _q(
        db,
        f"""SELECT {_person_cols(scope)}, i.nama AS instansi, u.nama AS unit,
                   b.nama_jabatan AS jabatan, b.jenis_jabatan, b.golongan,
                   CAST(b.kotak AS SMALLINT) AS kotak, CAST(b.tahun_kelompok AS INTEGER)
                   AS tahun_kelompok,
                   CASE WHEN list_contains($nb_ready, b.kotak) OR b.tahun_kelompok >= $nb_years
                        THEN '{R.READY_NOW}' ELSE '{R.NEED_DEVELOPMENT}' END AS kesiapan,
                   b.tanggal_pensiun
            FROM {base} b JOIN instansi i ON i.id = b.instansi_id
            LEFT JOIN unit u ON u.id = b.unit_id
            WHERE list_contains($nb_pool, b.kotak)
            ORDER BY b.instansi_id, b.kotak DESC, b.golongan_rank DESC, b.nama, b.nip
            {_limit(limit, params)}""",
        params,
    )


def _target_window(db: Database, cfg: R.NineBoxConfig) -> tuple[date, date]:
    start = as_of(db)
    m = start.month - 1 + cfg.horizon_months
    y, mo = start.year + m // 12, m % 12 + 1
    day = min(start.day, 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31)
    return start, date(y, mo, day)


def target_positions(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
) -> pl.DataFrame:
    """Target positions per instance and level with candidates and the ratio against target.

    A target position is a position of a level in `cfg.feeders` whose holder reaches the
    retirement date within (data date, data date + horizon]. Candidates are succession-group
    members of the same instance at the feeding levels who do not retire in that window
    themselves. Columns: instansi_id, instansi, jenis_jabatan, target, kandidat, ready_now,
    rasio (candidates per target), target_rasio, kekurangan, tipis.
    """
    cfg = _cfg(cfg)
    start, end = _target_window(db, cfg)
    sflt = _succession_filter(flt)
    where, params = employee_where(sflt, scope, "p")
    params.update(nb_s=start, nb_e=end, nb_levels=[t for t, _ in cfg.feeders])
    targets = _q(
        db,
        f"""SELECT p.instansi_id, p.jenis_jabatan, count(*) AS target FROM pegawai p
            WHERE {where} AND list_contains($nb_levels, p.jenis_jabatan)
              AND p.tanggal_pensiun > $nb_s AND p.tanggal_pensiun <= $nb_e
            GROUP BY ALL""",
        params,
    )
    base, bparams = _streak_sql(db, sflt, scope, cfg, calibrated)
    bparams.update(
        nb_s=start, nb_e=end, nb_ready=list(cfg.ready_boxes), nb_years=cfg.ready_years_in_pool
    )
    feeders = _q(
        db,
        f"""SELECT b.instansi_id, b.jenis_jabatan, count(*) AS n,
                   count(*) FILTER (WHERE list_contains($nb_ready, b.kotak)
                                    OR b.tahun_kelompok >= $nb_years) AS ready
            FROM {base} b
            WHERE list_contains($nb_pool, b.kotak) AND NOT (b.tanggal_pensiun > $nb_s
                  AND b.tanggal_pensiun <= $nb_e)
            GROUP BY ALL""",
        bparams,
    )
    feeder_rows = [(t, f) for t, fs in cfg.feeders for f in fs]
    fmap = pl.DataFrame(
        {"jenis_jabatan": [t for t, _ in feeder_rows], "feeder": [f for _, f in feeder_rows]},
        schema={"jenis_jabatan": pl.String, "feeder": pl.String},
    )
    cand = (
        feeders.rename({"jenis_jabatan": "feeder"})
        .join(fmap, on="feeder")
        .group_by("instansi_id", "jenis_jabatan")
        .agg(kandidat=pl.col("n").sum(), ready_now=pl.col("ready").sum())
    )
    names = _q(db, "SELECT id AS instansi_id, nama AS instansi FROM instansi", {})
    level_order = {t: i for i, (t, _) in enumerate(cfg.feeders)}
    out = (
        targets.join(cand, on=["instansi_id", "jenis_jabatan"], how="left")
        .with_columns(
            pl.col("kandidat").fill_null(0).cast(pl.Int64),
            pl.col("ready_now").fill_null(0).cast(pl.Int64),
            pl.col("target").cast(pl.Int64),
        )
        .join(names, on="instansi_id", how="left")
        .with_columns(
            rasio=pl.col("kandidat") / pl.col("target"),
            target_rasio=pl.lit(cfg.target_ratio, pl.Int64),
            kekurangan=(pl.col("target") * cfg.target_ratio - pl.col("kandidat")).clip(0),
            _o=pl.col("jenis_jabatan").replace_strict(level_order, default=99),
        )
        .with_columns(tipis=pl.col("kekurangan") > 0)
        .sort("instansi_id", "_o")
        .drop("_o")
        .select(
            "instansi_id",
            "instansi",
            "jenis_jabatan",
            "target",
            "kandidat",
            "ready_now",
            "rasio",
            "target_rasio",
            "kekurangan",
            "tipis",
        )
    )
    return out


def target_holders(
    db: Database,
    flt: Filter,
    scope: Scope,
    cfg: R.NineBoxConfig | None = None,
    limit: int | None = None,
) -> pl.DataFrame:
    """Holders of target positions (retiring within the horizon), soonest first."""
    scope.require_people()
    cfg = _cfg(cfg)
    start, end = _target_window(db, cfg)
    where, params = employee_where(_succession_filter(flt), scope, "p")
    params.update(nb_s=start, nb_e=end, nb_levels=[t for t, _ in cfg.feeders], nb_salt=_SALT)
    return _q(
        db,
        f"""SELECT {_person_cols(scope, "p")}, i.nama AS instansi, u.nama AS unit,
                   p.nama_jabatan AS jabatan, p.jenis_jabatan, p.golongan, p.tanggal_pensiun
            FROM pegawai p JOIN instansi i ON i.id = p.instansi_id
            LEFT JOIN unit u ON u.id = p.unit_id
            WHERE {where} AND list_contains($nb_levels, p.jenis_jabatan)
              AND p.tanggal_pensiun > $nb_s AND p.tanggal_pensiun <= $nb_e
            ORDER BY p.tanggal_pensiun, p.instansi_id, p.nama
            {_limit(limit, params)}""",
        params,
    )


def target_window(db: Database, flt: Filter, scope: Scope, cfg: R.NineBoxConfig | None = None):
    """(start, end) of the target-position window: data date to data date + horizon."""
    return _target_window(db, _cfg(cfg))


# -- movement ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Movement:
    """Box-to-box moves between two years (0 stands for 'Belum dipetakan')."""

    pairs: pl.DataFrame  # dari, ke, jumlah (0 = unmapped)
    matrix: pl.DataFrame  # dari (label) x columns '9'..'1', 'Belum'
    ringkas: dict[str, int]  # naik, tetap, turun, tidak_lengkap


def transitions(
    db: Database,
    flt: Filter,
    scope: Scope,
    tahun_a: int,
    tahun_b: int,
    cfg: R.NineBoxConfig | None = None,
    calibrated: bool = True,
) -> Movement:
    """Transition counts between the boxes of year A and year B for the filtered people."""
    cfg = _cfg(cfg)
    if tahun_a == tahun_b - 1:  # consecutive years: one scan with the year before
        b_sql, params = _base(db, flt, scope, cfg, calibrated, tahun_b, "b", prev=True)
        source, dari = f"{b_sql} b", "b.kotak_lalu"
    else:
        a_sql, params = _base(db, flt, scope, cfg, calibrated, tahun_a, "a")
        b_sql, pb = _base(db, flt, scope, cfg, calibrated, tahun_b, "b")
        params.update(pb)
        source, dari = f"{a_sql} a JOIN {b_sql} b ON a.nip = b.nip", "a.kotak"
    pairs = _q(
        db,
        f"""SELECT CAST(coalesce({dari}, 0) AS INTEGER) AS dari,
                   CAST(coalesce(b.kotak, 0) AS INTEGER) AS ke, count(*) AS jumlah
            FROM {source}
            GROUP BY ALL ORDER BY dari DESC, ke DESC""",
        params,
    )
    counts = {(int(d), int(k)): int(n) for d, k, n in pairs.iter_rows()}
    cols = [*reversed(R.BOXES), 0]
    matrix = pl.DataFrame(
        {
            "dari": [str(d) if d else R.UNMAPPED_LABEL for d in cols],
            **{
                (str(k) if k else R.UNMAPPED_LABEL): [counts.get((d, k), 0) for d in cols]
                for k in cols
            },
        }
    )
    ringkas = {"naik": 0, "tetap": 0, "turun": 0, "tidak_lengkap": 0}
    for (d, k), n in counts.items():
        ringkas[R.movement(d or None, k or None)] += n
    return Movement(pairs, matrix, ringkas)


# -- calibration -------------------------------------------------------------------------------
class CalibrationError(ValueError):
    """A calibration was refused; `code` names the reason (UI text maps it)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _current(
    db: Database, flt: Filter, scope: Scope, nip: str, cfg: R.NineBoxConfig
) -> tuple[int | None, int | None]:
    """(original box, active calibrated box) of a person in the filter's year."""
    base, params = _base(db, _succession_filter(flt).with_(unit=()), scope, cfg, True)
    params["nb_nip"] = nip
    df = _q(db, f"SELECT kotak_asli, kotak_kal FROM {base} b WHERE b.nip = $nb_nip", params)
    if df.is_empty():
        return None, None
    a, k = df.row(0)
    return (None if a is None else int(a)), (None if k is None else int(k))


def calibrate(
    db: Database,
    flt: Filter,
    scope: Scope,
    kunci: str,
    kotak_baru: int,
    alasan: str,
    cfg: R.NineBoxConfig | None = None,
) -> int:
    """Record a committee calibration for the filter's year; returns the new kalibrasi id.

    The earlier active calibration of the person and year becomes inactive (kept); the source
    ratings are untouched; an audit row records who, when, from which box to which and why.
    Raises `CalibrationError` with code: peran, alasan, kotak, tidak_ditemukan,
    belum_dipetakan, sama.
    """
    cfg = _cfg(cfg)
    scope.require_people()
    if scope.role not in CALIBRATION_ROLES:
        raise CalibrationError("peran")
    reason = (alasan or "").strip()
    if len(reason) < MIN_REASON:
        raise CalibrationError("alasan")
    if not isinstance(kotak_baru, int) or kotak_baru not in R.BOXES:
        raise CalibrationError("kotak")
    nip = _resolve(db, flt, scope, kunci)
    if nip is None:
        raise CalibrationError("tidak_ditemukan")
    asli, kal = _current(db, flt, scope, nip, cfg)
    if asli is None:
        raise CalibrationError("belum_dipetakan")
    if kotak_baru == (kal if kal is not None else asli):
        raise CalibrationError("sama")
    details = {
        "nip": nip,
        "tahun": flt.tahun,
        "kotak_asal": asli,
        "kotak_sebelumnya": kal if kal is not None else asli,
        "kotak_baru": kotak_baru,
        "alasan": reason,
    }
    with db.transaction(scope.user, "kalibrasi_9kotak", f"pegawai:{nip}", details) as cur:
        cur.execute(
            "UPDATE kalibrasi SET aktif = FALSE WHERE nip = $n AND tahun = $t AND aktif",
            {"n": nip, "t": flt.tahun},
        )
        rows = cur.execute(
            """INSERT INTO kalibrasi (nip, tahun, kotak_asal, kotak_baru, alasan, oleh, pada, aktif)
               VALUES ($n, $t, $a, $b, $r, $u, $p, TRUE) RETURNING id""",
            {
                "n": nip,
                "t": flt.tahun,
                "a": asli,
                "b": kotak_baru,
                "r": reason,
                "u": scope.user,
                "p": datetime.now(),
            },
        ).fetchall()
    return int(rows[0][0])


def cancel_calibration(db: Database, flt: Filter, scope: Scope, kunci: str, alasan: str) -> bool:
    """Deactivate the active calibration of a person for the filter's year (kept as history).

    Returns False when there was none. Same refusals as `calibrate` for role and reason.
    """
    scope.require_people()
    if scope.role not in CALIBRATION_ROLES:
        raise CalibrationError("peran")
    reason = (alasan or "").strip()
    if len(reason) < MIN_REASON:
        raise CalibrationError("alasan")
    nip = _resolve(db, flt, scope, kunci)
    if nip is None:
        raise CalibrationError("tidak_ditemukan")
    n = db.scalar(
        "SELECT count(*) FROM kalibrasi WHERE nip = $n AND tahun = $t AND aktif",
        {"n": nip, "t": flt.tahun},
    )
    if not n:
        return False
    details = {"nip": nip, "tahun": flt.tahun, "alasan": reason}
    with db.transaction(scope.user, "batal_kalibrasi_9kotak", f"pegawai:{nip}", details) as cur:
        cur.execute(
            "UPDATE kalibrasi SET aktif = FALSE WHERE nip = $n AND tahun = $t AND aktif",
            {"n": nip, "t": flt.tahun},
        )
    return True


def calibrations(db: Database, flt: Filter, scope: Scope, all_rows: bool = True) -> pl.DataFrame:
    """Calibration records of the filter's year for the filtered people, newest first."""
    scope.require_people()
    where, params = employee_where(flt, scope, "p")
    params.update(nb_t=flt.tahun, nb_salt=_SALT)
    active = "" if all_rows else "AND c.aktif"
    oleh = "NULL" if scope.masked else "c.oleh"
    return _q(
        db,
        f"""SELECT {_person_cols(scope, "p")}, i.nama AS instansi,
                   CAST(c.kotak_asal AS SMALLINT) AS kotak_asal,
                   CAST(c.kotak_baru AS SMALLINT) AS kotak_baru, c.alasan,
                   {oleh} AS oleh, c.pada, c.aktif
            FROM kalibrasi c JOIN pegawai p ON p.nip = c.nip
            JOIN instansi i ON i.id = p.instansi_id
            WHERE {where} AND c.tahun = $nb_t {active}
            ORDER BY c.pada DESC, c.id DESC""",
        params,
    )


# -- SKP distribution --------------------------------------------------------------------------
def _predikat_counts(db: Database, flt: Filter, scope: Scope, dims: str = "") -> pl.DataFrame:
    """Rated employees per ([instansi_id,] predikat) of the filter's year: from the count cube
    when it holds the year (one row per person and year, like kinerja's key), else kinerja."""
    cube = has_year(db, "agg_kotak_kubus", flt.tahun)
    alias = "c" if cube else "p"
    where, params = employee_where(flt, scope, alias)
    params["nb_t"] = flt.tahun
    cols = dims.replace("instansi_id", f"{alias}.instansi_id")
    if cube:
        sql = f"""SELECT {cols}c.predikat, CAST(sum(c.n) AS BIGINT) AS n FROM agg_kotak_kubus c
                  WHERE c.tahun = $nb_t AND c.predikat IS NOT NULL AND {where} GROUP BY ALL"""
    else:
        sql = f"""SELECT {cols}k.predikat, count(*) AS n FROM pegawai p
                  JOIN kinerja k ON k.nip = p.nip AND k.tahun = $nb_t
                  WHERE {where} GROUP BY ALL"""
    return _q(db, sql, params)


def skp_distribution(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Rated employees per SKP predikat in the filter's year: predikat, jumlah, persen."""
    raw = _predikat_counts(db, flt, scope)
    got = dict(raw.iter_rows())
    total = sum(got.values())
    return pl.DataFrame(
        {
            "predikat": list(PREDIKAT),
            "jumlah": [int(got.get(p, 0)) for p in PREDIKAT],
        },
        schema={"predikat": pl.String, "jumlah": pl.Int64},
    ).with_columns(persen=pl.col("jumlah") / total if total else pl.lit(0.0))


def _check_frame(counts: dict[str, int], org: str, dcfg: D.DistributionConfig) -> pl.DataFrame:
    res = D.check(counts, org, dcfg)
    return pl.DataFrame(
        {
            "predikat": [" + ".join(r.constraint.predikat) for r in res],
            "operator": [r.constraint.op for r in res],
            "batas": [r.constraint.share for r in res],
            "aktual": [r.actual for r in res],
            "sesuai": [r.ok for r in res],
        },
        schema={
            "predikat": pl.String,
            "operator": pl.String,
            "batas": pl.Float64,
            "aktual": pl.Float64,
            "sesuai": pl.Boolean,
        },
    )


def distribution_check(
    db: Database,
    flt: Filter,
    scope: Scope,
    org_predikat: str,
    dcfg: D.DistributionConfig | None = None,
) -> pl.DataFrame:
    """The curve of `org_predikat` checked on the selection: predikat, operator, batas, aktual,
    sesuai (empty when nobody is rated)."""
    dist = skp_distribution(db, flt, scope)
    counts = dict(dist.select("predikat", "jumlah").iter_rows())
    return _check_frame(counts, org_predikat, dcfg or D.DEFAULT)


def distribution_by_instansi(
    db: Database,
    flt: Filter,
    scope: Scope,
    org_predikat: str,
    dcfg: D.DistributionConfig | None = None,
) -> pl.DataFrame:
    """Per instance: rated employees, share per predikat, and the number of breached limits of
    the `org_predikat` curve (one organisation predikat assumed for every instance)."""
    dcfg = dcfg or D.DEFAULT
    raw = _predikat_counts(db, flt, scope, "instansi_id, ")
    names = dict(_q(db, "SELECT id, nama FROM instansi", {}).iter_rows())
    rows = []
    by_inst: dict[int, dict[str, int]] = {}
    for iid, pred, n in raw.iter_rows():
        by_inst.setdefault(int(iid), {})[pred] = int(n)
    for iid in sorted(by_inst):
        counts = by_inst[iid]
        total = sum(counts.values())
        res = D.check(counts, org_predikat, dcfg)
        row: dict[str, Any] = {"instansi_id": iid, "instansi": names.get(iid), "dinilai": total}
        for p in PREDIKAT:
            row[p] = counts.get(p, 0) / total if total else 0.0
        row["pelanggaran"] = sum(not r.ok for r in res)
        rows.append(row)
    schema = {"instansi_id": pl.Int64, "instansi": pl.String, "dinilai": pl.Int64}
    schema.update({p: pl.Float64 for p in PREDIKAT})
    schema["pelanggaran"] = pl.Int64
    return pl.DataFrame(rows, schema=schema)


def data_years(db: Database, flt: Filter, scope: Scope) -> list[int]:
    """SKP years present in the data (for the movement pickers)."""
    df = db.query("SELECT DISTINCT CAST(tahun AS INTEGER) AS t FROM kinerja ORDER BY 1")
    return [int(t) for t in df["t"].to_list()]
