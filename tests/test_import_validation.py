"""Validation of import files: every error class, with sheet, row, column and reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.io import errors_csv, parse_files, run_import, validate
from analytics.io.validate import SPECS, parse_date, parse_nip, validate_row
from tests.import_data import csv_bytes, make_nip, pegawai, xlsx_bytes


def _errors(store, files):
    report = validate(store, parse_files(files))
    return report, [(e.berkas, e.baris, e.kolom, e.alasan) for e in report.errors]


def test_valid_pegawai_file_has_no_errors(store):
    report, errs = _errors(store, [("pegawai.csv", csv_bytes([pegawai(1), pegawai(2)]))])
    assert errs == []
    assert report.ok
    assert report.row_count() == {"pegawai": 2}


@pytest.mark.parametrize(
    ("over", "kolom", "alasan"),
    [
        ({"nip": "12345"}, "nip", "NIP harus 18 digit"),
        ({"nip": "19861326 201505 1 001"}, "nip", "tanggal lahir dalam NIP tidak valid"),
        ({"nip": "19860230201505 1 001"}, "nip", "tanggal lahir dalam NIP tidak valid"),
        ({"golongan": "III/f"}, "golongan", "golongan tidak dikenal: 'III/f'"),
        ({"golongan": "IX"}, "golongan", "golongan IX bukan golongan PNS (I/a–IV/e)"),
        (
            {"tanggal_lahir": "31/02/1986"},
            "tanggal_lahir",
            "tanggal tidak ada di kalender: '31/02/1986'",
        ),
        (
            {"tanggal_lahir": "26-09-1986"},
            "tanggal_lahir",
            "tanggal tidak valid: '26-09-1986' (gunakan yyyy-mm-dd atau dd/mm/yyyy)",
        ),
        ({"nama": ""}, "nama", "wajib diisi"),
        (
            {"jenis_kelamin": "X"},
            "jenis_kelamin",
            "jenis kelamin tidak dikenal: 'X' (pilihan: L, P)",
        ),
    ],
)
def test_pegawai_row_errors(store, over, kolom, alasan):
    rows = [pegawai(1), pegawai(2, **over)]
    _, errs = _errors(store, [("pegawai.csv", csv_bytes(rows))])
    assert errs == [("pegawai.csv", 3, kolom, alasan)]


def test_unknown_instance_with_hint(store):
    _, errs = _errors(
        store, [("pegawai.csv", csv_bytes([pegawai(1, instansi="Kabupaten Badungg")]))]
    )
    assert errs == [
        (
            "pegawai.csv",
            2,
            "instansi",
            "instansi tidak dikenal: 'Kabupaten Badungg' (maksud Anda 'Kabupaten Badung'?)",
        )
    ]


def test_case_insensitive_values_are_canonicalised(store):
    row = pegawai(
        1,
        instansi="kabupaten BADUNG",
        jenis_jabatan="fungsional",
        nama_jabatan="Analis SDM Aparatur Ahli Madya",
        golongan="iv/a",
        jenis_kelamin="p",
        status_kepegawaian="pns",
        tanggal_lahir="01/01/1970",
    )
    report, errs = _errors(store, [("pegawai.csv", csv_bytes([row]))])
    assert errs == []
    r = report.rows["pegawai"][0][1]
    assert (r.jenis_jabatan, r.golongan, r.jenis_kelamin, r.status_kepegawaian) == (
        "Fungsional",
        "IV/a",
        "P",
        "PNS",
    )
    assert r.tanggal_lahir == date(1970, 1, 1)


def test_kinerja_potensial_kompetensi_pelatihan_errors(store):
    nip = make_nip(1)
    files = [
        ("pegawai.csv", csv_bytes([pegawai(1)])),
        (
            "kinerja.csv",
            csv_bytes(
                [
                    {"nip": nip, "tahun": 2025, "predikat": "sangat baik"},
                    {"nip": nip, "tahun": 2024, "predikat": "Luar Biasa"},
                    {"nip": nip, "tahun": 2025, "predikat": "Baik"},
                    {"nip": make_nip(99), "tahun": 2025, "predikat": "Baik"},
                ]
            ),
        ),
        (
            "potensial.csv",
            csv_bytes(
                [
                    {"nip": nip, "tahun": 2025, "level": "", "skor": ""},
                    {"nip": nip, "tahun": 2024, "level": "", "skor": "101"},
                    {"nip": nip, "tahun": 2023, "level": "tinggi", "skor": ""},
                ]
            ),
        ),
        (
            "kompetensi.csv",
            csv_bytes(
                [
                    {"nip": nip, "tahun": 2025, "kompetensi": "Integritas", "level": "6"},
                    {"nip": nip, "tahun": 2025, "kompetensi": "Kerjasama", "level": "2.5"},
                    {"nip": nip, "tahun": 2025, "kompetensi": "Integritass", "level": "3"},
                ]
            ),
        ),
        (
            "pelatihan.csv",
            csv_bytes(
                [
                    {"nip": nip, "tanggal_mulai": "2025-03-01", "nama_kegiatan": "A",
                     "jalur": "Klasikal", "jenis": "Diklat", "jp": "0"},
                    {"nip": nip, "tanggal_mulai": "2025-03-02", "nama_kegiatan": "B",
                     "jalur": "Klasikal", "jenis": "Diklat", "jp": "-4"},
                    {"nip": nip, "tanggal_mulai": "2025-03-03", "nama_kegiatan": "C",
                     "jalur": "Klasikal", "jenis": "Diklat", "jp": "5000"},
                    {"nip": nip, "tanggal_mulai": "2025-13-01", "nama_kegiatan": "D",
                     "jalur": "Daring", "jenis": "Diklat", "jp": "8"},
                    {"nip": nip, "tanggal_mulai": "04/03/2025", "nama_kegiatan": "E",
                     "jalur": "non klasikal", "jenis": "Coaching", "jp": "2,5"},
                ]
            ),
        ),
    ]  # fmt: skip
    report, errs = _errors(store, files)
    assert errs == [
        ("kinerja.csv", 3, "predikat",
         "predikat tidak dikenal: 'Luar Biasa' (pilihan: Sangat Baik, Baik, Butuh Perbaikan, "
         "Kurang, Sangat Kurang)"),
        ("kinerja.csv", 4, "nip, tahun", "duplikat kunci dalam berkas (baris 2 dan 4)"),
        ("kinerja.csv", 5, "nip", "NIP tidak ditemukan di data pegawai maupun berkas pegawai"),
        ("potensial.csv", 2, "level/skor", "isi level (Tinggi/Sedang/Rendah) atau skor (0–100)"),
        ("potensial.csv", 3, "skor", "skor harus 0–100, bukan 101"),
        ("kompetensi.csv", 2, "level", "level harus bilangan bulat 1–5, bukan '6'"),
        ("kompetensi.csv", 3, "level", "level harus bilangan bulat 1–5, bukan '2.5'"),
        ("kompetensi.csv", 4, "kompetensi",
         "kompetensi tidak dikenal: 'Integritass' (maksud Anda 'Integritas'?)"),
        ("pelatihan.csv", 2, "jp", "JP harus lebih dari 0, bukan 0"),
        ("pelatihan.csv", 3, "jp", "JP harus lebih dari 0, bukan -4"),
        ("pelatihan.csv", 4, "jp", "JP 5000 tidak wajar (maksimum 1000 per kegiatan)"),
        ("pelatihan.csv", 5, "tanggal_mulai", "tanggal tidak ada di kalender: '2025-13-01'"),
        ("pelatihan.csv", 5, "jalur", "jalur tidak dikenal: 'Daring' (pilihan: Klasikal, Nonklasikal)"),
    ]  # fmt: skip
    kinerja_ok = report.rows["kinerja"][0][1]
    assert kinerja_ok.predikat == "Sangat Baik"
    pel = report.rows["pelatihan"][0][1]
    assert (pel.jalur, pel.jp, pel.tanggal_mulai) == ("Nonklasikal", 2.5, date(2025, 3, 4))
    assert report.rows["potensial"][0][1].level == "Tinggi"


def test_unknown_technical_competency_is_a_warning(store):
    nip = make_nip(1)
    report, errs = _errors(
        store,
        [
            ("pegawai.csv", csv_bytes([pegawai(1)])),
            ("kompetensi.csv", csv_bytes([{"nip": nip, "tahun": 2025,
                                           "kompetensi": "Penyusunan Anggaran", "level": 3}])),
        ],
    )  # fmt: skip
    assert errs == []
    assert report.new_kompetensi == ["Penyusunan Anggaran"]
    assert [w.alasan for w in report.warnings] == [
        "kompetensi baru 'Penyusunan Anggaran' akan dicatat sebagai kompetensi teknis"
    ]


def test_kematangan_inconsistent_and_unknown_instance(store):
    rows = [
        {"instansi": "Kabupaten Badung", "periode": "30/06/2025", "pembangunan_mt": "Belum",
         "penerapan_mt": "Sudah"},
        {"instansi": "Kabupaten Badung", "periode": "2025-07-31", "pembangunan_mt": "belum",
         "penerapan_mt": "proses"},
        {"instansi": "Kabupaten Badung", "periode": "2025-08-31", "pembangunan_mt": "Proses",
         "penerapan_mt": "Sudah"},
        {"instansi": "Kabupaten Antah", "periode": "2025-08-31", "pembangunan_mt": "Sudah",
         "penerapan_mt": "Belum"},
        {"instansi": "kota denpasar", "periode": "2025-08-31", "pembangunan_mt": "Sudah",
         "penerapan_mt": "Proses"},
    ]  # fmt: skip
    report, errs = _errors(store, [("kematangan_mt.csv", csv_bytes(rows))])
    why = "penerapan MT '{}' tidak mungkin mendahului pembangunan MT '{}'"
    assert errs == [
        ("kematangan_mt.csv", 2, "penerapan_mt", why.format("Sudah", "Belum")),
        ("kematangan_mt.csv", 3, "penerapan_mt", why.format("Proses", "Belum")),
        ("kematangan_mt.csv", 4, "penerapan_mt", why.format("Sudah", "Proses")),
        ("kematangan_mt.csv", 5, "instansi", "instansi tidak dikenal: 'Kabupaten Antah'"),
    ]
    assert len(report.rows["kematangan_mt"]) == 2


# -- file-level problems: one sentence each ---------------------------------------------
def _file_errors(store, files, **kw):
    report = validate(store, parse_files(files, **kw))
    return [e.alasan for e in report.errors]


def test_missing_required_column(store):
    content = csv_bytes([{"nip": make_nip(1), "tahun": 2025}])
    assert _file_errors(store, [("kinerja.csv", content)]) == [
        "Kolom wajib tidak ada: predikat (baris judul harus memuat nip, tahun, predikat)."
    ]


def test_missing_one_of_columns(store):
    content = csv_bytes([{"nip": make_nip(1), "tahun": 2025}])
    assert _file_errors(store, [("potensial.csv", content)]) == [
        "Kolom wajib tidak ada: level atau skor (baris judul harus memuat nip, tahun, level, skor)."
    ]


def test_empty_files(store):
    header_only = b"nip,tahun,predikat\n"
    assert _file_errors(store, [("kinerja.csv", b"")]) == ["kinerja.csv kosong (0 bita)."]
    assert _file_errors(store, [("kinerja.csv", header_only)]) == [
        "kinerja.csv kosong: tidak ada baris data."
    ]
    assert _file_errors(store, [("kinerja.csv", b"\n\n  \n")]) == ["kinerja.csv kosong."]
    assert _file_errors(store, []) == ["Tidak ada berkas yang diunggah."]


def test_wrong_encoding(store):
    content = "nip,nama\n1,Nyoman Süta\n".encode("cp1252")
    assert _file_errors(store, [("pegawai.csv", content)]) == [
        'pegawai.csv tidak berenkode UTF-8; simpan ulang sebagai "CSV UTF-8" lalu unggah lagi.'
    ]
    utf16 = "nip,tahun,predikat\n".encode("utf-16")
    assert len(_file_errors(store, [("kinerja.csv", utf16)])) == 1


def test_utf8_bom_and_semicolons_are_accepted(store):
    content = "\ufeffnip;tahun;predikat\n" + f"{make_nip(1)};2025;Baik\n"
    parsed = parse_files([("kinerja.csv", content.encode("utf-8"))])
    assert parsed.errors == []
    assert parsed.tables["kinerja"].rows == [(2, {"nip": make_nip(1), "tahun": "2025",
                                                  "predikat": "Baik"})]  # fmt: skip


def test_not_csv_or_xlsx(store):
    assert _file_errors(store, [("pegawai.pdf", b"%PDF-1.4")]) == [
        "pegawai.pdf bukan berkas CSV atau XLSX (format .pdf tidak didukung)."
    ]
    assert _file_errors(store, [("pegawai.xlsx", b"not a zip")]) == [
        "pegawai.xlsx bukan berkas XLSX yang sah."
    ]


def test_unknown_table_name(store):
    assert _file_errors(store, [("gaji.csv", b"a,b\n1,2\n")]) == [
        "Nama berkas gaji.csv bukan nama tabel yang dikenal (gunakan pegawai.csv, kinerja.csv, "
        "potensial.csv, kompetensi.csv, standar_kompetensi.csv, pelatihan.csv, kematangan_mt.csv)."
    ]


def test_oversize(store):
    content = csv_bytes([pegawai(i) for i in range(50)])
    assert _file_errors(store, [("pegawai.csv", content)], max_bytes=1024) == [
        f"pegawai.csv berukuran {len(content) / 1048576:.1f} MB, melebihi batas 0 MB."
    ]


def test_default_size_limit_is_configurable(monkeypatch):
    from analytics.io.validate import max_bytes_default

    assert max_bytes_default() == 50 * 1024 * 1024
    monkeypatch.setenv("TALENTA_IMPORT_MAX_MB", "2")
    assert max_bytes_default() == 2 * 1024 * 1024


def test_extra_columns_are_warnings(store):
    rows = [{**pegawai(1), "gaji": "1000", "Catatan Lain": "x"}]
    report = validate(store, parse_files([("pegawai.csv", csv_bytes(rows))]))
    assert report.ok
    assert [(w.baris, w.alasan) for w in report.warnings] == [
        (1, "Kolom tambahan diabaikan: gaji, catatan_lain.")
    ]


def test_xlsx_types_numbers_dates_and_sheet_names(store):
    nip = make_nip(3)
    sheets = {
        "Pegawai": [pegawai(3, nip=f" {nip} ", tanggal_lahir=datetime(1970, 1, 4))],
        "kinerja": [{"nip": f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", "tahun": 2025.0,
                     "predikat": "BAIK"}],
        "Petunjuk": [{"teks": "abaikan"}],
    }  # fmt: skip
    report = validate(store, parse_files([("data.xlsx", xlsx_bytes(sheets))]))
    assert report.errors == []
    assert report.rows["pegawai"][0][1].nip == nip
    assert report.rows["pegawai"][0][1].tanggal_lahir == date(1970, 1, 4)
    assert report.rows["kinerja"][0][1].tahun == 2025
    assert [w.alasan for w in report.warnings] == [
        "Lembar 'Petunjuk' bukan nama tabel yang dikenal dan diabaikan."
    ]


def test_xlsx_float_nip_lost_digits(store):
    sheets = {"pegawai": [pegawai(3, nip=1.9860926201505102e17)]}
    report = validate(store, parse_files([("data.xlsx", xlsx_bytes(sheets))]))
    assert [(e.berkas, e.baris, e.kolom) for e in report.errors] == [
        ("data.xlsx › pegawai", 2, "nip")
    ]
    assert "format kolom NIP sebagai teks" in report.errors[0].alasan


def test_same_table_twice_is_refused(store):
    content = csv_bytes([pegawai(1)])
    errs = _file_errors(
        store, [("pegawai.csv", content), ("b.xlsx", xlsx_bytes({"pegawai": [pegawai(2)]}))]
    )
    assert errs == [
        "Tabel pegawai sudah ada di pegawai.csv; satu tabel hanya boleh satu kali per impor."
    ]


def test_all_errors_reported_at_once_and_as_csv(store):
    rows = [pegawai(1, nip="1"), pegawai(2, golongan="Z"), pegawai(3, instansi="Atlantis")]
    result = run_import(store, [("pegawai.csv", csv_bytes(rows))], "t")
    assert not result.ok
    assert [(e.baris, e.kolom) for e in result.errors] == [
        (2, "nip"),
        (3, "golongan"),
        (4, "instansi"),
    ]
    text = errors_csv(result).decode("utf-8-sig").splitlines()
    assert text[0] == "jenis,berkas,tabel,baris,kolom,alasan"
    assert text[1] == "galat,pegawai.csv,pegawai,2,nip,NIP harus 18 digit"
    assert len(text) == 4


# -- value parsers ------------------------------------------------------------------------
def test_parse_nip_and_dates():
    assert parse_nip("19860926 201505 1 001") == "198609262015051001"
    assert parse_nip(198609262015051001) == "198609262015051001"
    assert parse_date("2025-03-31") == date(2025, 3, 31)
    assert parse_date("31/03/2025") == date(2025, 3, 31)
    assert parse_date(datetime(2025, 3, 31, 0, 0)) == date(2025, 3, 31)
    assert parse_date("") is None


# -- property tests: malformed rows never crash -----------------------------------------
_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(),
    st.sampled_from(
        [
            "",
            " ",
            "19860926 201505 1 001",
            "Baik",
            "III/a",
            "2025",
            "31/02/2025",
            "Sudah",
            "Belum",
            "=SUM(A1)",
            "3",
            "0",
            "-1",
            "1e309",
        ]
    ),  # fmt: skip
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tabel=st.sampled_from(sorted(SPECS)),
    data=st.data(),
)
def test_validate_row_never_crashes(tabel, data):
    cols = SPECS[tabel].columns
    raw = {c: data.draw(_values, label=c) for c in cols}
    row, issues = validate_row(tabel, raw, 7)
    assert (row is None) == bool(issues)
    for i in issues:
        assert i.baris == 7 and i.tabel == tabel and isinstance(i.alasan, str) and i.alasan


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=6), max_size=6))
def test_parse_files_never_crashes_on_garbage_csv(records):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([["nip", "tahun", "predikat"], *records])
    parsed = parse_files([("kinerja.csv", out.getvalue().encode("utf-8"))])
    if parsed.errors:
        assert all(e.alasan for e in parsed.errors)
    else:
        for baris, raw in parsed.tables["kinerja"].rows:
            validate_row("kinerja", raw, baris)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200))
def test_parse_files_never_crashes_on_random_bytes(blob):
    for name in ("pegawai.csv", "pegawai.xlsx"):
        parsed = parse_files([(name, blob)])
        assert parsed.errors or parsed.tables
