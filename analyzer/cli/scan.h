// One scan from paths to sorted findings: file discovery, reading (encoding, binary and size
// checks), both front-ends, linking, and the rule engine. The CLI, the tests and (later) the
// language server all go through here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "engine/engine.h"

namespace hg {

struct ScanOptions {
  std::vector<std::string> paths;  // files or directories; empty = "."
  EngineConfig engine;
  std::string cppBuildDirectory;   // -p
  // Directory SARIF URIs and displayed paths are relative to; empty = the git top-level of the
  // first path, else the current directory.
  std::string repositoryRoot;
  uint64_t maxFileBytes = 20ull * 1024 * 1024;
};

struct ScanResult {
  std::unique_ptr<Program> program = std::make_unique<Program>();
  Knowledge knowledge;
  std::vector<Finding> findings;  // sorted, deterministic
  Diagnostics diagnostics;
  std::string repositoryRoot;     // absolute
  size_t filesScanned = 0;
  // A named path did not exist or could not be read: exit code 2 whatever the findings.
  bool inputError = false;
};

std::unique_ptr<ScanResult> scan(const ScanOptions& options);

}  // namespace hg
