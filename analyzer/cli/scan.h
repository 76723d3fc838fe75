// One scan from paths to sorted findings: file discovery, reading (encoding, binary and size
// checks), both front-ends, linking, and the rule engine. The CLI, the tests and (later) the
// language server all go through here.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/exclude_patterns.h"
#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "core/progress.h"
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
  // Time to parse and lower one Python file; a file over it is skipped with a warning. 0 = no
  // limit. The C++ front-end is not bounded by it (Clang offers no way to stop a parse).
  double maxFileSeconds = 30;
  unsigned jobs = 0;       // threads reading and parsing files; 0 = one per hardware thread
  bool prefilter = true;   // skip Python files no route code can reach (route_prefilter.h)
  // Text analyzed instead of a discovered file's content on disk, keyed by its canonical
  // absolute path: the language server's unsaved editor buffers.
  std::map<std::string, std::string> sourceOverrides;
  // From the configuration and --exclude (cli/exclude_patterns.h).
  ExcludePatterns exclude;
  // Named Python files bring their directory's other modules as context (cli/scan_context.h).
  bool siblingContext = true;
  // Knowledge entries added to the built-in ones, in the knowledge-file format, and the file
  // they came from (for messages).
  nlohmann::json extraKnowledge = nlohmann::json::object();
  std::string extraKnowledgeOrigin;
  bool reportUnusedIgnores = false;
  // Told what the scan is doing (a terminal's progress line); nullptr = nobody listens.
  ProgressSink* progress = nullptr;
};

struct ScanResult {
  std::unique_ptr<Program> program = std::make_unique<Program>();
  Knowledge knowledge;
  std::vector<Finding> findings;  // sorted, deterministic
  Diagnostics diagnostics;
  std::string repositoryRoot;     // absolute
  size_t filesScanned = 0;
  size_t filesNotAnalyzed = 0;  // read, but left out by the prefilter (not parsed)
  // Files read only for context (ScanOptions::siblingContext): analyzed, never reported, and
  // not counted in filesScanned.
  std::set<FileId> contextFiles;
  // A named path did not exist or could not be read: exit code 2 whatever the findings.
  bool inputError = false;
  // `hookguard: ignore` comments reported as unused (ScanOptions::reportUnusedIgnores).
  size_t unusedIgnores = 0;
};

std::unique_ptr<ScanResult> scan(const ScanOptions& options);

}  // namespace hg
