// spinaptic/mpi/sweep_scheduler.hpp: a sweep over MPI ranks with dynamic load balancing. Rank 0
// hands out point indices one at a time, the ranks report results back, and rank 0 alone writes
// the CSV journal (result_journal.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <optional>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/serialization/string.hpp>
#include <boost/mpi/communicator.hpp>

#include "spinaptic/mpi/result_journal.hpp"
#include "spinaptic/mpi/sweep_file.hpp"
#include "spinaptic/mpi/sweep_point.hpp"

namespace spinaptic::mpi {

/// What one rank did in a sweep.
struct sweep_report {
  std::size_t points = 0;           ///< points in the sweep
  std::size_t skipped = 0;          ///< already in the CSV when the run started (resume)
  std::size_t computed_here = 0;    ///< points this rank evaluated
  double busy_seconds = 0.0;        ///< wall time this rank spent evaluating points
};

/// An error that run_sweep throws on every rank at once, with the same message (the journal
/// could not be opened): a program may report it once, on rank 0, and return from main on every
/// rank (no MPI_Abort).
class collective_error : public error {
 public:
  using error::error;
};

namespace detail_scheduler {
inline constexpr int tag_result = 11;  ///< worker -> rank 0: {index or -1, results...}
inline constexpr int tag_assign = 12;  ///< rank 0 -> worker: index, or -1 = stop
inline constexpr int result_size = 6;  ///< index, then the five doubles of point_result

inline void pack(double* m, std::int64_t index, const point_result& r) {
  m[0] = double(index);
  m[1] = r.test_accuracy;
  m[2] = r.train_accuracy;
  m[3] = r.energy_J;
  m[4] = r.laser_energy_J;
  m[5] = r.joule_energy_J;
}
inline point_result unpack(const double* m) { return {m[1], m[2], m[3], m[4], m[5]}; }
}  // namespace detail_scheduler

/// Runs `s` over the ranks of `world`, appending each finished point to the CSV at `csv_path`
/// (rank 0 writes; `resume` continues a file left by an earlier run, skipping its points).
/// `evaluate(settings) -> point_result` computes one point and must be deterministic in its
/// argument (evaluate_point is). Collective: every rank calls it with the same sweep.
///
/// Protocol (tags detail_scheduler::tag_*): a worker rank sends {-1} to ask for work, then
/// {index, results} after each point, and gets back the next index or -1 (stop). Rank 0 runs
/// the coordinator on its main thread (the only thread that calls MPI: MPI_THREAD_FUNNELED) and
/// evaluates points itself on a second thread, so that with R ranks R points run at once. The
/// coordinator polls with MPI_Iprobe and sleeps 0.2 ms when idle, taking no core from the ranks.
/// When every point is in the file, rank 0 sorts it by index: the final CSV is the same, byte for
/// byte, for any rank count and for any number of kills and resumes.
/// Rank 0 opens the journal before any point is handed out; when that fails (the CSV is locked
/// by another job, foreign, or of another sweep) every rank throws the same collective_error.
/// Under an MPI launcher (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_RANK set) the journal stops
/// appending once the launcher has exited (result_journal's stop_if_orphaned).
template <class Evaluate>
sweep_report run_sweep(const boost::mpi::communicator& world, const sweep& s, const std::string& csv_path, bool resume,
                       Evaluate evaluate) {
  using namespace detail_scheduler;
  sweep_report report;
  report.points = s.points.size();
  auto timed = [&](std::size_t index) {
    const auto t0 = std::chrono::steady_clock::now();
    const point_result r = evaluate(s.points[index]);
    report.busy_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++report.computed_here;
    return r;
  };

  // rank 0 opens the journal; its verdict reaches every rank before the first point
  std::optional<result_journal> journal;
  std::string refused;
  if (world.rank() == 0) {
    const bool launched = std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") || std::getenv("PMI_RANK");
    try {
      journal.emplace(csv_path, csv_header(), resume, s.points.size(),
                      [&](std::size_t i) { return csv_settings(i, s.points[i]); }, launched);
    } catch (const error& e) {
      refused = e.what();
    }
  }
  boost::mpi::broadcast(world, refused, 0);
  if (!refused.empty()) throw collective_error(refused);

  if (world.rank() != 0) {  // a worker
    double message[result_size] = {-1, 0, 0, 0, 0, 0};
    for (;;) {
      world.send(0, tag_result, message, result_size);
      std::int64_t index = -1;
      world.recv(0, tag_assign, index);
      if (index < 0) break;
      pack(message, index, timed(std::size_t(index)));
    }
    world.barrier();
    return report;
  }

  // rank 0: the coordinator, the only writer, and one more worker on a thread
  report.skipped = journal->finished().size();
  std::deque<std::size_t> todo;
  for (std::size_t i = 0; i < s.points.size(); ++i)
    if (!journal->finished().count(i)) todo.push_back(i);

  std::mutex lock;  // guards todo and local_results
  std::vector<std::pair<std::size_t, point_result>> local_results;
  std::exception_ptr local_failure;
  std::atomic<bool> local_done{false};
  auto next = [&]() -> std::int64_t {
    std::lock_guard guard(lock);
    if (todo.empty()) return -1;
    const std::size_t i = todo.front();
    todo.pop_front();
    return std::int64_t(i);
  };
  std::thread local([&] {
    try {
      for (std::int64_t i; (i = next()) >= 0;) {
        const point_result r = timed(std::size_t(i));
        std::lock_guard guard(lock);
        local_results.emplace_back(std::size_t(i), r);
      }
    } catch (...) {
      local_failure = std::current_exception();
    }
    local_done = true;
  });

  auto write = [&](std::size_t i, const point_result& r) { journal->append(i, csv_row(i, s.points[i], r)); };
  int workers = world.size() - 1;
  try {
    while (workers > 0 || !local_done) {
      bool busy = false;
      {
        std::vector<std::pair<std::size_t, point_result>> ready;
        {
          std::lock_guard guard(lock);
          ready.swap(local_results);
        }
        for (const auto& [i, r] : ready) write(i, r);
        busy = !ready.empty();
      }
      while (workers > 0) {
        const auto status = world.iprobe(boost::mpi::any_source, tag_result);
        if (!status) break;
        double message[result_size];
        world.recv(status->source(), tag_result, message, result_size);
        if (message[0] >= 0) write(std::size_t(message[0]), unpack(message));
        const std::int64_t i = next();
        world.send(status->source(), tag_assign, i);
        if (i < 0) --workers;
        busy = true;
      }
      if (!busy) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  } catch (...) {
    {
      std::lock_guard guard(lock);
      todo.clear();
    }
    local.join();
    throw;
  }
  local.join();
  for (const auto& [i, r] : local_results) write(i, r);
  if (local_failure) std::rethrow_exception(local_failure);
  journal->sort_by_index();
  world.barrier();
  return report;
}

}  // namespace spinaptic::mpi
