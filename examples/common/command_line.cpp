// examples/common/command_line.cpp: command_line.hpp on CLI11 (the one unit of the library
// example_command_line; the checks and messages are those of cli.hpp and CLI11).
#include "command_line.hpp"

#include <stdexcept>
#include <system_error>

#include "cli.hpp"

namespace example {

using option = command_line::option;

option& option::show_default() {
  option_->capture_default_str();
  return *this;
}
option& option::range(unsigned lo, unsigned hi) {
  option_->check(CLI::Range(lo, hi));
  return *this;
}
option& option::range(unsigned long lo, unsigned long hi) {
  option_->check(CLI::Range(lo, hi));
  return *this;
}
option& option::range(unsigned long long lo, unsigned long long hi) {
  option_->check(CLI::Range(lo, hi));
  return *this;
}
option& option::range(double lo, double hi, const char* description) {
  if (description != nullptr) option_->check(CLI::Range(lo, hi).description(description));
  else option_->check(CLI::Range(lo, hi));
  return *this;
}
option& option::positive() {
  option_->check(CLI::PositiveNumber);
  return *this;
}
option& option::non_negative() {
  option_->check(CLI::NonNegativeNumber);
  return *this;
}
option& option::one_of(const std::vector<std::string>& choices) {
  option_->check(CLI::IsMember(choices));
  return *this;
}
option& option::existing_file() {
  option_->check(CLI::ExistingFile);
  return *this;
}
option& option::output_folder() {
  option_->check(example::output_folder());
  return *this;
}
option& option::check(std::string (*rule)(const std::string& text)) {
  option_->check([rule](const std::string& text) { return rule(text); });
  return *this;
}
option& option::needs(const option& other) {
  option_->needs(other.option_);
  return *this;
}
option& option::excludes(const option& other) {
  option_->excludes(other.option_);
  return *this;
}

command_line::command_line(const std::string& description) : app_(std::make_unique<CLI::App>(description)) {}
command_line::~command_line() = default;

option command_line::add(const std::string& name, std::string& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::add(const std::string& name, double& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::add(const std::string& name, unsigned& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::add(const std::string& name, unsigned long& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::add(const std::string& name, unsigned long long& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::add(const std::string& name, std::optional<double>& value, const std::string& help) {
  return option(app_->add_option(name, value, help));
}
option command_line::flag(const std::string& name, bool& value, const std::string& help) {
  return option(app_->add_flag(name, value, help));
}

option command_line::add_output_folder(std::string& dir) { return option(example::add_output_folder(*app_, dir)); }

int command_line::parse(int argc, char** argv) { return example::parse(*app_, argc, argv); }

int parse_without_options(int argc, char** argv, const char* description) {
  command_line cli{description};
  return cli.parse(argc, argv);
}

std::filesystem::path make_output_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw std::runtime_error("cannot create the output folder '" + dir + "': " +
                             (ec ? ec.message() : std::string("exists and is not a folder")));
  return std::filesystem::absolute(dir);
}

}  // namespace example
