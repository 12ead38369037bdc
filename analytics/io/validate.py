"""Parsing and validation of import files (CSV / XLSX) into typed rows.

Two stages, both collecting every problem instead of stopping at the first one:

1. `parse_files` reads the raw files: one CSV per table (named after the table) or XLSX
   workbooks with a sheet per table. File-level problems (not CSV/XLSX, empty, not UTF-8,
   too large, unknown table, missing required column) become one Indonesian sentence each.
2. `validate` checks every row with a pydantic model (`ROW_MODELS`) and then against the
   store (known instances, known employees, duplicate keys within a file).

Messages shown to users are Indonesian; row numbers are spreadsheet rows (header = row 1).
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import hashlib
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from analytics.domain import (
    GOLONGAN,
    GOLONGAN_PPPK,
    JALUR,
    JENIS_JABATAN,
    JENIS_KELAMIN,
    KEPENTINGAN,
    KOMPETENSI_MANAJERIAL,
    KOMPETENSI_SOSIAL_KULTURAL,
    POTENSIAL_LEVEL,
    PREDIKAT,
    STATUS_KEPEGAWAIAN,
    STATUS_MT,
)

DEFAULT_MAX_MB = 50
MAX_JP_PER_RECORD = 1000.0
MIN_YEAR, MAX_YEAR = 2000, 2100


def max_bytes_default() -> int:
    """Upload size limit in bytes: `TALENTA_IMPORT_MAX_MB` (default 50 MB)."""
    try:
        mb = float(os.environ.get("TALENTA_IMPORT_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


# ---------------------------------------------------------------------------------------
# The contract: columns per table
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TableSpec:
    """Columns of one importable table and its natural key."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()  # at least one of these columns must exist
    key: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """All known columns, in template order."""
        return self.required + self.one_of + self.optional


SPECS: dict[str, TableSpec] = {
    s.name: s
    for s in (
        TableSpec(
            "pegawai",
            (
                "nip",
                "nama",
                "instansi",
                "unit_kerja",
                "jenis_jabatan",
                "nama_jabatan",
                "golongan",
                "jenis_kelamin",
                "tanggal_lahir",
                "status_kepegawaian",
            ),
            ("pendidikan", "tmt_jabatan", "tmt_cpns"),
            key=("nip",),
        ),
        TableSpec("kinerja", ("nip", "tahun", "predikat"), key=("nip", "tahun")),
        TableSpec("potensial", ("nip", "tahun"), one_of=("level", "skor"), key=("nip", "tahun")),
        TableSpec(
            "kompetensi",
            ("nip", "tahun", "kompetensi", "level"),
            key=("nip", "tahun", "kompetensi"),
        ),
        TableSpec(
            "standar_kompetensi",
            ("kompetensi", "level_standar"),
            ("tingkat_kepentingan",),
            one_of=("jenis_jabatan", "nama_jabatan"),
            key=("jenis_jabatan", "nama_jabatan", "kompetensi"),
        ),
        TableSpec(
            "pelatihan",
            ("nip", "tanggal_mulai", "nama_kegiatan", "jalur", "jenis", "jp"),
            ("tanggal_selesai",),
            key=("nip", "tanggal_mulai", "nama_kegiatan"),
        ),
        TableSpec(
            "kematangan_mt",
            ("instansi", "periode", "pembangunan_mt", "penerapan_mt"),
            ("skor_ism", "tahun_ism", "catatan"),
            key=("instansi", "periode"),
        ),
    )
}
TABLE_ORDER: tuple[str, ...] = tuple(SPECS)
EMPLOYEE_TABLES = ("kinerja", "potensial", "kompetensi", "pelatihan")


# ---------------------------------------------------------------------------------------
# Issues and parsed input
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Issue:
    """One problem: where (file/sheet, table, spreadsheet row, column) and why (Indonesian)."""

    berkas: str
    tabel: str | None
    baris: int | None
    kolom: str | None
    alasan: str

    def __str__(self) -> str:
        where = [self.berkas]
        if self.baris is not None:
            where.append(f"baris {self.baris}")
        if self.kolom:
            where.append(f"kolom {self.kolom}")
        return f"{', '.join(where)}: {self.alasan}"


@dataclass
class TableInput:
    """Raw rows of one table: (spreadsheet row number, {column: value})."""

    tabel: str
    berkas: str
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]


