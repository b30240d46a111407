"""A realistic, deterministic sample register: the same seed gives the same
complaints, so a fresh machine, the tests and the benchmark all see one shape."""

import random
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from monev_cli.errors import InputError, StateError
from monev_cli.i18n import _
from monev_cli.register import Register, catalog
from monev_cli.register.complaints import Draft, Stamp, change_status, record

DEFAULT_SEED = 2023
SAMPLE_START = date(2023, 1, 1)
SAMPLE_PROFILE = {
    "government": "PEMERINTAH KABUPATEN KARANGASEM",
    "agency": (
        "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak, "
        "Pengendalian Penduduk dan Keluarga Berencana"
    ),
    "agency_short": "Dinsos, PPPA, PPKB",
    "region": "Kabupaten Karangasem",
    "city": "Karangasem",
    "address": "Jl. Contoh No. 1, Amlapura, Karangasem, Bali",
    "phone": "(0363) 000000",
    "email": "dinsos@contoh.go.id",
    "website": "dinsos.contoh.go.id",
    "head_name": "I Gede Contoh, S.Sos., M.Si.",
    "head_title": "Kepala Dinas",
    "head_rank": "Pembina Utama Muda (IV/c)",
    "head_nip": "19700101 199503 1 001",
}

# (type, summary, unit): what this kind of agency is asked about.
TOPICS = (
    ("informasi", "Permohonan informasi syarat pengajuan PKH", "Bidang Jaminan Sosial"),
    ("informasi", "Pertanyaan hak perwalian anak", "Bidang PPPA"),
    ("informasi", "Informasi jadwal layanan KB gratis", "Bidang PPKB"),
    ("informasi", "Saran penambahan loket layanan disabilitas", "Sekretariat"),
    (
        "layanan",
        "Bantuan sosial belum diterima sejak tiga bulan",
        "Bidang Jaminan Sosial",
    ),
    (
        "layanan",
        "Pelayanan alat bantu disabilitas dirasa kurang",
        "Bidang Rehabilitasi Sosial",
    ),
    ("layanan", "Data penerima bantuan tidak sesuai", "Bidang Jaminan Sosial"),
    ("standar", "Antrean pelayanan terlalu lama", "Sekretariat"),
    ("standar", "Persyaratan layanan tidak dipajang di loket", "Sekretariat"),
    ("disiplin", "Petugas tidak berada di tempat pada jam layanan", "Sekretariat"),
    ("wewenang", "Dugaan pungutan dalam pengurusan surat keterangan", "Sekretariat"),
    ("lainnya", "Permintaan pendampingan korban kekerasan", "Bidang PPPA"),
)

# Channels weighted as such an office sees them: social media and the desk first.
CHANNEL_WEIGHTS = {
    "facebook": 20, "langsung": 25, "telepon": 12, "instagram": 10, "website": 8,
    "lapor": 10, "kotak": 5, "email": 4, "youtube": 1, "surat": 5,
}  # fmt: skip

GIVEN_NAMES = ("I Wayan", "Ni Made", "I Komang", "Ni Ketut", "I Nyoman", "Ni Luh")
FAMILY_NAMES = ("Sudarma", "Ayu Lestari", "Arta", "Sriani", "Wirawan", "Suastini")

ANSWERS = (
    "Pengadu telah diberi penjelasan lengkap melalui telepon.",
    "Bantuan telah disalurkan; pengadu dihubungi dan menyatakan puas.",
    "Ditindaklanjuti dengan kunjungan lapangan dan pendampingan.",
    "Jawaban tertulis telah dikirim kepada pengadu.",
)


class SampleComplaint(NamedTuple):
    draft: Draft
    # (days after receipt, status, note), in order
    steps: tuple[tuple[int, str, str], ...]


def generate(
    count: int,
    seed: int = DEFAULT_SEED,
    start: date = SAMPLE_START,
    days: int = 731,
) -> Iterator[SampleComplaint]:
    """``count`` complaints spread over ``days`` days from ``start``, by date."""
    rng = random.Random(seed)
    offsets = sorted(rng.randrange(days) for _ in range(count))
    channels = list(CHANNEL_WEIGHTS)
    weights = list(CHANNEL_WEIGHTS.values())
    for offset in offsets:
        complaint_type, summary, unit = rng.choice(TOPICS)
        confidential = rng.random() < 0.1
        anonymous = rng.random() < 0.3
        name = (
            None
            if anonymous
            else f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
        )
        draft = Draft(
            received_on=start + timedelta(days=offset),
            channel=rng.choices(channels, weights)[0],
            type=complaint_type,
            summary=summary,
            name=name,
            contact=None if name is None else f"08{rng.randrange(10**9, 10**10)}",
            confidential=confidential,
            unit=unit,
        )
        yield SampleComplaint(draft=draft, steps=_steps(rng))


def _steps(rng: random.Random) -> tuple[tuple[int, str, str], ...]:
    fate = rng.random()
    if fate < 0.05:
        return ()
    started = rng.randrange(0, 5)
    follow_up = (started, "proses", "Diteruskan kepada bidang terkait.")
    if fate < 0.1:
        return (follow_up,)
    # Most are answered within the limit, some late.
    answered = started + (rng.randrange(1, 28) if fate < 0.9 else rng.randrange(31, 60))
    return (follow_up, (answered, "selesai", rng.choice(ANSWERS)))


def fill(
    register: Register, stamp: Stamp, count: int = 300, agency: str | None = None
) -> int:
    """Fill ``register`` with the sample and the sample agency profile, all of
    it or, if interrupted, none of it. A sample ``agency`` is named so, and
    its complaints are its own (seeded by its name)."""
    stored = 0
    with register.write() as conn:
        if conn.execute("SELECT 1 FROM complaints LIMIT 1").fetchone():
            raise StateError(
                _(
                    "{path} holds complaints already: the sample goes into a new "
                    "register. Give another file with --db."
                ).format(path=register.path)
            )
        profile = SAMPLE_PROFILE | (
            {"agency": agency, "agency_short": agency} if agency else {}
        )
        for key, value in profile.items():
            catalog.set_profile(register, key, value)
        seed = zlib.crc32(agency.encode()) if agency else DEFAULT_SEED
        for item in generate(count, seed):
            if item.draft.received_on > stamp.as_of:
                continue
            _store(register, item, stamp)
            stored += 1
        if not stored:
            raise InputError(
                _(
                    "None of the sample's complaints (received from {start}) "
                    "falls on or before {as_of}: give a later --as-of."
                ).format(start=SAMPLE_START.isoformat(), as_of=stamp.as_of.isoformat())
            )
    return stored


def _store(register: Register, item: SampleComplaint, stamp: Stamp) -> None:
    received_on = item.draft.received_on
    complaint = record(register, item.draft, _typed_on(stamp, received_on))
    for after, status, note in item.steps:
        when = received_on + timedelta(days=after)
        if when > stamp.as_of:
            break
        ref = complaint.tracking_no
        change_status(register, ref, status, note, when, _typed_on(stamp, when))


def _typed_on(stamp: Stamp, day: date) -> Stamp:
    """The stamp of an entry typed in on its own day, at the stamp's hour: the
    sample's reports count no entry as recorded after their date."""
    return stamp._replace(logged_at=day.isoformat() + stamp.logged_at[10:])
