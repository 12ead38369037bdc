"""Talent-management maturity of an instance: level, consistency check, merit-index category.

Sources
- Statuses: the Kanreg X BKN Denpasar table of 44 instances (seed 001 of the project), two
  columns "Pembangunan MT" (building talent management) and "Penerapan MT" (applying it),
  each Sudah / Proses / Belum. Stages and criteria: SE MenPANRB 10/2021; PermenPANRB 3/2020.
- No official 1–5 maturity scale exists (see the project's domain.md). The level below is
  **this dashboard's convention, not an official scale**, and the UI must say so:

      level = 1 + step(Pembangunan) + step(Penerapan),  step: Belum 0, Proses 1, Sudah 2

      Belum/Belum 1 · Proses/Belum 2 · Sudah/Belum 3 · Proses/Proses 3 · Sudah/Proses 4 ·
      Sudah/Sudah 5

- Consistency: talent management cannot be applied further than it has been built, so
  Penerapan may not be ahead of Pembangunan (Belum/Proses, Belum/Sudah and Proses/Sudah are
  refused). This is a data-quality rule of this dashboard derived from the order of the stages
  in SE MenPANRB 10/2021 (build the infrastructure before applying it).
- Indeks Sistem Merit (ISM, 100–400): categories I Buruk 100–174, II Kurang 175–249,
  III Baik 250–324, IV Sangat Baik 325–400 (PermenPANRB 40/2018 as cited in secondary sources).
  **Uncertain bounds**: configurable via `IsmConfig`, labelled as such in the UI. An instance
  needs ISM "Sangat Baik" to be judged ready to apply talent management (SE MenPANRB 10/2021).
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES: tuple[str, ...] = ("Belum", "Proses", "Sudah")
LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
LEVEL_IS_CONVENTION = True  # not an official scale: label it in the UI


class InconsistentStatus(ValueError):
    """A status pair that this rule refuses; the message is Indonesian, for the user."""


@dataclass(frozen=True)
class MaturityConfig:
    """Steps of each status in the level formula (this dashboard's convention)."""

    steps: tuple[tuple[str, int], ...] = (("Belum", 0), ("Proses", 1), ("Sudah", 2))
    base: int = 1

    def step(self, status: str) -> int:
        """Step of one status; InconsistentStatus for an unknown one."""
        for name, value in self.steps:
            if name == status:
                return value
        raise InconsistentStatus(
            f"Status '{status}' tidak dikenal; gunakan salah satu dari: {', '.join(STATUSES)}."
        )


@dataclass(frozen=True)
class IsmCategory:
    """One merit-index category with its published bounds (a fractional score such as 174.5
    belongs to the lower category: a category runs up to the next category's minimum)."""

    kode: str
    nama: str
    skor_min: float
    skor_max: float


@dataclass(frozen=True)
class IsmConfig:
    """ISM categories (uncertain bounds, configurable) and the category needed to apply MT."""

    categories: tuple[IsmCategory, ...] = field(
        default=(
            IsmCategory("I", "Buruk", 100, 174),
            IsmCategory("II", "Kurang", 175, 249),
            IsmCategory("III", "Baik", 250, 324),
            IsmCategory("IV", "Sangat Baik", 325, 400),
        )
    )
    uncertain: bool = True
    kategori_siap: str = "Sangat Baik"  # needed to be judged ready to apply MT


DEFAULT = MaturityConfig()
DEFAULT_ISM = IsmConfig()


def level(pembangunan: str, penerapan: str, cfg: MaturityConfig = DEFAULT) -> int:
    """Maturity level 1..5 of a status pair (convention); refuses inconsistent pairs."""
    check(pembangunan, penerapan, cfg)
    return cfg.base + cfg.step(pembangunan) + cfg.step(penerapan)


def inconsistency(pembangunan: str, penerapan: str, cfg: MaturityConfig = DEFAULT) -> str | None:
    """Indonesian message when the pair is unknown or inconsistent, else None."""
    try:
        check(pembangunan, penerapan, cfg)
    except InconsistentStatus as exc:
        return str(exc)
    return None


def check(pembangunan: str, penerapan: str, cfg: MaturityConfig = DEFAULT) -> None:
    """Raise InconsistentStatus when Penerapan MT is ahead of Pembangunan MT."""
    b, p = cfg.step(pembangunan), cfg.step(penerapan)
    if p > b:
        raise InconsistentStatus(
            f"Status tidak konsisten: Penerapan MT '{penerapan}' tidak mungkin mendahului "
            f"Pembangunan MT '{pembangunan}'. Manajemen talenta harus dibangun sebelum "
            "diterapkan; periksa kembali kedua status."
        )


def consistent_pairs(cfg: MaturityConfig = DEFAULT) -> list[tuple[str, str, int]]:
    """All allowed (pembangunan, penerapan, level) combinations, lowest level first."""
    out = [
        (b, p, cfg.base + cfg.step(b) + cfg.step(p))
        for b in STATUSES
        for p in STATUSES
        if cfg.step(p) <= cfg.step(b)
    ]
    return sorted(out, key=lambda t: (t[2], -cfg.step(t[0])))


def level_sql(pembangunan_col: str, penerapan_col: str, cfg: MaturityConfig = DEFAULT) -> str:
    """SQL expression for the level of two status columns (column names are trusted code)."""

    def step(col: str) -> str:
        whens = " ".join(f"WHEN '{name}' THEN {value}" for name, value in cfg.steps)
        return f"(CASE {col} {whens} END)"

    return f"({cfg.base} + {step(pembangunan_col)} + {step(penerapan_col)})"


def ism_category(skor: float | None, cfg: IsmConfig = DEFAULT_ISM) -> IsmCategory | None:
    """The category of a merit-index score; None when there is no score or it is out of range."""
    if skor is None:
        return None
    for cat in cfg.categories:
        if cat.skor_min <= skor <= cfg_upper(cat, cfg):
            return cat
    return None


def cfg_upper(cat: IsmCategory, cfg: IsmConfig) -> float:
    """Upper bound used for a category: up to (not including) the next category's minimum."""
    later = [c.skor_min for c in cfg.categories if c.skor_min > cat.skor_min]
    return min(later) - 1e-9 if later else cat.skor_max


def ism_label(skor: float | None, cfg: IsmConfig = DEFAULT_ISM) -> str | None:
    """'III Baik' style label of a score, or None."""
    cat = ism_category(skor, cfg)
    return None if cat is None else f"{cat.kode} {cat.nama}"


def ism_category_sql(col: str, cfg: IsmConfig = DEFAULT_ISM) -> str:
    """SQL expression giving the 'III Baik' label of a score column (NULL when none)."""
    parts = []
    for cat in cfg.categories:
        upper = cfg_upper(cat, cfg)
        parts.append(
            f"WHEN {col} >= {float(cat.skor_min)!r} AND {col} <= {float(upper)!r} "
            f"THEN '{cat.kode} {cat.nama}'"
        )
    return f"(CASE {' '.join(parts)} END)"


# Levels of evidence for a recorded status change (this dashboard's vocabulary, weakest first).
EVIDENCE_LEVELS: tuple[str, ...] = (
    "Laporan instansi",
    "Dokumen resmi",
    "Verifikasi lapangan",
    "Keputusan BKN",
)
