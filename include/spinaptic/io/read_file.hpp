// spinaptic/io/read_file.hpp: a whole file read into memory, for the readers that parse it
// (csv.hpp, digits_csv.hpp, idx.hpp, checkpoint.hpp, device/measured_response.hpp); every failure
// is a file_error naming the file. Only regular files (or links to them) are read: a device such
// as /dev/zero (endless bytes), a FIFO (whose open blocks until a writer comes) or a socket is
// refused up front, before it is opened.
#pragma once

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

#include "spinaptic/error.hpp"

namespace spinaptic::io {

namespace detail_read_file {
/// Opens `path` for binary reading; a missing file, a directory, anything else that is not a
/// regular file (device, FIFO, socket) or an unreadable file throws file_error naming it.
inline std::ifstream open(const std::string& path) {
  // stat(2) follows links, as std::filesystem::status does (<filesystem> costs about 0.1 s of CPU
  // in every unit); a path that cannot be stat'ed is left to the open below to report.
  struct ::stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) throw file_error(path, "", "is a directory, not a file");
    if (!S_ISREG(status.st_mode))
      throw file_error(path, "", "is not a regular file (a device, FIFO or socket): refused before reading");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error(path, "", "cannot open file for reading");
  return in;
}
}  // namespace detail_read_file

/// The whole file `path` as text (bytes, unchanged); an unreadable file throws file_error naming
/// it, and so does a failure to allocate its size.
[[nodiscard]] inline std::string read_text_file(const std::string& path) {
  return detail::reading_file(path, [&] {
    std::ifstream in = detail_read_file::open(path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw file_error(path, "", "read error");
    return std::move(buffer).str();
  });
}

/// The whole file `path` as bytes (errors of read_text_file).
[[nodiscard]] inline std::vector<unsigned char> read_file_bytes(const std::string& path) {
  return detail::reading_file(path, [&] {
    std::ifstream in = detail_read_file::open(path);
    std::vector<unsigned char> bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
    if (in.bad()) throw file_error(path, "", "read error");
    return bytes;
  });
}

}  // namespace spinaptic::io
