"""AppTest of the competency gap page at regional and unit level (demo store, 3,000 people).

Expected values come from an independent route: the latest assessment per person is taken
from the raw `kompetensi` table in Python and the required level from `analytics.rules.gap`
with the raw `standar_kompetensi` rows — not from the pre-aggregates the page reads.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analytics.queries import competency as Q
from analytics.queries.common import years
from analytics.rules import gap as G
from analytics.store import Database
from ui.text import kompetensi as T

KOMP = "Integritas"
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _arr(v):
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return v


def _expected(path, tahun: int, kompetensi: str, key: str) -> dict:
    """{row value: (people assessed, mean gap, people below)} computed from raw tables."""
    db = Database(path)
    try:
        people = {
            r[0]: r
            for r in db.query(
                "SELECT nip, instansi_id, unit_id, jenis_jabatan, jenjang, nama_jabatan FROM pegawai"
            ).iter_rows()
        }
        hist = defaultdict(list)
        for nip, t, lv in db.query(
            "SELECT nip, tahun, level FROM kompetensi WHERE kompetensi = $k", {"k": kompetensi}
        ).iter_rows():
            hist[nip].append((t, lv))
        std_j, std_t = {}, {}
        for jj, nj, lv in db.query(
            "SELECT jenis_jabatan, nama_jabatan, level_standar FROM standar_kompetensi "
            "WHERE kompetensi = $k",
            {"k": kompetensi},
        ).iter_rows():
            if nj is not None:
                std_j[nj] = max(lv, std_j.get(nj, 0))
            elif jj is not None:
                std_t[jj] = max(lv, std_t.get(jj, 0))
    finally:
        db.close()
    col = {"instansi": 1, "unit": 2}[key]
    acc: dict = defaultdict(lambda: [0, 0, 0])
    for nip, h in hist.items():
        if nip not in people:
            continue
        actual = G.latest_level(h, tahun)
        if actual is None:
            continue
        p = people[nip]
        req, _ = G.required_level(p[3], p[4], std_j.get(p[5]), std_t.get(p[3]))
        a = acc[p[col]]
        a[0] += 1
        a[1] += req - actual
        a[2] += req > actual
    return {k: (n, s / n, b) for k, (n, s, b) in acc.items()}


@pytest.fixture
def names(app_env):
    db = Database(app_env)
    try:
        inst = dict(db.query("SELECT id, nama FROM instansi").iter_rows())
        units = dict(db.query("SELECT id, nama FROM unit WHERE instansi_id = 2").iter_rows())
        tahun = years(db)[-1]
    finally:
        db.close()
    return inst, units, tahun


def _heat(at):
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    trace = next(t for t in spec["data"] if t.get("name") == "gap")
    x = _arr(trace["x"])
    z = [_arr(r) for r in _arr(trace["z"])]
    return trace["y"], x, z


def test_regional_heatmap(app_env, names):
    inst, _, tahun = names
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/kompetensi.py").run()
    assert not at.exception
    assert at.selectbox(key="kmp_baris").value == "instansi"
    at.selectbox(key="kmp_top").set_value(0).run()  # all 44 rows
    y, x, z = _heat(at)
    exp = _expected(app_env, tahun, KOMP, "instansi")
    assert len(y) == len(exp)
    col = x.index(KOMP)
    for label, row in zip(y, z, strict=True):
        iid = next(i for i, n in inst.items() if n == label)
        assert row[col] == pytest.approx(exp[iid][1], abs=1e-9), label
    # Rows are sorted by total shortfall: the first row's shortfall is the largest.
    assert y[0] != y[-1]
    # Drill-down on all rows for Integritas: the count matches the independent count.
    # Lazy tabs: the drill-down is not computed while the heatmap tab is open.
    assert "kmp_row" not in [w.key for w in at.selectbox]
    at.session_state["kmp_tab"] = T.TABS[1]
    at.run()
    assert at.selectbox(key="kmp_row").value == "__semua__"
    at.selectbox(key="kmp_komp").set_value(KOMP).run()
    total = sum(v[0] for v in exp.values())
    below = sum(v[2] for v in exp.values())
    summary = " ".join(m.value for m in at.markdown)
    assert f"{total:,}".replace(",", ".") in summary
    assert f"{below:,}".replace(",", ".") in summary


def test_unit_level_and_drilldown(app_env, names):
    _, units, tahun = names
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["instansi"] = "2"
    at.run()
    at.switch_page("pages/kompetensi.py").run()
    assert not at.exception
    at.selectbox(key="kmp_baris").set_value("unit").run()
    at.selectbox(key="kmp_top").set_value(0).run()
    y, x, z = _heat(at)
    exp = _expected(app_env, tahun, KOMP, "unit")
    exp = {k: v for k, v in exp.items() if k in units}
    by_label = {units[k]: v for k, v in exp.items()}
    col = x.index(KOMP)
    assert set(y) == set(by_label)
    for label, row in zip(y, z, strict=True):
        assert row[col] == pytest.approx(by_label[label][1], abs=1e-9), label
    # Shortfall order: rows sorted descending by total shortfall across competencies.
    # Drill into the first unit for Integritas: the table lists exactly its assessed people.
    first = y[0]
    uid = next(k for k, v in units.items() if v == first)
    at.session_state["kmp_tab"] = T.TABS[1]
    at.run()
    assert len(at.get("plotly_chart")) == 1  # the profile only: the heatmap tab is closed
    at.selectbox(key="kmp_row").set_value(str(uid)).run()
    at.selectbox(key="kmp_komp").set_value(KOMP).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == min(Q.PAGE_ROWS, by_label[first][0])
    gaps = table["gap"].tolist()
    assert gaps == sorted(gaps, reverse=True)
    assert (table["gap"] > 0).sum() == by_label[first][2]
    # The profile chart of the chosen person shows the standard and actual level for KOMP.
    prof = json.loads(at.get("plotly_chart")[0].proto.spec)  # the heatmap tab is closed
    std_trace = prof["data"][0]
    names_y = _arr(std_trace["y"])
    assert KOMP in names_y
    chosen = at.selectbox(key="kmp_person").value
    lvl = table[table["nip"] == chosen].iloc[0]["level_standar"]
    assert _arr(std_trace["x"])[names_y.index(KOMP)] == lvl
