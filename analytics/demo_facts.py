"""Synthetic yearly facts for demo people: SKP predikat, potential, competencies, training.

All functions take the people of one instance (with the hidden trait columns `_perf`, `_pot`,
`_role`, `_family`, `_start` of `analytics.demo_people`) and a seeded generator, and return
Polars frames ready to insert (without `sumber`). Years 2024-2026; data as of 2026-10-31.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from analytics.demo_people import (
    ADMIN,
    AHLI,
    F_PENDIDIKAN,
    FAMILIES,
    JPT_PRATAMA,
    PELAKSANA,
    PENGAWAS,
    TERAMPIL,
)
from analytics.demo_units import DEFAULT_TEKNIS, TEKNIS_OF_FAMILY
from analytics.domain import KOMPETENSI_MANAJERIAL, KOMPETENSI_SOSIAL_KULTURAL, PREDIKAT

YEARS = (2024, 2025, 2026)
AS_OF = date(2026, 10, 31)
# Default potential thresholds of the nine-box rules: skor < 60 Rendah, < 80 Sedang, else Tinggi.
POTENSIAL_RENDAH_BELOW = 60.0
POTENSIAL_TINGGI_FROM = 80.0
# Cut points on a standard normal score for SKP predikat, best first: 18% Sangat Baik,
# 70% Baik, 8% Butuh Perbaikan, 3% Kurang, 1% Sangat Kurang.
_PREDIKAT_CUTS = np.array([0.9154, -1.1750, -1.7507, -2.3263])


def kinerja(rng: np.random.Generator, people: pl.DataFrame, inst_effect: float) -> pl.DataFrame:
    """SKP predikat per person and year (~97% covered), persistent per person."""
    n = people.height
    perf = people["_perf"].to_numpy()
    start_year = people["_start"].dt.year().to_numpy()
    start_month = people["_start"].dt.month().to_numpy()
    frames = []
    for year in YEARS:
        # Standard normal over the region: person trait, instance effect ~ N(0, 1), noise.
        s = 0.75 * perf + 0.3 * inst_effect + 0.589 * rng.normal(0, 1, n)
        cls = np.searchsorted(-_PREDIKAT_CUTS, -s)  # 0 = Sangat Baik .. 4 = Sangat Kurang
        present = (rng.random(n) > 0.025) & (
            (start_year < year) | ((start_year == year) & (start_month <= 6))
        )
        frames.append(
            pl.DataFrame(
                {
                    "nip": people["nip"].filter(pl.Series(present)),
                    "tahun": np.full(int(present.sum()), year, dtype=np.int16),
                    "predikat": pl.Series(PREDIKAT).gather(cls[present]),
                }
            )
        )
    return pl.concat(frames)


def _assessments(rng: np.random.Generator, people: pl.DataFrame):
    """Which people are assessed in which year: (row index, year, reassessment flag)."""
    n = people.height
    role = people["_role"].to_numpy()
    start_year = people["_start"].dt.year().to_numpy()
    p = np.select(
        [role <= JPT_PRATAMA, role == ADMIN, role == PENGAWAS, role == AHLI, role == TERAMPIL],
        [0.95, 0.88, 0.8, 0.7, 0.5],
        0.47,
    )
    assessed = rng.random(n) < p
    first = rng.choice(np.array(YEARS), n, p=[0.35, 0.4, 0.25])
    first = np.maximum(first, np.minimum(start_year + 1, 2026))
    again = assessed & (first < 2026) & (rng.random(n) < 0.3)
    second = first + 1 + (rng.random(n) * (2026 - first)).astype(np.int64)
    idx = np.concatenate([np.flatnonzero(assessed), np.flatnonzero(again)])
    years = np.concatenate([first[assessed], second[again]])
    return idx, years, np.concatenate([np.zeros(assessed.sum(), bool), np.ones(again.sum(), bool)])


def potensial_and_kompetensi(
    rng: np.random.Generator, people: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Potential (level + skor) for assessed people and their 10 competency levels."""
    idx, years, re = _assessments(rng, people)
    pot = people["_pot"].to_numpy()
    k = len(idx)
    skor = 70.0 + 10.5 * pot[idx] + rng.normal(0, 4.0, k) + np.where(re, 1.5, 0.0)
    skor = np.round(np.clip(skor, 20.0, 99.5), 1)
    level = pl.Series(["Rendah", "Sedang", "Tinggi"]).gather(
        (skor >= POTENSIAL_RENDAH_BELOW).astype(np.int64) + (skor >= POTENSIAL_TINGGI_FROM)
    )
    nips = people["nip"].gather(idx)
    potensial = pl.DataFrame(
        {"nip": nips, "tahun": years.astype(np.int16), "level": level, "skor": skor}
    )
    # Competencies: base by position level, + potential, + per-competency offsets and noise.
    role = people["_role"].to_numpy()[idx]
    jenjang = people["jenjang"].gather(idx)
    # Base level by jenjang (fungsional) else by role.
    by_jenjang = {"Ahli Utama": 3.8, "Ahli Madya": 3.1, "Ahli Muda": 2.6, "Ahli Pertama": 2.1,
                  "Penyelia": 2.3, "Mahir": 1.9, "Terampil": 1.6}  # fmt: skip
    base_j = jenjang.replace_strict(by_jenjang, default=0.0, return_dtype=pl.Float64).to_numpy()
    base = np.where(
        base_j > 0,
        base_j,
        np.array([4.2, 3.75, 3.0, 2.3, 2.1, 1.6, 1.5])[role],
    )
    names = [*KOMPETENSI_MANAJERIAL, *KOMPETENSI_SOSIAL_KULTURAL]
    offsets = {"Integritas": 0.3, "Perekat Bangsa": 0.2, "Pengambilan Keputusan": -0.2,
               "Mengelola Perubahan": -0.15}  # fmt: skip
    family = people["_fam"].to_numpy()[idx].astype(np.int64)
    teknis = pl.Series([TEKNIS_OF_FAMILY.get(f, DEFAULT_TEKNIS) for f in FAMILIES]).gather(family)
    person = 0.5 * pot[idx]
    frames = []
    for j, name in enumerate([*names, "teknis"]):
        lv = base + person + offsets.get(name, 0.0) + rng.normal(0, 0.6, k)
        if name == "teknis":
            lv = lv + 0.25
        comp = teknis if name == "teknis" else pl.Series([names[j]]).gather(np.zeros(k, np.int64))
        frames.append(
            pl.DataFrame(
                {
                    "nip": nips,
                    "tahun": years.astype(np.int16),
                    "kompetensi": comp,
                    "level": np.clip(np.rint(lv), 1, 5).astype(np.int16),
                }
            )
        )
    return potensial, pl.concat(frames)


