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
        from analytics.aggregates import refresh

        refresh(cur)  # keep pre-aggregates (counted people) consistent, as imports do
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


# People of a Komite Talenta meeting (analytics.meeting tests): instance 1 gets seven people
# with known boxes in 2025, instance 2 one person who must never appear in an instance-1 meeting.
MEETING_PEOPLE: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    # key, nama, golongan, predikat 2025, potential level 2025 -> box
    ("p9", "Ni Made Ayu Lestari, S.E.", "III/b", "Sangat Baik", "Tinggi"),  # 9
    ("p8", "I Gede Putu Wirawan", "III/a", "Baik", "Tinggi"),  # 8
    ("p7a", "Komang Sri Wahyuni, S.Kom.", "III/a", "Sangat Baik", "Sedang"),  # 7
    ("p5", "Dewa Ketut Arsana", "III/c", "Baik", "Sedang"),  # 5
    ("p1", "Luh Putu Sekarini", "II/d", "Butuh Perbaikan", "Rendah"),  # 1
    ("px", "Wayan Darmaja", "III/a", "Baik", None),  # unmapped (no potential)
    ("p7b", "Made Oka Swastika, M.Si.", "III/d", "Sangat Baik", "Sedang"),  # 7
)


def add_meeting_people(db: Database) -> dict[str, tuple[str, str]]:
    """Insert MEETING_PEOPLE into instance 1 (plus one person in instance 2) with 2025 SKP,
    potential, one competency and JP; p9 also has 2024 (box 9). Returns key -> (nip, nama)."""
    u1 = add_unit(db, 1, "Badan Kepegawaian Daerah")
    u2 = add_unit(db, 2, "Sekretariat Daerah")
    out: dict[str, tuple[str, str]] = {}
    kin, pot, komp, pel = [], [], [], []
    for i, (key, nama, gol, pred, level) in enumerate(MEETING_PEOPLE):
        nip = add_pegawai(
            db,
            instansi_id=1,
            unit_id=u1,
            nama=nama,
            golongan=gol,
            tanggal_lahir=date(1980 + i, 3, 10 + i),
            jenis_kelamin="P" if i % 2 == 0 else "L",
        )
        out[key] = (nip, nama)
        kin.append({"nip": nip, "tahun": 2025, "predikat": pred, "sumber": "impor"})
        if level:
            pot.append({"nip": nip, "tahun": 2025, "level": level, "skor": None, "sumber": "impor"})
        komp.append(
            {"nip": nip, "tahun": 2025, "kompetensi": "Integritas", "level": 1 + i % 3,
             "sumber": "impor"}
        )  # fmt: skip
    nip9 = out["p9"][0]
    kin.append({"nip": nip9, "tahun": 2024, "predikat": "Sangat Baik", "sumber": "impor"})
    pot.append({"nip": nip9, "tahun": 2024, "level": "Tinggi", "skor": None, "sumber": "impor"})
    pel.append(
        {"nip": nip9, "tanggal_mulai": date(2025, 3, 1), "tanggal_selesai": date(2025, 3, 3),
         "nama_kegiatan": "Pelatihan Kepemimpinan", "jalur": "Klasikal", "jenis": "Pelatihan",
         "jp": 24.0, "sumber": "impor"}
    )  # fmt: skip
    other = add_pegawai(db, instansi_id=2, unit_id=u2, nama="Yohanes Benu Kolo")
    out["lain"] = (other, "Yohanes Benu Kolo")
    kin.append({"nip": other, "tahun": 2025, "predikat": "Sangat Baik", "sumber": "impor"})
    pot.append({"nip": other, "tahun": 2025, "level": "Tinggi", "skor": None, "sumber": "impor"})
    add_rows(db, "kinerja", kin)
    add_rows(db, "potensial", pot)
    add_rows(db, "kompetensi", komp)
    add_rows(db, "pelatihan", pel)
    return out
