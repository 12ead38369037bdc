"""Exports of a Komite Talenta meeting: minutes (berita acara) as PDF, nine-box and decisions
as PPTX slides.

Both read only through `analytics.meeting` with the caller's scope combined with `masked`
(default True): a masked file carries initials and short codes, never a full name or a NIP,
and notes are redacted as on the masked screen. The attendees are printed as entered at the
start of the meeting (they sign the minutes). Every export writes an audit row.

Fonts: DejaVu Sans (Unicode) when installed under /usr/share/fonts/truetype/dejavu/, else the
PDF core font Helvetica with text reduced to Latin-1.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from analytics import meeting as M
from analytics.filters import Filter, Scope
from analytics.fmt import num, pct, tanggal
from analytics.rules import ninebox as R
from analytics.store import Database

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEMO_MARK = "DATA CONTOH (sintetis)"
MASK_NOTE = "Nama dan NIP disamarkan (inisial dan kode singkat)."
SIGN_READY = "Berita acara ini siap ditandatangani oleh peserta rapat."
ROWS_PER_SLIDE = 8

_LATIN1 = {
    "→": "->",
    "←": "<-",
    "–": "-",
    "—": "-",
    "≥": ">=",
    "≤": "<=",
    "×": "x",
    "·": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
}


def latin1(text: str) -> str:
    """Text reduced to Latin-1 for the PDF core fonts (arrows and dashes spelled out)."""
    for a, b in _LATIN1.items():
        text = text.replace(a, b)
    text = unicodedata.normalize("NFC", text)
    return text.encode("latin-1", "replace").decode("latin-1")


def _rec_text(codes: list[str] | None) -> str:
    return "; ".join(M.REKOMENDASI.get(c, c) for c in (codes or []))


def _agenda_text(info: M.Meeting) -> str:
    if info.agenda_jenis == M.AGENDA_DAFTAR:
        return f"Daftar pegawai yang disiapkan ({num(info.jumlah_agenda)} orang)"
    boxes = " → ".join(str(b) for b in info.agenda_kotak)
    return f"Kotak {boxes} ({num(info.jumlah_agenda)} orang)"


def _snapshot_text(info: M.Meeting) -> str:
    asof = ""
    if info.data_as_of:
        try:
            asof = f", data per {tanggal(date.fromisoformat(info.data_as_of[:10]), long=True)}"
        except ValueError:
            asof = f", data per {info.data_as_of}"
    return (
        f"{info.snapshot_id} (diambil {tanggal(info.dibuat_pada, long=True)} "
        f"{info.dibuat_pada:%H.%M.%S}, versi data {info.data_version}{asof})"
    )


def _gather(db: Database, flt: Filter, scope: Scope, rapat_id: int, masked: bool):
    info = M.meeting_info(db, flt, scope, rapat_id)
    dec = M.decisions(db, flt, scope, rapat_id, masked)
    counts = M.decision_counts(db, flt, scope, rapat_id)
    return info, dec, counts


def _wrap(pdf, text: str, width: float, cache: dict[str, float]) -> list[str]:
    """Greedy word wrap to `width` mm using cached word widths (fpdf2's table wraps every
    cell character by character, far too slow for hundreds of decisions)."""

    def w(word: str) -> float:
        if word not in cache:
            cache[word] = pdf.get_string_width(word)
        return cache[word]

    space = w(" ")
    lines: list[str] = []
    for para in str(text).split("\n"):
        line, lw = "", 0.0
        for word in para.split():
            ww = w(word)
            while ww > width:  # a word longer than the column: split it
                cut = max(1, int(len(word) * width / ww) - 1)
                if line:
                    lines.append(line)
                    line, lw = "", 0.0
                lines.append(word[:cut])
                word = word[cut:]
                ww = w(word)
            if line and lw + space + ww > width:
                lines.append(line)
                line, lw = word, ww
            else:
                line, lw = (f"{line} {word}", lw + space + ww) if line else (word, ww)
        lines.append(line)
    return lines or [""]


def _grid_table(
    pdf,
    family: str,
    header: list[str],
    rows: list[list[str]],
    widths: tuple[float, ...],
    aligns: str,
    line_h: float = 4.4,
    size: float = 8.5,
    pad: float = 1.0,
) -> None:
    """A bordered table; the header repeats on every page; rows never split across pages."""
    cache: dict[str, float] = {}
    x0 = pdf.l_margin

    def draw(cells: list[str], bold: bool) -> None:
        pdf.set_font(family, "B" if bold else "", size)
        wrapped = [
            _wrap(pdf, c, wd - 2 * pad, cache if not bold else {})
            for c, wd in zip(cells, widths, strict=True)
        ]
        h = max(len(x) for x in wrapped) * line_h + 2 * pad
        if pdf.will_page_break(h):
            pdf.add_page()
            if not bold:
                draw(header, True)
                pdf.set_font(family, "", size)
        y, x = pdf.get_y(), x0
        for lines, wd, al in zip(wrapped, widths, aligns, strict=True):
            pdf.rect(x, y, wd, h)
            for k, line in enumerate(lines):
                lw = cache.get(line) if not bold and line in cache else pdf.get_string_width(line)
                tx = {"L": x + pad, "R": x + wd - pad - lw, "C": x + (wd - lw) / 2}[al]
                pdf.text(tx, y + pad + (k + 0.78) * line_h, line)
            x += wd
        pdf.set_xy(x0, y + h)

    draw(header, True)
    for row in rows:
        draw(row, False)


# -- PDF ------------------------------------------------------------------------------------------


def minutes_pdf(
    db: Database,
    flt: Filter,
    scope: Scope,
    rapat_id: int,
    masked: bool = True,
    *,
    compress: bool = True,
) -> bytes:
    """The berita acara as PDF bytes: meeting, snapshot, attendees, decisions with notes,
    summary and signature lines."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    info, dec, counts = _gather(db, flt, scope, rapat_id, masked)
    demo = db.is_demo
    unicode_font = (DEJAVU_DIR / "DejaVuSans.ttf").exists() and (
        DEJAVU_DIR / "DejaVuSans-Bold.ttf"
    ).exists()

    def t(text: Any) -> str:
        s = "" if text is None else str(text)
        return s if unicode_font else latin1(s)

    class Minutes(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(family, "", 8)
            self.set_text_color(90, 90, 90)
            mark = f"{DEMO_MARK} · " if demo else ""
            self.cell(
                0,
                6,
                t(f"{mark}{info.snapshot_id} · halaman {self.page_no()}/{{nb}}"),
                align="R",
            )

    pdf = Minutes(orientation="L", format="A4")
    pdf.set_compression(compress)
    pdf.set_title(t(f"Berita Acara {info.judul}"))
    pdf.set_creator("Dasbor Manajemen Talenta ASN")
    if unicode_font:
        pdf.add_font("DejaVu", "", str(DEJAVU_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(DEJAVU_DIR / "DejaVuSans-Bold.ttf"))
        family = "DejaVu"
    else:
        family = "Helvetica"
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    nl = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}

    if demo:
        pdf.set_font(family, "B", 9)
        pdf.set_text_color(92, 68, 0)
        pdf.cell(0, 5, t(DEMO_MARK), align="R", **nl)
        pdf.set_text_color(0, 0, 0)
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 9, t("BERITA ACARA RAPAT KOMITE TALENTA"), align="C", **nl)
    pdf.set_font(family, "", 12)
    pdf.cell(0, 7, t(f"{info.instansi} · Tahun penilaian {info.tahun}"), align="C", **nl)
    pdf.ln(3)

    status = (
        f"Ditutup {tanggal(info.ditutup_pada, long=True)} {info.ditutup_pada:%H.%M} (final)"
        if info.ditutup_pada
        else "Belum ditutup (draf; keputusan masih dapat diubah)"
    )
    rows = [
        ("Judul rapat", info.judul),
        ("Hari, tanggal", tanggal(info.tanggal, long=True)),
        ("Tempat", info.tempat or "–"),
        ("Snapshot data", _snapshot_text(info)),
        ("Agenda", _agenda_text(info)),
        ("Pegawai dalam snapshot", num(info.jumlah_pegawai)),
        ("Status rapat", status),
    ]
    if masked:
        rows.append(("Privasi", MASK_NOTE))
    pdf.set_font(family, "", 10)
    with pdf.table(
        col_widths=(52, 215), first_row_as_headings=False, line_height=6, borders_layout="NONE"
    ) as table:
        for k, v in rows:
            r = table.row()
            r.cell(t(k))
            r.cell(t(v))
    pdf.ln(2)

    pdf.set_font(family, "B", 12)
    pdf.cell(0, 8, t("Peserta rapat"), **nl)
    pdf.set_font(family, "", 10)
    for i, name in enumerate(info.peserta, start=1):
        pdf.cell(0, 6, t(f"{i}. {name}"), **nl)
    pdf.ln(2)

    pdf.set_font(family, "B", 12)
    pdf.cell(0, 8, t("Ringkasan keputusan"), **nl)
    pdf.set_font(family, "", 10)
    kes = counts["kesiapan"]
    pdf.multi_cell(
        0,
        6,
        t(
            f"Diputuskan {num(counts['diputuskan'])} dari {num(counts['agenda'])} pegawai "
            f"dalam agenda. Ready Now: {num(kes[R.READY_NOW])}; Need Development: "
            f"{num(kes[R.NEED_DEVELOPMENT])}. Kalibrasi kotak: {num(counts['kalibrasi'])}."
        ),
        **nl,
    )
    if counts["rekomendasi"]:
        rec = "; ".join(f"{M.REKOMENDASI[c]} {num(n)}" for c, n in counts["rekomendasi"].items())
        pdf.multi_cell(0, 6, t(f"Rekomendasi: {rec}."), **nl)
    pdf.ln(2)

    pdf.set_font(family, "B", 12)
    pdf.cell(0, 8, t("Keputusan per pegawai"), **nl)
    if dec.is_empty():
        pdf.set_font(family, "", 10)
        pdf.cell(0, 6, t("Belum ada keputusan yang dicatat."), **nl)
    else:
        pdf.set_font(family, "", 8.5)
        head = (
            "No.",
            "Pegawai" if not masked else "Inisial",
            "NIP" if not masked else "Kode",
            "Jabatan",
            "Gol.",
            "Kotak",
            "Kesiapan",
            "Rekomendasi",
            "Catatan",
        )
        body = []
        for row in dec.iter_rows(named=True):
            box = str(row["kotak"]) if row["kotak"] else "–"
            if row["kotak_kalibrasi"] and row["kotak_kalibrasi"] != row["kotak"]:
                box = f"{box} → {row['kotak_kalibrasi']}"
            body.append(
                [
                    t("" if v is None else v)
                    for v in (
                        row["urutan"],
                        row["nama"],
                        row["nip"],
                        row["jabatan"],
                        row["golongan"],
                        box,
                        row["kesiapan"],
                        _rec_text(row["rekomendasi"]),
                        row["catatan"] or "",
                    )
                ]
            )
        _grid_table(
            pdf,
            family,
            [t(h) for h in head],
            body,
            widths=(9, 40, 28, 40, 11, 17, 24, 50, 58),
            aligns="RLLLCCLLL",
        )
        pdf.set_font(family, "", 8)
        pdf.multi_cell(
            0,
            5,
            t(
                "Kotak: penempatan dalam snapshot; «a → b»: dikalibrasi rapat ke kotak b "
                "(tercatat juga di riwayat kalibrasi 9 kotak)."
            ),
            **nl,
        )

    if pdf.will_page_break(20 + 14 * len(info.peserta)):
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(family, "B", 12)
    pdf.cell(0, 8, t("Pengesahan"), **nl)
    pdf.set_font(family, "", 10)
    pdf.cell(0, 6, t(SIGN_READY), **nl)
    pdf.cell(0, 6, t(f"{info.instansi}, {tanggal(info.tanggal, long=True)}"), **nl)
    pdf.ln(2)
    with pdf.table(
        col_widths=(10, 120, 80), line_height=12, first_row_as_headings=True, width=210
    ) as table:
        hr = table.row()
        for h in ("No.", "Nama / jabatan peserta", "Tanda tangan"):
            hr.cell(t(h))
        for i, name in enumerate(info.peserta, start=1):
            r = table.row()
            r.cell(str(i))
            r.cell(t(name))
            r.cell("")
    out = bytes(pdf.output())
    db.audit(
        scope.user,
        "ekspor_berita_acara",
        f"rapat:{rapat_id}",
        {"format": "pdf", "samaran": bool(masked or scope.masked)},
    )
    return out


