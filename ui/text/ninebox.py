"""Nine-box page strings (Bahasa Indonesia)."""

TITLE = "9 Kotak Talenta"
CAPTION = (
    "Pemetaan talenta kinerja × potensial (PermenPANRB 3/2020). Kinerja dari predikat SKP tahun "
    "terpilih (PermenPANRB 6/2022); potensial dari hasil asesmen terakhir pada atau sebelum "
    "tahun itu. Pegawai tanpa SKP atau tanpa asesmen dihitung sebagai «Belum dipetakan»."
)

TABS = ("Peta 9 Kotak", "Kelompok Suksesi", "Pergerakan", "Kalibrasi", "Kurva Distribusi")

PLACEMENT = "Penempatan"
PLACEMENT_OPTIONS = {"kalibrasi": "Hasil kalibrasi", "asli": "Hasil pemetaan asli"}
PLACEMENT_HELP = (
    "Hasil kalibrasi: kotak yang ditetapkan Komite Talenta bila ada; hasil pemetaan asli: kotak "
    "menurut data SKP dan asesmen. Data sumber tidak pernah diubah."
)
SETTINGS = "Pengaturan aturan"
SKOR_SEDANG = "Skor potensial minimal «Sedang»"
SKOR_TINGGI = "Skor potensial minimal «Tinggi»"
SKOR_HELP = (
    "Dipakai bila hasil asesmen berupa skor 0–100 tanpa level. Nilai bawaan proyek "
    "(<60 Rendah, 60–<80 Sedang, ≥80 Tinggi) dapat diatur; belum dipastikan sebagai "
    "ketentuan nasional."
)
TARGET_RATIO = "Rasio target calon per jabatan target (1 : n)"
TARGET_RATIO_HELP = "Contoh BKN: 1 : 3 — satu jabatan diisi dari tiga calon yang memenuhi syarat."
READY_YEARS = "Tahun berturut-turut di kelompok suksesi untuk «Ready Now»"
READY_HELP = (
    "Konvensi proyek (tidak ada rumus resmi): kotak 9 langsung Ready Now; anggota kotak 7–8 "
    "menjadi Ready Now setelah sekian tahun berturut-turut di kelompok suksesi."
)
BAD_THRESHOLDS = (
    "Skor minimal «Sedang» harus ≤ skor minimal «Tinggi». Aturan bawaan dipakai sampai "
    "isian diperbaiki."
)

M_PEGAWAI = "Pegawai terpilih"
M_DIPETAKAN = "Dipetakan"
M_BELUM = "Belum dipetakan"
M_SUKSESI = "Kelompok suksesi (7–9)"
NO_SKP_YEAR = "Belum ada data SKP untuk tahun {tahun}; semua pegawai tercatat belum dipetakan."
NO_PEOPLE = "Tidak ada pegawai untuk filter ini."

REASON = {
    "tanpa_skp": "Tanpa predikat SKP tahun ini",
    "tanpa_potensial": "Tanpa hasil asesmen potensial",
    "tanpa_keduanya": "Tanpa SKP dan tanpa asesmen",
}
UNMAPPED_HEADER = "Belum dipetakan ({n})"

AXIS_X = "Potensial"
AXIS_Y = "Kinerja"
AXIS_X_TICKS = ("Rendah", "Sedang", "Tinggi")
AXIS_Y_TICKS = ("Di bawah<br>ekspektasi", "Sesuai<br>ekspektasi", "Di atas<br>ekspektasi")
HOVER = (
    "<b>%{customdata[1]}</b><br>NIP: %{customdata[2]}<br>Unit: %{customdata[3]}<br>"
    "Jabatan: %{customdata[4]}<br>Golongan: %{customdata[5]}<br>%{customdata[6]}<extra></extra>"
)
HOVER_BOX = "Kotak %{customdata[1]}<br>%{customdata[2]}<extra></extra>"
HOVER_KOTAK = "Kotak {kotak}"
HOVER_KALIBRASI = "Kotak {kotak} (dikalibrasi dari {asli})"
TILE_MODE = (
    "Tampilan jumlah per kotak: {n} pegawai terpetakan (titik per orang ditampilkan sampai "
    "{limit}). Pilih kotak di grafik atau di daftar kotak untuk melihat pegawainya."
)
POINT_MODE = (
    "Setiap titik satu pegawai (posisi dalam kotak tetap setiap kali dibuka). Klik titik atau "
    "tarik kotak seleksi untuk memilih pegawai; persentase dari seluruh pegawai terpilih."
)
PICK_BOX = "Kotak"
BOX_OPTION = "{kotak} · {label} ({n})"
UNMAPPED_OPTION = "Belum dipetakan ({n})"
RECOMMENDATION = "Rekomendasi kotak {kotak}"
SELECTED_POINTS = "{n} pegawai dipilih di grafik. Kosongkan seleksi grafik untuk kembali ke kotak."
LIST_HEADER = "Pegawai di {what}"
LIST_BOX = "kotak {kotak} · {label}"
LIST_SELECTION = "seleksi grafik"
LIST_TRUNCATED = (
    "Ditampilkan {shown} dari {total} pegawai; daftar lengkap ada di unduhan CSV/XLSX di bawah."
)
LIST_HINT = "Pilih satu baris untuk membuka kartu pegawai."
AGG_ONLY = "Peran Anda hanya melihat jumlah per kotak; daftar dan kartu pegawai tidak ditampilkan."

