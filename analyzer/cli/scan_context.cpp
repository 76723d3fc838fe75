#include "cli/scan_context.h"

#include <algorithm>

#include "cli/repository.h"
#include "cli/suppression_pass.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

// A directory with more Python files than this is not a package whose modules are worth
// reading for one changed file.
constexpr size_t kMaxSiblingsPerDirectory = 200;

std::set<std::string> rulesThatRan(const EngineConfig& config) {
  std::set<std::string> ran;
  for (const auto& rule : allRules()) {
    const std::string& id = rule->meta().id;
    bool selected = config.select.empty();
    for (const std::string& entry : config.select) selected = selected || id.starts_with(entry);
    for (const std::string& entry : config.ignore) selected = selected && !id.starts_with(entry);
    if (selected) ran.insert(id);
  }
  return ran;
}

}  // namespace

void addSiblingContext(DiscoveryResult& found, const DiscoveryOptions& options) {
  std::set<fs::path> known;
  std::set<fs::path> directories;
  for (const DiscoveredFile& file : found.files) {
    known.insert(file.canonical);
    if (file.named && file.language == Language::Python) directories.insert(file.canonical.parent_path());
  }
  for (const fs::path& dir : directories) {
    std::error_code ec;
    std::vector<fs::path> siblings;
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path path = it->path();
      std::error_code statusEc;
      if (path.extension() != ".py" || !it->is_regular_file(statusEc)) continue;
      siblings.push_back(path);
    }
    if (ec || siblings.size() > kMaxSiblingsPerDirectory) continue;
    std::sort(siblings.begin(), siblings.end());
    for (const fs::path& path : siblings) {
      std::error_code canonEc;
      fs::path canonical = fs::canonical(path, canonEc);
      if (canonEc || known.count(canonical)) continue;
      if (options.exclude && options.exclude->matches(path)) continue;
      known.insert(canonical);
      DiscoveredFile file{canonical, displayPathFor(canonical, options.repositoryRoot), Language::Python, false};
      file.contextOnly = true;
      found.files.push_back(std::move(file));
    }
  }
}

bool loadExtraKnowledge(ScanResult& result, const ScanOptions& options) {
  if (options.extraKnowledge.empty()) return true;
  try {
    result.knowledge.beginOverrides();
    result.knowledge.load(options.extraKnowledge.dump(), options.extraKnowledgeOrigin);
  } catch (const KnowledgeError& e) {
    result.diagnostics.add(RunDiagnostic{RunDiagnostic::Severity::Error, "", 0, e.what(), false});
    result.inputError = true;
    return false;
  }
  return true;
}

void finishFindings(ScanResult& result, const ScanOptions& options, const std::vector<DiscoveredFile>& files) {
  std::set<std::string> contextPaths;
  for (const DiscoveredFile& file : files) {
    if (file.contextOnly) contextPaths.insert(file.displayPath);
  }
  const SourceSet& sources = result.program->sources;
  auto isContext = [&](FileId id) { return id < sources.size() && contextPaths.count(sources.get(id).displayPath) > 0; };
  if (!contextPaths.empty()) {
    // "scanned N files" counts what the user asked for.
    for (FileId id = 0; id < sources.size(); ++id) {
      if (isContext(id)) result.contextFiles.insert(id);
    }
    result.filesScanned -= std::min(result.filesScanned, result.contextFiles.size());
    std::erase_if(result.findings, [&](const Finding& f) { return isContext(f.location.file); });
    result.diagnostics.removeIf([&](const RunDiagnostic& d) { return contextPaths.count(d.path) > 0; });
  }

  SuppressionOptions suppression;
  suppression.reportUnused = options.reportUnusedIgnores;
  suppression.rulesRun = rulesThatRan(options.engine);
  suppression.isReportedFile = [&](FileId id) { return !isContext(id); };
  SuppressionSummary summary = applySuppressions(*result.program, result.findings, suppression, result.diagnostics);
  result.unusedIgnores = summary.unusedIgnores;
}

}  // namespace hg
