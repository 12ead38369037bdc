"""Name vocabulary for the synthetic demo workforce, by culture region (vectorised).

Regions: Balinese (Bali), Sasak (Lombok), Mbojo (Bima, Dompu), Samawa (Sumbawa) and
NTT sub-regions (Timor/Rote/Sabu, Flores, Sumba, Alor/Lembata). Every region also has a
minority of migrants with common Indonesian (Javanese/Muslim) names. All combinations are
synthetic; any likeness to a real person is coincidental.
"""

from __future__ import annotations

import numpy as np
import polars as pl

# -- Balinese -------------------------------------------------------------------------------
BALI_ORDER_M = ("I Wayan", "I Putu", "I Gede", "I Made", "I Kadek", "I Nengah", "I Nyoman",
                "I Komang", "I Ketut")  # fmt: skip
BALI_ORDER_F = ("Ni Wayan", "Ni Putu", "Ni Luh Putu", "Ni Made", "Ni Kadek", "Ni Luh Made",
                "Ni Nyoman", "Ni Komang", "Ni Ketut", "Ni Luh")  # fmt: skip
BALI_NOBLE_M = ("Ida Bagus", "Anak Agung Gede", "Anak Agung Ngurah", "I Gusti Ngurah",
                "I Gusti Bagus", "Cokorda Gede", "I Dewa Gede", "Dewa Made")  # fmt: skip
BALI_NOBLE_F = ("Ida Ayu", "Anak Agung Ayu", "Anak Agung Istri", "I Gusti Ayu",
                "Desak Made", "Cokorda Istri", "Dewa Ayu")  # fmt: skip
BALI_GIVEN_M = ("Agus", "Bagus", "Adi", "Arya", "Darma", "Putra", "Wira", "Suastika", "Eka",
                "Dwi", "Budi", "Yoga", "Surya", "Krisna", "Angga", "Dharma", "Sukma", "Bayu")  # fmt: skip
BALI_SECOND_M = ("Suardana", "Artawan", "Sudarsana", "Wirawan", "Mahendra", "Sudiarta",
                 "Suarjana", "Wiradana", "Adnyana", "Sugiartha", "Parwata", "Astawa", "Sudana",
                 "Mertayasa", "Sukadana", "Antara", "Arsana", "Widiarta", "Pranata",
                 "Suputra", "Gunawan", "Swastika", "Yasa", "Darmawan")  # fmt: skip
BALI_GIVEN_F = ("Ayu", "Sri", "Dewi", "Eka", "Dwi", "Putri", "Sinta", "Rai", "Gek", "Yuni",
                "Novi", "Mirah", "Sukma", "Widya", "Intan", "Tri", "Kade", "Citra")  # fmt: skip
BALI_SECOND_F = ("Ariani", "Sukmawati", "Suartini", "Astiti", "Yuliani", "Puspitasari",
                 "Wulandari", "Sriasih", "Suryani", "Widiastuti", "Paramita", "Lestari",
                 "Sugiantari", "Purnamasari", "Sumiati", "Antari", "Sudiani", "Wirastuti",
                 "Suciani", "Pradnyani", "Indrayani", "Damayanti", "Mahayani", "Juliantari")  # fmt: skip

# -- Common Indonesian (migrants everywhere; also the base of Muslim NTB names) ----------------
MUSLIM_M = ("Muhammad", "Ahmad", "Abdul", "Hasan", "Zainal", "Saiful", "Rahmat", "Ridwan",
            "Arif", "Hendra", "Fajar", "Rizki", "Imam", "Agus", "Budi", "Dedi", "Yusuf",
            "Ilham", "Hamzah", "Iwan", "Joko", "Nur")  # fmt: skip
MUSLIM_M2 = ("Hidayat", "Fathurrahman", "Hamdani", "Sukardi", "Saputra", "Kurniawan",
             "Setiawan", "Hakim", "Rahman", "Ismail", "Syahputra", "Maulana", "Firmansyah",
             "Wahyudi", "Hariyanto", "Prasetyo", "Santoso", "Ramadhan", "Akbar", "Amin")  # fmt: skip
