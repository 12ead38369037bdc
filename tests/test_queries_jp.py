"""JP queries on a hand-made store with hand-computed expectations.

People (instansi 1 = Provinsi Bali: units A, B; instansi 3 = Kabupaten Buleleng: unit C):
  A1 Ade Satu     PNS  2026-01-01 10 JP Klasikal, 2026-03-10 10 JP Nonklasikal  -> 20 (meets)
  A2 Bayu Dua     PNS  2026-02-01 19.5 JP Klasikal                             -> 19.5 (no)
  A3 Citra Tiga   PNS  no records                                              -> 0
  A4 Dewa Empat   PNS  2025-12-31 25 JP (year 2025), 2026-12-31 4 JP (after 31 Oct)
  B1 Eka Lima     PPPK 2026-05-20 12 JP Nonklasikal
  C1 Gede Enam    PNS  2026-10-15 18 JP Klasikal
Data as of 2026-10-31: 304 of 365 days, pace line 20 × 304/365 = 16.6575 JP.
"""

from __future__ import annotations

from datetime import date

import pytest

from analytics.filters import Filter, Scope, ScopeError
from analytics.queries import jp as Q
from tests.factories import add_pegawai, add_rows, add_unit

FRAC = 304 / 365
ALL = Scope()


@pytest.fixture
def jpdb(store):
    ua = add_unit(store, 1, "Unit A")
    ub = add_unit(store, 1, "Unit B")
    uc = add_unit(store, 3, "Unit C")
    n = {}
    n["A1"] = add_pegawai(store, instansi_id=1, unit_id=ua, nama="Ade Satu")
    n["A2"] = add_pegawai(store, instansi_id=1, unit_id=ua, nama="Bayu Dua", golongan="II/a")
    n["A3"] = add_pegawai(store, instansi_id=1, unit_id=ua, nama="Citra Tiga")
    n["A4"] = add_pegawai(
        store, instansi_id=1, unit_id=ua, nama="Dewa Empat", jenis_jabatan="Fungsional"
    )
    n["B1"] = add_pegawai(
        store, instansi_id=1, unit_id=ub, nama="Eka Lima", status="PPPK", golongan="IX",
        nip="198001012020122001",
    )  # fmt: skip
    n["C1"] = add_pegawai(store, instansi_id=3, unit_id=uc, nama="Gede Enam")

    def rec(who, d, jp, jalur="Klasikal"):
        return {
            "nip": n[who],
            "tanggal_mulai": d,
            "nama_kegiatan": "Kegiatan",
            "jalur": jalur,
            "jenis": "pelatihan",
            "jp": jp,
        }

    add_rows(
        store,
        "pelatihan",
        [
            rec("A1", date(2026, 1, 1), 10),
            rec("A1", date(2026, 3, 10), 10, "Nonklasikal"),
            rec("A2", date(2026, 2, 1), 19.5),
            rec("A4", date(2025, 12, 31), 25),
            rec("A4", date(2026, 12, 31), 4),
            rec("B1", date(2026, 5, 20), 12, "Nonklasikal"),
            rec("C1", date(2026, 10, 15), 18),
        ],
    )
    with store.transaction("test", "meta") as cur:
        store.set_meta(cur, "data_as_of", "2026-10-31")
    store.nips = n
    return store


F26 = Filter(tahun=2026)


def test_default_as_of(jpdb):
    assert Q.default_as_of(jpdb, F26, ALL) == date(2026, 10, 31)
    assert Q.default_as_of(jpdb, Filter(tahun=2025), ALL) == date(2025, 12, 31)
    with pytest.raises(ValueError):
        Q.headline(jpdb, F26, ALL, date(2025, 6, 1))


def test_headline_as_of_data_date(jpdb):
    h = {r["status"]: r for r in Q.headline(jpdb, F26, ALL).iter_rows(named=True)}
    pns = h["PNS"]
    assert pns["pegawai"] == 5  # A3 without records is counted
    assert pns["memenuhi"] == 1  # A1 exactly 20; A2 19.5 does not meet
    assert pns["persen_memenuhi"] == pytest.approx(0.2)
    assert pns["rata_jp"] == pytest.approx((20 + 19.5 + 0 + 0 + 18) / 5)
    assert pns["median_jp"] == 18
    assert pns["nol_jp"] == 2  # A3, A4 (A4's 31 Dec record is after the as-of date)
    assert pns["di_belakang"] == 2
    assert pns["persen_sesuai_laju"] == pytest.approx(0.6)
    assert pns["jp_harapan"] == pytest.approx(20 * FRAC)
    pppk = h["PPPK"]
    assert (pppk["pegawai"], pppk["memenuhi"], pppk["di_belakang"]) == (1, 0, 1)
    # PPPK against their own configurable target.
    h10 = Q.headline(jpdb, F26, ALL, None, 10.0).filter(status="PPPK").row(0, named=True)
    assert (h10["memenuhi"], h10["target"], h10["di_belakang"]) == (1, 10.0, 0)


