"""The typed filter, the scope and the SQL they become, on a hand-made store."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from analytics.domain import JENIS_JABATAN
from analytics.filters import (
    LOCAL_ADMIN,
    Filter,
    Scope,
    ScopeError,
    employee_where,
    instansi_where,
)
from tests.factories import add_pegawai, add_unit


@pytest.fixture
def people(store):
    """Five employees in two instances (Badung = 2, Buleleng = 3)."""
    u1 = add_unit(store, 2, "Dinas Pendidikan")
    u2 = add_unit(store, 2, "Dinas Kesehatan")
    u3 = add_unit(store, 3, "Inspektorat")
    add_pegawai(store, instansi_id=2, unit_id=u1, jenis_jabatan="Fungsional", golongan="III/b")
    add_pegawai(store, instansi_id=2, unit_id=u1, jenis_jabatan="Pelaksana", golongan="II/c")
    add_pegawai(store, instansi_id=2, unit_id=u2, jenis_jabatan="Pengawas", golongan="III/d")
    add_pegawai(
        store, instansi_id=3, unit_id=u3, jenis_jabatan="Fungsional", golongan="IX", status="PPPK"
    )
    add_pegawai(store, instansi_id=3, unit_id=u3, jenis_jabatan="JPT Pratama", golongan="IV/c")
    return store, (u1, u2, u3)


def count(db, flt, scope=LOCAL_ADMIN):
    where, params = employee_where(flt, scope)
    return db.scalar(f"SELECT count(*) FROM pegawai p WHERE {where}", params)


def test_filters_select_the_right_people(people):
    db, (u1, u2, u3) = people
    assert count(db, Filter()) == 5
    assert count(db, Filter(instansi=(2,))) == 3
    assert count(db, Filter(instansi=(2, 3))) == 5
    assert count(db, Filter(unit=(u1,))) == 2
    assert count(db, Filter(jenis_jabatan=("Fungsional",))) == 2
    # III/b..IV/e = ranks 10..17: III/b, III/d, IV/c; PPPK IX is rank 9 (= III/a), outside.
    assert count(db, Filter(golongan_min=10)) == 3
    assert count(db, Filter(golongan_max=9)) == 2  # II/c and PPPK IX
    assert count(db, Filter(status=("PPPK",))) == 1
    assert count(db, Filter(instansi=(2,), jenis_jabatan=("Pengawas", "Pelaksana"))) == 2


def test_scope_restricts_and_refuses(people):
    db, _ = people
    badung = Scope(user="a", role="analis_instansi", instansi=frozenset({2}))
    assert count(db, Filter(), badung) == 3
    assert count(db, Filter(instansi=(2,)), badung) == 3
    with pytest.raises(ScopeError):
        count(db, Filter(instansi=(3,)), badung)
    with pytest.raises(ScopeError):
        count(db, Filter(instansi=(2, 3)), badung)
    where, params = instansi_where(Filter(), badung)
    assert db.scalar(f"SELECT count(*) FROM instansi i WHERE {where}", params) == 1


def test_aggregates_only_scope_refuses_people():
    with pytest.raises(ScopeError):
        Scope(role="tamu", masked=True, aggregates_only=True).require_people()
    Scope().require_people()


def test_filter_validation():
    with pytest.raises(ValidationError):
        Filter(jenis_jabatan=("Presiden",))
    with pytest.raises(ValidationError):
        Filter(golongan_min=12, golongan_max=3)
    with pytest.raises(ValidationError):
        Filter(status=("Honorer",))
    with pytest.raises(ValidationError):
        Filter(bogus=1)
    f = Filter(instansi=(3, 2, 3), jenis_jabatan=("Pelaksana", "Fungsional"))
    assert f.instansi == (2, 3)
    assert f.jenis_jabatan == ("Fungsional", "Pelaksana")  # canonical order
    assert Filter(golongan_min=9, golongan_max=17).golongan_label == "III/a–IV/e"


@given(
    inst=st.lists(st.integers(1, 44), max_size=5),
    jab=st.lists(st.sampled_from(JENIS_JABATAN), max_size=3),
    lo=st.integers(1, 17),
    hi=st.integers(1, 17),
)
def test_where_never_embeds_values(inst, jab, lo, hi):
    if lo > hi:
        lo, hi = hi, lo
    flt = Filter(instansi=tuple(inst), jenis_jabatan=tuple(jab), golongan_min=lo, golongan_max=hi)
    where, params = employee_where(flt, Scope(instansi=frozenset(range(1, 45))))
    for value in jab:
        assert value not in where
    assert all(name.startswith("f_") for name in params)
    if inst:
        assert "$f_instansi" in where
        assert params["f_instansi"] == sorted(set(inst))
    else:
        assert "f_instansi" not in params


def test_filter_roundtrips_through_json():
    f = Filter(tahun=2024, instansi=(5,), golongan_min=9, status=("PNS",))
    assert Filter.model_validate_json(f.model_dump_json()) == f


def test_dates_in_factory_nip(people):
    db, _ = people
    nips = db.query("SELECT nip, tanggal_lahir FROM pegawai")
    for nip, lahir in nips.iter_rows():
        assert len(nip) == 18
        assert nip[:8] == f"{lahir:%Y%m%d}"
        assert lahir == date(1985, 5, 17)
