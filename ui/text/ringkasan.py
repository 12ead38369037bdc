"""UI strings of the regional overview (landing) page (Bahasa Indonesia)."""

TITLE = "Ringkasan Regional Kanreg X BKN Denpasar"
CAPTION = "Bali, Nusa Tenggara Barat, Nusa Tenggara Timur · {n} instansi · tahun {tahun}"
DATA_AS_OF = "Data kepegawaian per {tanggal}."

M_ASN = "ASN terhitung"
M_ASN_HELP = "Jumlah ASN (PNS dan PPPK) dalam filter samping."
M_MT = "MT: membangun / menerapkan"
M_MT_VALUE = "{bangun} / {terap}"
M_MT_DELTA = "dari {total} instansi"
M_MT_HELP = "Pembangunan MT = Sudah / Penerapan MT = Sudah, status terakhir (tabel Kanreg X)."
M_JP = "PNS ≥ 20 JP"
M_JP_HELP = (
    "PNS dengan sedikitnya 20 JP pengembangan kompetensi pada tahun {tahun} (PP 11/2017); "
    "PNS tanpa catatan pelatihan dihitung 0 JP."
)
M_JP_DELTA = "{n} / {total} PNS"
M_POOL = "Talent pool (7–9)"
M_POOL_HELP = (
    "ASN di kotak 7, 8, 9 pada tahun {tahun}: predikat SKP tahun itu × hasil penilaian "
    "potensial terakhir (kelompok rencana suksesi, PermenPANRB 3/2020)."
)
M_POOL_DELTA = "{share} dari {total} terpetakan"
NO_WORKFORCE = "Belum ada data pegawai dalam filter ini."

MT_HEADER = "Instansi menurut status manajemen talenta"
MT_SENTENCE = (
    "{bangun} dari {total} instansi sudah membangun manajemen talenta, {terap} sudah "
    "menerapkannya; {cover} ASN bekerja di instansi yang menerapkan MT."
)
MT_CHART_TITLE = "Jumlah instansi per status"

PROV_HEADER = "Ringkasan per provinsi"
COL_PROV = "Provinsi"
COL_INSTANSI = "Instansi"
COL_BANGUN = "Membangun MT"
COL_TERAP = "Menerapkan MT"
COL_ASN = "ASN"
COL_COVER = "ASN di instansi ber-MT"
COL_JP = "PNS ≥ 20 JP"
COL_POOL = "Talent pool"
TOTAL = "Total"

PAGES_HEADER = "Halaman analitik"
PAGE_NINEBOX = "9 Kotak Talenta"
PAGE_NINEBOX_DESC = "Peta kinerja × potensial, kelompok rencana suksesi, kartu pegawai."
PAGE_KOMPETENSI = "Kesenjangan Kompetensi"
PAGE_KOMPETENSI_DESC = "Standar vs hasil penilaian kompetensi per unit, jabatan dan instansi."
PAGE_JP = "Jam Pelajaran (JP)"
PAGE_JP_DESC = "Capaian 20 JP per tahun per pegawai, unit dan instansi."
PAGE_KEMATANGAN = "Kematangan MT"
PAGE_KEMATANGAN_DESC = "Status 44 instansi, level kematangan, ISM, peta, riwayat perubahan."
