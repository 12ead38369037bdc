"""Tests of the seeded demo generator (analytics.demo): invariants, realism, determinism."""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl
import pytest

from analytics.demo import add_demo_arguments, build, run_demo
from analytics.demo_people import PROVINCE_PNS
from analytics.domain import (
    GOLONGAN,
    GOLONGAN_PPPK,
    KOMPETENSI_MANAJERIAL,
    PENDIDIKAN_GOLONGAN_AWAL,
    bup,
    golongan_rank,
)
from analytics.reference import open_store

N = 3000
SEED = 5


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A 3,000-person demo store (seed 5) with the reference counts taken before the build."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    db = open_store(path)
    before = {
        "ism": db.query("SELECT * FROM ism ORDER BY ALL"),
        "kematangan": db.query("SELECT * FROM kematangan ORDER BY id"),
        "instansi": db.query("SELECT * FROM instansi ORDER BY id"),
        "data_version": db.data_version,
    }
    counts = build(db, employees=N, seed=SEED)
    yield db, counts, before
    db.close()


def q(db, sql: str, **params) -> pl.DataFrame:
    return db.query(sql, params)


def one(db, sql: str, **params):
    return db.scalar(sql, params)


# -- sizes and structure --------------------------------------------------------------------
def test_counts_returned_match_tables(demo):
    db, counts, _ = demo
    assert counts["pegawai"] == N == db.count("pegawai")
    for table, rows in counts.items():
        assert one(db, f"SELECT count(*) FROM {table} WHERE sumber = 'demo'") == rows
    assert counts["kinerja"] > 2.7 * N
    assert counts["kompetensi"] == 10 * counts["potensial"]
    assert counts["pelatihan"] > 3 * N


def test_every_instance_has_people_and_units(demo):
    db, _, _ = demo
    per = q(db, "SELECT instansi_id, count(*) AS n FROM pegawai GROUP BY 1")
    assert sorted(per["instansi_id"].to_list()) == list(range(1, 45))
    assert per["n"].min() >= 5
    units = q(db, "SELECT instansi_id, count(*) AS n FROM unit WHERE sumber = 'demo' GROUP BY 1")
    assert units.height == 44
    assert units["n"].min() >= 30 and units["n"].max() <= 40
    # unit ids are global and every person's unit belongs to their instance
    assert one(db, "SELECT count(DISTINCT id) = count(*) FROM unit") is True
    assert (
        one(
            db,
            "SELECT count(*) FROM pegawai p LEFT JOIN unit u ON u.id = p.unit_id "
            "WHERE u.instansi_id IS DISTINCT FROM p.instansi_id",
        )
        == 0
    )


def test_unit_names_realistic(demo):
    db, _, _ = demo
    names = set(q(db, "SELECT DISTINCT nama FROM unit")["nama"].to_list())
    for expected in (
        "Sekretariat Daerah",
        "Sekretariat DPRD",
        "Dinas Pendidikan",
        "Dinas Kesehatan",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Badan Kepegawaian Daerah",
        "Dinas Pendidikan dan Kebudayaan",
        "Satuan Polisi Pamong Praja",
        "Kecamatan Kuta",
    ):
        assert expected in names
    assert any(n.startswith("Rumah Sakit Umum Daerah") for n in names)


def test_province_shares_near_pns_shares(demo):
    db, _, _ = demo
    df = q(
        db,
        "SELECT i.provinsi, count(*) AS n FROM pegawai p JOIN instansi i ON i.id = p.instansi_id "
        "GROUP BY 1",
    )
    total = sum(PROVINCE_PNS.values())
    for prov, n in df.iter_rows():
        assert abs(n / N - PROVINCE_PNS[prov] / total) < 0.015, prov


def test_province_government_largest_in_province(demo):
    db, _, _ = demo
    df = q(
        db,
        "SELECT i.provinsi, i.jenis, count(*) AS n FROM pegawai p "
        "JOIN instansi i ON i.id = p.instansi_id GROUP BY i.id, 1, 2",
    )
    for prov in PROVINCE_PNS:
        sub = df.filter(pl.col("provinsi") == prov)
        prov_n = sub.filter(pl.col("jenis") == "provinsi")["n"].item()
        assert prov_n > sub.filter(pl.col("jenis") != "provinsi")["n"].max()
    kab = df.filter(pl.col("jenis") == "kabupaten")["n"]
    assert kab.max() > 1.8 * kab.min()  # sizes vary


