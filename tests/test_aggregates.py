"""Pre-aggregates stay consistent with the base tables after an import and a calibration.

Each check recomputes every `agg_*` table from scratch (the registered refreshers, inside a
transaction that is rolled back) and compares it row for row with the stored one.
"""

from __future__ import annotations

from datetime import date

import pytest

from analytics.aggregates import REFRESHERS, refresh
from analytics.filters import Filter, Scope
from analytics.io.importer import run_import
from analytics.queries import ninebox as NB
from tests.factories import add_pegawai, add_rows, add_unit
from tests.import_data import csv_bytes, make_nip, pegawai

AGG_TABLES = (
    "agg_jp",
    "agg_jp_kum",
    "agg_jp_pegawai",
    "agg_jp_ringkas",
    "agg_jp_bulan",
    "agg_kotak",
    "agg_kotak_kubus",
    "agg_kotak_pegawai",
    "agg_kompetensi_pegawai",
    "agg_kompetensi",
    "agg_kompetensi_instansi",
)


def differences(db) -> dict[str, tuple[int, int, int]]:
    """Per agg table: (stored rows, rows only stored, rows only in a fresh recompute)."""
    cur = db.cursor()
    out = {}
    try:
        cur.execute("BEGIN TRANSACTION")
        for t in AGG_TABLES:
            cur.execute(f"CREATE TEMP TABLE old_{t} AS SELECT * FROM {t}")
        refresh(cur)  # recompute from the base tables (DELETE + INSERT of every agg table)
        for t in AGG_TABLES:
            n = cur.execute(f"SELECT count(*) FROM old_{t}").fetchall()[0][0]
            only_old = cur.execute(
                f"SELECT count(*) FROM (SELECT * FROM old_{t} EXCEPT ALL SELECT * FROM {t})"
            ).fetchall()[0][0]
            only_new = cur.execute(
                f"SELECT count(*) FROM (SELECT * FROM {t} EXCEPT ALL SELECT * FROM old_{t})"
            ).fetchall()[0][0]
            out[t] = (n, only_old, only_new)
    finally:
        cur.execute("ROLLBACK")
        cur.close()
    return out


def assert_consistent(db) -> dict[str, tuple[int, int, int]]:
    diff = differences(db)
    bad = {t: d for t, d in diff.items() if d[1] or d[2]}
    assert not bad, f"pre-aggregates differ from a fresh recompute: {bad}"
    return diff


def test_every_agg_table_is_checked(store):
    """A new pre-aggregate must be added here (and get a refresher) to be checked."""
    assert {t for t in store.tables() if t.startswith("agg_")} == set(AGG_TABLES)
    assert len(REFRESHERS) >= 4


def _seed(db) -> list[str]:
    """Two people with SKP, potential, competencies and training in 2024 and 2025."""
    u = add_unit(db, 1, "Badan Kepegawaian Daerah")
    a = add_pegawai(db, instansi_id=1, unit_id=u, nama="A", tanggal_lahir=date(1980, 1, 2))
    b = add_pegawai(
        db, instansi_id=1, unit_id=u, nama="B", jenis_jabatan="Fungsional",
        nama_jabatan="Analis SDM Aparatur Ahli Muda", jenjang="Ahli Muda",
        tanggal_lahir=date(1982, 4, 5),
    )  # fmt: skip
    add_rows(db, "kinerja", [
        {"nip": a, "tahun": 2024, "predikat": "Baik", "sumber": "impor"},
        {"nip": a, "tahun": 2025, "predikat": "Sangat Baik", "sumber": "impor"},
        {"nip": b, "tahun": 2025, "predikat": "Baik", "sumber": "impor"},
    ])  # fmt: skip
    add_rows(db, "potensial", [
        {"nip": a, "tahun": 2024, "level": "Tinggi", "skor": None, "sumber": "impor"},
        {"nip": b, "tahun": 2025, "level": None, "skor": 71.5, "sumber": "impor"},
    ])  # fmt: skip
    add_rows(db, "kompetensi", [
        {"nip": a, "tahun": 2024, "kompetensi": "Integritas", "level": 2, "sumber": "impor"},
        {"nip": a, "tahun": 2025, "kompetensi": "Integritas", "level": 3, "sumber": "impor"},
        {"nip": b, "tahun": 2025, "kompetensi": "Kerjasama", "level": 1, "sumber": "impor"},
    ])  # fmt: skip
    add_rows(db, "pelatihan", [
        {"nip": a, "tanggal_mulai": date(2025, 3, 1), "nama_kegiatan": "Bimtek",
         "jalur": "Klasikal", "jenis": "Bimtek", "jp": 24.0, "sumber": "impor"},
        {"nip": b, "tanggal_mulai": date(2025, 11, 20), "nama_kegiatan": "E-learning",
         "jalur": "Nonklasikal", "jenis": "E-learning", "jp": 6.0, "sumber": "impor"},
    ])  # fmt: skip
    return [a, b]


