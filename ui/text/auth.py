"""Sign-in strings (Bahasa Indonesia)."""

SIGNIN_TITLE = "Masuk"
SIGNIN_CAPTION = "Dasbor ini memuat data pribadi ASN. Masuk dengan akun yang diberikan Kanreg X."
USERNAME = "Nama pengguna"
PASSWORD = "Kata sandi"
SUBMIT = "Masuk"
EMPTY_FIELDS = "Isi nama pengguna dan kata sandi."
INVALID = "Nama pengguna atau kata sandi salah, atau akun tidak aktif."
FAILURES_LEFT = "Sisa percobaan sebelum akun dikunci: {n}."
LOCKED = (
    "Akun dikunci sementara karena terlalu banyak percobaan gagal. "
    "Coba lagi setelah pukul {jam} ({tanggal}), atau minta administrator membukanya."
)
NO_ACCOUNTS = (
    "Belum ada akun administrator. Buat akun pertama di server dengan perintah:\n\n"
    "`python -m analytics init-admin --db {db} --username NAMA`"
)
SIGNED_IN_AS = "Masuk sebagai **{user}**"
ROLE_LINE = "{role} · {cakupan}"
WHOLE_REGION = "seluruh wilayah"
SIGN_OUT = "Keluar"
SESSION_EXPIRED = "Sesi Anda telah berakhir. Silakan masuk kembali."
ACCOUNT_GONE = "Akun Anda dinonaktifkan atau dihapus. Hubungi administrator."

OIDC_BUTTON = "Masuk dengan SSO"
OIDC_CAPTION = "Masuk menggunakan akun layanan masuk tunggal (SSO) instansi Anda."
OIDC_NOT_CONFIGURED = (
    "Mode masuk `oidc` dipilih, tetapi bagian `[auth]` belum ada di `.streamlit/secrets.toml` "
    "atau paket `Authlib` belum terpasang. Lihat README (bagian Masuk / SSO)."
)
OIDC_NO_ACCOUNT = (
    "Identitas **{email}** berhasil masuk lewat SSO, tetapi belum terdaftar sebagai akun "
    "dasbor ini. Minta administrator membuat akun dengan email tersebut."
)

MODE_OFF = "Mode demo lokal: tanpa masuk (semua akses)."
OFF_REFUSED = (
    "Aplikasi tidak dijalankan: `TALENTA_AUTH=off` (tanpa masuk) hanya diizinkan untuk demo lokal "
    "dengan `TALENTA_MODE=demo`. Untuk pemasangan sungguhan gunakan `TALENTA_AUTH=local` "
    "atau `TALENTA_AUTH=oidc`."
)
BAD_MODE = (
    "Nilai `TALENTA_AUTH={mode}` tidak dikenal. Gunakan `local` (akun lokal), `oidc` (SSO), "
    "atau `off` (hanya demo lokal dengan `TALENTA_MODE=demo`)."
)
