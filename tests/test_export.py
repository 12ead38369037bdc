"""Exports: formula neutralisation in CSV and XLSX, and export → import round trip."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import polars as pl
import pytest

from analytics.io import export_frame, neutralise, run_import
from analytics.io.export import export_workbook
from tests.import_data import make_nip, pegawai


def test_neutralise_values():
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("+1") == "'+1"
    assert neutralise("-2x") == "'-2x"
    assert neutralise("@x") == "'@x"
    assert neutralise("\tcmd") == "'\tcmd"
    assert neutralise("Baik") == "Baik"
    assert neutralise(-5) == -5


FRAME = pl.DataFrame(
    {
        "teks": ["=SUM(A1)", "+1", "-2x", "@x", "aman"],
        "angka": [-5, 1, 2, 3, 4],
        "pecahan": [-1.5, 0.0, None, 2.25, 3.0],
        "tanggal": [date(2025, 1, 2)] * 5,
    }
)


def test_csv_neutralised_numbers_untouched():
    text = export_frame(FRAME, "csv").decode("utf-8-sig").splitlines()
    assert text == [
        "teks,angka,pecahan,tanggal",
        "'=SUM(A1),-5,-1.5,2025-01-02",
        "'+1,1,0.0,2025-01-02",
        "'-2x,2,,2025-01-02",
        "'@x,3,2.25,2025-01-02",
        "aman,4,3.0,2025-01-02",
    ]


def test_xlsx_neutralised_numbers_stay_numbers():
    wb = openpyxl.load_workbook(io.BytesIO(export_frame(FRAME, "xlsx", sheet="ninebox")))
    ws = wb["ninebox"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("teks", "angka", "pecahan", "tanggal")
    assert [r[0] for r in rows[1:]] == ["'=SUM(A1)", "'+1", "'-2x", "'@x", "aman"]
    assert rows[1][1] == -5 and isinstance(rows[1][1], int | float)
    assert rows[3][2] is None
    assert ws["A2"].data_type == "s"  # a string, never a formula
    assert rows[1][3].date() == date(2025, 1, 2)


def test_unknown_format():
    with pytest.raises(ValueError):
        export_frame(FRAME, "pdf")  # type: ignore[arg-type]


def _pegawai_frame(n: int) -> pl.DataFrame:
    rows = [pegawai(i) for i in range(n)]
    rows[0]["nama"] = "=cmd|' /C calc'!A0"  # hostile name survives the round trip
    rows[1]["nama"] = "-Ni Luh"
    return pl.DataFrame(rows)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip(store, fmt):
    frame = _pegawai_frame(5)
    kinerja = pl.DataFrame(
        {"nip": [make_nip(i) for i in range(5)], "tahun": [2025] * 5,
         "predikat": ["Baik", "Sangat Baik", "Kurang", "Baik", "Butuh Perbaikan"]}
    )  # fmt: skip
    if fmt == "csv":
        files = [
            ("pegawai.csv", export_frame(frame, "csv")),
            ("kinerja.csv", export_frame(kinerja, "csv")),
        ]
    else:
        files = [("ekspor.xlsx", export_workbook({"pegawai": frame, "kinerja": kinerja}))]
    result = run_import(store, files, "t")
    assert result.ok, result.errors
    assert result.added == {"pegawai": 5, "kinerja": 5}
    stored = store.query("SELECT nip, nama FROM pegawai ORDER BY nip").rows()
    assert stored == list(zip(frame["nip"], frame["nama"], strict=True))
    assert stored[0][1] == "=cmd|' /C calc'!A0"
    # Exporting what was stored and importing it again changes nothing.
    back = store.query(
        "SELECT p.nip, p.nama, i.nama AS instansi, u.nama AS unit_kerja, p.jenis_jabatan, "
        "p.nama_jabatan, p.golongan, p.jenis_kelamin, p.tanggal_lahir, p.status_kepegawaian "
        "FROM pegawai p JOIN instansi i ON i.id = p.instansi_id JOIN unit u ON u.id = p.unit_id"
    )
    again = run_import(store, [("pegawai.csv", export_frame(back, "csv"))], "t")
    assert again.ok and again.import_id is None and again.unchanged == {"pegawai": 5}


def test_exports_are_audited(tmp_path):
    """A CLI export and a page-style audited download each write an 'ekspor' audit row."""
    import argparse

    from analytics.io.cli import run_export_cli
    from analytics.io.export import audited, export_frame
    from analytics.reference import open_store

    path = tmp_path / "a.duckdb"
    open_store(path).close()
    args = argparse.Namespace(
        report="kematangan", db=str(path), out=str(tmp_path / "k.csv"), format=None,
        instansi=[], unit=[], jenis_jabatan=[], golongan=None, tahun=None, status=[],
        user=None,
    )  # fmt: skip
    assert run_export_cli(args) == 0
    db = open_store(path)
    rows = db.query("SELECT oleh, aksi, objek FROM audit WHERE aksi = 'ekspor'").rows()
    assert rows == [("lokal", "ekspor", "kematangan")]
    frame = pl.DataFrame({"a": [1, 2]})
    data = audited(db, "analis.a", "uji", "csv", {"baris": 2}, lambda: export_frame(frame))()
    assert data.decode("utf-8-sig").splitlines() == ["a", "1", "2"]
    last = db.query("SELECT oleh, objek, rincian FROM audit ORDER BY id DESC LIMIT 1").row(0)
    assert last[0] == "analis.a" and last[1] == "uji" and '"baris": 2' in last[2]
    db.close()
