// spinaptic/io/idx.hpp: reader for the IDX files of MNIST (LeCun, Bottou, Bengio & Haffner 1998;
// format described at the MNIST page: big-endian header, then unsigned bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "spinaptic/error.hpp"
#include "spinaptic/io/image_set.hpp"

namespace spinaptic::io {

namespace detail_idx {
/// The whole file as bytes; an unreadable file throws file_error.
inline std::vector<unsigned char> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error(path, "", "cannot open file for reading");
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Big-endian uint32 at `offset`; a file that ends before it is reported as truncated there.
inline std::uint32_t big_endian_u32(const std::vector<unsigned char>& b, std::size_t offset,
                                    const std::string& path, const char* field) {
  if (b.size() < offset + 4)
    throw file_error(path, file_error::at_offset(b.size()),
                     std::string("truncated header: the file ends before the ") + field + " (4 bytes at offset " +
                         std::to_string(offset) + ")");
  return (std::uint32_t(b[offset]) << 24) | (std::uint32_t(b[offset + 1]) << 16) |
         (std::uint32_t(b[offset + 2]) << 8) | std::uint32_t(b[offset + 3]);
}

/// Checks the magic number 0x0000 08 NN (unsigned bytes, NN dimensions) at offset 0.
inline void require_magic(const std::vector<unsigned char>& b, const std::string& path, std::uint32_t expected,
                          const char* kind) {
  const std::uint32_t magic = big_endian_u32(b, 0, path, "magic number");
  if (magic != expected) {
    char got[16], want[16];
    std::snprintf(got, sizeof got, "0x%08X", magic);
    std::snprintf(want, sizeof want, "0x%08X", expected);
    throw file_error(path, file_error::at_offset(0),
                     std::string("wrong magic number ") + got + ": expected " + want + " (IDX " + kind + ")");
  }
}

/// The payload must be exactly `payload` bytes after the `header` bytes.
inline void require_payload(const std::vector<unsigned char>& b, std::size_t header, std::size_t payload,
                            const std::string& path) {
  if (b.size() < header + payload)
    throw file_error(path, file_error::at_offset(b.size()),
                     "truncated: the header announces " + std::to_string(payload) + " data bytes (file size " +
                         std::to_string(header + payload) + "), the file ends here");
  if (b.size() > header + payload)
    throw file_error(path, file_error::at_offset(header + payload),
                     std::to_string(b.size() - header - payload) + " unexpected bytes after the announced data");
}
}  // namespace detail_idx

/// IDX3 images (magic 0x00000803): count x rows x columns unsigned bytes, pixel values 0..255.
/// Wrong magic, zero extents, a truncated file or trailing bytes throw file_error with the byte offset.
[[nodiscard]] inline image_set read_idx_images(const std::string& path) {
  const auto bytes = detail_idx::read_bytes(path);
  detail_idx::require_magic(bytes, path, 0x00000803u, "images: unsigned bytes, 3 dimensions");
  const std::size_t count = detail_idx::big_endian_u32(bytes, 4, path, "image count");
  const std::size_t rows = detail_idx::big_endian_u32(bytes, 8, path, "row count");
  const std::size_t columns = detail_idx::big_endian_u32(bytes, 12, path, "column count");
  if (rows == 0 || columns == 0)
    throw file_error(path, file_error::at_offset(rows == 0 ? 8 : 12),
                     "wrong dimensions: images of " + std::to_string(rows) + " x " + std::to_string(columns) +
                         " pixels");
  constexpr std::size_t header = 16;
  detail_idx::require_payload(bytes, header, count * rows * columns, path);
  image_set set{rows, columns, 255.0, 10, xt::xtensor<double, 2>::from_shape({count, rows * columns}), {}};
  double* out = set.pixels.data();
  for (std::size_t k = 0; k < count * rows * columns; ++k) out[k] = double(bytes[header + k]);
  set.labels.assign(count, 0);
  return set;
}

/// IDX1 labels (magic 0x00000801): count unsigned bytes, each in [0, classes).
/// A label out of range throws file_error with its byte offset.
[[nodiscard]] inline std::vector<std::uint8_t> read_idx_labels(const std::string& path, std::size_t classes = 10) {
  const auto bytes = detail_idx::read_bytes(path);
  detail_idx::require_magic(bytes, path, 0x00000801u, "labels: unsigned bytes, 1 dimension");
  const std::size_t count = detail_idx::big_endian_u32(bytes, 4, path, "label count");
  constexpr std::size_t header = 8;
  detail_idx::require_payload(bytes, header, count, path);
  std::vector<std::uint8_t> labels(count);
  for (std::size_t k = 0; k < count; ++k) {
    if (bytes[header + k] >= classes)
      throw file_error(path, file_error::at_offset(header + k),
                       "label " + std::to_string(int(bytes[header + k])) + " out of range [0, " +
                           std::to_string(classes - 1) + "]");
    labels[k] = bytes[header + k];
  }
  return labels;
}

/// An MNIST image file with its label file; differing counts throw file_error naming the labels
/// file at offset 4 (its count field).
[[nodiscard]] inline image_set read_idx(const std::string& images_path, const std::string& labels_path) {
  image_set set = read_idx_images(images_path);
  auto labels = read_idx_labels(labels_path, set.classes);
  if (labels.size() != set.pixels.shape()[0])
    throw file_error(labels_path, file_error::at_offset(4),
                     "label count " + std::to_string(labels.size()) + " differs from the image count " +
                         std::to_string(set.pixels.shape()[0]) + " of " + images_path);
  set.labels = std::move(labels);
  return set;
}

}  // namespace spinaptic::io
