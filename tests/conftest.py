from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read or write the real user's scenario folder from a test."""
    folder = tmp_path_factory.mktemp("user-scenarios")
    monkeypatch.setenv("REPLIQ_SCENARIOS_DIR", str(folder))
    monkeypatch.setenv("REPLIQ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return folder


@pytest.fixture(autouse=True)
def isolated_store(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sessions recorded by tests go to a throw-away database."""
    path = tmp_path_factory.mktemp("store") / "repliq.db"
    monkeypatch.setenv("REPLIQ_DB", str(path))
    monkeypatch.setenv("REPLIQ_STUDENT", "Élève Test")
    return path
