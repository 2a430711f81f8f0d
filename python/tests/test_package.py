"""The package: its version is version.hpp's, and library errors map to Python exceptions."""
import re

import pytest

import spinaptic


def test_version_is_the_one_of_version_hpp(repository_root):
    text = (repository_root / "include" / "spinaptic" / "version.hpp").read_text()
    parts = [re.search(rf"#define SPINAPTIC_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert spinaptic.__version__ == ".".join(parts)
    assert spinaptic.version_info == tuple(int(p) for p in parts)


def test_exception_hierarchy():
    assert issubclass(spinaptic.InvalidValueError, ValueError)
    assert issubclass(spinaptic.InvalidValueError, spinaptic.Error)
    assert issubclass(spinaptic.FileError, OSError)
    assert issubclass(spinaptic.FileError, spinaptic.Error)


def test_missing_file_is_a_file_error_naming_the_file(tmp_path):
    missing = tmp_path / "no-such.ckpt"
    with pytest.raises(OSError) as caught:
        spinaptic.load_checkpoint(str(missing))
    assert isinstance(caught.value, spinaptic.FileError)
    assert str(missing) in str(caught.value)


def test_malformed_file_is_a_file_error_naming_the_problem(tmp_path):
    bad = tmp_path / "bad.ckpt"
    bad.write_text("not a checkpoint\n")
    with pytest.raises(spinaptic.FileError, match="bad.ckpt: no checksum line"):
        spinaptic.load_checkpoint(str(bad))
