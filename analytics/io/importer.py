"""All-or-nothing import of validated files into the store, the import log, and restore.

One import = one `Database.transaction`. For every keyed table the importer upserts by the
natural key (delete the matching rows, insert the new ones) and counts added, updated and
unchanged rows; a row identical to the stored one is left alone, so importing the same file
twice changes nothing the second time (and nothing is logged for an import that changes
nothing).

Restore: before commit, the rows an import replaces are written as Parquet to
`<db dir>/backup/<db stem>/<import_id>/<table>.parquet` (plus `manifest.json`). Undoing an
import deletes the rows carrying its `import_id`, re-inserts the saved rows, and removes the
units and competencies it created. Imports are undone newest first, so
`restore_before_import(db, n, user)` returns the store to the state before import n, and
`restore_before_all_imports` to the state before the first one.
"""

from __future__ import annotations

import importlib
import json
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.domain import JENJANG_FUNGSIONAL, bup, golongan_rank
from analytics.io.validate import (
    SPECS,
    Issue,
    ParsedImport,
    ValidationReport,
    parse_files,
    validate,
)
from analytics.store import Database

# Store table, natural key, compared value columns, optional extra SQL scope on the table.
_TARGETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str]] = {
    "pegawai": (
        "pegawai",
        ("nip",),
        (
            "nama",
            "instansi_id",
            "unit_id",
            "jenis_jabatan",
            "nama_jabatan",
            "jenjang",
            "golongan",
            "golongan_rank",
            "jenis_kelamin",
            "tanggal_lahir",
            "status_kepegawaian",
            "pendidikan",
            "tmt_jabatan",
            "tmt_cpns",
            "bup",
            "tanggal_pensiun",
        ),
        "",
    ),
    "standar_kompetensi": (
        "standar_kompetensi",
        ("jenis_jabatan", "nama_jabatan", "kompetensi"),
        ("level_standar", "tingkat_kepentingan"),
        "",
    ),
    "kinerja": ("kinerja", ("nip", "tahun"), ("predikat",), ""),
    "potensial": ("potensial", ("nip", "tahun"), ("level", "skor"), ""),
    "kompetensi": ("kompetensi", ("nip", "tahun", "kompetensi"), ("level",), ""),
    "pelatihan": (
        "pelatihan",
        ("nip", "tanggal_mulai", "nama_kegiatan"),
        ("tanggal_selesai", "jalur", "jenis", "jp"),
        "",
    ),
    # Only rows imported earlier are ever replaced; published rows stay untouched.
    "kematangan_mt": (
        "kematangan",
        ("instansi_id", "periode"),
        ("pembangunan_mt", "penerapan_mt", "skor_ism", "tahun_ism", "catatan"),
        "t.sumber = 'impor'",
    ),
}
# Store tables an import can write, in the order they are undone.
_STORE_TABLES = ("pegawai", "standar_kompetensi", "kinerja", "potensial", "kompetensi",
                 "pelatihan", "kematangan")  # fmt: skip

_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "pegawai": {
        "nip": pl.String(),
        "nama": pl.String(),
        "instansi_id": pl.Int32(),
        "unit_id": pl.Int32(),
        "jenis_jabatan": pl.String(),
        "nama_jabatan": pl.String(),
        "jenjang": pl.String(),
        "golongan": pl.String(),
        "golongan_rank": pl.Int16(),
        "jenis_kelamin": pl.String(),
        "tanggal_lahir": pl.Date(),
        "status_kepegawaian": pl.String(),
        "pendidikan": pl.String(),
        "tmt_jabatan": pl.Date(),
        "tmt_cpns": pl.Date(),
        "bup": pl.Int16(),
        "tanggal_pensiun": pl.Date(),
    },
    "standar_kompetensi": {
        "jenis_jabatan": pl.String(),
        "nama_jabatan": pl.String(),
        "kompetensi": pl.String(),
        "level_standar": pl.Int16(),
        "tingkat_kepentingan": pl.String(),
    },
    "kinerja": {"nip": pl.String(), "tahun": pl.Int16(), "predikat": pl.String()},
    "potensial": {
        "nip": pl.String(),
        "tahun": pl.Int16(),
        "level": pl.String(),
        "skor": pl.Float64(),
    },
    "kompetensi": {
        "nip": pl.String(),
        "tahun": pl.Int16(),
        "kompetensi": pl.String(),
        "level": pl.Int16(),
    },
    "pelatihan": {
        "nip": pl.String(),
        "tanggal_mulai": pl.Date(),
        "tanggal_selesai": pl.Date(),
        "nama_kegiatan": pl.String(),
        "jalur": pl.String(),
        "jenis": pl.String(),
        "jp": pl.Float64(),
    },
    "kematangan_mt": {
        "instansi_id": pl.Int32(),
        "periode": pl.Date(),
        "pembangunan_mt": pl.String(),
        "penerapan_mt": pl.String(),
        "skor_ism": pl.Float64(),
        "tahun_ism": pl.Int16(),
        "catatan": pl.String(),
    },
}


