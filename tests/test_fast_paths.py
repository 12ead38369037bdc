"""The pre-aggregate paths of issue 8 give exactly the results of the person-level queries.

Each fast path (JP from `agg_jp_pegawai`, the landing page's workforce figures from the count
cube and `agg_jp_pegawai`) is compared with its fallback, the person-level query over the base
tables, on a copy of the 3,000-employee demo store with calibrations, for several filters,
scopes and "as of" dates (month ends, mid-month, January, 31 December).
"""

from __future__ import annotations

import shutil
from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analytics.filters import Filter, Scope
from analytics.queries import jp, jp_summary, overview
from analytics.queries import ninebox as nb
from analytics.store import Database

YEAR = 2026
FILTERS = {
    "region": Filter(tahun=YEAR),
    "instansi": Filter(tahun=YEAR, instansi=(5,)),
    "fungsional": Filter(tahun=YEAR, jenis_jabatan=("Fungsional",)),
    "golongan": Filter(tahun=YEAR, golongan_min=9, golongan_max=13),
    "pppk": Filter(tahun=YEAR, status=("PPPK",)),
    "previous_year": Filter(tahun=YEAR - 1),
}
SCOPES = {"admin": Scope(), "instansi_5": Scope(role="admin_instansi", instansi=frozenset({5}))}
DATES = (None, date(YEAR, 6, 30), date(YEAR, 10, 15), date(YEAR, 1, 20), date(YEAR, 12, 31))


@pytest.fixture(scope="module")
def db(demo_db_path, tmp_path_factory):
    """A copy of the demo store with three calibrations of the year (one per kind of move)."""
    path = tmp_path_factory.mktemp("fast") / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    d = Database(path)
    flt = Filter(tahun=YEAR)
    pick = "SELECT min(nip) FROM agg_kotak WHERE tahun = $t AND predikat = $k AND pot_level = $p"
    low = d.scalar(pick, {"t": YEAR, "k": "Baik", "p": "Rendah"})  # box 2: into the pool
    high = d.scalar(pick, {"t": YEAR, "k": "Sangat Baik", "p": "Tinggi"})  # box 9: out of it
    nb.calibrate(d, flt, Scope(), low, 9, "Uji jalur cepat: naik ke kelompok suksesi")
    nb.calibrate(d, flt, Scope(), high, 4, "Uji jalur cepat: turun dari kelompok suksesi")
    nb.calibrate(d, flt, Scope(), low, 8, "Uji jalur cepat: kalibrasi ulang orang yang sama")
    yield d
    d.close()


def _slow_jp(monkeypatch) -> None:
    monkeypatch.setattr(jp, "_has_person_year", lambda db, year: False)
    monkeypatch.setattr(jp_summary, "grouped_sql", lambda *a: None)
    monkeypatch.setattr(jp_summary, "monthly", lambda *a: None)


@pytest.mark.parametrize("fname", sorted(FILTERS))
@pytest.mark.parametrize("sname", sorted(SCOPES))
def test_workforce_from_aggregates_equals_person_level(db, monkeypatch, fname, sname):
    flt, scope = FILTERS[fname], SCOPES[sname]
    fast = overview._workforce_from_aggregates(db, flt, scope)
    assert fast is not None and fast.height > 0
    monkeypatch.setattr(overview, "_workforce_from_aggregates", lambda *a: None)
    slow = overview.workforce_by_instansi(db, flt, scope)
    assert_frame_equal(fast, slow.cast({c: pl.Int64 for c in slow.columns}))


def test_calibrations_move_the_landing_figures(db):
    """Per instance, the talent pool is the uncalibrated pool (nine-box counts) plus one for
    the person calibrated into it and minus one for the person calibrated out of it."""
    flt = Filter(tahun=YEAR)
    fast = overview._workforce_from_aggregates(db, flt, Scope())
    moved = db.query(
        """SELECT p.instansi_id, c.kotak_baru FROM kalibrasi c JOIN pegawai p ON p.nip = c.nip
           WHERE c.aktif AND c.tahun = $t""",
        {"t": YEAR},
    )
    assert sorted(moved["kotak_baru"].to_list()) == [4, 8]  # the re-calibration replaced 9
    for inst in set(moved["instansi_id"].to_list()):
        one = Filter(tahun=YEAR, instansi=(inst,))
        raw = nb.box_counts(db, one, Scope(), calibrated=False).suksesi
        delta = sum(1 if b == 8 else -1 for i, b in moved.iter_rows() if i == inst)
        got = fast.filter(pl.col("instansi_id") == inst)["talent_pool"].item()
        assert got == raw + delta


