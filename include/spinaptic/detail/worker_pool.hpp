// spinaptic/detail/worker_pool.hpp: a fixed set of threads that run numbered tasks; not public API.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace spinaptic::detail {

/// `threads - 1` persistent workers plus the calling thread. `run(tasks, f)` calls f(t) for every
/// t in [0, tasks), task t on thread t % threads, and returns when all are done. Which thread
/// runs a task never changes what it computes, so results do not depend on the thread count as
/// long as tasks write disjoint outputs. No allocation per run (the callable is passed by
/// address through a plain function pointer, no std::function).
///
/// A training step lasts microseconds, so waking a sleeping thread (tens of us) would cost more
/// than the work: workers first spin on an atomic generation counter for a short while
/// (`spin_limit` checks), then sleep on a condition variable; the caller spins, then yields,
/// while it waits for them.
class worker_pool {
 public:
  static constexpr std::size_t spin_limit = 1u << 16;

  explicit worker_pool(std::size_t threads) : threads_(threads == 0 ? 1 : threads) {
    for (std::size_t w = 1; w < threads_; ++w) workers_.emplace_back([this, w] { work(w); });
  }
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;
  ~worker_pool() {
    {
      std::lock_guard lock(mutex_);
      stopping_.store(true, std::memory_order_relaxed);
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
  }

  [[nodiscard]] std::size_t threads() const noexcept { return threads_; }

  template <class F>
  void run(std::size_t tasks, F& f) {
    if (threads_ == 1 || tasks <= 1) {
      for (std::size_t t = 0; t < tasks; ++t) f(t);
      return;
    }
    context_ = &f;
    call_ = [](void* c, std::size_t t) { (*static_cast<F*>(c))(t); };
    tasks_ = tasks;
    pending_.store(threads_ - 1, std::memory_order_relaxed);
    {
      std::lock_guard lock(mutex_);  // so that a worker about to sleep cannot miss the change
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    for (std::size_t t = 0; t < tasks; t += threads_) f(t);
    for (std::size_t spins = 0; pending_.load(std::memory_order_acquire) != 0; ++spins)
      if (spins > spin_limit) std::this_thread::yield();
  }

 private:
  void work(std::size_t id) {
    std::size_t seen = 0;
    for (;;) {
      std::size_t spins = 0;
      while (generation_.load(std::memory_order_acquire) == seen && spins < spin_limit) ++spins;
      if (generation_.load(std::memory_order_acquire) == seen) {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return generation_.load(std::memory_order_acquire) != seen; });
      }
      seen = generation_.load(std::memory_order_acquire);
      if (stopping_.load(std::memory_order_relaxed)) return;
      for (std::size_t t = id; t < tasks_; t += threads_) call_(context_, t);
      pending_.fetch_sub(1, std::memory_order_acq_rel);
    }
  }

  std::size_t threads_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<std::size_t> generation_{0}, pending_{0};
  std::atomic<bool> stopping_{false};
  void* context_ = nullptr;  // written before generation_ is released, read after it is acquired
  void (*call_)(void*, std::size_t) = nullptr;
  std::size_t tasks_ = 0;
};

}  // namespace spinaptic::detail