def test_recompute_detects_a_stale_aggregate(store):
    """Positive control: a pre-aggregate edited behind the refreshers' back is reported."""
    _seed(store)
    assert_consistent(store)
    cur = store.cursor()
    cur.execute("UPDATE agg_jp SET jp = jp + 1 WHERE tahun = 2025")
    cur.close()
    diff = differences(store)
    assert diff["agg_jp"][1] == 2 and diff["agg_jp"][2] == 2
    assert diff["agg_kotak"][1:] == (0, 0)


def test_consistent_after_import(store):
    a, b = _seed(store)
    before = assert_consistent(store)
    nips = [make_nip(i) for i in range(3)]
    files = [
        ("pegawai.csv", csv_bytes([pegawai(i) for i in range(3)])),
        ("kinerja.csv", csv_bytes(
            [{"nip": n, "tahun": 2025, "predikat": "Baik"} for n in nips]
            + [{"nip": a, "tahun": 2025, "predikat": "Butuh Perbaikan"}]  # an update
        )),
        ("pelatihan.csv", csv_bytes([
            {"nip": nips[0], "tanggal_mulai": "10/03/2025", "nama_kegiatan": "Bimtek",
             "jalur": "klasikal", "jenis": "Bimtek", "jp": 24},
            {"nip": b, "tanggal_mulai": "01/12/2025", "nama_kegiatan": "Seminar",
             "jalur": "nonklasikal", "jenis": "Seminar", "jp": 3},
        ])),
        ("kompetensi.csv", csv_bytes([
            {"nip": nips[1], "tahun": 2025, "kompetensi": "Integritas", "level": 2},
        ])),
    ]  # fmt: skip
    result = run_import(store, files, "analis")
    assert result.ok, result.errors
    after = assert_consistent(store)
    # The import reached the aggregates (not merely "still consistent because unchanged").
    assert after["agg_jp"][0] == before["agg_jp"][0] + 1  # nips[0] gains a 2025 row
    assert after["agg_kotak"][0] == before["agg_kotak"][0] + 3
    jp_b = store.query("SELECT jp FROM agg_jp WHERE nip = $n AND tahun = 2025", {"n": b})
    assert jp_b["jp"].to_list() == [9.0]
    pred = store.scalar("SELECT predikat FROM agg_kotak WHERE nip = $n AND tahun = 2025", {"n": a})
    assert pred == "Butuh Perbaikan"


def test_consistent_after_calibration(store):
    a, _ = _seed(store)
    before = assert_consistent(store)
    flt = Filter(tahun=2025)
    scope = Scope(user="komite1", role="komite")
    if scope.role not in NB.CALIBRATION_ROLES:
        scope = Scope(user="komite1", role=sorted(NB.CALIBRATION_ROLES)[0])
    summary = NB.box_counts(store, flt, scope)
    boxes = dict(summary.kotak.select("kotak", "jumlah").iter_rows())
    asli = NB.box_counts(store, flt, scope, None, False)
    assert dict(asli.kotak.select("kotak", "jumlah").iter_rows()) == boxes
    # A: Sangat Baik + Tinggi (2024 potential carried into 2025) -> box 9; calibrate to 8.
    assert boxes[9] == 1
    NB.calibrate(store, flt, scope, a, 8, "Hasil rapat komite talenta 2025", None)
    after = assert_consistent(store)
    assert after == before  # calibrations live in `kalibrasi`, never in a pre-aggregate
    cal = dict(NB.box_counts(store, flt, scope).kotak.select("kotak", "jumlah").iter_rows())
    assert cal[9] == 0 and cal[8] == boxes[8] + 1
    unc = NB.box_counts(store, flt, scope, None, False).kotak.select("kotak", "jumlah")
    assert dict(unc.iter_rows()) == boxes


