// python/src/common.hpp: what every binding file of spinaptic._core shares: numpy arrays of
// SI doubles in, the broadcast loop, and the registration functions of each area.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/error.hpp>

namespace spinaptic::python {

namespace py = pybind11;

/// `obj` as a float64 numpy array (a view when it is one already, else a converted copy).
/// Integer and floating arrays and Python numbers convert; any other dtype (complex, bool,
/// object, strings) throws invalid_parameter-like spinaptic::error naming the parameter.
inline py::array_t<double> as_float_array(const py::handle& obj, const char* name) {
  py::array a = py::array::ensure(obj);
  if (!a) {
    PyErr_Clear();
    throw spinaptic::error(std::string("spinaptic: parameter '") + name +
                           "' is not convertible to an array; allowed: real numbers (float64)");
  }
  const char kind = a.dtype().kind();
  if (kind == 'f' && a.dtype().itemsize() == 8) return py::reinterpret_borrow<py::array_t<double>>(a);
  if (kind == 'f' || kind == 'i' || kind == 'u') return py::array_t<double, py::array::forcecast>::ensure(a);
  throw spinaptic::error(std::string("spinaptic: parameter '") + name + "' has dtype " +
                         std::string(py::str(a.dtype())) + "; allowed: real numbers (float64, or an integer or float dtype)");
}

/// The broadcast shape of two arrays (numpy rules), or a size_mismatch naming the axis.
inline std::vector<py::ssize_t> broadcast_shape(const py::array& a, const py::array& b, const char* what) {
  const py::ssize_t n = std::max(a.ndim(), b.ndim());
  std::vector<py::ssize_t> shape(static_cast<std::size_t>(n));
  for (py::ssize_t k = 0; k < n; ++k) {
    const py::ssize_t ka = k - (n - a.ndim()), kb = k - (n - b.ndim());
    const py::ssize_t da = ka >= 0 ? a.shape(ka) : 1, db = kb >= 0 ? b.shape(kb) : 1;
    if (da != db && da != 1 && db != 1)
      throw size_mismatch(std::string(what) + " (the arrays do not broadcast: axis " + std::to_string(k) + ")",
                          static_cast<std::size_t>(da), static_cast<std::size_t>(db));
    shape[static_cast<std::size_t>(k)] = da == 1 ? db : da;
  }
  return shape;
}

/// out[k] = f(a[k], b[k]) over the broadcast of two float64 arrays, into a new C-contiguous
/// array; f(a, b, out, count, stride_a, stride_b) fills `count` outputs (strides in elements).
/// Contiguous inputs of the same shape take one flat loop; any other layout an odometer
/// over the broadcast shape with per-input byte strides (0 on broadcast axes). `f` runs without
/// the GIL and may throw spinaptic::error.
template <class F>
py::array_t<double> broadcast_apply(const py::array_t<double>& a, const py::array_t<double>& b, const char* what, F f) {
  const auto shape = broadcast_shape(a, b, what);
  py::array_t<double> out(shape);
  const std::size_t n = static_cast<std::size_t>(out.size()), rank = shape.size();
  const double* pa = a.data();
  const double* pb = b.data();
  double* po = out.mutable_data();
  const bool flat = a.size() == out.size() && b.size() == out.size() &&
                    (a.flags() & py::array::c_style) && (b.flags() & py::array::c_style);
  std::vector<py::ssize_t> sa(rank, 0), sb(rank, 0);
  for (std::size_t k = 0; k < rank; ++k) {
    const auto ka = static_cast<py::ssize_t>(k) - static_cast<py::ssize_t>(rank) + a.ndim();
    const auto kb = static_cast<py::ssize_t>(k) - static_cast<py::ssize_t>(rank) + b.ndim();
    if (ka >= 0 && a.shape(ka) != 1) sa[k] = a.strides(ka);
    if (kb >= 0 && b.shape(kb) != 1) sb[k] = b.strides(kb);
  }
  py::gil_scoped_release unlocked;
  if (flat) {
    f(pa, pb, po, n, py::ssize_t{1}, py::ssize_t{1});
    return out;
  }
  if (n == 0) return out;
  // odometer over all axes but the last; the last axis is one strided call of f
  const std::size_t inner = rank ? static_cast<std::size_t>(shape[rank - 1]) : 1;
  const py::ssize_t ia = rank ? sa[rank - 1] / py::ssize_t(sizeof(double)) : 0;  // element strides
  const py::ssize_t ib = rank ? sb[rank - 1] / py::ssize_t(sizeof(double)) : 0;
  std::vector<py::ssize_t> index(rank, 0);
  for (std::size_t done = 0; done < n; done += inner) {
    py::ssize_t oa = 0, ob = 0;
    for (std::size_t k = 0; k + 1 < rank; ++k) oa += index[k] * sa[k], ob += index[k] * sb[k];
    f(reinterpret_cast<const double*>(reinterpret_cast<const char*>(pa) + oa),
      reinterpret_cast<const double*>(reinterpret_cast<const char*>(pb) + ob), po + done, inner, ia, ib);
    for (std::size_t k = rank - 1; k-- > 0;) {  // next index of the outer axes
      if (++index[k] < shape[k]) break;
      index[k] = 0;
    }
  }
  return out;
}

void register_errors(py::module_& m);
void register_junction(py::module_& m);
void register_crossbar(py::module_& m);
void register_data(py::module_& m);
void register_dynamics(py::module_& m);
void register_sweep(py::module_& m);

}  // namespace spinaptic::python
