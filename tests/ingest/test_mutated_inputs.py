"""Never a traceback: damaged copies of real fixtures are read or refused with InputError, nothing else."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from checker.ingest import InputError, read_bytes

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "fixtures" / "docx" / "features.docx",
    ROOT / "fixtures" / "docx" / "seed_001.libreoffice.docx",
    ROOT / "fixtures" / "encodings" / "gbk.txt",
    ROOT / "fixtures" / "encodings" / "utf16le.txt",
    ROOT / "fixtures" / "encodings" / "trad.big5.txt",
]


def _mutate_part(data: bytes, rng: random.Random) -> bytes:
    """Damage one XML part inside an otherwise valid zip (what a bad converter or editor leaves)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = rng.choice([n for n in parts if n.endswith((".xml", ".rels"))])
    xml = bytearray(parts[name])
    for _ in range(rng.randint(1, 6)):
        xml[rng.randrange(len(xml))] = rng.choice(b'<>/"=w:tpr0 -9&')
    parts[name] = bytes(xml)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for n, content in parts.items():
            out.writestr(n, content)
    return buf.getvalue()


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    if rng.random() < 0.15:
        out = out[: rng.randrange(len(out))]
    return bytes(out)


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_damaged_copies_are_read_or_refused(source):
    rng = random.Random(source.name)
    data = source.read_bytes()
    outcomes = {"read": 0, "refused": 0}
    for i in range(60):
        damaged = _mutate_part(data, rng) if data.startswith(b"PK") and i % 2 else _mutate_bytes(data, rng)
        try:
            read_bytes(damaged, source.name)
        except InputError as exc:
            assert exc.message and "Traceback" not in exc.message
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["read"] + outcomes["refused"] == 60