@pytest.mark.parametrize("year_only", [False, True])
def test_consistent_on_empty_store(store, year_only):
    if year_only:
        with store.transaction("test", "meta") as cur:
            store.set_meta(cur, "tahun_max", "2026")
    diff = assert_consistent(store)
    assert all(d[0] == 0 for d in diff.values())


def test_person_year_table_values(store):
    """agg_kotak_pegawai: every employee in every SKP year, inputs and default-rule indices of
    the year and of the year before."""
    a, b = _seed(store)
    rows = store.query(
        """SELECT nip, tahun, predikat, pot_level, pot_skor, k_bawaan, pi_bawaan,
                  predikat_lalu, pot_level_lalu, k_bawaan_lalu, pi_bawaan_lalu, jenis_jabatan
           FROM agg_kotak_pegawai ORDER BY tahun, nama"""
    ).rows()
    assert rows == [
        # 2024: A Baik + Tinggi (index 1, 2); B has neither; no 2023 data
        (a, 2024, "Baik", "Tinggi", None, 1, 2, None, None, None, None, "Pelaksana"),
        (b, 2024, None, None, None, None, None, None, None, None, None, "Fungsional"),
        # 2025: A Sangat Baik + the 2024 Tinggi; B Baik + score 71.5 (Sedang: 60 <= s < 80)
        (a, 2025, "Sangat Baik", "Tinggi", None, 2, 2, "Baik", "Tinggi", 1, 2, "Pelaksana"),
        (b, 2025, "Baik", None, 71.5, 1, 1, None, None, None, None, "Fungsional"),
    ]


def _live_counts(db, flt, scope, calibrated):
    """Box counts by the person-level query (the path the count cube replaces)."""
    base, params = NB._base(db, flt, scope, NB.R.DEFAULT, calibrated)
    df = NB._q(db, f"SELECT kotak, alasan, count(*) AS n FROM {base} b GROUP BY ALL", params)
    return {(k, a): n for k, a, n in df.iter_rows()}


def test_box_count_cube_matches_person_level_query(store):
    """agg_kotak_kubus + calibrations give the same counts as the join over people."""
    a, b = _seed(store)
    u2 = add_unit(store, 2, "Sekretariat Daerah")
    c = add_pegawai(store, instansi_id=2, unit_id=u2, nama="C", status="PPPK", golongan="IX")
    add_rows(store, "kinerja", [{"nip": c, "tahun": 2025, "predikat": "Kurang", "sumber": "impor"}])
    add_rows(store, "potensial", [  # a score only, and a level that is not a level name
        {"nip": c, "tahun": 2025, "level": "Tidak diketahui", "skor": 85.0, "sumber": "impor"},
    ])  # fmt: skip
    scope = Scope(user="komite1", role=sorted(NB.CALIBRATION_ROLES)[0])
    NB.calibrate(store, Filter(tahun=2025), scope, a, 8, "Hasil rapat komite talenta 2025", None)
    assert store.count("agg_kotak_kubus") > 0
    for flt in (
        Filter(tahun=2025),
        Filter(tahun=2024),
        Filter(tahun=2025, instansi=(1,)),
        Filter(tahun=2025, status=("PPPK",)),
        Filter(tahun=2025, jenis_jabatan=("Fungsional",)),
    ):
        for calibrated in (True, False):
            summary = NB.box_counts(store, flt, scope, None, calibrated)
            got = {(k, None): n for k, n in summary.kotak.select("kotak", "jumlah").iter_rows()}
            got.update(
                {(None, r): n for r, n in summary.belum.select("alasan", "jumlah").iter_rows()}
            )
            got = {key: n for key, n in got.items() if n}
            assert got == _live_counts(store, flt, scope, calibrated), (flt, calibrated)
    # C: Kurang (kinerja 0), score 85 (Tinggi) -> box 6; B: Baik + 71.5 -> 5; A: 9 -> 8.
    s = NB.box_counts(store, Filter(tahun=2025), scope)
    boxes = dict(s.kotak.select("kotak", "jumlah").iter_rows())
    assert (boxes[6], boxes[5], boxes[8], boxes[9]) == (1, 1, 1, 0)