def test_mix_of_positions_and_status(demo):
    db, _, _ = demo
    share = dict(
        q(db, "SELECT jenis_jabatan, count(*) / $n AS s FROM pegawai GROUP BY 1", n=N).iter_rows()
    )
    assert 0.50 <= share["Fungsional"] <= 0.62
    assert 0.29 <= share["Pelaksana"] <= 0.41
    structural = sum(
        share.get(j, 0) for j in ("JPT Madya", "JPT Pratama", "Administrator", "Pengawas")
    )
    assert 0.07 <= structural <= 0.12
    assert share["Pengawas"] > share["Administrator"] > share["JPT Pratama"]
    pppk = one(db, "SELECT avg(CAST(status_kepegawaian = 'PPPK' AS INTEGER)) FROM pegawai")
    assert 0.20 <= pppk <= 0.32
    assert (
        one(
            db,
            "SELECT count(*) FROM pegawai WHERE status_kepegawaian = 'PPPK' "
            "AND jenis_jabatan NOT IN ('Fungsional', 'Pelaksana')",
        )
        == 0
    )
    # JPT Madya only as the Sekda of a province
    madya = q(
        db,
        "SELECT i.jenis, p.nama_jabatan FROM pegawai p JOIN instansi i ON i.id = p.instansi_id "
        "WHERE p.jenis_jabatan = 'JPT Madya'",
    )
    assert madya.height == 3
    assert set(madya["jenis"]) == {"provinsi"} and set(madya["nama_jabatan"]) == {
        "Sekretaris Daerah"
    }


def test_teachers_and_health_dominate_fungsional_in_kabupaten(demo):
    db, _, _ = demo
    df = q(
        db,
        """SELECT avg(CAST(u.nama = 'Dinas Pendidikan' AS INTEGER)) AS edu,
                  avg(CAST(u.nama = 'Dinas Kesehatan' OR u.nama LIKE 'Rumah Sakit%' AS INTEGER)) AS kes
           FROM pegawai p JOIN unit u ON u.id = p.unit_id JOIN instansi i ON i.id = p.instansi_id
           WHERE i.jenis = 'kabupaten' AND p.jenis_jabatan = 'Fungsional'""",
    )
    assert df["edu"].item() > 0.45
    assert df["edu"].item() + df["kes"].item() > 0.7
    guru = one(db, "SELECT count(*) FROM pegawai WHERE nama_jabatan LIKE 'Guru Ahli%'")
    assert guru > 0.25 * N


# -- NIP, dates, golongan ---------------------------------------------------------------------
def test_pns_nip_consistent_with_person(demo):
    db, _, _ = demo
    bad = one(
        db,
        """SELECT count(*) FROM pegawai WHERE status_kepegawaian = 'PNS' AND NOT (
               regexp_full_match(nip, '[0-9]{18}')
               AND substr(nip, 1, 8) = strftime(tanggal_lahir, '%Y%m%d')
               AND substr(nip, 9, 6) = strftime(tmt_cpns, '%Y%m')
               AND substr(nip, 15, 1) = CASE jenis_kelamin WHEN 'L' THEN '1' ELSE '2' END
               AND CAST(substr(nip, 16, 3) AS INTEGER) >= 1)""",
    )
    assert bad == 0
    assert one(db, "SELECT count(DISTINCT nip) FROM pegawai") == N
    ages = q(
        db,
        "SELECT date_diff('month', tanggal_lahir, tmt_cpns) / 12.0 AS a, tmt_cpns FROM pegawai "
        "WHERE status_kepegawaian = 'PNS'",
    )
    assert ages["a"].min() >= 18.9 and ages["a"].max() <= 36
    assert ages["tmt_cpns"].max().year <= 2024
    assert ages["tmt_cpns"].dt.day().max() == 1


def test_pppk_numbers(demo):
    db, _, _ = demo
    df = q(db, "SELECT * FROM pegawai WHERE status_kepegawaian = 'PPPK'")
    assert df.height > 0.2 * N
    assert df["nip"].str.contains(r"^[0-9]{18}$").all()
    assert df["nip"].n_unique() == df.height
    assert (df["nip"].str.slice(0, 8) == df["tanggal_lahir"].dt.strftime("%Y%m%d")).all()
    assert (df["nip"].str.slice(12, 2) == "21").all()
    years = df["nip"].str.slice(8, 4).cast(pl.Int32)
    assert years.min() >= 2021 and years.max() <= 2024
    assert (years == df["tmt_jabatan"].dt.year()).all()
    assert df["tmt_cpns"].null_count() == df.height
    assert set(df["golongan"]) <= set(GOLONGAN_PPPK)


