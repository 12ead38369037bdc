"""JP rules: conversions and caps, the 20 JP boundary, years of records, pace and projection."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.rules import jp as R


@pytest.mark.parametrize(
    ("jenis", "amount", "unit", "kw", "expected"),
    [
        ("seminar", 2, "hari", {}, 8.0),  # 4 JP/day
        ("Konferensi", 1.5, "hari", {}, 6.0),  # synonym of seminar
        ("workshop", 3, "hari", {}, 15.0),  # 5 JP/day
        ("sosialisasi", 1, "hari", {}, 4.0),
        ("coaching", 3, "sesi", {}, 4.0),  # at most 2 sessions a month × 2 JP
        ("mentoring", 3, "sesi", {"months": 2}, 6.0),  # 3 sessions ≤ 4 allowed in 2 months
        ("mentoring", 5, "sesi", {"months": 2}, 8.0),  # capped at 4 sessions
        ("e-learning", 10, "jp", {"days": 2}, 6.0),  # at most 3 JP/day
        ("e-learning", 10, "jp", {}, 10.0),  # no day count given: no cap applicable
        ("E-Learning", 2, "hari", {}, 6.0),
        ("detasering", 1, "kegiatan", {}, 20.0),
        ("benchmarking", 2, "kunjungan", {}, 20.0),
        ("izin belajar", 2, "semester", {}, 40.0),
        ("self-study", 5, "jp", {"days": 2}, 4.0),  # at most 2 JP/day
        ("belajar mandiri", 3, "hari", {}, 6.0),
        ("pelatihan", 32, "jp", {}, 32.0),  # formal training: actual JP
        ("diklat", 90, "menit", {}, 2.0),  # 1 JP = 45 minutes
        ("bimtek", 3, "jam", {}, 4.0),  # 3 clock hours = 180 minutes = 4 JP
        ("kegiatan lain", 6, "jp", {}, 6.0),  # unknown kind in JP is accepted as is
    ],
)
def test_convert(jenis, amount, unit, kw, expected):
    assert R.convert(jenis, amount, unit, **kw) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("jenis", "amount", "unit", "kw"),
    [
        ("seminar", -1, "hari", {}),
        ("seminar", 1, "minggu", {}),
        ("kegiatan lain", 1, "hari", {}),
        ("pelatihan", 2, "hari", {}),  # formal training needs its actual JP
        ("coaching", 1, "sesi", {"months": 0}),
        ("e-learning", 5, "jp", {"days": -1}),
    ],
)
def test_convert_refuses(jenis, amount, unit, kw):
    with pytest.raises(ValueError):
        R.convert(jenis, amount, unit, **kw)


def test_conversion_table_is_configurable():
    cfg = R.JpConfig(conversions=(R.Conversion("seminar", "Klasikal", per=(("hari", 6.0),)),))
    assert R.convert("seminar", 2, "hari", config=cfg) == 12.0
    assert R.convert("seminar", 2, "hari") == 8.0  # defaults untouched
    assert R.JpConfig(target_pppk=15).target("PPPK") == 15
    assert R.DEFAULT.target("PNS") == 20
    assert R.jalur_of("Mentoring") == "Nonklasikal"
    assert R.jalur_of("Workshop") == "Klasikal"
    assert R.jalur_of("tidak dikenal") is None


def test_boundary_20_jp():
    assert not R.meets(19.5)
    assert R.meets(20.0)
    assert R.meets(20.5)
    assert R.meets(12.0, target=12.0)  # own target (PPPK)
    assert R.meets(10 + 10 / 3 * 3)  # floating sums that land on 20 still meet


def test_year_of_record_31_december_vs_1_january():
    recs = [(date(2025, 12, 31), 5.0), (date(2026, 1, 1), 7.0), (date(2026, 11, 15), 3.0)]
    assert R.year_of(date(2025, 12, 31)) == 2025
    assert R.year_of(date(2026, 1, 1)) == 2026
    assert R.person_jp(recs, 2025) == 5.0
    assert R.person_jp(recs, 2026) == 10.0
    assert R.person_jp(recs, 2026, as_of=date(2026, 10, 31)) == 7.0
    assert R.person_jp([], 2026) == 0.0  # no records: 0 JP, still a person


def test_elapsed_fraction():
    assert R.elapsed_fraction(date(2026, 1, 1), 2026) == pytest.approx(1 / 365)
    assert R.elapsed_fraction(date(2026, 10, 31), 2026) == pytest.approx(304 / 365)
    assert R.elapsed_fraction(date(2026, 12, 31), 2026) == 1.0
    assert R.elapsed_fraction(date(2024, 2, 29), 2024) == pytest.approx(60 / 366)
    assert R.elapsed_fraction(date(2025, 12, 31), 2026) == 0.0
    assert R.elapsed_fraction(date(2027, 1, 1), 2026) == 1.0


def test_pace_and_projection_arithmetic():
    d = date(2026, 10, 31)  # 304 of 365 days
    assert R.expected_jp(d, 2026) == pytest.approx(20 * 304 / 365)  # 16.657
    assert R.projected_jp(12, d, 2026) == pytest.approx(12 * 365 / 304)  # 14.41
    assert R.will_miss(12, d, 2026)
    assert not R.on_pace(12, d, 2026)
    assert R.projected_jp(17, d, 2026) == pytest.approx(17 * 365 / 304)  # 20.41
    assert not R.will_miss(17, d, 2026)
    assert R.on_pace(17, d, 2026)
    assert R.months_left(d, 2026) == pytest.approx(61 / 365 * 12)
    assert R.needed_per_month(12, d, 2026) == pytest.approx(8 / (61 / 365 * 12))  # 3.99
    assert R.needed_per_month(25, d, 2026) == 0.0
    assert R.needed_per_month(5, date(2026, 12, 31), 2026) is None  # no time left
    mid = date(2026, 7, 1)  # 182 days
    assert R.projected_jp(10, mid, 2026) == pytest.approx(10 * 365 / 182)  # 20.05: will meet
    assert not R.will_miss(10, mid, 2026)
    assert R.projected_jp(0, date(2025, 12, 31), 2026) is None
    # At year end the projection is the actual JP.
    assert R.projected_jp(19.5, date(2026, 12, 31), 2026) == 19.5
    assert R.will_miss(19.5, date(2026, 12, 31), 2026)
    assert not R.will_miss(20, date(2026, 12, 31), 2026)


@given(
    jp=st.floats(min_value=0, max_value=100, allow_nan=False),
    day=st.integers(min_value=0, max_value=364),
    target=st.sampled_from([20.0, 12.0, 30.0]),
)
def test_projection_miss_equals_behind_pace(jp, day, target):
    d = date(2026, 1, 1).fromordinal(date(2026, 1, 1).toordinal() + day)
    assert R.will_miss(jp, d, 2026, target) == (not R.on_pace(jp, d, 2026, target))


def test_sql_fragments_name_their_parameters():
    assert "$t_pppk" in R.sql_target() and "$t_pns" in R.sql_target()
    assert R.sql_meets("a", "b").startswith("(a >= b")
    assert "$frac" in R.sql_on_pace()
