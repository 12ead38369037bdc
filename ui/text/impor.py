"""Import & export page strings (Bahasa Indonesia)."""

TITLE = "Impor & Ekspor"
CAPTION = (
    "Muat data nyata dari berkas CSV/XLSX (SIASN, e-Kinerja, laporan asesmen, catatan pelatihan) "
    "dan unduh laporan dengan filter yang sedang dipilih. Impor bersifat semua-atau-tidak-sama-"
    "sekali: berkas yang mengandung satu kesalahan pun tidak mengubah data apa pun."
)
REFUSED = "Peran Anda tidak berhak mengimpor maupun mengekspor data."
EXPORT_ONLY = "Peran Anda hanya dapat mengekspor laporan; impor data hanya untuk administrator."
READ_ONLY = (
    "Basis data dibuka hanya-baca (TALENTA_READ_ONLY=1): impor dan pemulihan tidak tersedia."
)

TAB_IMPORT = "Impor data"
TAB_HISTORY = "Riwayat & pemulihan"
TAB_EXPORT = "Ekspor laporan"

# -- templates and contract ---------------------------------------------------------------
TEMPLATES_HEADER = "Templat dan aturan berkas"
TEMPLATES_INTRO = (
    "Satu tabel per berkas CSV yang dinamai sesuai tabel (mis. `pegawai.csv`, `kinerja.csv`), "
    "atau satu buku kerja XLSX dengan satu sheet per tabel yang dinamai sama. Beberapa berkas "
    "dapat diimpor bersama, dalam urutan apa pun, sebagai satu impor."
)
TEMPLATE_WORKBOOK = "Unduh buku kerja XLSX (semua tabel)"
TEMPLATE_CSV = "{name}"
TEMPLATE_CSV_HEADER = "Templat CSV per tabel (berisi satu baris contoh):"
CONTRACT_RULES = """
- **Judul kolom** di baris 1, huruf kecil (huruf besar dan spasi di sekitarnya ditoleransi).
  Kolom tambahan dilaporkan sebagai peringatan lalu diabaikan. Baris kosong dilewati.
- **CSV**: UTF-8 (dengan atau tanpa BOM), pemisah `,` atau `;`. Simpan dari Excel sebagai
  "CSV UTF-8"; Windows-1252 atau UTF-16 ditolak.
- **Tanggal**: ISO `2025-03-31`, format Indonesia `31/03/2025`, atau sel tanggal Excel.
- **Nilai teks** dicocokkan tanpa membedakan huruf besar/kecil dan disimpan dalam bentuk baku
  (`sangat baik` → `Sangat Baik`, `iii/a` → `III/a`).
- **NIP**: 18 digit (spasi dibuang); 8 digit pertama harus tanggal lahir yang nyata. Di XLSX,
  simpan kolom NIP sebagai **teks** — Excel hanya menyimpan 15 digit angka.
- **Instansi** ditulis persis seperti nama pada tabel referensi 44 instansi
  (mis. `Kabupaten Badung`). Unit kerja baru untuk suatu instansi dibuat otomatis.
- kinerja, potensial, kompetensi, dan pelatihan harus merujuk NIP yang sudah ada di data atau
  ada di berkas `pegawai` pada impor yang sama.
- Baris dengan kunci yang sama dua kali dalam satu berkas adalah kesalahan.
- Batas ukuran per berkas: {max_mb} MB.
"""
CONTRACT_TABLE_HEADER = "| tabel (berkas / sheet) | kolom wajib | kolom opsional | kunci |"
CONTRACT_TABLE_SEP = "|---|---|---|---|"
ONE_OF = "dan salah satu/keduanya dari: {cols}"
# Value lists shown next to a column name in the contract table.
COLUMN_VALUES: dict[str, str] = {
    "jenis_kelamin": "L/P",
    "status_kepegawaian": "PNS/PPPK",
    "golongan": "I/a–IV/e; PPPK I–XVII",
    "jenis_jabatan": "JPT Utama … Pelaksana",
    "predikat": "Sangat Baik / Baik / Butuh Perbaikan / Kurang / Sangat Kurang",
    "level": "1–5; potensial: Tinggi/Sedang/Rendah",
    "skor": "0–100",
    "level_standar": "1–5",
    "tingkat_kepentingan": "mutlak/penting/perlu",
    "jalur": "Klasikal/Nonklasikal",
    "jp": "JP hasil konversi, > 0 dan ≤ 1000",
    "pembangunan_mt": "Sudah/Proses/Belum",
    "penerapan_mt": "Sudah/Proses/Belum",
    "skor_ism": "0–400",
}

