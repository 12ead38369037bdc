"""Real reference data shipped in `data/`: the 44 instances, published MT status and ISM.

These facts come from the published Kanreg X BKN Denpasar table and official region codes.
They are loaded into every new store and are never replaced by generated values: the demo
generator only adds people, and published `kematangan` rows (sumber = 'publikasi') are never
updated (new statuses are new rows).
"""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from analytics.store import DATA_DIR, Database

INSTANSI_CSV = DATA_DIR / "instansi.csv"
KEMATANGAN_CSV = DATA_DIR / "kematangan_publikasi.csv"
ISM_CSV = DATA_DIR / "ism_publikasi.csv"

# The published table carries no date; this period stands for it (configurable, labelled
# as an assumption in the UI): the status as published by Kanreg X in 2024.
PUBLISHED_PERIOD = date(2024, 12, 31)
PUBLISHED_NOTE = "Tabel status Kanreg X BKN Denpasar (publikasi; tanggal tidak tercantum)"


def instansi_frame() -> pl.DataFrame:
    """The 44 instances in the Kanreg's own order, with codes and seat coordinates."""
    return pl.read_csv(
        INSTANSI_CSV,
        schema_overrides={"kode_kemendagri": pl.String, "kode_bps": pl.String},
    ).rename({"no": "id"})


def load_reference(db: Database, cur: duckdb.DuckDBPyConnection) -> None:
    """Insert the reference tables into an empty store (inside a transaction)."""
    if cur.execute("SELECT count(*) FROM instansi").fetchall()[0][0]:
        return
    inst = instansi_frame()
    cur.register("ref_instansi", inst)
    cur.execute(
        "INSERT INTO instansi SELECT id, nama, jenis, provinsi, kode_kemendagri, kode_bps, "
        "ibukota, lat, lon FROM ref_instansi"
    )
    cur.unregister("ref_instansi")
    ism = pl.read_csv(ISM_CSV)
    cur.register("ref_ism", ism)
    cur.execute(
        "INSERT INTO ism SELECT i.id, r.tahun, r.skor, r.sumber "
        "FROM ref_ism r JOIN instansi i ON i.nama = r.nama_instansi"
    )
    cur.unregister("ref_ism")
    mt = pl.read_csv(KEMATANGAN_CSV)
    cur.register("ref_mt", mt)
    cur.execute(
        """INSERT INTO kematangan (instansi_id, periode, pembangunan_mt, penerapan_mt,
               skor_ism, tahun_ism, catatan, sumber, dicatat_oleh, dicatat_pada)
           SELECT i.id, $periode, r.pembangunan_mt, r.penerapan_mt, s.skor, s.tahun,
                  $note, 'publikasi', 'referensi', now()
           FROM ref_mt r JOIN instansi i ON i.nama = r.nama_instansi
           LEFT JOIN (SELECT instansi_id, arg_max(skor, tahun) AS skor, max(tahun) AS tahun
                      FROM ism GROUP BY instansi_id) s ON s.instansi_id = i.id
           ORDER BY r.no""",
        {"periode": PUBLISHED_PERIOD, "note": PUBLISHED_NOTE},
    )
    cur.unregister("ref_mt")
    from analytics.demo_vocab import seed_kompetensi_ref

    seed_kompetensi_ref(cur)
    db.set_meta(cur, "reference_loaded", "1")
    if not cur.execute("SELECT value FROM meta WHERE key = 'data_kind'").fetchall():
        db.set_meta(cur, "data_kind", "empty")


def open_store(path=None, *, read_only: bool = False, memory_limit: str | None = None) -> Database:
    """Open a store, loading the reference data into a new one."""
    db = Database(path, read_only=read_only, memory_limit=memory_limit)
    if not read_only and db.meta("reference_loaded") != "1":
        with db.transaction("sistem", "muat_referensi") as cur:
            load_reference(db, cur)
    if not read_only:
        ensure_aggregates(db)
    return db


def ensure_aggregates(db: Database) -> None:
    """Rebuild the pre-aggregates when the store was built with another set of them."""
    from analytics.aggregates import rebuild, signature

    if db.meta("aggregates") == signature():
        return
    with db.transaction("sistem", "segarkan_agregat") as cur:
        rebuild(cur)