@dataclass
class ParsedImport:
    """What `parse_files` read: tables, file-level errors and warnings, content hash."""

    tables: dict[str, TableInput] = field(default_factory=dict)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (name, sha256)

    @property
    def sidik(self) -> str:
        """Content hash of the import (independent of file names and order)."""
        digests = sorted(d for _, d in self.files)
        return hashlib.sha256("\n".join(digests).encode()).hexdigest()

    @property
    def names(self) -> list[str]:
        """File names, in the order given."""
        return [n for n, _ in self.files]


# ---------------------------------------------------------------------------------------
# File parsing
# ---------------------------------------------------------------------------------------
_FORMULA_QUOTED = re.compile(r"^'[=+\-@\t\r]")


def _clean_cell(value: Any) -> Any:
    """Normalise a raw cell: strip text, drop empty, undo our own formula neutralisation."""
    if isinstance(value, str):
        v = value.strip()
        if _FORMULA_QUOTED.match(v):
            v = v[1:]
        return v or None
    return value


def _table_name(stem: str) -> str:
    return stem.strip().lower().replace(" ", "_")


def _norm_header(h: Any) -> str:
    return "" if h is None else str(h).strip().lower().replace(" ", "_")


def _check_columns(
    spec: TableSpec, berkas: str, header: list[str], parsed: ParsedImport
) -> list[str] | None:
    """Report missing (error) and unknown (warning) columns; None when unusable."""
    missing = [c for c in spec.required if c not in header]
    if spec.one_of and not any(c in header for c in spec.one_of):
        missing.append(" atau ".join(spec.one_of))
    if missing:
        parsed.errors.append(
            Issue(
                berkas,
                spec.name,
                1,
                None,
                f"Kolom wajib tidak ada: {', '.join(missing)} (baris judul harus memuat "
                f"{', '.join(spec.required + spec.one_of)}).",
            )
        )
        return None
    seen: set[str] = set()
    for h in header:
        if h and h in seen:
            parsed.errors.append(Issue(berkas, spec.name, 1, h, f"Kolom '{h}' muncul dua kali."))
            return None
        seen.add(h)
    extra = [h for h in header if h and h not in spec.columns]
    if extra:
        parsed.warnings.append(
            Issue(
                berkas,
                spec.name,
                1,
                ", ".join(extra),
                f"Kolom tambahan diabaikan: {', '.join(extra)}.",
            )
        )
    return header


def _add_table(
    parsed: ParsedImport,
    spec: TableSpec,
    berkas: str,
    header: list[str],
    rows: list[tuple[int, dict[str, Any]]],
) -> None:
    if not rows:
        parsed.errors.append(
            Issue(berkas, spec.name, None, None, f"{berkas} kosong: tidak ada baris data.")
        )
        return
    if spec.name in parsed.tables:
        first = parsed.tables[spec.name].berkas
        parsed.errors.append(
            Issue(
                berkas,
                spec.name,
                None,
                None,
                f"Tabel {spec.name} sudah ada di {first}; satu tabel hanya boleh satu kali per impor.",
            )
        )
        return
    parsed.tables[spec.name] = TableInput(spec.name, berkas, header, rows)


def _rows_from_records(header: list[str], records: Any, first_row: int) -> list:
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, rec in enumerate(records, start=first_row):
        values = {}
        for i, h in enumerate(header):
            if not h or h in values:
                continue
            values[h] = _clean_cell(rec[i]) if i < len(rec) else None
        if all(v is None for v in values.values()):
            continue  # blank line
        rows.append((number, values))
    return rows


def _parse_csv(name: str, content: bytes, parsed: ParsedImport) -> None:
    tabel = _table_name(PurePath(name).stem)
    spec = SPECS.get(tabel)
    if spec is None:
        parsed.errors.append(
            Issue(
                name,
                None,
                None,
                None,
                f"Nama berkas {name} bukan nama tabel yang dikenal "
                f"(gunakan {', '.join(t + '.csv' for t in TABLE_ORDER)}).",
            )
        )
        return
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = None
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is None:
        parsed.errors.append(
            Issue(
                name,
                tabel,
                None,
                None,
                f'{name} tidak berenkode UTF-8; simpan ulang sebagai "CSV UTF-8" lalu unggah lagi.',
            )
        )
        return
    if not text.strip():
        parsed.errors.append(Issue(name, tabel, None, None, f"{name} kosong."))
        return
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        parsed.errors.append(
            Issue(name, tabel, None, None, f"{name} bukan CSV yang dapat dibaca ({exc}).")
        )
        return
    header = [_norm_header(h) for h in records[0]]
    if _check_columns(spec, name, header, parsed) is None:
        return
    _add_table(parsed, spec, name, header, _rows_from_records(header, records[1:], 2))