# -- upload ---------------------------------------------------------------------------------
UPLOAD_HEADER = "Unggah berkas"
UPLOAD_LABEL = "Pilih satu atau beberapa berkas CSV/XLSX"
UPLOAD_HELP = (
    "Nama berkas CSV = nama tabel (pegawai.csv, kinerja.csv, …); XLSX: satu sheet per tabel."
)
KEPT_FILES = "Berkas yang dipilih sebelumnya masih tersimpan: {names}."
FORGET_FILES = "Lupakan berkas ini"
SELECTED = "{n} berkas dipilih: {names}"
STEP_CHECK = "1. Periksa"
STEP_CHECK_HELP = "Membaca dan memeriksa semua baris. Tidak ada data yang diubah."
STEP_IMPORT = "2. Impor"
STEP_IMPORT_HELP = (
    "Aktif setelah pemeriksaan tanpa kesalahan. Semua berkas dimuat dalam satu transaksi."
)
NEED_CHECK = "Tekan **1. Periksa** untuk memeriksa berkas sebelum mengimpor."
CHECKING = "Memeriksa berkas…"
IMPORTING = "Mengimpor dalam satu transaksi…"
REVALIDATED = "Data berubah sejak pemeriksaan terakhir; berkas diperiksa ulang sebelum impor."
NOTHING_WRITTEN = "Pemeriksaan tidak mengubah data apa pun."

REPORT_OK = "Tidak ada kesalahan: {rows} baris siap diimpor dari {n} tabel."
REPORT_BAD = (
    "Ditemukan {n} kesalahan. Perbaiki semuanya lalu unggah ulang; tidak ada data yang diubah."
)
SUMMARY_HEADER = "Ringkasan per tabel"
COL_TABEL = "Tabel"
COL_BERKAS = "Berkas / sheet"
COL_DIBACA = "Baris dibaca"
COL_VALID = "Baris valid"
COL_GALAT = "Kesalahan"
COL_PERINGATAN = "Peringatan"
COL_BARIS = "Baris"
COL_KOLOM = "Kolom"
COL_ALASAN = "Alasan"
ERRORS_HEADER = "Semua kesalahan ({n})"
WARNINGS_HEADER = "Peringatan ({n}) — tidak menghalangi impor"
ERRORS_DOWNLOAD = "Unduh daftar kesalahan & peringatan (CSV)"
FILE_LEVEL = "(berkas)"

RESULT_HEADER = "Hasil impor"
REPORT_EXPANDER = "Laporan pemeriksaan berkas ini"
COL_DITAMBAH = "Ditambah"
COL_DIPERBARUI = "Diperbarui"
COL_TETAP = "Tidak berubah"
DUPLICATE = "Berkas yang sama sudah diimpor sebagai impor #{id}; tidak ada yang diubah."

# Indonesian table labels (file/sheet names stay as in the contract).
TABLE_LABELS: dict[str, str] = {
    "pegawai": "pegawai (data pegawai)",
    "kinerja": "kinerja (predikat SKP)",
    "potensial": "potensial",
    "kompetensi": "kompetensi (hasil asesmen)",
    "standar_kompetensi": "standar_kompetensi",
    "pelatihan": "pelatihan (JP)",
    "kematangan_mt": "kematangan_mt (status MT instansi)",
}

