"""Overview (landing page) figures on the hand-made workforce of test_queries_maturity."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from analytics.filters import LOCAL_ADMIN, Filter
from analytics.queries import overview as Q
from tests.test_queries_maturity import TODAY, people  # noqa: F401  (fixture)


def test_workforce_by_instansi(people):  # noqa: F811
    wf = Q.workforce_by_instansi(people, Filter(tahun=2025), LOCAL_ADMIN)
    assert wf.rows() == [(3, 3, 2, 1, 3, 2), (4, 1, 1, 0, 1, 0)]
    assert wf.columns == ["instansi_id", "asn", "pns", "pns_20jp", "dinilai", "talent_pool"]


def test_headline(people):  # noqa: F811
    h = Q.headline(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert (h.instansi, h.asn, h.pns, h.pns_20jp, h.dinilai, h.talent_pool) == (44, 4, 3, 1, 4, 2)
    assert h.bangun == {"Sudah": 5, "Proses": 0, "Belum": 39}
    assert h.terap == {"Sudah": 1, "Proses": 4, "Belum": 39}
    assert h.asn_tercakup == 3
    assert h.share_20jp == pytest.approx(1 / 3)
    assert h.share_pool == pytest.approx(0.5)
    assert h.share_tercakup == pytest.approx(0.75)


def test_active_calibration_replaces_box(people):  # noqa: F811
    nip_d = people.scalar("SELECT nip FROM pegawai WHERE nama = 'D'")
    with people.transaction("test", "kalibrasi") as cur:
        cur.execute(
            "INSERT INTO kalibrasi (nip, tahun, kotak_asal, kotak_baru, alasan, oleh, pada, aktif) "
            "VALUES ($n, 2025, 4, 7, 'uji', 'test', $t, TRUE), "
            "($n, 2025, 4, 8, 'lama', 'test', $t0, FALSE)",
            {"n": nip_d, "t": datetime(2026, 1, 2), "t0": datetime(2026, 1, 1)},
        )
    h = Q.headline(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert h.talent_pool == 3


def test_province_summary(people):  # noqa: F811
    p = Q.province_summary(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert p["provinsi"].to_list() == [
        "Bali",
        "Nusa Tenggara Barat",
        "Nusa Tenggara Timur",
        "Total",
    ]
    rows = {r["provinsi"]: r for r in p.iter_rows(named=True)}
    assert [rows[k]["instansi"] for k in rows] == [10, 11, 23, 44]
    assert (rows["Bali"]["bangun_sudah"], rows["Bali"]["terap_sudah"]) == (5, 1)
    assert (rows["Bali"]["asn"], rows["Bali"]["asn_tercakup"], rows["Bali"]["share_tercakup"]) == (
        3,
        3,
        1.0,
    )
    assert rows["Nusa Tenggara Barat"]["asn"] == 1
    assert rows["Nusa Tenggara Barat"]["share_tercakup"] == 0.0
    assert rows["Nusa Tenggara Timur"]["share_20jp"] is None  # no PNS there
    assert (rows["Total"]["asn"], rows["Total"]["pns_20jp"], rows["Total"]["talent_pool"]) == (
        4,
        1,
        2,
    )
    assert rows["Total"]["share_20jp"] == pytest.approx(1 / 3)


def test_landing_matches_parts(people):  # noqa: F811
    land = Q.landing(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert land.headline == Q.headline(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    assert land.per_provinsi.equals(
        Q.province_summary(people, Filter(tahun=2025), LOCAL_ADMIN, TODAY)
    )
    assert land.per_status.filter(pl.col("status") == "Sudah")["jumlah"].to_list() == [5, 1]
    assert Q.instansi_count(people, Filter(instansi=(3, 4)), LOCAL_ADMIN) == 2