@pytest.mark.parametrize("fname", sorted(FILTERS))
@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_jp_person_year_table_equals_join(db, monkeypatch, fname, as_of):
    flt = FILTERS[fname]
    if as_of is not None and as_of.year != flt.tahun:
        as_of = as_of.replace(year=flt.tahun)
    scope = Scope()
    calls = {
        "headline": lambda: jp.headline(db, flt, scope, as_of),
        "unit": lambda: jp.completion(db, flt, scope, "unit", as_of),
        "golongan": lambda: jp.completion(db, flt, scope, "golongan", as_of, sort="nama"),
        "histogram": lambda: jp.histogram(db, flt, scope, as_of),
        "jalur": lambda: jp.jalur_split(db, flt, scope, as_of),
        "cumulative": lambda: jp.cumulative(db, flt, scope, as_of),
        "people": lambda: jp.people(db, flt, scope, "belakang", as_of),
        "regional": lambda: jp.regional(db, flt, scope, as_of),
    }
    assert jp._has_person_year(db, flt.tahun)
    fast = {k: f() for k, f in calls.items()}
    _slow_jp(monkeypatch)
    for k, f in calls.items():
        got, slow = fast[k], f()
        if k == "people":  # ties in the display order are not ordered further
            got, slow = got.sort("nip"), slow.sort("nip")
        assert_frame_equal(got, slow, check_dtypes=False, abs_tol=1e-9)
    assert fast["headline"]["pegawai"].sum() > 0


def test_jp_year_without_training_falls_back(db):
    """A year outside the person-year table still counts everyone, at 0 JP."""
    flt = Filter(tahun=2020)
    assert not jp._has_person_year(db, 2020)
    head = jp.headline(db, flt, Scope())
    assert head["memenuhi"].sum() == 0
    assert head["pegawai"].sum() == db.scalar(
        "SELECT count(*) FROM pegawai WHERE tanggal_pensiun > DATE '2020-01-01' "
        "AND (tmt_cpns IS NULL OR tmt_cpns <= DATE '2020-12-31')",
        {},
    )


@pytest.mark.parametrize("fname", ["region", "instansi", "pppk"])
@pytest.mark.parametrize("as_of", [None, date(YEAR, 3, 14)], ids=str)
@pytest.mark.parametrize("dim", ["unit", "instansi"])
def test_jp_figures_per_group_equal_person_rows(db, monkeypatch, fname, as_of, dim):
    """Completion per unit (holistic median) and per instance (JP histogram) equal Polars
    over the person rows."""
    monkeypatch.setattr(jp_summary, "grouped_sql", lambda *a: None)
    monkeypatch.setattr(jp_summary, "monthly", lambda *a: None)
    flt, scope = FILTERS[fname], Scope()
    d = as_of or jp.default_as_of(db, flt, scope)
    cte, params = jp._person_cte(db, flt, scope, d, 20.0)
    key = f"{dim}_id"
    rows = db.query(f"{cte} SELECT {key}, jp, met, on_pace FROM person", params)
    want = (
        rows.group_by(key)
        .agg(
            pegawai=pl.len(),
            memenuhi=pl.col("met").sum(),
            rata_jp=pl.col("jp").mean(),
            median_jp=pl.col("jp").median(),
            nol_jp=(pl.col("jp") == 0).sum(),
            di_belakang=(~pl.col("on_pace")).sum(),
        )
        .with_columns(kunci=pl.col(key).cast(pl.String))
        .sort("kunci")
    )
    got = jp.completion(db, flt, scope, dim, as_of).sort("kunci")
    assert got["kunci"].to_list() == want["kunci"].to_list()
    for col in ("pegawai", "memenuhi", "nol_jp", "di_belakang"):
        assert got[col].to_list() == want[col].cast(pl.Int64).to_list(), col
    for col in ("rata_jp", "median_jp"):
        assert got[col].to_list() == pytest.approx(want[col].to_list(), abs=1e-9), col
    if dim == "unit":  # medians of odd and even group sizes are both exercised
        assert (want["pegawai"] % 2 == 0).any() and (want["pegawai"] % 2 == 1).any()


