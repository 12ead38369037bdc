"""Access control across the analytics layer: every query function, every role.

Generic on purpose: every public function in `analytics.queries.*` whose signature starts with
`(db, flt, scope)` is discovered by introspection and called for every role on a store with
two instances A and B (distinctive names, NIPs and units), so functions added later are
covered too. The assertions:

- an analyst / committee of A never receives a name, NIP, unit or instance of B (with the
  default filter, with a unit of B in the filter, with a person key of B);
- a filter naming B (alone or with A) is refused with ScopeError (or the function ignores the
  filter entirely and still shows nothing of B);
- masked scopes (tamu, committee meeting with names hidden) never receive a full name or NIP;
- tamu (aggregates only) gets ScopeError from every person-level function;
- the region roles still see both instances (the test data is really there).

Required extra arguments are supplied by name (person keys, competency, years, ...); a function
with an argument the harness does not know is skipped with its name in the reason.
Writes (calibrations, maturity statuses) are checked separately at the end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import inspect
import json
import pkgutil
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

import analytics as analytics_pkg
from analytics import auth
from analytics.filters import Filter, Scope, ScopeError
from analytics.reference import open_store
from analytics.store import Database
from tests.factories import APP, add_pegawai, add_rows, add_unit, make_store
from ui.text import common as TC

A, B = 2, 3  # instansi ids (the Kanreg's numbering)
YEAR = 2025
KOMPETENSI = (
    "Integritas",
    "Kerjasama",
    "Komunikasi",
    "Orientasi pada Hasil",
    "Pelayanan Publik",
    "Pengembangan Diri dan Orang Lain",
    "Mengelola Perubahan",
    "Pengambilan Keputusan",
    "Perekat Bangsa",
)
PEOPLE = {
    A: [
        ("Ketut Alfa Widnyana, S.E.", "Pelaksana", None, "II/c", "Pengadministrasi Umum"),
        ("Ni Luh Alfa Sekarini", "Fungsional", "Ahli Muda", "III/c", "Analis SDM Aparatur"),
        ("Made Alfa Pratama", "Administrator", None, "IV/a", "Kepala Bidang Alfa"),
        ("Gede Alfa Santika", "Pengawas", None, "III/d", "Kepala Subbagian Alfa"),
    ],
    B: [
        ("Wayan Bravo Kusuma, S.H.", "Pelaksana", None, "II/c", "Pengadministrasi Umum"),
        ("Ni Kadek Bravo Ayuningsih", "Fungsional", "Ahli Muda", "III/c", "Analis SDM Aparatur"),
        ("Komang Bravo Wirawan", "Administrator", None, "IV/a", "Kepala Bidang Bravo"),
        ("Putu Bravo Mahendra", "Pengawas", None, "III/d", "Kepala Subbagian Bravo"),
    ],
}
UNIT_NAME = {A: "Bidang Alfa Mandala", B: "Bidang Bravo Rahasia"}
PREDIKAT = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Baik")
POT = (("Tinggi", 85.0), ("Sedang", 70.0), ("Rendah", 50.0), ("Tinggi", 90.0))


@dataclasses.dataclass
class World:
    path: Path
    nips: dict[int, list[str]]
    names: dict[int, list[str]]
    units: dict[int, int]
    inst_names: dict[int, str]
    rapat: dict[int, int] = dataclasses.field(default_factory=dict)  # meeting id per instance

    def probe(self, name: str, inst: int) -> Any:
        """A value of an id-like argument pointing into instance `inst`."""
        if name in PERSON_KEYS:
            return self.nips[inst][1]
        if name == "rapat_id":
            return self.rapat.get(inst, -1)
        if name == "instansi_id":
            return inst
        raise KeyError(name)

    def secrets(self, inst: int) -> list[str]:
        """Strings that identify instance `inst` (people, unit, instance)."""
        return [
            *self.names[inst],
            *self.nips[inst],
            UNIT_NAME[inst],
            self.inst_names[inst],
            "Bravo" if inst == B else "Alfa",
        ]

    def people(self) -> list[str]:
        """Full names (also without degree) and NIPs of everyone."""
        out = []
        for inst in (A, B):
            out += self.nips[inst]
            for n in self.names[inst]:
                out += [n, n.split(",")[0]]
        return out


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    path = tmp_path_factory.mktemp("access") / "ab.duckdb"
    db = make_store(path)
    nips: dict[int, list[str]] = {}
    names: dict[int, list[str]] = {}
    units: dict[int, int] = {}
    kinerja, potensial, kompetensi, pelatihan = [], [], [], []
    for inst in (A, B):
        uid = add_unit(db, inst, UNIT_NAME[inst])
        units[inst] = uid
        nips[inst], names[inst] = [], []
        for k, (nama, jenis, jenjang, gol, jab) in enumerate(PEOPLE[inst]):
            nip = add_pegawai(
                db,
                instansi_id=inst,
                unit_id=uid,
                nama=nama,
                jenis_jabatan=jenis,
                jenjang=jenjang,
                golongan=gol,
                nama_jabatan=jab,
                jenis_kelamin="LP"[k % 2],
                tanggal_lahir=date(1975 + 3 * k, 1 + k, 10 + k),
            )
            nips[inst].append(nip)
            names[inst].append(nama)
            for tahun in (2024, 2025):
                kinerja.append({"nip": nip, "tahun": tahun, "predikat": PREDIKAT[k]})
                lvl, skor = POT[k]
                potensial.append({"nip": nip, "tahun": tahun, "level": lvl, "skor": skor})
                for j, kom in enumerate(KOMPETENSI):
                    level = 1 + (k + j) % 4
                    kompetensi.append(
                        {"nip": nip, "tahun": tahun, "kompetensi": kom, "level": level}
                    )
                for m in range(k):  # person k gets k trainings of 8 JP per year
                    pelatihan.append(
                        {
                            "nip": nip,
                            "tanggal_mulai": date(tahun, 2 + m, 5),
                            "tanggal_selesai": date(tahun, 2 + m, 6),
                            "nama_kegiatan": f"Pelatihan {UNIT_NAME[inst]} {m}",
                            "jalur": "Klasikal" if m % 2 == 0 else "Nonklasikal",
                            "jenis": "Pelatihan teknis",
                            "jp": 8.0,
                        }
                    )
    add_rows(db, "kinerja", kinerja)
    add_rows(db, "potensial", potensial)
    add_rows(db, "kompetensi", kompetensi)
    add_rows(db, "pelatihan", pelatihan)
    standar = [
        {
            "jenis_jabatan": j,
            "kompetensi": kom,
            "level_standar": 3,
            "tingkat_kepentingan": "penting",
        }
        for j in ("Pelaksana", "Fungsional", "Administrator", "Pengawas")
        for kom in KOMPETENSI
    ]
    add_rows(db, "standar_kompetensi", standar)
    with db.transaction("test", "meta") as cur:
        for key, value in {
            "data_as_of": "2025-10-31",
            "tahun_min": "2024",
            "tahun_max": "2025",
        }.items():
            db.set_meta(cur, key, value)
        from analytics.aggregates import refresh

        refresh(cur)
    inst_names = dict(db.query("SELECT id, nama FROM instansi").iter_rows())
    rapat: dict[int, int] = {}
    try:
        from analytics import meeting
    except ImportError:
        meeting = None
    if meeting is not None:
        admin = auth.scope_for("admin", None, "admin")
        for inst in (A, B):
            rapat[inst] = meeting.create_meeting(
                db,
                Filter(tahun=YEAR),
                admin,
                instansi_id=inst,
                tahun=YEAR,
                judul=f"Rapat uji {inst_names[inst]}",
                tanggal=date(2025, 10, 1),
                peserta=["Ketua", "Sekretaris"],
                agenda_nip=nips[inst],
            )
    db.close()
    return World(path, nips, names, units, inst_names, rapat)


@pytest.fixture
def db(world, tmp_path) -> Database:
    """A private copy of the A/B store (writes in one test do not reach another)."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(world.path, path)
    d = open_store(path)
    yield d
    d.close()


