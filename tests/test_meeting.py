"""Komite Talenta meetings (analytics.meeting) on a hand-made store with known boxes.

Instance 1 holds seven people (tests.factories.MEETING_PEOPLE): boxes in 2025 are
p9 -> 9, p8 -> 8, p7a -> 7 (III/a), p7b -> 7 (III/d), p5 -> 5, p1 -> 1, px unmapped (no
potential). The default agenda (boxes 9 -> 1, higher golongan first inside a box) is therefore
p9, p8, p7b, p7a, p5, p1.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from analytics import meeting as M
from analytics.filters import Filter, Scope, ScopeError
from analytics.io.importer import run_import
from analytics.privacy import mask_name
from analytics.queries import ninebox as NB
from analytics.reference import open_store
from analytics.rules import ninebox as R
from tests.factories import add_meeting_people, add_pegawai, make_store
from tests.import_data import csv_bytes

FLT = Filter(tahun=2025)
KOMITE = Scope(user="komite.bali", role="komite", instansi=frozenset({1}))
ORDER = ["p9", "p8", "p7b", "p7a", "p5", "p1"]


@pytest.fixture
def env(tmp_path):
    path = tmp_path / "m.duckdb"
    db = make_store(path)
    people = add_meeting_people(db)
    yield db, people, path
    db.close()


def _create(db, **kw):
    args = dict(
        instansi_id=1,
        tahun=2025,
        judul="Rapat Komite Talenta Provinsi Bali 2025",
        tanggal=date(2026, 11, 2),
        peserta="Ketua Komite, Sekda\n  Sekretaris, Kepala BKPSDM \n\nKetua Komite, Sekda",
    )
    args.update(kw)
    return M.create_meeting(db, FLT, KOMITE, **args)


def test_snapshot_boxes_agenda_and_identity(env):
    db, people, _ = env
    v0 = db.data_version
    rid = _create(db)
    info = M.meeting_info(db, FLT, KOMITE, rid)
    assert (info.instansi, info.tahun, info.jumlah_pegawai, info.jumlah_agenda) == (
        "Provinsi Bali",
        2025,
        7,
        6,
    )
    # attendees: trimmed, blank lines and duplicates dropped, order kept
    assert info.peserta == ("Ketua Komite, Sekda", "Sekretaris, Kepala BKPSDM")
    assert (info.data_version, db.data_version) == (v0, v0 + 1)  # read, then bumped
    assert info.snapshot_id == f"SNAP-{rid:04d}-{info.dibuat_pada:%Y%m%d%H%M%S}"
    assert info.agenda_kotak == M.AGENDA_BOXES and info.agenda_jenis == "kotak"
    s = M.box_summary(db, FLT, KOMITE, rid)
    assert dict(s.kotak.select("kotak", "jumlah").iter_rows()) == {
        1: 1, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 2, 8: 1, 9: 1,
    }  # fmt: skip
    assert (s.total, s.dipetakan, s.suksesi, s.belum_total) == (7, 6, 4, 1)
    assert dict(s.belum.iter_rows())["tanpa_potensial"] == 1
    full = M.agenda(db, FLT, KOMITE, rid, masked=False)
    assert full["nip"].to_list() == [people[k][0] for k in ORDER]
    assert full["urutan"].to_list() == [1, 2, 3, 4, 5, 6]
    assert full["kotak"].to_list() == [9, 8, 7, 7, 5, 1]
    masked = M.agenda(db, FLT, KOMITE, rid)
    assert masked["nama"].to_list() == [mask_name(people[k][1]) for k in ORDER]
    assert masked["nama"][0] == "N.M.A.L."
    assert all(c.startswith("K-") and len(c) == 7 for c in masked["nip"].to_list())
    assert not set(masked["nip"].to_list()) & {people[k][0] for k in people}


def test_card_from_snapshot(env):
    db, people, _ = env
    rid = _create(db)
    c = M.card(db, FLT, KOMITE, rid, 1)
    assert c.identitas["nama"] == "N.M.A.L." and c.identitas["nip"].startswith("K-")
    assert "tanggal_lahir" not in c.identitas
    assert (c.identitas["golongan"], c.identitas["unit"]) == ("III/b", "Badan Kepegawaian Daerah")
    assert c.kotak == 9 and c.rekomendasi == R.RECOMMENDATION[9]
    assert c.riwayat.select("tahun", "predikat", "potensial", "kotak").rows() == [
        (2024, "Sangat Baik", "Tinggi", 9),
        (2025, "Sangat Baik", "Tinggi", 9),
    ]
    assert c.potensial.rows() == [(2024, "Tinggi", None), (2025, "Tinggi", None)]
    # Integritas level 1 against the default standard of a pelaksana (1): gap 0
    assert c.kompetensi.select("kompetensi", "level", "standar", "gap").rows() == [
        ("Integritas", 1, 1, 0)
    ]
    assert c.jp == {"jp": 24.0, "jp_klasikal": 24.0, "jp_nonklasikal": 0.0, "kegiatan": 1}
    named = M.card(db, FLT, KOMITE, rid, 1, masked=False)
    assert named.identitas["nama"] == people["p9"][1]
    assert named.identitas["nip"] == people["p9"][0]
    assert named.identitas["tanggal_lahir"] == date(1980, 3, 10)
    assert M.card(db, FLT, KOMITE, rid, 99) is None
    # a scope masked by role stays masked even when the caller asks for names
    assert (
        M.card(db, FLT, replace(KOMITE, masked=True), rid, 1, masked=False).identitas["nama"]
        == "N.M.A.L."
    )


def test_suggestions_hand_computed(env):
    db, _, _ = env
    rid = _create(db)
    got = {}
    for no in (1, 2, 5, 6):
        c = M.card(db, FLT, KOMITE, rid, no)
        got[no] = M.suggestion(c.kotak, c.riwayat, 2025)
    assert got[1] == (R.READY_NOW, M.SARAN_KOTAK[9])  # box 9: ready at once
    assert got[2] == (R.NEED_DEVELOPMENT, M.SARAN_KOTAK[8])  # one year in the pool
    assert got[5] == (R.NEED_DEVELOPMENT, ("penempatan", "bimbingan", "pengembangan"))
    assert got[6] == (R.NEED_DEVELOPMENT, ("jabatan_setara",))
    c = M.card(db, FLT, KOMITE, rid, 1)
    assert M.years_in_pool(c.riwayat, 2025) == 2
    assert M.suggestion(None, c.riwayat, 2025) == (R.NEED_DEVELOPMENT, ())


def test_agenda_by_chosen_boxes_and_by_nip_list(env):
    db, people, _ = env
    rid = _create(db, agenda_kotak=(7, 9))
    ag = M.agenda(db, FLT, KOMITE, rid, masked=False)
    assert ag["nip"].to_list() == [people[k][0] for k in ("p7b", "p7a", "p9")]
    nips = [people["p5"][0], people["px"][0], people["p9"][0]]
    rid2 = _create(db, agenda_nip="\n".join(nips) + "\n" + nips[0])
    ag2 = M.agenda(db, FLT, KOMITE, rid2, masked=False)
    assert ag2["nip"].to_list() == nips  # unmapped people may be discussed too
    assert ag2["kotak"].to_list() == [5, None, 9]
    assert M.meeting_info(db, FLT, KOMITE, rid2).agenda_jenis == "daftar"


def test_bad_input_creates_nothing(env):
    db, people, _ = env
    v0 = db.data_version
    with pytest.raises(M.MeetingError) as e:
        _create(db, agenda_nip=f"{people['p9'][0]}\n199001012020121001\n{people['lain'][0]}")
    assert e.value.code == "nip_tidak_dikenal"
    assert e.value.items == ["199001012020121001", people["lain"][0]]
    for kw, code in (
        ({"judul": " x "}, "judul"),
        ({"peserta": "\n  \n"}, "peserta"),
        ({"agenda_kotak": ()}, "agenda_kosong"),
        ({"agenda_kotak": (9, 10)}, "kotak"),
        ({"agenda_kotak": (2, 3)}, "agenda_kosong"),  # nobody in boxes 2 and 3
    ):
        with pytest.raises(M.MeetingError) as e:
            _create(db, **kw)
        assert e.value.code == code
    assert db.count("rapat") == 0 and db.count("rapat_snapshot") == 0
    assert db.count("rapat_peserta") == 0
    assert db.data_version == v0


def test_scope_and_roles(env):
    db, _, _ = env
    rid = _create(db)
    other = Scope(user="komite.badung", role="komite", instansi=frozenset({2}))
    with pytest.raises(ScopeError):
        M.meeting_info(db, FLT, other, rid)
    with pytest.raises(ScopeError):
        M.create_meeting(
            db, FLT, KOMITE, instansi_id=2, tahun=2025, judul="Rapat", tanggal=date.today(),
            peserta="A",
        )  # fmt: skip
    analis = Scope(user="analis", role="analis_instansi", instansi=frozenset({1}))
    with pytest.raises(ScopeError):
        M.agenda(db, FLT, analis, rid)
    tamu = Scope(user="tamu", role="tamu", masked=True, aggregates_only=True)
    with pytest.raises(ScopeError):
        M.box_summary(db, FLT, tamu, rid)
    assert M.meetings(db, FLT, other).is_empty()
    assert M.meetings(db, FLT, KOMITE)["id"].to_list() == [rid]
    admin = Scope()
    assert M.meetings(db, FLT, admin)["instansi"].to_list() == ["Provinsi Bali"]
    with pytest.raises(ScopeError):
        M.reveal(db, FLT, replace(KOMITE, masked=True), rid, 1)


def test_decisions_versions_calibration_and_audit(env):
    db, people, _ = env
    rid = _create(db)
    nip8 = people["p8"][0]
    v1 = M.decide(db, FLT, KOMITE, rid, 2, kesiapan=R.NEED_DEVELOPMENT,
                  rekomendasi=["pengembangan", "retensi"], catatan="Perlu diklat PKA")  # fmt: skip
    assert v1 == 1
    with pytest.raises(M.MeetingError) as e:
        M.decide(db, FLT, KOMITE, rid, 2, kesiapan=R.NEED_DEVELOPMENT,
                 rekomendasi=["retensi", "pengembangan"], catatan=" Perlu diklat PKA ")  # fmt: skip
    assert e.value.code == "sama_dengan_sebelumnya"
    v2 = M.decide(db, FLT, KOMITE, rid, 2, kesiapan=R.READY_NOW, rekomendasi=["promosi"],
                  catatan="Dinaikkan setelah diskusi", kotak_kalibrasi=9)  # fmt: skip
    assert v2 == 2
    # the calibration went through the nine-box calibration: kalibrasi row + live box
    kal = db.query("SELECT id, nip, tahun, kotak_asal, kotak_baru, oleh, aktif FROM kalibrasi")
    assert kal.select("nip", "tahun", "kotak_asal", "kotak_baru", "oleh", "aktif").rows() == [
        (nip8, 2025, 8, 9, "komite.bali", True)
    ]
    alasan = db.scalar("SELECT alasan FROM kalibrasi")
    assert alasan.startswith(f"Keputusan Rapat Komite Talenta #{rid}")
    live = NB.box_counts(db, Filter(tahun=2025, instansi=(1,)), Scope())
    assert dict(live.kotak.select("kotak", "jumlah").iter_rows())[9] == 2
    dec = M.decisions(db, FLT, KOMITE, rid, masked=False)
    assert dec.select("urutan", "nip", "versi", "kesiapan", "kotak_kalibrasi").rows() == [
        (2, nip8, 2, R.READY_NOW, 9)
    ]
    assert dec["oleh"].to_list() == ["komite.bali"]
    assert dec["rekomendasi_teks"].to_list() == ["Promosi"]
    assert dec["pada"][0] is not None
    hist = M.decision_history(db, FLT, KOMITE, rid, 2, masked=False)
    assert hist.select("versi", "kesiapan", "catatan", "aktif").rows() == [
        (2, R.READY_NOW, "Dinaikkan setelah diskusi", True),
        (1, R.NEED_DEVELOPMENT, "Perlu diklat PKA", False),
    ]
    assert hist["rekomendasi"].to_list()[1] == ["retensi", "pengembangan"]  # REKOMENDASI order
    # after-decision grid: p8 moved 8 -> 9
    after = M.box_summary(db, FLT, KOMITE, rid, after_decisions=True)
    assert dict(after.kotak.select("kotak", "jumlah").iter_rows())[9] == 2
    assert dict(after.kotak.select("kotak", "jumlah").iter_rows())[8] == 0
    # removing the calibrated box cancels the meeting's calibration (kept, inactive)
    M.decide(db, FLT, KOMITE, rid, 2, kesiapan=R.READY_NOW, rekomendasi=["promosi"],
             catatan="Dinaikkan setelah diskusi")  # fmt: skip
    assert db.query("SELECT aktif FROM kalibrasi").rows() == [(False,)]
    counts = M.decision_counts(db, FLT, KOMITE, rid)
    assert counts == {
        "agenda": 6,
        "diputuskan": 1,
        "kesiapan": {R.READY_NOW: 1, R.NEED_DEVELOPMENT: 0},
        "rekomendasi": {"promosi": 1},
        "kalibrasi": 0,
    }
    aksi = db.query(
        "SELECT aksi, count(*) AS n FROM audit WHERE aksi IN ('buat_rapat', 'keputusan_rapat', "
        "'kalibrasi_9kotak', 'batal_kalibrasi_9kotak') GROUP BY ALL ORDER BY aksi"
    ).rows()
    assert aksi == [
        ("batal_kalibrasi_9kotak", 1),
        ("buat_rapat", 1),
        ("kalibrasi_9kotak", 1),
        ("keputusan_rapat", 3),
    ]


def test_decision_refusals(env):
    db, _, _ = env
    rid = _create(db)
    cases = (
        ({"kesiapan": "Siap", "rekomendasi": ["promosi"]}, "kesiapan"),
        ({"kesiapan": R.READY_NOW, "rekomendasi": []}, "rekomendasi"),
        ({"kesiapan": R.READY_NOW, "rekomendasi": ["promosi", "naik_gaji"]}, "rekomendasi"),
        ({"kesiapan": R.READY_NOW, "rekomendasi": ["promosi"], "kotak_kalibrasi": 0}, "kotak"),
        ({"kesiapan": R.READY_NOW, "rekomendasi": ["promosi"], "catatan": "x" * 2001}, "catatan"),
    )
    for kw, code in cases:
        with pytest.raises(M.MeetingError) as e:
            M.decide(db, FLT, KOMITE, rid, 1, **kw)
        assert e.value.code == code
    with pytest.raises(M.MeetingError) as e:
        M.decide(db, FLT, KOMITE, rid, 42, kesiapan=R.READY_NOW, rekomendasi=["promosi"])
    assert e.value.code == "tidak_ditemukan"
    analis = Scope(user="analis", role="analis_instansi", instansi=frozenset({1}))
    with pytest.raises(ScopeError):
        M.decide(db, FLT, analis, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi"])
    assert db.count("rapat_keputusan") == 0
    M.close_meeting(db, FLT, KOMITE, rid)
    assert M.meeting_info(db, FLT, KOMITE, rid).ditutup
    with pytest.raises(M.MeetingError) as e:
        M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi"])
    assert e.value.code == "ditutup"


def test_masked_notes_are_redacted_and_kept(env):
    db, people, _ = env
    rid = _create(db)
    nip, nama = people["p9"]
    note = f"Ibu Ni Made Ayu Lestari (NIP {nip}) siap; Lestari memimpin tim."
    M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi"], catatan=note)
    shown = M.decisions(db, FLT, KOMITE, rid)["catatan"][0]
    assert shown == "Ibu N.M.A.L. (NIP [NIP]) siap; *** memimpin tim."
    assert M.decisions(db, FLT, KOMITE, rid)["oleh"].to_list() == [None]
    assert M.decisions(db, FLT, KOMITE, rid, masked=False)["catatan"][0] == note
    # editing on a masked screen: the unchanged (redacted) note keeps the stored text
    M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi", "suksesi"],
             catatan=shown)  # fmt: skip
    assert M.decisions(db, FLT, KOMITE, rid, masked=False)["catatan"][0] == note
    assert M.redact("Nomor 1980 0310 2010 03 2 001", "A B", "x") == "Nomor [NIP]"


def test_reveal_is_audited(env):
    db, people, _ = env
    rid = _create(db)
    c = M.reveal(db, FLT, KOMITE, rid, 3)
    assert c.identitas["nama"] == people["p7b"][1]
    row = db.query(
        "SELECT oleh, objek, rincian FROM audit WHERE aksi = 'buka_identitas_rapat'"
    ).rows()
    assert len(row) == 1 and row[0][0] == "komite.bali" and row[0][1] == f"rapat:{rid}"
    assert people["p7b"][0] in row[0][2]


def test_snapshot_does_not_move_on_import(env):
    db, people, _ = env
    rid = _create(db)
    before = M.box_summary(db, FLT, KOMITE, rid)
    nip8 = people["p8"][0]
    # an import lands during the meeting: p8's SKP 2025 becomes Butuh Perbaikan (box 6) and a
    # new person joins instance 1
    res = run_import(
        db,
        [("kinerja.csv", csv_bytes([{"nip": nip8, "tahun": 2025, "predikat": "Butuh Perbaikan"}]))],
        "analis",
    )
    assert res.ok, res.errors
    add_pegawai(db, instansi_id=1, unit_id=1, nama="Pegawai Baru Sekali")
    live = NB.box_counts(db, Filter(tahun=2025, instansi=(1,)), Scope())
    live_boxes = dict(live.kotak.select("kotak", "jumlah").iter_rows())
    assert (live_boxes[8], live_boxes[6], live.total) == (0, 1, 8)  # the live data moved
    after = M.box_summary(db, FLT, KOMITE, rid)
    assert after.kotak.equals(before.kotak) and after.total == 7  # the meeting did not
    c = M.card(db, FLT, KOMITE, rid, 2, masked=False)
    assert (c.identitas["nip"], c.kotak) == (nip8, 8)
    assert c.riwayat.filter(c.riwayat["tahun"] == 2025)["predikat"].to_list() == ["Baik"]
    assert M.agenda(db, FLT, KOMITE, rid)["kotak"].to_list() == [9, 8, 7, 7, 5, 1]
    # a meeting created now sees the new state
    rid2 = _create(db)
    assert (
        dict(M.box_summary(db, FLT, KOMITE, rid2).kotak.select("kotak", "jumlah").iter_rows())[6]
        == 1
    )


def test_decisions_persist_across_reopen(env):
    db, people, path = env
    rid = _create(db)
    snap = M.meeting_info(db, FLT, KOMITE, rid).snapshot_id
    M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi"])
    M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi", "suksesi"],
             catatan="Kandidat utama")  # fmt: skip
    M.decide(db, FLT, KOMITE, rid, 5, kesiapan=R.NEED_DEVELOPMENT, rekomendasi=["bimbingan"])
    db.close()
    db2 = open_store(path)
    try:
        assert M.meeting_info(db2, FLT, KOMITE, rid).snapshot_id == snap
        dec = M.decisions(db2, FLT, KOMITE, rid, masked=False)
        assert dec.select("urutan", "nip", "versi", "kesiapan", "catatan").rows() == [
            (1, people["p9"][0], 2, R.READY_NOW, "Kandidat utama"),
            (5, people["p5"][0], 1, R.NEED_DEVELOPMENT, None),
        ]
        assert M.decision_history(db2, FLT, KOMITE, rid, 1)["versi"].to_list() == [2, 1]
    finally:
        db2.close()
