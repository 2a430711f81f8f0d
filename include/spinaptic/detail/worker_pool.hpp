// spinaptic/detail/worker_pool.hpp: a fixed set of threads that run numbered tasks; not public API.
#pragma once

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
class worker_pool {
 public:
  explicit worker_pool(std::size_t threads) : threads_(threads == 0 ? 1 : threads) {
    for (std::size_t w = 1; w < threads_; ++w) workers_.emplace_back([this, w] { work(w); });
  }
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;
  ~worker_pool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      ++generation_;
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
  }

  [[nodiscard]] std::size_t threads() const noexcept { return threads_; }

  template <class F>
  void run(std::size_t tasks, F& f) {
    if (threads_ == 1) {
      for (std::size_t t = 0; t < tasks; ++t) f(t);
      return;
    }
    {
      std::lock_guard lock(mutex_);
      context_ = &f;
      call_ = [](void* c, std::size_t t) { (*static_cast<F*>(c))(t); };
      tasks_ = tasks;
      pending_ = threads_ - 1;
      ++generation_;
    }
    wake_.notify_all();
    for (std::size_t t = 0; t < tasks; t += threads_) f(t);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
  }

 private:
  void work(std::size_t id) {
    std::size_t seen = 0;
    for (;;) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      if (stopping_) return;
      void* context = context_;
      void (*call)(void*, std::size_t) = call_;
      const std::size_t tasks = tasks_;
      lock.unlock();
      for (std::size_t t = id; t < tasks; t += threads_) call(context, t);
      lock.lock();
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::size_t threads_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::size_t generation_ = 0, tasks_ = 0, pending_ = 0;
  bool stopping_ = false;
  void* context_ = nullptr;
  void (*call_)(void*, std::size_t) = nullptr;
};

}  // namespace spinaptic::detail
