"""The store: schema, versions, transactions, audit, reference data."""

from __future__ import annotations

import duckdb
import pytest

from analytics.reference import open_store
from analytics.schema import SCHEMA_VERSION
from analytics.store import Database, SchemaVersionError


def test_new_store_has_reference_data(store):
    assert store.schema_version == SCHEMA_VERSION
    assert store.count("instansi") == 44
    assert store.count("kematangan") == 44
    assert store.count("ism") == 9
    assert store.meta("data_kind") == "empty"
    counts = store.query(
        "SELECT pembangunan_mt || '/' || penerapan_mt AS s, count(*) AS n FROM kematangan "
        "GROUP BY 1 ORDER BY 1"
    )
    assert dict(counts.iter_rows()) == {"Belum/Belum": 39, "Sudah/Proses": 4, "Sudah/Sudah": 1}
    buleleng = store.query(
        "SELECT k.pembangunan_mt, k.penerapan_mt, k.skor_ism, k.tahun_ism FROM kematangan k "
        "JOIN instansi i ON i.id = k.instansi_id WHERE i.nama = 'Kabupaten Buleleng'"
    )
    assert buleleng.row(0) == ("Sudah", "Sudah", 330.0, 2024)


def test_instances_in_kanreg_order_with_codes(store):
    rows = store.query("SELECT id, nama, jenis, provinsi, kode_bps FROM instansi ORDER BY id")
    assert rows.row(0) == (1, "Provinsi Bali", "provinsi", "Bali", "51")
    assert rows.row(2)[1] == "Kabupaten Buleleng"
    assert rows.row(43) == (44, "Kota Kupang", "kota", "Nusa Tenggara Timur", "5371")
    by_type = dict(rows.group_by("jenis").len().iter_rows())
    assert by_type == {"provinsi": 3, "kabupaten": 37, "kota": 4}


def test_reopen_keeps_data_and_does_not_reload(tmp_path):
    path = tmp_path / "a.duckdb"
    db = open_store(path)
    v = db.data_version
    db.close()
    db = open_store(path)
    assert db.count("instansi") == 44
    assert db.data_version == v
    db.close()


def test_transaction_rolls_back_and_audits(store):
    before = store.count("audit")
    with pytest.raises(RuntimeError), store.transaction("u1", "uji") as cur:
        cur.execute("INSERT INTO unit VALUES (1, 1, 'X', 'impor')")
        raise RuntimeError("boom")
    assert store.count("unit") == 0
    assert store.count("audit") == before
    v = store.data_version
    with store.transaction("u1", "uji", "unit", {"n": 1}) as cur:
        cur.execute("INSERT INTO unit VALUES (1, 1, 'X', 'impor')")
    assert store.count("unit") == 1
    assert store.data_version == v + 1
    last = store.query("SELECT oleh, aksi, objek, rincian FROM audit ORDER BY id DESC LIMIT 1")
    assert last.row(0) == ("u1", "uji", "unit", '{"n": 1}')


def test_newer_schema_version_refused(tmp_path):
    path = tmp_path / "b.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaVersionError, match="newer"):
        Database(path)


def test_foreign_file_refused(tmp_path):
    path = tmp_path / "c.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE x (a INT)")
    con.close()
    with pytest.raises(SchemaVersionError, match="other tables"):
        Database(path)


def test_older_version_migrated(tmp_path, monkeypatch):
    from analytics import store as store_mod

    path = tmp_path / "d.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute(
        "UPDATE meta SET value = $v WHERE key = 'schema_version'", {"v": str(SCHEMA_VERSION - 1)}
    )
    con.close()
    calls = []
    monkeypatch.setitem(store_mod.MIGRATIONS, SCHEMA_VERSION - 1, lambda cur: calls.append(1))
    db = Database(path)
    assert calls == [1]
    assert db.schema_version == SCHEMA_VERSION
    db.close()


def test_env_var_chooses_file(tmp_path, monkeypatch):
    from analytics.store import default_path

    monkeypatch.setenv("TALENTA_DB", str(tmp_path / "e.duckdb"))
    assert default_path() == tmp_path / "e.duckdb"


def test_cursor_per_thread(store):
    import concurrent.futures

    def q(_):
        return store.scalar("SELECT count(*) FROM instansi")

    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        assert list(ex.map(q, range(40))) == [44] * 40


def test_values_are_bound_not_formatted(store):
    evil = "x'); DROP TABLE pegawai; --"
    assert store.query("SELECT * FROM instansi WHERE nama = $n", {"n": evil}).height == 0
    assert "pegawai" in store.tables()


def test_stale_pre_aggregates_rebuilt_on_open(tmp_path):
    from tests.factories import add_pegawai, add_unit

    path = tmp_path / "agg.duckdb"
    db = open_store(path)
    u = add_unit(db, 2, "Dinas Pendidikan")
    nip = add_pegawai(db, instansi_id=2, unit_id=u)
    with db.transaction("test", "uji") as cur:
        cur.execute(
            "INSERT INTO pelatihan (nip, tanggal_mulai, nama_kegiatan, jalur, jenis, jp) "
            "VALUES ($n, DATE '2025-03-03', 'Bimtek', 'Klasikal', 'bimtek', 12)",
            {"n": nip},
        )
        # Simulate a store written by an older program: aggregates stale and signature unknown.
        cur.execute("DELETE FROM agg_jp")
        cur.execute("UPDATE meta SET value = 'old' WHERE key = 'aggregates'")
    db.close()
    db = open_store(path)
    assert db.query("SELECT nip, tahun, jp FROM agg_jp").rows() == [(nip, 2025, 12.0)]
    db.close()


def test_memory_limit_is_set_and_checked(tmp_path):
    """An app server's DuckDB buffer limit is applied; a malformed one is refused."""
    db = Database(tmp_path / "m.duckdb", memory_limit="300MB")
    assert db.scalar("SELECT current_setting('memory_limit')") in ("286.1 MiB", "300.0 MB")
    other = Database(tmp_path / "m.duckdb")  # same file, same process: still allowed
    assert other.scalar("SELECT 1") == 1
    with pytest.raises(ValueError):
        Database(tmp_path / "n.duckdb", memory_limit="300; DROP TABLE x")