MUSLIM_F = ("Siti", "Nurul", "Sri", "Nur", "Dewi", "Rina", "Lina", "Fitri", "Yuni", "Ani",
            "Eka", "Wahyu", "Ratna", "Sri Wahyuni", "Dian", "Indah", "Rini", "Nia")  # fmt: skip
MUSLIM_F2 = ("Aminah", "Hidayati", "Rosmiati", "Nurhayati", "Hartini", "Sumiati", "Rahmawati",
             "Handayani", "Fitriani", "Mulyani", "Hasanah", "Khadijah", "Marlina", "Susanti",
             "Yuliana", "Kurniasih", "Safitri", "Lestari", "Wulandari", "Ningsih")  # fmt: skip

# -- Sasak (Lombok) --------------------------------------------------------------------------
SASAK_NOBLE_M = ("Lalu",)
SASAK_NOBLE_F = ("Baiq",)
SASAK_M = ("Muhammad", "Ahmad", "Lalu Muhammad", "Sahnan", "Zulkarnain", "Supardi", "Rusdi",
           "Samsul", "Hamdi", "Mahsun", "Jumadil", "Munawir", "Sukri", "Hairul", "Zaenal",
           "Marzuki", "Mustiadi", "Fauzan", "Sahril", "Suhaimi")  # fmt: skip
SASAK_M2 = ("Hadi", "Wirasakti", "Azhar", "Sahabuddin", "Fahrurrozi", "Hamdani", "Ariadi",
            "Irwan", "Mardan", "Suryadi", "Kaharuddin", "Jayadi", "Sumardi", "Hairi", "Bahri")  # fmt: skip
SASAK_F = ("Siti", "Nurul", "Baiq Nurul", "Hajjah", "Rohani", "Sumiati", "Nurhidayah", "Rabiatul",
           "Mahnun", "Hartini", "Suriani", "Rohaini", "Aini", "Juhairiah", "Sri")  # fmt: skip
SASAK_F2 = ("Hidayati", "Aminah", "Adawiyah", "Fitriani", "Rahmawati", "Azizah", "Hasanah",
            "Mardiana", "Sulastri", "Wahidah", "Zuhriah", "Ulfa", "Nurjannah", "Anggraini")  # fmt: skip

# -- Mbojo (Bima, Dompu) and Samawa (Sumbawa) ------------------------------------------------
MBOJO_M = ("Muhammad", "Syarifuddin", "Sirajuddin", "Ikhwan", "Mulyadin", "Nurdin", "Ruslan",
           "Sahbudin", "Abdullah", "Syamsuddin", "Arifin", "Jaenudin", "Hasanuddin",
           "Hairil", "Taufik", "Furkan", "Amiruddin", "Arsyad")  # fmt: skip
MBOJO_M2 = ("H. Abubakar", "Ishaka", "Yakub", "Ahmad", "Hamid", "Idris", "Salahuddin",
            "Ismail", "Rasyid", "Usman", "M. Saleh", "Ibrahim", "Mansyur", "Daeng")  # fmt: skip
MBOJO_F = ("Siti", "Nurhayati", "Rahmawati", "Hadijah", "Nurjanah", "Salmah", "Mariam",
           "Fatimah", "Jaenab", "Ruqayyah", "Sri", "Rosdiana", "Marwah", "Nursiah")  # fmt: skip
MBOJO_F2 = ("Hadijah", "Aisyah", "Ramlah", "Sukmawati", "Hasnah", "Nurbaya", "Jubaedah",
            "Maryam", "Saodah", "Halimah", "Kartini", "Suryani")  # fmt: skip

# -- NTT -------------------------------------------------------------------------------------
NTT_M = ("Yohanes", "Fransiskus", "Petrus", "Paulus", "Yosef", "Markus", "Antonius", "Stefanus",
         "Benediktus", "Aloysius", "Yakobus", "Marthen", "Daniel", "Yulius", "Agustinus",
         "Kristoforus", "Gabriel", "Dominikus", "Emanuel", "Hendrikus", "Melkianus", "Yeremias",
         "Simon", "Andreas", "Arnoldus", "Willem", "Yance", "Matheus", "Robert", "Frederik")  # fmt: skip