# -- discovery --------------------------------------------------------------------------------


SKIP_MODULES = ("analytics.__main__", "analytics.demo", "analytics.cli", "analytics.auth_cli")


def discover() -> list[tuple[str, Any]]:
    """Every public (db, flt, scope, ...) function in the analytics package."""
    found = []
    for info in pkgutil.walk_packages(analytics_pkg.__path__, "analytics."):
        if info.name.startswith(SKIP_MODULES):
            continue
        mod = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            if fn.__module__ != mod.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:3] == ["db", "flt", "scope"]:
                found.append((f"{info.name.removeprefix('analytics.')}.{name}", fn))
    return sorted(found, key=lambda t: t[0])


FUNCTIONS = discover()
PERSON_KEYS = {"kunci", "kode", "nip"}


class Unfillable(Exception):
    pass


ID_ARGS = PERSON_KEYS | {"rapat_id", "instansi_id"}


def required_args(fn, probe: Any) -> dict[str, Any]:
    """Values for the required parameters after (db, flt, scope), by name.

    `probe` is the World and an instance (A or B): id-like arguments (person key, meeting,
    instance) point into that instance.
    """
    world, inst = probe
    mod = inspect.getmodule(fn)
    out: dict[str, Any] = {}
    for p in list(inspect.signature(fn).parameters.values())[3:]:
        if p.default is not inspect.Parameter.empty or p.kind is p.VAR_KEYWORD:
            continue
        n = p.name
        if n in ID_ARGS:
            out[n] = world.probe(n, inst)
        elif n == "urutan":
            out[n] = 1
        elif n == "baris":
            out[n] = getattr(mod, "BARIS", ("unit",))[0]
        elif n == "keys":
            out[n] = ()
        elif n == "kompetensi":
            out[n] = "Integritas"
        elif n == "since":
            out[n] = date(2024, 1, 1)
        elif n == "org_predikat":
            out[n] = "Baik"
        elif n == "tahun_a":
            out[n] = 2024
        elif n == "tahun_b":
            out[n] = 2025
        elif n == "kotak_baru":
            out[n] = 9
        elif n == "alasan":
            out[n] = "Uji akses lintas instansi"
        else:
            raise Unfillable(n)
    return out


