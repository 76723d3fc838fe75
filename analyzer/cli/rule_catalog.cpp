#include "cli/rule_catalog.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "engine/engine.h"

namespace hg {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// A table cell must not end the cell early or the row.
std::string markdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::vector<std::vector<std::string>> rows(const std::vector<const RuleMeta*>& rules) {
  std::vector<std::vector<std::string>> out;
  for (const RuleMeta* rule : rules) {
    out.push_back({rule->id, rule->name, levelName(rule->level), rule->securitySeverity, joined(rule->cwes, ", "),
                   rule->shortDescription});
  }
  return out;
}

const std::vector<std::string> kHeader = {"ID", "name", "level", "severity", "CWE", "description"};

std::string renderText(const std::vector<const RuleMeta*>& rules) {
  auto table = rows(rules);
  table.insert(table.begin(), kHeader);
  std::vector<size_t> widths(kHeader.size(), 0);
  for (const auto& row : table) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : table) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string renderMarkdown(const std::vector<const RuleMeta*>& rules) {
  std::string out = "| " + joined(kHeader, " | ") + " |\n|";
  for (size_t i = 0; i < kHeader.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& row : rows(rules)) {
    out += "|";
    for (const std::string& cell : row) out += " " + markdownCell(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string renderJson(const std::vector<const RuleMeta*>& rules) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleMeta* rule : rules) {
    list.push_back({{"id", rule->id},
                    {"name", rule->name},
                    {"level", levelName(rule->level)},
                    {"securitySeverity", rule->securitySeverity},
                    {"cwe", rule->cwes},
                    {"precision", rule->precision},
                    {"description", rule->shortDescription}});
  }
  return list.dump(2) + "\n";
}

}  // namespace

std::vector<const RuleMeta*> ruleCatalog() {
  std::vector<const RuleMeta*> out;
  for (const RuleMeta& meta : catalogMetadata()) out.push_back(&meta);
  std::stable_sort(out.begin(), out.end(), [](const RuleMeta* a, const RuleMeta* b) { return a->id < b->id; });
  return out;
}

const RuleMeta* lookupRule(std::string_view idOrName) {
  const std::string id = upper(idOrName);
  for (const RuleMeta* rule : ruleCatalog()) {
    if (rule->id == id || rule->name == idOrName) return rule;
  }
  return nullptr;
}

bool resolveRuleSelectors(const std::vector<std::string>& selectors, std::set<std::string>& ids,
                          std::string& error) {
  const auto catalog = ruleCatalog();
  for (const std::string& raw : selectors) {
    std::string selector = raw;
    selector.erase(0, selector.find_first_not_of(" \t"));
    selector.erase(selector.find_last_not_of(" \t") + 1);
    if (selector.empty()) continue;  // "--select WH101," is a harmless slip
    if (const RuleMeta* rule = lookupRule(selector)) {
      ids.insert(rule->id);
      continue;
    }
    const std::string prefix = upper(selector);
    bool matched = false;
    if (prefix.size() >= 2 && prefix.starts_with("WH")) {
      for (const RuleMeta* rule : catalog) {
        if (rule->id.starts_with(prefix)) {
          ids.insert(rule->id);
          matched = true;
        }
      }
    }
    if (!matched) {
      error = "unknown rule '" + raw + "' (`hookguard rules` lists them)";
      return false;
    }
  }
  return true;
}

std::string renderRuleTable(RuleTableFormat format, const std::vector<const RuleMeta*>& rules) {
  switch (format) {
    case RuleTableFormat::Text: return renderText(rules);
    case RuleTableFormat::Markdown: return renderMarkdown(rules);
    case RuleTableFormat::Json: return renderJson(rules);
  }
  return {};
}

std::string ruleDocumentation(const RuleMeta& rule) {
  std::string doc = rule.docMarkdown;
  if (doc.empty()) {
    // Every rule ships a .md; this is only reached by a build that lost one.
    doc = "# " + rule.id + " " + rule.name + "\n\n" + rule.shortDescription + "\n";
  }
  if (doc.back() != '\n') doc += '\n';
  return doc;
}

}  // namespace hg