# -- PPTX -----------------------------------------------------------------------------------------


def _rgb(hex_color: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _text(shape, text: str, size: int, *, bold: bool = False, color: str = "#111111", align=None):
    from pptx.util import Pt

    tf = shape.text_frame
    tf.clear()
    tf.word_wrap = True
    lines = text.split("\n")
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(color)


def _title(slide, text: str, sub: str | None = None) -> None:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8))
    _text(box, text, 30, bold=True, color="#0B4F8A")
    if sub:
        s = slide.shapes.add_textbox(Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.5))
        _text(s, sub, 16, color="#444444")


def _footer(slide, text: str) -> None:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4))
    _text(box, text, 11, color="#666666")


def _grid_slide(prs, title: str, sub: str, summary, colors: dict[str, str], footer: str) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, title, sub)
    counts = {int(r["kotak"]): r for r in summary.kotak.iter_rows(named=True)}
    left, top, w, h = 2.4, 1.6, 3.0, 1.55
    dark = {"Unggul / terbaik"}
    for b in R.BOXES:
        x, y = R.cell(b)
        label = R.LABEL[b]
        shp = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE,
            Inches(left + x * w),
            Inches(top + (2 - y) * h),
            Inches(w - 0.06),
            Inches(h - 0.06),
        )
        shp.fill.solid()
        shp.fill.fore_color.rgb = _rgb(colors.get(label, "#DDDDDD"))
        shp.line.color.rgb = _rgb("#FFFFFF")
        ink = "#FFFFFF" if label in dark and label in colors else "#111111"
        row = counts.get(b, {"jumlah": 0, "persen": 0.0})
        tf = shp.text_frame
        tf.clear()
        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        for i, (txt, size, bold) in enumerate(
            (
                (f"Kotak {b} · {label}", 15, True),
                (num(row["jumlah"]), 34, True),
                (pct(row["persen"]), 15, False),
            )
        ):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = PP_ALIGN.CENTER
            run = p.add_run()
            run.text = txt
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(ink)
    for i, tick in enumerate(R.POTENSIAL_AXIS):
        tb = slide.shapes.add_textbox(
            Inches(left + i * w), Inches(top + 3 * h), Inches(w), Inches(0.4)
        )
        _text(tb, tick, 16, bold=True, align=PP_ALIGN.CENTER)
    ax = slide.shapes.add_textbox(
        Inches(left), Inches(top + 3 * h + 0.35), Inches(3 * w), Inches(0.4)
    )
    _text(ax, "Potensial →", 16, bold=True, align=PP_ALIGN.CENTER)
    for j, tick in enumerate(reversed(R.KINERJA_AXIS)):
        tb = slide.shapes.add_textbox(
            Inches(0.3), Inches(top + j * h + 0.45), Inches(2.0), Inches(0.8)
        )
        _text(tb, tick, 14, bold=True, align=PP_ALIGN.RIGHT)
    ky = slide.shapes.add_textbox(Inches(0.3), Inches(top - 0.4), Inches(2.0), Inches(0.4))
    _text(ky, "Kinerja ↑", 16, bold=True, align=PP_ALIGN.RIGHT)
    note = slide.shapes.add_textbox(Inches(11.55), Inches(top), Inches(1.6), Inches(3))
    _text(
        note,
        f"Total {num(summary.total)}\nDipetakan {num(summary.dipetakan)}\n"
        f"Belum dipetakan {num(summary.belum_total)}\nKelompok suksesi {num(summary.suksesi)}",
        13,
    )
    _footer(slide, footer)


