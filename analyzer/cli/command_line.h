// The command line: `hookguard scan|rules|explain` and their options (CLI11).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/rule_catalog.h"
#include "cli/terminal.h"
#include "core/finding.h"

namespace hg {

enum class ReportFormat : uint8_t { Text, Sarif, Json, Gcc, Github };

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
  double maxFileSeconds = 30;  // 0 = no limit
  unsigned jobs = 0;       // -j: 0 = one thread per hardware thread
  bool timings = false;     // print where the time went, per stage and rule
  bool noPrefilter = false;  // analyze every Python file, not only those route code reaches
  // Project configuration (cli/config.h): --config names the file, --no-config skips it;
  // otherwise it is found upward from the first path. The file's values apply where the
  // command line does not give the option (see `given`).
  std::string configFile;
  bool noConfig = false;
  std::vector<std::string> exclude;        // --exclude globs, relative to the current directory
  uint64_t maxBodyBytes = 0;               // WH302 threshold; used when given
  double maxTimestampWindowSeconds = 0;    // WH203 threshold; used when given
  bool reportUnusedIgnores = false;
  std::string baseline;                    // SARIF log of known findings
  std::string writeBaseline;               // write the SARIF log of this run's findings here
  std::string sarifCategory;               // runs[0].automationDetails.id (without the trailing '/')
  bool fix = false;                        // apply the enabled fixes to the files
  bool diff = false;                       // print the enabled fixes as a unified diff, change nothing
  bool unsafeFixes = false;                // unsafe fixes are enabled too
  // The options given on the command line ("--select", "--fail-on", ...): they override the file.
  std::set<std::string> given;
};

struct RulesCommandOptions {
  RuleTableFormat format = RuleTableFormat::Text;
};

struct ExplainCommandOptions {
  std::string rule;
};

struct CommandLine {
  enum class Command : uint8_t { Scan, Rules, Explain, Lsp };
  Command command = Command::Scan;
  ScanCommandOptions scan;
  RulesCommandOptions rules;
  ExplainCommandOptions explain;
};

// Parses the arguments. Returns the exit code when the process is done (help, --version, a
// usage error, already printed), nullopt when `out` holds a command to run.
std::optional<int> parseCommandLine(int argc, const char* const* argv, CommandLine& out);

}  // namespace hg