def test_headline_full_year_and_year_boundaries(jpdb):
    full = Q.headline(jpdb, F26, ALL, date(2026, 12, 31)).filter(status="PNS").row(0, named=True)
    assert full["rata_jp"] == pytest.approx((20 + 19.5 + 0 + 4 + 18) / 5)
    assert full["nol_jp"] == 1
    assert full["di_belakang"] == 4  # at year end: everyone below 20
    y25 = Q.headline(jpdb, Filter(tahun=2025), ALL).filter(status="PNS").row(0, named=True)
    # 2025: only A4's 31 Dec record; A1's 1 Jan 2026 record belongs to 2026.
    assert (y25["pegawai"], y25["memenuhi"], y25["nol_jp"]) == (5, 1, 4)
    assert y25["rata_jp"] == pytest.approx(25 / 5)


def test_headline_only_statuses_of_the_filter_and_empty(jpdb):
    h = Q.headline(jpdb, F26.with_(status=("PPPK",)), ALL)
    assert h["status"].to_list() == ["PPPK"]
    empty = Q.headline(jpdb, F26.with_(instansi=(44,)), ALL)
    assert empty["pegawai"].to_list() == [0, 0]
    assert empty["persen_memenuhi"].to_list() == [None, None]


def test_partial_month_as_of(jpdb):
    # C1's record of 15 Oct comes from the base table for as-of dates inside October.
    f = F26.with_(instansi=(3,))
    on20 = Q.headline(jpdb, f, ALL, date(2026, 10, 20)).filter(status="PNS").row(0, named=True)
    on10 = Q.headline(jpdb, f, ALL, date(2026, 10, 10)).filter(status="PNS").row(0, named=True)
    assert on20["rata_jp"] == 18 and on10["rata_jp"] == 0


def test_completion_by_unit_and_sorts(jpdb):
    df = Q.completion(jpdb, F26, ALL, "unit", sort="nama")
    rows = {r["label"]: r for r in df.iter_rows(named=True)}
    assert df["label"].to_list() == ["Unit A", "Unit B", "Unit C"]
    assert (rows["Unit A"]["pegawai"], rows["Unit A"]["memenuhi"]) == (4, 1)
    assert rows["Unit A"]["persen_memenuhi"] == pytest.approx(0.25)
    assert rows["Unit A"]["di_belakang"] == 2
    assert rows["Unit A"]["instansi"] == "Provinsi Bali"
    assert rows["Unit C"]["instansi"] == "Kabupaten Buleleng"
    assert rows["Unit C"]["persen_sesuai_laju"] == 1.0  # 18 ≥ 16.66 though 18 < 20
    low = Q.completion(jpdb, F26, ALL, "unit", sort="persen_naik")["label"].to_list()
    assert low == ["Unit B", "Unit C", "Unit A"]
    behind = Q.completion(jpdb, F26, ALL, "unit", sort="belakang")["label"].to_list()
    assert behind[0] == "Unit A"
    with pytest.raises(ValueError):
        Q.completion(jpdb, F26, ALL, "provinsi")


def test_completion_other_dimensions(jpdb):
    inst = Q.completion(jpdb, F26, ALL, "instansi", sort="nama")
    assert inst["label"].to_list() == ["Provinsi Bali", "Kabupaten Buleleng"]
    assert inst["pegawai"].to_list() == [5, 1]
    assert inst["memenuhi"].to_list() == [1, 0]
    jab = Q.completion(jpdb, F26, ALL, "jenis_jabatan", sort="nama")
    assert jab["label"].to_list() == ["Fungsional", "Pelaksana"]
    assert jab["pegawai"].to_list() == [1, 5]
    gol = Q.completion(jpdb, F26, ALL, "golongan", sort="nama")
    assert gol["label"].to_list() == ["II/a", "III/a", "IX"]
    assert gol["pegawai"].to_list() == [1, 4, 1]
    assert gol["instansi"].to_list() == ["PNS", "PNS", "PPPK"]


