"""Small hand-made stores for tests: real DuckDB files, rows built in code."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from analytics.domain import bup as bup_for
from analytics.domain import golongan_rank
from analytics.reference import open_store
from analytics.store import Database

_seq = itertools.count(1)


def make_store(path: Path) -> Database:
    """A new store holding only the reference data."""
    return open_store(path)


def add_unit(db: Database, instansi_id: int, nama: str) -> int:
    """Insert a unit and return its id."""
    uid = int(db.scalar("SELECT coalesce(max(id), 0) + 1 FROM unit"))
    with db.transaction("test", "tambah_unit") as cur:
        cur.execute(
            "INSERT INTO unit VALUES ($id, $i, $n, 'impor')",
            {"id": uid, "i": instansi_id, "n": nama},
        )
    return uid


def nip_for(lahir: date, tmt: date, gender: str, seq: int) -> str:
    """A valid PNS NIP for a birth date, CPNS start, gender (L/P) and sequence."""
    g = "1" if gender == "L" else "2"
    return f"{lahir:%Y%m%d}{tmt:%Y%m}{g}{seq % 1000:03d}"


def add_pegawai(
    db: Database,
    *,
    instansi_id: int,
    unit_id: int,
    nama: str = "Pegawai Uji",
    jenis_jabatan: str = "Pelaksana",
    nama_jabatan: str = "Pengadministrasi Umum",
    jenjang: str | None = None,
    golongan: str = "III/a",
    jenis_kelamin: str = "L",
    tanggal_lahir: date = date(1985, 5, 17),
    tmt_cpns: date = date(2010, 3, 1),
    status: str = "PNS",
    pendidikan: str = "S1",
    nip: str | None = None,
) -> str:
    """Insert one employee and return the NIP."""
    nip = nip or nip_for(tanggal_lahir, tmt_cpns, jenis_kelamin, next(_seq))
    b = bup_for(jenis_jabatan, jenjang)
    y, m = tanggal_lahir.year + b, tanggal_lahir.month + 1
    pensiun = date(y + (m > 12), (m - 1) % 12 + 1, 1)
    with db.transaction("test", "tambah_pegawai") as cur:
        cur.execute(
            """INSERT INTO pegawai (nip, nama, instansi_id, unit_id, jenis_jabatan, nama_jabatan,
                 jenjang, golongan, golongan_rank, jenis_kelamin, tanggal_lahir,
                 status_kepegawaian, pendidikan, tmt_jabatan, tmt_cpns, bup, tanggal_pensiun,
                 sumber)
               VALUES ($nip, $nama, $i, $u, $jj, $nj, $jg, $g, $gr, $jk, $tl, $st, $pd, NULL,
                 $tmt, $bup, $pensiun, 'impor')""",
            {
                "nip": nip,
                "nama": nama,
                "i": instansi_id,
                "u": unit_id,
                "jj": jenis_jabatan,
                "nj": nama_jabatan,
                "jg": jenjang,
                "g": golongan,
                "gr": golongan_rank(golongan),
                "jk": jenis_kelamin,
                "tl": tanggal_lahir,
                "st": status,
                "pd": pendidikan,
                "tmt": tmt_cpns,
                "bup": b,
                "pensiun": pensiun,
            },
        )
    return nip


def add_rows(db: Database, table: str, rows: list[dict]) -> None:
    """Insert dict rows into a source table (columns named by the dict keys)."""
    if not rows:
        return
    cols = list(rows[0])
    allowed = {"kinerja", "potensial", "kompetensi", "pelatihan", "standar_kompetensi"}
    if table not in allowed or not all(c.isidentifier() for c in cols):
        raise ValueError(table)
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('$' + c for c in cols)})"
    with db.transaction("test", f"tambah_{table}") as cur:
        for row in rows:
            cur.execute(sql, row)
        from analytics.aggregates import refresh

        refresh(cur)


APP = str(Path(__file__).resolve().parent.parent / "app.py")  # for AppTest.from_file(APP)
