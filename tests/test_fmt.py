"""Indonesian number and date formatting."""

from datetime import date

from analytics.fmt import num, pct, tanggal


def test_numbers_and_percentages():
    assert num(250000) == "250.000"
    assert num(4734041) == "4.734.041"
    assert num(12.345, 2) == "12,35"
    assert num(None) == "–"
    assert pct(0.452) == "45,2%"
    assert pct(1) == "100,0%"
    assert pct(0.05, 0) == "5%"


def test_dates():
    assert tanggal(date(2026, 11, 28)) == "28 Nov 2026"
    assert tanggal(date(2025, 8, 1)) == "1 Agu 2025"
    assert tanggal(date(2025, 12, 31), long=True) == "31 Desember 2025"
