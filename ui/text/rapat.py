"""Strings of the Komite Talenta meeting page (Bahasa Indonesia)."""

TITLE = "Rapat Komite Talenta"
CAPTION = (
    "Mode rapat untuk layar proyektor: satu instansi, satu tahun, data dibekukan (snapshot) saat "
    "rapat dibuat. Nama dan NIP disamarkan secara bawaan."
)
NO_ACCESS = "Peran Anda tidak dapat membuka mode rapat Komite Talenta."

# Setup
SETUP_OPEN = "Buka rapat yang ada"
SETUP_NONE = "Belum ada rapat dalam cakupan Anda. Buat rapat baru di bawah."
SETUP_PICK = "Rapat"
SETUP_OPTION = "#{id} · {judul} · {instansi} · {tanggal} ({diputuskan}/{agenda} diputuskan){tutup}"
SETUP_CLOSED = " · ditutup"
SETUP_OPEN_BUTTON = "Buka rapat"
SETUP_NEW = "Buat rapat baru"
SETUP_NEW_NOTE = (
    "Saat rapat dibuat, data pegawai instansi (kotak, riwayat SKP, potensial, kompetensi, JP) "
    "disalin menjadi snapshot. Impor data selama rapat tidak mengubah yang dibahas."
)
F_INSTANSI = "Instansi"
F_TAHUN = "Tahun penilaian"
F_JUDUL = "Judul rapat"
F_JUDUL_DEFAULT = "Rapat Komite Talenta {instansi} tahun {tahun}"
F_TANGGAL = "Tanggal rapat"
F_TEMPAT = "Tempat (opsional)"
F_PESERTA = "Peserta rapat (satu per baris: nama, jabatan)"
F_PESERTA_HELP = "Dicetak pada berita acara beserta kolom tanda tangan."
F_AGENDA = "Agenda"
AGENDA_OPTIONS = {"kotak": "Per kotak (9 → 1)", "daftar": "Daftar NIP yang disiapkan"}
F_KOTAK = "Kotak yang dibahas, dalam urutan"
F_KOTAK_HELP = (
    "Urutan pembahasan mengikuti urutan pilihan; dalam satu kotak golongan tertinggi dahulu."
)
F_NIP = "Daftar NIP (satu per baris, urutan pembahasan)"
F_NIP_HELP = "Siapkan sebelum layar dibagikan; isian dikosongkan setelah rapat dibuat."
F_SUBMIT = "Buat rapat dan ambil snapshot"
CREATED = "Rapat #{id} dibuat; snapshot {snap} diambil ({n} pegawai, {agenda} dalam agenda)."

ERR = {
    "judul": "Judul rapat minimal 3 karakter.",
    "peserta": "Isi peserta rapat, satu per baris (paling banyak 60 orang).",
    "agenda_kosong": "Agenda kosong: pilih minimal satu kotak yang berisi pegawai, atau isi daftar NIP.",
    "kotak": "Pilihan kotak tidak valid.",
    "nip_tidak_dikenal": (
        "{n} NIP dalam daftar tidak ditemukan pada instansi ini (baris {baris}). "
        "Periksa daftar; rapat belum dibuat."
    ),
    "tanpa_pegawai": "Instansi ini belum memiliki data pegawai; rapat belum dibuat.",
    "tidak_ditemukan": "Rapat atau pegawai tidak ditemukan.",
    "ditutup": "Rapat sudah ditutup; keputusan tidak dapat diubah lagi.",
    "kesiapan": "Pilih kesiapan: Ready Now atau Need Development.",
    "rekomendasi": "Pilih minimal satu rekomendasi.",
    "catatan": "Catatan terlalu panjang (maksimal 2.000 karakter).",
    "sama_dengan_sebelumnya": "Tidak ada perubahan dibanding keputusan tersimpan.",
}
ERR_CAL = {
    "peran": "Peran Anda tidak dapat mengkalibrasi kotak.",
    "alasan": "Alasan kalibrasi terlalu pendek.",
    "kotak": "Kotak kalibrasi tidak valid.",
    "tidak_ditemukan": "Pegawai tidak lagi ada dalam data sumber; kalibrasi tidak dicatat.",
    "belum_dipetakan": (
        "Pegawai belum dipetakan pada data terkini tahun ini; kalibrasi kotak tidak dapat "
        "dicatat. Simpan keputusan tanpa kotak kalibrasi."
    ),
    "sama": "Kotak kalibrasi sama dengan kotak saat ini.",
}

# Meeting view
BACK = "← Persiapan"
FULLSCREEN = "Layar penuh"
MASK_BADGE = "Nama & NIP disamarkan"
SNAPSHOT_LINE = "{instansi} · tahun {tahun} · snapshot {snap} · versi data {versi}"
CLOSED_LINE = "Rapat ditutup {pada}: keputusan final."
VIEW = "Tampilan"
VIEWS = ("Peta 9 kotak", "Agenda per pegawai", "Ringkasan keputusan", "Berita acara & unduhan")

