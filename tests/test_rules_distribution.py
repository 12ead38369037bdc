"""Distribution curve rules (PermenPANRB 6/2022, uncertain defaults), hand-computed."""

from __future__ import annotations

import pytest

from analytics.rules import distribution as D


def test_shares():
    assert D.shares({"Baik": 3, "Sangat Baik": 1}) == {"Baik": 0.75, "Sangat Baik": 0.25}
    assert D.shares({}) == {}
    assert D.check({}, "Baik") == []


def test_istimewa_boundary():
    # 7 of 10 Sangat Baik = 70% -> allowed; 8 of 10 -> breach
    ok = D.check({"Sangat Baik": 7, "Baik": 3}, "Istimewa")
    assert [(r.actual, r.ok) for r in ok] == [(0.7, True)]
    bad = D.check({"Sangat Baik": 8, "Baik": 2}, "Istimewa")
    assert [(r.actual, r.ok) for r in bad] == [(0.8, False)]


def test_baik_needs_some_below():
    res = D.check({"Baik": 7, "Sangat Baik": 3}, "Baik")
    assert [(r.constraint.predikat, r.actual, r.ok) for r in res] == [
        (("Baik",), 0.7, True),
        (("Butuh Perbaikan", "Kurang"), 0.0, False),
    ]
    res = D.check({"Baik": 7, "Sangat Baik": 2, "Kurang": 1}, "Baik")
    assert all(r.ok for r in res)


def test_kurang_curve():
    # 20 people: 12 Kurang (60%), 2 BP (10%), 3 SB (15% > 10%), 3 Baik
    res = D.check({"Kurang": 12, "Butuh Perbaikan": 2, "Sangat Baik": 3, "Baik": 3}, "Kurang")
    assert [r.ok for r in res] == [True, True, False]
    assert res[2].actual == pytest.approx(0.15)


def test_sangat_kurang_no_sangat_baik():
    res = D.check(
        {"Sangat Kurang": 6, "Kurang": 1, "Butuh Perbaikan": 2, "Sangat Baik": 1}, "Sangat Kurang"
    )
    assert [r.ok for r in res] == [True, True, False]
    assert res[1].actual == pytest.approx(0.3)


def test_butuh_perbaikan_curve_and_config():
    res = D.check({"Butuh Perbaikan": 5, "Baik": 5}, "Butuh Perbaikan")
    assert [r.ok for r in res] == [False, True]
    cfg = D.DistributionConfig(
        curves=(("Butuh Perbaikan", (D.Constraint(("Butuh Perbaikan",), ">=", 0.5),)),)
    )
    assert [r.ok for r in D.check({"Butuh Perbaikan": 5, "Baik": 5}, "Butuh Perbaikan", cfg)] == [
        True
    ]
    with pytest.raises(KeyError):
        D.check({"Baik": 1}, "Istimewa", cfg)
    with pytest.raises(ValueError):
        D.Constraint(("Baik",), "<", 0.5)
    with pytest.raises(ValueError):
        D.Constraint(("Baik",), "<=", 1.5)


def test_every_org_predikat_has_a_curve():
    assert [o for o, _ in D.DEFAULT.curves] == list(D.ORG_PREDIKAT)
    assert D.UNCERTAIN
