"""UI strings of the Kanreg X maturity page (Bahasa Indonesia)."""

TITLE = "Kematangan Manajemen Talenta — 44 Instansi Kanreg X"
CAPTION = (
    "Status Pembangunan MT dan Penerapan MT tiap instansi menurut tabel Kanreg X BKN Denpasar, "
    "ditambah perubahan yang dicatat staf Kanreg, Indeks Sistem Merit (ISM) yang dipublikasikan, "
    "dan data kepegawaian."
)
AS_OF = "Status per tanggal"
AS_OF_HELP = "Tabel menampilkan status terakhir tiap instansi pada atau sebelum tanggal ini."
PUBLISHED_ASSUMPTION = (
    "Tabel publikasi Kanreg X tidak mencantumkan tanggal; dasbor ini menganggapnya sebagai "
    "periode pertama, {tanggal}."
)
FILTERED = "Tabel difilter ke {n} instansi (filter samping)."
SHOW_ALL = "Tampilkan seluruh wilayah"

# Summary
SUMMARY_HEADER = "Ringkasan wilayah"
M_BANGUN = "Instansi sudah membangun MT"
M_TERAP = "Instansi sudah menerapkan MT"
M_OF = "{n} / {total}"
M_COVER = "ASN tercakup penerapan MT"
M_COVER_HELP = (
    "Jumlah ASN (sesuai filter) yang bekerja di instansi dengan Penerapan MT = Sudah, "
    "dibagi seluruh ASN yang terhitung."
)
M_COVER_DELTA = "{n} dari {total} ASN"
SENTENCE = "{bangun} dari {total} instansi sudah membangun MT, {terap} menerapkan."
BAR_TITLE = "Status MT per provinsi (jumlah instansi)"
LEVEL_TITLE = "Sebaran level kematangan"

# Table
TABLE_HEADER = "Tabel status 44 instansi"
TABLE_HELP = (
    "Pilih satu baris untuk memfokuskan seluruh dasbor ke instansi itu; tautan ke halaman "
    "lain muncul di bawah tabel."
)
COL_NO = "No"
COL_NAMA = "Instansi"
COL_JENIS = "Jenis"
COL_PROV = "Provinsi"
COL_BANGUN = "Pembangunan MT"
COL_TERAP = "Penerapan MT"
COL_LEVEL = "Level"
COL_PERIODE = "Status per"
COL_ISM = "Skor ISM"
COL_ISM_CAT = "Kategori ISM"
COL_ISM_YEAR = "Tahun ISM"
COL_ASN = "ASN"
COL_POOL = "Talent pool"
COL_JP = "PNS ≥ 20 JP"
LEVEL_NOTE = (
    "**Level kematangan** = 1 + langkah Pembangunan + langkah Penerapan (Belum 0, Proses 1, "
    "Sudah 2): Belum/Belum 1 · Proses/Belum 2 · Sudah/Belum atau Proses/Proses 3 · "
    "Sudah/Proses 4 · Sudah/Sudah 5. *Konvensi dasbor ini, bukan skala resmi.*"
)
ISM_NOTE = (
    "**ISM** hanya ditampilkan bila skor pernah dipublikasikan (kosong = tidak ada publikasi, "
    "tidak pernah ditebak). Kategori: I Buruk 100–174, II Kurang 175–249, III Baik 250–324, "
    "IV Sangat Baik 325–400 — batas kategori *belum dipastikan, dapat diatur*. "
    "Instansi perlu kategori Sangat Baik untuk dinilai siap menerapkan MT."
)
WORKFORCE_NOTE = (
    "ASN, talent pool (kotak 7–9) dan PNS ≥ 20 JP dihitung dari data kepegawaian sesuai filter samping "
    "(tahun {tahun})."
)
INCONSISTENT_ROWS = (
    "{n} baris berstatus tidak konsisten (Penerapan mendahului Pembangunan) dari data impor; "
    "levelnya dikosongkan: {names}."
)
NONE = "–"

# Selected instance
SELECTED = "Instansi terpilih: **{nama}**"
OPEN_PAGES = "Buka halaman lain untuk instansi ini:"
LINK_NINEBOX = "9 Kotak Talenta"
LINK_KOMPETENSI = "Kesenjangan Kompetensi"
LINK_JP = "Jam Pelajaran (JP)"

# Map
MAP_HEADER = "Peta kedudukan instansi"
TAB_MAP = "Peta dan level"
TAB_HISTORY = "Riwayat, perubahan dan pencatatan status"
MAP_NOTE = (
    "Peta skematis (garis pantai kasar, digambar dari koordinat perkiraan) yang bekerja tanpa "
    "internet; titik = ibu kota/kedudukan instansi, angka = level kematangan."
)
MAP_LEGEND = "Level {level}"
MAP_HOVER = "Level {level}"

# History
HISTORY_HEADER = "Riwayat dan perubahan status"
CHANGES_SINCE = "Perubahan sejak"
CHANGES_SINCE_HELP = "Bandingkan status per tanggal ini dengan status per tanggal tabel di atas."
CHANGES_NONE = "Tidak ada instansi yang berubah status sejak {tanggal}."
CHANGES_COUNT = "{n} instansi berubah status sejak {tanggal}: {naik} naik level, {turun} turun."
COL_LAMA = "Sebelumnya"
COL_BARU = "Sekarang"
COL_SELISIH = "Perubahan level"
COL_BUKTI = "Bukti"
COL_CATATAN = "Catatan"
COL_OLEH = "Dicatat oleh"
COL_SUMBER = "Sumber"
COL_PADA = "Dicatat pada"
NEW = "baru"
SUMBER = {"publikasi": "Publikasi Kanreg X", "pengguna": "Dicatat staf", "impor": "Impor"}
TIMELINE_TITLE = "Jumlah instansi per status dari waktu ke waktu"
TIMELINE_ONE = (
    "Baru ada satu periode (tabel publikasi). Garis waktu bertambah setiap kali status baru "
    "dicatat."
)
LOG_EXPANDER = "Seluruh catatan status ({n} baris)"

# Recording form
FORM_HEADER = "Catat status baru"
FORM_NOTE = (
    "Status baru disimpan sebagai baris baru (tabel publikasi tidak pernah diubah) dan tercatat "
    "di jejak audit."
)
FORM_INSTANSI = "Instansi"
FORM_PERIODE = "Tanggal status (periode)"
FORM_BANGUN = "Pembangunan MT"
FORM_TERAP = "Penerapan MT"
FORM_BUKTI = "Tingkat bukti"
FORM_BUKTI_HELP = (
    "Laporan instansi (pernyataan instansi) < Dokumen resmi (mis. SK, peraturan kepala daerah) "
    "< Verifikasi lapangan oleh Kanreg < Keputusan BKN."
)
FORM_CATATAN = "Catatan"
FORM_CATATAN_PH = "Mis. nomor SK, tanggal verifikasi, ringkasan temuan"
FORM_SUBMIT = "Simpan status"
FORM_SAVED = "Status {nama} per {tanggal} disimpan: {bangun}/{terap} (level {level})."
FORM_NO_ACCESS = "Pencatatan status hanya untuk staf Kanreg (peran Anda: {role})."
FORM_CURRENT = "Status saat ini: {bangun}/{terap} (level {level}), per {tanggal}."

# Export
EXPORT_HEADER = "Unduh tabel (format tabel Kanreg X)"
EXPORT_NAME = "status_mt_kanreg_x"
URL_BAD_DATE = "Tanggal pada tautan tidak valid dan diabaikan: {items}"
