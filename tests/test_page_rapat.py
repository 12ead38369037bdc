"""The meeting page (AppTest) on a hand-made store: setup, grid, agenda stepping, decisions,
reveal, and no name or NIP anywhere on the masked page (every element's proto, markdown,
dataframes and plotly JSON are searched for every name and NIP of the store)."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from analytics import meeting as M
from analytics.filters import Filter, Scope
from analytics.privacy import mask_name
from analytics.reference import open_store
from tests.factories import APP, add_meeting_people, make_store

ORDER = ["p9", "p8", "p7b", "p7a", "p5", "p1"]
PESERTA = "Drs. Ketut Sudarsana, Ketua\nIr. Anak Agung Ngurah, Anggota"


@pytest.fixture
def env(tmp_path, monkeypatch):
    path = tmp_path / "rapat.duckdb"
    db = make_store(path)
    people = add_meeting_people(db)
    db.close()
    monkeypatch.setenv("TALENTA_DB", str(path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "off")
    monkeypatch.setenv("TALENTA_MODE", "demo")
    return path, people


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("pages/rapat.py").run()
    assert not at.exception, at.exception
    return at


def _create(at: AppTest, **fields) -> AppTest:
    at.selectbox(key="rapat_f_instansi").set_value(1)
    at.selectbox(key="rapat_f_tahun").set_value(2025)
    if "agenda" in fields:
        at.radio(key="rapat_f_agenda").set_value(fields["agenda"])
    at.run()
    at.text_area(key="rapat_f_peserta").input(fields.get("peserta", PESERTA))
    if "nip" in fields:
        at.text_area(key="rapat_f_nip").input(fields["nip"])
    next(b for b in at.button if b.label == "Buat rapat dan ambil snapshot").click().run()
    assert not at.exception, at.exception
    return at


def _view(at: AppTest, name: str) -> AppTest:
    at.session_state["rapat_view"] = name
    at.run()
    assert not at.exception, at.exception
    return at


def _page_text(at: AppTest) -> str:
    """Every element of the page as protobuf text (markdown, captions, labels, options,
    plotly JSON, dataframe bytes, button labels), plus dataframe cells."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(text_format.MessageToString(proto, as_utf8=True))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    for df in at.dataframe:
        out.append(df.value.to_csv())
    for el in at.get("plotly_chart"):
        out.append(json.dumps(json.loads(el.proto.spec), ensure_ascii=False))
    return "\n".join(out)


def _assert_no_identity(at: AppTest, people) -> None:
    text = _page_text(at)
    for nip, nama in people.values():
        core = nama.split(",")[0].strip()
        for ident in (nip, nama, core, core.split()[-1]):
            assert ident not in text, ident


def test_setup_creates_meeting_and_grid_shows_snapshot(env):
    path, people = env
    at = _create(_page())
    assert at.query_params["p_rapat"] in ("1", ["1"])
    assert any("Rapat #1 dibuat; snapshot SNAP-0001-" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Dalam agenda": "6",
        "Sudah diputuskan": "0",
        "Kelompok suksesi (7–9)": "4",
        "Kalibrasi rapat": "0",
    }
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    counts = [a["text"] for a in spec["layout"]["annotations"] if a["text"].startswith("<b>")]
    # boxes 1..9 in order: 1, 0, 0, 0, 1, 0, 2, 1, 1 of 7 people
    assert [c for c in counts if "<br>" in c] == [
        "<b>1</b><br>14,3%", "<b>0</b><br>0,0%", "<b>0</b><br>0,0%", "<b>0</b><br>0,0%",
        "<b>1</b><br>14,3%", "<b>0</b><br>0,0%", "<b>2</b><br>28,6%", "<b>1</b><br>14,3%",
        "<b>1</b><br>14,3%",
    ]  # fmt: skip
    db = open_store(path)
    try:
        info = M.meeting_info(db, Filter(), Scope(), 1)
        assert info.peserta == tuple(PESERTA.splitlines())
        assert info.jumlah_agenda == 6 and info.jumlah_pegawai == 7
    finally:
        db.close()
    _assert_no_identity(at, people)


def test_bad_nip_list_refused_entries_kept(env):
    path, people = env
    bad = f"{people['p9'][0]}\n199901012024011001"
    at = _create(_page(), agenda="daftar", nip=bad)
    assert [e.value for e in at.error] == [
        "1 NIP dalam daftar tidak ditemukan pada instansi ini (baris 2). Periksa daftar; "
        "rapat belum dibuat."
    ]
    assert at.text_area(key="rapat_f_nip").value == bad
    assert at.text_area(key="rapat_f_peserta").value == PESERTA
    assert "p_rapat" not in at.query_params
    db = open_store(path)
    try:
        assert db.count("rapat") == 0
    finally:
        db.close()


