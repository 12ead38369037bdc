"""Nine-box queries on a small hand-made store; every expectation computed by hand."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analytics.filters import Filter, Scope, ScopeError
from analytics.queries import ninebox as Q
from analytics.reference import open_store
from analytics.rules import ninebox as R
from tests.factories import add_pegawai, add_rows, add_unit, make_store

ADMIN = Scope()
KOMITE = Scope(user="ketua", role="komite")
F1 = Filter(tahun=2025, instansi=(1,))
F3 = Filter(tahun=2025, instansi=(3,))

# name -> (predikat 2025, potensial rows [(tahun, level, skor)], predikat 2024)
PEOPLE_1 = {
    "Box Sembilan": ("Sangat Baik", [(2024, "Tinggi", None), (2025, "Tinggi", None)], "Baik"),
    "Box Delapan": ("Baik", [(2024, "Tinggi", None), (2026, "Rendah", None)], "Baik"),
    "Box Tujuh": ("Sangat Baik", [(2025, "Sedang", None)], "Sangat Baik"),
    "Box Enam": ("Kurang", [(2025, "Tinggi", None)], None),
    "Box Lima": ("Baik", [(2025, None, 60.0)], None),
    "Box Empat": ("Sangat Baik", [(2025, None, 59.99)], None),
    "Box Tiga": ("Butuh Perbaikan", [(2025, None, 79.99)], None),
    "Box Dua": ("Baik", [(2025, "Rendah", None)], None),
    "Box Satu": ("Sangat Kurang", [(2025, "Rendah", None)], None),
    "Tanpa Skp": (None, [(2025, "Tinggi", None)], "Baik"),
    "Tanpa Potensi": ("Baik", [], None),
    "Tanpa Apa": (None, [], None),
}


@pytest.fixture
def db(tmp_path):
    d = make_store(tmp_path / "nb.duckdb")
    with d.transaction("test", "meta") as cur:
        d.set_meta(cur, "data_as_of", "2025-12-31")
    u1 = add_unit(d, 1, "Badan Kepegawaian")
    u2 = add_unit(d, 2, "Dinas Kesehatan")
    u3 = add_unit(d, 3, "Sekretariat Daerah")
    nips: dict[str, str] = {}
    kin, pot = [], []
    for nama, (p25, pots, p24) in PEOPLE_1.items():
        nip = add_pegawai(d, instansi_id=1, unit_id=u1, nama=nama, nama_jabatan="Analis SDM")
        nips[nama] = nip
        if p25:
            kin.append({"nip": nip, "tahun": 2025, "predikat": p25})
        if p24:
            kin.append({"nip": nip, "tahun": 2024, "predikat": p24})
        for t, lv, sk in pots:
            pot.append({"nip": nip, "tahun": t, "level": lv, "skor": sk})
    # instance 2: one person in box 9
    n2 = add_pegawai(d, instansi_id=2, unit_id=u2, nama="Lain Instansi")
    nips["Lain Instansi"] = n2
    kin.append({"nip": n2, "tahun": 2025, "predikat": "Sangat Baik"})
    pot.append({"nip": n2, "tahun": 2025, "level": "Tinggi", "skor": None})
    # instance 3: succession set-up (data date 2025-12-31, window to 2026-12-31)
    spec = [
        ("T1 Administrator", "Administrator", date(1968, 3, 10), None, None),
        ("T2 Pengawas", "Pengawas", date(1968, 6, 15), ("Sangat Baik", "Tinggi"), None),
        ("C1 Pengawas", "Pengawas", date(1980, 1, 1), ("Sangat Baik", "Tinggi"), None),
        (
            "C2 Pengawas",
            "Pengawas",
            date(1981, 1, 1),
            ("Baik", "Tinggi"),
            ("Sangat Baik", "Sedang"),
        ),
        ("C3 Pelaksana", "Pelaksana", date(1990, 1, 1), ("Sangat Baik", "Sedang"), None),
        ("C4 Fungsional", "Fungsional", date(1991, 1, 1), ("Baik", "Sedang"), None),
    ]
    for nama, jenis, lahir, y25, y24 in spec:
        nip = add_pegawai(
            d,
            instansi_id=3,
            unit_id=u3,
            nama=nama,
            jenis_jabatan=jenis,
            jenjang="Ahli Muda" if jenis == "Fungsional" else None,
            tanggal_lahir=lahir,
        )
        nips[nama] = nip
        for t, y in ((2025, y25), (2024, y24)):
            if y:
                kin.append({"nip": nip, "tahun": t, "predikat": y[0]})
                pot.append({"nip": nip, "tahun": t, "level": y[1], "skor": None})
    add_rows(d, "kinerja", kin)
    add_rows(d, "potensial", pot)
    d.nips = nips  # type: ignore[attr-defined]
    yield d
    d.close()


def _counts(s: Q.BoxSummary) -> dict[int, int]:
    return dict(s.kotak.select("kotak", "jumlah").iter_rows())


def test_box_counts_all_boxes_and_unmapped(db):
    s = Q.box_counts(db, F1, ADMIN)
    assert _counts(s) == {b: 1 for b in range(1, 10)}
    assert s.total == 12 and s.dipetakan == 9 and s.belum_total == 3 and s.suksesi == 3
    assert dict(s.belum.iter_rows()) == {
        R.REASON_NO_SKP: 1,
        R.REASON_NO_POTENTIAL: 1,
        R.REASON_NO_BOTH: 1,
    }
    assert s.kotak["persen"].to_list() == pytest.approx([1 / 12] * 9)
    assert s.kotak.filter(pl.col("kotak") == 9)["label"][0] == "Unggul / terbaik"


def test_boundaries_land_in_the_right_boxes(db):
    df = Q.people(db, F1, ADMIN)
    got = dict(df.select("nama", "kotak").iter_rows())
    assert got == {n: 9 - i for i, n in enumerate(list(PEOPLE_1)[:9])}
    # the 2026 assessment (Rendah) is not used for 2025; the 2024 one (Tinggi) is
    assert got["Box Delapan"] == 8


def test_live_path_equals_preaggregate(db):
    before = _counts(Q.box_counts(db, F1, ADMIN))
    with db.transaction("test", "clear_agg") as cur:
        cur.execute("DELETE FROM agg_kotak")
    s = Q.box_counts(db, F1, ADMIN)
    assert _counts(s) == before and s.belum_total == 3


def test_region_and_scope(db):
    region = Q.box_counts(db, Filter(tahun=2025), ADMIN)
    assert region.total == 12 + 1 + 6
    assert _counts(region)[9] == 1 + 1 + 2  # inst 1, inst 2, T2 and C1
    only2 = Scope(user="a", role="analis_instansi", instansi=frozenset({2}))
    assert Q.box_counts(db, Filter(tahun=2025), only2).total == 1
    with pytest.raises(ScopeError):
        Q.box_counts(db, F1, only2)
    with pytest.raises(ScopeError):
        Q.people(db, F1, Scope(role="tamu", aggregates_only=True))


def test_people_positions_are_deterministic_jitter(db):
    df = Q.people(db, F1, ADMIN, (9,))
    assert df.height == 1
    dx, dy = R.jitter(db.nips["Box Sembilan"])
    assert (df["x"][0], df["y"][0]) == pytest.approx((2 + dx, 2 + dy))
    assert df["nip"][0] == db.nips["Box Sembilan"] == df["kunci"][0]
    un = Q.people(db, F1, ADMIN, unmapped=True)
    assert sorted(un["nama"]) == ["Tanpa Apa", "Tanpa Potensi", "Tanpa Skp"]
    assert un["x"].null_count() == 3


def test_masked_people_and_card(db):
    masked = Scope(user="rapat", role="komite", masked=True)
    df = Q.people(db, F1, masked, (8,))
    assert df["nama"][0] == "B.D."
    assert df["nip"][0].startswith("K-") and db.nips["Box Delapan"] not in df.row(0)
    card = Q.employee_card(db, F1, masked, df["kunci"][0])
    assert card is not None and card.identitas["nama"] == "B.D."
    assert "tanggal_lahir" not in card.identitas
    assert Q.employee_card(db, F1, masked, db.nips["Box Delapan"]) is None  # raw NIP is no key


def test_employee_card(db):
    nip = db.nips["Box Delapan"]
    add_rows(
        db,
        "standar_kompetensi",
        [
            {
                "jenis_jabatan": None,
                "nama_jabatan": "Analis SDM",
                "kompetensi": "Integritas",
                "level_standar": 3,
                "tingkat_kepentingan": "mutlak",
            }
        ],
    )
    add_rows(
        db,
        "kompetensi",
        [
            {"nip": nip, "tahun": 2024, "kompetensi": "Integritas", "level": 2},
            {"nip": nip, "tahun": 2025, "kompetensi": "Integritas", "level": 4},
            {"nip": nip, "tahun": 2026, "kompetensi": "Integritas", "level": 1},
        ],
    )
    add_rows(
        db,
        "pelatihan",
        [
            {"nip": nip, "tanggal_mulai": date(2025, 3, 1), "nama_kegiatan": "Bimtek",
             "jalur": "Klasikal", "jenis": "Bimtek", "jp": 8.0},
            {"nip": nip, "tanggal_mulai": date(2025, 9, 1), "nama_kegiatan": "E-learning",
             "jalur": "Nonklasikal", "jenis": "E-learning", "jp": 12.0},
        ],
    )  # fmt: skip
    card = Q.employee_card(db, F1, ADMIN, nip)
    assert card.identitas["nama"] == "Box Delapan"
    assert card.identitas["usia"] == 40  # born 17 May 1985, data date 31 Dec 2025
    assert card.identitas["tanggal_pensiun"] == date(2043, 6, 1)  # BUP 58
    assert card.skp.rows() == [(2024, "Baik"), (2025, "Baik")]
    assert card.riwayat.select("tahun", "kotak").rows() == [(2024, 8), (2025, 8)]
    assert card.kotak == 8 and card.rekomendasi == R.RECOMMENDATION[8]
    integ = card.kompetensi.filter(pl.col("kompetensi") == "Integritas").row(0, named=True)
    assert (integ["level"], integ["standar"], integ["gap"]) == (4, 3, -1)
    kerja = card.kompetensi.filter(pl.col("kompetensi") == "Kerjasama").row(0, named=True)
    assert (kerja["level"], kerja["standar"]) == (None, 1)  # default Pelaksana standard
    assert card.jp["jp"] == 20.0 and card.jp["jp_klasikal"] == 8.0
    assert Q.employee_card(db, F1, ADMIN, db.nips["Lain Instansi"]) is None  # outside filter


def test_transition_matrix(db):
    m = Q.transitions(db, F1, ADMIN, 2024, 2025)
    pairs = {(d, k): n for d, k, n in m.pairs.iter_rows()}
    expected = {(8, 9): 1, (8, 8): 1, (0, 0): 3}
    expected.update({(0, k): 1 for k in range(1, 8)})
    assert pairs == expected
    assert m.ringkas == {"naik": 1, "tetap": 1, "turun": 0, "tidak_lengkap": 10}
    row8 = m.matrix.filter(pl.col("dari") == "8").row(0, named=True)
    assert (row8["9"], row8["8"], row8["1"]) == (1, 1, 0)
    assert m.matrix.drop("dari").sum_horizontal().sum() == 12


def test_succession_pool_by_instance_and_level(db):
    pool = Q.succession_pool(db, F3, ADMIN)
    rows = {r["jenis_jabatan"]: r for r in pool.iter_rows(named=True)}
    assert list(rows) == ["Administrator", "Pengawas", "Fungsional", "Pelaksana"]
    assert (rows["Pengawas"]["kotak_9"], rows["Pengawas"]["kotak_8"]) == (2, 1)
    assert rows["Pengawas"]["kelompok"] == 3 and rows["Pengawas"]["persen"] == 1.0
    assert rows["Administrator"]["kelompok"] == 0 and rows["Administrator"]["persen"] is None
    assert rows["Pelaksana"]["kotak_7"] == 1
    assert (rows["Fungsional"]["kelompok"], rows["Fungsional"]["dipetakan"]) == (0, 1)


def test_pool_candidates_readiness(db):
    c = Q.pool_candidates(db, F3, ADMIN)
    got = {
        n: (k, t, r)
        for n, k, t, r in c.select("nama", "kotak", "tahun_kelompok", "kesiapan").iter_rows()
    }
    assert got == {
        "T2 Pengawas": (9, 1, R.READY_NOW),
        "C1 Pengawas": (9, 1, R.READY_NOW),
        "C2 Pengawas": (8, 2, R.READY_NOW),  # box 7 in 2024, box 8 in 2025
        "C3 Pelaksana": (7, 1, R.NEED_DEVELOPMENT),
    }


def test_target_positions_and_ratio(db):
    t = Q.target_positions(db, F3, ADMIN)
    rows = {r["jenis_jabatan"]: r for r in t.iter_rows(named=True)}
    adm, pgw = rows["Administrator"], rows["Pengawas"]
    # Administrator T1 retires 1 Apr 2026; candidates C1, C2 (T2 retires 1 Jul 2026 itself)
    assert (adm["target"], adm["kandidat"], adm["ready_now"]) == (1, 2, 2)
    assert adm["rasio"] == 2.0 and adm["kekurangan"] == 1 and adm["tipis"]
    # Pengawas T2; candidate C3 (Pelaksana, box 7); C4 (Fungsional, box 5) is not in the pool
    assert (pgw["target"], pgw["kandidat"], pgw["ready_now"], pgw["kekurangan"]) == (1, 1, 0, 2)
    loose = Q.target_positions(db, F3, ADMIN, R.NineBoxConfig(target_ratio=1))
    assert loose.filter(pl.col("jenis_jabatan") == "Administrator")["tipis"][0] is False
    holders = Q.target_holders(db, F3, ADMIN)
    assert holders.select("nama", "tanggal_pensiun").rows() == [
        ("T1 Administrator", date(2026, 4, 1)),
        ("T2 Pengawas", date(2026, 7, 1)),
    ]
    assert Q.target_window(db, F3, ADMIN) == (date(2025, 12, 31), date(2026, 12, 31))


def test_calibration_persists_with_audit(db, tmp_path):
    nip = db.nips["Box Lima"]
    cid = Q.calibrate(db, F1, KOMITE, nip, 8, "Kinerja semester II sangat menonjol")
    s = Q.box_counts(db, F1, ADMIN)
    assert _counts(s)[5] == 0 and _counts(s)[8] == 2
    assert _counts(Q.box_counts(db, F1, ADMIN, calibrated=False))[5] == 1
    row = Q.people(db, F1, ADMIN, (8,)).filter(pl.col("nama") == "Box Lima").row(0, named=True)
    assert (row["kotak"], row["kotak_asli"], row["dikalibrasi"]) == (8, 5, True)
    audit = db.query("SELECT oleh, aksi, rincian FROM audit WHERE aksi = 'kalibrasi_9kotak'")
    assert (
        audit.height == 1
        and audit["oleh"][0] == "ketua"
        and '"kotak_baru": 8' in audit["rincian"][0]
    )
    # a second calibration supersedes the first; both are kept
    Q.calibrate(db, F1, KOMITE, nip, 7, "Koreksi setelah diskusi komite lengkap")
    path = db.path
    db.close()
    db2 = open_store(path)
    try:
        rows = db2.query(
            "SELECT id, kotak_asal, kotak_baru, aktif FROM kalibrasi ORDER BY id"
        ).rows()
        assert rows == [(cid, 5, 8, False), (cid + 1, 5, 7, True)]
        assert _counts(Q.box_counts(db2, F1, ADMIN))[7] == 2
        hist = Q.calibrations(db2, F1, ADMIN)
        assert hist["kotak_baru"].to_list() == [7, 8] and hist["aktif"].to_list() == [True, False]
        card = Q.employee_card(db2, F1, ADMIN, nip)
        assert (
            card.kotak == 7 and card.riwayat.filter(pl.col("tahun") == 2025)["kotak_asli"][0] == 5
        )
        assert Q.cancel_calibration(db2, F1, KOMITE, nip, "Kembali ke hasil pemetaan asli")
        assert _counts(Q.box_counts(db2, F1, ADMIN))[5] == 1
        assert not Q.cancel_calibration(db2, F1, KOMITE, nip, "Tidak ada lagi yang aktif")
        assert db2.scalar("SELECT count(*) FROM kinerja WHERE nip = $n", {"n": nip}) == 1
    finally:
        db2.close()


@pytest.mark.parametrize(
    ("who", "nama", "kotak", "alasan", "code"),
    [
        (Scope(role="analis_kanreg"), "Box Lima", 8, "Alasan cukup panjang", "peran"),
        (KOMITE, "Box Lima", 8, "  pendek  ", "alasan"),
        (KOMITE, "Box Lima", 10, "Alasan cukup panjang", "kotak"),
        (KOMITE, "Box Lima", 5, "Alasan cukup panjang", "sama"),
        (KOMITE, "Tanpa Apa", 5, "Alasan cukup panjang", "belum_dipetakan"),
        (KOMITE, "Lain Instansi", 5, "Alasan cukup panjang", "tidak_ditemukan"),
    ],
)
def test_calibration_refusals_change_nothing(db, who, nama, kotak, alasan, code):
    v = db.data_version
    with pytest.raises(Q.CalibrationError) as e:
        Q.calibrate(db, F1, who, db.nips[nama], kotak, alasan)
    assert e.value.code == code
    assert db.data_version == v and db.scalar("SELECT count(*) FROM kalibrasi") == 0


def test_distribution_check(db):
    dist = Q.skp_distribution(db, F1, ADMIN)
    assert dict(dist.select("predikat", "jumlah").iter_rows()) == {
        "Sangat Baik": 3, "Baik": 4, "Butuh Perbaikan": 1, "Kurang": 1, "Sangat Kurang": 1,
    }  # fmt: skip
    ok = Q.distribution_check(db, F1, ADMIN, "Baik")
    assert ok["sesuai"].to_list() == [True, True]
    assert ok["aktual"].to_list() == pytest.approx([0.4, 0.2])
    bad = Q.distribution_check(db, F1, ADMIN, "Butuh Perbaikan")
    assert bad["sesuai"].to_list() == [False, False]
    per = Q.distribution_by_instansi(db, Filter(tahun=2025), ADMIN, "Istimewa")
    r2 = per.filter(pl.col("instansi_id") == 2).row(0, named=True)
    assert r2["dinilai"] == 1 and r2["Sangat Baik"] == 1.0 and r2["pelanggaran"] == 1


def test_export_ninebox_contract(db):
    df = Q.export_ninebox(db, F1, ADMIN)
    assert df.columns == ["kotak", "label", "jumlah", "persen"]
    assert df["kotak"].to_list() == [*range(1, 10), None]
    assert df["jumlah"].to_list() == [1] * 9 + [3]
    assert df["persen"].to_list() == [8.33] * 9 + [25.0]
    assert df["label"][-1] == "Belum dipetakan"
    empty = Q.export_ninebox(db, Filter(tahun=2025, instansi=(9,)), ADMIN)
    assert empty["jumlah"].sum() == 0 and empty.height == 10


def test_person_year_table_equals_live_path(db):
    """People, succession and movement from agg_kotak_pegawai (one scan) equal the join over
    pegawai and the year's inputs, with a calibration, for the default and another rule."""
    Q.calibrate(db, F1, KOMITE, db.nips["Box Lima"], 8, "Kinerja semester II sangat menonjol")
    Q.calibrate(db, F3, KOMITE, db.nips["C4 Fungsional"], 7, "Hasil rapat komite talenta")
    assert db.scalar("SELECT count(*) FROM agg_kotak_pegawai WHERE tahun = 2025") == 19
    other = R.NineBoxConfig(skor_sedang=50.0, skor_tinggi=70.0, ready_years_in_pool=3)

    def outputs():
        out = []
        for flt in (F1, F3, Filter(tahun=2025)):
            for cfg in (R.DEFAULT, other):
                for cal in (True, False):
                    out += [
                        Q.people(db, flt, ADMIN, (), cfg, cal),
                        Q.people(db, flt, ADMIN, (), cfg, cal, True),
                        Q.succession_pool(db, flt, ADMIN, cfg, cal),
                        Q.pool_candidates(db, flt, ADMIN, cfg, cal),
                        Q.target_positions(db, flt, ADMIN, cfg, cal),
                        Q.transitions(db, flt, ADMIN, 2024, 2025, cfg, cal).pairs,
                    ]
        return out

    fast = outputs()
    with db.transaction("test", "clear_agg") as cur:
        cur.execute("DELETE FROM agg_kotak_pegawai")
    live = outputs()
    assert len(fast) == len(live) == 72
    for i, (a, b) in enumerate(zip(fast, live, strict=True)):
        assert a.equals(b), i
    # the calibrated C4 (box 5 -> 7) is a pool candidate; Box Lima is listed in box 8
    c4 = fast[24 + 3].filter(pl.col("nama") == "C4 Fungsional")  # F3, default, calibrated
    assert c4.select("kotak", "tahun_kelompok", "kesiapan").rows() == [(7, 1, R.NEED_DEVELOPMENT)]
    assert fast[0].filter(pl.col("nama") == "Box Lima")["kotak"].to_list() == [8]
