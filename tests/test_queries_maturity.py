"""Maturity queries on the reference store plus a hand-made workforce (hand-computed values)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analytics.filters import LOCAL_ADMIN, Filter, Scope
from analytics.queries import maturity as Q
from analytics.reference import KEMATANGAN_CSV, PUBLISHED_PERIOD
from tests.factories import add_pegawai, add_rows, add_unit

TODAY = date(2026, 11, 28)
BUILT_NOT_APPLIED = {"Provinsi Bali", "Kabupaten Badung", "Kabupaten Klungkung", "Kota Denpasar"}


def _published(db) -> pl.DataFrame:
    return db.query(
        "SELECT id, instansi_id, periode, pembangunan_mt, penerapan_mt, skor_ism, tahun_ism, "
        "bukti, catatan, sumber FROM kematangan WHERE sumber = 'publikasi' ORDER BY id"
    )


@pytest.fixture
def people(store):
    """Buleleng (3, applies MT): 2 PNS + 1 PPPK; Provinsi NTB (4): 1 PNS. Year 2025.

    A: PNS, Sangat Baik, potensial Tinggi (2025)        -> box 9, 20 JP   (meets 20 JP)
    B: PNS, Baik, Rendah (2023) then skor 85 (2024)      -> box 8, 19.5 JP (does not meet)
    C: PPPK, Baik, Sedang                                -> box 5, no training
    D: PNS (NTB), Sangat Baik, Rendah                    -> box 4, no training
    A's 2026 assessment (Rendah) must not count for 2025.
    """
    u3 = add_unit(store, 3, "BKPSDM")
    u4 = add_unit(store, 4, "BKD")
    a = add_pegawai(store, instansi_id=3, unit_id=u3, nama="A")
    b = add_pegawai(store, instansi_id=3, unit_id=u3, nama="B")
    c = add_pegawai(
        store, instansi_id=3, unit_id=u3, nama="C", status="PPPK", nip="PPPK00000000000001"
    )
    d = add_pegawai(store, instansi_id=4, unit_id=u4, nama="D")
    add_rows(store, "kinerja", [
        {"nip": a, "tahun": 2025, "predikat": "Sangat Baik"},
        {"nip": b, "tahun": 2025, "predikat": "Baik"},
        {"nip": c, "tahun": 2025, "predikat": "Baik"},
        {"nip": d, "tahun": 2025, "predikat": "Sangat Baik"},
    ])  # fmt: skip
    add_rows(store, "potensial", [
        {"nip": a, "tahun": 2025, "level": "Tinggi", "skor": None},
        {"nip": a, "tahun": 2026, "level": "Rendah", "skor": None},
        {"nip": b, "tahun": 2023, "level": "Rendah", "skor": None},
        {"nip": b, "tahun": 2024, "level": None, "skor": 85.0},
        {"nip": c, "tahun": 2025, "level": "Sedang", "skor": None},
        {"nip": d, "tahun": 2025, "level": "Rendah", "skor": None},
    ])  # fmt: skip
    add_rows(store, "pelatihan", [
        {"nip": a, "tanggal_mulai": date(2025, 3, 1), "nama_kegiatan": "Diklat", "jalur": "Klasikal", "jenis": "pelatihan", "jp": 12.0},
        {"nip": a, "tanggal_mulai": date(2025, 9, 1), "nama_kegiatan": "E-learning", "jalur": "Nonklasikal", "jenis": "e-learning", "jp": 8.0},
        {"nip": b, "tanggal_mulai": date(2025, 5, 1), "nama_kegiatan": "Seminar", "jalur": "Klasikal", "jenis": "seminar", "jp": 19.5},
        {"nip": b, "tanggal_mulai": date(2024, 5, 1), "nama_kegiatan": "Seminar", "jalur": "Klasikal", "jenis": "seminar", "jp": 40.0},
    ])  # fmt: skip
    return store


def test_published_table_reproduced_exactly(store):
    t = Q.status_table(store, Filter(), LOCAL_ADMIN, TODAY)
    ref = pl.read_csv(KEMATANGAN_CSV)
    assert t.height == 44
    assert t["no"].to_list() == list(range(1, 45))
    assert (
        t.select("no", "nama", "pembangunan_mt", "penerapan_mt").rows()
        == ref.select("no", "nama_instansi", "pembangunan_mt", "penerapan_mt").rows()
    )
    pairs = t.group_by("pembangunan_mt", "penerapan_mt").len()
    assert dict(((b, p), n) for b, p, n in pairs.iter_rows()) == {
        ("Belum", "Belum"): 39,
        ("Sudah", "Proses"): 4,
        ("Sudah", "Sudah"): 1,
    }
    sp = t.filter((pl.col("pembangunan_mt") == "Sudah") & (pl.col("penerapan_mt") == "Proses"))
    assert set(sp["nama"]) == BUILT_NOT_APPLIED
    ss = t.filter(pl.col("penerapan_mt") == "Sudah")
    assert ss["nama"].to_list() == ["Kabupaten Buleleng"]
    assert dict(zip(t["nama"], t["level"], strict=True))["Kabupaten Buleleng"] == 5
    assert t.filter(pl.col("nama").is_in(BUILT_NOT_APPLIED))["level"].to_list() == [4, 4, 4, 4]
    assert t.filter(pl.col("pembangunan_mt") == "Belum")["level"].unique().to_list() == [1]
    assert set(t["periode"].to_list()) == {PUBLISHED_PERIOD}


def test_ism_only_where_published(store):
    t = Q.status_table(store, Filter(), LOCAL_ADMIN, TODAY)
    ism = {
        r["nama"]: (r["skor_ism"], r["kategori_ism"], r["tahun_ism"])
        for r in t.filter(pl.col("skor_ism").is_not_null()).iter_rows(named=True)
    }
    assert ism == {
        "Provinsi Bali": (260.0, "III Baik", 2020),
        "Kota Denpasar": (250.5, "III Baik", 2020),
        "Kabupaten Buleleng": (330.0, "IV Sangat Baik", 2024),
        "Provinsi Nusa Tenggara Barat": (284.5, "III Baik", 2023),
        "Kabupaten Lombok Timur": (290.0, "III Baik", 2024),
        "Kabupaten Lombok Tengah": (320.0, "III Baik", 2024),
        "Kabupaten Lombok Barat": (292.5, "III Baik", 2024),
        "Kota Bima": (257.0, "III Baik", 2024),
    }
    assert t.filter(pl.col("skor_ism").is_null())["kategori_ism"].null_count() == 36
    # As of 2023 Lombok Timur's latest published score is the 2023 one; Buleleng has none yet.
    t23 = Q.status_table(store, Filter(), LOCAL_ADMIN, date(2024, 12, 31)).filter(
        pl.col("nama").is_in(["Kabupaten Lombok Timur"])
    )
    assert t23.select("skor_ism", "tahun_ism").row(0) == (290.0, 2024)
    t23 = Q.status_table(store, Filter(), LOCAL_ADMIN, date(2023, 12, 31))
    lt = t23.filter(pl.col("nama") == "Kabupaten Lombok Timur")
    assert lt.select("skor_ism", "tahun_ism").row(0) == (265.0, 2023)
    assert t23.filter(pl.col("nama") == "Kabupaten Buleleng")["skor_ism"].to_list() == [None]
    # Before the first period there is no status at all (never invented).
    assert t23["pembangunan_mt"].null_count() == 44


def test_workforce_columns(people):
    t = Q.status_table(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    r3 = t.filter(pl.col("no") == 3).row(0, named=True)
    r4 = t.filter(pl.col("no") == 4).row(0, named=True)
    assert (r3["asn"], r3["pns"], r3["pns_20jp"], r3["dinilai"], r3["talent_pool"]) == (
        3,
        2,
        1,
        3,
        2,
    )
    assert r3["share_20jp"] == pytest.approx(0.5)
    assert (r4["asn"], r4["pns"], r4["pns_20jp"], r4["talent_pool"]) == (1, 1, 0, 0)
    assert r4["share_20jp"] == 0.0
    assert t.filter(pl.col("no") == 1).row(0, named=True)["share_20jp"] is None
    # 2024: B has 40 JP, A none; kinerja absent in 2024 so nobody is on the grid.
    t24 = Q.status_table(people, Filter(tahun=2024), LOCAL_ADMIN, TODAY)
    r3 = t24.filter(pl.col("no") == 3).row(0, named=True)
    assert (r3["pns_20jp"], r3["dinilai"], r3["talent_pool"]) == (1, 0, 0)
    # The employee filter applies: PPPK only.
    tp = Q.status_table(people, Filter(tahun=2025, status=("PPPK",)), LOCAL_ADMIN, TODAY)
    assert tp.filter(pl.col("no") == 3).select("asn", "pns", "talent_pool").row(0) == (1, 0, 0)


def test_summary_counts_and_coverage(people):
    s = Q.summary(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert (s.instansi, s.bangun_sudah, s.terap_sudah) == (44, 5, 1)
    assert (s.asn, s.asn_tercakup) == (4, 3)
    assert s.share_tercakup == pytest.approx(0.75)
    st = {(a, b): n for a, b, n in s.per_status.iter_rows()}
    assert st == {
        ("Pembangunan MT", "Sudah"): 5, ("Pembangunan MT", "Proses"): 0,
        ("Pembangunan MT", "Belum"): 39, ("Penerapan MT", "Sudah"): 1,
        ("Penerapan MT", "Proses"): 4, ("Penerapan MT", "Belum"): 39,
    }  # fmt: skip
    bali = s.per_provinsi.filter(pl.col("provinsi") == "Bali")
    got = {(a, b): n for _, a, b, n in bali.iter_rows()}
    assert got[("Pembangunan MT", "Sudah")] == 5 and got[("Pembangunan MT", "Belum")] == 5
    assert got[("Penerapan MT", "Sudah")] == 1 and got[("Penerapan MT", "Proses")] == 4
    ntt = s.per_provinsi.filter(pl.col("provinsi") == "Nusa Tenggara Timur")
    assert ntt.filter(pl.col("status") == "Belum")["jumlah"].to_list() == [23, 23]
    assert s.per_level.rows() == [(1, 39), (2, 0), (3, 0), (4, 4), (5, 1)]


def test_scope_and_instance_filter(store):
    one = Q.status_table(store, Filter(instansi=(3,)), LOCAL_ADMIN, TODAY)
    assert one["nama"].to_list() == ["Kabupaten Buleleng"]
    scoped = Scope(user="x", role="analis_instansi", instansi=frozenset({6, 8}))
    t = Q.status_table(store, Filter(), scoped, TODAY)
    assert t["nama"].to_list() == ["Kabupaten Klungkung", "Kota Denpasar"]


def test_record_status_new_row_history_and_table(store):
    before_pub = _published(store)
    audit_before = store.count("audit")
    version = store.data_version
    new_id = Q.record_status(
        store, LOCAL_ADMIN, 4, date(2026, 6, 30), "Proses", "Belum", "Dokumen resmi",
        "SK Tim Manajemen Talenta", today=TODAY,
    )  # fmt: skip
    assert _published(store).equals(before_pub)  # published rows never modified
    assert store.count("kematangan") == 45
    row = store.query("SELECT * FROM kematangan WHERE id = $i", {"i": new_id}).row(0, named=True)
    assert (row["sumber"], row["dicatat_oleh"], row["bukti"]) == (
        "pengguna",
        "lokal",
        "Dokumen resmi",
    )
    assert store.count("audit") == audit_before + 1
    audit = store.query("SELECT aksi, objek FROM audit ORDER BY id DESC LIMIT 1").row(0)
    assert audit == (Q.ACTION_RECORD, "instansi:4")
    assert store.data_version == version + 1

    t = Q.status_table(store, Filter(), LOCAL_ADMIN, TODAY)
    ntb = t.filter(pl.col("no") == 4).row(0, named=True)
    assert (ntb["pembangunan_mt"], ntb["penerapan_mt"], ntb["level"]) == ("Proses", "Belum", 2)
    # The table as of an earlier date still shows the published status.
    old = Q.status_table(store, Filter(), LOCAL_ADMIN, date(2026, 6, 29))
    assert old.filter(pl.col("no") == 4)["pembangunan_mt"].to_list() == ["Belum"]

    hist = Q.history(store, Filter(instansi=(4,)), LOCAL_ADMIN)
    assert hist.select("periode", "pembangunan_mt", "penerapan_mt", "level", "sumber").rows() == [
        (date(2026, 6, 30), "Proses", "Belum", 2, "pengguna"),
        (PUBLISHED_PERIOD, "Belum", "Belum", 1, "publikasi"),
    ]

    ch = Q.changes_since(store, Filter(), LOCAL_ADMIN, date(2026, 3, 31), TODAY)
    assert ch.select(
        "no", "pembangunan_lama", "penerapan_lama", "pembangunan_baru", "penerapan_baru",
        "level_lama", "level_baru", "selisih_level", "bukti",
    ).rows() == [(4, "Belum", "Belum", "Proses", "Belum", 1, 2, 1, "Dokumen resmi")]  # fmt: skip
    assert Q.changes_since(store, Filter(), LOCAL_ADMIN, date(2026, 7, 1), TODAY).is_empty()

    tl = Q.timeline(store, Filter(), LOCAL_ADMIN)
    bangun = tl.filter(pl.col("aspek") == "Pembangunan MT")
    got = {(d, s): n for d, _, s, n in bangun.iter_rows()}
    assert got == {
        (PUBLISHED_PERIOD, "Sudah"): 5, (PUBLISHED_PERIOD, "Proses"): 0,
        (PUBLISHED_PERIOD, "Belum"): 39, (date(2026, 6, 30), "Sudah"): 5,
        (date(2026, 6, 30), "Proses"): 1, (date(2026, 6, 30), "Belum"): 38,
    }  # fmt: skip
    assert Q.periods(store, Filter(), LOCAL_ADMIN) == [PUBLISHED_PERIOD, date(2026, 6, 30)]


def test_same_period_later_record_wins(store):
    Q.record_status(
        store,
        LOCAL_ADMIN,
        7,
        date(2026, 6, 30),
        "Proses",
        "Belum",
        "Laporan instansi",
        None,
        today=TODAY,
    )
    Q.record_status(
        store,
        LOCAL_ADMIN,
        7,
        date(2026, 6, 30),
        "Sudah",
        "Belum",
        "Verifikasi lapangan",
        "koreksi",
        today=TODAY,
    )
    t = Q.status_table(store, Filter(instansi=(7,)), LOCAL_ADMIN, TODAY)
    assert t.select("pembangunan_mt", "level", "bukti").row(0) == (
        "Sudah",
        3,
        "Verifikasi lapangan",
    )


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"pembangunan": "Belum", "penerapan": "Sudah"}, "tidak konsisten"),
        ({"pembangunan": "Belum", "penerapan": "Proses"}, "tidak konsisten"),
        ({"pembangunan": "Proses", "penerapan": "Sudah"}, "tidak konsisten"),
        ({"periode": date(2026, 12, 1)}, "masa depan"),
        ({"periode": date(2024, 6, 30)}, "periode pertama"),
        ({"bukti": "Kabar angin"}, "tingkat bukti"),
        ({"pembangunan": "Selesai"}, "tidak dikenal"),
        ({"instansi_id": 99}, "Instansi tidak dikenal"),
        ({"catatan": "x" * 1001}, "terlalu panjang"),
    ],
)
def test_refused_and_nothing_written(store, kwargs, fragment):
    args = {
        "instansi_id": 5, "periode": date(2026, 6, 30), "pembangunan": "Sudah",
        "penerapan": "Belum", "bukti": "Dokumen resmi", "catatan": "uji",
    } | kwargs  # fmt: skip
    n, audit, version = store.count("kematangan"), store.count("audit"), store.data_version
    with pytest.raises(Q.StatusRefused, match=fragment):
        Q.record_status(store, LOCAL_ADMIN, today=TODAY, **args)
    assert (store.count("kematangan"), store.count("audit"), store.data_version) == (
        n,
        audit,
        version,
    )


@pytest.mark.parametrize(
    "scope",
    [
        Scope(user="t", role="tamu", masked=True, aggregates_only=True),
        Scope(user="k", role="komite", instansi=frozenset({5})),
        Scope(user="a", role="admin", instansi=frozenset({6})),  # outside its scope
    ],
)
def test_refused_roles_and_scopes(store, scope):
    n = store.count("kematangan")
    with pytest.raises(Q.StatusRefused):
        Q.record_status(
            store, scope, 5, date(2026, 6, 30), "Sudah", "Belum", "Dokumen resmi", today=TODAY
        )
    assert store.count("kematangan") == n


def test_inconsistent_stored_row_gets_no_level(store):
    with store.transaction("test", "impor") as cur:
        cur.execute(
            "INSERT INTO kematangan (instansi_id, periode, pembangunan_mt, penerapan_mt, sumber) "
            "VALUES (9, DATE '2026-01-31', 'Belum', 'Sudah', 'impor')"
        )
    r = Q.status_table(store, Filter(instansi=(9,)), LOCAL_ADMIN, TODAY).row(0, named=True)
    assert (r["penerapan_mt"], r["level"], r["konsisten"]) == ("Sudah", None, False)


def test_exports(store):
    e = Q.export_kematangan(store, Filter(), LOCAL_ADMIN)
    assert tuple(e.columns) == Q.EXPORT_COLUMNS
    assert e.height == 44
    assert e.filter(pl.col("no") == 3).row(0) == (
        3, "Kabupaten Buleleng", "Sudah", "Sudah", 5, 330.0, 2024,
    )  # fmt: skip
    assert e.filter(pl.col("no") == 2).row(0) == (
        2,
        "Kabupaten Badung",
        "Sudah",
        "Proses",
        4,
        None,
        None,
    )
    k = Q.tabel_kanreg(store, Filter(), LOCAL_ADMIN, TODAY)
    assert tuple(k.columns) == Q.KANREG_COLUMNS
    assert k.columns[:5] == ["No", "Nama Instansi", "Kanreg", "Pembangunan MT", "Penerapan MT"]
    assert set(k["Kanreg"]) == {"Kanreg X BKN Denpasar"}
    assert k.row(0) == (
        1,
        "Provinsi Bali",
        "Kanreg X BKN Denpasar",
        "Sudah",
        "Proses",
        4,
        260.0,
        "III Baik",
        2020,
    )
