"""Competency queries on a hand-made store; every expectation is computed by hand below.

People (year 2025 unless noted):
- A1 "Ani Lestari" (instansi 1, Dinas A, Administrator "Kepala Bidang X", III/d):
  Integritas 2024: 2, 2026: 4 -> in 2025 the 2024 level 2; standard by position name 4
  (mutlak, weight 1.5) -> gap 2, weighted 3. Kerjasama 2025: 3, default 3 -> gap 0.
  Pengambilan Keputusan 2025: 1, default 3 -> gap 2. JP 2025: 12.
- B1 "Budi Santoso" (instansi 1, Dinas B, Fungsional Ahli Muda "Analis", III/c):
  Integritas 2025: 2; standard by position type Fungsional 4 (perlu, 0.5) overrides the
  jenjang default 3 -> gap 2, weighted 1. JP 2025: 24.
- C2 "Citra Dewi" (instansi 2, Dinas C, Pelaksana, II/a): Integritas 2025: 3, default 1 -> -2.
- D1 "Dedi" (instansi 1, Dinas A, Pelaksana): no assessment at all.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analytics.filters import LOCAL_ADMIN, Filter, Scope, ScopeError
from analytics.queries import competency as C
from tests.factories import add_pegawai, add_rows, add_unit

MANAJERIAL_SK = 9  # 8 managerial + Perekat Bangsa


@pytest.fixture
def kstore(store):
    db = store
    ua = add_unit(db, 1, "Dinas A")
    ub = add_unit(db, 1, "Dinas B")
    uc = add_unit(db, 2, "Dinas C")
    a = add_pegawai(db, instansi_id=1, unit_id=ua, nama="Ani Lestari", golongan="III/d",
                    jenis_jabatan="Administrator", nama_jabatan="Kepala Bidang X")  # fmt: skip
    b = add_pegawai(db, instansi_id=1, unit_id=ub, nama="Budi Santoso", golongan="III/c",
                    jenis_jabatan="Fungsional", jenjang="Ahli Muda", nama_jabatan="Analis")  # fmt: skip
    c = add_pegawai(db, instansi_id=2, unit_id=uc, nama="Citra Dewi", golongan="II/a")
    d = add_pegawai(db, instansi_id=1, unit_id=ua, nama="Dedi")
    add_rows(db, "standar_kompetensi", [
        {"jenis_jabatan": None, "nama_jabatan": "Kepala Bidang X", "kompetensi": "Integritas",
         "level_standar": 4, "tingkat_kepentingan": "mutlak"},
        {"jenis_jabatan": "Fungsional", "nama_jabatan": None, "kompetensi": "Integritas",
         "level_standar": 4, "tingkat_kepentingan": "perlu"},
    ])  # fmt: skip
    add_rows(db, "pelatihan", [
        {"nip": a, "tanggal_mulai": date(2025, 3, 1), "nama_kegiatan": "Bimtek", "jalur": "Klasikal",
         "jenis": "pelatihan", "jp": 12.0},
        {"nip": b, "tanggal_mulai": date(2025, 5, 1), "nama_kegiatan": "Diklat", "jalur": "Klasikal",
         "jenis": "pelatihan", "jp": 24.0},
    ])  # fmt: skip
    k = [
        (a, 2024, "Integritas", 2),
        (a, 2026, "Integritas", 4),
        (a, 2025, "Kerjasama", 3),
        (a, 2025, "Pengambilan Keputusan", 1),
        (b, 2025, "Integritas", 2),
        (c, 2025, "Integritas", 3),
    ]
    add_rows(db, "kompetensi", [
        {"nip": n, "tahun": t, "kompetensi": kk, "level": lv} for n, t, kk, lv in k
    ])  # fmt: skip
    names = dict(db.query("SELECT id, nama FROM instansi WHERE id IN (1, 2)").iter_rows())
    return db, {"a": a, "b": b, "c": c, "d": d, "ua": ua, "ub": ub, "uc": uc, "inst": names}


def cell(h: C.Heatmap, baris: str, kompetensi: str) -> dict:
    rows = h.cells.filter((pl.col("baris") == baris) & (pl.col("kompetensi") == kompetensi))
    assert rows.height == 1
    return rows.row(0, named=True)


def test_interval_table_latest_assessment(kstore):
    db, p = kstore
    iv = db.query(
        "SELECT tahun_dari, tahun_sampai, level, level_standar, sumber_standar, kepentingan, "
        "bobot FROM agg_kompetensi_pegawai WHERE nip = $n AND kompetensi = 'Integritas' "
        "ORDER BY tahun_dari",
        {"n": p["a"]},
    )
    assert iv.rows() == [
        (2024, 2026, 2, 4, "jabatan", "mutlak", 1.5),
        (2026, 9999, 4, 4, "jabatan", "mutlak", 1.5),
    ]
    row = db.query(
        "SELECT level_standar, sumber_standar, bobot FROM agg_kompetensi_pegawai WHERE nip = $n",
        {"n": p["b"]},
    )
    assert row.rows() == [(4, "jenis", 0.5)]


def test_heatmap_units_shape_order_and_values(kstore):
    db, p = kstore
    h = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", "kekurangan")
    inst1, inst2 = p["inst"][1], p["inst"][2]
    la, lb, lc = f"Dinas A · {inst1}", f"Dinas B · {inst1}", f"Dinas C · {inst2}"
    # Shortfall points: A 2 + 2 = 4, B 2, C 0 -> order A, B, C; 3 rows × 9 columns.
    assert h.rows["baris"].to_list() == [la, lb, lc]
    assert h.rows["kekurangan"].to_list() == [4.0, 2.0, 0.0]
    assert h.cells.height == 3 * MANAJERIAL_SK
    cols = h.cells.filter(pl.col("baris_no") == 0)["kompetensi"].to_list()
    assert cols[0] == "Integritas" and cols[7] == "Pengambilan Keputusan"
    assert cols[8] == "Perekat Bangsa"
    ia = cell(h, la, "Integritas")
    assert (ia["pegawai"], ia["rata_level"], ia["rata_standar"], ia["rata_gap"]) == (1, 2, 4, 2)
    assert ia["pct_bawah"] == 1.0
    assert cell(h, la, "Kerjasama")["rata_gap"] == 0.0  # zero gap ...
    none = cell(h, la, "Komunikasi")  # ... is not "no assessment"
    assert none["pegawai"] == 0 and none["rata_gap"] is None
    assert cell(h, lc, "Integritas")["rata_gap"] == -2.0
    # Natural order: by label.
    h2 = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", "alami")
    assert h2.rows["baris"].to_list() == sorted([la, lb, lc])


def test_heatmap_weighted(kstore):
    db, p = kstore
    h = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "instansi", bobot=True)
    inst1, inst2 = p["inst"][1], p["inst"][2]
    # Instance 1 Integritas: A 2 × 1.5 = 3 and B 2 × 0.5 = 1 -> mean 2; unweighted also 2.
    assert cell(h, inst1, "Integritas")["rata_gap"] == 2.0
    assert cell(h, inst1, "Pengambilan Keputusan")["rata_gap"] == 2.0
    assert cell(h, inst2, "Integritas")["rata_gap"] == -2.0
    # Weighted shortfall points of instance 1: 3 + 1 + 2 = 6.
    assert h.rows.filter(pl.col("baris") == inst1)["kekurangan"].item() == 6.0
    hu = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", bobot=True)
    assert cell(hu, f"Dinas A · {inst1}", "Integritas")["rata_gap"] == 3.0
    assert cell(hu, f"Dinas B · {inst1}", "Integritas")["rata_gap"] == 1.0


def test_heatmap_fold_rest_into_lainnya(kstore):
    db, p = kstore
    h = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", top_n=1)
    assert h.folded == 2
    assert h.cells["baris"].unique(maintain_order=True).to_list() == [
        f"Dinas A · {p['inst'][1]}",
        "Lainnya (2 baris)",
    ]
    rest = cell(h, "Lainnya (2 baris)", "Integritas")  # B (2 vs 4) and C (3 vs 1) pooled
    assert rest["pegawai"] == 2 and rest["rata_gap"] == 0.0
    assert rest["rata_level"] == 2.5 and rest["rata_standar"] == 2.5 and rest["di_bawah"] == 1
    assert h.rows.height == 3  # the full row list stays available for drill-downs


def test_heatmap_other_dimensions_and_filters(kstore):
    db, p = kstore
    h = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "golongan", "alami")
    assert h.rows["baris"].to_list() == ["II/a", "III/c", "III/d"]
    hj = C.heatmap(db, Filter(tahun=2025), LOCAL_ADMIN, "jenis", "alami")
    assert hj.rows["baris"].to_list() == ["Administrator", "Fungsional", "Pelaksana"]
    # Filters apply to the cube exactly as to pegawai.
    only = C.heatmap(db, Filter(tahun=2025, jenis_jabatan=("Pelaksana",)), LOCAL_ADMIN, "unit")
    assert only.rows["baris"].to_list() == ["Dinas C"]
    g = C.heatmap(db, Filter(tahun=2025, golongan_min=11), LOCAL_ADMIN, "unit", "alami")
    assert g.rows["baris"].to_list() == ["Dinas A", "Dinas B"]
    u = C.heatmap(db, Filter(tahun=2025, instansi=(1,), unit=(p["ub"],)), LOCAL_ADMIN, "unit")
    assert u.rows["baris"].to_list() == ["Dinas B"]
    e = C.heatmap(db, Filter(tahun=2025, status=("PPPK",)), LOCAL_ADMIN, "unit")
    assert e.cells.height == 0 and e.rows.height == 0
    # 2024: only A's Integritas was assessed; 2026: A meets the standard.
    h24 = C.heatmap(db, Filter(tahun=2024), LOCAL_ADMIN, "instansi")
    assert h24.rows["baris"].to_list() == [p["inst"][1]]
    h26 = C.heatmap(db, Filter(tahun=2026), LOCAL_ADMIN, "unit", "alami")
    assert cell(h26, f"Dinas A · {p['inst'][1]}", "Integritas")["rata_gap"] == 0.0


def test_scope_is_enforced(kstore):
    db, p = kstore
    scope2 = Scope(user="u", role="analis_instansi", instansi=frozenset({2}))
    h = C.heatmap(db, Filter(tahun=2025), scope2, "unit")
    assert h.rows["baris"].to_list() == ["Dinas C"]
    with pytest.raises(ScopeError):
        C.heatmap(db, Filter(tahun=2025, instansi=(1,)), scope2, "unit")
    with pytest.raises(ScopeError):
        C.drilldown(db, Filter(tahun=2025), Scope(aggregates_only=True), "unit", (), "Integritas")
    with pytest.raises(ScopeError):
        C.profil_pegawai(db, Filter(tahun=2025), Scope(aggregates_only=True), p["a"])


def test_drilldown(kstore):
    db, p = kstore
    d = C.drilldown(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", (), "Integritas")
    assert (d.total, d.di_bawah) == (3, 2)
    assert d.people.select("nama", "level", "level_standar", "gap", "jp_tahun_ini").rows() == [
        ("Ani Lestari", 2, 4, 2, 12.0),
        ("Budi Santoso", 2, 4, 2, 24.0),
        ("Citra Dewi", 3, 1, -2, 0.0),
    ]
    assert d.people["tahun_asesmen"].to_list() == [2024, 2025, 2025]
    assert d.people["sumber_standar"].to_list() == ["jabatan", "jenis", "bawaan"]
    one = C.drilldown(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", (str(p["ua"]),),
                      "Pengambilan Keputusan")  # fmt: skip
    assert one.people.select("nip", "level", "level_standar").rows() == [(p["a"], 1, 3)]
    lim = C.drilldown(db, Filter(tahun=2025), LOCAL_ADMIN, "unit", (), "Integritas", limit=1)
    assert lim.people.height == 1 and lim.total == 3
    masked = C.drilldown(db, Filter(tahun=2025), Scope(masked=True), "golongan", ("PNS:12",),
                         "Integritas")  # fmt: skip
    assert masked.people["nama"].to_list() == ["A.L."]
    assert masked.people["nip"][0].startswith("K-") and p["a"] not in masked.people.rows()[0]


def test_person_profile(kstore):
    db, p = kstore
    prof = C.profil_pegawai(db, Filter(tahun=2025), LOCAL_ADMIN, p["a"])
    assert prof.height == MANAJERIAL_SK
    by = {r["kompetensi"]: r for r in prof.iter_rows(named=True)}
    assert (by["Integritas"]["level"], by["Integritas"]["level_standar"]) == (2, 4)
    assert by["Integritas"]["gap"] == 2 and by["Integritas"]["kepentingan"] == "mutlak"
    assert (by["Kerjasama"]["level"], by["Kerjasama"]["gap"]) == (3, 0)
    assert by["Komunikasi"]["level"] is None and by["Komunikasi"]["level_standar"] == 3
    assert by["Komunikasi"]["gap"] is None
    assert prof["kompetensi"][0] == "Integritas" and prof["kompetensi"][-1] == "Perekat Bangsa"
    # Masked callers find the person by the code they were shown.
    masked = Scope(masked=True)
    code = C.drilldown(db, Filter(tahun=2025), masked, "unit", (str(p["ub"]),), "Integritas")
    prof_b = C.profil_pegawai(db, Filter(tahun=2025), masked, code.people["nip"][0])
    assert prof_b["nama"][0] == "B.S."
    assert prof_b.filter(pl.col("kompetensi") == "Integritas")["level_standar"].item() == 4
    # Outside the filter: nothing.
    assert C.profil_pegawai(db, Filter(tahun=2025, instansi=(2,)), LOCAL_ADMIN, p["a"]).height == 0


def test_training_needs(kstore):
    db, p = kstore
    t = C.kebutuhan_pelatihan(db, Filter(tahun=2025), LOCAL_ADMIN, top_k=3)
    inst1 = p["inst"][1]
    assert t.select("unit_kerja", "peringkat", "kompetensi", "perlu_pengembangan", "rata_jp",
                    "belum_target_jp").rows() == [
        (f"Dinas A · {inst1}", 1, "Integritas", 1, 12.0, 1),
        (f"Dinas A · {inst1}", 2, "Pengambilan Keputusan", 1, 12.0, 1),
        (f"Dinas B · {inst1}", 1, "Integritas", 1, 24.0, 0),
    ]  # fmt: skip
    assert C.kebutuhan_pelatihan(db, Filter(tahun=2025), LOCAL_ADMIN, top_k=1).height == 2


def test_trend(kstore):
    db, _ = kstore
    t = C.tren(db, Filter(tahun=2025), LOCAL_ADMIN)
    integ = t.filter(pl.col("kompetensi") == "Integritas")
    assert integ["tahun"].to_list() == [2024, 2025, 2026]
    assert integ["pegawai"].to_list() == [1, 3, 3]
    # 2024: 2; 2025: (2 + 2 - 2) / 3; 2026: (0 + 2 - 2) / 3.
    assert integ["rata_gap"].to_list() == pytest.approx([2.0, 2 / 3, 0.0])


def test_summary_counts_missing_assessments(kstore):
    db, _ = kstore
    s = C.ringkasan(db, Filter(tahun=2025), LOCAL_ADMIN).row(0, named=True)
    assert s["pegawai_filter"] == 4  # Dedi counts in the headcount, not in assessments
    assert s["penilaian"] == 5 and s["di_bawah"] == 3
    assert s["pct_bawah"] == pytest.approx(0.6)
    assert s["rata_gap"] == pytest.approx((2 + 0 + 2 + 2 - 2) / 5)


def test_export(kstore):
    db, p = kstore
    e = C.export_kompetensi(db, Filter(tahun=2025, instansi=(1,)), LOCAL_ADMIN)
    assert e.columns == ["unit_kerja", "kompetensi", "pegawai", "rata_level", "rata_standar",
                         "rata_gap", "di_bawah_standar"]  # fmt: skip
    assert e.rows() == [
        ("Dinas A", "Integritas", 1, 2.0, 4.0, 2.0, 1),
        ("Dinas A", "Kerjasama", 1, 3.0, 3.0, 0.0, 0),
        ("Dinas A", "Pengambilan Keputusan", 1, 1.0, 3.0, 2.0, 1),
        ("Dinas B", "Integritas", 1, 2.0, 4.0, 2.0, 1),
    ]
    empty = C.export_kompetensi(db, Filter(tahun=2020), LOCAL_ADMIN)
    assert empty.height == 0 and empty.columns == e.columns


def test_bad_dimension_refused(kstore):
    db, _ = kstore
    with pytest.raises(ValueError):
        C.heatmap(db, Filter(), LOCAL_ADMIN, "nama; DROP TABLE pegawai")


def test_unitless_cube_sums_units_and_matches_the_full_cube(store):
    """Two Pelaksana of instance 1 in two units (Integritas 2025: levels 1 and 3, default
    standard 1 -> gaps 0 and -2) share one row of agg_kompetensi_instansi; every unit-free
    view reads it and equals the full cube's answer (the fallback of an older store)."""
    db = store
    u1, u2 = add_unit(db, 1, "Dinas A"), add_unit(db, 1, "Dinas B")
    a = add_pegawai(db, instansi_id=1, unit_id=u1, nama="Ani")
    b = add_pegawai(db, instansi_id=1, unit_id=u2, nama="Budi")
    add_rows(db, "kompetensi", [
        {"nip": a, "tahun": 2025, "kompetensi": "Integritas", "level": 1},
        {"nip": b, "tahun": 2025, "kompetensi": "Integritas", "level": 3},
    ])  # fmt: skip
    row = db.query(
        "SELECT n, sum_gap, n_bawah FROM agg_kompetensi_instansi "
        "WHERE tahun = 2025 AND instansi_id = 1 AND kompetensi = 'Integritas'"
    )
    assert row.rows() == [(2, -2, 0)]
    flt = Filter(tahun=2025)
    h = C.heatmap(db, flt, LOCAL_ADMIN, "instansi", "alami")
    c = h.cells.filter(pl.col("kompetensi") == "Integritas").row(0, named=True)
    assert (c["pegawai"], c["rata_gap"], c["rata_level"]) == (2, -1.0, 2.0)

    def views() -> tuple[pl.DataFrame, ...]:
        return (
            C.heatmap(db, flt, LOCAL_ADMIN, "instansi", "alami").cells,
            C.heatmap(db, flt, LOCAL_ADMIN, "golongan", "kekurangan", 0, True).cells,
            C.ringkasan(db, flt, LOCAL_ADMIN),
            C.tren(db, flt, LOCAL_ADMIN),
            C.drilldown(db, flt, LOCAL_ADMIN, "jenis", ("Pelaksana",), "Integritas").people,
        )

    before = views()
    d = C.drilldown(db, flt, LOCAL_ADMIN, "instansi", ("1",), "Integritas")
    assert (d.total, d.di_bawah, d.people["gap"].to_list()) == (2, 0, [0, -2])
    cur = db.cursor()
    cur.execute("DROP TABLE agg_kompetensi_instansi")
    cur.close()
    for x, y in zip(before, views(), strict=True):
        assert x.equals(y)
