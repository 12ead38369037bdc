"""Nine-box rules: layout, axes, thresholds, reasons, readiness, ratio, jitter (hand-computed)."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.rules import ninebox as R

# Hand-written from domain.md: rows kinerja di atas / sesuai / di bawah; cols rendah..tinggi.
EXPECTED = {
    (2, 0): 4, (2, 1): 7, (2, 2): 9,
    (1, 0): 2, (1, 1): 5, (1, 2): 8,
    (0, 0): 1, (0, 1): 3, (0, 2): 6,
}  # fmt: skip


@pytest.mark.parametrize(("kp", "expected"), sorted(EXPECTED.items()))
def test_all_nine_boxes(kp, expected):
    assert R.box(*kp) == expected
    assert R.cell(expected) == (kp[1], kp[0])


def test_labels_and_succession():
    assert [R.LABEL[b] for b in (9, 8, 7)] == ["Unggul / terbaik", "Potensial", "Potensial"]
    assert {R.LABEL[b] for b in (3, 5, 6)} == {"Cukup potensial"}
    assert {R.LABEL[b] for b in (2, 4)} == {"Kurang sesuai"}
    assert R.LABEL[1] == "Tidak sesuai"
    assert [b for b in R.BOXES if R.in_succession(b)] == [7, 8, 9]
    assert not R.in_succession(None)
    assert "dipromosikan" in R.RECOMMENDATION[9]
    assert "tidak menduduki jabatan setingkat lebih tinggi" in R.RECOMMENDATION[1]
    assert set(R.RECOMMENDATION) == set(R.BOXES)


@pytest.mark.parametrize(
    ("predikat", "k"),
    [
        ("Sangat Baik", 2),
        ("Baik", 1),
        ("Butuh Perbaikan", 0),
        ("Kurang", 0),
        ("Sangat Kurang", 0),
        (None, None),
        ("Istimewa", None),
    ],
)
def test_kinerja_mapping(predikat, k):
    assert R.kinerja_index(predikat) == k


@pytest.mark.parametrize(
    ("skor", "p"),
    [(0.0, 0), (59.99, 0), (60.0, 1), (79.99, 1), (80.0, 2), (100.0, 2)],
)
def test_score_thresholds_at_every_boundary(skor, p):
    assert R.potensial_index(None, skor) == p


def test_level_preferred_over_score_and_configurable():
    assert R.potensial_index("Tinggi", 10.0) == 2
    assert R.potensial_index("Rendah", None) == 0
    assert R.potensial_index(None, None) is None
    cfg = R.NineBoxConfig(skor_sedang=50, skor_tinggi=70, prefer_level=False)
    assert R.potensial_index("Tinggi", 55.0, cfg) == 1  # score wins when level not preferred
    assert R.potensial_index(None, 69.9, cfg) == 1
    assert R.potensial_index(None, 70.0, cfg) == 2
    assert R.potensial_index("Sedang", None, cfg) == 1  # level used when no score
    with pytest.raises(ValueError):
        R.NineBoxConfig(skor_sedang=90, skor_tinggi=80)


def test_box_for_and_unmapped_reasons():
    assert R.box_for("Sangat Baik", "Tinggi", None) == 9
    assert R.box_for("Baik", None, 60.0) == 5
    assert R.box_for("Kurang", None, 95.0) == 6
    assert R.box_for(None, "Tinggi", None) is None
    assert R.box_for("Baik", None, None) is None
    assert R.unmapped_reason(True, True) is None
    assert R.unmapped_reason(False, True) == R.REASON_NO_SKP
    assert R.unmapped_reason(True, False) == R.REASON_NO_POTENTIAL
    assert R.unmapped_reason(False, False) == R.REASON_NO_BOTH


def test_readiness_rule():
    assert R.readiness(9, 1) == R.READY_NOW
    assert R.readiness(8, 1) == R.NEED_DEVELOPMENT
    assert R.readiness(7, 2) == R.READY_NOW
    assert R.readiness(5, 3) is None
    cfg = R.NineBoxConfig(ready_boxes=(8, 9), ready_years_in_pool=3)
    assert R.readiness(8, 1, cfg) == R.READY_NOW
    assert R.readiness(7, 2, cfg) == R.NEED_DEVELOPMENT


def test_ratio_and_thin_pool():
    assert R.candidate_ratio(6, 2) == 3.0
    assert R.candidate_ratio(4, 0) is None
    assert not R.pool_too_thin(6, 2)  # exactly 1:3
    assert R.pool_too_thin(5, 2)
    assert not R.pool_too_thin(0, 0)
    assert R.pool_too_thin(3, 1, R.NineBoxConfig(target_ratio=4))


def test_movement():
    assert R.movement(5, 8) == "naik"
    assert R.movement(8, 8) == "tetap"
    assert R.movement(9, 4) == "turun"
    assert R.movement(None, 4) == "tidak_lengkap"


def test_jitter_deterministic_and_inside_box():
    a = R.jitter("198609262015051001")
    assert a == R.jitter("198609262015051001")
    assert a != R.jitter("198609262015051002")
    # md5("abc") starts 90015098 3cd24fb0 -> hand-computed offsets
    scale = 2 * R.JITTER_SPREAD / 0xFFFFFFFF
    assert R.jitter("abc") == pytest.approx(
        (0x90015098 * scale - R.JITTER_SPREAD, 0x3CD24FB0 * scale - R.JITTER_SPREAD)
    )


@given(st.text(min_size=1, max_size=30))
def test_jitter_bounds_and_sql_equal(nip):
    dx, dy = R.jitter(nip)
    assert -R.JITTER_SPREAD <= dx <= R.JITTER_SPREAD
    assert -R.JITTER_SPREAD <= dy <= R.JITTER_SPREAD
    sx, sy = R.jitter_sql("$n")
    got = duckdb.execute(f"SELECT {sx}, {sy}", {"n": nip}).fetchall()[0]
    assert got == pytest.approx((dx, dy))


def test_sql_expressions_match_python():
    con = duckdb.connect()
    cfg = R.NineBoxConfig()
    k_sql, kp = R.kinerja_sql("pr", cfg)
    p_sql, pp = R.potensial_sql("lv", "sk", cfg)
    cases = []
    for pr in ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang", None):
        for lv, sk in (
            ("Tinggi", None),
            ("Sedang", None),
            ("Rendah", None),
            (None, 59.99),
            (None, 60.0),
            (None, 80.0),
            (None, None),
            ("Rendah", 90.0),
        ):
            cases.append((pr, lv, sk))
    for pr, lv, sk in cases:
        sql = (
            f"SELECT {R.box_sql(k_sql, p_sql)} FROM (SELECT $pr AS pr, $lv AS lv, "
            f"CAST($sk AS DOUBLE) AS sk)"
        )
        got = con.execute(sql, {**kp, **pp, "pr": pr, "lv": lv, "sk": sk}).fetchall()[0][0]
        assert got == R.box_for(pr, lv, sk, cfg), (pr, lv, sk)