# -- Training -------------------------------------------------------------------------------
# (prefix, jalur, jenis, JP choices, JP per day, weight, topic group)
CATEGORIES: tuple[tuple[str, str, str, tuple[int, ...], float, float, str], ...] = (
    ("Bimbingan Teknis", "Klasikal", "bimtek", (8, 16, 24, 32), 8, 0.2, "topik"),
    ("Pelatihan Teknis", "Klasikal", "pelatihan", (24, 30, 40), 8, 0.07, "topik"),
    ("Seminar", "Klasikal", "seminar", (4, 8), 4, 0.07, "topik"),
    ("Workshop", "Klasikal", "workshop", (5, 10, 15), 5, 0.08, "topik"),
    ("Sosialisasi", "Klasikal", "sosialisasi", (4,), 4, 0.08, "regulasi"),
    ("E-Learning", "Nonklasikal", "e-learning", (3, 6, 9, 12), 3, 0.2, "topik"),
    ("Webinar", "Nonklasikal", "webinar", (2, 3, 4), 4, 0.13, "topik"),
    ("Coaching", "Nonklasikal", "coaching", (2, 4), 4, 0.06, "coaching"),
    ("Mentoring", "Nonklasikal", "mentoring", (2, 4), 4, 0.045, "mentoring"),
    ("Belajar Mandiri", "Nonklasikal", "belajar mandiri", (2, 4, 6, 10), 2, 0.04, "topik"),
    ("Benchmarking", "Nonklasikal", "benchmarking", (10,), 5, 0.012, "benchmark"),
    ("Detasering", "Nonklasikal", "detasering", (20,), 1, 0.003, "detasering"),
)
TOPICS: dict[str, tuple[str, ...]] = {
    "pendidikan": ("Implementasi Kurikulum Merdeka", "Pembelajaran Berdiferensiasi",
                   "Asesmen Diagnostik dan Formatif", "Penguatan Literasi dan Numerasi",
                   "Pendidikan Inklusif", "Pemanfaatan Platform Merdeka Mengajar",
                   "Projek Penguatan Profil Pelajar Pancasila", "Penelitian Tindakan Kelas"),
    "kesehatan": ("Pencegahan dan Pengendalian Infeksi", "Basic Trauma Cardiac Life Support",
                  "Manajemen Puskesmas", "Penanganan Kegawatdaruratan Maternal dan Neonatal",
                  "Percepatan Penurunan Stunting", "Keselamatan Pasien",
                  "Rekam Medis Elektronik", "Pelayanan Kesehatan Primer Terintegrasi"),
    "keuangan": ("Pengelolaan Keuangan Daerah melalui SIPD", "Akuntansi Berbasis Akrual",
                 "Penatausahaan Barang Milik Daerah", "Audit Kinerja", "Reviu Laporan Keuangan",
                 "Pajak dan Retribusi Daerah", "Penyusunan RKA Perangkat Daerah"),
    "infrastruktur": ("Perencanaan Teknis Jalan dan Jembatan", "Manajemen Konstruksi",
                      "Pengawasan Mutu Pekerjaan Konstruksi", "Penataan Ruang Berbasis Risiko",
                      "Sistem Informasi Geografis", "Pengelolaan Sumber Daya Air",
                      "Persetujuan Bangunan Gedung"),
    "umum": ("Penyusunan SKP dan Pengelolaan Kinerja", "Pengadaan Barang/Jasa Pemerintah",
             "Manajemen Talenta ASN", "Sistem Merit", "Kearsipan Dinamis",
             "Sistem Pemerintahan Berbasis Elektronik", "Analisis Jabatan dan Beban Kerja",
             "Pelayanan Publik Prima", "Penyusunan Produk Hukum Daerah",
             "Perencanaan dan Penganggaran Daerah", "Manajemen Risiko", "Literasi Digital ASN"),
}  # fmt: skip
FIXED_TOPICS: dict[str, tuple[str, ...]] = {
    "regulasi": ("Sosialisasi Undang-Undang Nomor 20 Tahun 2023 tentang ASN",
                 "Sosialisasi Pengelolaan Kinerja ASN (PermenPANRB 6/2022)",
                 "Sosialisasi Netralitas ASN", "Sosialisasi Pencegahan Korupsi dan Gratifikasi",
                 "Sosialisasi SIASN dan Layanan Kepegawaian Digital",
                 "Sosialisasi Manajemen Talenta ASN"),
    "coaching": ("Coaching Kinerja oleh Atasan Langsung", "Coaching Penyusunan Rencana Aksi",
                 "Coaching Pengembangan Karier"),
    "mentoring": ("Mentoring Penyusunan SKP", "Mentoring Pejabat Fungsional Pemula",
                  "Mentoring Inovasi Pelayanan"),
    "benchmark": ("Benchmarking Inovasi Pelayanan Publik ke Pemerintah Daerah Lain",
                  "Benchmarking Penerapan Manajemen Talenta"),
    "detasering": ("Detasering pada Instansi Mitra",),
}  # fmt: skip
# Leadership / basic training: (name, JP, days); given by position, not from the mix.
PKN = ("Pelatihan Kepemimpinan Nasional Tingkat II", 170, 45)
PKA = ("Pelatihan Kepemimpinan Administrator (PKA)", 150, 40)
PKP = ("Pelatihan Kepemimpinan Pengawas (PKP)", 120, 30)
LATSAR = ("Pelatihan Dasar CPNS (Latsar)", 100, 30)
_MONTH_W = np.array([0.5, 0.65, 0.8, 0.8, 0.9, 0.9, 1.1, 1.25, 1.35, 1.4, 1.35, 0.9])