class RestoreError(RuntimeError):
    """A restore that cannot proceed (message in Indonesian)."""


class _NothingChanged(Exception):
    """Internal: roll back an import whose rows are all already stored."""


@dataclass
class ImportResult:
    """Outcome of `run_import`: accepted or not, counts per table, every error and warning."""

    ok: bool
    import_id: int | None = None
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    duplicate_of: int | None = None  # an earlier import with the same content hash
    report: ValidationReport | None = None

    @property
    def total_added(self) -> int:
        """Rows added over all tables."""
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        """Rows updated over all tables."""
        return sum(self.updated.values())

    @property
    def message(self) -> str:
        """One Indonesian sentence summarising the outcome."""
        if not self.ok:
            return (
                f"Impor ditolak: {len(self.errors)} masalah ditemukan; tidak ada data yang diubah."
            )
        if self.import_id is None:
            again = f" (berkas ini sudah diimpor sebagai impor #{self.duplicate_of})"
            return (
                "Tidak ada perubahan: semua baris sudah tersimpan"
                + (again if self.duplicate_of else "")
                + "."
            )
        parts = [
            f"{t}: {self.added.get(t, 0)} ditambah, {self.updated.get(t, 0)} diperbarui"
            for t in self.added
        ]
        return f"Impor #{self.import_id} diterima ({'; '.join(parts)})."


# ---------------------------------------------------------------------------------------
# Frames from validated rows
# ---------------------------------------------------------------------------------------
def pension_date(tanggal_lahir: date, bup_years: int) -> date:
    """First day of the month after the birthday at BUP age."""
    y, m = tanggal_lahir.year + bup_years, tanggal_lahir.month + 1
    if m == 13:
        y, m = y + 1, 1
    return date(y, m, 1)


def jenjang_from_title(jenis_jabatan: str, nama_jabatan: str) -> str | None:
    """The fungsional level named in a position title ('Analis SDM Ahli Muda' → 'Ahli Muda')."""
    if jenis_jabatan != "Fungsional":
        return None
    title = nama_jabatan.lower()
    for j in sorted(JENJANG_FUNGSIONAL, key=len, reverse=True):
        if j.lower() in title:
            return j
    return None


def _resolve_units(
    cur: duckdb.DuckDBPyConnection, pairs: set[tuple[int, str]]
) -> tuple[dict[tuple[int, str], int], list[int]]:
    """Map (instansi_id, unit name lower) to unit ids, creating missing units."""
    rows = cur.execute("SELECT id, instansi_id, nama FROM unit").fetchall()
    ids = {(i, n.lower()): u for u, i, n in rows}
    next_id = max((u for u, _, _ in rows), default=0) + 1
    created: list[int] = []
    new_rows = []
    for inst, name in sorted(pairs):
        k = (inst, name.lower())
        if k in ids:
            continue
        ids[k] = next_id
        new_rows.append((next_id, inst, name))
        created.append(next_id)
        next_id += 1
    if new_rows:
        frame = pl.DataFrame(
            new_rows,
            schema={"id": pl.Int32, "instansi_id": pl.Int32, "nama": pl.String},
            orient="row",
        )
        cur.register("imp_unit", frame)
        cur.execute(
            "INSERT INTO unit (id, instansi_id, nama, sumber) "
            "SELECT id, instansi_id, nama, 'impor' FROM imp_unit"
        )
        cur.unregister("imp_unit")
    return ids, created


