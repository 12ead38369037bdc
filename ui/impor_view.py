"""Display shaping for the Impor & Ekspor page (small frames only; no SQL, no store access).

The page stays thin: it reads widgets and calls `analytics.io`; these helpers turn the
validation report, import result and import log into small frames with Indonesian headers,
describe the file contract from `analytics.io.SPECS`, and spell out the equivalent
`python -m analytics export` command for the current filter.
"""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Callable
from datetime import datetime
from typing import Any

import polars as pl
import streamlit as st

from analytics import fmt
from analytics.domain import GOLONGAN
from analytics.filters import Filter, Scope
from analytics.io import SPECS, Issue, ValidationReport, export_frame, templates
from ui.text import impor as T

Files = list[tuple[str, bytes]]


def signature(files: Files) -> tuple[tuple[str, int, str], ...]:
    """Identity of a file selection: names, sizes and content digests, order-independent.

    The digest makes sure a corrected file with the same name and size is checked again.
    """
    return tuple(sorted((n, len(c), hashlib.sha256(c).hexdigest()[:16]) for n, c in files))


def names(files: Files) -> str:
    """File names with their sizes, for a one-line notice."""
    return ", ".join(f"{n} ({fmt.num(len(c) / 1024, 1)} KB)" for n, c in files)


@st.cache_data(show_spinner=False)
def template_files() -> dict[str, bytes]:
    """The downloadable templates (built once per process)."""
    return templates()


# -- contract --------------------------------------------------------------------------------
def _col(tabel: str, col: str) -> str:
    values = T.COLUMN_VALUES.get(f"{tabel}.{col}") or T.COLUMN_VALUES.get(col)
    if tabel == "potensial" and col == "level":
        values = "Tinggi/Sedang/Rendah"
    return f"`{col}`" + (f" ({values})" if values else "")


def contract_markdown() -> str:
    """The file contract as a Markdown table, generated from the validation specs."""
    lines = [T.CONTRACT_TABLE_HEADER, T.CONTRACT_TABLE_SEP]
    for name, spec in SPECS.items():
        required = ", ".join(_col(name, c) for c in spec.required)
        if spec.one_of:
            one_of = " / ".join(_col(name, c) for c in spec.one_of)
            required += "; " + T.ONE_OF.format(cols=one_of)
        optional = ", ".join(_col(name, c) for c in spec.optional) or "–"
        key = ", ".join(spec.key)
        lines.append(f"| `{name}` | {required} | {optional} | {key} |")
    return "\n".join(lines)


# -- validation report -------------------------------------------------------------------------
def summary_frame(report: ValidationReport) -> pl.DataFrame:
    """Per table: file/sheet, rows read, valid rows, errors, warnings (file-level rows too)."""
    parsed = report.parsed
    tables = parsed.tables if parsed else {}
    valid = report.row_count()
    order = [t for t in SPECS if t in tables or any(i.tabel == t for i in report.errors)]
    rows = []
    for t in order:
        table = tables.get(t)
        berkas = table.berkas if table else next(i.berkas for i in report.errors if i.tabel == t)
        rows.append(
            {
                T.COL_TABEL: T.TABLE_LABELS.get(t, t),
                T.COL_BERKAS: berkas,
                T.COL_DIBACA: fmt.num(len(table.rows)) if table else "0",
                T.COL_VALID: fmt.num(valid.get(t, 0)),
                T.COL_GALAT: fmt.num(sum(i.tabel == t for i in report.errors)),
                T.COL_PERINGATAN: fmt.num(sum(i.tabel == t for i in report.warnings)),
            }
        )
    others_e = sum(i.tabel is None for i in report.errors)
    others_w = sum(i.tabel is None for i in report.warnings)
    if others_e or others_w:
        rows.append(
            {
                T.COL_TABEL: T.FILE_LEVEL,
                T.COL_BERKAS: ", ".join(
                    sorted({i.berkas for i in report.errors + report.warnings if i.tabel is None})
                ),
                T.COL_DIBACA: "–",
                T.COL_VALID: "–",
                T.COL_GALAT: fmt.num(others_e),
                T.COL_PERINGATAN: fmt.num(others_w),
            }
        )
    cols = [T.COL_TABEL, T.COL_BERKAS, T.COL_DIBACA, T.COL_VALID, T.COL_GALAT, T.COL_PERINGATAN]
    return pl.DataFrame(rows, schema=dict.fromkeys(cols, pl.String))


