"""Competency development hours (JP): the 20 JP a year rule, conversions, pace and projection.

Source: PP 11/2017 on ASN management (as amended by PP 17/2020), art. 203(4): every PNS has
the right to, and must take, competency development of at least **20 JP per year**;
1 JP (jam pelajaran) = **45 minutes**. Routes (LAN regulations on competency development,
10:20:70 model): *klasikal* (training, bimtek, seminar, workshop, course, penataran,
sosialisasi) and *nonklasikal* (coaching, mentoring, e-learning, job exchange, detasering,
benchmarking, practice at another agency, self-study). See ../shared/domain.md.

Rules implemented here (the queries in `analytics.queries.jp` apply the same rules in SQL):

- A person's JP for a year is the sum of the JP of their training records whose
  `tanggal_mulai` falls in that year (a course from 30 Dec to 3 Jan counts for the first
  year; a record on 31 Dec counts for that year, one on 1 Jan for the next).
- The target is met at **exactly** 20 JP (`jp >= target`): 19.5 JP does not meet it, 20 does.
- A person without records has 0 JP and is counted in the denominator, never left out.
- The 20 JP obligation is the PNS rule. PPPK are shown separately, against their own target
  (`JpConfig.target_pppk`, default 20 — **uncertain**, configurable).
- Records given in days, sessions, visits or semesters are converted with `convert` and the
  table `DEFAULT_CONVERSIONS`. **Uncertain**: the table is what some agencies use, not a
  confirmed national standard; it is a configurable default and the UI says so.
- Pace: the JP expected by a date is `target × elapsed`, where `elapsed` is the fraction of
  the year that has passed at the end of that day (1 Jan = 1/365, 31 Dec = 1).
- Projection: the JP a person reaches by 31 December at their current pace is
  `jp_so_far / elapsed`; they "will miss" when that is below the target. Because both are
  linear in `elapsed`, "projected < target" is the same set of people as "jp_so_far below
  the pace line" (`jp < target × elapsed`): the projection list and the behind-pace list
  coincide; the projection adds how many JP are still missing and how many per remaining
  month that takes.
- Population of a year: employees in the store whose CPNS/contract start (`tmt_cpns`, when
  known) is not after the as-of date and whose retirement date is after 1 January of the
  year (this project's convention; the store holds a current snapshot of the workforce).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date

JP_MINUTES = 45  # PP 11/2017: 1 JP = 45 minutes
TARGET_PNS = 20.0  # PP 11/2017 art. 203(4): at least 20 JP a year for every PNS
EPS = 1e-9

# Units a training record may be given in (Indonesian, as in import files).
UNITS: tuple[str, ...] = ("jp", "menit", "jam", "hari", "sesi", "kunjungan", "semester", "kegiatan")


@dataclass(frozen=True)
class Conversion:
    """How one kind of activity becomes JP.

    `per` maps a unit ('hari', 'sesi', ...) to JP per unit. `max_per_day` caps records given
    in JP/minutes by their number of days; `max_units_per_month` caps sessions per month.
    `actual` means the record's own JP count (formal training).
    """

    jenis: str
    jalur: str  # Klasikal / Nonklasikal
    per: tuple[tuple[str, float], ...] = ()
    max_per_day: float | None = None
    max_units_per_month: int | None = None
    actual: bool = False
    label: str = ""

    def rate(self, unit: str) -> float | None:
        """JP per unit, or None when this kind is not given in that unit."""
        return dict(self.per).get(unit)


# Uncertain as a national standard: conversions used by some agencies (domain.md).
DEFAULT_CONVERSIONS: tuple[Conversion, ...] = (
    Conversion("pelatihan", "Klasikal", actual=True, label="Pelatihan formal: JP sebenarnya"),
    Conversion("seminar", "Klasikal", per=(("hari", 4.0),), label="Seminar/konferensi: 4 JP/hari"),
    Conversion("workshop", "Klasikal", per=(("hari", 5.0),), label="Workshop: 5 JP/hari"),
    Conversion("sosialisasi", "Klasikal", per=(("hari", 4.0),), label="Sosialisasi: 4 JP/hari"),
    Conversion(
        "coaching",
        "Nonklasikal",
        per=(("sesi", 2.0),),
        max_units_per_month=2,
        label="Coaching/mentoring: 2 JP/sesi, maks. 2 sesi/bulan",
    ),
    Conversion(
        "e-learning",
        "Nonklasikal",
        per=(("hari", 3.0),),
        max_per_day=3.0,
        label="E-learning: maks. 3 JP/hari",
    ),
    Conversion("detasering", "Nonklasikal", per=(("kegiatan", 20.0),), label="Detasering: 20 JP"),
    Conversion(
        "benchmarking",
        "Nonklasikal",
        per=(("kunjungan", 10.0), ("kegiatan", 10.0)),
        label="Benchmarking: 10 JP/kunjungan",
    ),
    Conversion(
        "tugas belajar",
        "Nonklasikal",
        per=(("semester", 20.0),),
        label="Tugas/izin belajar: 20 JP/semester",
    ),
    Conversion(
        "belajar mandiri",
        "Nonklasikal",
        per=(("hari", 2.0),),
        max_per_day=2.0,
        label="Belajar mandiri: maks. 2 JP/hari",
    ),
)

# Names seen in records mapped to the conversion kinds above.
SYNONYMS: dict[str, str] = {
    "diklat": "pelatihan",
    "bimtek": "pelatihan",
    "bimbingan teknis": "pelatihan",
    "kursus": "pelatihan",
    "penataran": "pelatihan",
    "pelatihan struktural": "pelatihan",
    "pelatihan fungsional": "pelatihan",
    "pelatihan teknis": "pelatihan",
    "konferensi": "seminar",
    "seminar/konferensi": "seminar",
    "lokakarya": "workshop",
    "mentoring": "coaching",
    "coaching/mentoring": "coaching",
    "elearning": "e-learning",
    "e learning": "e-learning",
    "izin belajar": "tugas belajar",
    "tugas/izin belajar": "tugas belajar",
    "self-study": "belajar mandiri",
    "self study": "belajar mandiri",
    "studi banding": "benchmarking",
}


@dataclass(frozen=True)
class JpConfig:
    """Configurable JP settings. `target_pns` is regulation; the rest are uncertain defaults."""

    target_pns: float = TARGET_PNS
    target_pppk: float = 20.0  # uncertain: no PPPK-specific figure was found; configurable
    conversions: tuple[Conversion, ...] = field(default=DEFAULT_CONVERSIONS)

    def conversion(self, jenis: str) -> Conversion | None:
        """The conversion for a kind of activity (synonyms resolved), or None if unknown."""
        key = normalise_jenis(jenis)
        for c in self.conversions:
            if c.jenis == key:
                return c
        return None

    def target(self, status: str) -> float:
        """The yearly target for a status_kepegawaian (PNS / PPPK)."""
        return self.target_pppk if status == "PPPK" else self.target_pns


DEFAULT = JpConfig()


def normalise_jenis(jenis: str) -> str:
    """Lower-case, trimmed kind of activity with known synonyms resolved."""
    key = " ".join(jenis.strip().lower().split())
    return SYNONYMS.get(key, key)


def convert(
    jenis: str,
    amount: float,
    unit: str = "jp",
    *,
    days: float | None = None,
    months: int = 1,
    config: JpConfig = DEFAULT,
) -> float:
    """JP of one record given as `amount` of `unit` (see `UNITS`).

    - 'jp' counts as is; 'menit' is divided by 45; 'jam' (clock hours) is × 60 / 45.
      Kinds with a daily cap (e-learning 3, self-study 2) are capped at cap × `days` when
      `days` is given.
    - 'hari', 'sesi', 'kunjungan', 'semester', 'kegiatan' use the kind's rate; coaching and
      mentoring count at most 2 sessions per month over `months` months.
    - Unknown kinds are accepted only in 'jp', 'menit' or 'jam' (the record's own count).

    Raises ValueError (Indonesian message) for a negative amount, an unknown unit or a unit
    the kind has no rate for.
    """
    if amount is None or (isinstance(amount, float) and math.isnan(amount)) or amount < 0:
        raise ValueError(f"jumlah tidak valid: {amount!r}")
    u = unit.strip().lower()
    if u not in UNITS:
        raise ValueError(f"satuan tidak dikenal: {unit!r} (pilihan: {', '.join(UNITS)})")
    if days is not None and days < 0:
        raise ValueError(f"jumlah hari tidak valid: {days!r}")
    if months < 1:
        raise ValueError(f"jumlah bulan tidak valid: {months!r}")
    conv = config.conversion(jenis)
    if u in ("jp", "menit", "jam"):
        jp = float(amount) if u == "jp" else float(amount) / JP_MINUTES * (60 if u == "jam" else 1)
        if conv is not None and conv.max_per_day is not None and days is not None:
            jp = min(jp, conv.max_per_day * days)
        return jp
    rate = conv.rate(u) if conv is not None else None
    if conv is None or rate is None:
        raise ValueError(f"jenis {jenis!r} tidak dapat dikonversi dari satuan {unit!r}")
    units = float(amount)
    if conv.max_units_per_month is not None:
        units = min(units, float(conv.max_units_per_month * months))
    return units * rate


def jalur_of(jenis: str, config: JpConfig = DEFAULT) -> str | None:
    """The route (Klasikal / Nonklasikal) of a known kind of activity, else None."""
    conv = config.conversion(jenis)
    return conv.jalur if conv is not None else None


def year_of(tanggal_mulai: date) -> int:
    """The JP year of a record: the year of its start date."""
    return tanggal_mulai.year


def person_jp(records: list[tuple[date, float]], year: int, as_of: date | None = None) -> float:
    """JP of one person in `year` from (tanggal_mulai, jp) records, counted up to `as_of`."""
    end = as_of or date(year, 12, 31)
    return float(sum(jp for d, jp in records if d.year == year and d <= end))


def meets(jp: float, target: float = TARGET_PNS) -> bool:
    """True when the target is met: exactly the target counts (20 yes, 19.5 no)."""
    return jp >= target - EPS


def days_in_year(year: int) -> int:
    """365 or 366."""
    return 366 if calendar.isleap(year) else 365


def elapsed_fraction(as_of: date, year: int) -> float:
    """Share of `year` passed at the end of `as_of` (1 Jan → 1/365, 31 Dec → 1; 0 or 1 outside)."""
    if as_of < date(year, 1, 1):
        return 0.0
    if as_of >= date(year, 12, 31):
        return 1.0
    return ((as_of - date(year, 1, 1)).days + 1) / days_in_year(year)


def expected_jp(as_of: date, year: int, target: float = TARGET_PNS) -> float:
    """JP expected by `as_of` on a straight pace line to the target on 31 December."""
    return target * elapsed_fraction(as_of, year)


def projected_jp(jp_so_far: float, as_of: date, year: int) -> float | None:
    """JP at 31 December at the current pace (`jp_so_far / elapsed`); None before the year."""
    f = elapsed_fraction(as_of, year)
    if f <= 0:
        return None
    return jp_so_far / f


def on_pace(jp_so_far: float, as_of: date, year: int, target: float = TARGET_PNS) -> bool:
    """True when the person is at or above the pace line (or has already met the target)."""
    return meets(jp_so_far, target) or jp_so_far >= expected_jp(as_of, year, target) - EPS


def will_miss(jp_so_far: float, as_of: date, year: int, target: float = TARGET_PNS) -> bool:
    """True when the projection at the current pace stays below the target."""
    p = projected_jp(jp_so_far, as_of, year)
    return p is not None and not meets(p, target)


def months_left(as_of: date, year: int) -> float:
    """Months of the year left after `as_of` (31 Oct → ≈2.0), in days / average month."""
    return (1.0 - elapsed_fraction(as_of, year)) * 12


def needed_per_month(
    jp_so_far: float, as_of: date, year: int, target: float = TARGET_PNS
) -> float | None:
    """JP per remaining month still needed to reach the target; None when no time is left."""
    short = max(target - jp_so_far, 0.0)
    if short == 0:
        return 0.0
    left = months_left(as_of, year)
    return short / left if left > 0 else None


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


# SQL expressions (used by analytics.queries.jp; parameters bound by the caller).
def sql_target(status_col: str = "p.status_kepegawaian") -> str:
    """The person's target: `$t_pppk` for PPPK, `$t_pns` otherwise."""
    return f"CASE WHEN {status_col} = 'PPPK' THEN $t_pppk ELSE $t_pns END"


def sql_meets(jp_col: str = "jp", target_col: str = "target") -> str:
    """Boolean: the target is met (exactly the target counts)."""
    return f"({jp_col} >= {target_col} - {EPS})"


def sql_on_pace(jp_col: str = "jp", target_col: str = "target", frac: str = "$frac") -> str:
    """Boolean: at or above the pace line `target × elapsed` (met counts as on pace)."""
    return f"({jp_col} >= {target_col} * {frac} - {EPS} OR {sql_meets(jp_col, target_col)})"
