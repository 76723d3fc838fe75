#include "cli/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace hg {

namespace {

constexpr std::string_view kReset = "\033[0m";

std::string_view severityName(RunDiagnostic::Severity severity) {
  switch (severity) {
    case RunDiagnostic::Severity::Note: return "note";
    case RunDiagnostic::Severity::Warning: return "warning";
    case RunDiagnostic::Severity::Error: return "error";
  }
  return "error";
}

std::string_view severityColor(RunDiagnostic::Severity severity) {
  switch (severity) {
    case RunDiagnostic::Severity::Note: return "\033[1;36m";
    case RunDiagnostic::Severity::Warning: return "\033[1;35m";
    case RunDiagnostic::Severity::Error: return "\033[1;31m";
  }
  return "";
}

std::string severityLabel(RunDiagnostic::Severity severity, bool color) {
  std::string label(severityName(severity));
  label += ':';
  if (!color) return label;
  return std::string(severityColor(severity)) + label + std::string(kReset);
}

}  // namespace

bool isDumbTerminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) == "dumb";
}

bool shouldUseColor(ColorPolicy policy, int fd) {
  if (policy == ColorPolicy::Always) return true;
  if (policy == ColorPolicy::Never) return false;
  if (const char* noColor = std::getenv("NO_COLOR"); noColor != nullptr && *noColor != '\0') return false;
  if (isDumbTerminal()) return false;
  return ::isatty(fd) == 1;
}

std::string formatRunDiagnostic(const RunDiagnostic& diagnostic, bool color) {
  std::string out = "hookguard: ";
  if (!diagnostic.path.empty()) {
    out += diagnostic.path;
    if (diagnostic.line > 0) out += ":" + std::to_string(diagnostic.line);
    out += ": ";
  }
  out += severityLabel(diagnostic.severity, color);
  out += ' ';
  out += diagnostic.message;
  out += '\n';
  return out;
}

std::string formatToolError(const std::string& message, bool color) {
  return "hookguard: " + severityLabel(RunDiagnostic::Severity::Error, color) + " " + message + "\n";
}

}  // namespace hg
