#include "engine/engine.h"

#include <algorithm>
#include <exception>

#include "engine/rule_context.h"

namespace hg {

namespace {

// An entry is an exact id or an id prefix naming a group ("WH1": the authentication rules).
bool entrySelects(const std::string& entry, const std::string& id) { return !entry.empty() && id.starts_with(entry); }

void checkEntries(const std::set<std::string>& entries, const char* option) {
  for (const std::string& entry : entries) {
    bool known = false;
    for (const RuleMeta& meta : catalogMetadata()) known = known || entrySelects(entry, meta.id);
    if (!known) throw UnknownRuleError("unknown rule '" + entry + "' in " + option);
  }
}

bool isSelected(const EngineConfig& config, const std::string& id) {
  bool selected = config.select.empty();
  for (const std::string& entry : config.select) selected = selected || entrySelects(entry, id);
  for (const std::string& entry : config.ignore) {
    if (entrySelects(entry, id)) return false;
  }
  return selected;
}

}  // namespace

std::vector<Finding> runRules(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                              Diagnostics& diags, ProgressSink* progress) {
  checkEntries(config.select, "select");
  checkEntries(config.ignore, "ignore");
  std::set<std::string> overridden;
  for (const auto& [id, level] : config.levelOverrides) overridden.insert(id);
  checkEntries(overridden, "level overrides");

  RuleContext context(program, knowledge, config, diags);
  if (config.jobs > 1) {
    for (const auto& rule : allRules()) {
      if (rule->usesTaint() && isSelected(config, rule->meta().id)) {
        context.startTaintInBackground();
        break;
      }
    }
  }
  std::vector<Finding> findings;
  if (progress) {
    size_t selected = 0;
    for (const auto& rule : allRules()) selected += isSelected(config, rule->meta().id) ? 1 : 0;
    progress->stage("rules", selected);
  }
  for (const auto& rule : allRules()) {
    const RuleMeta& meta = rule->meta();
    if (!isSelected(config, meta.id)) continue;
    if (progress) progress->advance(meta.id + " " + meta.name);
    std::vector<Finding> produced;
    try {
      rule->check(context, produced);
    } catch (const std::exception& e) {
      // One faulty rule must not cost the user the other rules' findings.
      diags.add({RunDiagnostic::Severity::Error, "", 0, "rule " + meta.id + " failed: " + e.what(), false});
      continue;
    }
    for (Finding& f : produced) {
      f.ruleId = meta.id;
      f.level = meta.level;
      for (const auto& [entry, level] : config.levelOverrides) {
        if (entrySelects(entry, meta.id)) f.level = level;
      }
      if (f.belowRuleLevel && f.level != Level::Note) f.level = static_cast<Level>(static_cast<int>(f.level) - 1);
      findings.push_back(std::move(f));
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return findingLess(a, b, program.sources); });
  // One finding per (rule, location): the first in sorted order stands for the others.
  std::vector<Finding> unique;
  for (Finding& f : findings) {
    if (!unique.empty() && unique.back().ruleId == f.ruleId && unique.back().location == f.location) continue;
    bool seen = false;
    for (auto it = unique.rbegin(); it != unique.rend() && it->location.file == f.location.file &&
                                    it->location.line == f.location.line && it->location.column == f.location.column;
         ++it) {
      seen = seen || (it->ruleId == f.ruleId && it->location == f.location);
    }
    if (!seen) unique.push_back(std::move(f));
  }
  return unique;
}

}  // namespace hg