def issues_table(issues: list[Issue]) -> pl.DataFrame:
    """Every issue as a row: file/sheet, table, spreadsheet row, column, reason."""
    return pl.DataFrame(
        {
            T.COL_BERKAS: [i.berkas for i in issues],
            T.COL_TABEL: [i.tabel or "" for i in issues],
            T.COL_BARIS: [i.baris for i in issues],
            T.COL_KOLOM: [i.kolom or "" for i in issues],
            T.COL_ALASAN: [i.alasan for i in issues],
        },
        schema={
            T.COL_BERKAS: pl.String,
            T.COL_TABEL: pl.String,
            T.COL_BARIS: pl.Int64,
            T.COL_KOLOM: pl.String,
            T.COL_ALASAN: pl.String,
        },
    )


def valid_rows(report: ValidationReport) -> int:
    """Valid rows over all tables."""
    return sum(report.row_count().values())


# -- import result and log ----------------------------------------------------------------------
def result_frame(result: Any) -> pl.DataFrame:
    """Per table of an ImportResult: added, updated, unchanged."""
    tables = list(dict.fromkeys([*result.added, *result.unchanged]))
    return pl.DataFrame(
        {
            T.COL_TABEL: [T.TABLE_LABELS.get(t, t) for t in tables],
            T.COL_DITAMBAH: [fmt.num(result.added.get(t, 0)) for t in tables],
            T.COL_DIPERBARUI: [fmt.num(result.updated.get(t, 0)) for t in tables],
            T.COL_TETAP: [fmt.num(result.unchanged.get(t, 0)) for t in tables],
        },
        schema={
            T.COL_TABEL: pl.String,
            T.COL_DITAMBAH: pl.String,
            T.COL_DIPERBARUI: pl.String,
            T.COL_TETAP: pl.String,
        },
    )


def when(d: datetime | None) -> str:
    """'28 Nov 2026 14:05'."""
    return "–" if d is None else f"{fmt.tanggal(d)} {d:%H:%M}"


def history_frame(hist: pl.DataFrame) -> pl.DataFrame:
    """The import log (newest first) with Indonesian headers and formatted values."""
    return pl.DataFrame(
        {
            T.COL_ID: [f"#{i}" for i in hist["id"]],
            T.COL_PADA: [when(d) for d in hist["pada"]],
            T.COL_OLEH: hist["oleh"].to_list(),
            T.COL_BERKAS: hist["berkas"].to_list(),
            T.COL_DITAMBAH: [fmt.num(v) for v in hist["ditambah"]],
            T.COL_DIPERBARUI: [fmt.num(v) for v in hist["diperbarui"]],
            T.COL_STATUS: [T.STATUS_LABELS.get(s, s) for s in hist["status"]],
        },
        schema=dict.fromkeys(
            [
                T.COL_ID,
                T.COL_PADA,
                T.COL_OLEH,
                T.COL_BERKAS,
                T.COL_DITAMBAH,
                T.COL_DIPERBARUI,
                T.COL_STATUS,
            ],
            pl.String,
        ),  # fmt: skip
    )


def active_imports(hist: pl.DataFrame) -> list[dict[str, Any]]:
    """Active imports, newest first (id, pada, berkas)."""
    return [r for r in hist.iter_rows(named=True) if r["status"] == "aktif"]


# -- exports -----------------------------------------------------------------------------------
def file_name(report: str, flt: Filter, ext: str) -> str:
    """Download file name, e.g. 'ninebox_2026.csv'."""
    return f"{report.replace('-', '_')}_{flt.tahun}.{ext}"


def person_export(
    fn: Callable[..., pl.DataFrame], db: Any, flt: Filter, scope: Scope, ext: str, sheet: str
) -> bytes:
    """Query a person-level export and write it (runs in Streamlit's download thread)."""
    return export_frame(fn(db, flt, scope), ext, sheet)


def cli_command(
    report: str, flt: Filter, unit_names: list[str], ext: str = "csv", user: str | None = None
) -> str:
    """The `python -m analytics export` command producing the same file for this filter
    (`--user` applies a signed-in account's role and instance scope, as on the page)."""
    parts = ["python", "-m", "analytics", "export", report, "--db", "PATH", "--tahun",
             str(flt.tahun)]  # fmt: skip
    if flt.instansi:
        parts += ["--instansi", *map(str, flt.instansi)]
    if unit_names:
        parts += ["--unit", *unit_names]
    if flt.jenis_jabatan:
        parts += ["--jenis-jabatan", *flt.jenis_jabatan]
    if flt.golongan_min > 1 or flt.golongan_max < len(GOLONGAN):
        lo, hi = GOLONGAN[flt.golongan_min - 1], GOLONGAN[flt.golongan_max - 1]
        parts += ["--golongan", lo if lo == hi else f"{lo}-{hi}"]
    if flt.status:
        parts += ["--status", *flt.status]
    if user:
        parts += ["--user", user]
    parts += ["--out", file_name(report, flt, ext)]
    return shlex.join(parts)
