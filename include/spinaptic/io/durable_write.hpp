#pragma once
/// \file
/// Crash-safe replacement of a file: write a uniquely named temporary beside it, fsync, rename
/// over the target, fsync the directory (the POSIX rename(2) atomicity guarantee). Used by the
/// checkpoint writer and by device::write_sweep.

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include "spinaptic/error.hpp"

namespace spinaptic::io {

namespace detail_durable_write {
/// A unique temporary name beside `path`: process id, thread and a process-wide counter.
inline std::string temporary_name(const std::string& path) {
  static std::atomic<std::uint64_t> counter{0};
  const std::size_t thread = std::hash<std::thread::id>{}(std::this_thread::get_id());
  char tail[96];
  std::snprintf(tail, sizeof tail, ".tmp-%lld-%zx-%llu", static_cast<long long>(::getpid()), thread,
                static_cast<unsigned long long>(counter.fetch_add(1)));
  return path + tail;
}
/// The folder that holds `path`: what precedes its last '/' ("/" for a file in the root, "." for
/// a bare file name).
inline std::string parent_directory(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? std::string("/") : path.substr(0, slash);
}
/// The operating system's text for errno value `e`.
inline std::string os_message(int e) { return std::system_category().message(e); }
/// Closes a descriptor once; close() reports the error of a delayed write.
class descriptor {
 public:
  /// Owns `fd` (a negative value owns nothing).
  explicit descriptor(int fd) noexcept : fd_(fd) {}
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
  ~descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  /// The descriptor, -1 after close().
  [[nodiscard]] int get() const noexcept { return fd_; }
  /// 0, or the errno of a failed close.
  int close() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? 0 : errno;
  }

 private:
  int fd_;
};
/// Removes the temporary file unless it was renamed into place.
class temporary_file {
 public:
  /// Will remove the file `name` on destruction unless keep() is called.
  explicit temporary_file(std::string name) : name_(std::move(name)) {}
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;
  ~temporary_file() {
    if (!name_.empty()) ::unlink(name_.c_str());
  }
  /// The temporary's path ("" once kept).
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The file was renamed into place: do not remove it.
  void keep() noexcept { name_.clear(); }

 private:
  std::string name_;
};

}  // namespace detail_durable_write

/// Writes `text` to a fresh temporary beside `path`, fsyncs it, renames it over `path` and
/// fsyncs the directory, so that once this returns the new file survives a power loss, and a
/// crash at any point leaves either the old or the new file under `path`. The temporary is
/// removed on every failure path.
inline void write_file_durably(const std::string& path, std::string_view text) {
  std::string name;
  int fd = -1, e = 0;
  for (int attempt = 0; attempt < 64 && fd < 0; ++attempt) {  // O_EXCL: never share a temporary
    name = detail_durable_write::temporary_name(path);
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    e = errno;
    if (fd < 0 && e != EEXIST) break;
  }
  if (fd < 0) throw file_error(name, "", "cannot create the temporary file: " + detail_durable_write::os_message(e));
  detail_durable_write::descriptor file(fd);
  detail_durable_write::temporary_file temporary(name);
  for (std::size_t done = 0; done < text.size();) {
    const ::ssize_t n = ::write(file.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw file_error(name, file_error::at_offset(done),
                       "write failed: " + detail_durable_write::os_message(n < 0 ? errno : EIO) + " (the temporary is removed)");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(file.get()) != 0)
    throw file_error(name, "", "fsync failed: " + detail_durable_write::os_message(errno) + " (the temporary is removed)");
  if (const int c = file.close(); c != 0)
    throw file_error(name, "", "close failed: " + detail_durable_write::os_message(c) + " (the temporary is removed)");
  if (::rename(name.c_str(), path.c_str()) != 0)
    throw file_error(path, "", "cannot rename the temporary file into place: " + detail_durable_write::os_message(errno));
  temporary.keep();
  const std::string directory = detail_durable_write::parent_directory(path);
  detail_durable_write::descriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0)
    throw file_error(path, "", "saved, but its directory cannot be opened to fsync it: " + detail_durable_write::os_message(errno));
  if (::fsync(dir.get()) != 0 && errno != EINVAL)  // EINVAL: a file system without directory fsync
    throw file_error(path, "", "saved, but fsync of its directory failed: " + detail_durable_write::os_message(errno));
}

}  // namespace spinaptic::io
