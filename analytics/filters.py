"""The typed filter every page builds, the caller's scope, and the SQL they become.

Every analytics query takes a `Filter` and a `Scope` and calls `employee_where` to restrict
the `pegawai` rows it aggregates. This is the one place where access control is enforced:
a filter that asks for instances outside the scope raises `ScopeError` (refused, never
silently widened or narrowed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from analytics.domain import GOLONGAN, JENIS_JABATAN, STATUS_KEPEGAWAIAN

DEFAULT_YEAR = 2025


class ScopeError(PermissionError):
    """A request reaches beyond what the caller may see."""


class Filter(BaseModel):
    """What the user selected: instances, units, position types, golongan range, year."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tahun: int = Field(DEFAULT_YEAR, ge=2000, le=2100)
    instansi: tuple[int, ...] = ()  # instansi.id; empty = all in scope
    unit: tuple[int, ...] = ()  # unit.id; empty = all
    jenis_jabatan: tuple[str, ...] = ()  # empty = all
    golongan_min: int = Field(1, ge=1, le=17)  # golongan rank, I/a = 1 .. IV/e = 17
    golongan_max: int = Field(17, ge=1, le=17)
    status: tuple[str, ...] = ()  # PNS / PPPK; empty = both

    @field_validator("instansi", "unit")
    @classmethod
    def _sorted_ids(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(sorted(set(v)))

    @field_validator("jenis_jabatan")
    @classmethod
    def _known_jenis(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [j for j in v if j not in JENIS_JABATAN]
        if bad:
            raise ValueError(f"unknown jenis_jabatan: {', '.join(bad)}")
        return tuple(j for j in JENIS_JABATAN if j in v)

    @field_validator("status")
    @classmethod
    def _known_status(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [s for s in v if s not in STATUS_KEPEGAWAIAN]
        if bad:
            raise ValueError(f"unknown status_kepegawaian: {', '.join(bad)}")
        return tuple(s for s in STATUS_KEPEGAWAIAN if s in v)

    @model_validator(mode="after")
    def _range(self) -> Filter:
        if self.golongan_min > self.golongan_max:
            raise ValueError("golongan_min is above golongan_max")
        return self

    @property
    def golongan_label(self) -> str:
        """Golongan range as text, e.g. 'III/a–IV/e'."""
        return f"{GOLONGAN[self.golongan_min - 1]}–{GOLONGAN[self.golongan_max - 1]}"

    def with_(self, **changes: Any) -> Filter:
        """Return a validated copy with some fields changed."""
        return Filter(**{**self.model_dump(), **changes})


ROLES: tuple[str, ...] = ("admin", "analis_kanreg", "analis_instansi", "komite", "tamu")


@dataclass(frozen=True)
class Scope:
    """Who is asking and what they may see: all instances (None) or a set of ids."""

    user: str = "lokal"
    role: str = "admin"
    instansi: frozenset[int] | None = None  # None = the whole region
    masked: bool = False  # names and NIPs never leave the server when True
    aggregates_only: bool = False  # no person-level rows at all (tamu)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def allows_instansi(self, instansi_id: int) -> bool:
        """True when the instance is inside the scope."""
        return self.instansi is None or instansi_id in self.instansi

    def check(self, flt: Filter) -> None:
        """Refuse a filter that names instances outside the scope."""
        if self.instansi is None:
            return
        outside = [i for i in flt.instansi if i not in self.instansi]
        if outside:
            raise ScopeError(f"instances outside your scope: {outside}")

    def require_people(self) -> None:
        """Refuse person-level data to an aggregates-only scope."""
        if self.aggregates_only:
            raise ScopeError("this role sees aggregates only")


LOCAL_ADMIN = Scope()


def employee_where(flt: Filter, scope: Scope, alias: str = "p") -> tuple[str, dict[str, Any]]:
    """SQL condition on the pegawai alias for a filter inside a scope, with its parameters.

    The SQL text contains only fixed fragments; every value is a bound parameter whose
    name starts with `f_` (callers must not use that prefix for their own parameters).
    """
    scope.check(flt)
    a = alias
    parts: list[str] = ["TRUE"]
    params: dict[str, Any] = {}
    if scope.instansi is not None:
        parts.append(f"list_contains($f_scope, {a}.instansi_id)")
        params["f_scope"] = sorted(scope.instansi)
    if flt.instansi:
        parts.append(f"list_contains($f_instansi, {a}.instansi_id)")
        params["f_instansi"] = list(flt.instansi)
    if flt.unit:
        parts.append(f"list_contains($f_unit, {a}.unit_id)")
        params["f_unit"] = list(flt.unit)
    if flt.jenis_jabatan:
        parts.append(f"list_contains($f_jenis, {a}.jenis_jabatan)")
        params["f_jenis"] = list(flt.jenis_jabatan)
    if flt.golongan_min > 1 or flt.golongan_max < 17:
        parts.append(f"{a}.golongan_rank BETWEEN $f_gmin AND $f_gmax")
        params["f_gmin"] = flt.golongan_min
        params["f_gmax"] = flt.golongan_max
    if flt.status:
        parts.append(f"list_contains($f_status, {a}.status_kepegawaian)")
        params["f_status"] = list(flt.status)
    return " AND ".join(parts), params


def instansi_where(flt: Filter, scope: Scope, alias: str = "i") -> tuple[str, dict[str, Any]]:
    """SQL condition on an instansi alias (for instance-level tables) within the scope."""
    scope.check(flt)
    parts: list[str] = ["TRUE"]
    params: dict[str, Any] = {}
    if scope.instansi is not None:
        parts.append(f"list_contains($f_scope, {alias}.id)")
        params["f_scope"] = sorted(scope.instansi)
    if flt.instansi:
        parts.append(f"list_contains($f_instansi, {alias}.id)")
        params["f_instansi"] = list(flt.instansi)
    return " AND ".join(parts), params