def test_golongan_rank_and_education(demo):
    db, _, _ = demo
    df = q(
        db, "SELECT DISTINCT golongan, golongan_rank, pendidikan, status_kepegawaian FROM pegawai"
    )
    for g, rank, edu, status in df.iter_rows():
        assert golongan_rank(g) == rank
        assert g in (GOLONGAN if status == "PNS" else GOLONGAN_PPPK)
        assert rank >= golongan_rank(PENDIDIKAN_GOLONGAN_AWAL[edu]), (g, edu)
    jpt = q(db, "SELECT golongan_rank, pendidikan FROM pegawai WHERE jenis_jabatan = 'JPT Pratama'")
    assert jpt["golongan_rank"].min() >= 14 and jpt["golongan_rank"].max() <= 16
    edu = dict(q(db, "SELECT pendidikan, count(*) / $n FROM pegawai GROUP BY 1", n=N).iter_rows())
    assert edu["S1"] == max(edu.values())
    s2 = q(
        db,
        "SELECT jenis_jabatan, avg(CAST(pendidikan IN ('S2', 'S3') AS INTEGER)) AS s "
        "FROM pegawai GROUP BY 1",
    )
    s2 = dict(s2.iter_rows())
    assert s2["JPT Pratama"] > 0.6 and s2["Pelaksana"] < 0.1


def test_jenjang_consistent_with_golongan(demo):
    db, _, _ = demo
    df = q(db, "SELECT jenis_jabatan, jenjang, golongan_rank, nama_jabatan FROM pegawai")
    fung = df.filter(pl.col("jenis_jabatan") == "Fungsional")
    assert fung["jenjang"].null_count() == 0
    assert df.filter(pl.col("jenis_jabatan") != "Fungsional")["jenjang"].null_count() == (
        N - fung.height
    )
    ranges = {
        "Terampil": (5, 8),
        "Mahir": (9, 10),
        "Penyelia": (11, 12),
        "Ahli Pertama": (9, 10),
        "Ahli Muda": (11, 12),
        "Ahli Madya": (13, 15),
        "Ahli Utama": (16, 17),
    }
    for jenjang, rank, title in fung.select("jenjang", "golongan_rank", "nama_jabatan").iter_rows():
        lo, hi = ranges[jenjang]
        assert lo <= rank <= hi or (jenjang == "Terampil" and rank == 7), (jenjang, rank)
        assert title.endswith(jenjang)


def test_bup_and_retirement_date(demo):
    db, _, _ = demo
    df = q(db, "SELECT jenis_jabatan, jenjang, bup, tanggal_lahir, tanggal_pensiun FROM pegawai")
    for jenis, jenjang, b in df.select("jenis_jabatan", "jenjang", "bup").unique().iter_rows():
        assert b == bup(jenis, jenjang)
    bad = one(
        db,
        """SELECT count(*) FROM pegawai WHERE tanggal_pensiun <>
               CAST(date_trunc('month', tanggal_lahir + to_years(CAST(bup AS INTEGER)))
                    + INTERVAL 1 MONTH AS DATE)""",
    )
    assert bad == 0
    assert df["tanggal_pensiun"].min().isoformat() > "2026-10-31"
    age = q(db, "SELECT date_diff('year', tanggal_lahir, DATE '2026-10-31') AS a FROM pegawai")["a"]
    assert age.min() >= 20 and age.max() <= 65


def test_some_retire_next_year_including_leaders(demo):
    db, _, _ = demo
    df = q(
        db,
        "SELECT jenis_jabatan, count(*) AS n FROM pegawai WHERE year(tanggal_pensiun) = 2027 "
        "GROUP BY 1",
    )
    per = dict(df.iter_rows())
    assert sum(per.values()) > 0.01 * N
    assert per.get("JPT Pratama", 0) + per.get("Administrator", 0) >= 3


