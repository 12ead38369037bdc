"""Komite Talenta meetings: a frozen snapshot of one instance, an agenda, versioned decisions.

A meeting reviews one instance (instansi) for one year. Creating it takes a **snapshot**: every
person of the instance is copied, with the nine-box placement of that year (calibrated placement
as the nine-box page shows it, `analytics.queries.ninebox`), the SKP/box history of the earlier
years, the potential assessments, the competency profile with gaps (`analytics.rules.gap`, from
`agg_kompetensi_pegawai`), the year's JP and the box recommendation, into `rapat_snapshot`,
keyed by the meeting id. Everything the meeting shows comes from that snapshot, so an import
that lands during the meeting does not move what is being reviewed; the minutes name the
snapshot (meeting id, time taken, `meta.data_version`, `meta.data_as_of`).

The **agenda** is either boxes in a chosen order (default 9 → 1; people of a box by golongan,
highest first) or a prepared list of NIPs. Agenda positions (`urutan`, 1..n) are the keys the
screen uses: a NIP never has to travel to the browser.

**Decisions** per person: readiness (Ready Now / Need Development, seed 000), one or more
recommendation codes (`REKOMENDASI`), a note, and optionally a calibrated box, which is also
written through `analytics.queries.ninebox.calibrate` so that the `kalibrasi` table and the
audit trail agree. Decisions are versioned rows (`rapat_keputusan.versi`; the latest is
`aktif`), so every edit made during the meeting is kept. All writes go through
`db.transaction` (audit row + data version bump).

**Masking**: every read function takes `masked` (default True) and combines it with the
caller's scope (`analytics.auth.meeting_scope`); masked reads select `privacy.name_sql` /
`privacy.nip_sql` on the snapshot inside DuckDB, drop the birth date and the recording user,
and redact the person's name and NIP-like numbers from free-text notes. Revealing one person
(`reveal`) is a separate call that writes an audit row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import polars as pl

from analytics.auth import can, meeting_scope
from analytics.filters import Filter, Scope, ScopeError
from analytics.privacy import mask_name, name_sql, nip_sql
from analytics.queries import ninebox as NB
from analytics.rules import ninebox as R
from analytics.store import Database

# -- vocabulary -----------------------------------------------------------------------------

READINESS: tuple[str, ...] = (R.READY_NOW, R.NEED_DEVELOPMENT)

# Recommendation codes and their wording (Bahasa Indonesia, as the minutes print them). The
# codes split the BKN box recommendations (`rules.ninebox.RECOMMENDATION`, seed 000) into
# actions a committee decides on one by one.
REKOMENDASI: dict[str, str] = {
    "promosi": "Promosi",
    "suksesi": "Masuk kelompok rencana suksesi",
    "retensi": "Dipertahankan dalam jabatan",
    "rotasi": "Rotasi / perluasan jabatan",
    "pengembangan": "Pengembangan kompetensi",
    "tugas_belajar": "Tugas / izin belajar",
    "bimbingan": "Bimbingan dan konseling kinerja",
    "penempatan": "Penempatan dalam jabatan yang sesuai",
    "penghargaan": "Penghargaan",
    "jabatan_setara": "Jabatan sejenis dan setara",
    "lainnya": "Lainnya (lihat catatan)",
}

# Suggested codes per box: the BKN recommendation of the box (seed 000, quoted in
# `rules.ninebox.RECOMMENDATION`) split into codes. A suggestion only: the committee decides.
SARAN_KOTAK: dict[int, tuple[str, ...]] = {
    9: ("promosi", "retensi", "suksesi", "penghargaan"),
    8: ("retensi", "suksesi", "rotasi", "bimbingan"),
    7: ("retensi", "suksesi", "rotasi", "pengembangan", "tugas_belajar"),
    6: ("penempatan", "bimbingan"),
    5: ("penempatan", "bimbingan", "pengembangan"),
    4: ("rotasi", "pengembangan"),
    3: ("bimbingan", "pengembangan", "penempatan"),
    2: ("bimbingan", "pengembangan", "penempatan"),
    1: ("jabatan_setara",),
}

AGENDA_BOXES: tuple[int, ...] = (9, 8, 7, 6, 5, 4, 3, 2, 1)
AGENDA_KOTAK = "kotak"
AGENDA_DAFTAR = "daftar"
HISTORY_YEARS = 5  # SKP/box years kept in the snapshot (the meeting year and earlier)
MAX_TEXT = 2000  # characters of a note
MAX_PESERTA = 60


class MeetingError(ValueError):
    """A meeting request was refused; `code` names the reason (UI text maps it), `items`
    lists offending inputs (e.g. unknown NIPs) where useful."""

    def __init__(self, code: str, items: list[str] | None = None):
        super().__init__(code if not items else f"{code}: {', '.join(items)}")
        self.code = code
        self.items = items or []


# -- snapshot identity ------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    """One meeting and the identity of its snapshot."""

    id: int
    instansi_id: int
    instansi: str
    tahun: int
    judul: str
    tanggal: date
    tempat: str | None
    peserta: tuple[str, ...]
    agenda_jenis: str
    agenda_kotak: tuple[int, ...]
    dibuat_oleh: str
    dibuat_pada: datetime
    data_version: int
    data_as_of: str | None
    jumlah_pegawai: int
    jumlah_agenda: int
    ditutup_pada: datetime | None
    ditutup_oleh: str | None

    @property
    def snapshot_id(self) -> str:
        """Stable name of the snapshot, printed in the minutes: SNAP-<id>-<yyyymmddHHMMSS>."""
        return f"SNAP-{self.id:04d}-{self.dibuat_pada:%Y%m%d%H%M%S}"

    @property
    def ditutup(self) -> bool:
        return self.ditutup_pada is not None


# -- helpers ------------------------------------------------------------------------------------

_PARAM = re.compile(r"\$(\w+)")


def _q(db: Database, sql: str, params: dict[str, Any]) -> pl.DataFrame:
    used = set(_PARAM.findall(sql))
    return db.query(sql, {k: v for k, v in params.items() if k in used})


def _exec(cur, sql: str, params: dict[str, Any]) -> None:
    used = set(_PARAM.findall(sql))
    cur.execute(sql, {k: v for k, v in params.items() if k in used}).fetchall()


def _require(scope: Scope, action: str) -> None:
    scope.require_people()
    if not can(scope, action):
        raise ScopeError(f"role {scope.role} may not {action}")


def _instansi_of(db: Database, rapat_id: int) -> int | None:
    return db.scalar("SELECT instansi_id FROM rapat WHERE id = $r", {"r": int(rapat_id)})


def _check_meeting(db: Database, scope: Scope, rapat_id: int, action: str = "meeting") -> int:
    """The meeting's instance after checking capability and scope; MeetingError if unknown."""
    _require(scope, action)
    iid = _instansi_of(db, rapat_id)
    if iid is None:
        raise MeetingError("tidak_ditemukan")
    if not scope.allows_instansi(int(iid)):
        raise ScopeError(f"meeting {rapat_id} is outside your scope")
    return int(iid)


