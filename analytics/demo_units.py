"""Perangkat daerah (OPD) of a demo instance: names, position slots and functional jobs.

A kabupaten/kota gets ~30-40 units: the core OPDs, a deterministic random choice of the
optional (often merged) ones, and kecamatan; a province gets its own list (no kecamatan).
Each unit carries a family (drives functional jobs, titles, technical competency and
training topics), structural slots (JPT / Administrator / Pengawas position names) and the
weights with which functional and pelaksana staff are placed in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Family -> technical competency of the demo (analytics.demo_vocab.KOMPETENSI_TEKNIS_DEMO).
TEKNIS_OF_FAMILY: dict[str, str] = {
    "pendidikan": "Teknis Pendidikan",
    "kesehatan": "Teknis Kesehatan",
    "rsud": "Teknis Kesehatan",
    "keuangan": "Teknis Pengelolaan Keuangan",
    "infrastruktur": "Teknis Infrastruktur",
}
DEFAULT_TEKNIS = "Teknis Administrasi Pemerintahan"

# Functional jobs: (title, share of the Ahli track, weight, share female, kind).
Job = tuple[str, float, float, float, str]
JF: dict[str, tuple[Job, ...]] = {
    "pendidikan": (
        ("Guru", 1.0, 0.90, 0.66, ""),
        ("Pengawas Sekolah", 1.0, 0.03, 0.40, ""),
        ("Penilik", 1.0, 0.015, 0.45, ""),
        ("Pamong Belajar", 1.0, 0.015, 0.55, ""),
        ("Pranata Laboratorium Pendidikan", 0.0, 0.02, 0.50, ""),
        ("Pustakawan", 0.4, 0.02, 0.70, ""),
    ),
    "kesehatan": (
        ("Perawat", 0.35, 0.26, 0.72, ""),
        ("Bidan", 0.25, 0.25, 1.0, ""),
        ("Dokter", 1.0, 0.07, 0.58, "dokter"),
        ("Dokter Gigi", 1.0, 0.02, 0.70, "dokter"),
        ("Apoteker", 1.0, 0.03, 0.70, ""),
        ("Asisten Apoteker", 0.0, 0.04, 0.75, ""),
        ("Pranata Laboratorium Kesehatan", 0.3, 0.05, 0.65, ""),
        ("Nutrisionis", 0.4, 0.05, 0.80, ""),
        ("Sanitarian", 0.4, 0.05, 0.55, ""),
        ("Penyuluh Kesehatan Masyarakat", 1.0, 0.04, 0.65, ""),
        ("Epidemiolog Kesehatan", 1.0, 0.02, 0.55, ""),
        ("Administrator Kesehatan", 1.0, 0.04, 0.55, ""),
        ("Perekam Medis", 0.2, 0.03, 0.65, ""),
    ),
    "rsud": (
        ("Perawat", 0.35, 0.45, 0.70, ""),
        ("Bidan", 0.25, 0.10, 1.0, ""),
        ("Dokter", 1.0, 0.09, 0.55, "dokter"),
        ("Apoteker", 1.0, 0.03, 0.70, ""),
        ("Asisten Apoteker", 0.0, 0.04, 0.75, ""),
        ("Perekam Medis", 0.2, 0.05, 0.65, ""),
        ("Radiografer", 0.3, 0.03, 0.45, ""),
        ("Pranata Laboratorium Kesehatan", 0.3, 0.05, 0.65, ""),
        ("Fisioterapis", 0.3, 0.03, 0.60, ""),
        ("Nutrisionis", 0.4, 0.03, 0.80, ""),
        ("Terapis Gigi dan Mulut", 0.2, 0.02, 0.70, ""),
        ("Elektromedis", 0.3, 0.02, 0.30, ""),
    ),
    "bkpsdm": (
        ("Analis Sumber Daya Manusia Aparatur", 1.0, 0.6, 0.55, ""),
        ("Pranata Sumber Daya Manusia Aparatur", 0.0, 0.3, 0.55, ""),
        ("Assessor Sumber Daya Manusia Aparatur", 1.0, 0.1, 0.50, ""),
    ),
    "inspektorat": (
        ("Auditor", 0.8, 0.6, 0.45, ""),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", 1.0, 0.4, 0.45, ""),
    ),
    "bappeda": (("Perencana", 1.0, 0.8, 0.50, ""), ("Peneliti", 1.0, 0.2, 0.45, "")),
    "keuangan": (
        ("Analis Keuangan Pusat dan Daerah", 1.0, 0.6, 0.55, ""),
        ("Analis Pengelolaan Keuangan APBN", 1.0, 0.1, 0.55, ""),
        ("Pranata Komputer", 0.5, 0.3, 0.40, ""),
    ),
    "setda": (
        ("Analis Kebijakan", 1.0, 0.3, 0.45, ""),
        ("Pengelola Pengadaan Barang/Jasa", 1.0, 0.25, 0.40, ""),
        ("Analis Hukum", 1.0, 0.15, 0.50, ""),
        ("Perancang Peraturan Perundang-undangan", 1.0, 0.1, 0.50, ""),
        ("Pranata Hubungan Masyarakat", 0.5, 0.1, 0.50, ""),
        ("Arsiparis", 0.5, 0.1, 0.60, ""),
    ),
    "pertanian": (
        ("Penyuluh Pertanian", 0.6, 0.7, 0.35, ""),
        ("Medik Veteriner", 1.0, 0.1, 0.45, ""),
        ("Paramedik Veteriner", 0.0, 0.1, 0.40, ""),
        ("Pengawas Benih Tanaman", 0.5, 0.1, 0.35, ""),
    ),
    "perikanan": (
        ("Penyuluh Perikanan", 0.6, 0.8, 0.35, ""),
        ("Pengawas Perikanan", 1.0, 0.2, 0.3, ""),
    ),
    "infrastruktur": (
        ("Teknik Jalan dan Jembatan", 0.6, 0.4, 0.25, ""),
        ("Teknik Pengairan", 0.6, 0.2, 0.25, ""),
        ("Penata Ruang", 1.0, 0.2, 0.40, ""),
        ("Teknik Tata Bangunan dan Perumahan", 0.6, 0.2, 0.30, ""),
    ),
    "satpol": (
        ("Polisi Pamong Praja", 0.3, 0.9, 0.20, ""),
        ("Analis Kebijakan", 1.0, 0.1, 0.4, ""),
    ),
    "dukcapil": (("Administrator Database Kependudukan", 0.5, 1.0, 0.50, ""),),
    "sosial": (("Pekerja Sosial", 0.6, 0.7, 0.60, ""), ("Penyuluh Sosial", 1.0, 0.3, 0.55, "")),
    "kb": (("Penyuluh Keluarga Berencana", 0.8, 1.0, 0.60, ""),),
    "lingkungan": (
        ("Pengendali Dampak Lingkungan", 1.0, 0.6, 0.45, ""),
        ("Pengawas Lingkungan Hidup", 1.0, 0.4, 0.40, ""),
    ),
    "kominfo": (
        ("Pranata Komputer", 0.6, 0.6, 0.40, ""),
        ("Pranata Hubungan Masyarakat", 0.5, 0.3, 0.50, ""),
        ("Statistisi", 0.6, 0.1, 0.55, ""),
    ),
    "perpustakaan": (("Pustakawan", 0.5, 0.6, 0.65, ""), ("Arsiparis", 0.5, 0.4, 0.60, "")),
    "perhubungan": (
        ("Penguji Kendaraan Bermotor", 0.0, 0.7, 0.15, ""),
        ("Analis Kebijakan", 1.0, 0.3, 0.4, ""),
    ),
    "budaya": (("Pamong Budaya", 1.0, 0.7, 0.45, ""), ("Pranata Komputer", 0.5, 0.3, 0.40, "")),
    "umum": (
        ("Analis Kebijakan", 1.0, 0.4, 0.45, ""),
        ("Pranata Komputer", 0.5, 0.2, 0.40, ""),
        ("Arsiparis", 0.5, 0.2, 0.60, ""),
        ("Perencana", 1.0, 0.2, 0.50, ""),
    ),
}

# Pelaksana titles (PermenPANRB 45/2024 naming), for lower and higher education.
PELAKSANA_LOW: tuple[tuple[str, float], ...] = (
    ("Pengadministrasi Perkantoran", 3.0),
    ("Operator Layanan Operasional", 3.0),
    ("Pengelola Layanan Operasional", 2.0),
    ("Pengadministrasi Umum", 2.0),
    ("Pengelola Data", 1.0),
    ("Pengelola Keuangan", 0.8),
    ("Pengelola Barang Milik Daerah", 0.6),
    ("Pengemudi", 0.6),
    ("Pramu Bakti", 0.4),
    ("Bendahara", 0.3),
)
PELAKSANA_HIGH: tuple[tuple[str, float], ...] = (
    ("Penata Layanan Operasional", 4.0),
    ("Pengolah Data dan Informasi", 1.5),
    ("Pengelola Kepegawaian", 1.0),
    ("Pengelola Keuangan", 1.0),
    ("Penata Kelola Sistem dan Teknologi Informasi", 0.5),
    ("Pengadministrasi Perkantoran", 1.0),
    ("Bendahara", 0.5),
)

# (name, kind, family, jf key, core?, functional weight, pelaksana weight, bidang)
_U = tuple[str, str, str, str, bool, float, float, tuple[str, ...]]
KAB_UNITS: tuple[_U, ...] = (
    ("Sekretariat Daerah", "setda", "umum", "setda", True, 0.015, 7.0, ()),
    ("Sekretariat DPRD", "setwan", "umum", "umum", True, 0.003, 3.0, ()),
    ("Inspektorat Daerah", "inspektorat", "keuangan", "inspektorat", True, 0.012, 1.5, ()),
    ("Dinas Pendidikan", "dinas", "pendidikan", "pendidikan", True, 0.56, 9.0,
     ("Pembinaan Sekolah Dasar", "Pembinaan Sekolah Menengah Pertama",
      "Pendidikan Anak Usia Dini dan Pendidikan Nonformal", "Guru dan Tenaga Kependidikan")),
    ("Dinas Kesehatan", "dinas", "kesehatan", "kesehatan", True, 0.16, 6.0,
     ("Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan Kesehatan",
      "Sumber Daya Kesehatan")),
    ("Rumah Sakit Umum Daerah", "rsud", "rsud", "rsud", True, 0.10, 5.0, ()),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", "infrastruktur", "infrastruktur", True,
     0.012, 4.0, ("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang")),
    ("Dinas Kependudukan dan Pencatatan Sipil", "dinas", "umum", "dukcapil", True, 0.008, 3.0,
     ("Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil",
      "Pengelolaan Informasi Administrasi Kependudukan")),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", "umum", "bkpsdm", True,
     0.008, 2.0, ("Pengadaan, Pemberhentian dan Informasi", "Mutasi dan Promosi",
                  "Pengembangan Kompetensi Aparatur", "Penilaian Kinerja dan Penghargaan")),
    ("Badan Perencanaan Pembangunan Daerah", "badan", "umum", "bappeda", True, 0.01, 2.0,
     ("Perencanaan Pemerintahan dan Pembangunan Manusia", "Perekonomian dan Sumber Daya Alam",
      "Infrastruktur dan Kewilayahan", "Penelitian dan Pengembangan")),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "badan", "keuangan", "keuangan", True, 0.008,
     3.0, ("Anggaran", "Perbendaharaan", "Akuntansi", "Aset")),
    ("Badan Pendapatan Daerah", "badan", "keuangan", "keuangan", True, 0.005, 2.5,
     ("Pendataan dan Penetapan", "Penagihan dan Keberatan", "Pengembangan Pendapatan")),
    ("Satuan Polisi Pamong Praja", "satpol", "umum", "satpol", True, 0.012, 5.0,
     ("Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat",
      "Perlindungan Masyarakat")),
    ("Dinas Sosial", "dinas", "umum", "sosial", True, 0.006, 2.0,
     ("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial", "Pemberdayaan Sosial")),
    ("Dinas Pertanian", "dinas", "umum", "pertanian", True, 0.03, 2.5,
     ("Tanaman Pangan", "Hortikultura", "Peternakan dan Kesehatan Hewan", "Penyuluhan")),
    ("Dinas Lingkungan Hidup", "dinas", "infrastruktur", "lingkungan", True, 0.005, 3.0,
     ("Tata Lingkungan", "Pengelolaan Sampah dan Limbah", "Pengendalian Pencemaran")),
    ("Dinas Perhubungan", "dinas", "infrastruktur", "perhubungan", True, 0.004, 2.5,
     ("Lalu Lintas dan Angkutan", "Sarana dan Prasarana")),
    ("Dinas Komunikasi dan Informatika", "dinas", "umum", "kominfo", True, 0.005, 1.5,
     ("Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Statistik dan Persandian")),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "dinas", "umum", "kb", True, 0.01, 1.5,
     ("Pengendalian Penduduk", "Keluarga Berencana")),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "dinas", "umum", "umum", True, 0.003, 1.5,
     ("Pemerintahan Desa", "Pemberdayaan Masyarakat Desa")),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", "umum", "umum", True,
     0.003, 1.5, ("Penanaman Modal", "Pelayanan Perizinan")),
    ("Badan Kesatuan Bangsa dan Politik", "badan", "umum", "umum", True, 0.002, 1.2,
     ("Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri")),
    ("Badan Penanggulangan Bencana Daerah", "badan", "umum", "umum", True, 0.002, 1.5,
     ("Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi")),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "dinas", "infrastruktur", "infrastruktur",
     False, 0.004, 1.5, ("Perumahan", "Kawasan Permukiman")),
    ("Dinas Tenaga Kerja", "dinas", "umum", "umum", False, 0.003, 1.2,
     ("Penempatan Tenaga Kerja", "Hubungan Industrial")),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "dinas", "umum", "sosial", False,
     0.002, 1.2, ("Perlindungan Perempuan", "Pemenuhan Hak Anak")),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "dinas", "umum", "umum", False, 0.003, 1.2,
     ("Koperasi", "Usaha Mikro")),
    ("Dinas Perindustrian dan Perdagangan", "dinas", "umum", "umum", False, 0.003, 1.5,
     ("Perindustrian", "Perdagangan")),
    ("Dinas Pariwisata", "dinas", "umum", "budaya", False, 0.004, 1.5,
     ("Destinasi Pariwisata", "Pemasaran Pariwisata")),
    ("Dinas Kebudayaan", "dinas", "umum", "budaya", False, 0.004, 1.2,
     ("Cagar Budaya dan Permuseuman", "Kesenian dan Tradisi")),
    ("Dinas Perikanan", "dinas", "umum", "perikanan", False, 0.008, 1.5,
     ("Perikanan Tangkap", "Perikanan Budidaya")),
    ("Dinas Ketahanan Pangan", "dinas", "umum", "pertanian", False, 0.004, 1.2,
     ("Ketersediaan dan Distribusi Pangan", "Konsumsi dan Keamanan Pangan")),
    ("Dinas Perpustakaan dan Kearsipan", "dinas", "umum", "perpustakaan", False, 0.004, 1.2,
     ("Perpustakaan", "Kearsipan")),
    ("Dinas Kepemudaan dan Olahraga", "dinas", "umum", "umum", False, 0.002, 1.2,
     ("Kepemudaan", "Keolahragaan")),
)  # fmt: skip

PROV_UNITS: tuple[_U, ...] = (
    ("Sekretariat Daerah", "setda", "umum", "setda", True, 0.02, 9.0, ()),
    ("Sekretariat DPRD", "setwan", "umum", "umum", True, 0.004, 3.5, ()),
    ("Inspektorat", "inspektorat", "keuangan", "inspektorat", True, 0.015, 1.5, ()),
    ("Dinas Pendidikan dan Kebudayaan", "dinas", "pendidikan", "pendidikan", True, 0.45, 12.0,
     ("Pembinaan Sekolah Menengah Atas", "Pembinaan Sekolah Menengah Kejuruan",
      "Pendidikan Khusus", "Guru dan Tenaga Kependidikan")),
    ("Dinas Kesehatan", "dinas", "kesehatan", "kesehatan", True, 0.04, 2.5,
     ("Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Pelayanan Kesehatan",
      "Sumber Daya Kesehatan")),
    ("Rumah Sakit Umum Daerah Provinsi", "rsud", "rsud", "rsud", True, 0.13, 6.0, ()),
    ("Rumah Sakit Jiwa", "rsud", "rsud", "rsud", True, 0.03, 2.0, ()),
    ("Badan Kepegawaian Daerah", "badan", "umum", "bkpsdm", True, 0.012, 2.0,
     ("Pengadaan dan Informasi Kepegawaian", "Mutasi dan Promosi", "Pengembangan Aparatur",
      "Penilaian Kinerja Aparatur")),
    ("Badan Pengembangan Sumber Daya Manusia", "badan", "umum", "bkpsdm", True, 0.01, 1.5,
     ("Pengembangan Kompetensi Manajerial", "Pengembangan Kompetensi Teknis")),
    ("Badan Perencanaan Pembangunan Daerah", "badan", "umum", "bappeda", True, 0.012, 2.0,
     ("Perencanaan Pemerintahan dan Pembangunan Manusia", "Perekonomian dan Sumber Daya Alam",
      "Infrastruktur dan Kewilayahan")),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "badan", "keuangan", "keuangan", True, 0.01,
     3.0, ("Anggaran", "Perbendaharaan", "Akuntansi", "Aset")),
    ("Badan Pendapatan Daerah", "badan", "keuangan", "keuangan", True, 0.008, 5.0,
     ("Pajak Daerah", "Retribusi dan Pendapatan Lain", "Pengendalian dan Evaluasi Pendapatan")),
    ("Badan Kesatuan Bangsa dan Politik", "badan", "umum", "umum", True, 0.002, 1.2,
     ("Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri")),
    ("Badan Penanggulangan Bencana Daerah", "badan", "umum", "umum", True, 0.002, 1.5,
     ("Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik")),
    ("Badan Riset dan Inovasi Daerah", "badan", "umum", "bappeda", True, 0.006, 1.0,
     ("Riset dan Inovasi", "Penerapan Inovasi")),
    ("Badan Penghubung Daerah", "badan", "umum", "umum", True, 0.001, 0.8, ("Fasilitasi",)),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", "infrastruktur", "infrastruktur", True,
     0.015, 4.0, ("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang")),
    ("Dinas Perumahan dan Permukiman", "dinas", "infrastruktur", "infrastruktur", True, 0.004,
     1.5, ("Perumahan", "Kawasan Permukiman")),
    ("Dinas Sosial", "dinas", "umum", "sosial", True, 0.008, 2.5,
     ("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial")),
    ("Dinas Tenaga Kerja dan Transmigrasi", "dinas", "umum", "umum", True, 0.006, 1.5,
     ("Pembinaan Pelatihan dan Produktivitas", "Pengawasan Ketenagakerjaan", "Transmigrasi")),
    ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
     "Berencana", "dinas", "umum", "kb", True, 0.003, 1.2,
     ("Perlindungan Perempuan dan Anak", "Pengendalian Penduduk")),
    ("Dinas Pemberdayaan Masyarakat, Pemerintahan Desa, Kependudukan dan Pencatatan Sipil",
     "dinas", "umum", "dukcapil", True, 0.003, 1.2,
     ("Pemerintahan Desa", "Kependudukan dan Pencatatan Sipil")),
    ("Dinas Perhubungan", "dinas", "infrastruktur", "perhubungan", True, 0.006, 3.0,
     ("Lalu Lintas dan Angkutan Jalan", "Pelayaran", "Perkeretaapian dan Udara")),
    ("Dinas Komunikasi, Informatika dan Statistik", "dinas", "umum", "kominfo", True, 0.006, 1.5,
     ("Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Statistik dan Persandian")),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "dinas", "umum", "umum", True, 0.004, 1.2,
     ("Koperasi", "Usaha Kecil dan Menengah")),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", "umum", "umum", True,
     0.003, 1.5, ("Penanaman Modal", "Pelayanan Perizinan")),
    ("Dinas Pariwisata", "dinas", "umum", "budaya", True, 0.004, 1.5,
     ("Destinasi Pariwisata", "Pemasaran Pariwisata", "Ekonomi Kreatif")),
    ("Dinas Pertanian dan Ketahanan Pangan", "dinas", "umum", "pertanian", True, 0.02, 2.5,
     ("Tanaman Pangan", "Hortikultura", "Ketahanan Pangan", "Penyuluhan")),
    ("Dinas Peternakan dan Kesehatan Hewan", "dinas", "umum", "pertanian", True, 0.008, 1.5,
     ("Produksi Peternakan", "Kesehatan Hewan dan Kesehatan Masyarakat Veteriner")),
    ("Dinas Kelautan dan Perikanan", "dinas", "umum", "perikanan", True, 0.008, 2.0,
     ("Perikanan Tangkap", "Perikanan Budidaya", "Pengelolaan Ruang Laut")),
    ("Dinas Lingkungan Hidup dan Kehutanan", "dinas", "infrastruktur", "lingkungan", True, 0.02,
     3.0, ("Tata Lingkungan", "Pengendalian Pencemaran", "Pengelolaan Hutan")),
    ("Dinas Energi dan Sumber Daya Mineral", "dinas", "infrastruktur", "infrastruktur", True,
     0.004, 1.5, ("Energi dan Ketenagalistrikan", "Mineral dan Batubara", "Air Tanah")),
    ("Dinas Perindustrian dan Perdagangan", "dinas", "umum", "umum", True, 0.004, 1.5,
     ("Perindustrian", "Perdagangan Dalam Negeri", "Perlindungan Konsumen")),
    ("Dinas Perpustakaan dan Kearsipan", "dinas", "umum", "perpustakaan", True, 0.005, 1.5,
     ("Perpustakaan", "Kearsipan")),
    ("Dinas Kepemudaan dan Olahraga", "dinas", "umum", "umum", True, 0.002, 1.2,
     ("Kepemudaan", "Keolahragaan")),
    ("Satuan Polisi Pamong Praja", "satpol", "umum", "satpol", True, 0.012, 4.0,
     ("Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat",
      "Perlindungan Masyarakat")),
    ("Dinas Kebudayaan", "dinas", "umum", "budaya", False, 0.006, 1.5,
     ("Cagar Budaya dan Permuseuman", "Kesenian dan Tradisi")),
)  # fmt: skip

# Kecamatan names of some instances; the rest get the seat plus compass variants.
KECAMATAN: dict[str, tuple[str, ...]] = {
    "Kabupaten Badung": ("Kuta", "Kuta Selatan", "Kuta Utara", "Mengwi", "Abiansemal", "Petang"),
    "Kabupaten Buleleng": ("Gerokgak", "Seririt", "Busungbiu", "Banjar", "Sukasada", "Buleleng",
                           "Sawan", "Kubutambahan", "Tejakula"),
    "Kabupaten Klungkung": ("Nusa Penida", "Banjarangkan", "Klungkung", "Dawan"),
    "Kabupaten Tabanan": ("Selemadeg", "Kerambitan", "Tabanan", "Kediri", "Marga", "Baturiti",
                          "Penebel", "Pupuan", "Selemadeg Barat", "Selemadeg Timur"),
    "Kabupaten Gianyar": ("Sukawati", "Blahbatuh", "Gianyar", "Tampaksiring", "Ubud",
                          "Tegallalang", "Payangan"),
    "Kabupaten Bangli": ("Susut", "Bangli", "Tembuku", "Kintamani"),
    "Kabupaten Jembrana": ("Negara", "Mendoyo", "Pekutatan", "Melaya", "Jembrana"),
    "Kabupaten Karangasem": ("Rendang", "Sidemen", "Manggis", "Karangasem", "Abang", "Bebandem",
                             "Selat", "Kubu"),
    "Kota Denpasar": ("Denpasar Selatan", "Denpasar Timur", "Denpasar Barat", "Denpasar Utara"),
    "Kota Mataram": ("Ampenan", "Sekarbela", "Mataram", "Selaparang", "Cakranegara", "Sandubaya"),
    "Kota Bima": ("Rasanae Barat", "Rasanae Timur", "Mpunda", "Raba", "Asakota"),
    "Kota Kupang": ("Alak", "Maulafa", "Oebobo", "Kelapa Lima", "Kota Raja", "Kota Lama"),
    "Kabupaten Lombok Barat": ("Gerung", "Kediri", "Narmada", "Sekotong", "Labuapi", "Gunungsari",
                               "Lingsar", "Lembar", "Batu Layar", "Kuripan"),
    "Kabupaten Lombok Tengah": ("Praya", "Jonggat", "Batukliang", "Pujut", "Praya Barat",
                                "Praya Timur", "Janapria", "Pringgarata", "Kopang",
                                "Praya Tengah", "Praya Barat Daya", "Batukliang Utara"),
    "Kabupaten Lombok Timur": ("Selong", "Masbagik", "Aikmel", "Sakra", "Terara", "Sikur",
                               "Pringgabaya", "Labuhan Haji", "Keruak", "Jerowaru", "Sembalun",
                               "Suralaga", "Wanasaba", "Sambelia"),
    "Kabupaten Lombok Utara": ("Tanjung", "Gangga", "Kayangan", "Bayan", "Pemenang"),
}  # fmt: skip
_COMPASS = ("", "Barat", "Timur", "Utara", "Selatan", "Tengah", "Barat Laut", "Timur Laut",
            "Barat Daya", "Tenggara")  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """One perangkat daerah of a demo instance."""

    nama: str
    kind: str
    family: str
    jf: str
    fung_weight: float
    pel_weight: float
    bidang: tuple[str, ...]


def _kecamatan_names(nama: str, ibukota: str, n: int) -> list[str]:
    known = KECAMATAN.get(nama)
    if known:
        return list(known[:n]) if n else list(known)
    short = nama.replace("Kabupaten ", "").replace("Kota ", "")
    names = [ibukota]
    names += [f"{short} {c}".strip() for c in _COMPASS if f"{short} {c}".strip() != ibukota]
    return names[:n]


def instance_units(
    rng: np.random.Generator, nama: str, jenis: str, ibukota: str, provinsi: str
) -> list[Unit]:
    """The units of one instance: ~30-40 OPDs (kecamatan included for kabupaten/kota)."""
    if jenis == "provinsi":
        table = [u for u in PROV_UNITS if u[4] or provinsi == "Bali"]
        units = [Unit(u[0], u[1], u[2], u[3], u[5], u[6], u[7]) for u in table]
        return units
    core = [u for u in KAB_UNITS if u[4]]
    optional = [u for u in KAB_UNITS if not u[4]]
    n_opt = int(rng.integers(3, len(optional) + 1))
    chosen = sorted(rng.choice(len(optional), n_opt, replace=False).tolist())
    table = core + [optional[i] for i in chosen]
    units = []
    for u in table:
        name = u[0]
        if u[1] == "rsud":
            name = f"Rumah Sakit Umum Daerah {ibukota}"
        units.append(Unit(name, u[1], u[2], u[3], u[5], u[6], u[7]))
    if jenis == "kota":
        n_kec = len(KECAMATAN.get(nama, ())) or int(rng.integers(4, 7))
    else:
        n_kec = int(rng.integers(5, 11))
    n_kec = min(n_kec, max(0, 40 - len(units)))
    n_kec = max(n_kec, min(4, 40 - len(units)))
    for k in _kecamatan_names(nama, ibukota, n_kec)[:n_kec]:
        units.append(Unit(f"Kecamatan {k}", "kecamatan", "umum", "umum", 0.0, 2.2, ()))
    return units


def structural_slots(
    unit: Unit, jenis_instansi: str
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Position names of one unit: JPT slots as (jenis, name), Administrator and Pengawas."""
    leader = {"provinsi": "Gubernur", "kota": "Wali Kota"}.get(jenis_instansi, "Bupati")
    jpt: list[tuple[str, str]] = []
    adm: list[str] = []
    peng: list[str] = []
    umum = ["Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan"]
    if unit.kind == "setda":
        sekda_jenis = "JPT Madya" if jenis_instansi == "provinsi" else "JPT Pratama"
        jpt.append((sekda_jenis, "Sekretaris Daerah"))
        for a in ("Pemerintahan dan Kesejahteraan Rakyat", "Perekonomian dan Pembangunan",
                  "Administrasi Umum"):  # fmt: skip
            jpt.append(("JPT Pratama", f"Asisten {a}"))
        for s in ("Hukum, Politik dan Pemerintahan", "Ekonomi, Keuangan dan Pembangunan",
                  "Kemasyarakatan dan Sumber Daya Manusia"):  # fmt: skip
            jpt.append(("JPT Pratama", f"Staf Ahli {leader} Bidang {s}"))
        for b in ("Tata Pemerintahan", "Hukum", "Kesejahteraan Rakyat", "Perekonomian dan Sumber "
                  "Daya Alam", "Administrasi Pembangunan", "Pengadaan Barang dan Jasa",
                  "Organisasi", "Umum", "Protokol dan Komunikasi Pimpinan"):  # fmt: skip
            adm.append(f"Kepala Bagian {b}")
        peng += ["Kepala Subbagian Tata Usaha Pimpinan", "Kepala Subbagian Rumah Tangga",
                 "Kepala Subbagian Perundang-undangan", "Kepala Subbagian Bantuan Hukum",
                 "Kepala Subbagian Kelembagaan dan Analisis Jabatan",
                 "Kepala Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                 "Kepala Subbagian Protokol", "Kepala Subbagian Otonomi Daerah",
                 "Kepala Subbagian Pembinaan Ideologi"] + umum  # fmt: skip
    elif unit.kind == "setwan":
        jpt.append(("JPT Pratama", "Sekretaris DPRD"))
        adm += ["Kepala Bagian Umum dan Keuangan", "Kepala Bagian Persidangan dan Perundang-undangan",
                "Kepala Bagian Fasilitasi Penganggaran dan Pengawasan"]  # fmt: skip
        peng += umum + ["Kepala Subbagian Persidangan", "Kepala Subbagian Humas dan Protokol"]
    elif unit.kind == "inspektorat":
        jpt.append(("JPT Pratama", "Inspektur"))
        adm.append("Sekretaris Inspektorat")
        adm += [f"Inspektur Pembantu Wilayah {r}" for r in ("I", "II", "III", "IV")]
        peng += umum + ["Kepala Subbagian Perencanaan dan Pelaporan"]
    elif unit.kind == "rsud":
        jpt.append(("JPT Pratama", f"Direktur {unit.nama}"))
        adm += ["Wakil Direktur Pelayanan", "Wakil Direktur Umum dan Keuangan",
                "Kepala Bidang Pelayanan Medik", "Kepala Bidang Keperawatan"]  # fmt: skip
        peng += umum + ["Kepala Seksi Pelayanan Medik", "Kepala Seksi Keperawatan",
                        "Kepala Subbagian Perencanaan"]  # fmt: skip
    elif unit.kind == "kecamatan":
        place = unit.nama.removeprefix("Kecamatan ")
        adm += [f"Camat {place}", "Sekretaris Kecamatan"]
        peng += ["Kepala Seksi Pemerintahan", "Kepala Seksi Kesejahteraan Sosial",
                 "Kepala Seksi Ketenteraman dan Ketertiban Umum",
                 "Kepala Seksi Pemberdayaan Masyarakat", "Kepala Subbagian Umum dan Kepegawaian"]  # fmt: skip
    else:
        head = (
            "Kepala Satuan Polisi Pamong Praja" if unit.kind == "satpol" else f"Kepala {unit.nama}"
        )
        jpt.append(("JPT Pratama", head))
        adm.append("Sekretaris Badan" if unit.kind == "badan" else "Sekretaris Dinas")
        adm += [f"Kepala Bidang {b}" for b in unit.bidang]
        peng += umum + ["Kepala Subbagian Perencanaan dan Pelaporan"]
        peng += [f"Kepala Seksi {b}" for b in unit.bidang]
    return jpt, adm, peng
