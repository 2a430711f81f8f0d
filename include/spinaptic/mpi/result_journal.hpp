// spinaptic/mpi/result_journal.hpp: the one CSV file of a sweep, appended row by row (each row
// flushed and fsynced before the next point is handed out), resumable after a kill at any moment,
// sorted by point index when the sweep completes.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"

namespace spinaptic::mpi {

/// Append-only CSV journal of finished points. Row k starts with the point index, then a comma.
/// Durability: `append` issues one write(2) of the whole line and fsync(2) before it returns, so
/// a row in the file is complete and on disk; a kill during the write leaves at most one partial
/// last line, which `open` with resume drops (that point counts as unfinished and runs again).
/// Nothing is lost and nothing repeats: the finished set is exactly the complete rows.
class result_journal {
 public:
  /// Opens `path` with `header` as its first line. Without `resume` the file must not hold rows
  /// (an existing file with rows throws file_error: pass resume or remove it). With `resume` the
  /// complete rows are kept and their indices returned by finished(); each must be < `points`, occur
  /// once, and start with `expected_prefix(index)` (the point's settings: a resume of a
  /// different sweep is refused), else file_error names the line.
  result_journal(std::string path, const std::string& header, bool resume, std::size_t points,
                 const std::function<std::string(std::size_t)>& expected_prefix)
      : path_(std::move(path)) {
    std::vector<std::string> rows;
    bool exists = std::filesystem::exists(path_);
    if (exists) {
      std::ifstream in(path_, std::ios::binary);
      std::ostringstream all;
      all << in.rdbuf();
      std::string text = all.str();
      const auto complete = text.rfind('\n');
      const std::size_t keep = complete == std::string::npos ? 0 : complete + 1;
      if (keep < text.size()) {  // a partial last line from a kill mid-write: drop it
        std::filesystem::resize_file(path_, keep);
        text.resize(keep);
      }
      std::istringstream lines(text);
      std::string line;
      std::size_t number = 0;
      while (std::getline(lines, line)) {
        ++number;
        if (number == 1) {
          if (line != header) throw file_error(path_, file_error::at_line(1, 1), "header differs from this sweep's CSV header");
          continue;
        }
        if (!resume) throw file_error(path_, "", "holds finished points; pass --resume to continue it, or remove it");
        std::size_t index = 0;
        const auto comma = line.find(',');
        try {
          index = std::stoul(line.substr(0, comma));
        } catch (const std::exception&) {
          throw file_error(path_, file_error::at_line(number, 1), "row does not start with a point index");
        }
        if (index >= points) throw file_error(path_, file_error::at_line(number, 1), "point index " + std::to_string(index) + " is not in this sweep");
        if (line.rfind(expected_prefix(index) + ",", 0) != 0)
          throw file_error(path_, file_error::at_line(number, 1), "row of point " + std::to_string(index) + " has other settings than this sweep's point");
        if (!finished_.insert(index).second)
          throw file_error(path_, file_error::at_line(number, 1), "point " + std::to_string(index) + " appears twice");
      }
      exists = number > 0;
    }
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) throw file_error(path_, "", std::string("cannot open for appending: ") + std::strerror(errno));
    if (!exists) write_line(header);
  }
  result_journal(const result_journal&) = delete;
  result_journal& operator=(const result_journal&) = delete;
  ~result_journal() {
    if (fd_ >= 0) ::close(fd_);
  }

  /// Indices of the points already in the file (complete rows).
  [[nodiscard]] const std::set<std::size_t>& finished() const noexcept { return finished_; }

  /// Appends one row (no newline in `row`), flushed and fsynced before returning.
  void append(std::size_t index, const std::string& row) {
    if (!finished_.insert(index).second)
      throw invalid_parameter("point index appended twice", double(index), "each point once");
    write_line(row);
  }

  /// Rewrites the file with its rows sorted by point index (temporary file, fsync, rename): the
  /// result no longer depends on which rank finished first.
  void sort_by_index() {
    std::ifstream in(path_);
    std::string header, line;
    std::getline(in, header);
    std::vector<std::pair<std::size_t, std::string>> rows;
    while (std::getline(in, line)) rows.emplace_back(std::stoul(line.substr(0, line.find(','))), line);
    std::sort(rows.begin(), rows.end());
    const std::string tmp = path_ + ".sorting";
    {
      const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) throw file_error(tmp, "", std::string("cannot write: ") + std::strerror(errno));
      std::string text = header + "\n";
      for (const auto& r : rows) text += r.second + "\n";
      write_all(fd, text, tmp);
      ::fsync(fd);
      ::close(fd);
    }
    std::filesystem::rename(tmp, path_);
  }

 private:
  static void write_all(int fd, const std::string& text, const std::string& path) {
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw file_error(path, "", std::string("write failed: ") + std::strerror(errno));
      done += std::size_t(n);
    }
  }
  void write_line(const std::string& row) {
    write_all(fd_, row + "\n", path_);
    if (::fsync(fd_) != 0) throw file_error(path_, "", std::string("fsync failed: ") + std::strerror(errno));
  }

  std::string path_;
  int fd_ = -1;
  std::set<std::size_t> finished_;
};

}  // namespace spinaptic::mpi