_LONG_DIGITS = re.compile(r"\d[\d .-]{7,}\d")


def redact(text: str | None, nama: str, nip: str) -> str | None:
    """A free-text note as a masked screen may show it: the person's NIP and any long number
    become '[NIP]', the full name its initials, each word of the name (3+ letters) '***'."""
    if not text:
        return text
    out = text.replace(nip, "[NIP]") if nip else text
    out = _LONG_DIGITS.sub("[NIP]", out)
    core = nama.split(",")[0].strip()
    if core:
        out = re.sub(re.escape(core), mask_name(nama), out, flags=re.IGNORECASE)
    for word in re.findall(r"[^\W\d_]{3,}", core):
        out = re.sub(rf"\b{re.escape(word)}\b", "***", out, flags=re.IGNORECASE)
    return out


def years_in_pool(riwayat: pl.DataFrame, tahun: int, cfg: R.NineBoxConfig = R.DEFAULT) -> int:
    """Consecutive years up to `tahun` with a (calibrated) box in the succession group."""
    boxes = {int(t): k for t, k in riwayat.select("tahun", "kotak").iter_rows()}
    n, y = 0, tahun
    while R.in_succession(boxes.get(y), cfg):
        n += 1
        y -= 1
    return n


def suggestion(
    kotak: int | None, riwayat: pl.DataFrame, tahun: int, cfg: R.NineBoxConfig = R.DEFAULT
) -> tuple[str, tuple[str, ...]]:
    """(readiness, recommendation codes) to prefill a decision: `rules.ninebox.readiness` for the
    succession group (Need Development elsewhere) and `SARAN_KOTAK` of the box."""
    if kotak is None:
        return R.NEED_DEVELOPMENT, ()
    ready = R.readiness(kotak, years_in_pool(riwayat, tahun, cfg), cfg) or R.NEED_DEVELOPMENT
    return ready, SARAN_KOTAK.get(kotak, ())


# -- creating a meeting -------------------------------------------------------------------------


