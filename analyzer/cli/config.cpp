#include "cli/config.h"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "cli/error_text.h"
#include "cli/rule_catalog.h"
#include "core/knowledge.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPyprojectName = "pyproject.toml";
constexpr const char* kHookguardTomlName = ".hookguard.toml";

const std::vector<std::string> kTopLevelKeys = {
    "select", "ignore", "exclude", "fail-on", "all-post-routes", "webhook-routes",
    "max-body-bytes", "max-timestamp-window", "max-file-bytes", "max-file-seconds", "fix", "unsafe-fixes", "rules",
    "knowledge",
};
const std::map<std::string, Level> kLevels = {{"error", Level::Error}, {"warning", Level::Warning}, {"note", Level::Note}};
const std::set<std::string> kFailOnValues = {"error", "warning", "note", "never"};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

const char* typeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

class ConfigReader {
 public:
  ConfigReader(const std::string& path, std::string tablePrefix, const std::vector<std::string>& categories)
      : path_(path), prefix_(std::move(tablePrefix)), categories_(categories) {}

  ProjectConfig read(const toml::table& table) {
    ProjectConfig config;
    config.path = path_;
    for (auto&& [key, node] : table) {
      const std::string name(key.str());
      if (name == "select") config.select = rules(node, name);
      else if (name == "ignore") config.ignore = rules(node, name);
      else if (name == "exclude") config.exclude = strings(node, name);
      else if (name == "fail-on") config.failOn = oneOf(node, name, kFailOnValues);
      else if (name == "all-post-routes") config.allPostRoutes = boolean(node, name);
      else if (name == "webhook-routes") config.webhookRoutes = strings(node, name);
      else if (name == "max-body-bytes") config.maxBodyBytes = positiveInteger(node, name);
      else if (name == "max-timestamp-window") config.maxTimestampWindowSeconds = positiveNumber(node, name);
      else if (name == "max-file-bytes") config.maxFileBytes = positiveInteger(node, name);
      else if (name == "max-file-seconds") config.maxFileSeconds = number(node, name, /*zeroAllowed=*/true);
      else if (name == "fix") config.fix = boolean(node, name);
      else if (name == "unsafe-fixes") config.unsafeFixes = boolean(node, name);
      else if (name == "rules") readRuleTable(node, config);
      else if (name == "knowledge") readKnowledge(node, config);
      else fail(key.source(), "unknown key '" + name + "' in " + tableName("") + " (known keys: " + joined(kTopLevelKeys) + ")");
    }
    return config;
  }

