"""Builders of import files for the import/export tests (rows made in code)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import openpyxl

PEGAWAI_COLS = [
    "nip",
    "nama",
    "instansi",
    "unit_kerja",
    "jenis_jabatan",
    "nama_jabatan",
    "golongan",
    "jenis_kelamin",
    "tanggal_lahir",
    "status_kepegawaian",
]


def make_nip(i: int) -> str:
    """A valid, unique NIP for index i (birth date 1970-01-01 + i days)."""
    born = date(1970, 1, 1) + timedelta(days=i)
    return f"{born:%Y%m%d}2010011{i % 1000:03d}"


def pegawai(i: int, **over: Any) -> dict[str, Any]:
    """A valid pegawai row for index i (Kabupaten Badung), with overrides."""
    nip = make_nip(i)
    row = {
        "nip": nip,
        "nama": f"Pegawai {i}",
        "instansi": "Kabupaten Badung",
        "unit_kerja": "Dinas Kesehatan" if i % 2 else "BKPSDM",
        "jenis_jabatan": "Pelaksana",
        "nama_jabatan": "Pengadministrasi Umum",
        "golongan": "II/c",
        "jenis_kelamin": "L",
        "tanggal_lahir": f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}",
        "status_kepegawaian": "PNS",
    }
    row.update(over)
    return row


def csv_bytes(rows: list[dict[str, Any]], columns: list[str] | None = None, **kw: Any) -> bytes:
    """Rows as UTF-8 CSV bytes (columns from the first row unless given)."""
    cols = columns or list(rows[0])
    out = io.StringIO(newline="")
    w = csv.writer(out, **kw)
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(sheets: dict[str, list[dict[str, Any]]]) -> bytes:
    """A workbook with a sheet per entry (header from the first row's keys)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        cols = list(rows[0])
        ws.append(cols)
        for r in rows:
            ws.append([r.get(c) for c in cols])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