def _frame(
    tabel: str, report: ValidationReport, cur: duckdb.DuckDBPyConnection
) -> tuple[pl.DataFrame, list[int]]:
    rows = [r for _, r in report.rows.get(tabel, [])]
    created_units: list[int] = []
    records: list[dict[str, Any]] = []
    canon = report.kompetensi_names | {n.lower(): n for n in report.new_kompetensi}
    if tabel == "pegawai":
        pairs = {(report.instansi_ids[r.instansi.lower()], r.unit_kerja) for r in rows}
        unit_ids, created_units = _resolve_units(cur, pairs)
        for r in rows:
            inst = report.instansi_ids[r.instansi.lower()]
            jenjang = jenjang_from_title(r.jenis_jabatan, r.nama_jabatan)
            age = bup(r.jenis_jabatan, jenjang)
            records.append(
                {
                    "nip": r.nip,
                    "nama": r.nama,
                    "instansi_id": inst,
                    "unit_id": unit_ids[(inst, r.unit_kerja.lower())],
                    "jenis_jabatan": r.jenis_jabatan,
                    "nama_jabatan": r.nama_jabatan,
                    "jenjang": jenjang,
                    "golongan": r.golongan,
                    "golongan_rank": golongan_rank(r.golongan),
                    "jenis_kelamin": r.jenis_kelamin,
                    "tanggal_lahir": r.tanggal_lahir,
                    "status_kepegawaian": r.status_kepegawaian,
                    "pendidikan": r.pendidikan,
                    "tmt_jabatan": r.tmt_jabatan,
                    "tmt_cpns": r.tmt_cpns,
                    "bup": age,
                    "tanggal_pensiun": pension_date(r.tanggal_lahir, age),
                }
            )
    elif tabel == "kematangan_mt":
        for r in rows:
            d = r.model_dump()
            d["instansi_id"] = report.instansi_ids[d.pop("instansi").lower()]
            records.append(d)
    else:
        for r in rows:
            d = r.model_dump()
            if "kompetensi" in d:
                d["kompetensi"] = canon.get(d["kompetensi"].lower(), d["kompetensi"])
            records.append(d)
    schema = _SCHEMAS[tabel]
    frame = pl.DataFrame(records, schema=schema) if records else pl.DataFrame(schema=schema)
    return frame, created_units


# ---------------------------------------------------------------------------------------
# Upsert
# ---------------------------------------------------------------------------------------
def _key_cond(keys: tuple[str, ...], left: str, right: str) -> str:
    return " AND ".join(f"{left}.{k} IS NOT DISTINCT FROM {right}.{k}" for k in keys)


def _upsert(
    cur: duckdb.DuckDBPyConnection,
    tabel: str,
    frame: pl.DataFrame,
    extra: dict[str, Any],
) -> tuple[int, int, int, pl.DataFrame]:
    """Upsert a frame by natural key: (added, updated, unchanged, replaced stored rows)."""
    table, keys, compare, scope = _TARGETS[tabel]
    where = f" AND {scope}" if scope else ""
    cur.register("imp_new", frame)
    try:
        existing = cur.sql(
            f"SELECT t.* FROM {table} t WHERE EXISTS "
            f"(SELECT 1 FROM imp_new n WHERE {_key_cond(keys, 'n', 't')}){where}"
        ).pl()
    finally:
        cur.unregister("imp_new")
    cols = list(keys + compare)
    old = existing.select([pl.col(c).cast(frame.schema[c]) for c in cols])
    same = frame.join(old, on=cols, how="semi", nulls_equal=True)
    changed = frame.join(same.select(keys), on=list(keys), how="anti", nulls_equal=True)
    old_keys = old.select(keys).unique()
    added = changed.join(old_keys, on=list(keys), how="anti", nulls_equal=True).height
    updated = changed.height - added
    replaced = existing.join(
        changed.select(keys).cast({k: existing.schema[k] for k in keys}),
        on=list(keys),
        how="semi",
        nulls_equal=True,
    )
    if changed.height:
        cur.register("imp_chg", changed.with_columns(**{k: pl.lit(v) for k, v in extra.items()}))
        try:
            cur.execute(
                f"DELETE FROM {table} t WHERE EXISTS "
                f"(SELECT 1 FROM imp_chg n WHERE {_key_cond(keys, 'n', 't')}){where}"
            ).fetchall()
            cur.execute(f"INSERT INTO {table} BY NAME SELECT * FROM imp_chg").fetchall()
        finally:
            cur.unregister("imp_chg")
    return added, updated, same.height, replaced


def backup_root(db: Database) -> Path:
    """Folder holding the per-import backups of replaced rows for this store."""
    return db.path.parent / "backup" / db.path.stem