GRID_AFTER = "Tampilkan setelah kalibrasi rapat"
GRID_CAPTION = (
    "Jumlah pegawai per kotak dalam snapshot ({total} pegawai; {belum} belum dipetakan). "
    "Klik kotak untuk membahas pegawainya."
)
M_AGENDA = "Dalam agenda"
M_DECIDED = "Sudah diputuskan"
M_POOL = "Kelompok suksesi (7–9)"
M_CAL = "Kalibrasi rapat"
BOX_NOT_IN_AGENDA = "Kotak {kotak} tidak ada dalam agenda rapat ini."

PREV = "◀ Sebelumnya"
NEXT = "Berikutnya ▶"
JUMP = "Pegawai dalam agenda"
JUMP_OPTION = "{no} / {n} · {nama} · {nip} · kotak {kotak}{done}"
JUMP_DONE = " ✓"
NO_BOX = "–"
REVEAL = "Tampilkan nama dan NIP pegawai ini"
REVEAL_HELP = "Tindakan sengaja: tercatat di log audit. Penyamaran kembali saat pindah pegawai."
HIDE = "Samarkan lagi"
REVEALED = "Identitas ditampilkan (tercatat di log audit)."
MASKED_CARD = "Identitas disamarkan: inisial dan kode."

DECISION = "Keputusan komite"
DECISION_CURRENT = "Tersimpan: versi {versi}, {pada}{oleh}"
DECISION_NONE = "Belum ada keputusan. Isian awal adalah saran aturan 9 kotak."
F_KESIAPAN = "Kesiapan"
F_REKOMENDASI = "Rekomendasi"
F_CATATAN = "Catatan"
F_CATATAN_HELP = (
    "Jangan menulis nama atau NIP; dalam mode samaran nama dan angka panjang disembunyikan."
)
F_KALIBRASI = "Kotak hasil kalibrasi (opsional)"
F_KALIBRASI_HELP = (
    "Bila diisi, kalibrasi juga dicatat di riwayat kalibrasi 9 kotak (dengan rapat dan catatan "
    "sebagai alasan). Kosongkan untuk menghapus kalibrasi yang dibuat rapat ini."
)
NO_CAL = "— tidak dikalibrasi —"
CAL_OPTION = "{kotak} · {label}"
F_SAVE = "Simpan keputusan"
SAVED = "Keputusan tersimpan (versi {versi})."
HISTORY = "Riwayat perubahan keputusan ({n} versi)"
SUGGESTION = "Saran aturan: {kesiapan}; {rekomendasi}."
READINESS_NOTE = (
    "Ready Now / Need Development: konvensi proyek (kotak 9 langsung Ready Now; kotak 7–8 "
    "setelah 2 tahun berturut-turut di kelompok suksesi), dapat diatur; keputusan ada di komite."
)
EMPTY_AGENDA = "Agenda rapat ini kosong."
GONE = "Butir agenda tidak ditemukan."

SUM_CAPTION = "Keputusan yang berlaku (versi terakhir) per pegawai, dalam urutan agenda."
SUM_NONE = "Belum ada keputusan yang dicatat."
SUM_OPEN = "{n} pegawai dalam agenda belum diputuskan."
CLOSE = "Tutup rapat (keputusan menjadi final)"
CLOSE_CONFIRM = "Saya yakin: keputusan tidak dapat diubah setelah rapat ditutup."
CLOSED = "Rapat ditutup."
DEC_COLS = {
    "urutan": "No.",
    "nama": "Inisial",
    "nip": "Kode",
    "jabatan": "Jabatan",
    "golongan": "Gol.",
    "kotak": "Kotak",
    "kotak_kalibrasi": "Kalibrasi",
    "kesiapan": "Kesiapan",
    "rekomendasi_teks": "Rekomendasi",
    "catatan": "Catatan",
    "versi": "Versi",
    "pada": "Waktu",
    "oleh": "Oleh",
}

EXPORT_INFO = "Snapshot: {snap}. Peserta: {peserta}."
PDF = "Unduh berita acara (PDF)"
PPTX = "Unduh salindia 9 kotak & keputusan (PPTX)"
EXPORT_MASKED = "Berkas di atas memakai inisial dan kode (aman untuk dibagikan)."
ARCHIVE = "Berkas arsip dengan nama dan NIP lengkap"
ARCHIVE_CONFIRM = (
    "Saya memerlukan berkas bernama untuk arsip/penandatanganan (jangan ditayangkan); "
    "unduhan tercatat di log audit."
)
PDF_FULL = "Unduh berita acara bernama (PDF)"
PPTX_FULL = "Unduh salindia bernama (PPTX)"
CSV_NAME = "keputusan_rapat_{id}"
