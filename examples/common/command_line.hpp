// examples/common/command_line.hpp: the one command-line convention of every example program.
// Not part of the library.
//   * `--help` (or `-h`) prints the usage and exits 0, before anything is read or created;
//   * an unknown option, a missing value, or a malformed or out-of-range value (abc or 1e12 for a
//     count, -1 where >= 0 is needed, NaN or inf for any number, an output path that is a file) is
//     refused with a message on stderr and a nonzero exit code, before any work;
//   * the output folder is `--out DIR` (also accepted as the first positional argument); it is
//     created only once the whole command line is accepted, and any name works (one starting with
//     '-' is given as `--out=-name` or after `--`);
//   * no exception reaches main's caller: example::guarded_main (guarded_main.hpp) prints
//     "program: message" for a spinaptic::error or any std::exception and returns 1.
// The checks are CLI11's, but no program's unit includes CLI11 (about 9 s of CPU at -O3 per unit):
// the one unit that does, command_line.cpp (with cli.hpp), is the static library
// example_command_line, compiled once for every program that links it (scripts/compile-times
// reports it as a shared unit).
//
//   example::command_line cli{"what the program does"};
//   cli.add("--epochs", epochs, "training epochs").range(std::size_t{1}, std::size_t{100000}).show_default();
//   if (const int code = cli.parse(argc, argv); code >= 0) return code;   // --help or a refusal
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guarded_main.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace example {

/// A program's command line: options bound to variables, checked by CLI11 in parse().
class command_line {
 public:
  /// One declared option; its checks are CLI11's (the messages a refused value prints are CLI11's).
  class option {
   public:
    explicit option(CLI::Option* o) noexcept : option_(o) {}
    /// --help shows the variable's value at declaration as the default.
    option& show_default();
    /// The value must lie in [lo, hi] (CLI::Range); `description` replaces "in [lo - hi]" in --help.
    option& range(unsigned lo, unsigned hi);
    option& range(unsigned long lo, unsigned long hi);
    option& range(unsigned long long lo, unsigned long long hi);
    option& range(double lo, double hi, const char* description = nullptr);
    option& positive();      ///< > 0 (CLI::PositiveNumber)
    option& non_negative();  ///< >= 0 (CLI::NonNegativeNumber)
    option& one_of(const std::vector<std::string>& choices);  ///< CLI::IsMember
    option& existing_file();                                  ///< CLI::ExistingFile
    option& output_folder();  ///< a folder or not yet there (example::output_folder of cli.hpp)
    /// A check of the text: returns the empty string to accept it, else why it is refused.
    option& check(std::string (*rule)(const std::string& text));
    option& needs(const option& other);     ///< this option requires `other`
    option& excludes(const option& other);  ///< this option and `other` exclude each other

   private:
    CLI::Option* option_;
  };

  explicit command_line(const std::string& description);
  ~command_line();
  command_line(const command_line&) = delete;
  command_line& operator=(const command_line&) = delete;

  option add(const std::string& name, std::string& value, const std::string& help);
  option add(const std::string& name, double& value, const std::string& help);
  option add(const std::string& name, unsigned& value, const std::string& help);
  option add(const std::string& name, unsigned long& value, const std::string& help);
  option add(const std::string& name, unsigned long long& value, const std::string& help);
  /// Left empty when the option is not given.
  option add(const std::string& name, std::optional<double>& value, const std::string& help);
  /// A flag; `name` as CLI11 spells it ("!--no-plots" sets `value` to false).
  option flag(const std::string& name, bool& value, const std::string& help);
  /// The output folder as `--out DIR` and as the optional first positional argument, with the
  /// default `dir` holds (shown by --help); a file of that name is refused (add_output_folder of
  /// cli.hpp).
  option add_output_folder(std::string& dir);

  /// Parses (example::parse of cli.hpp): returns -1 when the program should go on, else the exit
  /// code (0 after --help; nonzero, with the message printed, for a refused argument).
  int parse(int argc, char** argv);

 private:
  std::unique_ptr<CLI::App> app_;
};

/// The command line of a program without options of its own: `--help` prints `description` and
/// exits 0; anything else is refused as command_line::parse refuses it. Returns -1 when the
/// program should go on, else the exit code.
int parse_without_options(int argc, char** argv, const char* description);

/// Creates the output folder (after the command line was accepted) and returns its path; a
/// failure throws std::runtime_error naming the folder and the cause.
std::filesystem::path make_output_folder(const std::string& dir);

/// main() of a program whose only option is its output folder: `--help`, `--out DIR` (default
/// `out`), then run(folder) once the folder is made; guarded as guarded_main.
template <class Run>
int main_with_output_folder(int argc, char** argv, const char* program, const char* description, std::string out,
                            Run&& run) noexcept {
  return guarded_main(program, [&] {
    command_line cli{description};
    cli.add_output_folder(out);
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    return run(make_output_folder(out));
  });
}

}  // namespace example
