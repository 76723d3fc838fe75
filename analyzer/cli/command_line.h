// The command line: `hookguard scan|rules|explain` and their options (CLI11).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/rule_catalog.h"
#include "cli/terminal.h"
#include "core/finding.h"

namespace hg {

enum class ReportFormat : uint8_t { Text, Sarif, Json, Gcc };

struct ScanCommandOptions {
  std::vector<std::string> paths;
  ReportFormat format = ReportFormat::Text;
  std::string output;               // empty = stdout
  std::optional<Level> failOn = Level::Error;  // nullopt = never
  std::vector<std::string> select;  // rule selectors, unresolved
  std::vector<std::string> ignore;
  bool allPostRoutes = false;
  std::vector<std::string> webhookRoutes;  // glob patterns over route paths or handler names
  std::string buildPath;            // compilation database directory
  ColorPolicy color = ColorPolicy::Auto;
  bool quiet = false;
  uint64_t maxFileBytes = 20ull * 1024 * 1024;
};

struct RulesCommandOptions {
  RuleTableFormat format = RuleTableFormat::Text;
};

struct ExplainCommandOptions {
  std::string rule;
};

struct CommandLine {
  enum class Command : uint8_t { Scan, Rules, Explain };
  Command command = Command::Scan;
  ScanCommandOptions scan;
  RulesCommandOptions rules;
  ExplainCommandOptions explain;
};

// Parses the arguments. Returns the exit code when the process is done (help, --version, a
// usage error, already printed), nullopt when `out` holds a command to run.
std::optional<int> parseCommandLine(int argc, const char* const* argv, CommandLine& out);

}  // namespace hg