def _catalogue() -> tuple[pl.Series, np.ndarray, np.ndarray]:
    """All activity names; start index and count per (category, topic group)."""
    groups = list(TOPICS)
    names: list[str] = []
    start = np.zeros((len(CATEGORIES), len(groups)), dtype=np.int64)
    count = np.zeros_like(start)
    for c, (prefix, _, _, _, _, _, topic) in enumerate(CATEGORIES):
        for g, group in enumerate(groups):
            start[c, g] = len(names)
            if topic == "topik":
                names += [f"{prefix} {t}" for t in TOPICS[group]]
            else:
                names += list(FIXED_TOPICS[topic])
            count[c, g] = len(names) - start[c, g]
    return pl.Series("nama_kegiatan", names), start, count


_NAMES, _START, _COUNT = _catalogue()
_GROUP_OF_FAMILY = {"pendidikan": 0, "kesehatan": 1, "rsud": 1, "keuangan": 2, "infrastruktur": 3}


def pelatihan(
    rng: np.random.Generator,
    people: pl.DataFrame,
    inst_effect: float,
    unit_effect: dict[int, float],
) -> pl.DataFrame:
    """Training records 2024-2026 (to 2026-10-31) with per-person propensity."""
    n = people.height
    role = people["_role"].to_numpy()
    family = people["_fam"].to_numpy().astype(np.int64)
    group = np.array([_GROUP_OF_FAMILY.get(f, 4) for f in FAMILIES], dtype=np.int64)[family]
    start = people["_start"].to_numpy().astype("datetime64[D]")
    pppk = people["_pppk"].to_numpy()
    units = people["unit_id"].to_numpy()
    ids = np.fromiter(unit_effect, dtype=np.int64)
    vals = np.fromiter(unit_effect.values(), dtype=np.float64)
    order = np.argsort(ids)
    u_eff = vals[order][np.searchsorted(ids[order], units)]
    propensity = rng.lognormal(0.0, 0.55, n) * np.exp(inst_effect) * u_eff
    propensity *= np.select(
        [role <= PENGAWAS, family == F_PENDIDIKAN, role == PELAKSANA], [1.25, 1.1, 0.8], 1.0
    ) * np.where(pppk, 0.85, 1.0)
    never = rng.random(n) < 0.035
    cats = np.array([c[5] for c in CATEGORIES])
    cats = cats / cats.sum()
    month_p = _MONTH_W / _MONTH_W.sum()
    frames = []
    for year in YEARS:
        lam = 2.3 * propensity * {2024: 0.9, 2025: 1.0, 2026: 0.95}[year]
        count = 1 + rng.poisson(lam)
        count[never | (rng.random(n) < 0.07)] = 0
        who = np.repeat(np.arange(n), count)
        m = len(who)
        cat = rng.choice(len(CATEGORIES), m, p=cats)
        jp_choice = np.array([len(c[3]) for c in CATEGORIES])[cat]
        pick = (rng.random(m) * jp_choice).astype(np.int64)
        jp_table = np.zeros((len(CATEGORIES), 4))
        for c, spec in enumerate(CATEGORIES):
            jp_table[c, : len(spec[3])] = spec[3]
        jp = jp_table[cat, pick]
        per_day = np.array([c[4] for c in CATEGORIES])[cat]
        days = np.maximum(1, np.ceil(jp / per_day)).astype(np.int64)
        days = np.where(cat == len(CATEGORIES) - 1, 20, days)  # detasering spans weeks
        name_id = _START[cat, group[who]] + (rng.random(m) * _COUNT[cat, group[who]]).astype(
            np.int64
        )
        month = rng.choice(12, m, p=month_p)
        mstart = np.datetime64(f"{year}-01", "M") + month
        dim = ((mstart + 1).astype("datetime64[D]") - mstart.astype("datetime64[D]")).astype(
            np.int64
        )
        mulai = mstart.astype("datetime64[D]") + (rng.random(m) * dim).astype(np.int64)
        ev = pl.DataFrame(
            {
                "_who": who,
                "tanggal_mulai": mulai,
                "tanggal_selesai": mulai + (days - 1),
                "_name": name_id,
                "jalur": pl.Series([c[1] for c in CATEGORIES]).gather(cat),
                "jenis": pl.Series([c[2] for c in CATEGORIES]).gather(cat),
                "jp": jp,
            }
        )
        frames.append(ev.with_columns(nama_kegiatan=_NAMES.gather(ev["_name"])).drop("_name"))
        # Leadership training for a few structural staff and Latsar for new CPNS.
        for prog, sel_p in (
            (PKN, (role == JPT_PRATAMA) * 0.04),
            (PKA, (role == ADMIN) * 0.05),
            (PKP, (role == PENGAWAS) * 0.05),
        ):
            sel = np.flatnonzero(rng.random(n) < sel_p)
            frames.append(_program(rng, prog, sel, year))
        if year in (2024, 2025):
            new = (
                ~pppk
                & (start >= np.datetime64(f"{year - 1}-07-01"))
                & (start < np.datetime64(f"{year}-07-01"))
            )
            frames.append(_program(rng, LATSAR, np.flatnonzero(new), year))
    out = pl.concat(frames, how="diagonal_relaxed")
    start_s = pl.Series(start)
    out = out.with_columns(_start=start_s.gather(out["_who"])).filter(
        (pl.col("tanggal_mulai") >= pl.col("_start")) & (pl.col("tanggal_selesai") <= pl.lit(AS_OF))
    )
    out = out.with_columns(nip=people["nip"].gather(out["_who"])).sort("_who", "tanggal_mulai")
    return out.select(
        "nip", "tanggal_mulai", "tanggal_selesai", "nama_kegiatan", "jalur", "jenis", "jp"
    )


