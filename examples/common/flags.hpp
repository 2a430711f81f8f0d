// examples/common/flags.hpp: the "--name value" and "--switch" command lines of the examples.
// Not part of the library.
#pragma once

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <string>

namespace example {

/// Parsed command line: values of "--name value" pairs and the switches that were given.
struct flags {
  std::map<std::string, std::string> values;  ///< name -> value
  std::set<std::string> switches;             ///< names of the given switches

  /// Parses argv; `switch_names` take no value. A bad argument prints a usage hint and exits 2.
  flags(int argc, char** argv, const std::string& program, const std::set<std::string>& switch_names) {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      const std::string name = a.rfind("--", 0) == 0 ? a.substr(2) : "";
      if (switch_names.count(name)) {
        switches.insert(name);
        continue;
      }
      if (name.empty() || i + 1 >= argc) {
        std::cerr << program << ": bad argument '" << a << "' (see the header of examples/" << program
                  << "/main.cpp)\n";
        std::exit(2);
      }
      values[name] = argv[++i];
    }
  }
  /// The value of --name, or `fallback`.
  [[nodiscard]] std::string text(const std::string& name, const std::string& fallback) const {
    const auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
  /// The value of --name as a number, or `fallback`.
  [[nodiscard]] double number(const std::string& name, double fallback) const {
    const auto it = values.find(name);
    return it == values.end() ? fallback : std::stod(it->second);
  }
  /// Whether --name was given (as a value or a switch).
  [[nodiscard]] bool has(const std::string& name) const { return values.count(name) || switches.count(name); }
};

}  // namespace example