NTT_F = ("Maria", "Yuliana", "Agustina", "Margaretha", "Theresia", "Elisabeth", "Veronika",
         "Florentina", "Yasinta", "Anastasia", "Katarina", "Bernadeta", "Selfina", "Yosefina",
         "Dorkas", "Ester", "Mariana", "Susana", "Kristina", "Ursula", "Magdalena", "Fransiska",
         "Sofia", "Naomi", "Debora", "Yublina", "Orpa", "Novita", "Lusia", "Imelda")  # fmt: skip
NTT_MIDDLE = ("", "", "", "Y.", "F.", "M.", "A.", "S.", "B.", "Ch.", "D.", "E.")
TIMOR_SUR = ("Ndoen", "Nalle", "Manafe", "Tallo", "Benu", "Bessie", "Lay", "Pello", "Kapitan",
             "Nomleni", "Tefa", "Taneo", "Lake", "Mau", "Seran", "Bria", "Amaral", "Fanggidae",
             "Messakh", "Ndun", "Saubaki", "Tlonaen", "Nubatonis", "Riwu Kaho", "Bire", "Lado",
             "Dju", "Ratu", "Nenobais", "Boimau", "Toto", "Lopo", "Pah", "Sinlae", "Foenay",
             "Mooy", "Therik", "Haning", "Kana", "Manu")  # fmt: skip
FLORES_SUR = ("da Silva", "Fernandez", "Parera", "Kelen", "Wuwur", "Ola", "Making", "Lamury",
              "Jehadut", "Dagur", "Nggoro", "Jemali", "Wara", "Lewar", "Kolin", "Koban", "Tukan",
              "Hurint", "Maran", "Laba", "Meko", "Watu", "Bhoga", "Dhae", "Ngadha", "Wea",
              "Rowa", "Seda", "Jawa", "Mbete", "Djogo", "Nurak", "Hayon", "Sogen", "Wungubelen",
              "Manggo", "Janggur", "Gaa", "Goa", "Dopo")  # fmt: skip
SUMBA_SUR = ("Lende", "Hamakonda", "Ngongo", "Kaka", "Bili", "Dapa Talu", "Kaborang",
             "Pekuwali", "Tamu Ama", "Hina", "Meha", "Ndapa", "Kahi", "Hunggu", "Landu",
             "Wolla", "Malo", "Mbani", "Rihi", "Djama", "Nggaba", "Hungu", "Lero", "Tanda")  # fmt: skip
ALOR_SUR = ("Mokoni", "Laumal", "Maro", "Lau", "Dopong", "Blegur", "Tulimau", "Kolly",
            "Gomang", "Mautuka", "Koly", "Atamau", "Malaikosa", "Karbeka", "Langkameng",
            "Lamalewa", "Ledo", "Beli", "Tokan", "Boli")  # fmt: skip

# Instance name -> culture region (the rest of Bali is 'bali'; Lombok 'sasak'; NTT 'timor').
REGION_OF_INSTANSI: dict[str, str] = {
    "Kabupaten Bima": "mbojo",
    "Kota Bima": "mbojo",
    "Kabupaten Dompu": "mbojo",
    "Kabupaten Sumbawa": "samawa",
    "Kabupaten Sumbawa Barat": "samawa",
    "Kabupaten Ende": "flores",
    "Kabupaten Flores Timur": "flores",
    "Kabupaten Sikka": "flores",
    "Kabupaten Manggarai": "flores",
    "Kabupaten Manggarai Barat": "flores",
    "Kabupaten Manggarai Timur": "flores",
    "Kabupaten Nagekeo": "flores",
    "Kabupaten Ngada": "flores",
    "Kabupaten Lembata": "alor",
    "Kabupaten Alor": "alor",
    "Kabupaten Sumba Barat": "sumba",
    "Kabupaten Sumba Barat Daya": "sumba",
    "Kabupaten Sumba Tengah": "sumba",
    "Kabupaten Sumba Timur": "sumba",
}
PROVINCE_REGION = {"Bali": "bali", "Nusa Tenggara Barat": "sasak", "Nusa Tenggara Timur": "timor"}


def region_of(nama_instansi: str, provinsi: str) -> str:
    """Culture region of an instance (drives the name vocabulary)."""
    return REGION_OF_INSTANSI.get(nama_instansi, PROVINCE_REGION.get(provinsi, "timor"))