def _clean_lines(text_or_lines: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if text_or_lines is None:
        return []
    lines = text_or_lines.splitlines() if isinstance(text_or_lines, str) else list(text_or_lines)
    out: list[str] = []
    for line in lines:
        s = " ".join(str(line).split())
        if s and s not in out:
            out.append(s)
    return out


def _snapshot_sql(
    db: Database, scope: Scope, instansi_id: int, tahun: int, years: list[int]
) -> tuple[str, dict[str, Any]]:
    """SELECT producing the snapshot rows (without rapat_id / urutan) of one instance."""
    flt = Filter(tahun=tahun, instansi=(instansi_id,))
    cfg = R.DEFAULT
    base, params = NB._base(db, flt, scope, cfg, True, tahun, "s")
    parts = []
    for i, y in enumerate(years):
        b_sql, bp = NB._base(db, flt, scope, cfg, True, y, f"h{i}")
        params.update(bp)
        parts.append(
            f"""SELECT CAST($nb_th{i} AS SMALLINT) AS tahun, nip, predikat,
                       (['Rendah', 'Sedang', 'Tinggi'])[pi + 1] AS potensial,
                       CAST(kotak_asli AS SMALLINT) AS kotak_asli,
                       CAST(kotak AS SMALLINT) AS kotak
                FROM {b_sql} WHERE predikat IS NOT NULL OR pi IS NOT NULL"""
        )
        params[f"nb_th{i}"] = y
    hist = " UNION ALL ".join(parts) if parts else "SELECT NULL::SMALLINT AS tahun, NULL AS nip"
    params.update(s_t=tahun, s_ref=NB.as_of(db))
    sql = f"""
        WITH b AS (SELECT * FROM {base}),
        h AS (SELECT nip, list({{'tahun': tahun, 'predikat': predikat, 'potensial': potensial,
                                'kotak_asli': kotak_asli, 'kotak': kotak}} ORDER BY tahun)
                          AS riwayat
              FROM ({hist}) GROUP BY nip),
        po AS (SELECT x.nip, list({{'tahun': CAST(x.tahun AS INTEGER), 'level': x.level,
                                    'skor': x.skor}} ORDER BY x.tahun) AS potensial
               FROM potensial x
               WHERE x.nip IN (SELECT nip FROM b) AND x.tahun <= $s_t
                 AND (x.level IS NOT NULL OR x.skor IS NOT NULL)
               GROUP BY x.nip),
        ko AS (SELECT a.nip, list({{'kompetensi': a.kompetensi, 'kelompok': r.kelompok,
                                    'level': CAST(a.level AS INTEGER),
                                    'standar': CAST(a.level_standar AS INTEGER),
                                    'sumber_standar': a.sumber_standar,
                                    'gap': CAST(a.level_standar - a.level AS INTEGER)}}
                                  ORDER BY r.urutan) AS kompetensi
               FROM agg_kompetensi_pegawai a JOIN kompetensi_ref r ON r.nama = a.kompetensi
               WHERE a.nip IN (SELECT nip FROM b)
                 AND a.tahun_dari <= $s_t AND $s_t < a.tahun_sampai
               GROUP BY a.nip),
        j AS (SELECT nip, jp, jp_klasikal, jp_nonklasikal, kegiatan FROM agg_jp
              WHERE tahun = $s_t AND nip IN (SELECT nip FROM b))
        SELECT b.nip, b.nama, i.nama AS instansi, u.nama AS unit, b.nama_jabatan AS jabatan,
               b.jenis_jabatan, b.jenjang, b.golongan, CAST(b.golongan_rank AS SMALLINT),
               p.status_kepegawaian AS status, p.pendidikan, p.tanggal_lahir,
               CAST(date_part('year', age(CAST($s_ref AS TIMESTAMP),
                    CAST(p.tanggal_lahir AS TIMESTAMP))) AS INTEGER) AS usia,
               CAST($s_ref AS DATE) AS data_per, CAST(p.bup AS SMALLINT), b.tanggal_pensiun,
               b.predikat, b.pot_level, b.pot_skor, CAST(b.kotak_asli AS SMALLINT),
               CAST(b.kotak_kal AS SMALLINT), CAST(b.kotak AS SMALLINT), b.alasan,
               coalesce(j.jp, 0), coalesce(j.jp_klasikal, 0), coalesce(j.jp_nonklasikal, 0),
               CAST(coalesce(j.kegiatan, 0) AS INTEGER),
               h.riwayat, po.potensial, ko.kompetensi
        FROM b JOIN instansi i ON i.id = b.instansi_id
        LEFT JOIN unit u ON u.id = b.unit_id
        JOIN (SELECT nip, any_value(status_kepegawaian) AS status_kepegawaian,
                     any_value(pendidikan) AS pendidikan, any_value(tanggal_lahir) AS tanggal_lahir,
                     any_value(bup) AS bup
              FROM pegawai WHERE instansi_id = $s_inst GROUP BY nip) p ON p.nip = b.nip
        LEFT JOIN h ON h.nip = b.nip
        LEFT JOIN po ON po.nip = b.nip
        LEFT JOIN ko ON ko.nip = b.nip
        LEFT JOIN j ON j.nip = b.nip"""
    params["s_inst"] = instansi_id
    return sql, params


_SNAP_COLS = (
    "nip, nama, instansi, unit, jabatan, jenis_jabatan, jenjang, golongan, golongan_rank, "
    "status, pendidikan, tanggal_lahir, usia, data_per, bup, tanggal_pensiun, predikat, "
    "pot_level, pot_skor, kotak_asli, kotak_kal, kotak, alasan, jp, jp_klasikal, "
    "jp_nonklasikal, kegiatan, riwayat, potensial, kompetensi"
)


def create_meeting(
    db: Database,
    flt: Filter,
    scope: Scope,
    *,
    instansi_id: int,
    tahun: int,
    judul: str,
    tanggal: date,
    peserta: str | list[str],
    agenda_kotak: tuple[int, ...] | list[int] = AGENDA_BOXES,
    agenda_nip: str | list[str] | None = None,
    tempat: str | None = None,
) -> int:
    """Create a meeting and take its snapshot in one transaction; returns the meeting id.

    `peserta`: attendees, one per line (or a list). The agenda is `agenda_nip` (NIPs in order,
    one per line) when given, else the boxes `agenda_kotak` in that order. Raises MeetingError
    with code: judul, peserta, agenda_kosong, kotak, nip_tidak_dikenal (items = the NIPs),
    tanpa_pegawai; ScopeError for an instance outside the scope.
    """
    _require(scope, "meeting")
    if not scope.allows_instansi(int(instansi_id)):
        raise ScopeError(f"instance {instansi_id} is outside your scope")
    title = " ".join((judul or "").split())
    if len(title) < 3:
        raise MeetingError("judul")
    names = _clean_lines(peserta)
    if not names or len(names) > MAX_PESERTA:
        raise MeetingError("peserta")
    full = replace(scope, masked=False)  # the snapshot keeps real keys, server-side only
    nips = _clean_lines(agenda_nip)
    boxes = [int(b) for b in agenda_kotak] if not nips else []
    if not nips:
        if not boxes:
            raise MeetingError("agenda_kosong")
        if any(b not in R.BOXES for b in boxes) or len(set(boxes)) != len(boxes):
            raise MeetingError("kotak")
    else:
        known = set(
            db.query(
                "SELECT DISTINCT nip FROM pegawai WHERE instansi_id = $i AND list_contains($n, nip)",
                {"i": int(instansi_id), "n": nips},
            )["nip"].to_list()
        )
        unknown = [n for n in nips if n not in known]
        if unknown:
            raise MeetingError("nip_tidak_dikenal", unknown)
    years = [
        int(y)
        for y in db.query(
            "SELECT DISTINCT CAST(tahun AS INTEGER) AS y FROM kinerja WHERE tahun <= $t "
            "ORDER BY y DESC LIMIT $n",
            {"t": int(tahun), "n": HISTORY_YEARS},
        )["y"].to_list()
    ]
    if int(tahun) not in years:
        years.append(int(tahun))
    years.sort()
    snap_sql, params = _snapshot_sql(db, full, int(instansi_id), int(tahun), years)
    now = datetime.now()
    details = {
        "instansi_id": int(instansi_id),
        "tahun": int(tahun),
        "judul": title,
        "agenda": AGENDA_DAFTAR if nips else AGENDA_KOTAK,
        "peserta": len(names),
    }
    with db.transaction(scope.user, "buat_rapat", f"instansi:{instansi_id}", details) as cur:
        rid = int(cur.execute("SELECT nextval('rapat_seq')").fetchall()[0][0])
        # the data version the snapshot reads (same transaction as the copy below)
        version = int(
            cur.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchall()[0][0]
        )
        params.update(s_rid=rid)
        _exec(cur, f"INSERT INTO rapat_snapshot (rapat_id, {_SNAP_COLS}) "
              f"SELECT $s_rid, * FROM ({snap_sql})", params)  # fmt: skip
        n = int(
            cur.execute(
                "SELECT count(*) FROM rapat_snapshot WHERE rapat_id = $r", {"r": rid}
            ).fetchall()[0][0]
        )
        if n == 0:
            raise MeetingError("tanpa_pegawai")
        if nips:
            cur.execute(
                """UPDATE rapat_snapshot s SET urutan = a.i
                   FROM (SELECT unnest($n) AS nip, unnest(range(1, len($n) + 1)) AS i) a
                   WHERE s.rapat_id = $r AND s.nip = a.nip""",
                {"n": nips, "r": rid},
            ).fetchall()
        else:
            cur.execute(
                """UPDATE rapat_snapshot s SET urutan = a.i
                   FROM (SELECT nip, row_number() OVER (
                                ORDER BY list_position($b, kotak), golongan_rank DESC,
                                         jenis_jabatan, nip) AS i
                         FROM rapat_snapshot
                         WHERE rapat_id = $r AND list_contains($b, kotak)) a
                   WHERE s.rapat_id = $r AND s.nip = a.nip""",
                {"b": boxes, "r": rid},
            ).fetchall()
        agenda_n = int(
            cur.execute(
                "SELECT count(urutan) FROM rapat_snapshot WHERE rapat_id = $r", {"r": rid}
            ).fetchall()[0][0]
        )
        if agenda_n == 0:
            raise MeetingError("agenda_kosong")
        cur.execute(
            """INSERT INTO rapat (id, instansi_id, tahun, judul, tanggal, tempat, agenda_jenis,
                 agenda_kotak, dibuat_oleh, dibuat_pada, data_version, data_as_of,
                 jumlah_pegawai, jumlah_agenda)
               VALUES ($id, $i, $t, $j, $tg, $tp, $aj, $ak, $u, $p, $v, $asof, $n, $na)""",
            {
                "id": rid,
                "i": int(instansi_id),
                "t": int(tahun),
                "j": title,
                "tg": tanggal,
                "tp": (tempat or "").strip() or None,
                "aj": AGENDA_DAFTAR if nips else AGENDA_KOTAK,
                "ak": boxes,
                "u": scope.user,
                "p": now,
                "v": version,
                "asof": db.meta("data_as_of"),
                "n": n,
                "na": agenda_n,
            },
        ).fetchall()
        for i, name in enumerate(names, start=1):
            cur.execute(
                "INSERT INTO rapat_peserta VALUES ($r, $i, $n)", {"r": rid, "i": i, "n": name}
            ).fetchall()
    return rid


def close_meeting(db: Database, flt: Filter, scope: Scope, rapat_id: int) -> None:
    """Close a meeting: decisions can no longer be changed (the minutes become final)."""
    _check_meeting(db, scope, rapat_id, "decide")
    with db.transaction(scope.user, "tutup_rapat", f"rapat:{rapat_id}") as cur:
        cur.execute(
            "UPDATE rapat SET ditutup_pada = $p, ditutup_oleh = $u "
            "WHERE id = $r AND ditutup_pada IS NULL",
            {"p": datetime.now(), "u": scope.user, "r": int(rapat_id)},
        ).fetchall()


# -- reading --------------------------------------------------------------------------------------


def meetings(db: Database, flt: Filter, scope: Scope) -> pl.DataFrame:
    """Meetings inside the scope, newest first: id, judul, tanggal, instansi_id, instansi, tahun,
    dibuat_pada, jumlah_agenda, diputuskan (people with a decision), ditutup."""
    _require(scope, "meeting")
    cond, params = "TRUE", {}
    if scope.instansi is not None:
        cond, params = "list_contains($scope, r.instansi_id)", {"scope": sorted(scope.instansi)}
    return _q(
        db,
        f"""SELECT r.id, r.judul, r.tanggal, r.instansi_id, i.nama AS instansi,
                   CAST(r.tahun AS INTEGER) AS tahun, r.dibuat_pada, r.jumlah_agenda,
                   (SELECT count(*) FROM rapat_keputusan k WHERE k.rapat_id = r.id AND k.aktif)
                       AS diputuskan,
                   r.ditutup_pada IS NOT NULL AS ditutup
            FROM rapat r JOIN instansi i ON i.id = r.instansi_id
            WHERE {cond} ORDER BY r.dibuat_pada DESC, r.id DESC""",
        params,
    )


def meeting_info(db: Database, flt: Filter, scope: Scope, rapat_id: int) -> Meeting:
    """The meeting record with its attendees and snapshot identity."""
    _check_meeting(db, scope, rapat_id)
    row = db.query(
        """SELECT r.*, i.nama AS instansi FROM rapat r JOIN instansi i ON i.id = r.instansi_id
           WHERE r.id = $r""",
        {"r": int(rapat_id)},
    ).to_dicts()[0]
    peserta = db.query(
        "SELECT nama FROM rapat_peserta WHERE rapat_id = $r ORDER BY urutan",
        {"r": int(rapat_id)},
    )["nama"].to_list()
    return Meeting(
        id=int(row["id"]),
        instansi_id=int(row["instansi_id"]),
        instansi=row["instansi"],
        tahun=int(row["tahun"]),
        judul=row["judul"],
        tanggal=row["tanggal"],
        tempat=row["tempat"],
        peserta=tuple(peserta),
        agenda_jenis=row["agenda_jenis"],
        agenda_kotak=tuple(int(b) for b in (row["agenda_kotak"] or [])),
        dibuat_oleh=row["dibuat_oleh"],
        dibuat_pada=row["dibuat_pada"],
        data_version=int(row["data_version"]),
        data_as_of=row["data_as_of"],
        jumlah_pegawai=int(row["jumlah_pegawai"]),
        jumlah_agenda=int(row["jumlah_agenda"]),
        ditutup_pada=row["ditutup_pada"],
        ditutup_oleh=row["ditutup_oleh"],
    )


def _labels_sql(col: str) -> str:
    labels = "[" + ", ".join(f"'{R.LABEL[b]}'" for b in R.BOXES) + "]"
    return f"{labels}[{col}]"


def agenda(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, masked: bool = True
) -> pl.DataFrame:
    """The agenda in order: urutan, nama, nip (masked per `masked`), jabatan, golongan, kotak,
    label, diputuskan, kesiapan, rekomendasi (codes), kotak_kalibrasi."""
    _check_meeting(db, scope, rapat_id)
    sc = meeting_scope(scope, masked=masked)
    return db.query(
        f"""SELECT CAST(s.urutan AS INTEGER) AS urutan, {name_sql(sc, "s")} AS nama,
                   {nip_sql(sc, "s")} AS nip, s.jabatan, s.golongan,
                   CAST(s.kotak AS INTEGER) AS kotak, {_labels_sql("s.kotak")} AS label,
                   k.id IS NOT NULL AS diputuskan, k.kesiapan, k.rekomendasi,
                   CAST(k.kotak_kalibrasi AS INTEGER) AS kotak_kalibrasi
            FROM rapat_snapshot s
            LEFT JOIN rapat_keputusan k ON k.rapat_id = s.rapat_id AND k.nip = s.nip AND k.aktif
            WHERE s.rapat_id = $r AND s.urutan IS NOT NULL
            ORDER BY s.urutan""",
        {"r": int(rapat_id)},
    )


def box_summary(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, after_decisions: bool = False
) -> NB.BoxSummary:
    """People per box in the snapshot (as `queries.ninebox.box_counts` returns them, so the
    nine-box figure draws it); with `after_decisions`, boxes calibrated by this meeting's
    decisions replace the snapshot box."""
    _check_meeting(db, scope, rapat_id)
    shown = "coalesce(k.kotak_kalibrasi, s.kotak)" if after_decisions else "s.kotak"
    raw = db.query(
        f"""SELECT CAST({shown} AS INTEGER) AS kotak, s.alasan, count(*) AS n
            FROM rapat_snapshot s
            LEFT JOIN rapat_keputusan k ON k.rapat_id = s.rapat_id AND k.nip = s.nip AND k.aktif
            WHERE s.rapat_id = $r GROUP BY ALL""",
        {"r": int(rapat_id)},
    )
    return NB.summarize(raw, R.SUCCESSION_BOXES)


def _struct_frame(values: list | None, schema: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(values or [], schema=schema, orient="row")


_RIWAYAT_SCHEMA = {
    "tahun": pl.Int64,
    "predikat": pl.String,
    "potensial": pl.String,
    "kotak_asli": pl.Int64,
    "kotak": pl.Int64,
}
_POT_SCHEMA = {"tahun": pl.Int64, "level": pl.String, "skor": pl.Float64}
_KOMP_SCHEMA = {
    "kompetensi": pl.String,
    "kelompok": pl.String,
    "level": pl.Int64,
    "standar": pl.Int64,
    "sumber_standar": pl.String,
    "gap": pl.Int64,
}


def card(
    db: Database,
    flt: Filter,
    scope: Scope,
    rapat_id: int,
    urutan: int,
    masked: bool = True,
) -> NB.EmployeeCard | None:
    """The card of the agenda item `urutan` from the snapshot (the nine-box page's
    `EmployeeCard`, so `ui.ninebox_card.render_card` draws it); None when there is no such item.
    Masked: initials and code, no birth date."""
    _check_meeting(db, scope, rapat_id)
    sc = meeting_scope(scope, masked=masked)
    rows = db.query(
        f"""SELECT {name_sql(sc, "s")} AS nama, {nip_sql(sc, "s")} AS nip, s.instansi, s.unit,
                   s.jabatan, s.jenis_jabatan, s.jenjang, s.golongan, s.status, s.pendidikan,
                   s.tanggal_lahir, s.usia, s.data_per, CAST(s.bup AS INTEGER) AS bup,
                   s.tanggal_pensiun, CAST(s.kotak AS INTEGER) AS kotak, s.jp, s.jp_klasikal,
                   s.jp_nonklasikal, s.kegiatan, s.riwayat, s.potensial, s.kompetensi, r.tahun
            FROM rapat_snapshot s JOIN rapat r ON r.id = s.rapat_id
            WHERE s.rapat_id = $r AND s.urutan = $u""",
        {"r": int(rapat_id), "u": int(urutan)},
    ).to_dicts()
    if not rows:
        return None
    row = rows[0]
    ident_keys = (
        "nama", "nip", "instansi", "unit", "jabatan", "jenis_jabatan", "jenjang", "golongan",
        "status", "pendidikan", "tanggal_lahir", "usia", "data_per", "bup", "tanggal_pensiun",
    )  # fmt: skip
    ident = {k: row[k] for k in ident_keys}
    if sc.masked:
        ident.pop("tanggal_lahir")
    riw = _struct_frame(
        [[r[c] for c in _RIWAYAT_SCHEMA] for r in row["riwayat"] or []], _RIWAYAT_SCHEMA
    ).with_columns(
        label=pl.col("kotak").replace_strict(
            R.LABEL, default=R.UNMAPPED_LABEL, return_dtype=pl.String
        )
    )
    pot = _struct_frame([[r[c] for c in _POT_SCHEMA] for r in row["potensial"] or []], _POT_SCHEMA)
    komp = _struct_frame(
        [[r[c] for c in _KOMP_SCHEMA] for r in row["kompetensi"] or []], _KOMP_SCHEMA
    )
    kal = (
        riw.filter(pl.col("kotak").is_not_null() & (pl.col("kotak") != pl.col("kotak_asli")))
        .select("tahun", kotak_asal="kotak_asli", kotak_baru="kotak")
        .sort("tahun", descending=True)
    )
    kotak = row["kotak"]
    return NB.EmployeeCard(
        identitas=ident,
        skp=riw.select("tahun", "predikat"),
        potensial=pot,
        kompetensi=komp,
        jp={
            "jp": float(row["jp"]),
            "jp_klasikal": float(row["jp_klasikal"]),
            "jp_nonklasikal": float(row["jp_nonklasikal"]),
            "kegiatan": int(row["kegiatan"]),
        },
        riwayat=riw,
        kalibrasi=kal,
        kotak=kotak,
        rekomendasi=R.RECOMMENDATION.get(kotak) if kotak else None,
    )


def reveal(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, urutan: int
) -> NB.EmployeeCard | None:
    """Show one person's name and NIP: a deliberate act, written to the audit log first."""
    _check_meeting(db, scope, rapat_id)
    if scope.masked:  # a scope masked by role (tamu) never sees names
        raise ScopeError("this scope sees masked names only")
    nip = db.scalar(
        "SELECT nip FROM rapat_snapshot WHERE rapat_id = $r AND urutan = $u",
        {"r": int(rapat_id), "u": int(urutan)},
    )
    if nip is None:
        return None
    db.audit(
        scope.user,
        "buka_identitas_rapat",
        f"rapat:{rapat_id}",
        {"urutan": int(urutan), "nip": nip},
    )
    return card(db, flt, scope, rapat_id, urutan, masked=False)


def _person(db: Database, rapat_id: int, urutan: int) -> dict[str, Any]:
    rows = db.query(
        """SELECT s.nip, s.nama, CAST(s.kotak AS INTEGER) AS kotak, r.tahun, r.instansi_id,
                  r.judul, r.ditutup_pada
           FROM rapat_snapshot s JOIN rapat r ON r.id = s.rapat_id
           WHERE s.rapat_id = $r AND s.urutan = $u""",
        {"r": int(rapat_id), "u": int(urutan)},
    ).to_dicts()
    if not rows:
        raise MeetingError("tidak_ditemukan")
    return rows[0]


def _active(db: Database, rapat_id: int, nip: str) -> dict[str, Any] | None:
    rows = db.query(
        "SELECT * FROM rapat_keputusan WHERE rapat_id = $r AND nip = $n AND aktif",
        {"r": int(rapat_id), "n": nip},
    ).to_dicts()
    return rows[0] if rows else None


def decide(
    db: Database,
    flt: Filter,
    scope: Scope,
    rapat_id: int,
    urutan: int,
    *,
    kesiapan: str,
    rekomendasi: list[str] | tuple[str, ...],
    catatan: str = "",
    kotak_kalibrasi: int | None = None,
) -> int:
    """Record (or revise) the decision on agenda item `urutan`; returns the new version number.

    The previous version stays (inactive). A calibrated box different from the current
    placement is written through `queries.ninebox.calibrate` (reason: the meeting and the
    note); removing it again cancels the calibration this meeting made. A note typed on a
    masked screen that equals the masked rendering of the stored note keeps the stored text.
    Raises MeetingError with code: tidak_ditemukan, ditutup, kesiapan, rekomendasi, catatan,
    kotak, sama_dengan_sebelumnya; `queries.ninebox.CalibrationError` from the calibration.
    """
    iid = _check_meeting(db, scope, rapat_id, "decide")
    person = _person(db, rapat_id, urutan)
    if person["ditutup_pada"] is not None:
        raise MeetingError("ditutup")
    if kesiapan not in READINESS:
        raise MeetingError("kesiapan")
    codes = [c for c in REKOMENDASI if c in set(rekomendasi or ())]
    if not codes or len(codes) != len(set(rekomendasi)):
        raise MeetingError("rekomendasi")
    note = (catatan or "").strip()
    if len(note) > MAX_TEXT:
        raise MeetingError("catatan")
    if kotak_kalibrasi is not None and int(kotak_kalibrasi) not in R.BOXES:
        raise MeetingError("kotak")
    kal_box = None if kotak_kalibrasi is None else int(kotak_kalibrasi)
    nip = person["nip"]
    prev = _active(db, rapat_id, nip)
    if prev and prev["catatan"] and note == redact(prev["catatan"], person["nama"], nip):
        note = prev["catatan"]  # unchanged note edited on a masked screen
    if kal_box is not None and kal_box == person["kotak"] and not (prev and prev["kalibrasi_id"]):
        kal_box = None  # the box the person already has is no calibration
    if prev and (
        prev["kesiapan"] == kesiapan
        and list(prev["rekomendasi"]) == codes
        and (prev["catatan"] or "") == note
        and prev["kotak_kalibrasi"] == kal_box
    ):
        raise MeetingError("sama_dengan_sebelumnya")
    full = replace(scope, masked=False)
    nb_flt = Filter(tahun=int(person["tahun"]), instansi=(iid,))
    kal_id = prev["kalibrasi_id"] if prev else None
    reason = f"Keputusan Rapat Komite Talenta #{rapat_id} ({person['judul']})" + (
        f": {note}" if note else ""
    )
    if kal_box is not None and (prev is None or prev["kotak_kalibrasi"] != kal_box):
        try:
            kal_id = NB.calibrate(db, nb_flt, full, nip, kal_box, reason[:MAX_TEXT])
        except NB.CalibrationError as e:
            if e.code != "sama":
                raise
            kal_id = db.scalar(
                "SELECT id FROM kalibrasi WHERE nip = $n AND tahun = $t AND aktif",
                {"n": nip, "t": int(person["tahun"])},
            )
    elif kal_box is None and prev and prev["kalibrasi_id"]:
        still = db.scalar(
            "SELECT aktif FROM kalibrasi WHERE id = $k", {"k": int(prev["kalibrasi_id"])}
        )
        if still:
            NB.cancel_calibration(db, nb_flt, full, nip, reason[:MAX_TEXT])
        kal_id = None
    versi = (prev["versi"] + 1) if prev else 1
    details = {
        "rapat_id": int(rapat_id),
        "urutan": int(urutan),
        "nip": nip,
        "versi": versi,
        "kesiapan": kesiapan,
        "rekomendasi": codes,
        "kotak_kalibrasi": kal_box,
        "kalibrasi_id": kal_id,
    }
    with db.transaction(scope.user, "keputusan_rapat", f"rapat:{rapat_id}", details) as cur:
        cur.execute(
            "UPDATE rapat_keputusan SET aktif = FALSE WHERE rapat_id = $r AND nip = $n AND aktif",
            {"r": int(rapat_id), "n": nip},
        ).fetchall()
        cur.execute(
            """INSERT INTO rapat_keputusan (rapat_id, nip, versi, kesiapan, rekomendasi, catatan,
                 kotak_kalibrasi, kalibrasi_id, oleh, pada, aktif)
               VALUES ($r, $n, $v, $k, $rk, $c, $kb, $ki, $u, $p, TRUE)""",
            {
                "r": int(rapat_id),
                "n": nip,
                "v": versi,
                "k": kesiapan,
                "rk": codes,
                "c": note or None,
                "kb": kal_box,
                "ki": None if kal_id is None else int(kal_id),
                "u": scope.user,
                "p": datetime.now(),
            },
        ).fetchall()
    return versi


def _decision_frame(
    db: Database, scope: Scope, rapat_id: int, masked: bool, where: str, params: dict[str, Any]
) -> pl.DataFrame:
    sc = meeting_scope(scope, masked=masked)
    df = _q(
        db,
        f"""SELECT CAST(s.urutan AS INTEGER) AS urutan, {name_sql(sc, "s")} AS nama,
                   {nip_sql(sc, "s")} AS nip, s.nama AS _nama, s.nip AS _nip,
                   s.jabatan, s.golongan, CAST(s.kotak AS INTEGER) AS kotak,
                   CAST(k.versi AS INTEGER) AS versi, k.kesiapan, k.rekomendasi,
                   k.catatan, CAST(k.kotak_kalibrasi AS INTEGER) AS kotak_kalibrasi,
                   {"NULL::VARCHAR" if sc.masked else "k.oleh"} AS oleh, k.pada, k.aktif
            FROM rapat_keputusan k
            JOIN rapat_snapshot s ON s.rapat_id = k.rapat_id AND s.nip = k.nip
            WHERE k.rapat_id = $r AND {where}
            ORDER BY s.urutan NULLS LAST, k.versi DESC""",
        {"r": int(rapat_id), **params},
    )
    if sc.masked and df.height:
        notes = [redact(c, n, p) for c, n, p in df.select("catatan", "_nama", "_nip").iter_rows()]
        df = df.with_columns(catatan=pl.Series(notes, dtype=pl.String))
    labels = [
        "; ".join(REKOMENDASI.get(c, c) for c in (codes or []))
        for codes in df["rekomendasi"].to_list()
    ]
    return df.drop("_nama", "_nip").with_columns(
        rekomendasi_teks=pl.Series(labels, dtype=pl.String)
    )


def decisions(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, masked: bool = True
) -> pl.DataFrame:
    """Current decisions in agenda order: urutan, nama, nip, jabatan, golongan, kotak, versi,
    kesiapan, rekomendasi (codes), catatan, kotak_kalibrasi, oleh, pada, aktif,
    rekomendasi_teks. Masked: initials and codes, notes redacted, no `oleh`."""
    _check_meeting(db, scope, rapat_id)
    return _decision_frame(db, scope, rapat_id, masked, "k.aktif", {})


def decision_history(
    db: Database, flt: Filter, scope: Scope, rapat_id: int, urutan: int, masked: bool = True
) -> pl.DataFrame:
    """Every version of the decision on one agenda item, newest first (same columns)."""
    _check_meeting(db, scope, rapat_id)
    return _decision_frame(db, scope, rapat_id, masked, "s.urutan = $u", {"u": int(urutan)})


def decision_counts(db: Database, flt: Filter, scope: Scope, rapat_id: int) -> dict[str, Any]:
    """Counts for the summary: agenda, decided, per readiness, per recommendation code."""
    _check_meeting(db, scope, rapat_id)
    r = {"r": int(rapat_id)}
    total = int(db.scalar("SELECT jumlah_agenda FROM rapat WHERE id = $r", r))
    ready = dict(
        db.query(
            "SELECT kesiapan, count(*) AS n FROM rapat_keputusan WHERE rapat_id = $r AND aktif "
            "GROUP BY ALL",
            r,
        ).iter_rows()
    )
    rec = dict(
        db.query(
            "SELECT kode, count(*) AS n FROM (SELECT unnest(rekomendasi) AS kode "
            "FROM rapat_keputusan WHERE rapat_id = $r AND aktif) GROUP BY ALL",
            r,
        ).iter_rows()
    )
    kal = int(
        db.scalar(
            "SELECT count(*) FROM rapat_keputusan WHERE rapat_id = $r AND aktif "
            "AND kotak_kalibrasi IS NOT NULL",
            r,
        )
    )
    return {
        "agenda": total,
        "diputuskan": int(sum(ready.values())),
        "kesiapan": {k: int(ready.get(k, 0)) for k in READINESS},
        "rekomendasi": {c: int(rec.get(c, 0)) for c in REKOMENDASI if rec.get(c)},
        "kalibrasi": kal,
    }