COL = {
    "nama": "Nama",
    "nip": "NIP",
    "instansi": "Instansi",
    "unit": "Unit kerja",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "golongan": "Gol.",
    "predikat": "Predikat SKP",
    "potensial": "Potensial",
    "kotak": "Kotak",
    "label": "Label",
    "kotak_asli": "Kotak asli",
    "dikalibrasi": "Dikalibrasi",
    "alasan": "Alasan belum dipetakan",
    "tahun_kelompok": "Tahun di kelompok",
    "kesiapan": "Kesiapan",
    "tanggal_pensiun": "Tanggal pensiun",
}

# Employee card
CARD = "Kartu pegawai"
CARD_GONE = "Pegawai tidak lagi ada dalam filter atau cakupan Anda."
CARD_IDENT = "Identitas"
CARD_FIELDS = {
    "nip": "NIP",
    "instansi": "Instansi",
    "unit": "Unit kerja",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "jenjang": "Jenjang",
    "golongan": "Golongan",
    "status": "Status",
    "pendidikan": "Pendidikan",
}
CARD_AGE = "Usia {usia} tahun (per {tanggal})"
CARD_RETIRE = "Pensiun {tanggal} (BUP {bup})"
CARD_BORN = "Lahir {tanggal}"
CARD_BOX = "Kotak {kotak} · {label} (tahun {tahun})"
CARD_UNMAPPED = "Belum dipetakan pada tahun {tahun}"
CARD_SKP = "Riwayat SKP dan kotak"
CARD_POT = "Asesmen potensial"
CARD_POT_NONE = "Belum ada hasil asesmen potensial."
CARD_KOMP = "Profil kompetensi terhadap standar jabatan"
CARD_KOMP_NOTE = (
    "Level terakhir pada atau sebelum tahun terpilih. Kesenjangan = standar − level "
    "(positif = kurang). Standar bawaan per jenis jabatan bila standar jabatan tidak diimpor "
    "(nilai bawaan yang dapat diatur)."
)
CARD_JP = "JP tahun {tahun}"
CARD_JP_VALUE = "{jp} JP ({klasikal} klasikal, {nonklasikal} nonklasikal; {kegiatan} kegiatan)"
CARD_REC = "Rekomendasi"
CARD_TRAJ = "Lintasan kotak"
CARD_CAL = "Riwayat kalibrasi"
KOMP_COLS = {
    "kompetensi": "Kompetensi",
    "kelompok": "Kelompok",
    "level": "Level",
    "standar": "Standar",
    "sumber_standar": "Sumber standar",
    "gap": "Kesenjangan",
}
RIWAYAT_COLS = {
    "tahun": "Tahun",
    "predikat": "Predikat SKP",
    "potensial": "Potensial",
    "kotak_asli": "Kotak asli",
    "kotak": "Kotak",
    "label": "Label",
}

# Calibration
CAL_FORM = "Kalibrasi oleh Komite Talenta (tahun {tahun})"
CAL_NEW = "Pindahkan ke kotak"
CAL_REASON = "Alasan kalibrasi (wajib)"
CAL_REASON_HELP = "Minimal 10 karakter; dicatat bersama nama Anda dan waktu di log audit."
CAL_SUBMIT = "Simpan kalibrasi"
CAL_CANCEL = "Batalkan kalibrasi aktif"
CAL_DONE = "Kalibrasi tersimpan: kotak {asal} → {baru}."
CAL_CANCELLED = "Kalibrasi aktif dibatalkan; kotak kembali ke hasil pemetaan asli."
CAL_NONE_ACTIVE = "Tidak ada kalibrasi aktif untuk dibatalkan."
CAL_ERRORS = {
    "peran": "Peran Anda tidak dapat melakukan kalibrasi (hanya anggota Komite Talenta dan admin).",
    "alasan": "Alasan kalibrasi wajib diisi, minimal 10 karakter.",
    "kotak": "Kotak tujuan harus 1–9.",
    "tidak_ditemukan": "Pegawai tidak ditemukan dalam filter atau cakupan Anda.",
    "belum_dipetakan": "Pegawai belum dipetakan (tanpa SKP atau asesmen); lengkapi data dahulu.",
    "sama": "Kotak tujuan sama dengan kotak saat ini.",
}
CAL_READ_ONLY = "Basis data dibuka hanya-baca; kalibrasi tidak dapat disimpan."
CAL_INTRO = (
    "Kalibrasi dilakukan dari kartu pegawai (tab Peta 9 Kotak → pilih pegawai). Kotak asli dan "
    "kotak hasil kalibrasi keduanya disimpan beserta siapa, kapan dan alasannya; data SKP dan "
    "asesmen tidak diubah. Kalibrasi yang digantikan tetap tersimpan sebagai tidak aktif."
)
CAL_HISTORY = "Catatan kalibrasi tahun {tahun}"
CAL_EMPTY = "Belum ada kalibrasi untuk filter dan tahun ini."
CAL_COLS = {
    "nama": "Nama",
    "nip": "NIP",
    "instansi": "Instansi",
    "kotak_asal": "Kotak asal",
    "kotak_baru": "Kotak baru",
    "alasan": "Alasan",
    "oleh": "Oleh",
    "pada": "Waktu",
    "aktif": "Aktif",
}

