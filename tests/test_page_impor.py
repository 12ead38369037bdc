"""The Impor & Ekspor page (AppTest) on a small hand-made store.

Store: Kabupaten Badung (id 2) with four employees and Kabupaten Buleleng (id 3) with one, SKP
and potential for 2025. By hand (rules/ninebox.py LAYOUT): Badung — (Sangat Baik, Tinggi) box 9,
(Baik, Sedang) box 5, (Baik, Tinggi) box 8, one without data 'Belum dipetakan'; Buleleng —
(Kurang, Rendah) box 1.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from analytics import auth
from analytics.io.importer import backup_root
from analytics.reference import open_store
from tests.factories import APP, add_pegawai, add_rows, add_unit, make_store
from tests.import_data import csv_bytes, make_nip, pegawai

PAGE = "pages/impor.py"
REPORT_KEYS = ("ninebox", "kompetensi", "jp", "jp-pegawai", "kematangan")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def imp_env(tmp_path, monkeypatch):
    path = tmp_path / "impor.duckdb"
    db = make_store(path)
    u2 = add_unit(db, 2, "BKPSDM")
    u3 = add_unit(db, 3, "BKPSDM")
    spec = [("Sangat Baik", "Tinggi"), ("Baik", "Sedang"), ("Baik", "Tinggi"), None]
    kin, pot = [], []
    for i, y in enumerate(spec):
        nip = add_pegawai(db, instansi_id=2, unit_id=u2, nama=f"Badung {i}")
        if y:
            kin.append({"nip": nip, "tahun": 2025, "predikat": y[0]})
            pot.append({"nip": nip, "tahun": 2025, "level": y[1], "skor": None})
    nip = add_pegawai(db, instansi_id=3, unit_id=u3, nama="Buleleng 0")
    kin.append({"nip": nip, "tahun": 2025, "predikat": "Kurang"})
    pot.append({"nip": nip, "tahun": 2025, "level": "Rendah", "skor": None})
    add_rows(db, "kinerja", kin)
    add_rows(db, "potensial", pot)
    db.close()
    monkeypatch.setenv("TALENTA_DB", str(path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_MODE", "demo")
    monkeypatch.setenv("TALENTA_AUTH", "off")
    return path


@pytest.fixture
def deferred(monkeypatch) -> dict[str, object]:
    """Record the deferred download callables the page registers, by file name."""
    seen: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        seen[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return seen


def _db():
    """The app's own (cached) store object, for checks from the test process."""
    from ui.state import get_db

    return get_db()


def _counts(db) -> dict[str, int]:
    return {
        t: int(db.scalar(f"SELECT count(*) FROM {t}"))
        for t in ("pegawai", "kinerja", "potensial", "unit", "impor_log")
    }


def _open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest, kind: str) -> str:
    return " ".join(e.value for e in getattr(at, kind))


def _frame(el) -> pl.DataFrame:
    return pl.from_pandas(el.value)


def _find_frame(at: AppTest, column: str) -> list[pl.DataFrame]:
    return [_frame(d) for d in at.dataframe if column in d.value.columns]


def _good_files() -> list[tuple[str, bytes, str]]:
    rows = [pegawai(900), pegawai(901, golongan="III/a", jenis_kelamin="P")]
    kin = [{"nip": make_nip(900), "tahun": 2025, "predikat": "sangat baik"}]
    return [
        ("pegawai.csv", csv_bytes(rows), "text/csv"),
        ("kinerja.csv", csv_bytes(kin), "text/csv"),
    ]


def _bad_files() -> list[tuple[str, bytes, str]]:
    rows = [
        pegawai(910),
        pegawai(911, nip="12345"),  # row 3: NIP not 18 digits
        pegawai(912, instansi="Kabupaten Badungg"),  # row 4: unknown instance
        pegawai(913, golongan="V/z"),  # row 5: golongan outside the list
    ]
    kin = [
        {"nip": make_nip(910), "tahun": 2025, "predikat": "Baik"},
        {"nip": "199001012015011999", "tahun": 2025, "predikat": "Baik"},  # row 3: unknown NIP
    ]
    return [
        ("pegawai.csv", csv_bytes(rows), "text/csv"),
        ("kinerja.csv", csv_bytes(kin), "text/csv"),
    ]