def _refresh_aggregates(cur: duckdb.DuckDBPyConnection) -> None:
    try:
        mod = importlib.import_module("analytics.aggregates")
    except ModuleNotFoundError as exc:
        if exc.name != "analytics.aggregates":
            raise
        return
    refresh = getattr(mod, "refresh", None)
    if callable(refresh):
        refresh(cur)


def _previous_import(db: Database, sidik: str) -> int | None:
    rows = db.query(
        "SELECT id, rincian FROM impor_log WHERE sidik = $s ORDER BY id DESC", {"s": sidik}
    )
    for i, rincian in zip(rows["id"], rows["rincian"], strict=True):
        if not json.loads(rincian or "{}").get("dipulihkan_pada"):
            return int(i)
    return None


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------
def load_validated(db: Database, report: ValidationReport, user: str) -> ImportResult:
    """Load a validated import in one transaction (call `validate` first)."""
    parsed = report.parsed or ParsedImport()
    result = ImportResult(ok=report.ok, errors=list(report.errors), warnings=list(report.warnings),
                          report=report)  # fmt: skip
    if not report.ok:
        return result
    result.duplicate_of = _previous_import(db, parsed.sidik)
    import_id = int(db.scalar("SELECT nextval('impor_seq')"))
    folder = backup_root(db) / str(import_id)
    details = {"impor_id": import_id, "berkas": parsed.names, "sidik": parsed.sidik}
    try:
        with db.transaction(user, "impor", f"impor #{import_id}", details) as cur:
            extra = {"sumber": "impor", "import_id": import_id}
            replaced: dict[str, pl.DataFrame] = {}
            created_units: list[int] = []
            if report.new_kompetensi:
                start = cur.execute(
                    "SELECT coalesce(max(urutan), 0) FROM kompetensi_ref"
                ).fetchall()[0][0]
                for i, name in enumerate(report.new_kompetensi, start=1):
                    cur.execute(
                        "INSERT INTO kompetensi_ref VALUES ($n, 'teknis', $u)",
                        {"n": name, "u": start + i},
                    ).fetchall()
            for tabel in _TARGETS:
                if tabel not in report.rows:
                    continue
                frame, units = _frame(tabel, report, cur)
                created_units += units
                ext = dict(extra)
                if tabel == "kematangan_mt":
                    ext |= {"dicatat_oleh": user, "dicatat_pada": datetime.now()}
                a, u, same, old = _upsert(cur, tabel, frame, ext)
                result.added[tabel], result.updated[tabel], result.unchanged[tabel] = a, u, same
                if old.height:
                    replaced[_TARGETS[tabel][0]] = old
            if result.total_added + result.total_updated == 0 and not created_units:
                raise _NothingChanged
            _refresh_aggregates(cur)
            rincian = {
                "tabel": {
                    t: {
                        "ditambah": result.added[t],
                        "diperbarui": result.updated[t],
                        "tetap": result.unchanged[t],
                    }
                    for t in result.added
                },
                "peringatan": len(report.warnings),
                "unit_baru": created_units,
                "kompetensi_baru": report.new_kompetensi,
                "cadangan": str(folder),
            }
            cur.execute(
                "INSERT INTO impor_log VALUES ($id, $pada, $oleh, $berkas, $sidik, $tambah, "
                "$ubah, $rincian)",
                {
                    "id": import_id,
                    "pada": datetime.now(),
                    "oleh": user,
                    "berkas": json.dumps(parsed.names, ensure_ascii=False),
                    "sidik": parsed.sidik,
                    "tambah": result.total_added,
                    "ubah": result.total_updated,
                    "rincian": json.dumps(rincian, ensure_ascii=False),
                },
            ).fetchall()
            # The backup must exist before the commit.
            folder.mkdir(parents=True, exist_ok=True)
            for table, frame in replaced.items():
                frame.write_parquet(folder / f"{table}.parquet")
            (folder / "manifest.json").write_text(
                json.dumps({"impor_id": import_id, **rincian, "tabel_cadangan": list(replaced)}),
                encoding="utf-8",
            )
    except _NothingChanged:
        result.added = dict.fromkeys(result.added, 0)
        result.updated = dict.fromkeys(result.updated, 0)
        return result
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    result.import_id = import_id
    return result


def run_import(
    db: Database,
    files: list[tuple[str, bytes]],
    user: str,
    *,
    max_bytes: int | None = None,
) -> ImportResult:
    """Parse, validate and (only when there is no error) load files as one import."""
    parsed = parse_files(files, max_bytes=max_bytes)
    report = validate(db, parsed)
    return load_validated(db, report, user)


