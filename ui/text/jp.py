"""JP page strings (Bahasa Indonesia)."""

TITLE = "Jam Pelajaran (JP) Pengembangan Kompetensi"
CAPTION = (
    "Setiap PNS wajib mengikuti pengembangan kompetensi paling sedikit 20 JP per tahun "
    "(PP 11/2017 pasal 203); 1 JP = 45 menit. JP dihitung menurut tahun tanggal mulai kegiatan. "
    "Pegawai tanpa catatan pelatihan dihitung 0 JP."
)
DATA_AS_OF = "Data pelatihan tercatat sampai {tanggal}."

AS_OF = "Posisi per tanggal"
AS_OF_HELP = (
    "JP dihitung dari kegiatan yang dimulai sampai tanggal ini. Garis laju: "
    "target × bagian tahun yang sudah berjalan."
)
GROUP = "Kelompok ASN"
GROUP_PNS = "PNS (wajib {target} JP)"
GROUP_PPPK = "PPPK (target {target} JP)"
SETTINGS = "Pengaturan target dan konversi"
TARGET_PPPK = "Target JP PPPK per tahun"
TARGET_PPPK_HELP = (
    "Kewajiban 20 JP adalah ketentuan PNS. Target PPPK di sini adalah nilai bawaan yang "
    "dapat diatur; belum dipastikan sebagai ketentuan nasional."
)
CONVERSION_HEADER = "Konversi kegiatan ke JP (nilai bawaan, dapat diatur; belum dipastikan sebagai standar nasional)"

METRIC_ROW = "**{status}** — target {target} JP · laju per {tanggal}: {harapan} JP"
M_PEGAWAI = "Pegawai"
M_MEMENUHI = "Memenuhi ≥ {target} JP"
M_PERSEN = "Persen memenuhi"
M_RATA = "Rata-rata JP"
M_NOL = "0 JP"
M_BELAKANG = "Di belakang laju"
M_BELAKANG_HELP = (
    "JP sampai tanggal posisi di bawah garis laju (target × bagian tahun berjalan). Dengan "
    "laju saat ini mereka diproyeksikan tidak mencapai target pada 31 Desember."
)
NO_PEOPLE = "Tidak ada pegawai {status} dalam filter ini."

TAB_DIM = "Capaian per kelompok"
TAB_HIST = "Sebaran JP"
TAB_CUM = "Kumulatif & laju"
TAB_LIST = "Daftar pegawai"
TAB_REGION = "Regional 44 instansi"

DIM = "Kelompokkan menurut"
DIM_LABELS = {
    "unit": "Unit kerja",
    "instansi": "Instansi",
    "jenis_jabatan": "Jenis jabatan",
    "golongan": "Golongan",
}
SORT = "Urutkan"
SORT_LABELS = {
    "persen_naik": "Persen memenuhi terendah",
    "persen_turun": "Persen memenuhi tertinggi",
    "belakang": "Terbanyak di belakang laju",
    "pegawai": "Jumlah pegawai terbanyak",
    "nama": "Nama / urutan",
}
TOP_N = "Baris pada grafik"
DIM_CHART_NOTE = (
    "Batang gelap: sudah memenuhi target per tanggal posisi. Batang muda: diproyeksikan "
    "memenuhi target pada 31 Desember dengan laju saat ini (sudah memenuhi atau sesuai laju)."
)
SERIES_MET = "Sudah memenuhi"
SERIES_PACE = "Proyeksi memenuhi (sesuai laju)"
AXIS_PERSEN = "Persen pegawai"
SHOWN_OF = "Grafik menampilkan {n} dari {total} baris; tabel di bawah memuat semuanya."

