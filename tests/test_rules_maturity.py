"""Maturity rule: level convention for all 9 combinations, consistency, ISM categories."""

from __future__ import annotations

import duckdb
import pytest

from analytics.rules import maturity as R

# Hand-computed: level = 1 + step(P) + step(T), Belum 0, Proses 1, Sudah 2.
LEVELS = {
    ("Belum", "Belum"): 1,
    ("Proses", "Belum"): 2,
    ("Sudah", "Belum"): 3,
    ("Proses", "Proses"): 3,
    ("Sudah", "Proses"): 4,
    ("Sudah", "Sudah"): 5,
}
INCONSISTENT = [("Belum", "Proses"), ("Belum", "Sudah"), ("Proses", "Sudah")]


def test_all_nine_combinations():
    seen = 0
    for b in R.STATUSES:
        for p in R.STATUSES:
            seen += 1
            if (b, p) in LEVELS:
                assert R.level(b, p) == LEVELS[(b, p)]
                assert R.inconsistency(b, p) is None
            else:
                assert (b, p) in INCONSISTENT
                with pytest.raises(R.InconsistentStatus):
                    R.level(b, p)
    assert seen == 9


@pytest.mark.parametrize(("b", "p"), INCONSISTENT)
def test_inconsistent_message_is_indonesian(b, p):
    msg = R.inconsistency(b, p)
    assert msg is not None
    assert "tidak konsisten" in msg
    assert f"Penerapan MT '{p}'" in msg and f"Pembangunan MT '{b}'" in msg


def test_unknown_status_refused():
    with pytest.raises(R.InconsistentStatus, match="tidak dikenal"):
        R.level("Selesai", "Belum")


def test_consistent_pairs_listing():
    pairs = R.consistent_pairs()
    assert [(b, p, lv) for b, p, lv in pairs] == [
        ("Belum", "Belum", 1),
        ("Proses", "Belum", 2),
        ("Sudah", "Belum", 3),
        ("Proses", "Proses", 3),
        ("Sudah", "Proses", 4),
        ("Sudah", "Sudah", 5),
    ]


def test_level_sql_matches_python():
    con = duckdb.connect()
    for b in R.STATUSES:
        for p in R.STATUSES:
            got = con.execute(
                f"SELECT {R.level_sql('b', 'p')} FROM (SELECT $b AS b, $p AS p)", {"b": b, "p": p}
            ).fetchall()[0][0]
            assert got == 1 + {"Belum": 0, "Proses": 1, "Sudah": 2}[b] + {
                "Belum": 0, "Proses": 1, "Sudah": 2
            }[p]  # fmt: skip


@pytest.mark.parametrize(
    ("skor", "label"),
    [
        (None, None),
        (99.9, None),
        (100, "I Buruk"),
        (174, "I Buruk"),
        (174.5, "I Buruk"),
        (175, "II Kurang"),
        (249, "II Kurang"),
        (250, "III Baik"),
        (250.5, "III Baik"),  # Kota Denpasar 2020
        (324, "III Baik"),
        (325, "IV Sangat Baik"),
        (330, "IV Sangat Baik"),  # Kabupaten Buleleng 2024
        (400, "IV Sangat Baik"),
        (400.5, None),
    ],
)
def test_ism_categories(skor, label):
    assert R.ism_label(skor) == label
    con = duckdb.connect()
    got = con.execute(
        f"SELECT {R.ism_category_sql('s')} FROM (SELECT $s::DOUBLE AS s)", {"s": skor}
    )
    assert got.fetchall()[0][0] == label


def test_ism_bounds_are_configurable_and_marked_uncertain():
    assert R.DEFAULT_ISM.uncertain is True
    cfg = R.IsmConfig(
        categories=(R.IsmCategory("A", "Rendah", 0, 199), R.IsmCategory("B", "Tinggi", 200, 400))
    )
    assert R.ism_label(250, cfg) == "B Tinggi"
    assert R.ism_label(199.5, cfg) == "A Rendah"


def test_level_is_labelled_as_convention():
    assert R.LEVEL_IS_CONVENTION is True
    assert "not an official scale" in (R.__doc__ or "")
    from ui.text import kematangan as T

    assert "bukan skala resmi" in T.LEVEL_NOTE