def import_history(db: Database) -> pl.DataFrame:
    """The import log, newest first, with a status column (aktif / dipulihkan)."""
    log = db.query(
        "SELECT id, pada, oleh, berkas, sidik, ditambah, diperbarui, rincian "
        "FROM impor_log ORDER BY id DESC"
    )
    status = [
        "dipulihkan" if json.loads(r or "{}").get("dipulihkan_pada") else "aktif"
        for r in log["rincian"]
    ]
    berkas = [", ".join(json.loads(b)) for b in log["berkas"]]
    return log.with_columns(
        pl.Series("berkas", berkas, dtype=pl.String),
        pl.Series("status", status, dtype=pl.String),
    )


def _active_imports(db: Database) -> list[int]:
    hist = import_history(db)
    return sorted(hist.filter(pl.col("status") == "aktif")["id"].to_list())


def _undo_one(db: Database, cur: duckdb.DuckDBPyConnection, import_id: int, user: str) -> None:
    rincian_s = cur.execute(
        "SELECT rincian FROM impor_log WHERE id = $id", {"id": import_id}
    ).fetchall()[0][0]
    rincian = json.loads(rincian_s or "{}")
    folder = Path(rincian.get("cadangan") or backup_root(db) / str(import_id))
    if not (folder / "manifest.json").exists():
        raise RestoreError(
            f"Cadangan impor #{import_id} tidak ditemukan di {folder}; pemulihan dibatalkan."
        )
    for table in _STORE_TABLES:
        cur.execute(f"DELETE FROM {table} WHERE import_id = $id", {"id": import_id}).fetchall()
        saved = folder / f"{table}.parquet"
        if saved.exists():
            frame = pl.read_parquet(saved)
            cur.register("imp_restore", frame)
            try:
                cur.execute(f"INSERT INTO {table} BY NAME SELECT * FROM imp_restore").fetchall()
            finally:
                cur.unregister("imp_restore")
    for unit_id in rincian.get("unit_baru", []):
        cur.execute(
            "DELETE FROM unit WHERE id = $u AND NOT EXISTS "
            "(SELECT 1 FROM pegawai WHERE unit_id = $u)",
            {"u": unit_id},
        ).fetchall()
    for name in rincian.get("kompetensi_baru", []):
        cur.execute(
            "DELETE FROM kompetensi_ref WHERE nama = $n AND kelompok = 'teknis' "
            "AND NOT EXISTS (SELECT 1 FROM kompetensi WHERE kompetensi = $n) "
            "AND NOT EXISTS (SELECT 1 FROM standar_kompetensi WHERE kompetensi = $n)",
            {"n": name},
        ).fetchall()
    rincian["dipulihkan_pada"] = datetime.now().isoformat(timespec="seconds")
    rincian["dipulihkan_oleh"] = user
    cur.execute(
        "UPDATE impor_log SET rincian = $r WHERE id = $id",
        {"r": json.dumps(rincian, ensure_ascii=False), "id": import_id},
    ).fetchall()


def restore_before_import(db: Database, import_id: int, user: str) -> list[int]:
    """Undo import `import_id` and every later active import (newest first), atomically."""
    active = _active_imports(db)
    if import_id not in active:
        raise RestoreError(f"Impor #{import_id} tidak ada atau sudah dipulihkan.")
    undo = [i for i in reversed(active) if i >= import_id]
    with db.transaction(user, "pulihkan_impor", f"impor #{import_id}", {"dibatalkan": undo}) as cur:
        for i in undo:
            _undo_one(db, cur, i, user)
        _refresh_aggregates(cur)
    return undo


def undo_import(db: Database, import_id: int, user: str) -> None:
    """Undo one import; only the newest active import can be undone on its own."""
    active = _active_imports(db)
    if active and import_id in active and active[-1] != import_id:
        later = ", ".join(f"#{i}" for i in active if i > import_id)
        raise RestoreError(
            f"Impor #{import_id} tidak dapat dibatalkan sendiri karena ada impor sesudahnya "
            f"({later}); pulihkan keadaan sebelum impor #{import_id}."
        )
    restore_before_import(db, import_id, user)


def restore_before_all_imports(db: Database, user: str) -> list[int]:
    """Undo every active import, returning the store to its state before the first one."""
    active = _active_imports(db)
    return restore_before_import(db, active[0], user) if active else []


def known_tables() -> list[str]:
    """Importable table names (file / sheet names)."""
    return list(SPECS)
