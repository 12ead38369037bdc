"""Downloadable import templates: a CSV per table and one XLSX workbook (a sheet per table)."""

from __future__ import annotations

from datetime import date

import polars as pl

from analytics.io.export import export_frame, export_workbook
from analytics.io.validate import SPECS, TABLE_ORDER

WORKBOOK_NAME = "templat_impor.xlsx"
_NIP = "198609262015051001"

# One valid example row per table; together they import cleanly into a new store.
EXAMPLES: dict[str, dict[str, object]] = {
    "pegawai": {
        "nip": _NIP,
        "nama": "Ni Made Contoh, S.E.",
        "instansi": "Kabupaten Badung",
        "unit_kerja": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "jenis_jabatan": "Fungsional",
        "nama_jabatan": "Analis Sumber Daya Manusia Aparatur Ahli Muda",
        "golongan": "III/c",
        "jenis_kelamin": "P",
        "tanggal_lahir": date(1986, 9, 26),
        "status_kepegawaian": "PNS",
        "pendidikan": "S1",
        "tmt_jabatan": date(2021, 1, 4),
        "tmt_cpns": date(2015, 5, 1),
    },
    "kinerja": {"nip": _NIP, "tahun": 2025, "predikat": "Baik"},
    "potensial": {"nip": _NIP, "tahun": 2025, "level": "Tinggi", "skor": 82.5},
    "kompetensi": {"nip": _NIP, "tahun": 2025, "kompetensi": "Integritas", "level": 3},
    "standar_kompetensi": {
        "kompetensi": "Integritas",
        "level_standar": 3,
        "jenis_jabatan": "Fungsional",
        "nama_jabatan": None,
        "tingkat_kepentingan": "mutlak",
    },
    "pelatihan": {
        "nip": _NIP,
        "tanggal_mulai": date(2025, 3, 10),
        "nama_kegiatan": "Bimbingan Teknis Manajemen Talenta",
        "jalur": "Klasikal",
        "jenis": "Bimtek",
        "jp": 24,
        "tanggal_selesai": date(2025, 3, 12),
    },
    "kematangan_mt": {
        "instansi": "Kabupaten Badung",
        "periode": date(2025, 6, 30),
        "pembangunan_mt": "Sudah",
        "penerapan_mt": "Proses",
        "skor_ism": None,
        "tahun_ism": None,
        "catatan": "Contoh: status menurut laporan instansi",
    },
}


def template_frame(tabel: str) -> pl.DataFrame:
    """Header and one example row of a table, columns in contract order."""
    cols = SPECS[tabel].columns
    example = EXAMPLES[tabel]
    data = {c: [example.get(c)] for c in cols}
    schema = {
        c: pl.Date
        if isinstance(example.get(c), date)
        else pl.Float64
        if isinstance(example.get(c), float)
        else pl.Int64
        if isinstance(example.get(c), int)
        else pl.String
        for c in cols
    }
    return pl.DataFrame(data, schema=schema)


def templates() -> dict[str, bytes]:
    """File name → bytes: `<table>.csv` for every table plus the XLSX workbook."""
    out = {f"{t}.csv": export_frame(template_frame(t), "csv") for t in TABLE_ORDER}
    out[WORKBOOK_NAME] = export_workbook({t: template_frame(t) for t in TABLE_ORDER})
    return out