def _vocab(*parts: tuple[str, ...]) -> pl.Series:
    """Concatenated vocabulary with a trailing null (index -1 means 'absent')."""
    return pl.Series([w for p in parts for w in p] + [None], dtype=pl.String)


def _gendered(rng, female: np.ndarray, male_v: tuple, female_v: tuple) -> pl.Series:
    """One name part: a male or female word by gender."""
    n = len(female)
    idx = np.where(
        female, len(male_v) + rng.integers(0, len(female_v), n), rng.integers(0, len(male_v), n)
    )
    return _vocab(male_v, female_v).gather(idx)


def _where(mask: np.ndarray, a: pl.Series, b: pl.Series) -> pl.Series:
    return pl.select(pl.when(pl.Series(mask)).then(a).otherwise(b)).to_series()


def _join(*parts: pl.Series) -> pl.Series:
    frame = pl.DataFrame({f"p{i}": p for i, p in enumerate(parts)})
    return frame.select(pl.concat_str(pl.all(), separator=" ", ignore_nulls=True)).to_series()


def _drop(rng, s: pl.Series, p_keep: float) -> pl.Series:
    """Keep a part for a share of people, null elsewhere."""
    return _where(rng.random(len(s)) < p_keep, s, pl.Series([None] * len(s), dtype=pl.String))


def _nusa_muslim(rng, female, m1, m2, f1, f2, noble_m=(), noble_f=(), p_noble=0.0) -> pl.Series:
    first = _gendered(rng, female, m1, f1)
    second = _gendered(rng, female, m2, f2)
    if not p_noble:
        return _join(first, second)
    noble = _drop(rng, _gendered(rng, female, noble_m, noble_f), p_noble)
    return _join(noble, first, second)


def _bali(rng, female) -> pl.Series:
    noble = rng.random(len(female)) < 0.09
    pre = _where(
        noble,
        _gendered(rng, female, BALI_NOBLE_M, BALI_NOBLE_F),
        _gendered(rng, female, BALI_ORDER_M, BALI_ORDER_F),
    )
    given = _drop(rng, _gendered(rng, female, BALI_GIVEN_M, BALI_GIVEN_F), 0.6)
    return _join(pre, given, _gendered(rng, female, BALI_SECOND_M, BALI_SECOND_F))


def _ntt(rng, female, surnames, umbu=False) -> pl.Series:
    n = len(female)
    title = _drop(rng, _gendered(rng, female, ("Umbu",), ("Rambu",)), 0.35 if umbu else 0.0)
    first = _gendered(rng, female, NTT_M, NTT_F)
    middle = _vocab(NTT_MIDDLE[3:]).gather(
        np.where(rng.random(n) < 0.35, rng.integers(0, len(NTT_MIDDLE) - 3, n), -1)
    )
    sur = _vocab(surnames).gather(rng.integers(0, len(surnames), n))
    return _join(title, first, middle, sur)


def person_names(rng: np.random.Generator, female: np.ndarray, region: str) -> pl.Series:
    """Names of people of one culture region; ~6-10% carry migrants' names."""
    n = len(female)
    if region == "bali":
        local = _bali(rng, female)
    elif region == "sasak":
        local = _nusa_muslim(
            rng, female, SASAK_M, SASAK_M2, SASAK_F, SASAK_F2, SASAK_NOBLE_M, SASAK_NOBLE_F, 0.14
        )
    elif region in ("mbojo", "samawa"):
        local = _nusa_muslim(rng, female, MBOJO_M, MBOJO_M2, MBOJO_F, MBOJO_F2)
        if region == "samawa":
            sasak = _nusa_muslim(rng, female, SASAK_M, SASAK_M2, SASAK_F, SASAK_F2)
            local = _where(rng.random(n) < 0.3, sasak, local)
    elif region == "flores":
        local = _ntt(rng, female, FLORES_SUR)
    elif region == "sumba":
        local = _ntt(rng, female, SUMBA_SUR, umbu=True)
    elif region == "alor":
        local = _ntt(rng, female, ALOR_SUR + FLORES_SUR[:10])
    else:
        local = _ntt(rng, female, TIMOR_SUR)
    migrant = _nusa_muslim(rng, female, MUSLIM_M, MUSLIM_M2, MUSLIM_F, MUSLIM_F2)
    share = 0.06 if region in ("sasak", "mbojo", "samawa") else 0.10
    return _where(rng.random(n) < share, migrant, local)


