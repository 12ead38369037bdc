"""Nine-box talent map (9 kotak talenta): axes, boxes, labels, recommendations, succession.

Sources:
- Layout, labels and the succession group: PermenPANRB 3/2020 on talent management, as presented
  by Kanreg X BKN Denpasar (project seed 001) and BKN (seed 000)::

      kinerja \\ potensial      Rendah   Sedang   Tinggi
      Di atas ekspektasi          4        7        9
      Sesuai ekspektasi           2        5        8
      Di bawah ekspektasi         1        3        6

  Labels: 9 Unggul / terbaik; 7, 8 Potensial; 3, 5, 6 Cukup potensial; 2, 4 Kurang sesuai;
  1 Tidak sesuai. Boxes 7–9 form the succession group (kelompok rencana suksesi).
- Recommendations per box: BKN, "Rekomendasi 9 kotak" (seed 000), quoted.
- Kinerja axis: SKP predikat of the year (PermenPANRB 6/2022): Sangat Baik -> di atas
  ekspektasi, Baik -> sesuai ekspektasi, Butuh Perbaikan / Kurang / Sangat Kurang -> di bawah
  ekspektasi. The mapping is configurable (`NineBoxConfig.kinerja_map`).
- Potential axis: the latest potential assessment in or before the year (assessment centre /
  CACT): its level (Tinggi / Sedang / Rendah) when given, else its score 0..100 against
  configurable thresholds (default: < 60 Rendah, 60 – < 80 Sedang, >= 80 Tinggi; these
  thresholds are this project's default, not a national rule — **uncertain**).
- Readiness (Ready Now / Need Development, seed 000) has no published formula; the rule here is
  this project's documented convention (see `readiness`), configurable.
- Target positions and the candidate ratio (seed 000, "Analisis Rasio", example 1:3): positions
  whose holder reaches the retirement age (BUP) within the horizon (default 12 months).

Axis indices used throughout: kinerja 0 = di bawah, 1 = sesuai, 2 = di atas ekspektasi;
potensial 0 = rendah, 1 = sedang, 2 = tinggi. The chart puts potensial on x and kinerja on y.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# Rows from the top (kinerja di atas) to the bottom; columns potensial rendah..tinggi.
LAYOUT: tuple[tuple[int, int, int], ...] = ((4, 7, 9), (2, 5, 8), (1, 3, 6))
BOXES: tuple[int, ...] = tuple(range(1, 10))

KINERJA_AXIS: tuple[str, ...] = ("Di bawah ekspektasi", "Sesuai ekspektasi", "Di atas ekspektasi")
POTENSIAL_AXIS: tuple[str, ...] = ("Rendah", "Sedang", "Tinggi")

LABEL: dict[int, str] = {
    1: "Tidak sesuai",
    2: "Kurang sesuai",
    3: "Cukup potensial",
    4: "Kurang sesuai",
    5: "Cukup potensial",
    6: "Cukup potensial",
    7: "Potensial",
    8: "Potensial",
    9: "Unggul / terbaik",
}
UNMAPPED_LABEL = "Belum dipetakan"

# Seed 000 (BKN), "Rekomendasi 9 (sembilan) kotak", quoted with spelling normalised.
RECOMMENDATION: dict[int, str] = {
    9: (
        "Disarankan agar dipromosikan dalam jabatan dan dipertahankan, masuk kelompok rencana "
        "suksesi, dan memperoleh penghargaan."
    ),
    8: (
        "Disarankan agar dipertahankan dalam jabatan, masuk kelompok rencana suksesi instansi, "
        "rotasi/perluasan jabatan dan bimbingan kinerja."
    ),
    7: (
        "Disarankan agar dipertahankan dalam jabatan, masuk kelompok rencana suksesi instansi, "
        "rotasi/pengayaan jabatan, pengembangan kompetensi dan tugas/izin belajar."
    ),
    6: (
        "Disarankan untuk ditempatkan dalam jabatan yang sesuai, bimbingan kinerja dan "
        "konseling kinerja."
    ),
    5: (
        "Disarankan untuk ditempatkan dalam jabatan yang sesuai, bimbingan kinerja dan "
        "pengembangan kompetensi."
    ),
    4: "Disarankan untuk dilakukan rotasi jabatan dan pengembangan kompetensi.",
    3: (
        "Disarankan untuk memperoleh bimbingan kinerja, konseling kinerja dan pengembangan "
        "kompetensi serta penempatan dalam jabatan yang sesuai."
    ),
    2: (
        "Disarankan untuk memperoleh bimbingan kinerja dan pengembangan kompetensi serta "
        "penempatan dalam jabatan yang sesuai."
    ),
    1: (
        "Sangat disarankan untuk tidak menduduki jabatan setingkat lebih tinggi. Disarankan agar "
        "menduduki jabatan yang sejenis dan setara."
    ),
}

SUCCESSION_BOXES: tuple[int, ...] = (7, 8, 9)

# Reasons a person is not placed on the grid (keys used in queries and UI text).
REASON_NO_SKP = "tanpa_skp"
REASON_NO_POTENTIAL = "tanpa_potensial"
REASON_NO_BOTH = "tanpa_keduanya"
REASONS: tuple[str, ...] = (REASON_NO_SKP, REASON_NO_POTENTIAL, REASON_NO_BOTH)

READY_NOW = "Ready Now"
NEED_DEVELOPMENT = "Need Development"

# Target levels and the position levels that feed them (one level below), this project's
# convention for "jabatan setingkat lebih tinggi" (PP 11/2017 career ladder). Configurable.
DEFAULT_FEEDERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("JPT Madya", ("JPT Pratama",)),
    ("JPT Pratama", ("Administrator",)),
    ("Administrator", ("Pengawas",)),
    ("Pengawas", ("Pelaksana", "Fungsional")),
)


@dataclass(frozen=True)
class NineBoxConfig:
    """Configurable parts of the nine-box rule (defaults per the module docstring)."""

    # SKP predikat -> kinerja index (0 di bawah, 1 sesuai, 2 di atas ekspektasi).
    kinerja_map: tuple[tuple[str, int], ...] = (
        ("Sangat Baik", 2),
        ("Baik", 1),
        ("Butuh Perbaikan", 0),
        ("Kurang", 0),
        ("Sangat Kurang", 0),
    )
    # Score thresholds for potential (uncertain, project default): skor < sedang -> Rendah,
    # sedang <= skor < tinggi -> Sedang, skor >= tinggi -> Tinggi.
    skor_sedang: float = 60.0
    skor_tinggi: float = 80.0
    # Use the level when the assessment gives one (True), else always derive from the score.
    prefer_level: bool = True
    succession_boxes: tuple[int, ...] = SUCCESSION_BOXES
    # Candidate ratio target: candidates per target position (seed 000 example 1:3).
    target_ratio: int = 3
    horizon_months: int = 12
    # Readiness: boxes that are Ready Now at once, and the number of consecutive years in the
    # succession group after which the other pool boxes are Ready Now as well.
    ready_boxes: tuple[int, ...] = (9,)
    ready_years_in_pool: int = 2
    feeders: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_FEEDERS
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.skor_sedang <= self.skor_tinggi <= 100:
            raise ValueError("need 0 <= skor_sedang <= skor_tinggi <= 100")
        if self.target_ratio < 1 or self.horizon_months < 1:
            raise ValueError("target_ratio and horizon_months must be positive")
        if any(k not in (0, 1, 2) for _, k in self.kinerja_map):
            raise ValueError("kinerja indices are 0, 1, 2")


DEFAULT = NineBoxConfig()


# -- pure rule functions -------------------------------------------------------------------
def box(kinerja: int, potensial: int) -> int:
    """Box number for kinerja index (0 bawah..2 atas) and potential index (0 rendah..2 tinggi)."""
    if kinerja not in (0, 1, 2) or potensial not in (0, 1, 2):
        raise ValueError("axis indices are 0, 1, 2")
    return LAYOUT[2 - kinerja][potensial]


def cell(kotak: int) -> tuple[int, int]:
    """(potensial index, kinerja index) of a box: the x and y cell of the grid."""
    for row, boxes in enumerate(LAYOUT):
        if kotak in boxes:
            return boxes.index(kotak), 2 - row
    raise ValueError(f"no box {kotak}")


def kinerja_index(predikat: str | None, cfg: NineBoxConfig = DEFAULT) -> int | None:
    """Kinerja index of an SKP predikat; None when missing or not in the mapping."""
    if predikat is None:
        return None
    return dict(cfg.kinerja_map).get(predikat.strip())


def potensial_index(
    level: str | None, skor: float | None, cfg: NineBoxConfig = DEFAULT
) -> int | None:
    """Potential index from an assessment level or score; None when neither is usable."""
    if cfg.prefer_level and level is not None and level.strip() in POTENSIAL_AXIS:
        return POTENSIAL_AXIS.index(level.strip())
    if skor is not None:
        if skor >= cfg.skor_tinggi:
            return 2
        if skor >= cfg.skor_sedang:
            return 1
        return 0
    if level is not None and level.strip() in POTENSIAL_AXIS:
        return POTENSIAL_AXIS.index(level.strip())
    return None


def box_for(
    predikat: str | None, level: str | None, skor: float | None, cfg: NineBoxConfig = DEFAULT
) -> int | None:
    """Box of a person from the year's predikat and the latest potential; None = unmapped."""
    k = kinerja_index(predikat, cfg)
    p = potensial_index(level, skor, cfg)
    return None if k is None or p is None else box(k, p)


