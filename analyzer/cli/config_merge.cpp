#include "cli/config_merge.h"

#include "cli/rule_catalog.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

std::optional<Level> failOnLevel(const std::string& name) {
  if (name == "warning") return Level::Warning;
  if (name == "note") return Level::Note;
  if (name == "never") return std::nullopt;
  return Level::Error;
}

}  // namespace

std::optional<ProjectConfig> projectConfigFor(const ScanCommandOptions& options) {
  if (options.noConfig) return std::nullopt;
  if (!options.configFile.empty()) return loadProjectConfig(options.configFile);
  const std::string first = options.paths.empty() ? std::string(".") : options.paths.front();
  if (std::optional<fs::path> found = findProjectConfig(first)) return loadProjectConfig(*found);
  return std::nullopt;
}

ScanCommandOptions withProjectConfig(const ScanCommandOptions& options, const ProjectConfig& config) {
  ScanCommandOptions out = options;
  auto fromFile = [&](const char* option, const auto& value, auto apply) {
    if (value && !options.given.count(option)) {
      apply(*value);
      out.given.insert(option);
    }
  };
  fromFile("--select", config.select, [&](const auto& v) { out.select = v; });
  fromFile("--ignore", config.ignore, [&](const auto& v) { out.ignore = v; });
  fromFile("--fail-on", config.failOn, [&](const auto& v) { out.failOn = failOnLevel(v); });
  fromFile("--all-post-routes", config.allPostRoutes, [&](bool v) { out.allPostRoutes = v; });
  // --diff on the command line shows the fixes instead of applying them: it wins over `fix`.
  if (!options.diff) fromFile("--fix", config.fix, [&](bool v) { out.fix = v; });
  fromFile("--unsafe-fixes", config.unsafeFixes, [&](bool v) { out.unsafeFixes = v; });
  fromFile("--webhook-route", config.webhookRoutes, [&](const auto& v) { out.webhookRoutes = v; });
  fromFile("--max-file-bytes", config.maxFileBytes, [&](uint64_t v) { out.maxFileBytes = v; });
  fromFile("--max-file-seconds", config.maxFileSeconds, [&](double v) { out.maxFileSeconds = v; });
  fromFile("--max-body-bytes", config.maxBodyBytes, [&](uint64_t v) { out.maxBodyBytes = v; });
  fromFile("--max-timestamp-window", config.maxTimestampWindowSeconds,
           [&](double v) { out.maxTimestampWindowSeconds = v; });
  return out;
}

void applyProjectConfig(const ProjectConfig* config, const ScanCommandOptions& options, ScanOptions& scan) {
  if (options.given.count("--max-body-bytes")) scan.engine.maxBodyBytes = options.maxBodyBytes;
  if (options.given.count("--max-timestamp-window")) {
    scan.engine.maxTimestampWindowSeconds = options.maxTimestampWindowSeconds;
  }
  if (options.given.count("--exclude")) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    for (const std::string& glob : options.exclude) scan.exclude.add(cwd, glob);
  } else if (config) {
    for (const std::string& glob : config->exclude) scan.exclude.add(config->baseDirectory, glob);
  }
  if (!config) return;
  scan.engine.levelOverrides = config->ruleLevels;
  scan.extraKnowledge = config->knowledge;
  scan.extraKnowledgeOrigin = config->path;
}

std::optional<ScanOptions> scanOptionsFor(const ScanCommandOptions& options, const ProjectConfig* config,
                                          std::string& error) {
  ScanOptions scan;
  scan.paths = options.paths;
  scan.cppBuildDirectory = options.buildPath;
  scan.maxFileBytes = options.maxFileBytes;
  scan.maxFileSeconds = options.maxFileSeconds;
  scan.jobs = options.jobs;
  scan.prefilter = !options.noPrefilter;
  scan.engine.allPostRoutes = options.allPostRoutes;
  scan.engine.webhookRoutes = options.webhookRoutes;
  scan.reportUnusedIgnores = options.reportUnusedIgnores;
  applyProjectConfig(config, options, scan);
  if (!resolveRuleSelectors(options.select, scan.engine.select, error)) {
    error = "--select: " + error;
    return std::nullopt;
  }
  if (!resolveRuleSelectors(options.ignore, scan.engine.ignore, error)) {
    error = "--ignore: " + error;
    return std::nullopt;
  }
  return scan;
}

}  // namespace hg
