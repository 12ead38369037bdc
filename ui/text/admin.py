"""Administration page strings (Bahasa Indonesia)."""

TITLE = "Administrasi"
CAPTION = "Akun pengguna, peran dan cakupan instansi, serta jejak audit. Hanya untuk administrator."
NOT_ALLOWED = "Halaman ini hanya untuk administrator."
TAB_ACCOUNTS = "Akun"
TAB_NEW = "Buat akun"
TAB_AUDIT = "Jejak audit"

ACCOUNTS_HEADER = "Daftar akun"
NO_ACCOUNTS = "Belum ada akun."
COL = {
    "username": "Nama pengguna",
    "nama": "Nama",
    "email": "Email (SSO)",
    "peran": "Peran",
    "instansi": "Instansi",
    "status": "Status",
    "masuk_terakhir": "Terakhir masuk",
    "dibuat": "Dibuat",
}
STATUS_ACTIVE = "Aktif"
STATUS_INACTIVE = "Nonaktif"
STATUS_LOCKED = "Terkunci s.d. {waktu}"
WHOLE_REGION = "Seluruh wilayah"

EDIT_HEADER = "Ubah akun"
PICK_ACCOUNT = "Pilih akun"
ROLE = "Peran"
INSTANSI = "Instansi"
INSTANSI_HELP = (
    "Wajib untuk Analis instansi dan Komite; boleh untuk Tamu; "
    "tidak untuk Administrator dan Analis Kanreg (seluruh wilayah)."
)
INSTANSI_NONE = "— seluruh wilayah —"
SAVE_ROLE = "Simpan peran"
ROLE_SAVED = "Peran akun {u} disimpan."
NEW_PASSWORD = "Kata sandi baru"
NEW_PASSWORD2 = "Ulangi kata sandi baru"
RESET_PASSWORD = "Atur ulang kata sandi"
PASSWORD_SAVED = "Kata sandi akun {u} diganti (kunci akun dibuka)."
PASSWORD_MISMATCH = "Kedua kata sandi tidak sama."
PASSWORD_RULES = (
    "Minimal 10 karakter, tidak memuat nama pengguna, bukan kata sandi umum. "
    "Kata sandi disimpan sebagai hash argon2id, tidak pernah sebagai teks."
)
EMAIL = "Email identitas SSO (opsional)"
SAVE_EMAIL = "Simpan email"
EMAIL_SAVED = "Email akun {u} disimpan."
DEACTIVATE = "Nonaktifkan akun"
DEACTIVATED = "Akun {u} dinonaktifkan."
ACTIVATE = "Aktifkan kembali"
ACTIVATED = "Akun {u} diaktifkan kembali."
UNLOCK = "Buka kunci"
UNLOCKED = "Kunci akun {u} dibuka."
CONFIRM_DEACTIVATE = "Saya yakin menonaktifkan akun ini"

NEW_HEADER = "Akun baru"
USERNAME = "Nama pengguna"
USERNAME_HELP = "3–64 karakter: huruf kecil, angka, titik, garis bawah, @, tanda hubung."
NAMA = "Nama lengkap (opsional)"
PASSWORD = "Kata sandi"
PASSWORD2 = "Ulangi kata sandi"
SSO_ONLY = "Hanya masuk lewat SSO (tanpa kata sandi; email wajib)"
CREATE = "Buat akun"
CREATED = "Akun {u} dibuat."

AUDIT_HEADER = "Jejak audit"
AUDIT_FROM = "Dari tanggal"
AUDIT_TO = "Sampai tanggal"
AUDIT_USER = "Pengguna"
AUDIT_ACTION = "Aksi"
AUDIT_SEARCH = "Cari (objek/rincian)"
AUDIT_ALL = "Semua"
AUDIT_COUNT = "{n} catatan (paling baru di atas; maksimum {maks})."
AUDIT_NONE = "Tidak ada catatan audit untuk filter ini."
AUDIT_COL = {
    "pada": "Waktu",
    "oleh": "Oleh",
    "aksi": "Aksi",
    "objek": "Objek",
    "rincian": "Rincian",
}
BAD_DATES = "Tanggal awal harus sebelum atau sama dengan tanggal akhir."

# Operator-facing messages from analytics.auth.AuthError, translated for the page.
ERRORS = {
    "password must have at least": "Kata sandi minimal 10 karakter.",
    "password is too easy to guess": "Kata sandi terlalu mudah ditebak.",
    "password must not contain the username": "Kata sandi tidak boleh memuat nama pengguna.",
    "needs an instance": "Peran ini wajib memilih satu instansi.",
    "covers the whole region": "Peran ini mencakup seluruh wilayah; jangan pilih instansi.",
    "last active administrator": "Ini administrator aktif terakhir; tidak dapat diubah/dinonaktifkan.",
    "already exists": "Nama pengguna sudah dipakai.",
    "already belongs": "Email sudah dipakai akun lain.",
    "username:": "Nama pengguna tidak valid: 3–64 karakter (huruf kecil, angka, . _ @ -).",
    "needs an email": "Akun tanpa kata sandi wajib memiliki email SSO.",
    "unknown instance": "Instansi tidak dikenal.",
    "no account": "Akun tidak ditemukan.",
}
ERROR_GENERIC = "Perubahan ditolak: {pesan}"
