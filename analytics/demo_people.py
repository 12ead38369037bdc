"""Synthetic demo workforce: instance sizes, units and people (vectorised per instance).

Conventions (documented for the dashboard and the tests):
- PNS NIP: birth date yyyymmdd + TMT CPNS yyyymm + gender (1 L, 2 P) + 3-digit sequence.
- PPPK number (NI PPPK): birth date yyyymmdd + appointment year yyyy + '21' + gender + 3-digit
  sequence. The '21' in the month place follows the commonly seen NI PPPK pattern; it is never a
  calendar month, so a PPPK number can never equal a PNS NIP. PPPK have no TMT CPNS (NULL);
  their appointment date (2021-2024) is `tmt_jabatan`.
- Dates are whole months for TMT (the 1st); the data is as of 2026-10-31; retirement
  (`tanggal_pensiun`) is the 1st of the month after the BUP birthday.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from analytics.demo_names import TITLE_FAMILIES, academic_names, person_names, region_of
from analytics.demo_units import JF, PELAKSANA_HIGH, PELAKSANA_LOW, Unit, structural_slots
from analytics.domain import GOLONGAN, GOLONGAN_PPPK, PENDIDIKAN_GOLONGAN_AWAL, bup, golongan_rank

# Month indices count months since 1970-01 (numpy datetime64[M] as int).
AS_OF_MONTH = (2026 - 1970) * 12 + 9  # October 2026; data as of 2026-10-31
LAST_CPNS_MONTH = (2024 - 1970) * 12 + 11  # no CPNS appointed after December 2024
MIN_PENSION_MONTH = AS_OF_MONTH + 2  # everyone still active after 2026-11

PROVINCE_PNS: dict[str, int] = {  # BPS 2023, PNS per province
    "Bali": 73_166,
    "Nusa Tenggara Barat": 80_890,
    "Nusa Tenggara Timur": 113_014,
}
# Relative size of some kabupaten/kota (1.0 = typical); the rest vary randomly around 1.
SIZE_FACTOR: dict[str, float] = {
    "Kabupaten Buleleng": 1.45, "Kabupaten Badung": 1.25, "Kabupaten Gianyar": 1.15,
    "Kabupaten Tabanan": 1.15, "Kabupaten Karangasem": 1.05, "Kabupaten Klungkung": 0.7,
    "Kabupaten Bangli": 0.75, "Kabupaten Jembrana": 0.8, "Kota Denpasar": 1.2,
    "Kabupaten Lombok Timur": 1.9, "Kabupaten Lombok Tengah": 1.55, "Kabupaten Lombok Barat": 1.2,
    "Kabupaten Bima": 1.25, "Kabupaten Sumbawa": 1.1, "Kabupaten Lombok Utara": 0.55,
    "Kabupaten Sumbawa Barat": 0.5, "Kota Bima": 0.65, "Kota Mataram": 1.1,
    "Kabupaten Timor Tengah Selatan": 1.5, "Kabupaten Kupang": 1.2, "Kabupaten Manggarai": 1.15,
    "Kabupaten Sikka": 1.1, "Kabupaten Sumba Tengah": 0.45, "Kabupaten Sabu Raijua": 0.45,
    "Kabupaten Nagekeo": 0.6, "Kabupaten Malaka": 0.7, "Kabupaten Sumba Barat": 0.6,
    "Kabupaten Lembata": 0.7, "Kabupaten Rote Ndao": 0.7, "Kota Kupang": 1.1,
}  # fmt: skip
PROVINCE_GOV_SHARE = {"Bali": 0.14, "Nusa Tenggara Barat": 0.14, "Nusa Tenggara Timur": 0.11}

# Roles (internal codes).
JPT_MADYA, JPT_PRATAMA, ADMIN, PENGAWAS, AHLI, TERAMPIL, PELAKSANA = range(7)
ROLE_JENIS = ("JPT Madya", "JPT Pratama", "Administrator", "Pengawas", "Fungsional", "Fungsional",
              "Pelaksana")  # fmt: skip
# Education codes (index into EDU) with entry golongan rank, cap and CPNS entry ages.
EDU = ("SD", "SMP", "SMA", "D3", "S1", "D4", "S2", "S3")
SMP, SMA, D3, S1, D4, S2, S3 = range(1, 8)
EDU_ENTRY = np.array([golongan_rank(PENDIDIKAN_GOLONGAN_AWAL[e]) for e in EDU])
EDU_CAP = np.array([7, 8, 11, 12, 14, 14, 15, 16])
EDU_AGE_LO = np.array([19, 19, 19, 21, 23, 22, 25, 28])
EDU_AGE_HI = np.array([26, 27, 28, 31, 34, 33, 35, 35])
# Unit families (index into FAMILIES).
FAMILIES = ("pendidikan", "kesehatan", "rsud", "keuangan", "infrastruktur", "umum")
F_PENDIDIKAN, F_KESEHATAN, F_RSUD = 0, 1, 2
_TITLE_FAMILY = np.array([TITLE_FAMILIES.index(f) for f in
                          ("pendidikan", "kesehatan", "kesehatan", "keuangan", "infrastruktur",
                           "umum")])  # fmt: skip
# Jenjang codes: 0 none.
JENJANG = (None, "Terampil", "Mahir", "Penyelia", "Ahli Pertama", "Ahli Muda", "Ahli Madya",
           "Ahli Utama")  # fmt: skip
# CPNS hiring by year (relative): recruitment waves and the 2011-2013 moratorium.
_CPNS_YEARS = np.arange(1984, 2025)
_CPNS_W = np.array([0.6 if y < 1990 else 1.0 if y < 2000 else 0.8 if y < 2005 else 1.6 if y < 2010
                    else 0.5 if y < 2014 else 0.3 if y < 2017 else 1.2 if y < 2020
                    else 1.4 if y < 2022 else 0.4 if y < 2024 else 1.1 for y in _CPNS_YEARS])  # fmt: skip
_PPPK_YEARS = np.array([2021, 2022, 2023, 2024])
_PPPK_W = np.array([0.12, 0.28, 0.3, 0.3])


@dataclass
class Instance:
    """One instance row of the reference table."""

    id: int
    nama: str
    jenis: str
    provinsi: str
    ibukota: str


def instance_sizes(rng: np.random.Generator, inst: list[Instance], employees: int) -> np.ndarray:
    """Employees per instance: province shares of PNS, province government the largest."""
    n = len(inst)
    if employees < 5 * n:
        raise ValueError(f"at least {5 * n} employees are needed for {n} instances")
    prov_total = sum(
        PROVINCE_PNS.get(i.provinsi, 80_000) for i in {x.provinsi: x for x in inst}.values()
    )
    w = np.zeros(n)
    for prov in dict.fromkeys(i.provinsi for i in inst):
        idx = [k for k, i in enumerate(inst) if i.provinsi == prov]
        local = np.array(
            [SIZE_FACTOR.get(inst[k].nama, 1.0) * rng.lognormal(0.0, 0.12) for k in idx]
        )
        is_prov = np.array([inst[k].jenis == "provinsi" for k in idx])
        local[is_prov] = 0.0
        local = local / local.sum() * (1.0 - PROVINCE_GOV_SHARE.get(prov, 0.12) * is_prov.any())
        gov = PROVINCE_GOV_SHARE.get(prov, 0.12) * rng.lognormal(0.0, 0.05)
        local[is_prov] = max(gov, 1.3 * local.max())
        local = local / local.sum() * PROVINCE_PNS.get(prov, 80_000) / prov_total
        w[idx] = local
    floor = 5
    raw = w / w.sum() * (employees - floor * n)
    sizes = np.floor(raw).astype(np.int64)
    rest = employees - floor * n - sizes.sum()
    order = np.argsort(-(raw - sizes), kind="stable")
    sizes[order[:rest]] += 1
    return sizes + floor


def _choice(rng: np.random.Generator, probs: tuple, n: int) -> np.ndarray:
    p = np.asarray(probs, dtype=float)
    return rng.choice(len(p), n, p=p / p.sum())


def _month_to_date(month: np.ndarray) -> np.ndarray:
    return month.astype("datetime64[M]").astype("datetime64[D]")


def _plan_positions(rng: np.random.Generator, inst: Instance, size: int, units: list[Unit]):
    """Per-person role, unit index, title id (into the returned vocab) and job attributes."""
    vocab: dict[str, int] = {}

    def tid(t: str) -> int:
        return vocab.setdefault(t, len(vocab))

    slots_jpt: list[tuple[str, str, int]] = []
    extra_jpt: list[tuple[str, str, int]] = []
    slots_adm: list[tuple[str, int]] = []
    slots_peng: list[tuple[str, int]] = []
    for u_idx, unit in enumerate(units):
        jpt, adm, peng = structural_slots(unit, inst.jenis)
        if jpt:
            slots_jpt.append((*jpt[0], u_idx))
            extra_jpt += [(*j, u_idx) for j in jpt[1:]]
        slots_adm += [(a, u_idx) for a in adm]
        slots_peng += [(p, u_idx) for p in peng]
    slots_jpt += extra_jpt
    n_jpt = min(len(slots_jpt), max(1, round(size * 0.0045)))
    n_adm = round(size * 0.023) if size >= 40 else int(size >= 12)
    n_peng = round(size * 0.062) if size >= 40 else int(size >= 8) + int(size >= 25)
    rest = size - n_jpt - n_adm - n_peng
    fung_share = float(np.clip(0.615 + rng.normal(0, 0.025), 0.55, 0.68))
    n_fung = round(rest * fung_share)
    n_pel = rest - n_fung

    rows: list[tuple[int, int, int, float]] = []  # role, unit, title, p_female
    for jenis, name, u in slots_jpt[:n_jpt]:
        rows.append((JPT_MADYA if jenis == "JPT Madya" else JPT_PRATAMA, u, tid(name), 0.22))
    for slots, count, r, pf in (
        (slots_adm, n_adm, ADMIN, 0.32),
        (slots_peng, n_peng, PENGAWAS, 0.42),
    ):
        if count and slots:
            for k in np.resize(rng.permutation(len(slots)), count):
                rows.append((r, slots[k][1], tid(slots[k][0]), pf))
    st = np.array(rows, dtype=np.float64).reshape(-1, 4)
    m = len(rows)
    # Functional jobs: (unit, job) weighted by unit weight x job weight, with instance jitter.
    jobs = [(u_idx, job) for u_idx, unit in enumerate(units) for job in JF[unit.jf]]
    jw = np.array([units[u].fung_weight * j[2] for u, j in jobs]) * rng.lognormal(
        0, 0.15, len(jobs)
    )
    pick = rng.choice(len(jobs), n_fung, p=jw / jw.sum())
    job_unit = np.array([u for u, _ in jobs])
    job_title = np.array([tid(j[0]) for _, j in jobs])
    uw = np.array([u.pel_weight for u in units]) * rng.lognormal(0, 0.2, len(units))
    return {
        "role": np.concatenate([st[:, 0], np.full(n_fung, AHLI), np.full(n_pel, PELAKSANA)]).astype(
            np.int8
        ),
        "unit_idx": np.concatenate(
            [st[:, 1], job_unit[pick], rng.choice(len(units), n_pel, p=uw / uw.sum())]
        ).astype(np.int64),
        "title": np.concatenate([st[:, 2], job_title[pick], np.full(n_pel, -1)]).astype(np.int64),
        "doctor": np.concatenate(
            [
                np.zeros(m, bool),
                np.array([j[4] == "dokter" for _, j in jobs])[pick],
                np.zeros(n_pel, bool),
            ]
        ),  # fmt: skip
        "p_female": np.concatenate(
            [st[:, 3], np.array([j[3] for _, j in jobs])[pick], np.full(n_pel, 0.42)]
        ),
        "p_ahli": np.concatenate(
            [np.ones(m), np.array([j[1] for _, j in jobs])[pick], np.zeros(n_pel)]
        ),
        "vocab": list(vocab),
    }


def _bup_table() -> np.ndarray:
    """BUP by (role, jenjang code) from analytics.domain.bup."""
    table = np.zeros((7, len(JENJANG)), dtype=np.int16)
    for r in range(7):
        for j, name in enumerate(JENJANG):
            table[r, j] = bup(ROLE_JENIS[r], name)
    return table


BUP_TABLE = _bup_table()


def people_of_instance(
    rng: np.random.Generator, inst: Instance, size: int, units: list[Unit], unit_ids: np.ndarray
) -> pl.DataFrame:
    """All people of one instance (without NIP), plus hidden trait columns prefixed '_'."""
    plan = _plan_positions(rng, inst, size, units)
    n = size
    role = plan["role"]
    unit_fam = np.array([FAMILIES.index(u.family) if u.family in FAMILIES else 5 for u in units])
    family = unit_fam[plan["unit_idx"]]
    female = rng.random(n) < plan["p_female"]
    # Fungsional track: Ahli (S1+) or Keterampilan (D3/SMA).
    is_fung = role == AHLI
    ahli = is_fung & (rng.random(n) < plan["p_ahli"])
    role = np.where(is_fung & ~ahli, TERAMPIL, role).astype(np.int8)
    # Status: PPPK only for fungsional and pelaksana; teachers and health workers most often.
    p_pppk = np.select(
        [family == F_PENDIDIKAN, (family == F_KESEHATAN) | (family == F_RSUD), role == PELAKSANA],
        [0.40, 0.33, 0.24],
        0.13,
    )
    pppk = (role >= AHLI) & (rng.random(n) < p_pppk)
    # Education codes by role.
    edu = np.zeros(n, dtype=np.int64)
    spec = {
        JPT_MADYA: ((S2, S3), (0.7, 0.3)),
        JPT_PRATAMA: ((S1, S2, S3), (0.17, 0.75, 0.08)),
        ADMIN: ((S1, S2), (0.45, 0.55)),
        PENGAWAS: ((SMA, D3, S1, S2), (0.05, 0.10, 0.65, 0.20)),
        AHLI: ((S1, D4, S2, S3), (0.84, 0.04, 0.11, 0.01)),
        TERAMPIL: ((SMA, D3), (0.15, 0.85)),
        PELAKSANA: ((SMP, SMA, D3, S1, S2), (0.04, 0.50, 0.14, 0.30, 0.02)),
    }
    for r, (labels, probs) in spec.items():
        sel = role == r
        edu[sel] = np.asarray(labels)[_choice(rng, probs, int(sel.sum()))]
    sel = pppk & (role == AHLI)
    edu[sel] = np.where(rng.random(int(sel.sum())) < 0.95, S1, S2)
    sel = pppk & (role == TERAMPIL)
    edu[sel] = np.where(rng.random(int(sel.sum())) < 0.9, D3, SMA)

    # -- PNS timeline: TMT CPNS by hiring waves, entry age by education, then birth. ----------
    bup_prov = np.where((role <= JPT_PRATAMA) | (role == AHLI), 60, 58)
    entry_lo, entry_hi = EDU_AGE_LO[edu], EDU_AGE_HI[edu]
    tmt = np.zeros(n, dtype=np.int64)
    birth_m = np.zeros(n, dtype=np.int64)
    todo = ~pppk
    cpns_w = np.tile(_CPNS_W, (7, 1))
    cpns_w[JPT_MADYA] = cpns_w[JPT_PRATAMA] = np.where(_CPNS_YEARS < 2006, _CPNS_W, 0.0)
    cpns_w[ADMIN] = np.where(_CPNS_YEARS < 2011, _CPNS_W, 0.0)
    cpns_w[PENGAWAS] = np.where(_CPNS_YEARS < 2018, _CPNS_W, 0.0)
    cpns_cdf = np.cumsum(cpns_w, axis=1)
    cpns_cdf /= cpns_cdf[:, -1:]
    for _ in range(25):
        k = int(todo.sum())
        if not k:
            break
        r_k = role[todo]
        u = rng.random(k)
        years = _CPNS_YEARS[(u[:, None] > cpns_cdf[r_k]).sum(axis=1)]
        t = np.minimum((years - 1970) * 12 + rng.integers(0, 12, k), LAST_CPNS_MONTH)
        age_m = (rng.uniform(entry_lo[todo], entry_hi[todo] + 1) * 12).astype(np.int64)
        b = t - age_m
        ok = b + bup_prov[todo] * 12 + 1 >= MIN_PENSION_MONTH
        idx = np.flatnonzero(todo)[ok]
        tmt[idx], birth_m[idx] = t[ok], b[ok]
        todo[idx] = False
    if todo.any():  # rare leftovers: youngest plausible age
        idx = np.flatnonzero(todo)
        birth_m[idx] = MIN_PENSION_MONTH - bup_prov[idx] * 12 + rng.integers(1, 60, len(idx))
        tmt[idx] = np.minimum(birth_m[idx] + entry_lo[idx] * 12, LAST_CPNS_MONTH)
    # PPPK: appointed 2021-2024 at age 22-50.
    k = int(pppk.sum())
    appt = (rng.choice(_PPPK_YEARS, k, p=_PPPK_W) - 1970) * 12 + rng.integers(0, 12, k)
    age_app = np.clip(rng.normal(33, 6.5, k), 22, 50)
    tmt[pppk] = appt
    birth_m[pppk] = appt - (age_app * 12).astype(np.int64)
    # Succession targets: some leaders reach BUP in 2027.
    lead = ((role == JPT_PRATAMA) | (role == ADMIN)) & (
        rng.random(n) < np.where(role == ADMIN, 0.04, 0.05)
    )
    bup_lead = np.where(role == JPT_PRATAMA, 60, 58)
    target = (2027 - 1970) * 12 + rng.integers(0, 12, n)
    birth_m = np.where(lead, target - 1 - bup_lead * 12, birth_m)
    tmt = np.where(lead, np.minimum(tmt, birth_m + 26 * 12), tmt)

    tenure = (AS_OF_MONTH - tmt) / 12.0
    # -- Golongan: entry by education, ~one step per 4 years, capped; structural ranges. --------
    entry = EDU_ENTRY[edu]
    rank = entry + np.floor(tenure / 4.0 * rng.uniform(0.8, 1.12, n) + rng.uniform(-0.6, 0.3, n))
    rank = np.clip(rank, entry, EDU_CAP[edu])
    lo = np.array([15, 14, 12, 10, 9, 5, 1])[role]
    hi = np.array([17, 16, 14, 12, 15, 12, 13])[role]
    rank = np.clip(rank, lo, hi)
    # Ahli still at work past 58 are Ahli Madya (BUP 60); a few senior ones reach Ahli Utama.
    age_m = AS_OF_MONTH - birth_m
    rank = np.where((role == AHLI) & (age_m >= 57 * 12 + 10) & ~pppk, np.maximum(rank, 13), rank)
    utama = (role == AHLI) & (rank == 15) & ~pppk & (rng.random(n) < 0.04)
    rank = np.where(utama, 16, rank)
    # PPPK golongan by education and track (fixed at appointment).
    u = rng.random(n)
    pppk_rank = np.select(
        [role == AHLI, role == TERAMPIL],
        [np.where(u < 0.8, 9, np.where(u < 0.92, 10, 11)), np.full(n, 7)],
        EDU_ENTRY[edu],
    )
    rank = np.where(pppk, np.maximum(pppk_rank, EDU_ENTRY[edu]), rank).astype(np.int16)
    # Jenjang code from golongan.
    jenjang = np.select(
        [(role == AHLI) & (rank <= 10), (role == AHLI) & (rank <= 12), (role == AHLI) & (rank <= 15),
         role == AHLI, (role == TERAMPIL) & (rank <= 8), (role == TERAMPIL) & (rank <= 10),
         role == TERAMPIL],
        [4, 5, 6, 7, 1, 2, 3],
        0,
    )  # fmt: skip
    bup_v = BUP_TABLE[role, jenjang]
    pension_m = birth_m + bup_v * 12 + 1
    # Anyone whose final BUP (58) would already be past: make them younger.
    late = pension_m < MIN_PENSION_MONTH
    shift = np.where(late, MIN_PENSION_MONTH - pension_m + rng.integers(0, 36, n), 0)
    birth_m = birth_m + shift
    tmt = np.where(late & ~pppk, np.minimum(tmt + shift, LAST_CPNS_MONTH), tmt)
    pension_m = birth_m + bup_v * 12 + 1

    # Titles: fungsional = job + jenjang; pelaksana by education.
    pel = role == PELAKSANA
    high = pel & (edu >= S1)
    low_w = np.array([w for _, w in PELAKSANA_LOW])
    high_w = np.array([w for _, w in PELAKSANA_HIGH])
    vocab = plan["vocab"] + [t for t, _ in PELAKSANA_LOW] + [t for t, _ in PELAKSANA_HIGH]
    nv = len(plan["vocab"])
    title = plan["title"].copy()
    title[pel & ~high] = nv + _choice(rng, tuple(low_w), int((pel & ~high).sum()))
    title[high] = nv + len(low_w) + _choice(rng, tuple(high_w), int(high.sum()))
    jenjang_s = pl.Series(JENJANG, dtype=pl.String).gather(jenjang)
    title_s = pl.Series(vocab, dtype=pl.String).gather(title)
    title_s = pl.select(
        pl.concat_str(title_s, jenjang_s, separator=" ", ignore_nulls=True)
    ).to_series()

    # Dates.
    days_in = (_month_to_date(birth_m + 1) - _month_to_date(birth_m)).astype(np.int64)
    birth = _month_to_date(birth_m) + (rng.random(n) * days_in).astype(np.int64)
    jab_lo = np.where(pppk, tmt, np.maximum(tmt + 12, AS_OF_MONTH - 96))
    jab_lo = np.minimum(jab_lo, AS_OF_MONTH)
    jab = jab_lo + (rng.random(n) * (AS_OF_MONTH + 1 - jab_lo)).astype(np.int64)
    jab = np.where(pppk, tmt, jab)

    golongan = pl.Series(GOLONGAN + GOLONGAN_PPPK, dtype=pl.String).gather(
        rank.astype(np.int64) - 1 + np.where(pppk, 17, 0)
    )
    region = region_of(inst.nama, inst.provinsi)
    names = academic_names(
        rng,
        person_names(rng, female, region),
        edu,
        _TITLE_FAMILY[family],
        plan["doctor"],
        birth_m // 12 + 1970,
        female,
    )
    # Latent traits for the facts (never stored): performance, potential.
    perf = rng.normal(0, 1, n)
    edu_score = np.select([edu >= S2, edu >= S1], [1.0, 0.3], -0.6)
    role_score = np.select(
        [role <= JPT_PRATAMA, role == ADMIN, role == PENGAWAS], [1.2, 0.8, 0.4], 0.0
    )
    pot = 0.45 * perf + 0.3 * edu_score + 0.25 * role_score + rng.normal(0, 0.75, n)
    tmt_d = _month_to_date(tmt)
    return pl.DataFrame(
        {
            "nama": names,
            "instansi_id": np.full(n, inst.id, dtype=np.int32),
            "unit_id": unit_ids[plan["unit_idx"]].astype(np.int32),
            "jenis_jabatan": pl.Series(ROLE_JENIS, dtype=pl.String).gather(role.astype(np.int64)),
            "nama_jabatan": title_s,
            "jenjang": jenjang_s,
            "golongan": golongan,
            "golongan_rank": rank,
            "jenis_kelamin": pl.Series(["L", "P"]).gather(female.astype(np.int64)),
            "tanggal_lahir": birth,
            "status_kepegawaian": pl.Series(["PNS", "PPPK"]).gather(pppk.astype(np.int64)),
            "pendidikan": pl.Series(EDU, dtype=pl.String).gather(edu),
            "tmt_jabatan": _month_to_date(jab),
            "tmt_cpns": pl.Series(tmt_d).set(pl.Series(pppk), None) if pppk.any() else tmt_d,
            "bup": bup_v.astype(np.int16),
            "tanggal_pensiun": _month_to_date(pension_m),
            "_role": role,
            "_fam": family.astype(np.int8),
            "_start": tmt_d,
            "_pppk": pppk,
            "_perf": perf,
            "_pot": pot,
        }
    )


def assign_nip(people: pl.DataFrame) -> pl.DataFrame:
    """Add the 18-digit NIP (PNS) / NI PPPK, unique by a per-prefix sequence number."""
    ymd = people["tanggal_lahir"]
    start = people["_start"]
    i64 = pl.Int64  # month/day are Int8: widen before arithmetic
    birth = (
        ymd.dt.year().cast(i64) * 10000 + ymd.dt.month().cast(i64) * 100 + ymd.dt.day().cast(i64)
    )
    year = start.dt.year().cast(i64) * 100
    mid = pl.select(
        pl.when(people["_pppk"]).then(year + 21).otherwise(year + start.dt.month().cast(i64))
    ).to_series()
    gender = (people["jenis_kelamin"] == "P").cast(pl.Int64) + 1
    prefix = birth * 10**7 + mid * 10 + gender
    seq = pl.DataFrame({"p": prefix}).select(pl.int_range(1, pl.len() + 1).over("p")).to_series()
    if seq.max() > 999:
        raise RuntimeError("NIP sequence overflow")
    nip = (prefix * 1000 + seq).cast(pl.String)
    return people.with_columns(nip=nip)