def _table_slide(prs, title: str, sub: str, header: list[str], rows: list[list[str]],
                 widths: list[float], footer: str) -> None:  # fmt: skip
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, title, sub)
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), Inches(0.4), Inches(1.55), Inches(12.5), Inches(0.5)
    )
    table = shape.table
    for j, wd in enumerate(widths):
        table.columns[j].width = Inches(wd)
    for j, h in enumerate(header):
        cell = table.cell(0, j)
        cell.text = h
        for p in cell.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(15)
                r.font.bold = True
    for i, row in enumerate(rows, start=1):
        for j, v in enumerate(row):
            cell = table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(13)
    _footer(slide, footer)


def slides_pptx(
    db: Database,
    flt: Filter,
    scope: Scope,
    rapat_id: int,
    masked: bool = True,
    colors: dict[str, str] | None = None,
) -> bytes:
    """PPTX bytes (16:9): title, nine-box grid of the snapshot (and after the meeting's
    calibrations when there are any), a decision summary and decision tables
    (`ROWS_PER_SLIDE` people per slide). `colors` maps box labels to fills
    (the page passes `ui.charts.NINEBOX_LABEL_COLORS`); numbers and labels are always on the
    tiles."""
    from pptx import Presentation
    from pptx.util import Inches

    info, dec, counts = _gather(db, flt, scope, rapat_id, masked)
    colors = colors or {}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    mark = f"{DEMO_MARK} · " if db.is_demo else ""
    privacy = f" · {MASK_NOTE}" if masked else ""
    footer = f"{mark}{info.snapshot_id}{privacy}"

    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, "Rapat Komite Talenta", f"{info.instansi} · tahun penilaian {info.tahun}")
    body = slide.shapes.add_textbox(Inches(0.5), Inches(1.8), Inches(12.3), Inches(4.5))
    _text(
        body,
        f"{info.judul}\n{tanggal(info.tanggal, long=True)}"
        + (f" · {info.tempat}" if info.tempat else "")
        + f"\nSnapshot data: {_snapshot_text(info)}\nAgenda: {_agenda_text(info)}\n"
        f"Diputuskan: {num(counts['diputuskan'])} dari {num(counts['agenda'])}",
        22,
    )
    _footer(slide, footer)

    sub = f"{info.instansi} · {info.tahun} · {num(info.jumlah_pegawai)} pegawai dalam snapshot"
    _grid_slide(
        prs,
        "Peta 9 kotak talenta (snapshot)",
        sub,
        M.box_summary(db, flt, scope, rapat_id),
        colors,
        footer,
    )
    if counts["kalibrasi"]:
        _grid_slide(
            prs,
            "Peta 9 kotak setelah kalibrasi rapat",
            sub,
            M.box_summary(db, flt, scope, rapat_id, True),
            colors,
            footer,
        )
    kes = counts["kesiapan"]
    summary_rows = [
        ["Diputuskan", f"{num(counts['diputuskan'])} dari {num(counts['agenda'])}"],
        [R.READY_NOW, num(kes[R.READY_NOW])],
        [R.NEED_DEVELOPMENT, num(kes[R.NEED_DEVELOPMENT])],
        ["Kalibrasi kotak", num(counts["kalibrasi"])],
    ] + [[M.REKOMENDASI[c], num(n)] for c, n in counts["rekomendasi"].items()]
    _table_slide(
        prs, "Ringkasan keputusan", info.judul, ["Butir", "Jumlah"], summary_rows, [8.0, 4.5],
        footer,
    )  # fmt: skip
    header = [
        "No.",
        "Inisial" if masked else "Pegawai",
        "Kode" if masked else "NIP",
        "Jabatan",
        "Kotak",
        "Kesiapan",
        "Rekomendasi",
        "Catatan",
    ]
    widths = [0.6, 1.7, 1.5, 2.0, 0.9, 1.5, 2.3, 2.0]
    rows: list[list[str]] = []
    for r in dec.iter_rows(named=True):
        box = str(r["kotak"]) if r["kotak"] else "–"
        if r["kotak_kalibrasi"] and r["kotak_kalibrasi"] != r["kotak"]:
            box = f"{box} → {r['kotak_kalibrasi']}"
        rows.append(
            [
                str(r["urutan"]),
                r["nama"] or "",
                r["nip"] or "",
                r["jabatan"] or "",
                box,
                r["kesiapan"] or "",
                _rec_text(r["rekomendasi"]),
                r["catatan"] or "",
            ]
        )
    chunks = [rows[i : i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)]
    for k, chunk in enumerate(chunks, start=1):
        _table_slide(
            prs,
            f"Keputusan ({k}/{len(chunks)})",
            info.judul,
            header,
            chunk,
            widths,
            footer,
        )
    buf = io.BytesIO()
    prs.save(buf)
    db.audit(
        scope.user,
        "ekspor_salindia_rapat",
        f"rapat:{rapat_id}",
        {"format": "pptx", "samaran": bool(masked or scope.masked)},
    )
    return buf.getvalue()


def decisions_frame(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, masked: bool = True
) -> pl.DataFrame:
    """The decision table as exported (for CSV/XLSX downloads): masked like the files."""
    dec = M.decisions(db, flt, scope, rapat_id, masked)
    return dec.select(
        "urutan",
        "nama",
        "nip",
        "jabatan",
        "golongan",
        "kotak",
        "kotak_kalibrasi",
        "kesiapan",
        pl.col("rekomendasi_teks").alias("rekomendasi"),
        "catatan",
        "versi",
        "pada",
    )


def generated_at() -> str:
    """Timestamp text for file names."""
    return f"{datetime.now():%Y%m%d-%H%M}"
