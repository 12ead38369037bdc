"""UI strings of the competency gap page (Bahasa Indonesia)."""

TITLE = "Kesenjangan Kompetensi"
CAPTION = (
    "Kesenjangan = level standar jabatan − level hasil penilaian terakhir (sampai tahun terpilih). "
    "Nilai positif (merah) berarti kekurangan; negatif (biru) berarti melebihi standar. "
    "Dasar: PermenPANRB 38/2017."
)

BARIS = "Baris"
BARIS_OPSI = {
    "unit": "Unit kerja",
    "jenis": "Jenis jabatan",
    "golongan": "Golongan",
    "instansi": "Instansi",
}
URUT = "Urutkan baris"
URUT_OPSI = {
    "kekurangan": "Total kekurangan (terbesar dahulu)",
    "rata": "Rata-rata kesenjangan (terbesar dahulu)",
    "alami": "Urutan baku (nama/golongan)",
}
TOP = "Jumlah baris"
TOP_OPSI = {15: "15 teratas", 30: "30 teratas", 60: "60 teratas", 0: "Semua baris"}
BOBOT = "Bobot tingkat kepentingan"
BOBOT_HELP = (
    "Kesenjangan dikalikan bobot kepentingan standar: mutlak ×1,5; penting ×1; perlu ×0,5; "
    "tanpa keterangan ×1. Bobot ini nilai bawaan yang dapat diatur."
)

TABS = ("Peta kesenjangan", "Rincian pegawai", "Kebutuhan pengembangan", "Tren")

KPI_PEGAWAI = "Pegawai dalam filter"
KPI_PENILAIAN = "Penilaian kompetensi"
KPI_PENILAIAN_HELP = "Jumlah pasangan pegawai × kompetensi yang memiliki hasil penilaian."
KPI_GAP = "Rata-rata kesenjangan"
KPI_BAWAH = "Di bawah standar"

HEATMAP_TITLE = "Peta kesenjangan: {baris} × kompetensi · {tahun}"
HEATMAP_NOTE = (
    "Angka di sel = rata-rata kesenjangan. Sel abu-abu bertanda “–” = belum ada penilaian "
    "(berbeda dengan kesenjangan 0). Klik sel untuk melihat pegawainya di tab “Rincian pegawai”."
)
FOLDED = "{n} baris lainnya digabung menjadi “Lainnya”; pilih “Semua baris” untuk melihatnya."
COLORBAR = "Kesenjangan"
NO_ASSESSMENT = "belum ada penilaian"
HOVER = (
    "<b>%{{y}}</b><br>{kompetensi}<br>Pegawai dinilai: {pegawai}<br>Rata-rata level: {level}"
    "<br>Rata-rata standar: {standar}<br>Rata-rata kesenjangan: {gap}<br>Di bawah standar: {pct}"
)
KELOMPOK = {"manajerial": "Manajerial", "sosial kultural": "Sosial kultural", "teknis": "Teknis"}
DEFAULT_NOTE = (
    "Standar: dari standar kompetensi jabatan yang diimpor (menurut nama jabatan, lalu jenis "
    "jabatan); bila tidak ada, dipakai standar bawaan per jenis jabatan — JPT Utama/Madya 5, "
    "JPT Pratama 4, Administrator 3, Pengawas 2, Pelaksana 1; fungsional menurut jenjang: "
    "Pemula/Terampil 1, Mahir/Penyelia/Ahli Pertama 2, Ahli Muda 3, Ahli Madya 4, Ahli Utama 5. "
)

DRILL_TITLE = "Rincian sel: siapa di baliknya"
DRILL_ROW = "Baris"
DRILL_ALL = "Semua baris"
DRILL_KOMP = "Kompetensi"
DRILL_SUMMARY = (
    "{total} pegawai dinilai pada {kompetensi}; {bawah} di bawah standar. "
    "Ditampilkan {shown} dengan kesenjangan terbesar; daftar lengkap tersedia sebagai unduhan."
)
DRILL_EMPTY = "Belum ada pegawai yang dinilai pada kompetensi ini untuk baris terpilih."
COL = {
    "nama": "Nama",
    "nip": "NIP",
    "jabatan": "Jabatan",
    "golongan": "Gol.",
    "unit_kerja": "Unit kerja",
    "instansi": "Instansi",
    "level": "Level aktual",
    "level_standar": "Standar",
    "gap": "Kesenjangan",
    "tahun_asesmen": "Tahun penilaian",
    "sumber_standar": "Sumber standar",
    "kepentingan": "Kepentingan",
    "jp_tahun_ini": "JP tahun ini",
    "kompetensi": "Kompetensi",
    "kelompok": "Kelompok",
    "unit_id": "ID unit",
    "peringkat": "Peringkat",
    "pegawai": "Pegawai dinilai",
    "perlu_pengembangan": "Perlu pengembangan",
    "pct_bawah": "% di bawah standar",
    "kekurangan": "Total kekurangan (poin level)",
    "rata_jp": "Rata-rata JP tahun ini (yang perlu pengembangan)",
    "belum_target_jp": "Belum capai target JP",
}
SUMBER = {"jabatan": "standar jabatan", "jenis": "standar jenis jabatan", "bawaan": "bawaan"}

PROFILE_TITLE = "Profil kesenjangan pegawai"
PROFILE_PICK = "Pegawai (dari daftar di atas)"
PROFILE_CHART = "{nama} · {jabatan}: level aktual vs standar ({tahun})"
PROFILE_ACTUAL = "Level aktual"
PROFILE_STANDARD = "Standar"
PROFILE_NOT_ASSESSED = "belum dinilai"
PROFILE_EMPTY = "Pegawai tidak ditemukan dalam filter saat ini."

TRAINING_TITLE = "Kebutuhan pengembangan per unit kerja"
TRAINING_NOTE = (
    "Untuk tiap unit: kompetensi dengan kekurangan terbesar, jumlah pegawai yang perlu "
    "pengembangan (di bawah standar), dan JP yang telah mereka terima tahun {tahun}."
)
TRAINING_TOPK = "Kompetensi per unit"
TRAINING_LINK = "Buka halaman JP dengan filter yang sama"
TRAINING_EMPTY = "Tidak ada pegawai di bawah standar untuk filter ini."

TREND_TITLE = "Tren rata-rata kesenjangan per kompetensi"
TREND_NOTE = (
    "Tiap tahun memakai penilaian terakhir sampai tahun itu, untuk pegawai dalam filter saat ini "
    "(jabatan dan standar menurut data pegawai terkini)."
)
TREND_Y = "Rata-rata kesenjangan"
TREND_X = "Tahun"
TREND_EMPTY = "Belum ada data penilaian untuk tren."

EXPORT_TITLE = "Unduh ringkasan per unit kerja × kompetensi"
EXPORT_NAME = "kesenjangan_kompetensi_{tahun}"
DRILL_EXPORT_NAME = "rincian_kompetensi_{tahun}"
