"""Deterministic, seeded synthetic demo workforce for the 44 Kanreg X instances.

`build(db, employees, seed)` replaces every demo row (sumber = 'demo') of unit, pegawai,
kinerja, potensial, kompetensi, standar_kompetensi and pelatihan (and calibrations of demo
people) in one audited transaction; real reference rows (instansi, ism, published kematangan)
are never touched. Same seed and size give identical rows.

Pieces: `demo_units` (OPD names and position slots), `demo_names` (names by culture region),
`demo_people` (sizes, people, NIP), `demo_facts` (SKP, potential, competencies, training).
Generation is vectorised per instance; facts are inserted in chunks so that the national
scale (~4.7 million people) fits in memory.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import datetime

import duckdb
import numpy as np
import polars as pl

from analytics.demo_facts import kinerja, pelatihan, potensial_and_kompetensi, standar_kompetensi
from analytics.demo_people import Instance, assign_nip, instance_sizes, people_of_instance
from analytics.demo_units import instance_units
from analytics.store import Database

DATA_AS_OF = "2026-10-31"
TAHUN_MIN, TAHUN_MAX = 2024, 2026
DEMO_TABLES = (
    "kinerja",
    "potensial",
    "kompetensi",
    "standar_kompetensi",
    "pelatihan",
    "pegawai",
    "unit",
)
PEGAWAI_COLUMNS = (
    "nip", "nama", "instansi_id", "unit_id", "jenis_jabatan", "nama_jabatan", "jenjang",
    "golongan", "golongan_rank", "jenis_kelamin", "tanggal_lahir", "status_kepegawaian",
    "pendidikan", "tmt_jabatan", "tmt_cpns", "bup", "tanggal_pensiun",
)  # fmt: skip
# Facts are inserted whenever this many people have been processed (bounds memory).
CHUNK_PEOPLE = 400_000

Progress = Callable[[float, str], None]


def _insert(cur: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert a frame into a table as demo rows (columns by name)."""
    if frame.is_empty():
        return 0
    cols = ", ".join(frame.columns)
    cur.register("demo_tmp", frame)
    try:
        cur.execute(
            f"INSERT INTO {table} ({cols}, sumber) SELECT {cols}, 'demo' FROM demo_tmp"
        ).fetchall()
    finally:
        cur.unregister("demo_tmp")
    return frame.height


