"""AppTest of the nine-box page on the 3,000-employee demo store.

Expected counts are computed independently in Python from the raw rows with the rule module
(not through the page's queries).
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from analytics.fmt import num, pct
from analytics.queries import ninebox as Q
from analytics.rules import ninebox as R
from analytics.store import Database
from tests.factories import APP
from ui.text import ninebox as T

PAGE = "pages/ninebox.py"


def _expected(path, tahun: int, instansi: int | None) -> tuple[dict[int, int], int]:
    """Boxes by hand: the year's predikat and the latest assessment in or before the year."""
    db = Database(path)
    try:
        where = "" if instansi is None else f"WHERE instansi_id = {int(instansi)}"
        nips = db.query(f"SELECT nip FROM pegawai {where}")["nip"].to_list()
        kin = dict(
            db.query("SELECT nip, predikat FROM kinerja WHERE tahun = $t", {"t": tahun}).rows()
        )
        pots: dict[str, tuple] = {}
        for nip, t, lv, sk in db.query(
            "SELECT nip, tahun, level, skor FROM potensial ORDER BY tahun"
        ).rows():
            if t <= tahun and (lv is not None or sk is not None):
                pots[nip] = (lv, sk)
        cal = dict(
            db.query(
                "SELECT nip, kotak_baru FROM kalibrasi WHERE aktif AND tahun = $t", {"t": tahun}
            ).rows()
        )
    finally:
        db.close()
    counts = {b: 0 for b in R.BOXES}
    for nip in nips:
        lv, sk = pots.get(nip, (None, None))
        b = R.box_for(kin.get(nip), lv, sk)
        if b is not None:
            counts[cal.get(nip, b)] += 1
    return counts, len(nips)


def _chart(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _open(at_env, instansi: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    if instansi:
        at.multiselect(key="flt_instansi").set_value(instansi).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_one_instance_grid_counts_and_box_list(app_env):
    at = _open(app_env, ["Kabupaten Badung"])
    flt = at.session_state["filter"]
    counts, total = _expected(app_env, flt.tahun, 2)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pegawai terpilih"] == num(total)
    mapped = sum(counts.values())
    assert metrics["Dipetakan"] == f"{num(mapped)} ({pct(mapped / total)})"
    spec = _chart(at)
    texts = {a["text"] for a in spec["layout"]["annotations"]}
    for b in R.BOXES:
        assert f"<b>{b}</b> · {R.LABEL[b]}" in texts
        assert f"<b>{num(counts[b])}</b> · {pct(counts[b] / total)}" in texts
    people = [t for t in spec["data"] if t.get("name") == "pegawai"]
    assert len(people) == 1 and len(people[0]["customdata"]) == sum(counts.values())
    # the box selector fills the list with exactly the people of that box
    box = max(R.BOXES, key=lambda b: (counts[b] > 0, b))
    at.selectbox(key="nb_box").set_value(box).run()
    assert not at.exception
    listing = at.dataframe[0].value
    assert len(listing) == counts[box]
    assert set(listing["Kotak"]) == {box}
    assert at.query_params["p_kotak"] == str(box)
    # unmapped people are listed with their reason
    at.selectbox(key="nb_box").set_value(0).run()
    unmapped = at.dataframe[0].value
    assert len(unmapped) == total - sum(counts.values())
    assert set(unmapped["Alasan belum dipetakan"]) <= set(
        [
            "Tanpa predikat SKP tahun ini",
            "Tanpa hasil asesmen potensial",
            "Tanpa SKP dan tanpa asesmen",
        ]
    )


def test_region_switches_to_tiles_for_large_selections(app_env, monkeypatch):
    monkeypatch.setattr(Q, "POINTS_LIMIT", 100)
    at = _open(app_env)
    flt = at.session_state["filter"]
    counts, total = _expected(app_env, flt.tahun, None)
    spec = _chart(at)
    assert not [t for t in spec["data"] if t.get("name") == "pegawai"]
    tiles = [t for t in spec["data"] if t.get("name") == "kotak"]
    assert len(tiles) == 1 and len(tiles[0]["customdata"]) == 9
    texts = {a["text"] for a in spec["layout"]["annotations"]}
    for b in R.BOXES:
        assert f"<b>{num(counts[b])}</b><br>{pct(counts[b] / total)}" in texts
    # the box selector still works in tile mode
    at.selectbox(key="nb_box").set_value(9).run()
    assert len(at.dataframe[0].value) == counts[9]
    # views are lazy: the succession view runs only once chosen, and lists the pool
    assert not any("Kelompok suksesi" in c for df in at.dataframe for c in df.value.columns)
    at.session_state["nb_tab"] = T.TABS[1]
    at.run()
    assert any("Kelompok suksesi" in c for df in at.dataframe for c in df.value.columns)


def test_original_placement_switch_and_settings(app_env):
    at = _open(app_env, ["Kabupaten Badung"])
    at.radio(key="nb_placement").set_value("asli").run()
    assert not at.exception and at.query_params["p_tampilan"] == "asli"
    at.number_input(key="nb_sedang").set_value(90.0).run()  # above «Tinggi» 80: refused
    assert any("Skor minimal" in e.value for e in at.error)
    assert at.number_input(key="nb_sedang").value == 90.0  # the entry is kept