def test_agenda_steps_decides_and_never_leaks(env):
    path, people = env
    at = _view(_create(_page()), "Agenda per pegawai")
    for i, key in enumerate(ORDER, start=1):
        assert at.selectbox(key="rapat_jump").value == i
        assert at.query_params["p_no"] in (str(i), [str(i)])
        assert at.subheader[0].value == mask_name(people[key][1])
        _assert_no_identity(at, people)
        at.button(key="rapat_next").click().run()
    assert at.selectbox(key="rapat_jump").value == 6  # stays on the last item
    at.button(key="rapat_prev").click().run()
    assert at.selectbox(key="rapat_jump").value == 5
    at.selectbox(key="rapat_jump").set_value(2).run()
    # the form is prefilled with the rule's suggestion for box 8 (one year in the pool)
    assert at.radio[0].value == "Need Development"
    assert at.multiselect[0].value == list(M.SARAN_KOTAK[8])
    nip8, nama8 = people["p8"]
    at.multiselect[0].set_value(["promosi", "suksesi"])
    at.radio[0].set_value("Ready Now")
    at.text_area[0].input(f"{nama8} ({nip8}) siap promosi")
    at.selectbox[1].set_value(9)
    next(b for b in at.button if b.label == "Simpan keputusan").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Keputusan tersimpan (versi 1)."
    # the note as shown on the masked screen is redacted
    assert at.text_area[0].value == f"{mask_name(nama8)} ([NIP]) siap promosi"
    _assert_no_identity(at, people)
    db = open_store(path)
    try:
        dec = M.decisions(db, Filter(), Scope(), 1, masked=False)
        assert dec.select("urutan", "nip", "kesiapan", "kotak_kalibrasi", "catatan").rows() == [
            (2, nip8, "Ready Now", 9, f"{nama8} ({nip8}) siap promosi")
        ]
        assert db.scalar("SELECT count(*) FROM kalibrasi WHERE nip = $n AND aktif", {"n": nip8})
    finally:
        db.close()
    # summary and files views stay masked too
    at = _view(at, "Ringkasan keputusan")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sudah diputuskan"] == "1 / 6" and metrics["Ready Now"] == "1"
    frame = at.dataframe[0].value
    assert frame["Inisial"].tolist() == [mask_name(nama8)]
    assert frame["Kalibrasi"].tolist() == [9]
    _assert_no_identity(at, people)
    at = _view(at, "Berita acara & unduhan")
    _assert_no_identity(at, people)
    at = _view(at, "Peta 9 kotak")
    _assert_no_identity(at, people)


def test_reveal_one_person_is_audited_and_remasks_on_next(env):
    path, people = env
    at = _view(_create(_page()), "Agenda per pegawai")
    at.selectbox(key="rapat_jump").set_value(3).run()
    at.button(key="rapat_reveal_1_3").click().run()
    assert not at.exception, at.exception
    assert at.subheader[0].value == people["p7b"][1]
    assert any(people["p7b"][0] in m.value for m in at.markdown)
    db = open_store(path)
    try:
        rows = db.query(
            "SELECT objek, rincian FROM audit WHERE aksi = 'buka_identitas_rapat'"
        ).rows()
    finally:
        db.close()
    assert len(rows) == 1 and rows[0][0] == "rapat:1" and people["p7b"][0] in rows[0][1]
    at.button(key="rapat_next").click().run()
    assert at.subheader[0].value == mask_name(people["p7a"][1])
    _assert_no_identity(at, people)


def _demo_copy(app_env, tmp_path, monkeypatch):
    """A private copy of the session demo store (the meeting writes must not leak into it)."""
    dst = tmp_path / "demo_copy.duckdb"
    shutil.copy(app_env, dst)
    wal = app_env.with_name(app_env.name + ".wal")
    if wal.exists():
        shutil.copy(wal, dst.with_name(dst.name + ".wal"))
    monkeypatch.setenv("TALENTA_DB", str(dst))
    return dst


def test_demo_instance_masked_on_every_view(app_env, tmp_path, monkeypatch):
    path = _demo_copy(app_env, tmp_path, monkeypatch)
    db = open_store(path)
    try:
        iid = int(
            db.scalar("SELECT instansi_id FROM pegawai GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        )
        komite = Scope(user="komite.demo", role="komite", instansi=frozenset({iid}))
        rid = M.create_meeting(
            db, Filter(), komite, instansi_id=iid, tahun=2025, judul="Rapat demo",
            tanggal=date(2026, 11, 2), peserta="Ketua\nSekretaris",
        )  # fmt: skip
        for no in (1, 2, 3):
            M.decide(db, Filter(), komite, rid, no, kesiapan="Ready Now", rekomendasi=["retensi"],
                     catatan="Dibahas")  # fmt: skip
        people = {
            nip: nama
            for nip, nama in db.query(
                "SELECT nip, nama FROM pegawai WHERE instansi_id = $i", {"i": iid}
            ).iter_rows()
        }
        first = M.agenda(db, Filter(), komite, rid, masked=False)["nama"].head(4).to_list()
    finally:
        db.close()
    idents = [x for nip, nama in people.items() for x in (nip, nama, nama.split(",")[0].strip())]

    def check(at):
        text = _page_text(at)
        leaked = [x for x in idents if x in text]
        assert not leaked, leaked[:3]

    at = _page()
    at.button(key="rapat_open").click().run()
    assert not at.exception, at.exception
    check(at)
    at = _view(at, "Agenda per pegawai")
    for name in first:
        assert at.subheader[0].value == mask_name(name)
        check(at)
        at.button(key="rapat_next").click().run()
    for view in ("Ringkasan keputusan", "Berita acara & unduhan"):
        check(_view(at, view))
