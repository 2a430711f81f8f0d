// python/src/module.cpp: spinaptic._core, the compiled half of the Python package `spinaptic`
// (pybind11 2.10): the version, the exception mapping, and one register_* per area.
#include <pybind11/pybind11.h>

#include <spinaptic/error.hpp>
#include <spinaptic/version.hpp>

#include "common.hpp"

namespace spinaptic::python {

/// spinaptic::error -> Python exceptions with the same message:
///   Error(Exception)                  base of all of them
///   InvalidValueError(Error, ValueError)  invalid_parameter, size_mismatch, index_out_of_range, other errors
///   FileError(Error, OSError)         file_error (malformed or unreadable files)
void register_errors(py::module_& m) {
  static PyObject* base = PyErr_NewExceptionWithDoc(
      "spinaptic._core.Error", "Base of every exception spinaptic raises on purpose.", PyExc_Exception, nullptr);
  py::tuple value_bases = py::make_tuple(py::handle(base), py::handle(PyExc_ValueError));
  static PyObject* invalid_value = PyErr_NewExceptionWithDoc(
      "spinaptic._core.InvalidValueError",
      "A parameter outside its allowed range, arrays that do not fit together, a wrong dtype; the "
      "message names the parameter, the value and the allowed range.",
      value_bases.ptr(), nullptr);
  py::tuple file_bases = py::make_tuple(py::handle(base), py::handle(PyExc_OSError));
  static PyObject* file = PyErr_NewExceptionWithDoc(
      "spinaptic._core.FileError", "A missing, unreadable or malformed file; the message names the file and where in it.",
      file_bases.ptr(), nullptr);
  m.add_object("Error", py::handle(base));
  m.add_object("InvalidValueError", py::handle(invalid_value));
  m.add_object("FileError", py::handle(file));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const spinaptic::file_error& e) {
      PyErr_SetString(file, e.what());
    } catch (const spinaptic::error& e) {
      PyErr_SetString(invalid_value, e.what());
    }
  });
}

void register_spiking(py::module_& m);     // spiking.cpp
void register_diehl_cook(py::module_& m);  // diehl_cook.cpp
void register_opto_electronic(py::module_& m);  // opto_electronic.cpp
void register_field_sweep(py::module_& m);  // field_sweep.cpp

}  // namespace spinaptic::python

PYBIND11_MODULE(_core, m) {
  namespace sp = spinaptic::python;
  m.doc() = "spinaptic._core: the compiled part of the spinaptic package (use `import spinaptic`).";
  m.attr("__version__") = SPINAPTIC_VERSION_STRING;
  m.attr("version_info") = pybind11::make_tuple(SPINAPTIC_VERSION_MAJOR, SPINAPTIC_VERSION_MINOR, SPINAPTIC_VERSION_PATCH);
  sp::register_errors(m);
  sp::register_junction(m);
  sp::register_crossbar(m);
  sp::register_data(m);
  sp::register_dynamics(m);
  sp::register_sweep(m);
  sp::register_spiking(m);
  sp::register_diehl_cook(m);
  sp::register_opto_electronic(m);
  sp::register_field_sweep(m);
}
