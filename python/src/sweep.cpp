// python/src/sweep.cpp: a design-space sweep (the JSON schema of tools/sweep, mpi/sweep_file.hpp)
// evaluated in-process on threads: one CSV row per point, in the columns of the MPI tool's journal.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <spinaptic/mpi/sweep_file.hpp>
#include <spinaptic/mpi/sweep_point.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

/// Evaluates every point of the sweep in `text` on `threads` threads (each point is one
/// mpi::evaluate_point, a function of its settings and the data alone, so the rows do not depend
/// on the thread count). The main thread waits with the GIL released and checks for Ctrl-C every
/// 50 ms: on Ctrl-C no new point starts, the running ones finish, and KeyboardInterrupt is raised.
/// Returns (CSV header, rows in point order).
py::tuple run(const std::string& text, const std::string& source, std::size_t threads) {
  if (threads < 1 || threads > 256) throw invalid_parameter("threads", double(threads), "[1, 256]");
  const mpi::sweep s = mpi::parse_sweep(text, source);
  const mpi::point_data data = mpi::point_data::load(s.data);
  const std::size_t n = s.points.size();
  std::vector<std::string> rows(n);
  const std::size_t workers = std::min(threads, n);
  std::atomic<std::size_t> next{0}, running{workers};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; !stop && (i = next++) < n;) {
      try {
        rows[i] = mpi::csv_row(i, s.points[i], mpi::evaluate_point(s.points[i], data));
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
    }
    --running;
  };
  bool interrupted = false;
  {
    py::gil_scoped_release unlocked;
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(work);
    while (running > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      py::gil_scoped_acquire held;
      if (PyErr_CheckSignals() != 0) {
        interrupted = true;
        stop = true;
        PyErr_Clear();
      }
    }
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
  if (interrupted) {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
  }
  py::list out;
  for (auto& r : rows) out.append(r);
  return py::make_tuple(mpi::csv_header(), out);
}

}  // namespace

void register_sweep(py::module_& m) {
  m.def("run_sweep_csv", &run, py::arg("text"), py::arg("source") = "<sweep>", py::arg("threads") = 1,
        "Runs the sweep described by the JSON `text` (the schema of tools/sweep: data, base, list, grid, seeds) "
        "on `threads` threads; returns (CSV header, [CSV row per point]) with the MPI tool's columns.");
}

}  // namespace spinaptic::python