def _program(rng: np.random.Generator, prog: tuple[str, int, int], who: np.ndarray, year: int):
    m = len(who)
    mstart = np.datetime64(f"{year}-03", "M") + rng.integers(0, 7, m)
    mulai = mstart.astype("datetime64[D]") + rng.integers(0, 28, m)
    return pl.DataFrame(
        {
            "_who": who.astype(np.int64),
            "tanggal_mulai": mulai,
            "tanggal_selesai": mulai + (prog[2] - 1),
            "jalur": np.full(m, "Klasikal"),
            "jenis": np.full(m, "pelatihan"),
            "jp": np.full(m, float(prog[1])),
            "nama_kegiatan": np.full(m, prog[0]),
        }
    )


# Demo standards by position name (imported-style): (nama_jabatan, base level, teknis).
STANDAR_DEMO: tuple[tuple[str, int, str], ...] = (
    ("Sekretaris Daerah", 4, DEFAULT_TEKNIS),
    ("Sekretaris Dinas", 3, DEFAULT_TEKNIS),
    ("Kepala Subbagian Umum dan Kepegawaian", 2, DEFAULT_TEKNIS),
    ("Guru Ahli Pertama", 2, "Teknis Pendidikan"),
    ("Guru Ahli Muda", 3, "Teknis Pendidikan"),
    ("Guru Ahli Madya", 3, "Teknis Pendidikan"),
    ("Perawat Terampil", 2, "Teknis Kesehatan"),
    ("Perawat Ahli Pertama", 2, "Teknis Kesehatan"),
    ("Bidan Terampil", 2, "Teknis Kesehatan"),
    ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", 2, DEFAULT_TEKNIS),
    ("Analis Keuangan Pusat dan Daerah Ahli Muda", 3, "Teknis Pengelolaan Keuangan"),
    ("Pengadministrasi Perkantoran", 1, DEFAULT_TEKNIS),
    ("Penata Layanan Operasional", 2, DEFAULT_TEKNIS),
)


def standar_kompetensi() -> pl.DataFrame:
    """A few position standards (by nama_jabatan) with importance, as an agency would import."""
    rows = []
    comps = [*KOMPETENSI_MANAJERIAL, *KOMPETENSI_SOSIAL_KULTURAL]
    for jabatan, base, teknis in STANDAR_DEMO:
        for comp in comps:
            lv = base + (1 if comp == "Integritas" and base < 4 else 0)
            lv -= 1 if comp == "Pengambilan Keputusan" and base <= 2 and base > 1 else 0
            imp = (
                "mutlak"
                if comp in ("Integritas", "Pelayanan Publik")
                else (
                    "penting"
                    if comp in ("Kerjasama", "Komunikasi", "Orientasi pada Hasil")
                    else "perlu"
                )
            )
            rows.append((jabatan, comp, min(lv, 5), imp))
        rows.append((jabatan, teknis, min(base + 1, 5), "mutlak"))
    return pl.DataFrame(
        rows,
        schema={"nama_jabatan": pl.String, "kompetensi": pl.String, "level_standar": pl.Int16,
                "tingkat_kepentingan": pl.String},
        orient="row",
    )  # fmt: skip
