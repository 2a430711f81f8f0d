# Build of the Python package `spinaptic` with scikit-build (Debian: python3-skbuild), which drives
# the repository's CMakeLists.txt with SPINAPTIC_BUILD_PYTHON=ON and installs spinaptic._core
# next to the Python files of python/spinaptic/. Use scripts/python-install, or:
#   pip install --no-build-isolation --no-deps ./python
import re
from pathlib import Path

from skbuild import setup

here = Path(__file__).resolve().parent
version_hpp = (here.parent / "include" / "spinaptic" / "version.hpp").read_text()
version = ".".join(re.search(rf"#define SPINAPTIC_VERSION_{part} (\d+)", version_hpp).group(1)
                   for part in ("MAJOR", "MINOR", "PATCH"))

setup(
    name="spinaptic",
    version=version,
    description="Neuromorphic hardware built from magnetic tunnel junctions: the spinaptic C++ library from Python",
    license="see LICENSE",
    packages=["spinaptic"],
    package_dir={"spinaptic": "spinaptic"},
    package_data={"spinaptic": ["py.typed", "*.pyi"]},
    python_requires=">=3.9",
    install_requires=["numpy"],
    extras_require={"sklearn": ["scikit-learn"], "plots": ["matplotlib"], "tables": ["pandas"], "progress": ["tqdm"]},
    cmake_source_dir="..",
    cmake_args=[
        "-DCMAKE_BUILD_TYPE=Release",
        "-DSPINAPTIC_BUILD_PYTHON=ON",
        "-DSPINAPTIC_BUILD_TESTS=OFF",
        "-DSPINAPTIC_BUILD_BENCHMARKS=OFF",
        "-DSPINAPTIC_BUILD_EXAMPLES=OFF",
        "-DSPINAPTIC_INSTALL=OFF",
    ],
    cmake_install_target="install",
)