def _parse_xlsx(name: str, content: bytes, parsed: ParsedImport) -> None:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for damaged files
        parsed.errors.append(
            Issue(name, None, None, None, f"{name} bukan buku kerja XLSX yang dapat dibaca.")
        )
        return
    try:
        found = False
        for ws in wb.worksheets:
            tabel = _table_name(ws.title)
            berkas = f"{name} › {ws.title}"
            spec = SPECS.get(tabel)
            if spec is None:
                parsed.warnings.append(
                    Issue(
                        berkas,
                        None,
                        None,
                        None,
                        f"Lembar '{ws.title}' bukan nama tabel yang dikenal dan diabaikan.",
                    )
                )
                continue
            found = True
            records = [list(r) for r in ws.iter_rows(values_only=True)]
            if not records or all(v is None for v in records[0]):
                parsed.errors.append(Issue(berkas, tabel, None, None, f"Lembar {ws.title} kosong."))
                continue
            header = [_norm_header(h) for h in records[0]]
            if _check_columns(spec, berkas, header, parsed) is None:
                continue
            _add_table(parsed, spec, berkas, header, _rows_from_records(header, records[1:], 2))
        if not found:
            parsed.errors.append(
                Issue(
                    name,
                    None,
                    None,
                    None,
                    f"{name} tidak memuat lembar bernama tabel yang dikenal "
                    f"({', '.join(TABLE_ORDER)}).",
                )
            )
    finally:
        wb.close()


def parse_files(files: list[tuple[str, bytes]], *, max_bytes: int | None = None) -> ParsedImport:
    """Read (filename, content) pairs into raw tables, collecting file-level problems."""
    limit = max_bytes_default() if max_bytes is None else max_bytes
    parsed = ParsedImport()
    if not files:
        parsed.errors.append(Issue("-", None, None, None, "Tidak ada berkas yang diunggah."))
    for name, content in files:
        parsed.files.append((name, hashlib.sha256(content).hexdigest()))
        ext = PurePath(name).suffix.lower()
        if len(content) > limit:
            parsed.errors.append(
                Issue(
                    name,
                    None,
                    None,
                    None,
                    f"{name} berukuran {len(content) / 1048576:.1f} MB, melebihi batas "
                    f"{limit / 1048576:.0f} MB.",
                )
            )
        elif not content:
            parsed.errors.append(Issue(name, None, None, None, f"{name} kosong (0 bita)."))
        elif ext == ".xlsx":
            if not zipfile.is_zipfile(io.BytesIO(content)):
                parsed.errors.append(
                    Issue(name, None, None, None, f"{name} bukan berkas XLSX yang sah.")
                )
            else:
                _parse_xlsx(name, content, parsed)
        elif ext == ".csv":
            _parse_csv(name, content, parsed)
        else:
            parsed.errors.append(
                Issue(
                    name,
                    None,
                    None,
                    None,
                    f"{name} bukan berkas CSV atau XLSX (format {ext or 'tanpa ekstensi'} "
                    "tidak didukung).",
                )
            )
    return parsed


# ---------------------------------------------------------------------------------------
# Value parsers (raise ValueError with an Indonesian message)
# ---------------------------------------------------------------------------------------
def _is_blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def _text(v: Any) -> str | None:
    if _is_blank(v):
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat()
    return re.sub(r"\s+", " ", str(v)).strip()


def _required_text(v: Any) -> str:
    t = _text(v)
    if t is None:
        raise ValueError("wajib diisi")
    return t


