"""The app shell: navigation, shared sidebar filters and their URL mirror (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analytics.reference import open_store
from tests.factories import APP


@pytest.fixture
def empty_env(tmp_path, monkeypatch):
    """An app environment over a store holding only the reference data."""
    path = tmp_path / "shell.duckdb"
    open_store(path).close()
    monkeypatch.setenv("TALENTA_DB", str(path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_MODE", "demo")
    monkeypatch.setenv("TALENTA_AUTH", "off")
    return path


def test_url_filter_arrives_in_widgets(empty_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["instansi"] = "3,8"
    at.query_params["gol"] = "III/a-IV/e"
    at.query_params["jabatan"] = "Fungsional,Pelaksana"
    at.query_params["status"] = "PNS"
    at.run()
    assert not at.exception
    assert at.multiselect(key="flt_instansi").value == ["Kabupaten Buleleng", "Kota Denpasar"]
    assert at.selectbox(key="flt_gol_dari").value == "III/a"
    assert at.selectbox(key="flt_gol_sampai").value == "IV/e"
    assert at.multiselect(key="flt_jabatan").value == ["Fungsional", "Pelaksana"]
    assert at.multiselect(key="flt_status").value == ["PNS"]
    flt = at.session_state["filter"]
    assert flt.instansi == (3, 8)
    assert (flt.golongan_min, flt.golongan_max) == (9, 17)
    assert at.query_params["instansi"] == "3,8"


def test_invalid_url_parameters_are_ignored_with_notice(empty_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["instansi"] = "abc"
    at.query_params["gol"] = "V/z-IV/e"
    at.query_params["jabatan"] = "Presiden"
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "instansi=abc" in warnings
    assert "gol=V/z-IV/e" in warnings
    assert "jabatan=Presiden" in warnings
    flt = at.session_state["filter"]
    assert flt.instansi == ()
    assert (flt.golongan_min, flt.golongan_max) == (1, 17)


def test_widget_change_is_written_to_url(empty_env):
    # AppTest (1.67) does not rerun the default page of st.navigation: use another page.
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/kematangan.py").run()
    at.multiselect(key="flt_instansi").set_value(["Kabupaten Badung"]).run()
    assert at.query_params["instansi"] == "2"
    at.selectbox(key="flt_gol_dari").set_value("III/a").run()
    assert at.query_params["gol"] == "III/a-IV/e"
    assert at.session_state["filter"].golongan_min == 9
    assert at.session_state["filter"].instansi == (2,)


def test_region_has_all_44_instances_to_choose(empty_env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    options = at.multiselect(key="flt_instansi").options
    assert len(options) == 44
    assert options[0] == "Provinsi Bali" and options[-1] == "Kota Kupang"