def unmapped_reason(has_kinerja: bool, has_potential: bool) -> str | None:
    """Why a person is not on the grid (None when mapped)."""
    if has_kinerja and has_potential:
        return None
    if not has_kinerja and not has_potential:
        return REASON_NO_BOTH
    return REASON_NO_SKP if not has_kinerja else REASON_NO_POTENTIAL


def in_succession(kotak: int | None, cfg: NineBoxConfig = DEFAULT) -> bool:
    """True for boxes of the succession group (7–9 by default)."""
    return kotak is not None and kotak in cfg.succession_boxes


def readiness(kotak: int, years_in_pool: int, cfg: NineBoxConfig = DEFAULT) -> str | None:
    """Ready Now / Need Development for a succession-group member; None outside the group.

    Project convention (no published formula; seed 000 only defines the two outcomes):
    Ready Now when the box is in `cfg.ready_boxes` (box 9: high performance and high potential
    already meet the criteria for one level higher), or when the person has been in the
    succession group for at least `cfg.ready_years_in_pool` consecutive years up to this one
    (sustained results). Every other pool member is Need Development.
    """
    if not in_succession(kotak, cfg):
        return None
    if kotak in cfg.ready_boxes or years_in_pool >= cfg.ready_years_in_pool:
        return READY_NOW
    return NEED_DEVELOPMENT


