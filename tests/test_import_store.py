"""Loading imports into a real store: all or nothing, idempotent, restorable; CLI."""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from analytics.io import (
    RestoreError,
    import_history,
    restore_before_all_imports,
    restore_before_import,
    run_import,
    templates,
    undo_import,
)
from analytics.io.cli import (
    add_export_arguments,
    add_import_arguments,
    add_template_arguments,
    golongan_range,
    run_export_cli,
    run_import_cli,
    run_template_cli,
)
from analytics.io.importer import backup_root, jenjang_from_title, pension_date
from analytics.reference import open_store
from tests.import_data import csv_bytes, make_nip, pegawai, xlsx_bytes

TABLES = ("pegawai", "kinerja", "potensial", "kompetensi", "kompetensi_ref",
          "standar_kompetensi", "pelatihan", "kematangan", "unit", "impor_log", "agg_jp",
          "audit", "meta")  # fmt: skip


def snapshot(db) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent hash of every table."""
    out = {}
    for t in TABLES:
        rows = db.query(f"SELECT * FROM {t}").rows()
        digest = hashlib.sha256("\n".join(sorted(map(repr, rows))).encode()).hexdigest()
        out[t] = (len(rows), digest)
    return out


def source_snapshot(db):
    """Snapshot of the data tables only (the log and audit grow on restore)."""
    snap = snapshot(db)
    return {t: v for t, v in snap.items() if t not in ("impor_log", "audit", "meta")}


def _kinerja(nips, tahun=2025, predikat="Baik"):
    return [{"nip": n, "tahun": tahun, "predikat": predikat} for n in nips]


def test_domain_derivations():
    assert pension_date(date(1986, 9, 26), 58) == date(2044, 10, 1)
    assert pension_date(date(1970, 12, 5), 60) == date(2031, 1, 1)
    assert jenjang_from_title("Fungsional", "Analis SDM Aparatur Ahli Utama") == "Ahli Utama"
    assert jenjang_from_title("Fungsional", "Perawat Terampil") == "Terampil"
    assert jenjang_from_title("Pelaksana", "Ahli Muda Gadungan") is None


def test_several_csvs_in_any_order_are_one_import(store):
    nips = [make_nip(i) for i in range(3)]
    files = [
        ("kinerja.csv", csv_bytes(_kinerja(nips))),
        ("pelatihan.csv", csv_bytes([{"nip": nips[0], "tanggal_mulai": "10/03/2025",
                                      "nama_kegiatan": "Bimtek", "jalur": "klasikal",
                                      "jenis": "Bimtek", "jp": 24}])),
        ("pegawai.csv", csv_bytes([
            pegawai(0),
            pegawai(1, jenis_jabatan="Fungsional", nama_jabatan="Analis SDM Ahli Madya",
                    golongan="IV/a"),
            pegawai(2, instansi="kota denpasar", unit_kerja="Dinas Baru",
                    status_kepegawaian="PPPK", golongan="ix"),
        ])),
    ]  # fmt: skip
    v0 = store.data_version
    result = run_import(store, files, "analis")
    assert result.ok, result.errors
    assert result.import_id == 1
    assert result.added == {"pegawai": 3, "kinerja": 3, "pelatihan": 1}
    assert result.updated == {"pegawai": 0, "kinerja": 0, "pelatihan": 0}
    assert store.data_version == v0 + 1
    peg = store.query(
        "SELECT p.nip, i.nama AS instansi, u.nama AS unit, u.sumber AS usumber, p.jenjang, "
        "p.golongan, p.golongan_rank, p.bup, p.tanggal_pensiun, p.sumber, p.import_id "
        "FROM pegawai p JOIN instansi i ON i.id = p.instansi_id JOIN unit u ON u.id = p.unit_id "
        "ORDER BY p.nip"
    ).rows()
    assert peg == [
        (nips[0], "Kabupaten Badung", "BKPSDM", "impor", None, "II/c", 7, 58,
         date(2028, 2, 1), "impor", 1),
        (nips[1], "Kabupaten Badung", "Dinas Kesehatan", "impor", "Ahli Madya", "IV/a", 13, 60,
         date(2030, 2, 1), "impor", 1),
        (nips[2], "Kota Denpasar", "Dinas Baru", "impor", None, "IX", 9, 58,
         date(2028, 2, 1), "impor", 1),
    ]  # fmt: skip
    assert store.query("SELECT nip, tahun, jp, jp_klasikal FROM agg_jp").rows() == [
        (nips[0], 2025, 24.0, 24.0)
    ]
    log = import_history(store)
    assert log["ditambah"].to_list() == [7]
    assert log["oleh"].to_list() == ["analis"]
    assert log["status"].to_list() == ["aktif"]
    assert json.loads(log["rincian"][0])["tabel"]["kinerja"] == {
        "ditambah": 3,
        "diperbarui": 0,
        "tetap": 0,
    }
    audit = store.query("SELECT aksi, objek FROM audit WHERE aksi = 'impor'").rows()
    assert audit == [("impor", "impor #1")]


def test_xlsx_workbook_with_several_sheets(store):
    nip = make_nip(5)
    book = xlsx_bytes({
        "kompetensi": [{"nip": nip, "tahun": 2025, "kompetensi": "integritas", "level": 4},
                       {"nip": nip, "tahun": 2025, "kompetensi": "Analisis Jabatan", "level": 2}],
        "pegawai": [pegawai(5)],
        "potensial": [{"nip": nip, "tahun": 2025, "level": None, "skor": 77.5}],
        "kematangan_mt": [{"instansi": "Kabupaten Badung", "periode": date(2025, 6, 30),
                           "pembangunan_mt": "Sudah", "penerapan_mt": "Sudah",
                           "skor_ism": 331, "tahun_ism": 2025, "catatan": "naik"}],
    })  # fmt: skip
    pub_before = store.query("SELECT * FROM kematangan WHERE sumber = 'publikasi'").rows()
    result = run_import(store, [("data.xlsx", book)], "analis")
    assert result.ok, result.errors
    assert result.added == {"pegawai": 1, "potensial": 1, "kompetensi": 2, "kematangan_mt": 1}
    assert store.query("SELECT kompetensi, level FROM kompetensi ORDER BY 1").rows() == [
        ("Analisis Jabatan", 2),
        ("Integritas", 4),
    ]
    assert store.query(
        "SELECT kelompok FROM kompetensi_ref WHERE nama = 'Analisis Jabatan'"
    ).rows() == [("teknis",)]
    assert store.query("SELECT level, skor FROM potensial").rows() == [(None, 77.5)]
    assert store.query(
        "SELECT instansi_id, periode, pembangunan_mt, penerapan_mt, skor_ism, tahun_ism, sumber, "
        "dicatat_oleh FROM kematangan WHERE sumber = 'impor'"
    ).rows() == [(2, date(2025, 6, 30), "Sudah", "Sudah", 331.0, 2025, "impor", "analis")]
    assert store.query("SELECT * FROM kematangan WHERE sumber = 'publikasi'").rows() == pub_before


def test_rejected_import_changes_nothing_10000_rows(store):
    base = run_import(store, [("pegawai.csv", csv_bytes([pegawai(i) for i in range(20)]))], "a")
    assert base.ok
    before = snapshot(store)
    rows = [pegawai(i) for i in range(10_000)]
    rows[7_321]["golongan"] = "III/z"
    nips = [r["nip"] for r in rows]
    files = [
        ("pegawai.csv", csv_bytes(rows)),
        ("kinerja.csv", csv_bytes(_kinerja(nips))),
    ]
    result = run_import(store, files, "a")
    assert not result.ok
    assert [(e.berkas, e.baris, e.kolom, e.alasan) for e in result.errors] == [
        ("pegawai.csv", 7_323, "golongan", "golongan tidak dikenal: 'III/z'")
    ]
    assert snapshot(store) == before
    assert result.added == {} and result.import_id is None


def test_same_file_twice_changes_nothing(store):
    files = [
        ("pegawai.csv", csv_bytes([pegawai(1), pegawai(2)])),
        ("kinerja.csv", csv_bytes(_kinerja([make_nip(1), make_nip(2)]))),
    ]
    first = run_import(store, files, "a")
    assert first.ok and first.total_added == 4
    before = snapshot(store)
    second = run_import(store, list(reversed(files)), "a")
    assert second.ok
    assert second.import_id is None
    assert second.total_added == 0 and second.total_updated == 0
    assert second.unchanged == {"pegawai": 2, "kinerja": 2}
    assert second.duplicate_of == 1
    assert "sudah diimpor sebagai impor #1" in second.message
    assert snapshot(store) == before


def test_update_counts_and_restore_before_import(store):
    pre = source_snapshot(store)
    first = run_import(
        store,
        [("pegawai.csv", csv_bytes([pegawai(1), pegawai(2)])),
         ("kinerja.csv", csv_bytes(_kinerja([make_nip(1), make_nip(2)])))],
        "a",
    )  # fmt: skip
    after_first = source_snapshot(store)
    second = run_import(
        store,
        [("pegawai.csv", csv_bytes([pegawai(1, golongan="III/a"), pegawai(3)])),
         ("kinerja.csv", csv_bytes(_kinerja([make_nip(1)], predikat="Sangat Baik")
                                   + _kinerja([make_nip(2)])))],
        "b",
    )  # fmt: skip
    assert second.added == {"pegawai": 1, "kinerja": 0}
    assert second.updated == {"pegawai": 1, "kinerja": 1}
    assert second.unchanged == {"pegawai": 0, "kinerja": 1}
    assert store.query("SELECT predikat, import_id FROM kinerja ORDER BY nip").rows() == [
        ("Sangat Baik", 2),
        ("Baik", 1),
    ]
    assert (backup_root(store) / "2" / "pegawai.parquet").exists()

    assert undo_import(store, second.import_id, "c") is None
    assert source_snapshot(store) == after_first
    assert import_history(store)["status"].to_list() == ["dipulihkan", "aktif"]

    with pytest.raises(RestoreError):
        restore_before_import(store, second.import_id, "c")
    assert restore_before_import(store, first.import_id, "c") == [1]
    assert source_snapshot(store) == pre


def test_restore_before_all_imports_in_reverse_order(store):
    pre = source_snapshot(store)
    run_import(store, [("pegawai.csv", csv_bytes([pegawai(1)]))], "a")
    run_import(store, [("pegawai.csv", csv_bytes([pegawai(1, nama="Baru")]))], "a")
    run_import(store, [("kinerja.csv", csv_bytes(_kinerja([make_nip(1)])))], "a")
    with pytest.raises(RestoreError, match="ada impor sesudahnya"):
        undo_import(store, 1, "c")
    assert restore_before_all_imports(store, "c") == [3, 2, 1]
    assert source_snapshot(store) == pre
    assert restore_before_all_imports(store, "c") == []
    # After a restore, the same file can be imported again.
    again = run_import(store, [("pegawai.csv", csv_bytes([pegawai(1)]))], "a")
    assert again.import_id == 4 and again.added == {"pegawai": 1}


def test_templates_import_cleanly_into_new_store(tmp_path):
    files = templates()
    assert set(files) == {
        "pegawai.csv", "kinerja.csv", "potensial.csv", "kompetensi.csv",
        "standar_kompetensi.csv", "pelatihan.csv", "kematangan_mt.csv", "templat_impor.xlsx",
    }  # fmt: skip
    with open_store(tmp_path / "a.duckdb") as db:
        csvs = [(n, b) for n, b in files.items() if n.endswith(".csv")]
        result = run_import(db, csvs, "t")
        assert result.ok, result.errors
        assert result.total_added == 7
    with open_store(tmp_path / "b.duckdb") as db:
        result = run_import(db, [("templat_impor.xlsx", files["templat_impor.xlsx"])], "t")
        assert result.ok, result.errors
        assert result.total_added == 7
        assert db.query("SELECT tanggal_lahir, bup FROM pegawai").rows() == [
            (date(1986, 9, 26), 58)
        ]


# -- command line ---------------------------------------------------------------------------
def _args(adder, argv):
    p = argparse.ArgumentParser()
    adder(p)
    return p.parse_args(argv)


def test_cli_import_new_store_accept_and_reject(tmp_path, capsys):
    db_path = tmp_path / "new" / "cli.duckdb"
    good = tmp_path / "pegawai.csv"
    good.write_bytes(csv_bytes([pegawai(1)]))
    assert run_import_cli(_args(add_import_arguments, ["--db", str(db_path), str(good)])) == 0
    assert "import #1 accepted" in capsys.readouterr().out
    with open_store(db_path) as db:
        assert db.count("pegawai") == 1
        assert db.count("instansi") == 44
        assert db.meta("data_kind") == "empty"

    bad = tmp_path / "kinerja.csv"
    bad.write_bytes(csv_bytes(_kinerja([make_nip(1)], predikat="Hebat")))
    report = tmp_path / "err.csv"
    code = run_import_cli(
        _args(add_import_arguments, ["--db", str(db_path), "--errors-csv", str(report), str(bad)])
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "import rejected: 1 problem(s)" in err
    assert "kinerja.csv, baris 2, kolom predikat: predikat tidak dikenal: 'Hebat'" in err
    assert (
        report.read_bytes()
        .decode("utf-8-sig")
        .splitlines()[1]
        .startswith("galat,kinerja.csv,kinerja,2,predikat,")
    )
    assert run_import_cli(_args(add_import_arguments, ["--db", str(db_path), "--history"])) == 0
    assert "#1" in capsys.readouterr().out
    assert run_import_cli(_args(add_import_arguments, ["--db", str(db_path), "--restore-all"])) == 0
    with open_store(db_path) as db:
        assert db.count("pegawai") == 0
    assert run_import_cli(_args(add_import_arguments, ["--db", str(db_path)])) == 2
    missing = ["--db", str(db_path), str(tmp_path / "nope.csv")]
    assert run_import_cli(_args(add_import_arguments, missing)) == 2


def test_cli_via_subprocess(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "pegawai.csv"
    bad.write_bytes(csv_bytes([pegawai(1, nip="123")]))
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [sys.executable, "-m", "analytics", "import", "--db", str(tmp_path / "s.duckdb"),
         str(bad)],
        cwd=root, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "NIP harus 18 digit" in proc.stderr


def test_cli_template(tmp_path):
    out = tmp_path / "tpl"
    assert run_template_cli(_args(add_template_arguments, ["--out", str(out)])) == 0
    assert sorted(p.name for p in out.iterdir())[:2] == ["kematangan_mt.csv", "kinerja.csv"]
    assert (out / "templat_impor.xlsx").stat().st_size > 1000


def test_cli_export_filters_and_missing_report(tmp_path, capsys, monkeypatch):
    import sys
    import types

    import polars as pl

    db_path = tmp_path / "e.duckdb"
    with open_store(db_path) as db:
        run_import(db, [("pegawai.csv", csv_bytes([pegawai(1), pegawai(2)]))], "t")
    seen = {}

    def fake_export(db, flt, scope):
        seen["flt"] = flt
        return pl.DataFrame({"kotak": [1, None], "label": ["=HYPERLINK()", "Belum dipetakan"],
                             "jumlah": [-5, 2]})  # fmt: skip

    mod = types.ModuleType("analytics.queries.ninebox")
    mod.export_ninebox = fake_export
    monkeypatch.setitem(sys.modules, "analytics.queries.ninebox", mod)
    out = tmp_path / "nb.csv"
    argv = ["ninebox", "--db", str(db_path), "--instansi", "kabupaten badung", "44",
            "--unit", "BKPSDM", "--jenis-jabatan", "pelaksana", "--golongan", "III/a-IV/e",
            "--tahun", "2024", "--out", str(out)]  # fmt: skip
    assert run_export_cli(_args(add_export_arguments, argv)) == 0
    flt = seen["flt"]
    assert (flt.instansi, flt.jenis_jabatan, flt.golongan_min, flt.golongan_max, flt.tahun) == (
        (2, 44),
        ("Pelaksana",),
        9,
        17,
        2024,
    )
    assert len(flt.unit) == 1
    assert out.read_bytes().decode("utf-8-sig").splitlines() == [
        "kotak,label,jumlah",
        "1,'=HYPERLINK(),-5",
        ",Belum dipetakan,2",
    ]
    bad = ["ninebox", "--db", str(db_path), "--instansi", "Atlantis", "--out", str(out)]
    assert run_export_cli(_args(add_export_arguments, bad)) == 2
    assert "unknown instansi: 'Atlantis'" in capsys.readouterr().err

    monkeypatch.setitem(sys.modules, "analytics.queries.maturity", None)
    argv = ["kematangan", "--db", str(db_path), "--out", str(tmp_path / "k.xlsx")]
    assert run_export_cli(_args(add_export_arguments, argv)) == 2
    assert "not available" in capsys.readouterr().err


def test_golongan_range():
    assert golongan_range("III/a-IV/e") == (9, 17)
    assert golongan_range("ii/b") == (6, 6)
    with pytest.raises(ValueError):
        golongan_range("IV/e-III/a")
