"""Competency gap: required level of the position minus the level an assessment found.

Source: PermenPANRB 38/2017 on ASN competency standards (groups manajerial, sosial kultural,
teknis; levels 1 paham .. 5 ahli; a standard per position with an importance of mutlak /
penting / perlu); ../shared/domain.md, section "Competencies".

Rules implemented here:

- **gap = required level − actual level**; a positive gap is a shortfall, a negative gap a
  surplus, zero meets the standard exactly. A person is *below standard* when gap > 0.
- **Actual level** for a year Y is the level of the latest assessment of that competency in or
  before Y (an assessment of a later year is never used for an earlier one). No assessment in or
  before Y means *no assessment* (missing), which is different from a gap of zero.
- **Required level**, in order of precedence:
  1. an imported standard for the position's name (`standar_kompetensi.nama_jabatan`),
  2. an imported standard for the position type (`standar_kompetensi.jenis_jabatan`),
  3. a configurable default by position type, and by jenjang for fungsional positions.
  The default applies to every competency group. **It is this project's default, not a
  regulation** (uncertain): JPT Utama/Madya 5, JPT Pratama 4, Administrator 3, Pengawas 2,
  Pelaksana 1; fungsional by jenjang: Pemula/Terampil 1, Mahir/Penyelia/Ahli Pertama 2,
  Ahli Muda 3, Ahli Madya 4, Ahli Utama 5 (unknown jenjang 2).
- **Importance weighting** (optional): weighted gap = weight(importance) × gap. Default
  weights (uncertain, configurable): mutlak 1.5, penting 1.0, perlu 0.5, no importance given
  (e.g. a default standard) 1.0 — so that a weighted gap stays on the level scale.

Configuration lives in the frozen dataclass `GapConfig`; `DEFAULT` is what the pre-aggregates
are built with. The SQL builders return an expression and its bound parameters (prefix `g_`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Labelled in the UI as defaults that can be configured (not a national rule).
UNCERTAIN_NOTE = (
    "Standar bawaan per jenis jabatan/jenjang dan bobot kepentingan adalah nilai bawaan "
    "proyek ini yang dapat diatur, bukan ketentuan nasional."
)


@dataclass(frozen=True)
class GapConfig:
    """Configurable defaults of the gap rule (all values uncertain, see module docstring)."""

    # Default required level by position type (non-fungsional).
    standar_jenis: tuple[tuple[str, int], ...] = (
        ("JPT Utama", 5),
        ("JPT Madya", 5),
        ("JPT Pratama", 4),
        ("Administrator", 3),
        ("Pengawas", 2),
        ("Pelaksana", 1),
    )
    # Default required level of a fungsional position by jenjang.
    standar_jenjang: tuple[tuple[str, int], ...] = (
        ("Pemula", 1),
        ("Terampil", 1),
        ("Mahir", 2),
        ("Penyelia", 2),
        ("Ahli Pertama", 2),
        ("Ahli Muda", 3),
        ("Ahli Madya", 4),
        ("Ahli Utama", 5),
    )
    standar_fungsional_lain: int = 2  # fungsional with unknown jenjang
    standar_lain: int = 1  # any other / unknown position type
    # Importance weights.
    bobot: tuple[tuple[str, float], ...] = (("mutlak", 1.5), ("penting", 1.0), ("perlu", 0.5))
    bobot_tanpa_keterangan: float = 1.0


DEFAULT = GapConfig()

# Where a required level came from (stored in the pre-aggregate, shown in drill-downs).
SUMBER_JABATAN = "jabatan"  # imported standard for the position's name
SUMBER_JENIS = "jenis"  # imported standard for the position type
SUMBER_BAWAAN = "bawaan"  # configurable default


def default_standard(jenis_jabatan: str, jenjang: str | None, cfg: GapConfig = DEFAULT) -> int:
    """Default required level for a position type (and jenjang for fungsional positions)."""
    if jenis_jabatan == "Fungsional":
        return dict(cfg.standar_jenjang).get(jenjang or "", cfg.standar_fungsional_lain)
    return dict(cfg.standar_jenis).get(jenis_jabatan, cfg.standar_lain)


def required_level(
    jenis_jabatan: str,
    jenjang: str | None,
    standar_jabatan: int | None = None,
    standar_jenis: int | None = None,
    cfg: GapConfig = DEFAULT,
) -> tuple[int, str]:
    """Required level and its source: position-name standard, position-type standard, default."""
    if standar_jabatan is not None:
        return standar_jabatan, SUMBER_JABATAN
    if standar_jenis is not None:
        return standar_jenis, SUMBER_JENIS
    return default_standard(jenis_jabatan, jenjang, cfg), SUMBER_BAWAAN


def latest_level(assessments: Iterable[tuple[int, int]], tahun: int) -> int | None:
    """Level of the latest (year, level) assessment in or before `tahun`; None if none."""
    best: tuple[int, int] | None = None
    for year, level in assessments:
        if year <= tahun and (best is None or year > best[0]):
            best = (year, level)
    return None if best is None else best[1]


def gap(required: int, actual: int | None) -> int | None:
    """Required minus actual level (positive = shortfall); None when not assessed."""
    return None if actual is None else required - actual


def weight(kepentingan: str | None, cfg: GapConfig = DEFAULT) -> float:
    """Weight of an importance (mutlak / penting / perlu); the neutral weight when absent."""
    if kepentingan is None:
        return cfg.bobot_tanpa_keterangan
    return dict(cfg.bobot).get(kepentingan.strip().lower(), cfg.bobot_tanpa_keterangan)


def weighted_gap(
    required: int, actual: int | None, kepentingan: str | None, cfg: GapConfig = DEFAULT
) -> float | None:
    """Gap times the importance weight; None when not assessed."""
    g = gap(required, actual)
    return None if g is None else g * weight(kepentingan, cfg)


# -- SQL -------------------------------------------------------------------------------------


def default_standard_sql(cfg: GapConfig = DEFAULT, alias: str = "p") -> tuple[str, dict[str, Any]]:
    """SQL expression of `default_standard` on a pegawai alias, with its bound parameters."""
    a = alias
    sql = (
        f"CAST(CASE WHEN {a}.jenis_jabatan = $g_fungsional THEN "
        f"coalesce(list_extract($g_jg_val, list_position($g_jg_key, {a}.jenjang)), $g_jf_lain) "
        f"ELSE coalesce(list_extract($g_jj_val, list_position($g_jj_key, {a}.jenis_jabatan)), "
        f"$g_lain) END AS SMALLINT)"
    )
    params: dict[str, Any] = {
        "g_fungsional": "Fungsional",
        "g_jg_key": [k for k, _ in cfg.standar_jenjang],
        "g_jg_val": [v for _, v in cfg.standar_jenjang],
        "g_jf_lain": cfg.standar_fungsional_lain,
        "g_jj_key": [k for k, _ in cfg.standar_jenis],
        "g_jj_val": [v for _, v in cfg.standar_jenis],
        "g_lain": cfg.standar_lain,
    }
    return sql, params


def weight_sql(column: str, cfg: GapConfig = DEFAULT) -> tuple[str, dict[str, Any]]:
    """SQL expression of `weight` for an importance column, with its bound parameters."""
    sql = (
        f"CAST(coalesce(list_extract($g_w_val, list_position($g_w_key, lower(trim({column})))), "
        f"$g_w_none) AS DOUBLE)"
    )
    params = {
        "g_w_key": [k for k, _ in cfg.bobot],
        "g_w_val": [float(v) for _, v in cfg.bobot],
        "g_w_none": float(cfg.bobot_tanpa_keterangan),
    }
    return sql, params


def required_sql(jabatan_col: str, jenis_col: str, default_sql: str) -> tuple[str, str]:
    """SQL for the required level and its source from joined standard columns and the default.

    `jabatan_col` / `jenis_col` are the level columns of the position-name and position-type
    standards (NULL when there is none); returns (level expression, source expression).
    """
    level = f"CAST(coalesce({jabatan_col}, {jenis_col}, {default_sql}) AS SMALLINT)"
    source = (
        f"CASE WHEN {jabatan_col} IS NOT NULL THEN '{SUMBER_JABATAN}' "
        f"WHEN {jenis_col} IS NOT NULL THEN '{SUMBER_JENIS}' ELSE '{SUMBER_BAWAAN}' END"
    )
    return level, source
