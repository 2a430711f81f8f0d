// examples/common/cli.hpp: the CLI11 side of the examples' command-line convention (described in
// command_line.hpp): the finite-number and output-folder checks, the output folder option and the
// parse. Not part of the library. CLI11 costs seconds of compile time in every unit that includes
// it (about 9 s of CPU at -O3 for two options), so no program includes this header: its one
// includer is command_line.cpp (the library example_command_line), compiled once for all.
#pragma once

#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "guarded_main.hpp"

namespace example {

/// A CLI11 check that the value is a finite number (CLI11 itself reads "nan" and "inf" as
/// doubles, and its range checks let NaN through).
inline CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0') return "'" + text + "' is not a number";
        if (!std::isfinite(v)) return "'" + text + "' is not a finite number";
        return {};
      },
      "FINITE", "finite number");
}

/// A CLI11 check that a path can be an output folder: it is not empty, and it is a folder or
/// does not exist yet (a file of that name is refused, it would not be overwritten).
inline CLI::Validator output_folder() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (text.empty()) return "the output folder name is empty";
        std::error_code ec;
        const auto status = std::filesystem::status(text, ec);
        if (std::filesystem::exists(status) && !std::filesystem::is_directory(status))
          return "'" + text + "' exists and is not a folder";
        return {};
      },
      "FOLDER", "output folder");
}

/// Adds the output folder as `--out DIR` and as the optional first positional argument, with
/// the default `dir` holds (shown by --help).
inline CLI::Option* add_output_folder(CLI::App& app, std::string& dir) {
  return app.add_option("out,--out", dir, "output folder (created; a file of that name is refused)")
      ->check(output_folder())
      ->capture_default_str();
}

/// Parses the command line after giving every floating-point option the finite_number check.
/// Returns -1 when the program should go on, else the exit code (0 after --help; nonzero, with
/// the message printed, for a refused argument).
inline int parse(CLI::App& app, int argc, char** argv) {
  for (CLI::Option* option : app.get_options())
    if (option->get_type_name().rfind("FLOAT", 0) == 0) option->check(finite_number());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return -1;
}

}  // namespace example
