// The project configuration: `[tool.hookguard]` in pyproject.toml, or the top level of
// .hookguard.toml. Every key is checked: an unknown key or a value of the wrong type is an error
// naming file:line:column (exit code 2), so a typo never silently changes what is scanned.
//
//   select = ["WH1", "ssrf-unvalidated-url"]      rule ids, names or id prefixes
//   ignore = ["WH501"]
//   exclude = ["migrations", "tests/fixtures/**"]  globs (cli/exclude_patterns.h), relative to the file
//   fail-on = "warning"                           error | warning | note | never
//   all-post-routes = true
//   webhook-routes = ["/api/inbound/*"]           globs over route paths or handler names
//   max-body-bytes = 1048576                      WH302: largest acceptable body size limit
//   max-timestamp-window = 300                    WH203: longest acceptable freshness window (seconds)
//   max-file-bytes = 20971520                     skip larger files
//   max-file-seconds = 30                         skip Python files taking longer to parse (0: no limit)
//   [rules.WH201]                                 per rule (id or name): level = "error" | "warning" | "note"
//   level = "error"
//   [knowledge]                                   extra names for rules/knowledge categories
//   verifiers = ["myapp.security.check_signature", { name = "myapp.auth.verify", style = "raises" }]
//
// In pyproject.toml the same keys sit under [tool.hookguard] ([tool.hookguard.rules.WH201], ...).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"

namespace hg {

// The message starts with "file:line:column: " when the problem has a place in the file.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ProjectConfig {
  std::string path;                      // the file, as shown in messages; empty = no file
  std::filesystem::path baseDirectory;   // the file's directory: exclude globs are relative to it
  std::optional<std::vector<std::string>> select;
  std::optional<std::vector<std::string>> ignore;
  std::vector<std::string> exclude;
  std::optional<std::string> failOn;  // validated: error, warning, note or never
  std::optional<bool> allPostRoutes;
  std::optional<bool> fix;          // --fix
  std::optional<bool> unsafeFixes;  // --unsafe-fixes
  std::optional<std::vector<std::string>> webhookRoutes;
  std::optional<uint64_t> maxBodyBytes;
  std::optional<double> maxTimestampWindowSeconds;
  std::optional<uint64_t> maxFileBytes;
  std::optional<double> maxFileSeconds;
  std::map<std::string, Level> ruleLevels;  // rule id -> level
  // {"verifiers": [entry, ...], ...} in the knowledge-file format (core/knowledge.h).
  nlohmann::json knowledge = nlohmann::json::object();
};

enum class ConfigFileKind : uint8_t { HookguardToml, Pyproject };

// Parses a configuration's text. `shownPath` names the file in messages; `knowledgeCategories`
// are the categories [knowledge] may extend. Returns nullopt for a pyproject.toml without a
// [tool.hookguard] table (not a hookguard configuration). Throws ConfigError.
std::optional<ProjectConfig> parseProjectConfig(std::string_view text, const std::string& shownPath,
                                                ConfigFileKind kind,
                                                const std::vector<std::string>& knowledgeCategories);

// Reads and parses a file (its kind from its name: pyproject.toml or anything else). A
// pyproject.toml without [tool.hookguard] is an error here: the user named it. Throws ConfigError.
ProjectConfig loadProjectConfig(const std::filesystem::path& file);

// The configuration that applies to a scan of `firstPath`: the nearest .hookguard.toml, or
// pyproject.toml holding [tool.hookguard], in the path's directory or above, stopping at the
// repository root (a directory holding .git). nullopt when there is none.
std::optional<std::filesystem::path> findProjectConfig(const std::filesystem::path& firstPath);

}  // namespace hg
