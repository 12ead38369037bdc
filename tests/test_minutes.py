"""Minutes (PDF) and slides (PPTX) of a meeting: they open, hold the decisions, and the masked
files carry no name or NIP of anyone in the instance.

PDF text is read back without extra packages: streams are inflated, the ToUnicode CMaps of the
fonts decoded, and the glyph strings of every Tj/TJ mapped back to text (a positive control on
the named file shows the reader finds names when they are there).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import date

import pytest
from pptx import Presentation

from analytics import meeting as M
from analytics import minutes as MN
from analytics.filters import Filter, Scope
from analytics.privacy import mask_name
from analytics.reference import open_store
from analytics.rules import ninebox as R
from tests.factories import add_meeting_people, make_store

FLT = Filter(tahun=2025)
KOMITE = Scope(user="komite.bali", role="komite", instansi=frozenset({1}))
COLORS = {"Unggul / terbaik": "#0B4F8A", "Potensial": "#56B4E9"}
NOTE9 = "Ibu Ni Made Ayu Lestari layak promosi; NIP {nip} dicatat."


# -- a small PDF text reader ----------------------------------------------------------------------
_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i : i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        if nxt in _ESC:
            out += _ESC[nxt]
            i += 2
        elif nxt.isdigit():
            m = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif nxt in (b"\n", b"\r"):
            i += 2
        else:
            out += nxt
            i += 2
    return bytes(out)


def _strings(content: bytes) -> list[tuple[str | None, bytes]]:
    """(font resource, literal string bytes) for every string shown in a content stream."""
    out, font, i = [], None, 0
    tok = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|\(")
    while True:
        m = tok.search(content, i)
        if not m:
            return out
        if m.group(0) != b"(":
            font = m.group(1).decode()
            i = m.end()
            continue
        depth, j, buf = 1, m.end(), bytearray()
        while depth:
            ch = content[j : j + 1]
            if ch == b"\\":
                buf += content[j : j + 2]
                j += 2
                continue
            depth += {b"(": 1, b")": -1}.get(ch, 0)
            if depth:
                buf += ch
            j += 1
        out.append((font, _unescape(bytes(buf))))
        i = j


def pdf_text(data: bytes) -> str:
    objs: dict[int, tuple[bytes, bytes | None]] = {}
    for m in _OBJ.finditer(data):
        body = m.group(2)
        stream = None
        if b"stream" in body:
            head, rest = body.split(b"stream", 1)
            rest = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
            length = re.search(rb"/Length (\d+)(?! \d+ R)", head)
            stream = rest[: int(length.group(1))] if length else rest[: rest.rfind(b"endstream")]
            if b"/FlateDecode" in head:
                stream = zlib.decompressobj().decompress(stream)
            body = head
        objs[int(m.group(1))] = (body, stream)
    cmaps: dict[int, dict[int, str]] = {}
    for num, (body, _) in objs.items():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if ref:
            cm = objs[int(ref.group(1))][1] or b""
            table: dict[int, str] = {}
            for a, b in re.findall(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", cm):
                table[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be")
            cmaps[num] = table
    fonts: dict[str, int] = {}
    for body, _ in objs.values():
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            fonts[name.decode()] = int(ref)
    lines = []
    for _body, stream in objs.values():
        if stream is None or b"Tj" not in stream and b"TJ" not in stream:
            continue
        for font, raw in _strings(stream):
            table = cmaps.get(fonts.get(font or "", -1))
            if table:
                codes = [int.from_bytes(raw[k : k + 2], "big") for k in range(0, len(raw) - 1, 2)]
                lines.append("".join(table.get(c, "?") for c in codes))
            else:
                lines.append(raw.decode("latin-1"))
    return "\n".join(lines)


def pptx_texts(data: bytes) -> tuple[str, str]:
    """(text of all shapes and table cells, every XML part of the package)."""
    prs = Presentation(io.BytesIO(data))
    parts = []
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    parts.extend(c.text for c in row.cells)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "\n".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )
    return "\n".join(parts), xml


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture
def meeting(tmp_path):
    db = make_store(tmp_path / "x.duckdb")
    people = add_meeting_people(db)
    rid = M.create_meeting(
        db,
        FLT,
        KOMITE,
        instansi_id=1,
        tahun=2025,
        judul="Rapat Komite Talenta Bali 2025",
        tanggal=date(2026, 11, 2),
        peserta="Drs. Ketut Sudarsana, Ketua\nIr. Anak Agung Ngurah, Anggota",
        tempat="Ruang Rapat BKPSDM",
    )
    nip9 = people["p9"][0]
    M.decide(db, FLT, KOMITE, rid, 1, kesiapan=R.READY_NOW, rekomendasi=["promosi", "suksesi"],
             catatan=NOTE9.format(nip=nip9))  # fmt: skip
    M.decide(db, FLT, KOMITE, rid, 2, kesiapan=R.NEED_DEVELOPMENT,
             rekomendasi=["pengembangan"], catatan="Ikut diklat PKA", kotak_kalibrasi=7)  # fmt: skip
    M.decide(db, FLT, KOMITE, rid, 6, kesiapan=R.NEED_DEVELOPMENT, rekomendasi=["jabatan_setara"])
    yield db, people, rid
    db.close()


def _identities(people) -> list[str]:
    """Every full name, name without titles, distinctive surname and NIP in the store."""
    out = []
    for nip, nama in people.values():
        core = nama.split(",")[0].strip()
        out += [nip, nama, core, core.split()[-1]]
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- PDF --------------------------------------------------------------------------------------------


def test_pdf_opens_and_holds_the_decisions(meeting):
    db, people, rid = meeting
    data = MN.minutes_pdf(db, FLT, KOMITE, rid, True, compress=False)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = pdf_text(data)
    info = M.meeting_info(db, FLT, KOMITE, rid)
    for expected in (
        "BERITA ACARA RAPAT KOMITE TALENTA",
        "Provinsi Bali · Tahun penilaian 2025",
        "Rapat Komite Talenta Bali 2025",
        "2 November 2026",
        "Ruang Rapat BKPSDM",
        info.snapshot_id,
        f"versi data {info.data_version}",
        "Drs. Ketut Sudarsana, Ketua",
        "Ir. Anak Agung Ngurah, Anggota",
        "siap ditandatangani",
        "Tanda tangan",
        "Ready Now",
        "Need Development",
        "Ikut diklat PKA",
        "Diputuskan 3 dari 6 pegawai dalam agenda. Ready Now: 1; Need Development: 2. "
        "Kalibrasi kotak: 1.",
        mask_name(people["p9"][1]),
        "8 → 7",  # p8 calibrated by the meeting
        "Belum ditutup",
    ):
        assert expected in text or _squash(expected) in _squash(text), expected
    flat = _squash(text)
    assert _squash("Promosi; Masuk kelompok rencana suksesi") in flat
    assert _squash("Jabatan sejenis dan setara") in flat
    # the redacted note, not the typed one
    assert _squash("Ibu N.M.A.L. layak promosi; NIP [NIP] dicatat.") in flat
    # the default (compressed) file is a PDF as well and reads the same
    packed = MN.minutes_pdf(db, FLT, KOMITE, rid, True)
    assert packed.startswith(b"%PDF-") and len(packed) < len(data)
    assert _squash(pdf_text(packed)) == flat


def test_masked_pdf_leaks_no_name_or_nip(meeting):
    db, people, rid = meeting
    data = MN.minutes_pdf(db, FLT, KOMITE, rid, True, compress=False)
    text, flat = pdf_text(data), _squash(pdf_text(data))
    raw = data.decode("latin-1")
    for ident in _identities(people):
        assert ident not in text and _squash(ident) not in flat, ident
        assert ident not in raw, ident
    # positive control: the named (archive) file shows names and NIPs through the same reader
    named = _squash(pdf_text(MN.minutes_pdf(db, FLT, KOMITE, rid, False, compress=False)))
    for key in ("p9", "p8", "p1"):
        nip, nama = people[key]
        assert _squash(nama) in named and nip in named, key
    assert _squash(NOTE9.format(nip=people["p9"][0])) in named
    aud = db.query("SELECT rincian FROM audit WHERE aksi = 'ekspor_berita_acara' ORDER BY id")[
        "rincian"
    ].to_list()
    assert aud == ['{"format": "pdf", "samaran": true}', '{"format": "pdf", "samaran": false}']


def test_pdf_core_font_fallback(meeting, monkeypatch, tmp_path):
    db, people, rid = meeting
    monkeypatch.setattr(MN, "DEJAVU_DIR", tmp_path / "no-fonts")
    data = MN.minutes_pdf(db, FLT, KOMITE, rid, True, compress=False)
    text = pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert "8 -> 7" in text and "Ready Now" in text  # arrows spelled out in Latin-1
    for ident in _identities(people):
        assert ident not in text, ident
    assert MN.latin1("Kotak 9 → 1 – ≥ 20 JP") == "Kotak 9 -> 1 - >= 20 JP"


# -- PPTX -------------------------------------------------------------------------------------------


def test_pptx_opens_with_grid_and_decisions(meeting):
    db, people, rid = meeting
    data = MN.slides_pptx(db, FLT, KOMITE, rid, True, COLORS)
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    # title, grid (snapshot), grid after calibration, summary, one decision slide
    assert len(slides) == 5
    tiles = {}
    for sh in slides[1].shapes:
        if sh.has_text_frame and sh.text_frame.text.startswith("Kotak "):
            label, count, share = sh.text_frame.text.split("\n")
            tiles[int(label.split()[1])] = (count, share)
    assert tiles == {
        9: ("1", "14,3%"), 8: ("1", "14,3%"), 7: ("2", "28,6%"), 6: ("0", "0,0%"),
        5: ("1", "14,3%"), 4: ("0", "0,0%"), 3: ("0", "0,0%"), 2: ("0", "0,0%"),
        1: ("1", "14,3%"),
    }  # fmt: skip
    after = {
        int(sh.text_frame.text.split()[1]): sh.text_frame.text.split("\n")[1]
        for sh in slides[2].shapes
        if sh.has_text_frame and sh.text_frame.text.startswith("Kotak ")
    }
    assert (after[8], after[7]) == ("0", "3")
    # box 9 tile: dark fill from the palette
    tile9 = next(
        sh
        for sh in slides[1].shapes
        if sh.has_text_frame and sh.text_frame.text.startswith("Kotak 9")
    )
    assert str(tile9.fill.fore_color.rgb) == "0B4F8A"
    table = next(sh for sh in slides[4].shapes if sh.has_table).table
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["No.", "Inisial", "Kode", "Jabatan", "Kotak", "Kesiapan", "Rekomendasi",
                       "Catatan"]  # fmt: skip
    assert [r[0] for r in rows[1:]] == ["1", "2", "6"]
    assert rows[1][1] == "N.M.A.L." and rows[1][5] == "Ready Now"
    assert rows[1][6] == "Promosi; Masuk kelompok rencana suksesi"
    assert rows[2][4] == "8 → 7" and rows[2][7] == "Ikut diklat PKA"
    summary = next(sh for sh in slides[3].shapes if sh.has_table).table
    got = {r.cells[0].text: r.cells[1].text for r in list(summary.rows)[1:]}
    assert got["Diputuskan"] == "3 dari 6" and got["Need Development"] == "2"
    assert got["Kalibrasi kotak"] == "1"


def test_masked_pptx_leaks_no_name_or_nip(meeting):
    db, people, rid = meeting
    text, xml = pptx_texts(MN.slides_pptx(db, FLT, KOMITE, rid, True, COLORS))
    for ident in _identities(people):
        assert ident not in text and ident not in xml, ident
    named, _ = pptx_texts(MN.slides_pptx(db, FLT, KOMITE, rid, False, COLORS))
    assert people["p9"][1] in named and people["p9"][0] in named
    assert "Nama dan NIP disamarkan" in text and "Nama dan NIP disamarkan" not in named


def test_many_decisions_split_over_slides(meeting):
    db, people, rid = meeting
    for no in (3, 4, 5):
        M.decide(db, FLT, KOMITE, rid, no, kesiapan=R.NEED_DEVELOPMENT, rekomendasi=["rotasi"])
    MN_rows = MN.ROWS_PER_SLIDE
    try:
        MN.ROWS_PER_SLIDE = 4
        prs = Presentation(io.BytesIO(MN.slides_pptx(db, FLT, KOMITE, rid, True)))
    finally:
        MN.ROWS_PER_SLIDE = MN_rows
    titles = [s.shapes[0].text_frame.text for s in prs.slides if s.shapes[0].has_text_frame]
    assert titles[-2:] == ["Keputusan (1/2)", "Keputusan (2/2)"]
    frame = MN.decisions_frame(db, FLT, KOMITE, rid)
    assert frame["urutan"].to_list() == [1, 2, 3, 4, 5, 6]
    order = ["p9", "p8", "p7b", "p7a", "p5", "p1"]
    assert frame["nama"].to_list() == [mask_name(people[k][1]) for k in order]
    assert all(c.startswith("K-") for c in frame["nip"].to_list())


def test_demo_exports_leak_nothing(demo_db_path, tmp_path):
    """Realistic names (titles, Balinese/NTT names) of the whole instance stay out of masked
    files of a meeting on the demo store."""
    import shutil

    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    db = open_store(path)
    try:
        iid = int(
            db.scalar("SELECT instansi_id FROM pegawai GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        )
        komite = Scope(user="komite.demo", role="komite", instansi=frozenset({iid}))
        rid = M.create_meeting(
            db, FLT, komite, instansi_id=iid, tahun=2025, judul="Rapat demo",
            tanggal=date(2026, 11, 2), peserta="Ketua\nSekretaris",
        )  # fmt: skip
        ag = M.agenda(db, FLT, komite, rid, masked=False)
        for no, nama, nip in ag.select("urutan", "nama", "nip").head(12).iter_rows():
            M.decide(db, FLT, komite, rid, no, kesiapan=R.NEED_DEVELOPMENT,
                     rekomendasi=["pengembangan"], catatan=f"Catatan untuk {nama} / {nip}")  # fmt: skip
        people = db.query("SELECT nip, nama FROM pegawai WHERE instansi_id = $i", {"i": iid})
        pdf = pdf_text(MN.minutes_pdf(db, FLT, komite, rid, True, compress=False))
        ppt, xml = pptx_texts(MN.slides_pptx(db, FLT, komite, rid, True))
        flat = _squash(pdf)
        for nip, nama in people.iter_rows():
            core = nama.split(",")[0].strip()
            for ident in (nip, nama, core):
                assert ident not in pdf and _squash(ident) not in flat, ident
                assert ident not in ppt and ident not in xml, ident
        # the decisions are in both files (12 rows, masked initials)
        assert flat.count("NeedDevelopment") >= 12
        assert ppt.count("Need Development") >= 12
        named = _squash(pdf_text(MN.minutes_pdf(db, FLT, komite, rid, False, compress=False)))
        assert all(_squash(n) in named for n in ag["nama"].head(12).to_list())
    finally:
        db.close()
