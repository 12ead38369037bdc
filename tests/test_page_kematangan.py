"""The maturity page (AppTest) on a copy of the small demo store; values checked independently."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from analytics.reference import KEMATANGAN_CSV, open_store
from tests.factories import APP
from ui.text import kematangan as TM

BUILT_NOT_APPLIED = ["Provinsi Bali", "Kabupaten Badung", "Kabupaten Klungkung", "Kota Denpasar"]


@pytest.fixture
def page_env(app_env, tmp_path, monkeypatch):
    """A private copy of the demo store (this test writes statuses)."""
    path = tmp_path / "mt.duckdb"
    shutil.copy(app_env, path)
    wal = app_env.with_name(app_env.name + ".wal")
    if wal.exists():
        shutil.copy(wal, path.with_name(path.name + ".wal"))
    monkeypatch.setenv("TALENTA_DB", str(path))
    return path


def _open(env, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/kematangan.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open_history(at: AppTest) -> AppTest:
    """Open the lazy history tab (changes, timeline, status form, log)."""
    at.session_state["mt_tab"] = TM.TAB_HISTORY
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at):
    """The maturity table with the status labels (one-element lists) as plain values."""
    df = at.dataframe[0].value
    df = df.reset_index(drop=True) if hasattr(df, "reset_index") else df
    for col in ("Pembangunan MT", "Penerapan MT", "Kategori ISM"):
        df[col] = [v[0] if v is not None and len(v) else None for v in df[col]]
    return df


def _query(path, sql, params=None):
    db = open_store(path, read_only=False)
    try:
        return db.query(sql, params)
    finally:
        db.close()


def test_page_reproduces_published_table(page_env):
    at = _open(page_env)
    raw = at.dataframe[0].value  # statuses are coloured labels (lists of one)
    assert list(raw["Pembangunan MT"].iloc[2]) == ["Sudah"]  # Buleleng
    assert list(raw["Penerapan MT"].iloc[0]) == ["Proses"] and list(
        raw["Penerapan MT"].iloc[43]
    ) == ["Belum"]
    df = _table(at)
    assert len(df) == 44
    ref = [line.split(",") for line in KEMATANGAN_CSV.read_text().splitlines()[1:]]
    assert [int(x) for x in df["No"]] == [int(r[0]) for r in ref]
    assert list(df["Instansi"]) == [r[1] for r in ref]
    assert list(zip(df["Pembangunan MT"], df["Penerapan MT"], strict=True)) == [
        (r[2], r[3]) for r in ref
    ]
    pairs = list(zip(df["Pembangunan MT"], df["Penerapan MT"], strict=True))
    assert pairs.count(("Belum", "Belum")) == 39
    assert pairs.count(("Sudah", "Proses")) == 4
    assert pairs.count(("Sudah", "Sudah")) == 1
    sp = [n for n, p in zip(df["Instansi"], pairs, strict=True) if p == ("Sudah", "Proses")]
    assert sp == BUILT_NOT_APPLIED
    levels = dict(zip(df["Instansi"], df["Level"], strict=True))
    assert levels["Kabupaten Buleleng"] == 5 and levels["Kota Denpasar"] == 4
    assert levels["Kota Kupang"] == 1
    # ISM blank where none was published.
    ism = dict(zip(df["Instansi"], df["Skor ISM"], strict=True))
    assert ism["Kabupaten Buleleng"] == 330.0
    assert sum(1 for v in ism.values() if v == v and v is not None) == 8  # NaN/None = blank
    assert ism["Kabupaten Badung"] != ism["Kabupaten Badung"] or ism["Kabupaten Badung"] is None
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Instansi sudah membangun MT"] == "5 / 44"
    assert metrics["Instansi sudah menerapkan MT"] == "1 / 44"


def test_asn_and_coverage_match_independent_sql(page_env):
    at = _open(page_env)
    df = _table(at)
    counts = _query(page_env, "SELECT instansi_id, count(*) AS n FROM pegawai GROUP BY 1")
    by_id = dict(counts.iter_rows())
    assert [int(x) for x in df["ASN"]] == [by_id.get(i, 0) for i in range(1, 45)]
    total = sum(by_id.values())
    share = by_id[3] / total  # only Buleleng applies MT
    from analytics.fmt import pct

    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ASN tercakup penerapan MT"] == pct(share)


def test_map_is_offline_and_shows_44_seats(page_env):
    at = _open(page_env)
    maps = [
        json.loads(el.proto.spec)
        for el in at.get("plotly_chart")
        if any(t.get("customdata") is not None for t in json.loads(el.proto.spec)["data"])
    ]
    assert len(maps) == 1
    spec = maps[0]
    layout = spec["layout"]
    assert not {"geo", "map", "mapbox"} & set(layout)
    assert all(t["type"] == "scatter" for t in spec["data"])
    seats = {t["name"]: t for t in spec["data"] if t.get("customdata") is not None}
    assert set(seats) == {"Level 1", "Level 4", "Level 5"}
    ids = {n: list(t["customdata"]) for n, t in seats.items()}
    assert ids["Level 5"] == [3]
    assert ids["Level 4"] == [1, 2, 6, 8]
    assert sorted(ids["Level 1"] + ids["Level 4"] + ids["Level 5"]) == list(range(1, 45))
    # Seats at their reference coordinates (Kota Denpasar, sharing the province's seat, nudged).
    assert seats["Level 5"]["x"] == [115.089] and seats["Level 5"]["y"] == [-8.1058]
    assert seats["Level 4"]["x"][:3] == [115.2135, 115.1788, 115.403]
    assert layout["yaxis"]["scaleanchor"] == "x"
    assert "http" not in json.dumps(spec)


def test_record_status_then_see_it(page_env):
    at = _open_history(_open(page_env))
    at.selectbox(key="mt_f_instansi").set_value(7)  # Kabupaten Tabanan
    at.date_input(key="mt_f_periode").set_value(date.today())
    at.selectbox(key="mt_f_bangun").set_value("Sudah")
    at.selectbox(key="mt_f_terap").set_value("Belum")
    at.selectbox(key="mt_f_bukti").set_value("Verifikasi lapangan")
    at.text_area(key="mt_f_catatan").set_value("Peraturan Bupati MT terbit")
    at.button[[b.label for b in at.button].index("Simpan status")].click().run()
    assert not at.exception
    assert any("Kabupaten Tabanan" in s.value for s in at.success)
    df = _table(at)
    row = df[df["Instansi"] == "Kabupaten Tabanan"].iloc[0]
    assert (row["Pembangunan MT"], row["Penerapan MT"], row["Level"]) == ("Sudah", "Belum", 3)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Instansi sudah membangun MT"] == "6 / 44"
    changes = [d.value for d in at.dataframe if "Perubahan level" in list(d.value.columns)]
    assert len(changes) == 1 and list(changes[0]["Instansi"]) == ["Kabupaten Tabanan"]
    assert list(changes[0]["Perubahan level"]) == ["+2"]
    rows = _query(
        page_env,
        "SELECT pembangunan_mt, penerapan_mt, bukti, catatan, sumber FROM kematangan "
        "WHERE instansi_id = 7 ORDER BY id",
    ).rows()
    assert rows == [
        ("Belum", "Belum", None, rows[0][3], "publikasi"),
        ("Sudah", "Belum", "Verifikasi lapangan", "Peraturan Bupati MT terbit", "pengguna"),
    ]
    audit = _query(page_env, "SELECT count(*) AS n FROM audit WHERE aksi = 'catat_status_mt'")
    assert audit["n"][0] == 1


def test_inconsistent_status_refused_nothing_written(page_env):
    at = _open_history(_open(page_env))
    at.selectbox(key="mt_f_instansi").set_value(9)
    at.selectbox(key="mt_f_bangun").set_value("Belum")
    at.selectbox(key="mt_f_terap").set_value("Sudah")
    at.text_area(key="mt_f_catatan").set_value("catatan saya")
    at.button[[b.label for b in at.button].index("Simpan status")].click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "tidak konsisten" in errors
    assert not at.success
    # What the user entered is kept.
    assert at.text_area(key="mt_f_catatan").value == "catatan saya"
    assert at.selectbox(key="mt_f_terap").value == "Sudah"
    n = _query(page_env, "SELECT count(*) AS n FROM kematangan WHERE sumber <> 'publikasi'")
    assert n["n"][0] == 0


def test_instance_filter_offers_links_to_other_pages(page_env):
    at = _open(page_env, {"instansi": "3"})
    df = _table(at)
    assert list(df["Instansi"]) == ["Kabupaten Buleleng"]
    links = [(p.proto.page, p.proto.label) for p in at.get("page_link")]
    assert links == [
        ("sembilan-kotak", "9 Kotak Talenta"),
        ("gap-kompetensi", "Kesenjangan Kompetensi"),
        ("jam-pelajaran", "Jam Pelajaran (JP)"),
    ]
    assert "Tampilkan seluruh wilayah" in [b.label for b in at.button]


def test_bad_url_date_ignored_with_notice(page_env):
    at = _open(page_env, {"p_sejak": "2026-13-45"})
    assert any("p_sejak=2026-13-45" in w.value for w in at.warning)


def test_lazy_tabs_keep_the_since_date(page_env):
    """The map tab shows by default and the history tab runs only when opened; the 'since' date
    chosen there survives a visit to the map tab and stays in the URL."""
    at = _open(page_env)
    assert not [d for d in at.dataframe if "Perubahan level" in list(d.value.columns)]
    assert not at.get("date_input") or all(d.key != "p_sejak" for d in at.date_input)
    at = _open_history(at)
    at.date_input(key="p_sejak").set_value(date(2025, 6, 30)).run()
    assert at.query_params["p_sejak"] == "2025-06-30"
    at.session_state["mt_tab"] = TM.TAB_MAP
    at.run()
    assert at.query_params["p_sejak"] == "2025-06-30"
    at = _open_history(at)
    assert at.date_input(key="p_sejak").value == date(2025, 6, 30)
