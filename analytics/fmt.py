"""Numbers and dates as Indonesians write them: 250.000 pegawai, 45,2%, 28 Nov 2026."""

from __future__ import annotations

from datetime import date, datetime

BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
BULAN_PANJANG = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def num(value: float | int | None, decimals: int = 0) -> str:
    """Format a number with '.' for thousands and ',' for decimals; '–' for None."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def pct(share: float | None, decimals: int = 1) -> str:
    """Format a share in [0, 1] as a percentage: 0.452 -> '45,2%'."""
    if share is None:
        return "–"
    return f"{num(share * 100, decimals)}%"


def tanggal(d: date | datetime | None, long: bool = False) -> str:
    """Format a date as '28 Nov 2026' (or '28 November 2026' when long)."""
    if d is None:
        return "–"
    months = BULAN_PANJANG if long else BULAN
    return f"{d.day} {months[d.month - 1]} {d.year}"
