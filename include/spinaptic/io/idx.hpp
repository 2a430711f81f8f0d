// spinaptic/io/idx.hpp: reader for the IDX files of MNIST (LeCun, Bottou, Bengio & Haffner 1998;
// format described at the MNIST page: big-endian header, then unsigned bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"
#include "spinaptic/io/image_set.hpp"
#include "spinaptic/io/read_file.hpp"

namespace spinaptic::io {

namespace detail_idx {
/// Big-endian uint32 at `offset`; a file that ends before it is reported as truncated there.
inline std::uint32_t big_endian_u32(std::span<const unsigned char> b, std::size_t offset, const std::string& path,
                                    const char* field) {
  if (b.size() < offset + 4)
    throw file_error(path, file_error::at_offset(b.size()),
                     std::string("truncated header: the file ends before the ") + field + " (4 bytes at offset " +
                         std::to_string(offset) + ")");
  return (std::uint32_t(b[offset]) << 24) | (std::uint32_t(b[offset + 1]) << 16) |
         (std::uint32_t(b[offset + 2]) << 8) | std::uint32_t(b[offset + 3]);
}

/// Checks the magic number 0x0000 08 NN (unsigned bytes, NN dimensions) at offset 0.
inline void require_magic(std::span<const unsigned char> b, const std::string& path, std::uint32_t expected,
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

/// A count field (at `offset`) must be at least 1: an empty data set is refused here rather than
/// later by whoever divides by its size.
inline void require_nonzero_count(std::size_t count, std::size_t offset, const std::string& path, const char* what) {
  if (count == 0)
    throw file_error(path, file_error::at_offset(offset),
                     std::string(what) + " is 0: the file holds no data (at least 1 is needed)");
}

/// The payload must be exactly `payload` bytes after the `header` bytes.
inline void require_payload(std::span<const unsigned char> b, std::size_t header, std::size_t payload,
                            const std::string& path) {
  if (b.size() - header < payload)
    throw file_error(path, file_error::at_offset(b.size()),
                     "truncated: the header announces " + std::to_string(payload) + " data bytes (file size " +
                         (payload <= std::numeric_limits<std::size_t>::max() - header
                              ? std::to_string(header + payload)
                              : std::to_string(header) + " + " + std::to_string(payload)) +
                         "), the file ends here");
  if (b.size() - header > payload)
    throw file_error(path, file_error::at_offset(header + payload),
                     std::to_string(b.size() - header - payload) + " unexpected bytes after the announced data");
}
}  // namespace detail_idx

/// IDX3 images (magic 0x00000803) from the bytes of a file named `path` in error messages:
/// count x rows x columns unsigned bytes, pixel values 0..255. Wrong magic, a zero count or
/// extent, a size product that overflows, a truncated file or trailing bytes throw file_error
/// with the byte offset; no other exception type escapes.
[[nodiscard]] inline image_set parse_idx_images(std::span<const unsigned char> bytes, const std::string& path) {
  return detail::reading_file(path, [&] {
    detail_idx::require_magic(bytes, path, 0x00000803u, "images: unsigned bytes, 3 dimensions");
    const std::size_t count = detail_idx::big_endian_u32(bytes, 4, path, "image count");
    const std::size_t rows = detail_idx::big_endian_u32(bytes, 8, path, "row count");
    const std::size_t columns = detail_idx::big_endian_u32(bytes, 12, path, "column count");
    detail_idx::require_nonzero_count(count, 4, path, "the image count");
    if (rows == 0 || columns == 0)
      throw file_error(path, file_error::at_offset(rows == 0 ? 8 : 12),
                       "wrong dimensions: images of " + std::to_string(rows) + " x " + std::to_string(columns) +
                           " pixels");
    std::size_t pixels_per_image = 0, payload = 0;
    if (!detail::checked_multiply(rows, columns, pixels_per_image) ||
        !detail::checked_multiply(count, pixels_per_image, payload))
      throw file_error(path, file_error::at_offset(4),
                       "the header announces " + std::to_string(count) + " x " + std::to_string(rows) + " x " +
                           std::to_string(columns) + " pixels, more than a size can count (the file has " +
                           std::to_string(bytes.size()) + " bytes)");
    constexpr std::size_t header = 16;
    detail_idx::require_payload(bytes, header, payload, path);
    image_set set{rows, columns, 255.0, 10, xt::xtensor<double, 2>::from_shape({count, pixels_per_image}), {}};
    double* out = set.pixels.data();
    for (std::size_t k = 0; k < payload; ++k) out[k] = double(bytes[header + k]);
    set.labels.assign(count, 0);
    return set;
  });
}

/// IDX1 labels (magic 0x00000801) from the bytes of a file named `path` in error messages: count
/// unsigned bytes, each in [0, classes). classes = 0 throws invalid_parameter; a zero count, a
/// truncated file or trailing bytes throw file_error; a label out of range throws file_error with
/// its byte offset.
[[nodiscard]] inline std::vector<std::uint8_t> parse_idx_labels(std::span<const unsigned char> bytes,
                                                                const std::string& path, std::size_t classes = 10) {
  if (classes == 0) throw invalid_parameter("label classes", 0.0, "at least 1 (labels lie in [0, classes - 1])");
  return detail::reading_file(path, [&] {
    detail_idx::require_magic(bytes, path, 0x00000801u, "labels: unsigned bytes, 1 dimension");
    const std::size_t count = detail_idx::big_endian_u32(bytes, 4, path, "label count");
    detail_idx::require_nonzero_count(count, 4, path, "the label count");
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
  });
}

/// IDX3 images from the file `path` (format and errors of parse_idx_images).
[[nodiscard]] inline image_set read_idx_images(const std::string& path) {
  return parse_idx_images(read_file_bytes(path), path);
}

/// IDX1 labels from the file `path`, each in [0, classes) (format and errors of parse_idx_labels).
[[nodiscard]] inline std::vector<std::uint8_t> read_idx_labels(const std::string& path, std::size_t classes = 10) {
  if (classes == 0) throw invalid_parameter("label classes", 0.0, "at least 1 (labels lie in [0, classes - 1])");
  return parse_idx_labels(read_file_bytes(path), path, classes);
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
