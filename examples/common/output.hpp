// examples/common/output.hpp: what the examples share: an output directory, files written to a
// temporary name and renamed into place, and a gnuplot run. Not part of the library.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace example {

/// The output directory from argv[1] (created), or `fallback`.
inline std::filesystem::path output_dir(int argc, char** argv, const char* fallback) {
  std::filesystem::path dir = argc > 1 ? argv[1] : fallback;
  std::filesystem::create_directories(dir);
  return dir;
}

/// Writes `text` to dir/name atomically (temporary file, then rename).
inline void write_file(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  const auto target = dir / name, tmp = dir / (name + ".tmp");
  {
    std::ofstream f(tmp);
    f << text;
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, target);
}

/// Runs gnuplot on `script` (written next to the data as name.gp); returns false (with a message)
/// when gnuplot is missing or fails, the CSV files are still there.
inline bool plot(const std::filesystem::path& dir, const std::string& name, const std::string& script) {
  write_file(dir, name + ".gp", script);
  const std::string cmd = "cd '" + dir.string() + "' && gnuplot '" + name + ".gp'";
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "gnuplot failed or is missing; CSV written, no " << name << ".png\n";
    return false;
  }
  return true;
}

}  // namespace example