def parse_nip(v: Any) -> str:
    """Normalise a NIP (remove spaces, accept Excel integers) and check its birth date."""
    if _is_blank(v):
        raise ValueError("NIP wajib diisi")
    if isinstance(v, bool):
        raise ValueError("NIP harus 18 digit")
    if isinstance(v, float):
        if not v.is_integer() or abs(v) >= 1e15:
            raise ValueError(
                "NIP tersimpan sebagai angka di Excel sehingga digitnya hilang; "
                "format kolom NIP sebagai teks"
            )
        v = int(v)
    s = re.sub(r"[\s\u00a0.\-]", "", str(v))
    if not (len(s) == 18 and s.isascii() and s.isdigit()):
        raise ValueError("NIP harus 18 digit")
    try:
        born = date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        raise ValueError("tanggal lahir dalam NIP tidak valid") from None
    if not 1900 <= born.year <= date.today().year:
        raise ValueError("tanggal lahir dalam NIP tidak valid")
    return s


def nip_birth_date(nip: str) -> date:
    """The birth date encoded in the first 8 digits of a (validated) NIP."""
    return date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def parse_date(v: Any) -> date | None:
    """A date from an Excel cell, ISO yyyy-mm-dd or dd/mm/yyyy; None when blank."""
    if _is_blank(v):
        return None
    if isinstance(v, datetime):
        d = v.date()
    elif isinstance(v, date):
        d = v
    else:
        s = str(v).strip()
        m = _ISO.match(s)
        parts = (m.group(1), m.group(2), m.group(3)) if m else None
        if parts is None and (m := _DMY.match(s)):
            parts = (m.group(3), m.group(2), m.group(1))
        if parts is None:
            raise ValueError(f"tanggal tidak valid: '{s}' (gunakan yyyy-mm-dd atau dd/mm/yyyy)")
        try:
            d = date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            raise ValueError(f"tanggal tidak ada di kalender: '{s}'") from None
    if not 1900 <= d.year <= MAX_YEAR:
        raise ValueError(f"tanggal di luar rentang wajar: {d.isoformat()}")
    return d


def _required_date(v: Any) -> date:
    d = parse_date(v)
    if d is None:
        raise ValueError("tanggal wajib diisi")
    return d


def _number(v: Any, label: str) -> float | None:
    if _is_blank(v):
        return None
    if isinstance(v, bool):
        raise ValueError(f"{label} harus angka")
    if isinstance(v, int | float):
        f = float(v)
    else:
        s = str(v).strip().replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+|-?\d+,\d+", s):
            s = s.replace(".", "").replace(",", ".")  # Indonesian decimal comma
        try:
            f = float(s)
        except ValueError:
            raise ValueError(f"{label} harus angka, bukan '{v}'") from None
    if f != f or f in (float("inf"), float("-inf")):
        raise ValueError(f"{label} harus angka")
    return f


def _integer(v: Any, label: str, lo: int, hi: int) -> int:
    f = _number(v, label)
    if f is None:
        raise ValueError(f"{label} wajib diisi")
    if not f.is_integer() or not lo <= f <= hi:
        raise ValueError(f"{label} harus bilangan bulat {lo}–{hi}, bukan '{_text(v)}'")
    return int(f)


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _choice(v: Any, options: tuple[str, ...], label: str) -> str:
    t = _text(v)
    if t is None:
        raise ValueError(f"{label} wajib diisi")
    lookup = {_key(o): o for o in options}
    found = lookup.get(_key(t))
    if found is None:
        raise ValueError(f"{label} tidak dikenal: '{t}' (pilihan: {', '.join(options)})")
    return found


