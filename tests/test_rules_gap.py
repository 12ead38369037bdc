"""Gap rules: arithmetic, latest assessment, standard precedence, defaults, weights, SQL twins."""

from __future__ import annotations

import duckdb
import pytest

from analytics.domain import JENIS_JABATAN, JENJANG_FUNGSIONAL
from analytics.rules import gap as G


def test_gap_is_required_minus_actual():
    assert G.gap(4, 2) == 2  # shortfall
    assert G.gap(3, 3) == 0  # meets
    assert G.gap(2, 5) == -3  # surplus
    assert G.gap(3, None) is None  # not assessed is not a zero gap


def test_latest_assessment_in_or_before_year():
    hist = [(2024, 2), (2026, 4), (2025, 3)]
    assert G.latest_level(hist, 2023) is None
    assert G.latest_level(hist, 2024) == 2
    assert G.latest_level(hist, 2025) == 3
    assert G.latest_level(hist, 2026) == 4
    assert G.latest_level(hist, 2030) == 4
    assert G.latest_level([], 2025) is None


@pytest.mark.parametrize(
    ("jenis", "jenjang", "expected"),
    [
        ("JPT Utama", None, 5),
        ("JPT Madya", None, 5),
        ("JPT Pratama", None, 4),
        ("Administrator", None, 3),
        ("Pengawas", None, 2),
        ("Pelaksana", None, 1),
        ("Fungsional", "Terampil", 1),
        ("Fungsional", "Pemula", 1),
        ("Fungsional", "Mahir", 2),
        ("Fungsional", "Penyelia", 2),
        ("Fungsional", "Ahli Pertama", 2),
        ("Fungsional", "Ahli Muda", 3),
        ("Fungsional", "Ahli Madya", 4),
        ("Fungsional", "Ahli Utama", 5),
        ("Fungsional", None, 2),
    ],
)
def test_default_standard(jenis, jenjang, expected):
    assert G.default_standard(jenis, jenjang) == expected


def test_default_standard_is_configurable():
    cfg = G.GapConfig(standar_jenis=(("Pelaksana", 2),), standar_lain=3, standar_fungsional_lain=1)
    assert G.default_standard("Pelaksana", None, cfg) == 2
    assert G.default_standard("Administrator", None, cfg) == 3  # not listed -> standar_lain
    assert G.default_standard("Fungsional", "Jenjang Baru", cfg) == 1


def test_imported_standard_overrides_default():
    # Administrator default is 3; a position-type standard of 4 wins, a position-name one wins
    # over both.
    assert G.required_level("Administrator", None) == (3, G.SUMBER_BAWAAN)
    assert G.required_level("Administrator", None, standar_jenis=4) == (4, G.SUMBER_JENIS)
    assert G.required_level("Administrator", None, 2, 4) == (2, G.SUMBER_JABATAN)


def test_weights():
    assert G.weight("mutlak") == 1.5
    assert G.weight(" Penting ") == 1.0
    assert G.weight("perlu") == 0.5
    assert G.weight(None) == 1.0
    assert G.weight("tidak dikenal") == 1.0
    assert G.weighted_gap(4, 2, "mutlak") == 3.0  # 2 × 1.5
    assert G.weighted_gap(4, 2, "perlu") == 1.0  # 2 × 0.5
    assert G.weighted_gap(2, 3, "mutlak") == -1.5
    assert G.weighted_gap(4, None, "mutlak") is None
    cfg = G.GapConfig(bobot=(("mutlak", 3.0),), bobot_tanpa_keterangan=2.0)
    assert G.weighted_gap(4, 3, "mutlak", cfg) == 3.0
    assert G.weighted_gap(4, 3, None, cfg) == 2.0


def test_sql_twins_agree_with_python():
    """default_standard_sql and weight_sql give what the Python functions give."""
    con = duckdb.connect()
    con.execute("CREATE TABLE p (jenis_jabatan VARCHAR, jenjang VARCHAR, kep VARCHAR)")
    cases = [(j, None) for j in JENIS_JABATAN if j != "Fungsional"]
    cases += [("Fungsional", g) for g in JENJANG_FUNGSIONAL] + [("Fungsional", None)]
    cases += [("Jenis Lain", None)]
    keps = ["mutlak", "penting", "perlu", None, "PENTING"]
    rows = [(j, g, keps[i % len(keps)]) for i, (j, g) in enumerate(cases)]
    con.executemany("INSERT INTO p VALUES (?, ?, ?)", rows)
    for cfg in (G.DEFAULT, G.GapConfig(standar_fungsional_lain=3, bobot_tanpa_keterangan=0.8)):
        dsql, params = G.default_standard_sql(cfg, "p")
        wsql, wparams = G.weight_sql("p.kep", cfg)
        got = con.execute(
            f"SELECT jenis_jabatan, jenjang, kep, {dsql}, {wsql} FROM p", {**params, **wparams}
        ).fetchall()
        for j, g, k, std, w in got:
            assert std == G.default_standard(j, g, cfg), (j, g)
            assert w == G.weight(k, cfg), k


def test_required_sql_precedence():
    con = duckdb.connect()
    level, source = G.required_sql("a", "b", "9")
    got = con.execute(
        f"SELECT {level}, {source} FROM (VALUES (2, 4), (NULL, 4), (NULL, NULL)) t(a, b)"
    ).fetchall()
    assert got == [(2, "jabatan"), (4, "jenis"), (9, "bawaan")]
