"""The DuckDB schema of the talent store, versioned.

Every table the product reads or writes is declared here. `SCHEMA_VERSION` is stored in
`meta`; `analytics.store.Database` refuses or migrates files of another version.

Conventions:
- `instansi.id` is the row number of the Kanreg X published table (its own order, 1..44).
- Golongan is stored as text ('III/a' for PNS, 'IX' for PPPK) plus `golongan_rank` 1..17, where
  PNS I/a..IV/e and PPPK I..XVII share a scale (PPPK V = II/a entry level, IX = III/a, ...).
- Source rows carry `sumber` ('demo' for generated rows, 'impor' for imported ones,
  'publikasi' for published reference facts) and, for imports, the `import_id`.
- Large tables carry no PRIMARY KEY (index upkeep would dominate bulk loads at national
  scale); their keys, noted in comments, are enforced by the importer and the generator.
- Derived tables `agg_*` are pre-aggregates rebuilt by `analytics.aggregates.refresh`.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS instansi (
        id INTEGER PRIMARY KEY,
        nama VARCHAR NOT NULL UNIQUE,
        jenis VARCHAR NOT NULL,            -- provinsi / kabupaten / kota
        provinsi VARCHAR NOT NULL,
        kode_kemendagri VARCHAR,
        kode_bps VARCHAR,
        ibukota VARCHAR,
        lat DOUBLE,
        lon DOUBLE
    )""",
    """CREATE TABLE IF NOT EXISTS ism (
        instansi_id INTEGER NOT NULL,
        tahun INTEGER NOT NULL,
        skor DOUBLE NOT NULL,
        sumber VARCHAR NOT NULL,
        PRIMARY KEY (instansi_id, tahun)
    )""",
    """CREATE TABLE IF NOT EXISTS unit (
        id INTEGER PRIMARY KEY,
        instansi_id INTEGER NOT NULL,
        nama VARCHAR NOT NULL,
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        UNIQUE (instansi_id, nama)
    )""",
    """CREATE TABLE IF NOT EXISTS pegawai (  -- key: nip
        nip VARCHAR NOT NULL,
        nama VARCHAR NOT NULL,
        instansi_id INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,     -- see analytics.domain.JENIS_JABATAN
        nama_jabatan VARCHAR NOT NULL,
        jenjang VARCHAR,                    -- fungsional level, e.g. 'Ahli Muda'; else NULL
        golongan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        jenis_kelamin VARCHAR NOT NULL,     -- L / P
        tanggal_lahir DATE NOT NULL,
        status_kepegawaian VARCHAR NOT NULL, -- PNS / PPPK
        pendidikan VARCHAR,
        tmt_jabatan DATE,
        tmt_cpns DATE,
        bup SMALLINT NOT NULL,              -- retirement age (batas usia pensiun)
        tanggal_pensiun DATE NOT NULL,
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS kinerja (  -- key: nip, tahun
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        predikat VARCHAR NOT NULL,
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS potensial (  -- key: nip, tahun
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        level VARCHAR,                      -- Tinggi / Sedang / Rendah (may be NULL when skor given)
        skor DOUBLE,                        -- 0..100 (may be NULL when level given)
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS kompetensi_ref (
        nama VARCHAR PRIMARY KEY,
        kelompok VARCHAR NOT NULL,          -- manajerial / sosial kultural / teknis
        urutan SMALLINT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS kompetensi (  -- key: nip, tahun, kompetensi
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        kompetensi VARCHAR NOT NULL,
        level SMALLINT NOT NULL,
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS standar_kompetensi (
        jenis_jabatan VARCHAR,              -- one of jenis_jabatan / nama_jabatan is set
        nama_jabatan VARCHAR,
        kompetensi VARCHAR NOT NULL,
        level_standar SMALLINT NOT NULL,
        tingkat_kepentingan VARCHAR,        -- mutlak / penting / perlu
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    "CREATE SEQUENCE IF NOT EXISTS pelatihan_seq",
    """CREATE TABLE IF NOT EXISTS pelatihan (
        id BIGINT DEFAULT nextval('pelatihan_seq'),
        nip VARCHAR NOT NULL,
        tanggal_mulai DATE NOT NULL,
        tanggal_selesai DATE,
        nama_kegiatan VARCHAR NOT NULL,
        jalur VARCHAR NOT NULL,             -- Klasikal / Nonklasikal
        jenis VARCHAR NOT NULL,
        jp DOUBLE NOT NULL,                 -- JP after conversion (analytics.rules.jp)
        sumber VARCHAR NOT NULL DEFAULT 'impor',
        import_id INTEGER
    )""",
    "CREATE SEQUENCE IF NOT EXISTS kematangan_seq",
    """CREATE TABLE IF NOT EXISTS kematangan (
        id INTEGER PRIMARY KEY DEFAULT nextval('kematangan_seq'),
        instansi_id INTEGER NOT NULL,
        periode DATE NOT NULL,
        pembangunan_mt VARCHAR NOT NULL,    -- Sudah / Proses / Belum
        penerapan_mt VARCHAR NOT NULL,
        skor_ism DOUBLE,
        tahun_ism SMALLINT,
        bukti VARCHAR,                      -- level of evidence for a recorded change
        catatan VARCHAR,
        sumber VARCHAR NOT NULL,            -- publikasi / pengguna / impor
        dicatat_oleh VARCHAR,
        dicatat_pada TIMESTAMP,
        import_id INTEGER
    )""",
    "CREATE SEQUENCE IF NOT EXISTS kalibrasi_seq",
    """CREATE TABLE IF NOT EXISTS kalibrasi (
        id INTEGER PRIMARY KEY DEFAULT nextval('kalibrasi_seq'),
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        kotak_asal SMALLINT,
        kotak_baru SMALLINT NOT NULL,
        alasan VARCHAR NOT NULL,
        oleh VARCHAR NOT NULL,
        pada TIMESTAMP NOT NULL,
        aktif BOOLEAN NOT NULL DEFAULT TRUE  -- superseded calibrations stay, inactive
    )""",
    "CREATE SEQUENCE IF NOT EXISTS audit_seq",
    """CREATE TABLE IF NOT EXISTS audit (
        id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
        pada TIMESTAMP NOT NULL,
        oleh VARCHAR NOT NULL,
        aksi VARCHAR NOT NULL,
        objek VARCHAR,
        rincian VARCHAR                     -- JSON
    )""",
    "CREATE SEQUENCE IF NOT EXISTS impor_seq",
    """CREATE TABLE IF NOT EXISTS impor_log (
        id INTEGER PRIMARY KEY,
        pada TIMESTAMP NOT NULL,
        oleh VARCHAR NOT NULL,
        berkas VARCHAR NOT NULL,            -- JSON list of file names
        sidik VARCHAR,                      -- content hash of the import (duplicate detection)
        ditambah INTEGER NOT NULL DEFAULT 0,
        diperbarui INTEGER NOT NULL DEFAULT 0,
        rincian VARCHAR                     -- JSON per table
    )""",
    # Pre-aggregates (derived; rebuilt by analytics.aggregates.refresh).
    """CREATE TABLE IF NOT EXISTS agg_jp (  -- key: nip, tahun
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        jp DOUBLE NOT NULL,
        jp_klasikal DOUBLE NOT NULL,
        jp_nonklasikal DOUBLE NOT NULL,
        kegiatan INTEGER NOT NULL
    )""",
    # Local sign-in accounts (analytics.auth): argon2id hashes only, never plaintext.
    """CREATE TABLE IF NOT EXISTS akun (
        username VARCHAR PRIMARY KEY,       -- lower case
        password_hash VARCHAR,              -- argon2id; NULL = no password sign-in (OIDC only)
        role VARCHAR NOT NULL,              -- see analytics.filters.ROLES
        instansi_id INTEGER,                -- NULL = the whole region
        aktif BOOLEAN NOT NULL DEFAULT TRUE,
        dibuat TIMESTAMP NOT NULL,
        gagal INTEGER NOT NULL DEFAULT 0,   -- consecutive failed sign-ins
        terkunci_sampai TIMESTAMP,          -- locked out until (after repeated failures)
        email VARCHAR,                      -- maps an OIDC identity (st.user.email) to the account
        nama VARCHAR,                       -- display name
        masuk_terakhir TIMESTAMP
    )""",
    # JP per person and year as cumulative month-end lists (issue 6: month-by-month cumulative
    # JP and "as of" a date inside the year without a GROUP BY over people); element k of each
    # list is the total of months 1..k. Rebuilt by analytics.aggregates.refresh_agg_jp_kum.
    """CREATE TABLE IF NOT EXISTS agg_jp_kum (  -- key: nip, tahun
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        jp DOUBLE[] NOT NULL,               -- 12 cumulative totals (Jan, Jan-Feb, ..., year)
        jp_klasikal DOUBLE[] NOT NULL,      -- 12 cumulative klasikal totals
        kegiatan INTEGER[] NOT NULL         -- 12 cumulative activity counts
    )""",
    # JP per person and year with the pegawai filter columns (same names as pegawai, so
    # employee_where applies) and the population dates (analytics.rules.jp): one row per
    # employee counted in the year (started by 31 Dec, not retired before 1 Jan), zero JP
    # included; jp_k = cumulative JP of months 1..k. The JP page and the landing page read it
    # in one scan (analytics.aggregates.refresh_agg_jp_pegawai). Key: tahun, nip.
    """CREATE TABLE IF NOT EXISTS agg_jp_pegawai (
        tahun SMALLINT NOT NULL,
        nip VARCHAR NOT NULL,
        instansi_id INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,
        golongan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        status_kepegawaian VARCHAR NOT NULL,
        tmt_cpns DATE,
        tanggal_pensiun DATE NOT NULL,
        jp_1 DOUBLE NOT NULL,
        jp_2 DOUBLE NOT NULL,
        jp_3 DOUBLE NOT NULL,
        jp_4 DOUBLE NOT NULL,
        jp_5 DOUBLE NOT NULL,
        jp_6 DOUBLE NOT NULL,
        jp_7 DOUBLE NOT NULL,
        jp_8 DOUBLE NOT NULL,
        jp_9 DOUBLE NOT NULL,
        jp_10 DOUBLE NOT NULL,
        jp_11 DOUBLE NOT NULL,
        jp_12 DOUBLE NOT NULL,
        jp_klasikal DOUBLE[] NOT NULL,      -- 12 cumulative klasikal totals
        kegiatan INTEGER[] NOT NULL         -- 12 cumulative activity counts
    )""",
    # JP figures of each year's default view (analytics.queries.jp_summary): per status and
    # for both together ('*'), at the grains wilayah / instansi / unit. Key: tahun, per,
    # tingkat, instansi_id, unit_id, status.
    """CREATE TABLE IF NOT EXISTS agg_jp_ringkas (
        tahun SMALLINT NOT NULL,
        per DATE NOT NULL,                  -- the as-of date the figures hold for
        tingkat VARCHAR NOT NULL,           -- wilayah / instansi / unit
        instansi_id INTEGER,
        unit_id INTEGER,
        status VARCHAR NOT NULL,            -- PNS / PPPK / * (both)
        pegawai BIGINT NOT NULL,
        memenuhi BIGINT NOT NULL,
        jumlah_jp DOUBLE NOT NULL,
        median_jp DOUBLE,
        nol_jp BIGINT NOT NULL,
        di_belakang BIGINT NOT NULL
    )""",
    # The JP page's cumulative months for each year's default view (analytics.queries.
    # jp_summary): region and instance grain, per status and both ('*'). Key: tahun, per,
    # bulan, tingkat, instansi_id, status.
    """CREATE TABLE IF NOT EXISTS agg_jp_bulan (
        tahun SMALLINT NOT NULL,
        per DATE NOT NULL,                  -- the as-of date of the view
        bulan SMALLINT NOT NULL,            -- month 1..12 (cumulative to its end, or to per)
        tingkat VARCHAR NOT NULL,           -- wilayah / instansi
        instansi_id INTEGER,
        status VARCHAR NOT NULL,            -- PNS / PPPK / * (both)
        pegawai BIGINT NOT NULL,
        jumlah_jp DOUBLE NOT NULL,
        median_jp DOUBLE,
        jumlah_target DOUBLE NOT NULL,
        sesuai_laju BIGINT NOT NULL,
        memenuhi BIGINT NOT NULL
    )""",
    # Nine-box inputs per person and year (analytics.aggregates.refresh_agg_kotak): the year's
    # SKP predikat and the latest potential assessment in or before the year. Boxes are computed
    # from these at query time so that configurable thresholds apply. Key: nip, tahun.
    """CREATE TABLE IF NOT EXISTS agg_kotak (
        nip VARCHAR NOT NULL,
        tahun SMALLINT NOT NULL,
        predikat VARCHAR,
        pot_level VARCHAR,
        pot_skor DOUBLE,
        pot_tahun SMALLINT
    )""",
    # Competency assessments as validity intervals (analytics.queries.competency): the latest
    # assessment in or before year Y is the row with tahun_dari <= Y < tahun_sampai (9999 =
    # no later assessment), with the required level (analytics.rules.gap) and its source.
    # Key: nip, kompetensi, tahun_dari.
    """CREATE TABLE IF NOT EXISTS agg_kompetensi_pegawai (
        nip VARCHAR NOT NULL,
        kompetensi VARCHAR NOT NULL,
        tahun_dari SMALLINT NOT NULL,
        tahun_sampai SMALLINT NOT NULL,
        level SMALLINT NOT NULL,
        level_standar SMALLINT NOT NULL,
        sumber_standar VARCHAR NOT NULL,    -- jabatan / jenis / bawaan
        kepentingan VARCHAR,                -- mutlak / penting / perlu (imported standards)
        bobot DOUBLE NOT NULL
    )""",
    # Competency gap cube per year and pegawai filter dimensions (same column names as
    # pegawai, so employee_where applies to it). Key: tahun .. kompetensi.
    """CREATE TABLE IF NOT EXISTS agg_kompetensi (
        tahun SMALLINT NOT NULL,
        instansi_id INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        status_kepegawaian VARCHAR NOT NULL,
        kompetensi VARCHAR NOT NULL,
        n INTEGER NOT NULL,                 -- people assessed
        sum_level BIGINT NOT NULL,
        sum_standar BIGINT NOT NULL,
        sum_gap BIGINT NOT NULL,
        sum_gap_bobot DOUBLE NOT NULL,
        sum_kurang BIGINT NOT NULL,         -- sum of positive gaps (shortfall)
        sum_kurang_bobot DOUBLE NOT NULL,
        n_bawah INTEGER NOT NULL,           -- people below standard
        jp_bawah DOUBLE NOT NULL,           -- JP that year of the people below standard
        n_bawah_belum_jp INTEGER NOT NULL   -- people below standard short of their JP target
    )""",
    # Komite Talenta meetings (analytics.meeting): one instance and year, attendees, a frozen
    # snapshot of the instance's people taken at creation (imports during the meeting do not
    # move it) and versioned decisions (every edit kept; the latest row is `aktif`).
    "CREATE SEQUENCE IF NOT EXISTS rapat_seq",
    """CREATE TABLE IF NOT EXISTS rapat (
        id INTEGER PRIMARY KEY,
        instansi_id INTEGER NOT NULL,
        tahun SMALLINT NOT NULL,
        judul VARCHAR NOT NULL,
        tanggal DATE NOT NULL,
        tempat VARCHAR,
        agenda_jenis VARCHAR NOT NULL,      -- kotak (boxes in order) / daftar (NIP list)
        agenda_kotak SMALLINT[],
        dibuat_oleh VARCHAR NOT NULL,
        dibuat_pada TIMESTAMP NOT NULL,     -- = time of the snapshot
        data_version BIGINT NOT NULL,       -- meta.data_version the snapshot belongs to
        data_as_of VARCHAR,
        jumlah_pegawai INTEGER NOT NULL,
        jumlah_agenda INTEGER NOT NULL,
        ditutup_pada TIMESTAMP,             -- closed: decisions final
        ditutup_oleh VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS rapat_peserta (  -- key: rapat_id, urutan
        rapat_id INTEGER NOT NULL,
        urutan SMALLINT NOT NULL,
        nama VARCHAR NOT NULL               -- as entered (name, position)
    )""",
    """CREATE TABLE IF NOT EXISTS rapat_snapshot (  -- key: rapat_id, nip
        rapat_id INTEGER NOT NULL,
        nip VARCHAR NOT NULL,
        urutan INTEGER,                     -- agenda position 1..n; NULL = not on the agenda
        nama VARCHAR NOT NULL,
        instansi VARCHAR,
        unit VARCHAR,
        jabatan VARCHAR,
        jenis_jabatan VARCHAR,
        jenjang VARCHAR,
        golongan VARCHAR,
        golongan_rank SMALLINT,
        status VARCHAR,
        pendidikan VARCHAR,
        tanggal_lahir DATE,
        usia INTEGER,
        data_per DATE,
        bup SMALLINT,
        tanggal_pensiun DATE,
        predikat VARCHAR,
        pot_level VARCHAR,
        pot_skor DOUBLE,
        kotak_asli SMALLINT,
        kotak_kal SMALLINT,
        kotak SMALLINT,                     -- placement shown (calibrated when calibrated)
        alasan VARCHAR,                     -- why unmapped
        jp DOUBLE,
        jp_klasikal DOUBLE,
        jp_nonklasikal DOUBLE,
        kegiatan INTEGER,
        riwayat STRUCT(tahun SMALLINT, predikat VARCHAR, potensial VARCHAR,
                       kotak_asli SMALLINT, kotak SMALLINT)[],
        potensial STRUCT(tahun INTEGER, level VARCHAR, skor DOUBLE)[],
        kompetensi STRUCT(kompetensi VARCHAR, kelompok VARCHAR, level INTEGER, standar INTEGER,
                          sumber_standar VARCHAR, gap INTEGER)[]
    )""",
    "CREATE SEQUENCE IF NOT EXISTS rapat_keputusan_seq",
    """CREATE TABLE IF NOT EXISTS rapat_keputusan (  -- versions per rapat_id, nip
        id INTEGER PRIMARY KEY DEFAULT nextval('rapat_keputusan_seq'),
        rapat_id INTEGER NOT NULL,
        nip VARCHAR NOT NULL,
        versi INTEGER NOT NULL,
        kesiapan VARCHAR NOT NULL,          -- Ready Now / Need Development
        rekomendasi VARCHAR[] NOT NULL,     -- codes, analytics.meeting.REKOMENDASI
        catatan VARCHAR,
        kotak_kalibrasi SMALLINT,           -- calibrated box decided (also in kalibrasi)
        kalibrasi_id INTEGER,
        oleh VARCHAR NOT NULL,
        pada TIMESTAMP NOT NULL,
        aktif BOOLEAN NOT NULL DEFAULT TRUE
    )""",
    # Nine-box count cube per SKP year and pegawai filter dimensions (issue 8: box counts
    # without a person-level join; analytics.aggregates.refresh_agg_kotak_kubus). One row per
    # distinct (dimensions, predikat, potential input) with the number of people, every
    # employee in every year of agg_kotak (no row = no input). pot_skor only where pot_level
    # is not a level name (levels win under the default rule). Calibrations stay in kalibrasi
    # and are applied at query time. Key: tahun .. pot_skor.
    """CREATE TABLE IF NOT EXISTS agg_kotak_kubus (
        tahun SMALLINT NOT NULL,
        instansi_id INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        status_kepegawaian VARCHAR NOT NULL,
        predikat VARCHAR,
        pot_level VARCHAR,
        pot_skor DOUBLE,
        n INTEGER NOT NULL,
        k_bawaan TINYINT,                   -- axis indices under the default nine-box rule
        pi_bawaan TINYINT
    )""",
    # Nine-box person-year table (issue 8: person lists, succession and movement in one scan
    # without a join on the NIP; analytics.aggregates.refresh_agg_kotak_pegawai): every
    # employee in every year of agg_kotak with the pegawai columns the nine-box page filters
    # and shows, the year's rule inputs (as agg_kotak) and their axis indices under the default
    # rule (k_bawaan, pi_bawaan; other thresholds are computed from the inputs at query time),
    # and the same for the previous year (*_lalu: one scan for the pool streak and year-to-year
    # moves). Calibrations stay in kalibrasi. Key: tahun, nip.
    """CREATE TABLE IF NOT EXISTS agg_kotak_pegawai (
        tahun SMALLINT NOT NULL,
        nip VARCHAR NOT NULL,
        nama VARCHAR NOT NULL,
        instansi_id INTEGER NOT NULL,
        unit_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,
        nama_jabatan VARCHAR NOT NULL,
        jenjang VARCHAR,
        golongan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        status_kepegawaian VARCHAR NOT NULL,
        tanggal_pensiun DATE NOT NULL,
        predikat VARCHAR,
        pot_level VARCHAR,
        pot_skor DOUBLE,
        k_bawaan TINYINT,
        pi_bawaan TINYINT,
        predikat_lalu VARCHAR,
        pot_level_lalu VARCHAR,
        pot_skor_lalu DOUBLE,
        k_bawaan_lalu TINYINT,
        pi_bawaan_lalu TINYINT
    )""",
    # Competency gap cube without the unit dimension (issue 8: region-wide heatmap, summary
    # and trend from ~1/10 of agg_kompetensi's rows; analytics.queries.competency sums it
    # whenever the filter and the rows do not involve units). Same sums as agg_kompetensi,
    # refreshed from it (analytics.aggregates.refresh_agg_kompetensi_instansi).
    # Key: tahun .. kompetensi.
    """CREATE TABLE IF NOT EXISTS agg_kompetensi_instansi (
        tahun SMALLINT NOT NULL,
        instansi_id INTEGER NOT NULL,
        jenis_jabatan VARCHAR NOT NULL,
        golongan_rank SMALLINT NOT NULL,
        status_kepegawaian VARCHAR NOT NULL,
        kompetensi VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        sum_level BIGINT NOT NULL,
        sum_standar BIGINT NOT NULL,
        sum_gap BIGINT NOT NULL,
        sum_gap_bobot DOUBLE NOT NULL,
        sum_kurang BIGINT NOT NULL,
        sum_kurang_bobot DOUBLE NOT NULL,
        n_bawah INTEGER NOT NULL,
        jp_bawah DOUBLE NOT NULL,
        n_bawah_belum_jp INTEGER NOT NULL
    )""",
)

# Tables whose rows are source data (never overwritten by derived values).
SOURCE_TABLES = (
    "pegawai",
    "kinerja",
    "potensial",
    "kompetensi",
    "standar_kompetensi",
    "pelatihan",
    "kematangan",
)