def variants(fn) -> list[dict[str, Any]]:
    """Optional string arguments whose default sits in a module tuple: try every value."""
    mod = inspect.getmodule(fn)
    tuples = [v for v in vars(mod).values() if isinstance(v, tuple) and v and isinstance(v[0], str)]
    out: list[dict[str, Any]] = [{}]
    for p in list(inspect.signature(fn).parameters.values())[3:]:
        if isinstance(p.default, str):
            for t in tuples:
                if p.default in t:
                    out += [{p.name: v} for v in t if v != p.default]
                    break
        elif p.default is False and p.annotation in ("bool", bool):
            out.append({p.name: True})
    return out


def call(fn, db, flt, scope, probe, extra=None):
    return fn(db, flt, scope, **required_args(fn, probe), **(extra or {}))


# -- walking results --------------------------------------------------------------------------


def strings(obj: Any) -> list[str]:
    """Every string inside a result: frame columns and cells, dataclass fields, containers."""
    out: list[str] = []
    if obj is None:
        return out
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, bytes | bytearray):  # files (CSV, uncompressed PDF text)
        out.append(bytes(obj).decode("latin-1"))
    elif isinstance(obj, pl.DataFrame):
        out += obj.columns
        for col in obj.columns:
            s = obj[col]
            if s.dtype == pl.String:
                out += [v for v in s.to_list() if v is not None]
            elif s.dtype.is_nested() or s.dtype == pl.Object:
                out += [json.dumps(v, default=str) for v in s.to_list() if v is not None]
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            out += strings(getattr(obj, f.name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out += strings(k) + strings(v)
    elif isinstance(obj, list | tuple | set | frozenset):
        for v in obj:
            out += strings(v)
    elif hasattr(obj, "to_plotly_json"):
        out.append(json.dumps(obj.to_plotly_json(), default=str))
    return out


def instance_ids(obj: Any) -> set[int]:
    """Values of every integer column named instansi_id / instansi / id_instansi."""
    out: set[int] = set()
    if isinstance(obj, pl.DataFrame):
        for col in obj.columns:
            if col in ("instansi_id", "id_instansi", "instansi") and obj[col].dtype.is_integer():
                out |= {int(v) for v in obj[col].to_list() if v is not None}
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            out |= instance_ids(getattr(obj, f.name))
    elif isinstance(obj, dict):
        for v in obj.values():
            out |= instance_ids(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            out |= instance_ids(v)
    return out


def fingerprint(obj: Any) -> str:
    """A comparable text form of a result (frames as rows)."""
    if isinstance(obj, pl.DataFrame):
        return repr(obj.to_dicts())
    if isinstance(obj, bytes | bytearray):  # files carry creation timestamps
        return f"bytes:{len(obj)}"
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return repr({f.name: fingerprint(getattr(obj, f.name)) for f in dataclasses.fields(obj)})
    return repr(obj)


def found(obj: Any, needles: list[str]) -> list[str]:
    hay = strings(obj)
    return sorted({n for n in needles for h in hay if n and n in h})


def assert_nothing_of_b(result: Any, world: World, where: str) -> None:
    leaks = found(result, world.secrets(B))
    assert not leaks, f"{where}: data of instance B reached a scope of A: {leaks}"
    assert B not in instance_ids(result), f"{where}: instansi id {B} reached a scope of A"


def assert_masked(result: Any, world: World, where: str) -> None:
    leaks = found(result, world.people())
    assert not leaks, f"{where}: names/NIPs reached a masked scope: {leaks}"


# -- scopes -----------------------------------------------------------------------------------

ADMIN = auth.scope_for("admin", None, "admin")
KANREG = auth.scope_for("analis_kanreg", None, "kanreg")
ANALIS_A = auth.scope_for("analis_instansi", A, "analis.a")
KOMITE_A = auth.scope_for("komite", A, "komite.a")
KOMITE_A_MASKED = auth.meeting_scope(KOMITE_A, masked=True)
TAMU = auth.scope_for("tamu", None, "tamu")
TAMU_A = auth.scope_for("tamu", A, "tamu.a")
SCOPED_TO_A = [ANALIS_A, KOMITE_A, KOMITE_A_MASKED, TAMU_A]
MASKED = [KOMITE_A_MASKED, TAMU, TAMU_A]


def label(scope: Scope) -> str:
    return f"{scope.role}{'/masked' if scope.masked else ''}"


def test_discovery_finds_the_query_modules():
    names = {n for n, _ in FUNCTIONS}
    # The harness must see functions of the query modules present at this time.
    assert len(names) >= 1, "no (db, flt, scope) functions discovered"


@pytest.mark.parametrize(("name", "fn"), FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_query_function_respects_every_role(name, fn, world, db):
    flt = Filter(tahun=YEAR)
    a_probe, b_probe = (world, A), (world, B)  # probes: id-like arguments into A or B
    try:
        required_args(fn, a_probe)
    except Unfillable as exc:
        pytest.skip(f"{name}: the harness cannot supply argument {exc}")

    version = db.data_version
    for extra in variants(fn):
        where = f"{name}({extra})" if extra else name
        # Region roles see everything (and the data is really there).
        try:
            admin_all = call(fn, db, flt, ADMIN, a_probe, extra)
        except ValueError:
            if extra:
                continue  # the harness guessed a value this argument does not take
            raise
        if db.data_version != version:
            pytest.skip(f"{name} writes; covered by the dedicated write tests below")
        with contextlib.suppress(ValueError, ScopeError):  # a role refusal is fine
            call(fn, db, flt, KANREG, a_probe, extra)
        admin_a = call(fn, db, flt.with_(instansi=(A,)), ADMIN, a_probe, extra)
        person_level = bool(found(admin_all, world.people()))

        for scope in SCOPED_TO_A:
            w = f"{where} as {label(scope)}"
            for probe in (a_probe, b_probe):
                for f in (flt, flt.with_(unit=(world.units[B],)), flt.with_(instansi=(A,))):
                    try:
                        res = call(fn, db, f, scope, probe, extra)
                    except ScopeError:
                        continue  # refused (scope or role capability): nothing leaks
                    except (ValueError, LookupError):
                        continue  # refused (unknown key, a NIP as masked key, role): no leak
                    assert not (scope.aggregates_only and person_level), (
                        f"{w}: person-level result given to an aggregates-only scope"
                    )
                    assert_nothing_of_b(res, world, w)
                    if scope.masked:
                        assert_masked(res, world, w)
            # A filter naming B is refused, alone or together with A.
            for bad in ((B,), (A, B)):
                try:
                    res = call(fn, db, flt.with_(instansi=bad), scope, a_probe, extra)
                except (ScopeError, ValueError, LookupError):
                    continue  # refused
                assert_nothing_of_b(res, world, f"{w} with instansi={bad}")
                # Not refused: acceptable only when the function ignores the filter entirely.
                plain = call(fn, db, flt, scope, a_probe, extra)
                assert fingerprint(res) == fingerprint(plain), (
                    f"{w}: a filter naming instansi {bad} was not refused"
                )

        # Masked region guest: aggregates only, nothing personal.
        try:
            res = call(fn, db, flt, TAMU, a_probe, extra)
        except ScopeError:
            pass
        else:
            assert not person_level, f"{where}: person-level result given to tamu"
            assert_masked(res, world, f"{where} as tamu")

        # Not over-restricted: what the admin sees of A, an unmasked role of A that may call
        # the function at all sees by name too.
        if found(admin_a, world.names[A]):
            for scope in (ANALIS_A, KOMITE_A):
                try:
                    res = call(fn, db, flt, scope, a_probe, extra)
                except ScopeError:
                    continue  # the role may not use this function
                assert found(res, world.names[A]), f"{where}: {scope.role} of A lost A's people"


# -- writes -----------------------------------------------------------------------------------


def _rows(db: Database, sql: str, params: dict) -> int:
    return int(db.scalar(sql, params))


def test_calibration_of_b_refused_for_scope_of_a(world, db):
    nb = pytest.importorskip("analytics.queries.ninebox")
    if not hasattr(nb, "calibrate"):
        pytest.skip("no calibrate yet")
    b_nip = world.nips[B][0]
    before = _rows(db, "SELECT count(*) FROM kalibrasi WHERE nip = $n", {"n": b_nip})
    for scope in (KOMITE_A, ANALIS_A, TAMU, TAMU_A):
        for flt in (Filter(tahun=YEAR), Filter(tahun=YEAR, instansi=(B,))):
            with pytest.raises((ScopeError, ValueError, LookupError)):
                nb.calibrate(db, flt, scope, b_nip, 9, "Uji akses lintas instansi")
    assert _rows(db, "SELECT count(*) FROM kalibrasi WHERE nip = $n", {"n": b_nip}) == before


@pytest.mark.parametrize(
    "scope",
    [ANALIS_A, KANREG, TAMU, KOMITE_A, ADMIN],
    ids=["analis_instansi", "kanreg", "tamu", "komite", "admin"],
)
def test_calibration_follows_the_calibrate_capability(world, db, scope):
    """Calibration is allowed exactly to the roles `analytics.auth.can(scope, "calibrate")`."""
    nb = pytest.importorskip("analytics.queries.ninebox")
    a_nip = world.nips[A][0]  # box 9 originally
    if auth.can(scope, "calibrate"):
        nb.calibrate(db, Filter(tahun=YEAR), scope, a_nip, 5, "Uji hak akses kalibrasi")
        assert _rows(db, "SELECT count(*) FROM kalibrasi WHERE nip = $n", {"n": a_nip}) == 1
    else:
        with pytest.raises((ScopeError, PermissionError, ValueError)):
            nb.calibrate(db, Filter(tahun=YEAR), scope, a_nip, 5, "Uji hak akses kalibrasi")
        assert _rows(db, "SELECT count(*) FROM kalibrasi WHERE nip = $n", {"n": a_nip}) == 0


def test_committee_of_a_can_calibrate_in_a(world, db):
    nb = pytest.importorskip("analytics.queries.ninebox")
    a_nip = world.nips[A][0]
    nb.calibrate(db, Filter(tahun=YEAR), KOMITE_A, a_nip, 5, "Uji kalibrasi dalam cakupan")
    assert _rows(db, "SELECT count(*) FROM kalibrasi WHERE nip = $n", {"n": a_nip}) == 1
    row = db.query("SELECT oleh, aksi FROM audit ORDER BY id DESC LIMIT 1").row(0)
    assert row[0] == "komite.a"


def _record_status_args():
    return dict(
        periode=date(2025, 6, 30),
        pembangunan="Sudah",
        penerapan="Proses",
        bukti="Dokumen resmi",
        catatan="uji akses",
        today=date(2025, 10, 31),
    )


def test_maturity_status_of_b_refused_for_scope_of_a(world, db):
    mat = pytest.importorskip("analytics.queries.maturity")
    before = _rows(db, "SELECT count(*) FROM kematangan WHERE instansi_id = $i", {"i": B})
    for scope in (ANALIS_A, KOMITE_A, TAMU_A, TAMU):
        with pytest.raises((ScopeError, ValueError, PermissionError)):
            mat.record_status(db, scope, B, **_record_status_args())
    assert _rows(db, "SELECT count(*) FROM kematangan WHERE instansi_id = $i", {"i": B}) == before


@pytest.mark.parametrize(
    "scope",
    [ANALIS_A, KANREG, KOMITE_A, TAMU, ADMIN],
    ids=["analis_instansi", "kanreg", "komite", "tamu", "admin"],
)
def test_maturity_status_follows_the_record_status_capability(db, scope):
    mat = pytest.importorskip("analytics.queries.maturity")
    before = db.count("kematangan")
    if auth.can(scope, "record_status"):
        mat.record_status(db, scope, A, **_record_status_args())
        assert db.count("kematangan") == before + 1
    else:
        with pytest.raises((ScopeError, ValueError, PermissionError)):
            mat.record_status(db, scope, A, **_record_status_args())
        assert db.count("kematangan") == before


# -- command line export ----------------------------------------------------------------------


def _cli_store(world, tmp_path) -> str:
    path = tmp_path / "cli.duckdb"
    shutil.copy(world.path, path)
    with open_store(path) as d:
        auth.create_user(d, "analis.a", "Sandi-Analis-A-1", "analis_instansi", A, by="t")
        auth.create_user(d, "tamu.x", "Sandi-Tamu-X-11", "tamu", None, by="t")
    return str(path)


@pytest.mark.parametrize("report", ["ninebox", "kompetensi", "jp", "jp-pegawai", "kematangan"])
def test_cli_export_as_analyst_of_a_refuses_b(world, tmp_path, capsys, report):
    from analytics.cli import main

    path = _cli_store(world, tmp_path)
    out = tmp_path / f"{report}.csv"
    base = ["export", report, "--db", path, "--tahun", str(YEAR), "--out", str(out)]
    for inst in (str(B), world.inst_names[B]):
        assert main([*base, "--user", "analis.a", "--instansi", inst]) == 2
        assert "refused" in capsys.readouterr().err
        assert not out.exists()
    # Without an instance filter the analyst gets A only.
    assert main([*base, "--user", "analis.a"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    leaks = [s for s in world.secrets(B) if s in text]
    assert not leaks, f"export {report} as analyst of A contains B: {leaks}"


def test_cli_export_refused_for_guest_and_unknown_user(world, tmp_path, capsys):
    from analytics.cli import main

    path = _cli_store(world, tmp_path)
    out = tmp_path / "x.csv"
    base = ["export", "ninebox", "--db", path, "--tahun", str(YEAR), "--out", str(out)]
    assert main([*base, "--user", "tamu.x"]) == 2
    assert main([*base, "--user", "nobody"]) == 2
    assert capsys.readouterr().err.count("refused") == 2
    assert not out.exists()


# -- through the interface: every page, every role, tampered URLs (AppTest, demo store) -------

PAGE_FILES = ("ninebox", "kompetensi", "jp", "kematangan", "impor", "rapat", "admin")
EXPECTED_PAGES = {
    "analis_instansi": {"ninebox", "kompetensi", "jp", "kematangan", "impor"},
    "komite": {"ninebox", "kompetensi", "jp", "kematangan", "rapat"},
    "tamu": {"ninebox", "kompetensi", "jp", "kematangan"},
    "analis_kanreg": {"ninebox", "kompetensi", "jp", "kematangan", "impor"},
    "admin": set(PAGE_FILES),
}
UI_A, UI_B = 2, 3  # Kabupaten Badung, Kabupaten Buleleng in the demo


@dataclasses.dataclass
class DemoWorld:
    path: Path
    b_names: list[str]  # names of people outside A that no one in A carries
    b_nips: list[str]
    all_names: list[str]
    all_nips: list[str]
    rapat_b: int | None
    a_names: list[str] = dataclasses.field(default_factory=list)


@pytest.fixture(scope="module")
def demo_world(demo_db_path, tmp_path_factory) -> DemoWorld:
    path = tmp_path_factory.mktemp("ui_access") / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    with open_store(path) as d:
        for user, role, inst in (
            ("analis.a", "analis_instansi", UI_A),
            ("komite.a", "komite", UI_A),
            ("tamu.x", "tamu", None),
            ("kanreg", "analis_kanreg", None),
            ("kepala", "admin", None),
        ):
            auth.create_user(d, user, None, role, inst, by="test", email=f"{user}@uji.id")
        people = d.query("SELECT nama, nip, instansi_id FROM pegawai")

        def core(
            n: str,
        ) -> str:  # the name without degrees ('Ni Made Sari, S.E.' -> 'Ni Made Sari')
            return n.split(",")[0].strip()

        a_names = {core(n) for n in people.filter(pl.col("instansi_id") == UI_A)["nama"]}
        outside = people.filter(pl.col("instansi_id") != UI_A)
        b_names = sorted({core(n) for n in outside["nama"]} - a_names)
        b_names = [n for n in b_names if len(n) >= 10]
        rapat_b = None
        try:
            from analytics import meeting
        except ImportError:
            meeting = None
        if meeting is not None:
            tahun = int(d.meta("tahun_max") or YEAR)
            rapat_b = meeting.create_meeting(
                d,
                Filter(tahun=tahun),
                auth.scope_for("admin", None, "kepala"),
                instansi_id=UI_B,
                tahun=tahun,
                judul="Rapat Komite Buleleng",
                tanggal=date(2026, 10, 1),
                peserta=["Ketua"],
            )
    full = sorted({n.split(",")[0].strip() for n in people["nama"]} - {""})
    full = [n for n in full if len(n) >= 10]
    return DemoWorld(
        path,
        b_names,
        outside["nip"].to_list(),
        full,
        people["nip"].to_list(),
        rapat_b,
        sorted(n for n in a_names if len(n) >= 10),
    )


def rendered(at) -> str:
    """All text the server sent: element protos (markdown, charts, widgets) and table cells."""
    from google.protobuf import text_format

    out: list[str] = []

    def walk(node) -> None:
        kids = getattr(node, "children", None)
        if isinstance(kids, dict):
            for k in kids.values():
                walk(k)
            return
        if getattr(node, "type", "") == "arrow_data_frame":
            out.append(node.value.to_csv())
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(text_format.MessageToString(proto, as_utf8=True))

    walk(at._tree)
    return "\n".join(out)


def ui_leaks(text: str, needles: list[str]) -> list[str]:
    return [n for n in needles if n in text][:5]


def app_as(demo_world: DemoWorld, monkeypatch, user: str, query: dict | None = None) -> AppTest:
    from datetime import datetime

    monkeypatch.setenv("TALENTA_DB", str(demo_world.path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "local")
    monkeypatch.delenv("TALENTA_MODE", raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["auth_user"] = user
    at.session_state["auth_since"] = datetime.now()
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def check_page(at, demo_world: DemoWorld, scope: Scope, where: str) -> None:
    assert not at.exception, f"{where}: {at.exception}"
    text = rendered(at)
    if scope.instansi is not None:
        leaks = ui_leaks(text, demo_world.b_names) + ui_leaks(text, demo_world.b_nips)
        assert not leaks, f"{where}: people outside the scope on screen: {leaks}"
    if scope.masked:
        leaks = ui_leaks(text, demo_world.all_names) + ui_leaks(text, demo_world.all_nips)
        assert not leaks, f"{where}: names/NIPs on a masked screen: {leaks}"


@pytest.mark.parametrize(
    "user", ["analis.a", "komite.a", "tamu.x"], ids=["analis_instansi", "komite", "tamu"]
)
def test_every_page_for_every_role(demo_world, monkeypatch, user):
    at = app_as(demo_world, monkeypatch, user)
    scope = at.session_state["scope"]
    check_page(at, demo_world, scope, f"{user} on the default page")
    reachable, a_people_shown = set(), False
    for page in PAGE_FILES:
        try:
            at.switch_page(f"pages/{page}.py").run()
        except ValueError:
            continue  # not in this role's navigation
        reachable.add(page)
        check_page(at, demo_world, scope, f"{user} on {page}")
        a_people_shown |= bool(ui_leaks(rendered(at), demo_world.a_names))
    assert reachable == EXPECTED_PAGES[scope.role]
    # The check is not vacuous: unmasked roles of A do see A's people by name somewhere.
    assert a_people_shown == (not scope.masked)


@pytest.mark.parametrize("instansi", [str(UI_B), f"{UI_A},{UI_B}"])
def test_url_naming_another_instance_is_refused(demo_world, monkeypatch, instansi):
    at = app_as(demo_world, monkeypatch, "analis.a", {"instansi": instansi})
    notices = " | ".join(w.value for w in at.sidebar.warning)
    assert TC.URL_OUTSIDE_SCOPE.format(items=str(UI_B)) in notices
    assert UI_B not in at.session_state["filter"].instansi
    scope = at.session_state["scope"]
    for page in ("ninebox", "kompetensi", "jp"):
        at.switch_page(f"pages/{page}.py").run()
        assert UI_B not in at.session_state["filter"].instansi
        check_page(at, demo_world, scope, f"URL instansi={instansi} on {page}")


def test_url_unit_of_another_instance_is_dropped(demo_world, monkeypatch):
    with open_store(demo_world.path, read_only=False) as d:
        b_units = d.query("SELECT id FROM unit WHERE instansi_id = $i", {"i": UI_B})["id"]
    ids = ",".join(map(str, b_units.to_list()[:3]))
    at = app_as(demo_world, monkeypatch, "analis.a", {"unit": ids})
    at.switch_page("pages/ninebox.py").run()
    assert at.session_state["filter"].unit == ()
    check_page(at, demo_world, at.session_state["scope"], "URL unit of B")


def test_url_meeting_of_another_instance_is_refused(demo_world, monkeypatch):
    if demo_world.rapat_b is None:
        pytest.skip("no meeting module")
    at = app_as(demo_world, monkeypatch, "komite.a", {"p_rapat": str(demo_world.rapat_b)})
    at.switch_page("pages/rapat.py").run()
    check_page(at, demo_world, at.session_state["scope"], "URL p_rapat of B")
    assert "Rapat Komite Buleleng" not in rendered(at)


def test_tampered_session_filter_is_refused(demo_world, monkeypatch):
    """A filter naming B that reaches a page by any route is refused, not widened."""
    at = app_as(demo_world, monkeypatch, "analis.a")
    at.switch_page("pages/ninebox.py").run()
    at.session_state["flt_instansi"] = ["Kabupaten Buleleng"]  # not an option for A
    at.run()
    assert UI_B not in at.session_state["filter"].instansi
    check_page(at, demo_world, at.session_state["scope"], "session filter naming B")


ALL_PAGE_FILES = sorted(p.stem for p in (Path(APP).parent / "pages").glob("*.py"))


@pytest.mark.parametrize("page", ALL_PAGE_FILES)
def test_page_reached_without_app_signs_in_first(demo_world, monkeypatch, page):
    """Until st.navigation has run once in a process, Streamlit serves files in pages/
    directly (a first request to /admin runs pages/admin.py without app.py): such a run
    must meet the sign-in gate, never a default scope."""
    monkeypatch.setenv("TALENTA_DB", str(demo_world.path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "local")
    monkeypatch.delenv("TALENTA_MODE", raising=False)
    at = AppTest.from_file(str(Path(APP).parent / "pages" / f"{page}.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert "scope" not in at.session_state
    text = rendered(at)
    assert "Masuk" in [t.value for t in at.title]
    assert len(at.dataframe) == 0
    leaks = ui_leaks(text, demo_world.all_names) + ui_leaks(text, demo_world.all_nips)
    assert not leaks, f"pages/{page}.py without sign-in shows people: {leaks}"
