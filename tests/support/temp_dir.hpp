// tests/support/temp_dir.hpp: a fresh temporary directory per test, removed afterwards, and
// helpers to write small files into it and to catch the file_error a reader throws.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <spinaptic/error.hpp>

namespace spinaptic::testing {

class temp_dir {
 public:
  temp_dir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("spinaptic-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name), std::ios::binary) << text;
    return file(name);
  }
  std::string write_bytes(const std::string& name, const std::vector<unsigned char>& bytes) const {
    std::ofstream(file(name), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

/// Number of entries (files and folders) in `directory`.
inline std::size_t entries(const std::string& directory) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(directory)) ++n;
  return n;
}

/// The message of the spinaptic::file_error that `f()` throws, or "no error".
template <class F>
std::string file_error_message(F&& f) {
  try {
    f();
  } catch (const spinaptic::file_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace spinaptic::testing