SUMMARY_CASES = {
    "region": (Filter(tahun=YEAR), Scope()),
    "pns": (Filter(tahun=YEAR, status=("PNS",)), Scope()),
    "one_instansi": (Filter(tahun=YEAR, instansi=(5,)), Scope()),
    "two_instansi": (Filter(tahun=YEAR, instansi=(2, 5), status=("PPPK",)), Scope()),
    "scope_one": (Filter(tahun=YEAR), SCOPES["instansi_5"]),
    "previous_year": (Filter(tahun=YEAR - 1), Scope()),
}


@pytest.mark.parametrize("case", sorted(SUMMARY_CASES))
def test_default_view_table_equals_person_rows(db, monkeypatch, case):
    """agg_jp_ringkas answers the default view exactly as the person-year rows do."""
    flt, scope = SUMMARY_CASES[case]
    d = jp.default_as_of(db, flt, scope)
    assert jp_summary.grouped_sql(db, flt, scope, d, 20.0, "unit_id") is not None
    units = db.query("SELECT min(id) AS a, max(id) AS b FROM unit WHERE instansi_id = 5", {}).row(0)
    calls = {
        "headline": lambda: jp.headline(db, flt, scope),
        "unit": lambda: jp.completion(db, flt, scope, "unit"),
        "instansi": lambda: jp.completion(db, flt, scope, "instansi", sort="nama"),
        "one_unit": lambda: jp.headline(db, flt.with_(unit=(units[0],)), scope),
        "units": lambda: jp.completion(db, flt.with_(unit=units), scope, "unit"),
        "cumulative": lambda: jp.cumulative(db, flt, scope),
    }
    one = len(flt.instansi or scope.instansi or (1, 2)) == 1 or not (flt.instansi or scope.instansi)
    assert (jp_summary.monthly(db, flt, scope, d, 20.0) is not None) == one
    fast = {k: f() for k, f in calls.items()}
    monkeypatch.setattr(jp_summary, "grouped_sql", lambda *a: None)
    monkeypatch.setattr(jp_summary, "monthly", lambda *a: None)
    for k, f in calls.items():
        assert_frame_equal(fast[k], f(), check_dtypes=False, abs_tol=1e-9)
    assert fast["headline"]["pegawai"].sum() > 0


def test_default_view_table_declines_other_views(db):
    """Another date or target, a jabatan or golongan filter, or a headline over several
    instances is not in the table (computed from the person rows instead)."""
    flt = Filter(tahun=YEAR)
    d = jp.default_as_of(db, flt, Scope())
    ask = jp_summary.grouped_sql
    assert ask(db, flt, Scope(), d, 20.0, "status") is not None
    assert ask(db, flt, Scope(), date(YEAR, 6, 30), 20.0, "status") is None
    assert ask(db, flt, Scope(), d, 24.0, "status") is None
    assert ask(db, flt.with_(jenis_jabatan=("Fungsional",)), Scope(), d, 20.0, "unit_id") is None
    assert ask(db, flt.with_(golongan_min=9), Scope(), d, 20.0, "unit_id") is None
    assert ask(db, flt.with_(instansi=(2, 5)), Scope(), d, 20.0, "status") is None
    assert ask(db, flt.with_(instansi=(2, 5)), Scope(), d, 20.0, "unit_id") is not None


@pytest.mark.parametrize("limit", [1, 7, 100])
def test_drilldown_gap_cutoff_keeps_the_list(db, limit):
    """The region-wide drill-down joins only people at or above the limit-th gap: its page of
    people is the head of the full list."""
    from analytics.queries import competency

    flt = Filter(tahun=YEAR)
    kompetensi = db.scalar("SELECT min(kompetensi) FROM agg_kompetensi_pegawai")
    full = competency.drilldown(db, flt, Scope(), "instansi", (), kompetensi, None)
    page = competency.drilldown(db, flt, Scope(), "instansi", (), kompetensi, limit)
    assert full.people.height > limit
    assert_frame_equal(page.people, full.people.head(limit))
    assert page.total == full.total == full.people.height
