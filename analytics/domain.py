"""Fixed domain vocabularies of ASN management (lists, not rules).

Sources: PP 11/2017 and its amendments (golongan, jabatan, BUP), PermenPANRB 6/2022 (SKP
predikat), PermenPANRB 38/2017 (competencies and levels). See ../shared/domain.md of the project.
Rules that compute something (box, gap, JP, maturity) live in `analytics.rules`.
"""

from __future__ import annotations

# Golongan PNS in rank order (rank 1..17) with pangkat names.
GOLONGAN_PNS: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
GOLONGAN: tuple[str, ...] = tuple(g for g, _ in GOLONGAN_PNS)
# PPPK golongan I..XVII; rank k is comparable with PNS rank k (V ~ II/a, IX ~ III/a).
GOLONGAN_PPPK: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def golongan_rank(golongan: str) -> int:
    """Rank 1..17 of a PNS ('III/a') or PPPK ('IX') golongan; ValueError if unknown."""
    g = golongan.strip()
    for table in (GOLONGAN, GOLONGAN_PPPK):
        for i, name in enumerate(table, start=1):
            if g.lower() == name.lower():
                return i
    raise ValueError(f"unknown golongan: {golongan!r}")


# Entry golongan by education (PNS): SMA II/a, D3 II/c, S1 III/a, S2 III/b, S3 III/c.
PENDIDIKAN_GOLONGAN_AWAL: dict[str, str] = {
    "SD": "I/a",
    "SMP": "I/c",
    "SMA": "II/a",
    "D3": "II/c",
    "S1": "III/a",
    "D4": "III/a",
    "S2": "III/b",
    "S3": "III/c",
}

# Position types (jenis jabatan), from the top down.
JENIS_JABATAN: tuple[str, ...] = (
    "JPT Utama",
    "JPT Madya",
    "JPT Pratama",
    "Administrator",
    "Pengawas",
    "Fungsional",
    "Pelaksana",
)
STRUKTURAL: tuple[str, ...] = ("JPT Utama", "JPT Madya", "JPT Pratama", "Administrator", "Pengawas")

# Fungsional levels (jenjang).
JENJANG_FUNGSIONAL: tuple[str, ...] = (
    "Pemula",
    "Terampil",
    "Mahir",
    "Penyelia",
    "Ahli Pertama",
    "Ahli Muda",
    "Ahli Madya",
    "Ahli Utama",
)


def bup(jenis_jabatan: str, jenjang: str | None = None) -> int:
    """Retirement age (batas usia pensiun): 58, 60 for JPT and JF Ahli Madya, 65 for Ahli Utama."""
    if jenis_jabatan.startswith("JPT"):
        return 60
    if jenis_jabatan == "Fungsional":
        if jenjang == "Ahli Utama":
            return 65
        if jenjang == "Ahli Madya":
            return 60
    return 58


# SKP predikat (PermenPANRB 6/2022), best first.
PREDIKAT: tuple[str, ...] = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
POTENSIAL_LEVEL: tuple[str, ...] = ("Rendah", "Sedang", "Tinggi")
STATUS_KEPEGAWAIAN: tuple[str, ...] = ("PNS", "PPPK")
JENIS_KELAMIN: tuple[str, ...] = ("L", "P")
JALUR: tuple[str, ...] = ("Klasikal", "Nonklasikal")
STATUS_MT: tuple[str, ...] = ("Belum", "Proses", "Sudah")
KEPENTINGAN: tuple[str, ...] = ("mutlak", "penting", "perlu")

# Competencies (PermenPANRB 38/2017): 8 managerial + sosial kultural; technical ones are
# per position and come from data (the demo adds one per position family).
KOMPETENSI_MANAJERIAL: tuple[str, ...] = (
    "Integritas",
    "Kerjasama",
    "Komunikasi",
    "Orientasi pada Hasil",
    "Pelayanan Publik",
    "Pengembangan Diri dan Orang Lain",
    "Mengelola Perubahan",
    "Pengambilan Keputusan",
)
KOMPETENSI_SOSIAL_KULTURAL: tuple[str, ...] = ("Perekat Bangsa",)
KELOMPOK_KOMPETENSI: tuple[str, ...] = ("manajerial", "sosial kultural", "teknis")
LEVEL_KOMPETENSI: dict[int, str] = {
    1: "Paham",
    2: "Dasar",
    3: "Menengah",
    4: "Mumpuni",
    5: "Ahli",
}

PROVINSI: tuple[str, ...] = ("Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur")
