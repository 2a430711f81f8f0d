"""Shared fixtures of the spinaptic pytest suite (run by scripts/test with the venv's Python)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repository_root():
    return ROOT