 private:
  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
    std::string place = path_;
    if (where.begin.line > 0) place += ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
    throw ConfigError(place + ": " + message);
  }

  std::string tableName(const std::string& sub) const {
    std::string name = prefix_;
    if (!sub.empty()) name += (name.empty() ? "" : ".") + sub;
    return name.empty() ? "the top level" : "[" + name + "]";
  }

  std::string keyName(const std::string& key) const { return prefix_.empty() ? key : prefix_ + "." + key; }

  void expectType(const toml::node& node, toml::node_type type, const std::string& key, const std::string& wanted) const {
    if (node.type() != type) fail(node.source(), "'" + keyName(key) + "' must be " + wanted + ", not " + typeName(node));
  }

  std::vector<std::string> strings(const toml::node& node, const std::string& key) const {
    expectType(node, toml::node_type::array, key, "an array of strings");
    std::vector<std::string> out;
    for (const toml::node& item : *node.as_array()) {
      if (!item.is_string()) {
        fail(item.source(), "'" + keyName(key) + "' must be an array of strings; this element is " + typeName(item));
      }
      out.push_back(item.as_string()->get());
    }
    return out;
  }

  std::vector<std::string> rules(const toml::node& node, const std::string& key) const {
    std::vector<std::string> out = strings(node, key);
    for (size_t i = 0; i < out.size(); ++i) {
      std::set<std::string> ids;
      std::string error;
      if (!resolveRuleSelectors({out[i]}, ids, error)) fail((*node.as_array())[i].source(), "'" + keyName(key) + "': " + error);
    }
    return out;
  }

  std::string oneOf(const toml::node& node, const std::string& key, const std::set<std::string>& allowed) const {
    std::vector<std::string> names(allowed.begin(), allowed.end());
    expectType(node, toml::node_type::string, key, "one of " + joined(names));
    std::string value = node.as_string()->get();
    if (!allowed.count(value)) fail(node.source(), "'" + keyName(key) + "' must be one of " + joined(names) + ", not '" + value + "'");
    return value;
  }

  bool boolean(const toml::node& node, const std::string& key) const {
    expectType(node, toml::node_type::boolean, key, "true or false");
    return node.as_boolean()->get();
  }

  uint64_t positiveInteger(const toml::node& node, const std::string& key) const {
    expectType(node, toml::node_type::integer, key, "a positive integer");
    int64_t value = node.as_integer()->get();
    if (value <= 0) fail(node.source(), "'" + keyName(key) + "' must be a positive integer, not " + std::to_string(value));
    return static_cast<uint64_t>(value);
  }

  double positiveNumber(const toml::node& node, const std::string& key) const { return number(node, key, false); }

  double number(const toml::node& node, const std::string& key, bool zeroAllowed) const {
    const std::string wanted = zeroAllowed ? "a number, 0 or more" : "a positive number";
    double value = 0;
    if (node.is_integer()) value = static_cast<double>(node.as_integer()->get());
    else if (node.is_floating_point()) value = node.as_floating_point()->get();
    else fail(node.source(), "'" + keyName(key) + "' must be " + wanted + ", not " + typeName(node));
    const bool inRange = zeroAllowed ? value >= 0 : value > 0;
    if (!inRange || !std::isfinite(value)) fail(node.source(), "'" + keyName(key) + "' must be " + wanted);
    return value;
  }

  void readRuleTable(const toml::node& node, ProjectConfig& config) const {
    expectType(node, toml::node_type::table, "rules", "a table of rules ([" + keyName("rules") + ".WH201])");
    for (auto&& [key, settings] : *node.as_table()) {
      const std::string rule(key.str());
      std::set<std::string> ids;
      std::string error;
      if (!resolveRuleSelectors({rule}, ids, error)) fail(key.source(), "[" + keyName("rules." + rule) + "]: " + error);
      const std::string table = "rules." + rule;
      expectType(settings, toml::node_type::table, table, "a table (level = \"error\")");
      for (auto&& [settingKey, value] : *settings.as_table()) {
        const std::string setting(settingKey.str());
        if (setting != "level") {
          fail(settingKey.source(), "unknown key '" + setting + "' in " + tableName(table) + " (known keys: level)");
        }
        std::string level = oneOf(value, table + ".level", {"error", "warning", "note"});
        for (const std::string& id : ids) config.ruleLevels[id] = kLevels.at(level);
      }
    }
  }

  nlohmann::json toJson(const toml::node& node, const std::string& key) const {
    switch (node.type()) {
      case toml::node_type::string: return node.as_string()->get();
      case toml::node_type::integer: return node.as_integer()->get();
      case toml::node_type::floating_point: return node.as_floating_point()->get();
      case toml::node_type::boolean: return node.as_boolean()->get();
      case toml::node_type::array: {
        nlohmann::json out = nlohmann::json::array();
        for (const toml::node& item : *node.as_array()) out.push_back(toJson(item, key));
        return out;
      }
      case toml::node_type::table: {
        nlohmann::json out = nlohmann::json::object();
        for (auto&& [k, v] : *node.as_table()) out[std::string(k.str())] = toJson(v, key);
        return out;
      }
      default: fail(node.source(), "'" + keyName(key) + "' holds " + typeName(node) + ", which knowledge entries cannot hold");
    }
  }

  void readKnowledge(const toml::node& node, ProjectConfig& config) const {
    expectType(node, toml::node_type::table, "knowledge", "a table of categories");
    for (auto&& [key, entries] : *node.as_table()) {
      const std::string category(key.str());
      const std::string entryKey = "knowledge." + category;
      if (std::find(categories_.begin(), categories_.end(), category) == categories_.end()) {
        fail(key.source(), "unknown knowledge category '" + category +
                               "' (categories: " + joined(categories_) + "; see rules/knowledge/README.md)");
      }
      expectType(entries, toml::node_type::array, entryKey, "an array of names or {name = ...} tables");
      nlohmann::json& list = config.knowledge[category];
      if (list.is_null()) list = nlohmann::json::array();
      for (const toml::node& entry : *entries.as_array()) {
        if (entry.is_string()) {
          list.push_back(entry.as_string()->get());
          continue;
        }
        const toml::table* table = entry.as_table();
        const toml::node* name = table ? table->get("name") : nullptr;
        if (!name || !name->is_string()) {
          fail(entry.source(), "each entry of '" + keyName(entryKey) + "' must be a string or a table with a string 'name'");
        }
        list.push_back(toJson(entry, entryKey));
      }
    }
  }

  const std::string& path_;
  std::string prefix_;
  const std::vector<std::string>& categories_;
};