def test_histogram(jpdb):
    h = Q.histogram(jpdb, F26, ALL)
    got = {r["bin_lo"]: (r["pegawai"], r["memenuhi"]) for r in h.iter_rows(named=True)}
    # JP: 20, 19.5, 0, 0, 12, 18 -> bins 0 (2), 12 (1), 18 (19.5 and 18), 20 (1, meets)
    assert got == {0.0: (2, 0), 12.0: (1, 0), 18.0: (2, 0), 20.0: (1, 1)}
    assert h["bin_hi"].to_list() == [2.0, 14.0, 20.0, 22.0]
    top = Q.histogram(jpdb, F26, ALL, date(2026, 12, 31), 20.0, 5.0, 15.0)
    got = {r["bin_lo"]: r["pegawai"] for r in top.iter_rows(named=True)}
    assert got == {0.0: 2, 10.0: 1, 15.0: 3}  # 0, 4 | 12 | 18, 19.5, 20 (open ≥ 15 bin)
    assert top["bin_hi"].to_list()[-1] is None


def test_jalur_split(jpdb):
    s = {r["jalur"]: r for r in Q.jalur_split(jpdb, F26, ALL).iter_rows(named=True)}
    assert s["Klasikal"]["jp"] == pytest.approx(10 + 19.5 + 18)
    assert s["Nonklasikal"]["jp"] == pytest.approx(10 + 12)
    assert s["Klasikal"]["persen"] == pytest.approx(47.5 / 69.5)
    assert (s["Klasikal"]["pegawai_ikut"], s["Nonklasikal"]["pegawai_ikut"]) == (3, 2)
    assert s["Nonklasikal"]["rata_per_pegawai"] == pytest.approx(22 / 6)


def test_cumulative_month_by_month(jpdb):
    f = F26.with_(status=("PNS",))
    c = Q.cumulative(jpdb, f, ALL, date(2026, 10, 20))
    assert c["bulan"].to_list() == list(range(1, 11))
    assert c["tanggal"].to_list()[0] == date(2026, 1, 31)
    assert c["tanggal"].to_list()[-1] == date(2026, 10, 20)
    mean = c["rata_jp"].to_list()
    assert mean[0] == pytest.approx(10 / 5)
    assert mean[1] == pytest.approx(29.5 / 5)
    assert mean[2:9] == pytest.approx([39.5 / 5] * 7)
    assert mean[9] == pytest.approx(57.5 / 5)  # C1's 15 Oct record from the base table
    assert c["median_jp"].to_list()[9] == 18
    assert c["jp_harapan"].to_list()[0] == pytest.approx(20 * 31 / 365)
    assert c["jp_harapan"].to_list()[9] == pytest.approx(20 * 293 / 365)
    laju = c["persen_sesuai_laju"].to_list()
    assert laju[0] == pytest.approx(0.2) and laju[1] == pytest.approx(0.4)
    assert laju[9] == pytest.approx(0.6)
    assert c["persen_memenuhi"].to_list()[9] == pytest.approx(0.2)
    assert set(c["pegawai"].to_list()) == {5}
    early = Q.cumulative(jpdb, f, ALL, date(2026, 10, 10))
    assert early["rata_jp"].to_list()[9] == pytest.approx(39.5 / 5)


def test_cumulative_month_end_uses_the_monthly_aggregate(jpdb):
    c = Q.cumulative(jpdb, F26.with_(status=("PNS",)), ALL, date(2026, 3, 31))
    assert c["rata_jp"].to_list() == pytest.approx([2.0, 5.9, 7.9])
    assert c["jp_harapan"].to_list()[2] == pytest.approx(20 * 90 / 365)


def test_people_behind_and_at_zero(jpdb):
    n = jpdb.nips
    behind = Q.people(jpdb, F26, ALL, "belakang")
    assert behind["nama"].to_list() == ["Citra Tiga", "Dewa Empat", "Eka Lima"]
    assert behind["nip"].to_list() == [n["A3"], n["A4"], n["B1"]]
    eka = behind.row(2, named=True)
    assert eka["unit_kerja"] == "Unit B" and eka["status"] == "PPPK"
    assert eka["proyeksi"] == pytest.approx(12 / FRAC)  # 14.41
    assert eka["kekurangan"] == 8
    assert eka["jp_per_bulan"] == pytest.approx(8 / (61 / 365 * 12))
    assert eka["jp_harapan"] == pytest.approx(20 * FRAC)
    zero = Q.people(jpdb, F26, ALL, "nol")
    assert zero["nama"].to_list() == ["Citra Tiga", "Dewa Empat"]