def test_names_by_region_and_gender(demo):
    db, _, _ = demo
    df = q(
        db,
        "SELECT i.provinsi, p.nama, p.jenis_kelamin FROM pegawai p "
        "JOIN instansi i ON i.id = p.instansi_id",
    )
    bali = df.filter(pl.col("provinsi") == "Bali")
    assert bali["nama"].str.contains(r"^(I |Ni |Ida |Anak Agung|Dewa|Desak|Cokorda)").mean() > 0.7
    assert (bali.filter(pl.col("nama").str.starts_with("Ni "))["jenis_kelamin"] == "P").all()
    assert (bali.filter(pl.col("nama").str.starts_with("I Made"))["jenis_kelamin"] == "L").all()
    ntb = df.filter(pl.col("provinsi") == "Nusa Tenggara Barat")
    assert (ntb.filter(pl.col("nama").str.starts_with("Baiq"))["jenis_kelamin"] == "P").all()
    assert ntb["nama"].str.starts_with("Lalu ").sum() > 0
    ntt = df.filter(pl.col("provinsi") == "Nusa Tenggara Timur")
    assert (ntt.filter(pl.col("nama").str.starts_with("Maria "))["jenis_kelamin"] == "P").all()
    assert ntt["nama"].str.contains(r"^(Yohanes|Fransiskus|Petrus|Paulus|Yosef|Umbu)").sum() > 0
    assert df["nama"].str.contains(r", S\.(Pd|Kep|E|Sos|H|IP|AP|KM|T)\.").sum() > 0.1 * N


# -- yearly facts -----------------------------------------------------------------------------
def test_fact_keys_unique_and_linked(demo):
    db, _, _ = demo
    for table, key in (
        ("kinerja", "nip, tahun"),
        ("potensial", "nip, tahun"),
        ("kompetensi", "nip, tahun, kompetensi"),
    ):
        dup = one(
            db, f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
        )
        assert dup == 0, table
        orphans = one(
            db, f"SELECT count(*) FROM {table} WHERE nip NOT IN (SELECT nip FROM pegawai)"
        )
        assert orphans == 0, table
    assert one(db, "SELECT count(*) FROM pelatihan WHERE nip NOT IN (SELECT nip FROM pegawai)") == 0


def test_kinerja_distribution_and_persistence(demo):
    db, _, _ = demo
    df = q(db, "SELECT tahun, predikat, count(*) AS n FROM kinerja GROUP BY 1, 2")
    assert set(df["tahun"]) == {2024, 2025, 2026}
    share = df.filter(pl.col("tahun") == 2025).with_columns(s=pl.col("n") / pl.col("n").sum())
    s = dict(share.select("predikat", "s").iter_rows())
    assert 0.6 <= s["Baik"] <= 0.8
    assert 0.1 <= s["Sangat Baik"] <= 0.28
    assert 0.04 <= s["Butuh Perbaikan"] <= 0.13
    assert s["Kurang"] > 0 and s.get("Sangat Kurang", 0) < 0.03
    coverage = one(db, "SELECT count(*) / $n FROM kinerja WHERE tahun = 2025", n=N)
    assert 0.92 <= coverage < 0.995  # some people are not mapped
    corr = one(
        db,
        """WITH r AS (SELECT nip, tahun, list_position(['Sangat Kurang', 'Kurang',
                      'Butuh Perbaikan', 'Baik', 'Sangat Baik'], predikat) AS v FROM kinerja)
           SELECT corr(a.v, b.v) FROM r a JOIN r b ON a.nip = b.nip
           WHERE a.tahun = 2024 AND b.tahun = 2025""",
    )
    assert corr > 0.3


def test_potensial_level_matches_score(demo):
    db, _, _ = demo
    df = q(db, "SELECT p.*, g.jenis_jabatan FROM potensial p JOIN pegawai g USING (nip)")
    expected = (
        pl.when(pl.col("skor") < 60)
        .then(pl.lit("Rendah"))
        .when(pl.col("skor") < 80)
        .then(pl.lit("Sedang"))
        .otherwise(pl.lit("Tinggi"))
    )
    assert df.select((pl.col("level") == expected).all()).item()
    assert df["skor"].min() >= 0 and df["skor"].max() <= 100
    assert set(df["level"]) == {"Rendah", "Sedang", "Tinggi"}
    assessed = df["nip"].n_unique() / N
    assert 0.5 <= assessed <= 0.7
    reassessed = df.group_by("nip").len().filter(pl.col("len") > 1).height
    assert reassessed > 0
    rate = one(
        db,
        """SELECT avg(CAST(nip IN (SELECT nip FROM potensial) AS INTEGER)) FILTER
                  (WHERE jenis_jabatan IN ('JPT Pratama', 'Administrator'))
                - avg(CAST(nip IN (SELECT nip FROM potensial) AS INTEGER)) FILTER
                  (WHERE jenis_jabatan = 'Pelaksana') FROM pegawai""",
    )
    assert rate > 0.2


