"""The JP page (AppTest) against the small demo store; figures checked by independent SQL."""

from __future__ import annotations

import base64
import json
from datetime import date

import numpy as np
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from analytics.fmt import num, pct
from analytics.reference import open_store
from tests.factories import APP
from ui.text import jp as TJ

AS_OF = date(2026, 10, 31)


def _values(v):
    """Plotly JSON arrays may arrive base64-encoded ({'dtype', 'bdata'})."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def _pns_metrics(at) -> dict[str, str]:
    """The first metric row (PNS): label -> shown value."""
    return {m.label: m.value for m in list(at.metric)[:6]}


def _chart_by_trace_names(at, names: set[str]) -> dict:
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        if names <= {t.get("name") for t in spec["data"]}:
            return spec
    raise AssertionError(f"no chart with traces {names}")


def _independent(db_path, where: str = "TRUE", params: dict | None = None):
    """Per instance or unit completion of PNS computed straight from the base table."""
    db = open_store(db_path)
    try:
        return db.query(
            f"""WITH p AS (SELECT * FROM pegawai p WHERE status_kepegawaian = 'PNS' AND {where}
                           AND (tmt_cpns IS NULL OR tmt_cpns <= DATE '2026-10-31')
                           AND tanggal_pensiun > DATE '2026-01-01'),
                 j AS (SELECT nip, sum(jp) AS jp FROM pelatihan
                       WHERE tanggal_mulai BETWEEN DATE '2026-01-01' AND DATE '2026-10-31'
                       GROUP BY nip)
            SELECT p.instansi_id, p.unit_id, count(*) AS n,
                   count(*) FILTER (WHERE coalesce(j.jp, 0) >= 20) AS met,
                   count(*) FILTER (WHERE coalesce(j.jp, 0) = 0) AS zero
            FROM p LEFT JOIN j USING (nip) GROUP BY ALL""",
            params or {},
        )
    finally:
        db.close()


@pytest.fixture
def page(app_env):
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/jp.py").run()
    assert not at.exception, at.exception
    return at


def test_regional_level(page, app_env):
    at = page
    ind = _independent(app_env)
    n, met, zero = int(ind["n"].sum()), int(ind["met"].sum()), int(ind["zero"].sum())
    pns = _pns_metrics(at)
    assert pns["Pegawai"] == num(n)
    assert pns["Memenuhi ≥ 20 JP"] == num(met)
    assert pns["Persen memenuhi"] == pct(met / n)
    assert pns["0 JP"] == num(zero)
    assert at.date_input(key="jp_asof_2026").value == AS_OF
    # Regional chart (a lazy view: runs once chosen): every one of the 44 instances, one bar
    # each, coloured by province.
    at.session_state["jp_tab"] = TJ.TAB_REGION
    at.run()
    reg = _chart_by_trace_names(at, {"Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"})
    bars = {}
    for t in reg["data"]:
        for y, x in zip(t["y"], _values(t["x"]), strict=True):
            bars[y] = x
    assert len(bars) == 44
    by_inst = ind.group_by("instansi_id").agg(pl.col("n").sum(), pl.col("met").sum())
    buleleng = by_inst.filter(instansi_id=3).row(0, named=True)
    assert bars["Kab. Buleleng (Bali)"] == pytest.approx(100 * buleleng["met"] / buleleng["n"])


def test_unit_level_and_lists(page, app_env):
    at = page
    at.multiselect(key="flt_instansi").set_value(["Kabupaten Buleleng"]).run()
    assert not at.exception, at.exception
    at.selectbox(key="jp_sort").set_value("nama").run()
    ind = _independent(app_env, "instansi_id = 3")
    pns = _pns_metrics(at)
    assert pns["Pegawai"] == num(int(ind["n"].sum()))
    assert pns["Memenuhi ≥ 20 JP"] == num(int(ind["met"].sum()))
    # Completion chart by unit: share met per unit equals the independent computation.
    comp = _chart_by_trace_names(at, {"Sudah memenuhi"})
    met_trace = next(t for t in comp["data"] if t["name"] == "Sudah memenuhi")
    db = open_store(app_env)
    names = dict(db.query("SELECT id, nama FROM unit WHERE instansi_id = 3").iter_rows())
    db.close()
    expected = {names[u]: 100 * m / n for u, n, m in ind.select("unit_id", "n", "met").iter_rows()}
    got = dict(zip(met_trace["y"], _values(met_trace["x"]), strict=True))
    assert got
    for label, value in got.items():
        assert value == pytest.approx(expected[label])
    # The table under the chart lists every unit of the instance.
    table = at.dataframe[0].value
    assert sorted(table["tampil"]) == sorted(expected)
    # Lists (a lazy view): people at 0 JP of this instance, names visible to the local admin.
    at.session_state["jp_tab"] = TJ.TAB_LIST
    at.run()
    frames = [d.value for d in at.dataframe]
    zero_frame = next(f for f in frames if "kekurangan" in f.columns and (f["jp"] == 0).all())
    assert len(zero_frame) == int(ind["zero"].sum())


def test_pppk_group_and_as_of_change(page, app_env):
    at = page
    at.radio(key="jp_group").set_value("PPPK").run()
    assert not at.exception, at.exception
    at.date_input(key="jp_asof_2026").set_value(date(2026, 6, 30)).run()
    assert not at.exception, at.exception
    at.session_state["jp_tab"] = TJ.TAB_CUM  # a lazy view: runs once chosen
    at.run()
    cum = _chart_by_trace_names(at, {"Median per pegawai"})
    line = next(t for t in cum["data"] if t["name"] == "Median per pegawai")
    assert len(line["x"]) == 6  # January .. June
    pace = next(t for t in cum["data"] if t["name"].startswith("Garis laju"))
    assert _values(pace["y"]) == [0, 20]
