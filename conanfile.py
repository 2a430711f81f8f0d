# Conan 2 recipe for spinaptic, a header-only C++20 library.
#   conan create . -pr:a <profile with compiler.cppstd=20>
# The package is made by the project's own CMake install (headers + LICENSE); its package id is
# cleared (one package for every configuration), and validate() refuses what the headers do not
# support: C++ below 20, compilers without the GCC vector extensions, non-POSIX systems.
# Optional components, as in the CMake package and the vcpkg port's features:
#   -o spinaptic/*:with_calibration=True   spinaptic::calibration (Eigen 3.4)
#   -o spinaptic/*:with_mpi=True           spinaptic::mpi (Open MPI, Boost.MPI, nlohmann_json)
# The headers of both are always in the package; an option adds its requirements and its target.
import os
import re

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir
from conan.tools.scm import Version

required_conan_version = ">=2.0"


class SpinapticConan(ConanFile):
    name = "spinaptic"
    description = ("Header-only C++20 templates for simulating neuromorphic hardware built from "
                   "magnetic tunnel junctions driven by hybrid optical-electrical signals")
    license = "MIT"
    topics = ("neuromorphic", "spintronics", "magnetic-tunnel-junction", "header-only", "units")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"with_calibration": [True, False], "with_mpi": [True, False]}
    default_options = {"with_calibration": False, "with_mpi": False}
    no_copy_source = True
    exports_sources = ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*")

    # Compilers that implement C++20 and the GCC vector extensions the SIMD rows use.
    _minimum_compilers = {"gcc": "12", "clang": "14"}

    def set_version(self):
        # The version lives in include/spinaptic/version.hpp, as for CMake.
        header = load(self, os.path.join(self.recipe_folder, "include", "spinaptic", "version.hpp"))
        parts = [re.search(rf"#define SPINAPTIC_VERSION_{p} (\d+)", header).group(1)
                 for p in ("MAJOR", "MINOR", "PATCH")]
        self.version = ".".join(parts)

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # The ranges the headers are tested with: Boost 1.74 (Debian 12) and newer; xtensor
        # 0.24 (flat include layout) through 0.27 (folder layout), with the matching xtl.
        self.requires("boost/[>=1.74.0 <2]")
        self.requires("xtensor/[>=0.24.3 <0.28]")
        self.requires("xtl/[>=0.7.2 <0.9]")
        if self.options.with_calibration:
            self.requires("eigen/[>=3.4.0 <4]")
        if self.options.with_mpi:
            self.requires("openmpi/[>=4.1 <6]")
            self.requires("nlohmann_json/[>=3.10 <4]")

    def configure(self):
        if self.options.with_mpi:
            self.options["boost"].without_mpi = False  # Boost.MPI

    def package_id(self):
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, 20)
        compiler = str(self.settings.compiler)
        minimum = self._minimum_compilers.get(compiler)
        if minimum is None:
            raise ConanInvalidConfiguration(
                f"{self.ref} needs the GCC vector extensions: gcc >= 12 or clang >= 14, not {compiler}")
        if Version(self.settings.compiler.version) < minimum:
            raise ConanInvalidConfiguration(
                f"{self.ref} needs {compiler} >= {minimum}, not {self.settings.compiler.version}")
        if self.settings.os == "Windows":
            raise ConanInvalidConfiguration(f"{self.ref} needs a POSIX system (checkpoints use <unistd.h>)")

    def generate(self):
        CMakeToolchain(self).generate()
        CMakeDeps(self).generate()

    def build(self):
        pass  # header-only: nothing to build; package() installs the headers

    def package(self):
        cmake = CMake(self)
        cmake.configure(variables={
            "SPINAPTIC_INSTALL": "ON",
            "SPINAPTIC_WITH_CALIBRATION": "OFF",  # the components come from package_info, not CMake
            "SPINAPTIC_WITH_MPI": "OFF",
            "SPINAPTIC_BUILD_TESTS": "OFF",
            "SPINAPTIC_BUILD_BENCHMARKS": "OFF",
            "SPINAPTIC_BUILD_EXAMPLES": "OFF",
        })
        cmake.install()
        # the MPI component's headers, which the CMake install adds only where MPI was found
        copy(self, "*.hpp", src=os.path.join(self.source_folder, "include", "spinaptic", "mpi"),
             dst=os.path.join(self.package_folder, "include", "spinaptic", "mpi"))
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        # CMakeDeps writes the consumers' config files; the project's own would shadow them.
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "spinaptic")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        core = self.cpp_info.components["core"]
        core.set_property("cmake_target_name", "spinaptic::spinaptic")
        core.requires = ["boost::headers", "xtensor::xtensor", "xtl::xtl"]
        core.bindirs = []
        core.libdirs = []
        if self.settings.os in ("Linux", "FreeBSD"):
            core.system_libs = ["pthread"]  # the worker pool uses std::thread
        if self.options.with_calibration:
            calibration = self.cpp_info.components["calibration"]
            calibration.set_property("cmake_target_name", "spinaptic::calibration")
            calibration.requires = ["core", "eigen::eigen"]
            calibration.bindirs = []
            calibration.libdirs = []
        if self.options.with_mpi:
            mpi = self.cpp_info.components["mpi"]
            mpi.set_property("cmake_target_name", "spinaptic::mpi")
            mpi.requires = ["core", "boost::mpi", "openmpi::openmpi", "nlohmann_json::nlohmann_json"]
            mpi.bindirs = []
            mpi.libdirs = []