def test_page_sections_and_templates(imp_env):
    at = _open_page()
    assert at.title[0].value == "Impor & Ekspor"
    assert [t.label for t in at.tabs] == ["Impor data", "Riwayat & pemulihan", "Ekspor laporan"]
    up = at.file_uploader(key="imp_upload")
    assert up.accept_multiple_files
    assert sorted(up.allowed_type) == [".csv", ".xlsx"]
    labels = [b.label for b in at.download_button]
    for t in ("pegawai", "kinerja", "potensial", "kompetensi", "standar_kompetensi",
              "pelatihan", "kematangan_mt"):  # fmt: skip
        assert f"{t}.csv" in labels
    assert "Unduh buku kerja XLSX (semua tabel)" in labels
    md = _texts(at, "markdown")
    assert "| `pegawai` |" in md and "`jenis_kelamin` (L/P)" in md
    assert "31/03/2025" in md  # Indonesian dates accepted
    assert "tanpa membedakan huruf besar/kecil" in md
    # Step 2 is not offered before a check; no history yet.
    assert "Belum ada impor." in _texts(at, "caption")


def test_bad_files_show_every_error_and_change_nothing(imp_env, deferred):
    at = _open_page()
    before = _counts(_db())
    at.file_uploader(key="imp_upload").set_value(_bad_files()).run()
    assert at.button(key="imp_go").disabled  # not checked yet
    at.button(key="imp_check").click().run()
    assert not at.exception
    assert "Ditemukan 4 kesalahan" in _texts(at, "error")
    assert at.button(key="imp_go").disabled
    errors = _find_frame(at, "Alasan")[0]
    got = sorted(zip(errors["Berkas / sheet"], errors["Baris"], errors["Kolom"], strict=True))
    assert got == [
        ("kinerja.csv", 3, "nip"),
        ("pegawai.csv", 3, "nip"),
        ("pegawai.csv", 4, "instansi"),
        ("pegawai.csv", 5, "golongan"),
    ]
    reasons = " ".join(errors["Alasan"])
    assert "Kabupaten Badung" in reasons  # suggestion for the misspelt instance
    summary = _find_frame(at, "Baris dibaca")[0]
    assert dict(zip(summary["Berkas / sheet"], summary["Baris dibaca"], strict=True)) == {
        "pegawai.csv": "4",
        "kinerja.csv": "2",
    }
    assert dict(zip(summary["Berkas / sheet"], summary["Kesalahan"], strict=True)) == {
        "pegawai.csv": "3",
        "kinerja.csv": "1",
    }
    assert at.download_button(key="imp_errors_csv").label.startswith("Unduh daftar kesalahan")
    report = pl.read_csv(io.BytesIO(deferred["kesalahan_impor.csv"]()))
    assert report.columns == ["jenis", "berkas", "tabel", "baris", "kolom", "alasan"]
    assert sorted(zip(report["berkas"], report["baris"], report["kolom"], strict=True)) == got
    assert _counts(_db()) == before

    # The selection and the report survive a visit to another page.
    at.switch_page("pages/kematangan.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "pegawai.csv" in _texts(at, "info")  # kept files notice
    assert "Ditemukan 4 kesalahan" in _texts(at, "error")
    assert _counts(_db()) == before


def test_good_files_import_then_duplicate_then_undo(imp_env):
    at = _open_page()
    db = _db()
    before = _counts(db)
    at.file_uploader(key="imp_upload").set_value(_good_files()).run()
    at.button(key="imp_check").click().run()
    assert "Tidak ada kesalahan: 3 baris siap diimpor dari 2 tabel." in _texts(at, "success")
    assert _counts(db) == before  # checking writes nothing
    assert not at.button(key="imp_go").disabled
    at.button(key="imp_go").click().run()
    assert not at.exception
    after = _counts(db)
    assert after["pegawai"] == before["pegawai"] + 2
    assert after["kinerja"] == before["kinerja"] + 1
    assert after["impor_log"] == 1
    assert "Impor #" in _texts(at, "success")
    res = _find_frame(at, "Ditambah")[0]
    assert dict(zip(res["Tabel"], res["Ditambah"], strict=True)) == {
        "pegawai (data pegawai)": "2",
        "kinerja (predikat SKP)": "1",
    }
    hist = _find_frame(at, "No. impor")[0]
    assert hist["Status"].to_list() == ["aktif"] and hist["Ditambah"].to_list() == ["3"]

    # The same files again: nothing changes, the earlier import is named.
    at.button(key="imp_go").click().run()
    assert not at.exception
    import_id = int(db.scalar("SELECT max(id) FROM impor_log"))
    assert f"sudah diimpor sebagai impor #{import_id}" in _texts(at, "info")
    assert _counts(db) == after

    # Undo needs the confirmation box.
    assert at.button(key="imp_undo").disabled
    at.checkbox(key="imp_ok_undo").check().run()
    at.button(key="imp_undo").click().run()
    assert not at.exception
    assert f"Impor dibatalkan: #{import_id}" in _texts(at, "success")
    assert {k: v for k, v in _counts(db).items() if k != "impor_log"} == {
        k: v for k, v in before.items() if k != "impor_log"
    }
    assert at.checkbox(key="imp_ok_undo").value is False if at.checkbox else True
    hist = _find_frame(at, "No. impor")[0]
    assert hist["Status"].to_list() == ["dibatalkan"]


def test_restore_refusal_is_shown_and_changes_nothing(imp_env):
    at = _open_page()
    db = _db()
    at.file_uploader(key="imp_upload").set_value(_good_files()).run()
    at.button(key="imp_check").click().run()
    at.button(key="imp_go").click().run()
    after = _counts(db)
    import_id = int(db.scalar("SELECT max(id) FROM impor_log"))
    shutil.rmtree(backup_root(db) / str(import_id))  # the backup is gone
    at.checkbox(key="imp_ok_all").check().run()
    at.button(key="imp_all").click().run()
    assert not at.exception
    err = _texts(at, "error")
    assert err.startswith("Pemulihan ditolak:") and f"Cadangan impor #{import_id}" in err
    assert _counts(db) == after


def test_changed_store_is_rechecked_before_import(imp_env):
    at = _open_page()
    db = _db()
    files = _good_files()
    at.file_uploader(key="imp_upload").set_value(files[1:]).run()  # kinerja only
    at.button(key="imp_check").click().run()
    assert "Ditemukan 1 kesalahan" in _texts(at, "error")  # NIP not yet known
    at.file_uploader(key="imp_upload").set_value(files).run()
    at.button(key="imp_check").click().run()
    assert not at.button(key="imp_go").disabled
    # Someone else adds a unit meanwhile (the data version moves): the page checks again.
    add_unit(db, 2, "Unit Baru")
    at.button(key="imp_go").click().run()
    assert not at.exception
    assert "diperiksa ulang" in _texts(at, "info")
    assert int(db.scalar("SELECT count(*) FROM impor_log")) == 1


# -- exports -----------------------------------------------------------------------------------
def _cli_export(db_path: Path, report: str, out: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "analytics", "export", report, "--db", str(db_path), *args,
         "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip


def _xlsx_rows(content: bytes) -> list[tuple]:
    wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]


def test_export_offers_five_reports_equal_to_cli(imp_env, tmp_path, deferred):
    # The command line first (it opens the store read-only; the app holds it read-write).
    _cli_export(imp_env, "ninebox", tmp_path / "nb.csv", "--instansi", "2", "--tahun", "2025")
    _cli_export(imp_env, "ninebox", tmp_path / "nb.xlsx", "--instansi", "2", "--tahun", "2025")
    _cli_export(imp_env, "jp-pegawai", tmp_path / "jpp.csv", "--instansi", "2", "--tahun", "2025")
    at = _open_page()
    at.multiselect(key="flt_instansi").set_value(["Kabupaten Badung"]).run()
    assert not at.exception
    md = _texts(at, "markdown")
    for key in REPORT_KEYS:
        assert f"`{key}`" in md
        assert at.download_button(key=f"imp_exp_{key}_csv").label == "Unduh CSV"
        assert at.download_button(key=f"imp_exp_{key}_xlsx").label == "Unduh XLSX"
    assert "Isi ekspor: Tahun 2025 · Kabupaten Badung" in _texts(at, "info")

    # Page bytes == CLI bytes for the same filter (CSV exactly; XLSX by cell values, since
    # the workbook carries its creation time).
    page_csv = deferred["ninebox_2025.csv"]()
    assert page_csv == (tmp_path / "nb.csv").read_bytes()
    page_xlsx = deferred["ninebox_2025.xlsx"]()
    assert _xlsx_rows(page_xlsx) == _xlsx_rows((tmp_path / "nb.xlsx").read_bytes())
    # ... and both hold the hand-computed figures for Badung.
    got = pl.read_csv(io.BytesIO(page_csv), schema_overrides={"kotak": pl.Int64})
    jumlah = dict(zip(got["label"].to_list(), got["jumlah"].to_list(), strict=True))
    by_box = dict(zip(got["kotak"].to_list(), got["jumlah"].to_list(), strict=True))
    assert {k: v for k, v in by_box.items() if v} == {5: 1, 8: 1, 9: 1, None: 1}
    assert jumlah["Belum dipetakan"] == 1
    assert got["persen"].to_list() == [0.0, 0.0, 0.0, 0.0, 25.0, 0.0, 0.0, 25.0, 25.0, 25.0]
    # The preview shows the same frame.
    preview = [f for f in _find_frame(at, "kotak") if "label" in f.columns][0]
    assert preview["jumlah"].to_list() == got["jumlah"].to_list()
    # The equivalent command line is spelled out.
    assert "python -m analytics export ninebox --db PATH --tahun 2025 --instansi 2" in _texts(
        at, "caption"
    )
    # One workbook with every report.
    wb = openpyxl.load_workbook(io.BytesIO(deferred["laporan_2025.xlsx"]()), read_only=True)
    assert wb.sheetnames == ["ninebox", "kompetensi", "jp", "kematangan"]
    # The person list is built on click, with the same filter, equal to the CLI's.
    people = deferred["jp_pegawai_2025.csv"]()
    assert people == (tmp_path / "jpp.csv").read_bytes()
    assert pl.read_csv(io.BytesIO(people))["nama"].sort().to_list() == [
        "Badung 0", "Badung 1", "Badung 2", "Badung 3",
    ]  # fmt: skip
    assert "4 pegawai" in _texts(at, "caption")


# -- access ------------------------------------------------------------------------------------
def _signed_in(path: Path, monkeypatch, role: str, instansi: int | None, before=None) -> AppTest:
    db = open_store(path)
    auth.create_user(db, "pengguna.uji", "Kata-sandi-uji-123", role, instansi, by="test")
    db.close()
    if before:
        before()  # e.g. a CLI run, while the app does not hold the store yet
    monkeypatch.setenv("TALENTA_AUTH", "local")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth_user"] = "pengguna.uji"
    at.session_state["auth_since"] = datetime.now()
    return at.run()


def test_analyst_sees_only_exports(imp_env, monkeypatch, tmp_path, deferred):
    out = tmp_path / "nb_user.csv"
    cli = lambda: _cli_export(imp_env, "ninebox", out, "--tahun", "2025", "--user", "pengguna.uji")  # noqa: E731
    at = _signed_in(imp_env, monkeypatch, "analis_instansi", 2, before=cli)
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "hanya dapat mengekspor" in _texts(at, "info")
    assert len(at.file_uploader) == 0 and len(at.tabs) == 0
    assert not [b for b in at.button if b.key in ("imp_check", "imp_go", "imp_undo")]
    for key in REPORT_KEYS:
        assert at.download_button(key=f"imp_exp_{key}_csv")
    assert "Isi ekspor: Tahun 2025 · Kabupaten Badung" not in _texts(at, "info")  # no filter
    assert "Isi ekspor: Tahun 2025 · Semua" in _texts(at, "info")
    assert "--user pengguna.uji --out ninebox_2025.csv" in _texts(at, "caption")
    # Same file as the command line run as this account (Badung only: 4 people, 25% each).
    page = deferred["ninebox_2025.csv"]()
    assert page == out.read_bytes()
    assert pl.read_csv(io.BytesIO(page))["jumlah"].sum() == 4


def _page_alone(scope, flt=None) -> AppTest:
    """The page script on its own with a given scope (as a deep link would reach it)."""
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    at.session_state["scope"] = scope
    if flt is not None:
        at.session_state["filter"] = flt
    return at.run()


@pytest.mark.parametrize("role", ["komite", "tamu"])
def test_roles_without_import_or_export_are_refused(imp_env, role):
    at = _page_alone(auth.scope_for(role, 2, "uji"))
    assert not at.exception
    assert _texts(at, "error") == "Peran Anda tidak berhak mengimpor maupun mengekspor data."
    assert len(at.file_uploader) == 0 and len(at.download_button) == 0


def test_filter_outside_scope_is_refused(imp_env):
    from analytics.filters import Filter

    at = _page_alone(auth.scope_for("analis_instansi", 2, "uji"), Filter(tahun=2025, instansi=(3,)))
    assert not at.exception
    assert "di luar cakupan akses Anda" in _texts(at, "error")
    assert not [b for b in at.download_button if (b.key or "").startswith("imp_exp_")]


def test_missing_or_broken_report_does_not_hide_the_others(imp_env, monkeypatch):
    import analytics.queries.competency as competency
    import analytics.queries.maturity as maturity

    monkeypatch.delattr(maturity, "export_kematangan")

    def broken(db, flt, scope):
        raise RuntimeError("tabel hilang")

    broken.__module__, broken.__qualname__ = competency.__name__, "export_kompetensi"
    monkeypatch.setattr(competency, "export_kompetensi", broken)
    at = _open_page()
    assert "Laporan ini belum tersedia di versi ini." in _texts(at, "caption")
    assert "Laporan ini tidak dapat disusun saat ini (tabel hilang)." in _texts(at, "error")
    keys = {b.key for b in at.download_button}
    assert {"imp_exp_ninebox_csv", "imp_exp_jp_csv", "imp_exp_jp-pegawai_csv"} <= keys
    assert not keys & {"imp_exp_kematangan_csv", "imp_exp_kompetensi_csv"}