# Succession
POOL_HEADER = "Kelompok rencana suksesi (kotak 7–9) per instansi dan jenis jabatan"
POOL_NOTE = (
    "Analisis suksesi melihat semua jenis jabatan dan golongan dalam instansi/unit terpilih "
    "(filter jenis jabatan dan golongan tidak diterapkan di tab ini)."
)
POOL_CHART = "Jumlah anggota kelompok suksesi per instansi"
POOL_COLS = {
    "instansi": "Instansi",
    "jenis_jabatan": "Jenis jabatan",
    "kotak_9": "Kotak 9",
    "kotak_8": "Kotak 8",
    "kotak_7": "Kotak 7",
    "kelompok": "Kelompok suksesi",
    "dipetakan": "Dipetakan",
    "pegawai": "Pegawai",
    "persen": "% dari dipetakan",
}
TARGET_HEADER = "Jabatan target dan rasio calon"
TARGET_NOTE = (
    "Jabatan target: pemangku jabatan struktural yang mencapai BUP antara {mulai} dan {akhir} "
    "(12 bulan dari tanggal data). Calon: anggota kelompok suksesi satu tingkat di bawahnya "
    "pada instansi yang sama dan tidak pensiun dalam periode itu. Target rasio 1 : {rasio}."
)
TARGET_NONE = "Tidak ada jabatan target (pensiun dalam 12 bulan) pada filter ini."
TARGET_COLS = {
    "instansi": "Instansi",
    "jenis_jabatan": "Tingkat jabatan",
    "target": "Jabatan target",
    "kandidat": "Calon",
    "ready_now": "Ready Now",
    "rasio_teks": "Rasio",
    "kekurangan": "Kekurangan calon",
    "status": "Status",
}
TARGET_THIN = "⚠ Terlalu tipis"
TARGET_OK = "✓ Cukup"
RATIO = "1 : {r}"
HOLDERS = "Pemangku jabatan target (pensiun ≤ 12 bulan)"
CANDIDATES = "Calon suksesi dan kesiapan"
READINESS_NOTE = (
    "Ready Now: memenuhi kriteria untuk jabatan setingkat lebih tinggi; Need Development: masih "
    "perlu pengembangan. Aturan proyek: kotak 9, atau {n} tahun berturut-turut di kotak 7–9."
)

# Movement
YEAR_A = "Dari tahun"
YEAR_B = "Ke tahun"
SAME_YEAR = "Pilih dua tahun yang berbeda."
ONE_YEAR = "Perbandingan memerlukan data SKP dua tahun; baru tersedia {n} tahun."
MOVE = {
    "naik": "Naik kotak",
    "tetap": "Tetap",
    "turun": "Turun kotak",
    "tidak_lengkap": "Data tidak lengkap",
}
MOVE_HELP = "Naik/turun menurut nomor kotak (1 terendah … 9 tertinggi); tidak lengkap: belum dipetakan pada salah satu tahun."
MATRIX = "Matriks perpindahan (baris: kotak {a}, kolom: kotak {b})"
SANKEY = "Alur perpindahan kotak {a} → {b}"
UNMAPPED_SHORT = "Belum"

# Distribution
ORG_PREDIKAT = "Predikat kinerja organisasi"
ORG_HELP = (
    "Kurva distribusi predikat pegawai mengikuti predikat kinerja organisasi (PermenPANRB 6/2022)."
)
DIST_UNCERTAIN = (
    "Persentase kurva adalah nilai bawaan yang dapat diatur; belum dipastikan terhadap lampiran "
    "PermenPANRB 6/2022."
)
DIST_CHART = "Distribusi predikat SKP {tahun} ({n} pegawai dinilai)"
DIST_NONE = "Tidak ada predikat SKP untuk filter dan tahun ini."
DIST_RULE = "{predikat} {op} {batas}"
DIST_OK = "✓ Sesuai"
DIST_BREACH = "✗ Melanggar"
DIST_COLS = {"aturan": "Ketentuan", "aktual": "Aktual", "status": "Status"}
DIST_BY_INST = "Per instansi (predikat organisasi yang sama diasumsikan untuk semua)"
DIST_INST_COLS = {"instansi": "Instansi", "dinilai": "Dinilai", "pelanggaran": "Pelanggaran"}
DIST_ONE_INST = "Pilih satu instansi di filter untuk memeriksa kurva instansi itu; di bawah ini gabungan pilihan."
M_DIPETAKAN_VALUE = "{n} ({p})"
