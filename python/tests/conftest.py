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


# A chip with every non-ideality on: the estimators' keyword arguments and the same chip as
# tools/digits flags (the bit-identity tests of both estimators train on it).
NON_IDEAL_CHIP = {"spread": 0.05, "stuck": 0.02, "stuck_mode": "zero", "read_noise_uV": 200.0, "bandwidth_Hz": 1e6,
                  "current_bits": 6, "power_bits": 5, "crosstalk": 0.01}
NON_IDEAL_CHIP_FLAGS = ["--spread", "0.05", "--stuck", "0.02", "--stuck-mode", "zero", "--noise-uV", "200",
                        "--bandwidth-Hz", "1e6", "--current-bits", "6", "--power-bits", "5", "--crosstalk", "0.01"]


@pytest.fixture(scope="session")
def non_ideal_chip():
    """(estimator keyword arguments, tools/digits flags) of the same non-ideal chip."""
    return NON_IDEAL_CHIP, NON_IDEAL_CHIP_FLAGS


@pytest.fixture(scope="session")
def digits_exe():
    """The C++ example tools/digits (SPINAPTIC_DIGITS_EXE, else build/release/tools/digits)."""
    import os
    exe = os.environ.get("SPINAPTIC_DIGITS_EXE", str(ROOT / "build" / "release" / "tools" / "digits"))
    if not os.path.exists(exe):
        pytest.fail(f"the C++ example {exe} is not built (cmake --build --preset release --target digits), "
                    "or set SPINAPTIC_DIGITS_EXE")
    return exe