# ---------------------------------------------------------------------------------------
# Row models
# ---------------------------------------------------------------------------------------
class ImportRow(BaseModel):
    """Base of all import row models: values arrive raw (text, numbers, Excel dates)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    tabel: ClassVar[str] = ""

    def checks(self) -> list[tuple[str | None, str]]:
        """Cross-field problems as (column, reason); empty when consistent."""
        return []


def _v(fn: Callable[[Any], Any], *fields: str) -> Any:
    """A before-validator applying fn to the raw value of the given fields."""
    return field_validator(*fields, mode="before")(lambda cls, v: fn(v))


class PegawaiRow(ImportRow):
    """One employee (SIASN extract)."""

    tabel: ClassVar[str] = "pegawai"
    nip: str
    nama: str
    instansi: str
    unit_kerja: str
    jenis_jabatan: str
    nama_jabatan: str
    golongan: str
    jenis_kelamin: str
    tanggal_lahir: date
    status_kepegawaian: str
    pendidikan: str | None = None
    tmt_jabatan: date | None = None
    tmt_cpns: date | None = None

    _nip = _v(parse_nip, "nip")
    _txt = _v(_required_text, "nama", "instansi", "unit_kerja", "nama_jabatan")
    _opt = _v(_text, "pendidikan")
    _jenis = _v(lambda v: _choice(v, JENIS_JABATAN, "jenis jabatan"), "jenis_jabatan")
    _jk = _v(
        lambda v: _choice(
            {"laki-laki": "L", "perempuan": "P"}.get(_key(str(v)), v) if v else v,
            JENIS_KELAMIN,
            "jenis kelamin",
        ),
        "jenis_kelamin",
    )
    _status = _v(
        lambda v: _choice(v, STATUS_KEPEGAWAIAN, "status kepegawaian"), "status_kepegawaian"
    )
    _lahir = _v(_required_date, "tanggal_lahir")
    _dates = _v(parse_date, "tmt_jabatan", "tmt_cpns")

    @field_validator("golongan", mode="before")
    @classmethod
    def _golongan(cls, v: Any) -> str:
        t = _text(v)
        if t is None:
            raise ValueError("golongan wajib diisi")
        t = t.replace(" ", "")
        for name in GOLONGAN + GOLONGAN_PPPK:
            if t.lower() == name.lower():
                return name
        raise ValueError(f"golongan tidak dikenal: '{t}'")

    def checks(self) -> list[tuple[str | None, str]]:
        """Golongan must match the status; dates must be plausible."""
        out: list[tuple[str | None, str]] = []
        if self.status_kepegawaian == "PNS" and self.golongan not in GOLONGAN:
            out.append(("golongan", f"golongan {self.golongan} bukan golongan PNS (I/a–IV/e)"))
        if self.status_kepegawaian == "PPPK" and self.golongan not in GOLONGAN_PPPK:
            out.append(("golongan", f"golongan {self.golongan} bukan golongan PPPK (I–XVII)"))
        if self.tanggal_lahir > date.today():
            out.append(("tanggal_lahir", "tanggal lahir di masa depan"))
        for col in ("tmt_jabatan", "tmt_cpns"):
            d = getattr(self, col)
            if d is not None and d <= self.tanggal_lahir:
                out.append((col, f"{col.replace('_', ' ')} sebelum tanggal lahir"))
        return out


class KinerjaRow(ImportRow):
    """SKP predikat of one employee in one year."""

    tabel: ClassVar[str] = "kinerja"
    nip: str
    tahun: int
    predikat: str

    _nip = _v(parse_nip, "nip")
    _tahun = _v(lambda v: _integer(v, "tahun", MIN_YEAR, MAX_YEAR), "tahun")
    _predikat = _v(lambda v: _choice(v, PREDIKAT, "predikat"), "predikat")


class PotensialRow(ImportRow):
    """Assessment result: level and/or score 0–100."""

    tabel: ClassVar[str] = "potensial"
    nip: str
    tahun: int
    level: str | None = None
    skor: float | None = None

    _nip = _v(parse_nip, "nip")
    _tahun = _v(lambda v: _integer(v, "tahun", MIN_YEAR, MAX_YEAR), "tahun")
    _level = _v(
        lambda v: None if _is_blank(v) else _choice(v, POTENSIAL_LEVEL, "level potensial"),
        "level",
    )

    @field_validator("skor", mode="before")
    @classmethod
    def _skor(cls, v: Any) -> float | None:
        f = _number(v, "skor")
        if f is not None and not 0 <= f <= 100:
            raise ValueError(f"skor harus 0–100, bukan {f:g}")
        return f

    def checks(self) -> list[tuple[str | None, str]]:
        """Level or score is required."""
        if self.level is None and self.skor is None:
            return [("level/skor", "isi level (Tinggi/Sedang/Rendah) atau skor (0–100)")]
        return []


class KompetensiRow(ImportRow):
    """Assessed level of one competency."""

    tabel: ClassVar[str] = "kompetensi"
    nip: str
    tahun: int
    kompetensi: str
    level: int

    _nip = _v(parse_nip, "nip")
    _tahun = _v(lambda v: _integer(v, "tahun", MIN_YEAR, MAX_YEAR), "tahun")
    _komp = _v(_required_text, "kompetensi")
    _level = _v(lambda v: _integer(v, "level", 1, 5), "level")


class StandarKompetensiRow(ImportRow):
    """Required competency level for a position type or a named position."""

    tabel: ClassVar[str] = "standar_kompetensi"
    jenis_jabatan: str | None = None
    nama_jabatan: str | None = None
    kompetensi: str
    level_standar: int
    tingkat_kepentingan: str | None = None

    _jenis = _v(
        lambda v: None if _is_blank(v) else _choice(v, JENIS_JABATAN, "jenis jabatan"),
        "jenis_jabatan",
    )
    _nama = _v(_text, "nama_jabatan")
    _komp = _v(_required_text, "kompetensi")
    _level = _v(lambda v: _integer(v, "level standar", 1, 5), "level_standar")
    _kep = _v(
        lambda v: None if _is_blank(v) else _choice(v, KEPENTINGAN, "tingkat kepentingan"),
        "tingkat_kepentingan",
    )

    def checks(self) -> list[tuple[str | None, str]]:
        """One of jenis_jabatan / nama_jabatan is required."""
        if self.jenis_jabatan is None and self.nama_jabatan is None:
            return [("jenis_jabatan/nama_jabatan", "isi jenis jabatan atau nama jabatan")]
        return []


class PelatihanRow(ImportRow):
    """One training activity with its (converted) JP."""

    tabel: ClassVar[str] = "pelatihan"
    nip: str
    tanggal_mulai: date
    tanggal_selesai: date | None = None
    nama_kegiatan: str
    jalur: str
    jenis: str
    jp: float

    _nip = _v(parse_nip, "nip")
    _mulai = _v(_required_date, "tanggal_mulai")
    _selesai = _v(parse_date, "tanggal_selesai")
    _txt = _v(_required_text, "nama_kegiatan", "jenis")
    _jalur = _v(
        lambda v: _choice(
            "Nonklasikal" if _key(str(v or "")) in ("non klasikal", "non-klasikal") else v,
            JALUR,
            "jalur",
        ),
        "jalur",
    )

    @field_validator("jp", mode="before")
    @classmethod
    def _jp(cls, v: Any) -> float:
        f = _number(v, "JP")
        if f is None:
            raise ValueError("JP wajib diisi")
        if f <= 0:
            raise ValueError(f"JP harus lebih dari 0, bukan {f:g}")
        if f > MAX_JP_PER_RECORD:
            raise ValueError(f"JP {f:g} tidak wajar (maksimum {MAX_JP_PER_RECORD:g} per kegiatan)")
        return f

    def checks(self) -> list[tuple[str | None, str]]:
        """The end date is not before the start date."""
        if self.tanggal_selesai is not None and self.tanggal_selesai < self.tanggal_mulai:
            return [("tanggal_selesai", "tanggal selesai sebelum tanggal mulai")]
        return []


_MT_ORDER = {s: i for i, s in enumerate(STATUS_MT)}


class KematanganRow(ImportRow):
    """A new talent-management maturity status of an instance."""

    tabel: ClassVar[str] = "kematangan_mt"
    instansi: str
    periode: date
    pembangunan_mt: str
    penerapan_mt: str
    skor_ism: float | None = None
    tahun_ism: int | None = None
    catatan: str | None = None

    _inst = _v(_required_text, "instansi")
    _periode = _v(_required_date, "periode")
    _mt = _v(lambda v: _choice(v, STATUS_MT, "status MT"), "pembangunan_mt", "penerapan_mt")
    _cat = _v(_text, "catatan")

    @field_validator("skor_ism", mode="before")
    @classmethod
    def _skor(cls, v: Any) -> float | None:
        f = _number(v, "skor ISM")
        if f is not None and not 0 <= f <= 400:
            raise ValueError(f"skor ISM harus 0–400, bukan {f:g}")
        return f

    @field_validator("tahun_ism", mode="before")
    @classmethod
    def _tahun(cls, v: Any) -> int | None:
        return None if _is_blank(v) else _integer(v, "tahun ISM", MIN_YEAR, MAX_YEAR)

    def checks(self) -> list[tuple[str | None, str]]:
        """Application cannot be ahead of building (e.g. Belum/Proses)."""
        if _MT_ORDER[self.penerapan_mt] > _MT_ORDER[self.pembangunan_mt]:
            return [
                (
                    "penerapan_mt",
                    f"penerapan MT '{self.penerapan_mt}' tidak mungkin mendahului "
                    f"pembangunan MT '{self.pembangunan_mt}'",
                )
            ]
        return []


ROW_MODELS: dict[str, type[ImportRow]] = {
    "pegawai": PegawaiRow,
    "kinerja": KinerjaRow,
    "potensial": PotensialRow,
    "kompetensi": KompetensiRow,
    "standar_kompetensi": StandarKompetensiRow,
    "pelatihan": PelatihanRow,
    "kematangan_mt": KematanganRow,
}


def _pydantic_reason(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "nilai tidak valid"))
    if err.get("type") == "value_error":
        return msg.removeprefix("Value error, ")
    if err.get("type") == "missing":
        return "wajib diisi"
    return f"nilai tidak valid ({msg})"


def validate_row(
    tabel: str, raw: dict[str, Any], baris: int, berkas: str | None = None
) -> tuple[ImportRow | None, list[Issue]]:
    """Validate one raw row: (model, []) when valid, else (None, every problem found)."""
    model_cls = ROW_MODELS[tabel]
    src = berkas or tabel
    values = {c: raw.get(c) for c in SPECS[tabel].columns}
    try:
        row = model_cls.model_validate(values)
    except ValidationError as exc:
        issues = [
            Issue(
                src,
                tabel,
                baris,
                str(e["loc"][0]) if e.get("loc") else None,
                _pydantic_reason(e),
            )
            for e in exc.errors(include_url=False, include_input=False)
        ]
        return None, issues
    problems = [Issue(src, tabel, baris, col, why) for col, why in row.checks()]
    return (None, problems) if problems else (row, [])


# ---------------------------------------------------------------------------------------
# Validation against the store
# ---------------------------------------------------------------------------------------
@dataclass
class ValidationReport:
    """Every error and warning of an import, plus the valid rows ready to load."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rows: dict[str, list[tuple[int, ImportRow]]] = field(default_factory=dict)
    instansi_ids: dict[str, int] = field(default_factory=dict)  # lower(nama) -> id
    kompetensi_names: dict[str, str] = field(default_factory=dict)  # lower(name) -> canonical
    new_kompetensi: list[str] = field(default_factory=list)
    parsed: ParsedImport | None = None

    @property
    def ok(self) -> bool:
        """True when the import may be loaded (no errors)."""
        return not self.errors

    def row_count(self) -> dict[str, int]:
        """Number of valid rows per table."""
        return {t: len(r) for t, r in self.rows.items()}


