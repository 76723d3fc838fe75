// Problems with the run itself (unreadable file, syntax error, bad configuration): they go to
// stderr and to SARIF's toolExecutionNotifications, never into findings.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace hg {

struct RunDiagnostic {
  enum class Severity : uint8_t { Note, Warning, Error };
  Severity severity = Severity::Warning;
  std::string path;     // the file concerned, as the user named it; may be empty
  uint32_t line = 0;    // 1-based when known
  std::string message;  // what is wrong, lower case
  // True when the file could not be analyzed at all (it then counts against
  // executionSuccessful and the exit code).
  bool fileSkipped = false;
};

class Diagnostics {
 public:
  void add(RunDiagnostic d);
  std::vector<RunDiagnostic> all() const;
  bool anyFileSkipped() const;
  // Drops the diagnostics `predicate` selects (those about files read only for context).
  void removeIf(const std::function<bool(const RunDiagnostic&)>& predicate);

 private:
  mutable std::mutex mutex_;
  std::vector<RunDiagnostic> items_;
};

}  // namespace hg