def test_people_masked_and_refused(jpdb):
    masked = Q.people(jpdb, F26, Scope(masked=True), "nol")
    assert masked["nama"].to_list() == ["C.T.", "D.E."]
    assert all(x.startswith("K-") for x in masked["nip"].to_list())
    with pytest.raises(ScopeError):
        Q.people(jpdb, F26, Scope(aggregates_only=True), "nol")
    with pytest.raises(ScopeError):
        Q.export_jp_pegawai(jpdb, F26, Scope(aggregates_only=True))
    scoped = Q.people(jpdb, F26, Scope(instansi=frozenset({3})), "belakang")
    assert scoped.height == 0


def test_regional_all_instances_and_year_over_year(jpdb):
    r = Q.regional(jpdb, F26.with_(instansi=(1,)), ALL)
    assert r.height == 44
    bali = r.filter(instansi_id=1).row(0, named=True)
    assert (bali["pegawai"], bali["memenuhi"]) == (5, 1)
    assert bali["persen_memenuhi"] == pytest.approx(0.2)
    # 31 Oct 2025: A4's 25 JP of 31 Dec 2025 are not yet there -> 0%.
    assert bali["persen_lalu"] == 0.0
    assert bali["perubahan"] == pytest.approx(0.2)
    assert bali["dipilih"] is True
    bul = r.filter(instansi_id=3).row(0, named=True)
    assert (bul["pegawai"], bul["persen_memenuhi"], bul["perubahan"]) == (1, 0.0, 0.0)
    assert bul["dipilih"] is False
    other = r.filter(instansi_id=10).row(0, named=True)
    assert other["pegawai"] == 0 and other["persen_memenuhi"] is None
    end = Q.regional(jpdb, F26, ALL, date(2026, 12, 31)).filter(instansi_id=1).row(0, named=True)
    assert end["persen_lalu"] == pytest.approx(0.2)  # A4 met in 2025 (31 Dec record)
    assert end["perubahan"] == pytest.approx(0.0)  # A1 meets in 2026
    scoped = Q.regional(jpdb, F26, Scope(instansi=frozenset({3})))
    assert scoped["instansi_id"].to_list() == [3]


def test_population_excludes_people_not_yet_appointed(jpdb):
    uc = int(jpdb.scalar("SELECT id FROM unit WHERE nama = 'Unit C'"))
    add_pegawai(jpdb, instansi_id=3, unit_id=uc, nama="Baru", tmt_cpns=date(2026, 11, 1))
    f = F26.with_(instansi=(3,))
    assert Q.headline(jpdb, f, ALL)["pegawai"].to_list() == [1, 0]
    assert Q.headline(jpdb, f, ALL, date(2026, 12, 31))["pegawai"].to_list() == [2, 0]


def test_exports(jpdb):
    e = Q.export_jp(jpdb, F26, ALL)
    assert e.columns == ["unit_kerja", "pegawai", "memenuhi_20jp", "persen_memenuhi", "rata_jp"]
    assert e.row(0) == ("Unit A · Provinsi Bali", 4, 1, 25.0, pytest.approx(9.9))
    assert e["unit_kerja"].to_list()[2] == "Unit C · Kabupaten Buleleng"
    one = Q.export_jp(jpdb, F26.with_(instansi=(1,)), ALL)
    assert one["unit_kerja"].to_list() == ["Unit A", "Unit B"]
    p = Q.export_jp_pegawai(jpdb, F26.with_(instansi=(1,)), ALL)
    assert p.columns == ["nip", "nama", "unit_kerja", "jp", "memenuhi_20jp"]
    assert p["nama"].to_list() == ["Ade Satu", "Bayu Dua", "Citra Tiga", "Dewa Empat", "Eka Lima"]
    assert p["jp"].to_list() == [20.0, 19.5, 0.0, 0.0, 12.0]
    assert p["memenuhi_20jp"].to_list() == [True, False, False, False, False]