COL = {
    "tampil": "Kelompok",
    "label": "Kelompok",
    "instansi": "Instansi / keterangan",
    "pegawai": "Pegawai",
    "memenuhi": "Memenuhi",
    "persen_memenuhi": "% memenuhi",
    "rata_jp": "Rata-rata JP",
    "median_jp": "Median JP",
    "nol_jp": "0 JP",
    "di_belakang": "Di belakang laju",
    "persen_sesuai_laju": "% proyeksi memenuhi",
    "nip": "NIP",
    "nama": "Nama",
    "unit_kerja": "Unit kerja",
    "jenis_jabatan": "Jenis jabatan",
    "nama_jabatan": "Jabatan",
    "golongan": "Gol.",
    "status": "Status",
    "jp": "JP",
    "target": "Target",
    "jp_harapan": "JP sesuai laju",
    "proyeksi": "Proyeksi 31 Des",
    "kekurangan": "Kekurangan JP",
    "jp_per_bulan": "JP/bulan dibutuhkan",
    "provinsi": "Provinsi",
    "persen_lalu": "% tahun lalu",
    "perubahan": "Perubahan",
}

HIST_TITLE = "Sebaran JP per pegawai"
HIST_X = "JP per pegawai"
HIST_Y = "Jumlah pegawai"
HIST_BELOW = "Di bawah target"
HIST_MEET = "Memenuhi target"
HIST_TARGET = "Target {target} JP"
HIST_TOP = "≥ {top}"

JALUR_TITLE = "Klasikal dan nonklasikal"
JALUR_LABEL = "{jp} JP ({persen}) · {n} pegawai"
JALUR_X = "Total JP"

CUM_TITLE = "JP kumulatif per pegawai, bulan demi bulan, dibanding garis laju"
CUM_STAT = "Ukuran"
CUM_STATS = {"median_jp": "Median per pegawai", "rata_jp": "Rata-rata per pegawai"}
CUM_PACE = "Garis laju ke {target} JP pada 31 Des"
CUM_Y = "JP kumulatif"
CUM_SHARE_TITLE = "Persen pegawai sesuai laju (atau sudah memenuhi), per akhir bulan"
CUM_SHARE_Y = "% sesuai laju"

PROJ_HEADER = "Proyeksi: siapa yang tidak akan mencapai target"
PROJ_TEXT = (
    "Dengan laju saat ini, **{n} dari {total} pegawai ({persen})** diproyeksikan tidak mencapai "
    "{target} JP pada 31 Desember (proyeksi = JP sejauh ini ÷ bagian tahun yang sudah berjalan). "
    "Sisa waktu ±{bulan} bulan."
)
LIST_BEHIND = "Di belakang laju / proyeksi tidak tercapai"
LIST_ZERO = "Belum punya JP (0 JP)"
LIST_CAPTION = (
    "Diurutkan per instansi, unit kerja, lalu kekurangan JP terbesar. Kolom 'JP/bulan "
    "dibutuhkan' = kekurangan ÷ sisa bulan."
)
LIST_BIG = (
    "Daftar berisi {n} pegawai. Persempit filter (instansi atau unit kerja) atau tampilkan "
    "daftar lengkap untuk diunduh."
)
LIST_SHOW_ALL = "Tampilkan daftar lengkap"
LIST_EMPTY = "Tidak ada pegawai dalam daftar ini."

REGION_TITLE = "Persen pegawai memenuhi target JP, seluruh instansi (per {tanggal})"
REGION_CAPTION = (
    "Semua instansi dalam cakupan Anda dibandingkan; filter instansi dan unit diabaikan di sini, "
    "instansi yang dipilih ditandai ◆. Warna dan label menunjukkan provinsi."
)
REGION_YOY_TITLE = "Perubahan dibanding tanggal yang sama tahun {tahun} (poin persen)"
REGION_NO_PREV = "Belum ada data tahun sebelumnya untuk perbandingan."
REGION_LABEL = "{persen} · {memenuhi}/{pegawai}"
REGION_X = "Persen memenuhi"
PP = "{sign}{value} pp"

DOWNLOAD_NAME_UNIT = "jp_per_unit"
DOWNLOAD_NAME_PEGAWAI = "jp_pegawai"
DOWNLOAD_NAME_BEHIND = "jp_belakang_laju"
DOWNLOAD_NAME_ZERO = "jp_nol"
DOWNLOAD_HEADER = "Unduh rekap"
DOWNLOAD_UNIT = "Rekap per unit kerja (format ekspor jp)"
DOWNLOAD_PEGAWAI = "JP per pegawai (format ekspor jp-pegawai)"