def test_kompetensi_levels(demo):
    db, _, _ = demo
    df = q(db, "SELECT k.*, p.jenis_jabatan FROM kompetensi k JOIN pegawai p USING (nip)")
    assert df["level"].min() >= 1 and df["level"].max() <= 5
    per = df.group_by("nip", "tahun").len()
    assert (per["len"] == 10).all()
    assert set(KOMPETENSI_MANAJERIAL) <= set(df["kompetensi"])
    assert "Perekat Bangsa" in set(df["kompetensi"]) and "Teknis Pendidikan" in set(
        df["kompetensi"]
    )
    pairs = q(
        db, "SELECT DISTINCT nip, tahun FROM kompetensi EXCEPT SELECT nip, tahun FROM potensial"
    )
    assert pairs.height == 0
    mean = dict(df.group_by("jenis_jabatan").agg(pl.col("level").mean()).iter_rows())
    assert mean["JPT Pratama"] > mean["Administrator"] > mean["Pengawas"] > mean["Pelaksana"]
    # against the default standard (JPT Pratama 4) there are shortfalls and surpluses
    jpt = df.filter(pl.col("jenis_jabatan") == "JPT Pratama")["level"]
    assert (jpt < 4).any() and (jpt > 4).any()


def test_standar_kompetensi_demo(demo):
    db, _, _ = demo
    df = q(db, "SELECT * FROM standar_kompetensi WHERE sumber = 'demo'")
    assert df.height > 50
    assert set(df["tingkat_kepentingan"]) == {"mutlak", "penting", "perlu"}
    assert df["level_standar"].min() >= 1 and df["level_standar"].max() <= 5
    used = set(q(db, "SELECT DISTINCT nama_jabatan FROM pegawai")["nama_jabatan"])
    assert "Guru Ahli Pertama" in set(df["nama_jabatan"]) & used


def test_pelatihan_realistic(demo):
    db, _, _ = demo
    df = q(db, "SELECT * FROM pelatihan")
    assert df["tanggal_mulai"].min().year == 2024
    assert df["tanggal_selesai"].max().isoformat() <= "2026-10-31"
    assert (df["tanggal_selesai"] >= df["tanggal_mulai"]).all()
    assert set(df["jalur"]) == {"Klasikal", "Nonklasikal"}
    assert {"seminar", "workshop", "e-learning", "coaching", "mentoring", "bimtek"} <= set(
        df["jenis"]
    )
    assert df["jp"].min() >= 2 and df["jp"].max() <= 200
    assert df.filter(pl.col("nama_kegiatan").str.contains("PKA|PKP|Latsar")).height > 0
    second_half = (
        df.filter(pl.col("tanggal_mulai").dt.year() == 2025)["tanggal_mulai"].dt.month() > 6
    )
    assert second_half.mean() > 0.5
    jp = q(
        db,
        """SELECT p.nip, y.tahun, coalesce(sum(t.jp), 0) AS jp
           FROM pegawai p CROSS JOIN (VALUES (2024), (2025), (2026)) y(tahun)
           LEFT JOIN pelatihan t ON t.nip = p.nip AND year(t.tanggal_mulai) = y.tahun
           WHERE p.status_kepegawaian = 'PNS' GROUP BY ALL""",
    )
    by_year = jp.group_by("tahun").agg(
        reach=(pl.col("jp") >= 20).mean(), none=(pl.col("jp") == 0).mean()
    )
    r = {row["tahun"]: row for row in by_year.iter_rows(named=True)}
    assert 0.55 <= r[2025]["reach"] <= 0.72
    assert r[2026]["reach"] < r[2025]["reach"]
    for year in (2024, 2025, 2026):
        assert 0.05 <= r[year]["none"] <= 0.2


# -- reference data, meta, audit ---------------------------------------------------------------
def test_reference_rows_untouched(demo):
    db, _, before = demo
    assert db.count("instansi") == 44
    assert q(db, "SELECT * FROM instansi ORDER BY id").equals(before["instansi"])
    assert q(db, "SELECT * FROM ism ORDER BY ALL").equals(before["ism"])
    assert q(db, "SELECT * FROM kematangan ORDER BY id").equals(before["kematangan"])
    assert one(db, "SELECT count(*) FROM kematangan WHERE sumber = 'publikasi'") == 44