def _closest(name: str, options: list[str], cutoff: float = 0.8) -> str:
    lowered = [o.lower() for o in options]
    match = difflib.get_close_matches(name.lower(), lowered, n=1, cutoff=cutoff)
    if not match:
        return ""
    canon = next(o for o in options if o.lower() == match[0])
    return f" (maksud Anda '{canon}'?)"


def _known_nips(db: Any, nips: set[str]) -> set[str]:
    if not nips:
        return set()
    import polars as pl

    cur = db.cursor()
    try:
        cur.register("imp_cek_nip", pl.DataFrame({"nip": sorted(nips)}, schema={"nip": pl.String}))
        rows = cur.execute("SELECT DISTINCT p.nip FROM pegawai p JOIN imp_cek_nip c USING (nip)")
        found = {r[0] for r in rows.fetchall()}
        cur.unregister("imp_cek_nip")
        return found
    finally:
        cur.close()


def validate(db: Any, parsed: ParsedImport) -> ValidationReport:
    """Validate parsed tables row by row and against the store; collect every problem."""
    report = ValidationReport(
        errors=list(parsed.errors), warnings=list(parsed.warnings), parsed=parsed
    )
    inst = db.query("SELECT id, nama FROM instansi")
    report.instansi_ids = {n.lower(): i for i, n in zip(inst["id"], inst["nama"], strict=True)}
    inst_names = inst["nama"].to_list()
    ref = db.query("SELECT nama, kelompok FROM kompetensi_ref")
    report.kompetensi_names = {n.lower(): n for n in ref["nama"]}
    fixed = list(KOMPETENSI_MANAJERIAL + KOMPETENSI_SOSIAL_KULTURAL) + [
        n for n, k in zip(ref["nama"], ref["kelompok"], strict=True) if k != "teknis"
    ]

    for tabel in TABLE_ORDER:
        table = parsed.tables.get(tabel)
        if table is None:
            continue
        spec = SPECS[tabel]
        valid: list[tuple[int, ImportRow]] = []
        seen_keys: dict[tuple, int] = {}
        for baris, raw in table.rows:
            row, issues = validate_row(tabel, raw, baris, table.berkas)
            report.errors.extend(issues)
            if row is None:
                continue
            key_values = tuple(
                _key(v) if isinstance(v := getattr(row, k), str) else v for k in spec.key
            )
            if key_values in seen_keys:
                report.errors.append(
                    Issue(
                        table.berkas,
                        tabel,
                        baris,
                        ", ".join(spec.key),
                        f"duplikat kunci dalam berkas (baris {seen_keys[key_values]} dan {baris})",
                    )
                )
                continue
            seen_keys[key_values] = baris
            valid.append((baris, row))
        report.rows[tabel] = valid

    # Instances named as in the reference table.
    for tabel in ("pegawai", "kematangan_mt"):
        for baris, row in report.rows.get(tabel, []):
            name = row.instansi  # type: ignore[attr-defined]
            if name.lower() not in report.instansi_ids:
                report.errors.append(
                    Issue(
                        parsed.tables[tabel].berkas,
                        tabel,
                        baris,
                        "instansi",
                        f"instansi tidak dikenal: '{name}'{_closest(name, inst_names, 0.9)}",
                    )
                )

    # NIP in the store or in this import's pegawai file; NIP birth date vs tanggal_lahir.
    pegawai_table = parsed.tables.get("pegawai")
    file_nips: set[str] = set()
    if pegawai_table is not None:
        for _, raw in pegawai_table.rows:
            with contextlib.suppress(ValueError):
                file_nips.add(parse_nip(raw.get("nip")))
    for baris, row in report.rows.get("pegawai", []):
        if nip_birth_date(row.nip) != row.tanggal_lahir:  # type: ignore[attr-defined]
            report.warnings.append(
                Issue(
                    pegawai_table.berkas if pegawai_table else "pegawai",
                    "pegawai",
                    baris,
                    "tanggal_lahir",
                    "tanggal lahir berbeda dengan tanggal lahir dalam NIP",
                )
            )
    wanted = {
        row.nip  # type: ignore[attr-defined]
        for t in EMPLOYEE_TABLES
        for _, row in report.rows.get(t, [])
    } - file_nips
    known = _known_nips(db, wanted) | file_nips
    for tabel in EMPLOYEE_TABLES:
        for baris, row in report.rows.get(tabel, []):
            if row.nip not in known:  # type: ignore[attr-defined]
                report.errors.append(
                    Issue(
                        parsed.tables[tabel].berkas,
                        tabel,
                        baris,
                        "nip",
                        "NIP tidak ditemukan di data pegawai maupun berkas pegawai",
                    )
                )

    # Competency names: managerial / sosial kultural must match; unknown ones become teknis.
    new_names: dict[str, str] = {}
    for tabel in ("kompetensi", "standar_kompetensi"):
        for baris, row in report.rows.get(tabel, []):
            name = row.kompetensi  # type: ignore[attr-defined]
            if name.lower() in report.kompetensi_names or name.lower() in new_names:
                continue
            hint = _closest(name, fixed)
            if hint:
                report.errors.append(
                    Issue(
                        parsed.tables[tabel].berkas,
                        tabel,
                        baris,
                        "kompetensi",
                        f"kompetensi tidak dikenal: '{name}'{hint}",
                    )
                )
                continue
            new_names[name.lower()] = name
            report.warnings.append(
                Issue(
                    parsed.tables[tabel].berkas,
                    tabel,
                    baris,
                    "kompetensi",
                    f"kompetensi baru '{name}' akan dicatat sebagai kompetensi teknis",
                )
            )
    report.new_kompetensi = list(new_names.values())
    report.errors.sort(key=_issue_order)
    report.warnings.sort(key=_issue_order)
    return report


def _issue_order(i: Issue) -> tuple:
    t = TABLE_ORDER.index(i.tabel) if i.tabel in SPECS else -1
    return (t, i.berkas, i.baris or 0)
