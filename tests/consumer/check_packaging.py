"""Checks the packaging files CI cannot run (no Conan or vcpkg there):
conanfile.py and test_package/conanfile.py are valid Python with the attributes Conan 2 needs,
and the vcpkg manifests are valid JSON whose versions agree with include/spinaptic/version.hpp.
    check_packaging.py <source dir> <project version>"""
import ast
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
version = sys.argv[2]
failures = []


def class_assignments(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    if len(classes) != 1:
        failures.append(f"{path}: expected one ConanFile class, found {len(classes)}")
        return {}, set()
    body = classes[0].body
    values = {t.id: node.value for node in body if isinstance(node, ast.Assign)
              for t in node.targets if isinstance(t, ast.Name)}
    methods = {node.name for node in body if isinstance(node, ast.FunctionDef)}
    return values, methods


values, methods = class_assignments(root / "conanfile.py")
if not (isinstance(values.get("package_type"), ast.Constant)
        and values["package_type"].value == "header-library"):
    failures.append("conanfile.py: package_type is not 'header-library'")
for method in ("set_version", "requirements", "package_id", "validate", "package", "package_info"):
    if method not in methods:
        failures.append(f"conanfile.py: no {method}()")
_, test_methods = class_assignments(root / "test_package" / "conanfile.py")
for method in ("requirements", "build", "test"):
    if method not in test_methods:
        failures.append(f"test_package/conanfile.py: no {method}()")

for manifest in (root / "vcpkg.json", root / "ports" / "spinaptic" / "vcpkg.json"):
    try:
        data = json.loads(manifest.read_text())
    except json.JSONDecodeError as e:
        failures.append(f"{manifest}: not JSON: {e}")
        continue
    if data.get("name") != "spinaptic":
        failures.append(f"{manifest}: name is {data.get('name')!r}, not 'spinaptic'")
    if data.get("version-semver") != version:
        failures.append(f"{manifest}: version-semver {data.get('version-semver')!r} != {version} (version.hpp)")
    names = {d if isinstance(d, str) else d["name"] for d in data.get("dependencies", [])}
    for dependency in ("boost-units", "xtensor", "xtl"):
        if dependency not in names:
            failures.append(f"{manifest}: does not depend on {dependency}")

# Optional components (issue 19): the port's features, its usage file and the recipe's options.
port = json.loads((root / "ports" / "spinaptic" / "vcpkg.json").read_text())
features = port.get("features", {})
for feature, dependency in (("calibration", "eigen3"), ("mpi", "boost-mpi")):
    names = {d if isinstance(d, str) else d["name"] for d in features.get(feature, {}).get("dependencies", [])}
    if dependency not in names:
        failures.append(f"ports/spinaptic/vcpkg.json: feature {feature!r} missing or without {dependency}")
usage = root / "ports" / "spinaptic" / "usage"
if not usage.is_file() or "COMPONENTS calibration" not in usage.read_text() or "COMPONENTS mpi" not in usage.read_text():
    failures.append("ports/spinaptic/usage: missing, or does not show COMPONENTS calibration and mpi")
portfile_path = root / "ports" / "spinaptic" / "portfile.cmake"
portfile = portfile_path.read_text() if portfile_path.is_file() else ""
for option in ("SPINAPTIC_WITH_CALIBRATION", "SPINAPTIC_WITH_MPI"):
    if option not in portfile:
        failures.append(f"ports/spinaptic/portfile.cmake: feature option {option} not passed")
options = values.get("options")
option_names = {k.value for k in options.keys} if isinstance(options, ast.Dict) else set()
for option in ("with_calibration", "with_mpi"):
    if option not in option_names:
        failures.append(f"conanfile.py: no option {option}")

if not (root / "ports" / "spinaptic" / "portfile.cmake").is_file():
    failures.append("ports/spinaptic/portfile.cmake is missing")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"packaging files agree on {version}")
