"""Distribution curve of SKP predikat by the organisation's predikat (PermenPANRB 6/2022).

Source: PermenPANRB 6/2022 on ASN performance management — the share of employees per
predikat should follow a curve set by the organisation's own predikat (seed 004, "tetapkan pola
distribusi predikat kinerja berdasarkan capaian organisasi"). The percentages below come only
from secondary sources (project domain.md) and are **uncertain**: they are configurable
defaults and the UI labels them as such.

Default constraints (share of employees with a rated predikat in the year):
- Istimewa: Sangat Baik <= 70%.
- Baik: Baik <= 70%; some (> 0%) Butuh Perbaikan / Kurang.
- Butuh Perbaikan: Butuh Perbaikan >= 60%; Sangat Baik <= 10%.
- Kurang: Kurang >= 60%; Butuh Perbaikan >= 10%; Sangat Baik <= 10%.
- Sangat Kurang: Sangat Kurang >= 60%; Kurang / Butuh Perbaikan >= 10%; no Sangat Baik (0%).
"""

from __future__ import annotations

from dataclasses import dataclass

ORG_PREDIKAT: tuple[str, ...] = ("Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
UNCERTAIN = True  # the percentages are not confirmed against the regulation's annex

OPS = ("<=", ">=", ">")


@dataclass(frozen=True)
class Constraint:
    """The combined share of `predikat` must satisfy `op share` (share in [0, 1])."""

    predikat: tuple[str, ...]
    op: str
    share: float

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown operator {self.op!r}")
        if not 0 <= self.share <= 1:
            raise ValueError("share must lie in [0, 1]")

    def holds(self, actual: float) -> bool:
        """True when the actual share satisfies the constraint (1e-9 tolerance)."""
        eps = 1e-9
        if self.op == "<=":
            return actual <= self.share + eps
        if self.op == ">=":
            return actual >= self.share - eps
        return actual > self.share + eps


@dataclass(frozen=True)
class DistributionConfig:
    """Curve per organisation predikat (defaults from the module docstring, uncertain)."""

    curves: tuple[tuple[str, tuple[Constraint, ...]], ...] = (
        ("Istimewa", (Constraint(("Sangat Baik",), "<=", 0.70),)),
        (
            "Baik",
            (
                Constraint(("Baik",), "<=", 0.70),
                Constraint(("Butuh Perbaikan", "Kurang"), ">", 0.0),
            ),
        ),
        (
            "Butuh Perbaikan",
            (
                Constraint(("Butuh Perbaikan",), ">=", 0.60),
                Constraint(("Sangat Baik",), "<=", 0.10),
            ),
        ),
        (
            "Kurang",
            (
                Constraint(("Kurang",), ">=", 0.60),
                Constraint(("Butuh Perbaikan",), ">=", 0.10),
                Constraint(("Sangat Baik",), "<=", 0.10),
            ),
        ),
        (
            "Sangat Kurang",
            (
                Constraint(("Sangat Kurang",), ">=", 0.60),
                Constraint(("Kurang", "Butuh Perbaikan"), ">=", 0.10),
                Constraint(("Sangat Baik",), "<=", 0.0),
            ),
        ),
    )

    def constraints(self, org_predikat: str) -> tuple[Constraint, ...]:
        """Constraints for an organisation predikat; KeyError if unknown."""
        return dict(self.curves)[org_predikat]


DEFAULT = DistributionConfig()


@dataclass(frozen=True)
class CheckResult:
    """One constraint evaluated on an actual distribution."""

    constraint: Constraint
    actual: float
    ok: bool


def shares(counts: dict[str, int]) -> dict[str, float]:
    """Shares per predikat from counts (empty dict when there is nobody)."""
    total = sum(counts.values())
    return {} if total == 0 else {k: v / total for k, v in counts.items()}


def check(
    counts: dict[str, int], org_predikat: str, cfg: DistributionConfig = DEFAULT
) -> list[CheckResult]:
    """Evaluate the curve of `org_predikat` on predikat counts; [] when there are no ratings."""
    s = shares(counts)
    if not s:
        return []
    out = []
    for c in cfg.constraints(org_predikat):
        actual = sum(s.get(p, 0.0) for p in c.predikat)
        out.append(CheckResult(c, actual, c.holds(actual)))
    return out
