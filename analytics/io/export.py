"""CSV / XLSX writers for exports and error reports, with formula neutralisation.

A text cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return) is prefixed with a
single quote so that no spreadsheet runs it as a formula (CSV injection). Numbers stay
numbers: a numeric -5 is written as the number -5. The importer strips that quote again, so
an export of a table can be imported back unchanged.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any, Literal

import polars as pl

from analytics.io.validate import Issue, ValidationReport

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix a text value that a spreadsheet would read as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Neutralise every text column of a frame (numeric columns are left alone)."""
    pattern = r"^[=+\-@\t\r]"
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(pattern))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c, dt in frame.schema.items()
        if dt == pl.String
    )


def _csv_bytes(frame: pl.DataFrame) -> bytes:
    out = io.BytesIO()
    # Nested / object columns cannot go to CSV: render them as text.
    flat = frame.with_columns(
        pl.col(c).cast(pl.String) for c, dt in frame.schema.items() if dt.is_nested()
    )
    flat.write_csv(out, include_bom=True, date_format="%Y-%m-%d")
    return out.getvalue()


def _cell_writer(ws: Any, dtype: pl.DataType, date_fmt: Any, dt_fmt: Any) -> Any:
    """The xlsxwriter call for one column's type (numbers stay numbers, NaN/inf left blank)."""
    if dtype == pl.Boolean:
        return ws.write_boolean
    if dtype.is_numeric():

        def write_number(i: int, j: int, v: float) -> None:
            if v == v and v not in (float("inf"), float("-inf")):
                ws.write_number(i, j, v)

        return write_number
    if dtype == pl.Datetime:
        return lambda i, j, v: ws.write_datetime(i, j, v, dt_fmt)
    if dtype == pl.Date:
        return lambda i, j, v: ws.write_datetime(i, j, datetime(v.year, v.month, v.day), date_fmt)
    return lambda i, j, v: ws.write_string(i, j, str(v))


def _xlsx_bytes(frames: dict[str, pl.DataFrame]) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },  # fmt: skip
    )
    bold = wb.add_format({"bold": True})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    dt_fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for sheet, frame in frames.items():
        ws = wb.add_worksheet(sheet[:31])
        writers = []
        for j, (name, dtype) in enumerate(frame.schema.items()):
            ws.write_string(0, j, name, bold)
            ws.set_column(j, j, max(10, min(40, len(name) + 2)))
            writers.append(_cell_writer(ws, dtype, date_fmt, dt_fmt))
        # Column-wise: one type dispatch per column instead of per cell.
        for j, (write, col) in enumerate(zip(writers, frame.iter_columns(), strict=True)):
            for i, v in enumerate(col.to_list(), start=1):
                if v is not None:
                    write(i, j, v)
        ws.freeze_panes(1, 0)
    wb.close()
    return out.getvalue()


def export_frame(
    frame: pl.DataFrame, fmt: Literal["csv", "xlsx"] = "csv", sheet: str = "data"
) -> bytes:
    """A frame as CSV (UTF-8 with BOM) or XLSX bytes, text cells neutralised."""
    safe = neutralise_frame(frame)
    if fmt == "csv":
        return _csv_bytes(safe)
    if fmt == "xlsx":
        return _xlsx_bytes({sheet: safe})
    raise ValueError(f"unknown export format: {fmt!r} (csv or xlsx)")


def export_workbook(frames: dict[str, pl.DataFrame]) -> bytes:
    """Several frames as one XLSX workbook, a sheet per frame, text cells neutralised."""
    return _xlsx_bytes({s: neutralise_frame(f) for s, f in frames.items()})


def issues_frame(errors: list[Issue], warnings: list[Issue] | None = None) -> pl.DataFrame:
    """Errors (and warnings) as a frame: jenis, berkas, tabel, baris, kolom, alasan."""
    rows = [("galat", i) for i in errors] + [("peringatan", i) for i in warnings or []]
    return pl.DataFrame(
        {
            "jenis": [k for k, _ in rows],
            "berkas": [i.berkas for _, i in rows],
            "tabel": [i.tabel for _, i in rows],
            "baris": [i.baris for _, i in rows],
            "kolom": [i.kolom for _, i in rows],
            "alasan": [i.alasan for _, i in rows],
        },
        schema={
            "jenis": pl.String,
            "berkas": pl.String,
            "tabel": pl.String,
            "baris": pl.Int64,
            "kolom": pl.String,
            "alasan": pl.String,
        },
    )


def errors_csv(report: Any) -> bytes:
    """The errors and warnings of a ValidationReport or ImportResult as downloadable CSV."""
    if isinstance(report, ValidationReport) or hasattr(report, "errors"):
        return export_frame(issues_frame(report.errors, report.warnings), "csv")
    raise TypeError("errors_csv expects a ValidationReport or ImportResult")


def audited(db: Any, user: str, report: str, fmt: str, details: dict[str, Any], build: Any) -> Any:
    """Wrap a zero-argument file builder so that producing the file writes an audit row."""

    def run() -> bytes:
        data = build()
        db.audit(user, "ekspor", report, {"format": fmt, "bytes": len(data), **details})
        return data

    return run