std::string shownPathOf(const fs::path& file) {
  std::error_code ec;
  fs::path relative = fs::proximate(file, ec);
  if (ec || relative.empty() || *relative.begin() == "..") return file.string();
  return relative.generic_string();
}

bool readWholeFile(const fs::path& file, std::string& text, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code ec(errno, std::generic_category());
    error = errorText(ec);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

// Whether a pyproject.toml is ours: it has [tool.hookguard], or it mentions the table but is
// not valid TOML (then loading it reports the syntax error instead of silently skipping it).
bool mayHoldHookguardTable(std::string_view text) {
  if (text.find("hookguard") == std::string_view::npos) return false;
  try {
    toml::table document = toml::parse(text);
    const toml::node* tool = document.get("tool");
    return tool && tool->is_table() && tool->as_table()->get("hookguard") != nullptr;
  } catch (const toml::parse_error&) {
    return text.find("tool.hookguard") != std::string_view::npos;
  }
}

}  // namespace

std::optional<ProjectConfig> parseProjectConfig(std::string_view text, const std::string& shownPath,
                                                ConfigFileKind kind,
                                                const std::vector<std::string>& knowledgeCategories) {
  toml::table document;
  try {
    document = toml::parse(text, shownPath);
  } catch (const toml::parse_error& e) {
    const toml::source_region& where = e.source();
    throw ConfigError(shownPath + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column) +
                      ": invalid TOML: " + std::string(e.description()));
  }
  if (kind == ConfigFileKind::HookguardToml) {
    return ConfigReader(shownPath, "", knowledgeCategories).read(document);
  }
  const toml::node* tool = document.get("tool");
  const toml::node* section = tool && tool->is_table() ? tool->as_table()->get("hookguard") : nullptr;
  if (!section) return std::nullopt;
  if (!section->is_table()) {
    const toml::source_region& where = section->source();
    throw ConfigError(shownPath + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column) +
                      ": 'tool.hookguard' must be a table, not " + typeName(*section));
  }
  return ConfigReader(shownPath, "tool.hookguard", knowledgeCategories).read(*section->as_table());
}

ProjectConfig loadProjectConfig(const fs::path& file) {
  const std::string shown = shownPathOf(file);
  std::string text;
  std::string error;
  if (!readWholeFile(file, text, error)) throw ConfigError(shown + ": cannot read configuration file: " + error);
  const ConfigFileKind kind = file.filename() == kPyprojectName ? ConfigFileKind::Pyproject : ConfigFileKind::HookguardToml;
  std::optional<ProjectConfig> config = parseProjectConfig(text, shown, kind, Knowledge::builtin().categories());
  if (!config) throw ConfigError(shown + ": no [tool.hookguard] table in this file");
  std::error_code ec;
  fs::path absolute = fs::canonical(file, ec);
  config->baseDirectory = (ec ? fs::absolute(file) : absolute).parent_path();
  return *config;
}

std::optional<fs::path> findProjectConfig(const fs::path& firstPath) {
  std::error_code ec;
  fs::path dir = fs::canonical(firstPath, ec);
  if (ec) dir = fs::absolute(firstPath, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / kHookguardTomlName, ec)) return dir / kHookguardTomlName;
    const fs::path pyproject = dir / kPyprojectName;
    if (fs::is_regular_file(pyproject, ec)) {
      // A pyproject.toml without our table belongs to other tools: not worth parsing (it may
      // not even be valid), and the search goes on upward.
      std::string text;
      std::string error;
      if (readWholeFile(pyproject, text, error) && mayHoldHookguardTable(text)) return pyproject;
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace hg
