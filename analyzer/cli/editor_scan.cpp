#include "cli/editor_scan.h"

#include "cli/config_merge.h"

namespace hg {

std::unique_ptr<ScanResult> scanWithProjectConfig(const ScanOptions& editor) {
  ScanCommandOptions commandLine;
  commandLine.paths = editor.paths;
  std::string problem;
  std::optional<ScanOptions> options;
  try {
    std::optional<ProjectConfig> config = projectConfigFor(commandLine);
    const ScanCommandOptions merged = config ? withProjectConfig(commandLine, *config) : commandLine;
    options = scanOptionsFor(merged, config ? &*config : nullptr, problem);
    if (!options && config) problem = config->path + ": " + problem;
  } catch (const ConfigError& e) {
    problem = e.what();
  }
  if (!options) options = ScanOptions{};
  options->paths = editor.paths;
  options->sourceOverrides = editor.sourceOverrides;
  std::unique_ptr<ScanResult> result = scan(*options);
  if (!problem.empty()) {
    result->diagnostics.add(RunDiagnostic{RunDiagnostic::Severity::Error, "", 0,
                                          "configuration ignored, analyzing with the defaults: " + problem, false});
  }
  return result;
}

}  // namespace hg
