"""Shared fixtures of the spinaptic pytest suite (run by scripts/test with the venv's Python)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repository_root():
    return ROOT


@pytest.fixture
def sigint_raises():
    """Ctrl-C as an interactive Python sees it: SIGINT raises KeyboardInterrupt. A process started
    in the background by a non-interactive shell (as CI may start the suite) inherits SIGINT
    ignored, and Python then leaves it ignored; the Ctrl-C tests install the default handler for
    their duration and restore what was there."""
    import signal
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