def _delete_demo(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(
        "DELETE FROM kalibrasi WHERE nip IN (SELECT nip FROM pegawai WHERE sumber = 'demo')"
    ).fetchall()
    for table in DEMO_TABLES:
        cur.execute(f"DELETE FROM {table} WHERE sumber = 'demo'").fetchall()


def _instances(db: Database) -> list[Instance]:
    df = db.query("SELECT id, nama, jenis, provinsi, ibukota FROM instansi ORDER BY id")
    if df.is_empty():
        raise RuntimeError("the store holds no instances; open it with reference.open_store")
    return [Instance(**row) for row in df.iter_rows(named=True)]


def build(
    db: Database,
    employees: int = 250_000,
    seed: int = 42,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Replace the demo workforce in the store; return the row counts per table."""
    say: Progress = progress or (lambda fraction, message: None)
    started = time.perf_counter()
    instances = _instances(db)
    sizes = instance_sizes(np.random.default_rng(seed), instances, employees)
    counts = dict.fromkeys(("unit", "pegawai", "kinerja", "potensial", "kompetensi",
                            "standar_kompetensi", "pelatihan"), 0)  # fmt: skip
    details = {"pegawai": employees, "seed": seed}
    with db.transaction("sistem", "bangun_demo", details=details) as cur:
        say(0.02, "Menghapus data contoh lama")
        _delete_demo(cur)
        say(0.05, "Menyiapkan unit kerja (OPD)")
        next_id = int(cur.execute("SELECT coalesce(max(id), 0) FROM unit").fetchall()[0][0]) + 1
        units, unit_ids, unit_rows = {}, {}, []
        for inst in instances:
            urng = np.random.default_rng([seed, inst.id, 1])
            units[inst.id] = instance_units(
                urng, inst.nama, inst.jenis, inst.ibukota, inst.provinsi
            )
            unit_ids[inst.id] = np.arange(next_id, next_id + len(units[inst.id]))
            next_id += len(units[inst.id])
            unit_rows += [
                (int(i), inst.id, u.nama)
                for i, u in zip(unit_ids[inst.id], units[inst.id], strict=True)
            ]
        unit_frame = pl.DataFrame(
            unit_rows, schema={"id": pl.Int32, "instansi_id": pl.Int32, "nama": pl.String},
            orient="row",
        )  # fmt: skip
        counts["unit"] = _insert(cur, "unit", unit_frame)

        say(0.1, "Membuat data pegawai")
        frames = []
        for inst, size in zip(instances, sizes, strict=True):
            prng = np.random.default_rng([seed, inst.id, 2])
            frames.append(
                people_of_instance(prng, inst, int(size), units[inst.id], unit_ids[inst.id])
            )
        people = assign_nip(pl.concat(frames))
        del frames
        counts["pegawai"] = _insert(cur, "pegawai", people.select(PEGAWAI_COLUMNS))

        say(0.35, "Membuat data kinerja, potensial, kompetensi dan pelatihan")
        offsets = np.concatenate([[0], np.cumsum(sizes)])
        batch: dict[str, list[pl.DataFrame]] = {"kinerja": [], "potensial": [], "kompetensi": [],
                                                 "pelatihan": []}  # fmt: skip
        pending = 0
        for k, inst in enumerate(instances):
            frng = np.random.default_rng([seed, inst.id, 3])
            part = people.slice(int(offsets[k]), int(sizes[k]))
            perf_effect = float(frng.normal(0.0, 1.0))
            jp_effect = float(frng.normal(0.0, 0.2))
            unit_effect = {
                int(u): float(e)
                for u, e in zip(
                    unit_ids[inst.id],
                    frng.lognormal(0.0, 0.18, len(unit_ids[inst.id])),
                    strict=True,
                )
            }
            batch["kinerja"].append(kinerja(frng, part, perf_effect))
            pot, komp = potensial_and_kompetensi(frng, part)
            batch["potensial"].append(pot)
            batch["kompetensi"].append(komp)
            batch["pelatihan"].append(pelatihan(frng, part, jp_effect, unit_effect))
            pending += part.height
            if pending >= CHUNK_PEOPLE or k == len(instances) - 1:
                for table, parts in batch.items():
                    counts[table] += _insert(cur, table, pl.concat(parts))
                    parts.clear()
                pending = 0
                say(0.35 + 0.5 * (k + 1) / len(instances), "Menyimpan data tahunan")
        counts["standar_kompetensi"] = _insert(cur, "standar_kompetensi", standar_kompetensi())

        for key, value in {
            "data_kind": "demo",
            "demo_seed": str(seed),
            "demo_employees": str(employees),
            "data_as_of": DATA_AS_OF,
            "tahun_min": str(TAHUN_MIN),
            "tahun_max": str(TAHUN_MAX),
            "built_at": datetime.now().isoformat(timespec="seconds"),
        }.items():
            db.set_meta(cur, key, value)
        say(0.9, "Menghitung agregat")
        try:
            from analytics.aggregates import refresh
        except ImportError:
            refresh = None
        if refresh is not None:
            refresh(cur)
        details["detik"] = round(time.perf_counter() - started, 1)
        details["baris"] = counts
    say(1.0, f"Selesai: {employees:,} pegawai contoh".replace(",", "."))
    return counts


def add_demo_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `python -m analytics demo`."""
    parser.add_argument("--employees", type=int, default=250_000, help="number of employees")
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    parser.add_argument("--db", help="database file (default: TALENTA_DB or data/talenta.duckdb)")


def _print_progress(fraction: float, message: str) -> None:
    print(f"[{fraction:4.0%}] {message}", flush=True)


def run_demo(args: argparse.Namespace) -> int:
    """Build the demo into the store named by the arguments and print the row counts."""
    from analytics.reference import open_store

    started = time.perf_counter()
    with open_store(args.db) as db:
        counts = build(db, args.employees, args.seed, progress=_print_progress)
        print(f"store: {db.path}")
    for table, rows in counts.items():
        print(f"  {table:20s} {rows:>12,d}")
    print(f"selesai dalam {time.perf_counter() - started:.1f} detik")
    return 0


def main_demo(args: argparse.Namespace) -> int:
    """Alias of `run_demo` for the CLI."""
    return run_demo(args)