def test_meta_and_audit(demo):
    db, _, before = demo
    assert db.is_demo
    assert db.meta("demo_seed") == str(SEED) and db.meta("demo_employees") == str(N)
    assert db.meta("data_as_of") == "2026-10-31"
    assert (db.meta("tahun_min"), db.meta("tahun_max")) == ("2024", "2026")
    assert db.meta("built_at")
    assert db.data_version == before["data_version"] + 1
    assert one(db, "SELECT count(*) FROM audit WHERE aksi = 'bangun_demo'") == 1


# -- determinism, rebuild, small sizes, CLI ----------------------------------------------------
ORDERED = {
    "unit": "SELECT id, instansi_id, nama FROM unit ORDER BY id",
    "pegawai": "SELECT * FROM pegawai ORDER BY nip",
    "kinerja": "SELECT * FROM kinerja ORDER BY nip, tahun",
    "potensial": "SELECT * FROM potensial ORDER BY nip, tahun",
    "kompetensi": "SELECT * FROM kompetensi ORDER BY nip, tahun, kompetensi",
    "pelatihan": "SELECT * EXCLUDE (id) FROM pelatihan ORDER BY ALL",
}


def _hashes(db) -> dict[str, int]:
    return {t: int(db.query(sql).hash_rows().sum()) for t, sql in ORDERED.items()}


def test_same_seed_same_rows_other_seed_differs(demo, tmp_path: Path):
    db, _, _ = demo
    ref = _hashes(db)
    with open_store(tmp_path / "same.duckdb") as same:
        build(same, employees=N, seed=SEED)
        assert _hashes(same) == ref
    with open_store(tmp_path / "other.duckdb") as other:
        build(other, employees=N, seed=SEED + 1)
        hashes = _hashes(other)
        assert all(hashes[t] != ref[t] for t in ("pegawai", "kinerja", "pelatihan"))


def test_rebuild_replaces_demo_rows(tmp_path: Path):
    with open_store(tmp_path / "re.duckdb") as db:
        first = build(db, employees=600, seed=1)
        cur = db.cursor()
        cur.execute(
            "INSERT INTO kalibrasi (nip, tahun, kotak_baru, alasan, oleh, pada) "
            "SELECT nip, 2025, 9, 'uji', 'uji', now() FROM pegawai LIMIT 1"
        ).fetchall()
        cur.close()
        second = build(db, employees=600, seed=2)
        for table, rows in second.items():
            assert db.count(table) == rows, table
        assert first["pegawai"] == second["pegawai"] == 600
        assert one(db, "SELECT count(DISTINCT nip) FROM pegawai") == 600
        assert one(db, "SELECT count(*) FROM kalibrasi") == 0
        assert db.meta("demo_seed") == "2"
        assert db.count("instansi") == 44
        assert one(db, "SELECT count(*) FROM kematangan WHERE sumber = 'publikasi'") == 44
        assert one(db, "SELECT count(*) FROM audit WHERE aksi = 'bangun_demo'") == 2


def test_small_size_every_instance(tmp_path: Path):
    messages = []
    with open_store(tmp_path / "small.duckdb") as db:
        counts = build(db, employees=500, seed=3, progress=lambda f, m: messages.append((f, m)))
        per = q(db, "SELECT instansi_id, count(*) AS n FROM pegawai GROUP BY 1")
        assert per.height == 44 and per["n"].min() >= 5
        assert counts["pegawai"] == 500
        assert one(db, "SELECT count(DISTINCT jenis_jabatan) FROM pegawai") >= 4
    fractions = [f for f, _ in messages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(messages) >= 4
    assert all(isinstance(m, str) and m for _, m in messages)


def test_too_few_employees_refused(tmp_path: Path):
    with open_store(tmp_path / "tiny.duckdb") as db, pytest.raises(ValueError):
        build(db, employees=100, seed=1)


def test_cli_arguments_and_run(tmp_path: Path, capsys):
    parser = argparse.ArgumentParser()
    add_demo_arguments(parser)
    args = parser.parse_args(
        ["--employees", "300", "--seed", "4", "--db", str(tmp_path / "c.duckdb")]
    )
    assert run_demo(args) == 0
    out = capsys.readouterr().out
    assert "pegawai" in out and "300" in out
    with open_store(tmp_path / "c.duckdb") as db:
        assert db.count("pegawai") == 300 and db.meta("demo_seed") == "4"