# Academic titles by title family (index into TITLE_FAMILIES) and education.
TITLE_FAMILIES = ("pendidikan", "kesehatan", "keuangan", "infrastruktur", "umum")
_S1_TITLES = (
    ("S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.SD.", "S.Ag.", "S.Si."),
    ("S.Kep., Ns.", "S.KM.", "S.Tr.Keb.", "S.Farm.", "S.Gz.", "S.Kep."),
    ("S.E.", "S.E.", "S.Ak.", "S.E., Ak."),
    ("S.T.", "S.T.", "S.Si.", "S.E."),
    ("S.Sos.", "S.H.", "S.E.", "S.IP.", "S.AP.", "S.Kom.", "S.P.", "S.STP.", "S.T."),
)
_S2_TITLES = (
    ("M.Pd.",),
    ("M.Kes.", "M.Kep.", "M.KM."),
    ("M.Ak.", "M.M.", "M.Si."),
    ("M.T.", "M.Eng."),
    ("M.Si.", "M.AP.", "M.H.", "M.M.", "M.Si.", "M.P."),
)
_D3_HEALTH = ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Kes.", "A.Md.Farm.")
_D3_OTHER = ("A.Md.", "A.Md.", "A.Md.Kom.")


def _title_part(rng, fam: np.ndarray, mask: np.ndarray, table: tuple[tuple[str, ...], ...]):
    """One title per person from the family's list where mask, else null."""
    vocab = _vocab(*table)
    offs = np.cumsum([0] + [len(t) for t in table])
    sizes = np.diff(offs)
    idx = offs[fam] + (rng.random(len(fam)) * sizes[fam]).astype(np.int64)
    return vocab.gather(np.where(mask, idx, -1))


def academic_names(
    rng: np.random.Generator,
    names: pl.Series,
    edu: np.ndarray,
    title_family: np.ndarray,
    doctor: np.ndarray,
    birth_year: np.ndarray,
    female: np.ndarray,
) -> pl.Series:
    """Add academic titles: some S1/D3 show theirs, S2/S3 mostly; 'dr.' for doctors."""
    # `edu` holds codes of analytics.demo_people.EDU (SMA 2, D3 3, S1 4, D4 5, S2 6, S3 7);
    # `title_family` indexes TITLE_FAMILIES.
    n = len(names)
    u = rng.random(n)
    bachelor = edu >= 4
    master = edu >= 6
    shown = np.where(master, u < 0.9, u < 0.6) & ~doctor
    drs = (birth_year < 1970) & (edu == 4) & (rng.random(n) < 0.5) & ~doctor
    s1 = _title_part(rng, title_family, shown & bachelor & ~drs, _S1_TITLES)
    s2 = _title_part(rng, title_family, shown & master & ~drs, _S2_TITLES)
    health = title_family == 1
    d3 = _title_part(rng, health.astype(np.int64), shown & (edu == 3), (_D3_OTHER, _D3_HEALTH))
    doc_s2 = _vocab(("M.Kes.", "Sp.PD.", "Sp.A.", "Sp.OG.")).gather(
        np.where(doctor & master, rng.integers(0, 4, n), -1)
    )
    prefix = _vocab(("dr.", "Drs.", "Dra.", "Dr.")).gather(
        np.select([doctor, drs & ~female, drs & female, (edu == 7) & ~doctor], [0, 1, 2, 3], -1)
    )
    frame = pl.DataFrame({"pre": prefix, "nama": names, "s1": s1, "s2": s2, "d3": d3, "ds": doc_s2})
    suffix = pl.concat_str(
        pl.col("s1"), pl.col("s2"), pl.col("d3"), pl.col("ds"), separator=", ", ignore_nulls=True
    )
    full = pl.concat_str(pl.col("pre"), pl.col("nama"), separator=" ", ignore_nulls=True)
    out = frame.select(
        pl.when(suffix == "").then(full).otherwise(pl.concat_str(full, pl.lit(", "), suffix))
    )
    return out.to_series().alias("nama")
