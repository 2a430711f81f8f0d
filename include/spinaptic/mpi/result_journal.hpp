// spinaptic/mpi/result_journal.hpp: the one CSV file of a sweep, appended row by row (each row
// flushed and fsynced before the next point is handed out), resumable after a kill at any moment,
// locked against a second job, sorted by point index when the sweep completes.
#pragma once

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"

namespace spinaptic::mpi {

/// What a journal file holds, as parse_journal finds it.
struct journal_contents {
  std::set<std::size_t> finished;  ///< indices of the complete rows
  std::size_t complete_bytes = 0;  ///< bytes of the header and the complete rows (a longer file ends in a partial line)
  bool has_header = false;         ///< false: the file is empty (a new journal)
};

namespace detail_journal {
/// The point index at the start of `row` (decimal digits up to the first comma), or false.
inline bool row_index(std::string_view row, std::size_t& index) {
  const auto comma = row.find(',');
  if (comma == 0 || comma == std::string_view::npos) return false;
  const auto [end, ec] = std::from_chars(row.data(), row.data() + comma, index);
  return ec == std::errc() && end == row.data() + comma;
}

/// "pid N" of the process holding a flock(2) on the file `st` describes, read from /proc/locks
/// (Linux), or "another process" when it cannot be told.
inline std::string lock_holder(const struct stat& st) {
  std::ifstream locks("/proc/locks");
  std::string line;
  char device[64];
  std::snprintf(device, sizeof device, "%02x:%02x:%llu", unsigned(major(st.st_dev)), unsigned(minor(st.st_dev)),
                static_cast<unsigned long long>(st.st_ino));
  while (std::getline(locks, line)) {  // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
    if (line.find("->") != std::string::npos || line.find(" FLOCK ") == std::string::npos) continue;
    const auto at = line.find(std::string(" ") + device + " ");
    if (at == std::string::npos) continue;
    const auto pid_start = line.rfind(' ', at - 1);
    if (pid_start == std::string::npos) continue;
    return "pid " + line.substr(pid_start + 1, at - pid_start - 1);
  }
  return "another process";
}
}  // namespace detail_journal

/// Parses the text of a journal file `path` (which only names it in errors). The file must be
/// empty or start with the line `header`: anything else is a foreign file (a notes file, the
/// sweep file itself) and throws file_error before a caller changes a byte of it. Each complete
/// row (ending in a newline) must start with its point index, < `points`, once, followed by
/// `expected_prefix(index)` + ',' (the point's settings: a resume of a different sweep is
/// refused); a last line without its newline is a row cut by a kill and is not counted (it lies
/// beyond complete_bytes). Without `resume` a file with complete rows is refused.
[[nodiscard]] inline journal_contents parse_journal(std::string_view text, const std::string& path, const std::string& header,
                                                    bool resume, std::size_t points,
                                                    const std::function<std::string(std::size_t)>& expected_prefix) {
  journal_contents c;
  if (text.empty()) return c;
  if (text.size() <= header.size() || text.compare(0, header.size(), header) != 0 || text[header.size()] != '\n')
    throw file_error(path, file_error::at_line(1, 1),
                     "header differs from this sweep's CSV header: not a journal of this sweep (a different sweep, or "
                     "not a sweep CSV at all); the file is left untouched: pass another --csv");
  c.has_header = true;
  std::size_t pos = header.size() + 1, number = 1;
  c.complete_bytes = pos;
  for (;;) {
    const auto end = text.find('\n', pos);
    if (end == std::string_view::npos) break;  // no line, or a partial last line
    ++number;
    const std::string_view row = text.substr(pos, end - pos);
    const std::string where = file_error::at_line(number, 1);
    if (!resume) throw file_error(path, "", "holds finished points; pass --resume to continue it, or remove it");
    std::size_t index = 0;
    if (!detail_journal::row_index(row, index)) throw file_error(path, where, "row does not start with a point index");
    if (index >= points) throw file_error(path, where, "point index " + std::to_string(index) + " is not in this sweep");
    const std::string prefix = expected_prefix(index) + ",";
    if (row.substr(0, prefix.size()) != prefix)
      throw file_error(path, where, "row of point " + std::to_string(index) + " has other settings than this sweep's point");
    if (!c.finished.insert(index).second)
      throw file_error(path, where, "point " + std::to_string(index) + " appears twice");
    pos = end + 1;
    c.complete_bytes = pos;
  }
  return c;
}

/// Append-only CSV journal of finished points. Row k starts with the point index, then a comma.
/// Durability: `append` issues one write(2) of the whole line and fsync(2) before it returns, so
/// a row in the file is complete and on disk; a kill during the write leaves at most one partial
/// last line, which `open` with resume drops (that point counts as unfinished and runs again).
/// Nothing is lost and nothing repeats: the finished set is exactly the complete rows.
/// Exclusion: the journal holds flock(LOCK_EX) on the file from construction to destruction, so
/// a second job on the same CSV is refused (file_error naming the file and the holder's pid).
class result_journal {
 public:
  /// Opens `path` with `header` as its first line (see parse_journal for what an existing file
  /// must hold; it is checked, and a foreign file refused, before anything in it changes). Without
  /// `resume` the file must not hold rows. `stop_if_orphaned`: append() refuses once the process
  /// that started this one has exited (getppid() changed): ranks launched by mpirun stop writing
  /// as soon as mpirun is killed. A path that is not a regular file, or that another journal has
  /// locked, throws file_error.
  result_journal(std::string path, const std::string& header, bool resume, std::size_t points,
                 const std::function<std::string(std::size_t)>& expected_prefix, bool stop_if_orphaned = false)
      : path_(std::move(path)), parent_(stop_if_orphaned ? ::getppid() : 0) {
    struct stat st{};
    if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
      throw file_error(path_, "", "is not a regular file; the sweep CSV must be one");
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0644);
    if (fd_ < 0) throw file_error(path_, "", std::string("cannot open for appending: ") + std::strerror(errno));
    try {
      if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) throw file_error(path_, "", "is not a regular file; the sweep CSV must be one");
      if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
          throw file_error(path_, "", "is locked by " + detail_journal::lock_holder(st) +
                                          ": another sweep job writes this CSV; wait for it or pass another --csv");
        throw file_error(path_, "", std::string("cannot lock: ") + std::strerror(errno));
      }
      struct stat now{};
      if (::stat(path_.c_str(), &now) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev)
        throw file_error(path_, "", "was replaced while it was being opened (another job sorting it?); try again");
      // the first line alone first: a foreign file (even a large one) is refused before the rest is read
      if (const std::string head = read_all(header.size() + 1); !head.empty())
        (void)parse_journal(head, path_, header, resume, points, expected_prefix);
      const std::string text = read_all();
      const journal_contents c = parse_journal(text, path_, header, resume, points, expected_prefix);
      finished_ = c.finished;
      if (c.complete_bytes < text.size() && ::ftruncate(fd_, off_t(c.complete_bytes)) != 0)  // drop a partial last line
        throw file_error(path_, "", std::string("cannot drop the partial last line: ") + std::strerror(errno));
      if (!c.has_header) write_line(header);
    } catch (...) {
      ::close(fd_);
      throw;
    }
  }
  result_journal(const result_journal&) = delete;
  result_journal& operator=(const result_journal&) = delete;
  ~result_journal() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }

  /// Indices of the points already in the file (complete rows).
  [[nodiscard]] const std::set<std::size_t>& finished() const noexcept { return finished_; }

  /// Appends one row (no newline in `row`), flushed and fsynced before returning. Throws
  /// file_error, writing nothing, when the journal watches its parent and the parent has exited.
  void append(std::size_t index, const std::string& row) {
    if (parent_ != 0 && ::getppid() != parent_)
      throw file_error(path_, "", "the process that launched this one (pid " + std::to_string(parent_) +
                                      ", e.g. mpirun) has exited: row of point " + std::to_string(index) +
                                      " not written; the journal stops here (continue with --resume)");
    if (finished_.count(index)) throw invalid_parameter("point index appended twice", double(index), "each point once");
    write_line(row);
    finished_.insert(index);
  }

  /// Rewrites the file with its rows sorted by point index: a temporary file beside it (every
  /// write and the fsync checked), renamed over the journal, then the directory fsynced. The
  /// result no longer depends on which rank finished first. On a failure before the rename (a
  /// full disk) the temporary file is removed and the journal is left as it was; file_error says
  /// what failed.
  void sort_by_index() {
    const std::string text = read_all();
    const auto header_end = text.find('\n');
    if (header_end == std::string::npos) throw file_error(path_, file_error::at_line(1, 1), "no header line");
    std::vector<std::pair<std::size_t, std::string_view>> rows;
    std::size_t number = 1;
    for (std::size_t pos = header_end + 1; pos < text.size();) {
      const auto end = text.find('\n', pos);
      if (end == std::string::npos) throw file_error(path_, file_error::at_line(number + 1, 1), "partial last row");
      ++number;
      const std::string_view row(text.data() + pos, end - pos);
      std::size_t index = 0;
      if (!detail_journal::row_index(row, index)) throw file_error(path_, file_error::at_line(number, 1), "row does not start with a point index");
      rows.emplace_back(index, row);
      pos = end + 1;
    }
    std::sort(rows.begin(), rows.end());
    std::string sorted = text.substr(0, header_end + 1);
    for (const auto& r : rows) sorted.append(r.second).push_back('\n');

    std::string tmp = path_ + ".sorting-XXXXXX";
    const int fd = ::mkostemp(tmp.data(), O_APPEND | O_CLOEXEC);
    if (fd < 0) throw file_error(path_ + ".sorting-XXXXXX", "", std::string("cannot create: ") + std::strerror(errno));
    try {
      struct stat st{};
      if (::fstat(fd_, &st) != 0 || ::fchmod(fd, st.st_mode & 07777) != 0)
        throw file_error(tmp, "", std::string("cannot copy the journal's permissions: ") + std::strerror(errno));
      write_all(fd, sorted, tmp);
      if (::fsync(fd) != 0) throw file_error(tmp, "", std::string("fsync failed: ") + std::strerror(errno));
      if (::flock(fd, LOCK_EX | LOCK_NB) != 0) throw file_error(tmp, "", std::string("cannot lock: ") + std::strerror(errno));
      if (::rename(tmp.c_str(), path_.c_str()) != 0)
        throw file_error(tmp, "", "cannot rename over " + path_ + ": " + std::strerror(errno));
    } catch (...) {
      ::close(fd);
      ::unlink(tmp.c_str());
      throw;
    }
    ::close(fd_);  // the old inode; the sorted file, now at path_, holds the lock
    fd_ = fd;
    sync_directory();
  }

 private:
  /// The file's bytes from the start, at most `limit` of them.
  std::string read_all(std::size_t limit = std::string::npos) const {
    std::string text;
    char buffer[65536];
    for (off_t at = 0; text.size() < limit;) {
      const ssize_t n = ::pread(fd_, buffer, std::min(sizeof buffer, limit - text.size()), at);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw file_error(path_, "", std::string("read failed: ") + std::strerror(errno));
      if (n == 0) return text;
      text.append(buffer, std::size_t(n));
      at += n;
    }
    return text;
  }
  static void write_all(int fd, const std::string& text, const std::string& path) {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw file_error(path, "", std::string("write failed: ") + std::strerror(n < 0 ? errno : ENOSPC));
      done += std::size_t(n);
    }
  }
  void write_line(const std::string& row) {
    write_all(fd_, row + "\n", path_);
    if (::fsync(fd_) != 0) throw file_error(path_, "", std::string("fsync failed: ") + std::strerror(errno));
  }
  void sync_directory() const {
    const auto slash = path_.rfind('/');
    const std::string directory = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
    const int d = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d < 0 || ::fsync(d) != 0) {
      const int e = errno;
      if (d >= 0) ::close(d);
      throw file_error(directory, "", std::string("the sorted journal is in place, but syncing its directory failed: ") +
                                          std::strerror(e));
    }
    ::close(d);
  }

  std::string path_;
  pid_t parent_ = 0;  ///< the parent watched by append (0: none)
  int fd_ = -1;
  std::set<std::size_t> finished_;
};

}  // namespace spinaptic::mpi
