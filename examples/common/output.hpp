// examples/common/output.hpp: what the examples share: files written to a temporary name and
// renamed into place, and gnuplot runs that draw each figure as PNG and as SVG beside it. Not part
// of the library. The output folder comes from the command line (examples/common/command_line.hpp).
#pragma once

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

namespace example {

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

/// The same gnuplot script for the SVG terminal: every `set terminal pngcairo OPTIONS` becomes
/// `set terminal svg OPTIONS` (size in pixels, font and enhanced text mean the same there) on a
/// white background, and every output name ending in .png ends in .svg.
inline std::string svg_version(const std::string& png_script) {
  static const std::regex terminal(R"(set terminal pngcairo\b)");
  static const std::regex output(R"(\.png(['"]))");
  std::string s = std::regex_replace(png_script, terminal, "set terminal svg dynamic background rgb 'white'");
  return std::regex_replace(s, output, ".svg$1");
}

/// Runs gnuplot in folder `dir` on the commands `script` (given on its standard input: no shell,
/// so any folder name works); returns whether gnuplot ran and succeeded.
inline bool run_gnuplot(const std::filesystem::path& dir, const std::string& script) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return false;
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return false;
  }
  if (child == 0) {  // the child: stdin from the pipe, in `dir`, then gnuplot
    ::dup2(pipe_fds[0], STDIN_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execlp("gnuplot", "gnuplot", static_cast<char*>(nullptr));
    ::_exit(127);  // gnuplot is missing
  }
  ::close(pipe_fds[0]);
  // a gnuplot that died early must not kill us with SIGPIPE
  void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
  bool written = true;
  for (std::size_t done = 0; done < script.size();) {
    const ssize_t n = ::write(pipe_fds[1], script.data() + done, script.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      written = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(pipe_fds[1]);
  std::signal(SIGPIPE, previous);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return written && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// Draws `script` (a gnuplot script for the pngcairo terminal whose outputs are name.png files,
/// relative to `dir` or absolute) as PNG and again as SVG (svg_version), in folder `dir`; the
/// script is also written there as name.gp to redraw or edit. Returns false (with a message)
/// when gnuplot is missing or fails; the data files are still there.
inline bool plot(const std::filesystem::path& dir, const std::string& name, const std::string& script) {
  write_file(dir, name + ".gp", script);
  if (!run_gnuplot(dir, script) || !run_gnuplot(dir, svg_version(script))) {
    std::cerr << "gnuplot failed or is missing; data written, no " << name << ".png/.svg\n";
    return false;
  }
  return true;
}

}  // namespace example