def candidate_ratio(candidates: int, targets: int) -> float | None:
    """Candidates per target position (None when there is no target position)."""
    return None if targets == 0 else candidates / targets


def pool_too_thin(candidates: int, targets: int, cfg: NineBoxConfig = DEFAULT) -> bool:
    """True when there are fewer than `target_ratio` candidates per target position."""
    return targets > 0 and candidates < cfg.target_ratio * targets


def movement(kotak_a: int | None, kotak_b: int | None) -> str:
    """'naik', 'tetap', 'turun' by box number (1 lowest .. 9 highest), or 'tidak_lengkap'."""
    if kotak_a is None or kotak_b is None:
        return "tidak_lengkap"
    if kotak_b > kotak_a:
        return "naik"
    return "tetap" if kotak_b == kotak_a else "turun"


JITTER_SPREAD = 0.36  # half-width of the jitter inside a box (a box is 1 unit wide)


def jitter(nip: str) -> tuple[float, float]:
    """Deterministic offsets (dx, dy) in [-JITTER_SPREAD, JITTER_SPREAD] from the NIP.

    The same NIP lands on the same spot on every rerun and in every session; `jitter_sql`
    computes the identical values inside DuckDB (so masked queries need not return the NIP).
    """
    h = hashlib.md5(nip.encode()).hexdigest()
    a, b = int(h[:8], 16), int(h[8:16], 16)
    scale = 2 * JITTER_SPREAD / 0xFFFFFFFF
    return a * scale - JITTER_SPREAD, b * scale - JITTER_SPREAD


# -- SQL expressions implementing the same rule ---------------------------------------------
def jitter_sql(nip_col: str) -> tuple[str, str]:
    """SQL for (dx, dy) equal to `jitter(nip)`; nip_col is a trusted column reference."""
    scale = 2 * JITTER_SPREAD / 0xFFFFFFFF
    dx = f"CAST(('0x' || substr(md5({nip_col}), 1, 8)) AS BIGINT) * {scale!r} - {JITTER_SPREAD!r}"
    dy = f"CAST(('0x' || substr(md5({nip_col}), 9, 8)) AS BIGINT) * {scale!r} - {JITTER_SPREAD!r}"
    return dx, dy


def kinerja_sql(predikat_col: str, cfg: NineBoxConfig = DEFAULT) -> tuple[str, dict[str, Any]]:
    """SQL CASE giving the kinerja index of a predikat column, with bound parameters."""
    params: dict[str, Any] = {}
    whens = []
    for k in (2, 1, 0):
        names = [p for p, i in cfg.kinerja_map if i == k]
        if names:
            params[f"nb_k{k}"] = names
            whens.append(f"WHEN list_contains($nb_k{k}, {predikat_col}) THEN {k}")
    return f"(CASE {' '.join(whens)} END)", params


def potensial_sql(
    level_col: str, skor_col: str, cfg: NineBoxConfig = DEFAULT
) -> tuple[str, dict[str, Any]]:
    """SQL CASE giving the potential index from level/score columns, with bound parameters."""
    by_level = (
        f"CASE {level_col} WHEN 'Tinggi' THEN 2 WHEN 'Sedang' THEN 1 WHEN 'Rendah' THEN 0 END"
    )
    by_score = (
        f"CASE WHEN {skor_col} >= $nb_tinggi THEN 2 WHEN {skor_col} >= $nb_sedang THEN 1 "
        f"WHEN {skor_col} IS NOT NULL THEN 0 END"
    )
    order = (by_level, by_score) if cfg.prefer_level else (by_score, by_level)
    sql = f"coalesce({order[0]}, {order[1]})"
    return sql, {"nb_tinggi": cfg.skor_tinggi, "nb_sedang": cfg.skor_sedang}


def box_sql(k_expr: str, p_expr: str) -> str:
    """SQL giving the box number from kinerja and potential index expressions (NULL if any)."""
    flat = [LAYOUT[2 - k][p] for k in range(3) for p in range(3)]
    return f"([{', '.join(map(str, flat))}])[({k_expr}) * 3 + ({p_expr}) + 1]"