# -- history and restore --------------------------------------------------------------------
HISTORY_HEADER = "Riwayat impor"
NO_HISTORY = "Belum ada impor."
COL_ID = "No. impor"
COL_PADA = "Waktu"
COL_OLEH = "Oleh"
COL_STATUS = "Status"
STATUS_LABELS = {"aktif": "aktif", "dipulihkan": "dibatalkan"}
RESTORE_HEADER = "Pemulihan"
RESTORE_INTRO = (
    "Pemulihan mengembalikan data seperti sebelum impor: baris yang ditambahkan dihapus dan baris "
    "yang diganti dikembalikan dari cadangan. Impor dibatalkan dari yang terbaru."
)
NO_ACTIVE = "Tidak ada impor aktif yang dapat dibatalkan."
UNDO_LATEST_LABEL = "Batalkan impor terakhir (#{id})"
UNDO_LATEST_CONFIRM = "Saya yakin ingin membatalkan impor #{id}."
RESTORE_BEFORE_LABEL = "Pulihkan keadaan sebelum impor terpilih"
RESTORE_BEFORE_SELECT = "Impor"
RESTORE_BEFORE_OPTION = "#{id} · {pada} · {berkas}"
RESTORE_BEFORE_CONFIRM = (
    "Saya yakin: impor #{id} dan semua impor sesudahnya ({n} impor) akan dibatalkan."
)
RESTORE_ALL_LABEL = "Pulihkan keadaan sebelum semua impor"
RESTORE_ALL_CONFIRM = "Saya yakin: semua {n} impor aktif akan dibatalkan."
RESTORE_BUTTON = "Pulihkan"
UNDO_BUTTON = "Batalkan"
RESTORED = "Impor dibatalkan: {ids}. Data kembali ke keadaan sebelumnya."
RESTORE_REFUSED = "Pemulihan ditolak: {reason}"
RESTORE_FAILED = "Pemulihan gagal; tidak ada data yang diubah ({reason})."
IMPORT_FAILED = "Impor gagal dan dibatalkan seluruhnya; tidak ada data yang diubah ({reason})."

# -- exports --------------------------------------------------------------------------------
EXPORT_HEADER = "Ekspor laporan"
EXPORT_INTRO = (
    "Setiap laporan dihitung dengan filter yang sedang dipilih di panel samping dan sama persis "
    "dengan keluaran baris perintah `python -m analytics export LAPORAN`."
)
EXPORT_FILTER = "Isi ekspor: {summary}"
EXPORT_ROWS = "{n} baris · kolom: {cols}"
EXPORT_CLI = "Baris perintah yang setara: `{cmd}`"
EXPORT_PREVIEW = "Pratinjau dan baris perintah"
EXPORT_CLI_ONLY = "Baris perintah"
EXPORT_PEOPLE_ROWS = (
    "{n} pegawai · kolom: nip, nama, unit_kerja, jp, memenuhi_20jp. Daftar disusun saat tombol "
    "unduh ditekan (untuk ratusan ribu pegawai XLSX dapat memerlukan beberapa menit; CSV jauh "
    "lebih cepat)."
)
EXPORT_PREVIEW_HEAD = "Pratinjau {n} baris pertama dari {total}."
EXPORT_FAILED = "Laporan ini tidak dapat disusun saat ini ({reason})."
NOT_AVAILABLE = "Laporan ini belum tersedia di versi ini."
PEOPLE_ONLY = "Daftar perorangan tidak tersedia untuk peran Anda (hanya data agregat)."
EXPORT_EMPTY = "Tidak ada baris untuk filter ini (berkas hanya berisi judul kolom)."

REPORTS: dict[str, tuple[str, str]] = {
    "ninebox": (
        "9 Kotak Talenta",
        "Jumlah dan persen pegawai per kotak 1–9 (kotak kosong ikut), ditambah baris "
        "'Belum dipetakan'.",
    ),
    "kompetensi": (
        "Kesenjangan kompetensi",
        "Per unit kerja × kompetensi: jumlah pegawai, rata-rata level, standar, gap, dan jumlah "
        "di bawah standar.",
    ),
    "jp": (
        "Jam Pelajaran per unit",
        "Per unit kerja: pegawai, yang memenuhi 20 JP, persen memenuhi, rata-rata JP.",
    ),
    "jp-pegawai": (
        "Jam Pelajaran per pegawai",
        "Per pegawai: NIP, nama, unit kerja, JP, memenuhi 20 JP (nama/NIP disamarkan bila "
        "peran Anda mewajibkan).",
    ),
    "kematangan": (
        "Kematangan Manajemen Talenta",
        "Per instansi: status pembangunan dan penerapan MT, level kematangan, skor dan tahun ISM.",
    ),
}
EXPORT_ALL = "Unduh semua laporan agregat (XLSX, satu sheet per laporan)"
