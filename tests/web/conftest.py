"""Shared fixtures for the web page: the app over Starlette's TestClient, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web tests need the [web] extra: pip install '.[test,web]'")
pytest.importorskip("python_multipart", reason="the web tests need the [web] extra: pip install '.[test,web]'")

from starlette.testclient import TestClient

from checker.config import Config
from checker.web import create_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# seed → (entity fragment, year, checklist statuses), from the truth table in tests/test_seeds.py
SEED_CHECKLISTS = {
    "000": {"measures": "ok", "shortcomings": "ok", "causes": "missing", "first_responsible": "missing", "plan": "ok"},
    "001": {"measures": "ok", "shortcomings": "ok", "causes": "missing", "first_responsible": "warn", "plan": "ok"},
    "002": {"measures": "ok", "shortcomings": "ok", "causes": "missing", "first_responsible": "missing", "plan": "ok"},
    "003": {"measures": "ok", "shortcomings": "ok", "causes": "ok", "first_responsible": "ok", "plan": "ok"},
    "004": {"measures": "ok", "shortcomings": "ok", "causes": "missing", "first_responsible": "ok", "plan": "ok"},
}


def seed_path(prefix: str) -> Path:
    return next(p for p in SEED_FILES if p.name.startswith(prefix))


@pytest.fixture
def seed():
    """seed("000") → the path of fixtures/seeds/000_*.txt"""
    return seed_path


@pytest.fixture
def seed_checklists():
    return SEED_CHECKLISTS


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Config())) as c:
        yield c


@pytest.fixture
def upload():
    """upload(client, Path | (name, bytes), ...) posts the files as multipart like the page does."""
    return post_files


def post_files(client, *paths_or_pairs, url="/api/check"):
    files = []
    for item in paths_or_pairs:
        if isinstance(item, Path):
            files.append(("file", (item.name, item.read_bytes(), "application/octet-stream")))
        else:
            name, data = item
            files.append(("file", (name, data, "application/octet-stream")))
    return client.post(url, files=files)
