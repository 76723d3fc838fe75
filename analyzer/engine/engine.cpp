#include "engine/engine.h"

#include <algorithm>
#include <exception>

#include "core/parallel_for.h"
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

// Runs one rule, giving its findings the rule's id and level; a rule that throws is reported
// and costs the user only its own findings.
void runRule(const Rule& rule, RuleContext& context, const EngineConfig& config, std::vector<Finding>& into,
             Diagnostics& diags) {
  const RuleMeta& meta = rule.meta();
  std::vector<Finding> produced;
  try {
    rule.check(context, produced);
  } catch (const std::exception& e) {
    diags.add({RunDiagnostic::Severity::Error, "", 0, "rule " + meta.id + " failed: " + e.what(), false});
    return;
  }
  for (Finding& f : produced) {
    f.ruleId = meta.id;
    f.level = meta.level;
    for (const auto& [entry, level] : config.levelOverrides) {
      if (entrySelects(entry, meta.id)) f.level = level;
    }
    if (f.belowRuleLevel && f.level != Level::Note) f.level = static_cast<Level>(static_cast<int>(f.level) - 1);
    into.push_back(std::move(f));
  }
}

// Cuts the function ids into `count` runs of about the same amount of code. Runs keep a
// module's functions together (ids follow the modules), so the helpers a handler calls are
// mostly analysed by one thread only.
std::vector<FunctionRange> splitProgram(const Program& program, size_t count) {
  const FunctionId functions = static_cast<FunctionId>(program.functionCount());
  size_t total = 0;
  for (FunctionId id = 0; id < functions; ++id) total += program.function(id).exprs.size() + 1;
  std::vector<FunctionRange> parts;
  FunctionId begin = 0;
  size_t seen = 0;
  for (FunctionId id = 0; id < functions && parts.size() + 1 < count; ++id) {
    seen += program.function(id).exprs.size() + 1;
    if (seen * count >= total * (parts.size() + 1)) {
      parts.push_back({begin, id + 1});
      begin = id + 1;
    }
  }
  parts.push_back({begin, kNoFunction});
  return parts;
}

// What one part of a split rule phase found.
struct PartResult {
  std::vector<Finding> findings;
  std::vector<WebhookHandler> handlers;
  bool classified = false;
  Diagnostics diagnostics;
};

}  // namespace

std::vector<Finding> runRules(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                              Diagnostics& diags, ProgressSink* progress) {
  checkEntries(config.select, "select");
  checkEntries(config.ignore, "ignore");
  std::set<std::string> overridden;
  for (const auto& [id, level] : config.levelOverrides) overridden.insert(id);
  checkEntries(overridden, "level overrides");

  std::vector<const Rule*> splitting, whole;
  bool taint = false;
  for (const auto& rule : allRules()) {
    if (!isSelected(config, rule->meta().id)) continue;
    (rule->splitsByFunction() ? splitting : whole).push_back(rule.get());
    taint = taint || rule->usesTaint();
  }
  if (progress) progress->stage("rules", splitting.size() + whole.size());

  RuleContext context(program, knowledge, config, diags);
  if (config.jobs > 1 && taint) context.startTaintInBackground();
  std::vector<Finding> findings;
  const std::vector<FunctionRange> parts =
      config.jobs > 1 && !splitting.empty() && program.functionCount() >= config.jobs
          ? splitProgram(program, config.jobs)
          : std::vector<FunctionRange>{FunctionRange{}};
  if (parts.size() == 1) {
    for (const Rule* rule : splitting) {
      if (progress) progress->advance(rule->meta().id + " " + rule->meta().name);
      runRule(*rule, context, config, findings, diags);
    }
  } else {
    // Each part has a context of its own (the analyses cache as they go and are not
    // thread-safe); only the call resolver, complete once built, is shared.
    // The value roles are a fixpoint over the whole program: computed once here (beside the
    // taint analysis), then copied into each part.
    const CallResolver& calls = context.calls();
    const ValueRoles* roles = nullptr;
    try {
      context.valueRoles().precompute();
      roles = &context.valueRoles();
    } catch (const std::exception&) {
      // Each part computes them, and its rules report the failure.
    }
    std::vector<PartResult> results(parts.size());
    parallelFor(parts.size(), config.jobs, [&](size_t i) {
      PartResult& result = results[i];
      RuleContext partContext(program, knowledge, config, result.diagnostics, calls, parts[i]);
      if (roles) partContext.adoptValueRoles(*roles);
      for (const Rule* rule : splitting) {
        if (progress && i == 0) progress->advance(rule->meta().id + " " + rule->meta().name);
        runRule(*rule, partContext, config, result.findings, result.diagnostics);
      }
      if (whole.empty()) return;
      try {
        result.handlers = partContext.webhooks().handlers();
        result.classified = true;
      } catch (const std::exception&) {
        // The whole-program rules classify the routes again, and report the failure there.
      }
    });
    std::vector<WebhookHandler> handlers;
    bool classified = true;
    std::set<std::string> reported;
    for (PartResult& result : results) {
      for (Finding& f : result.findings) findings.push_back(std::move(f));
      for (WebhookHandler& h : result.handlers) handlers.push_back(std::move(h));
      classified = classified && result.classified;
      // A rule that fails, fails in every part: one message.
      for (const RunDiagnostic& d : result.diagnostics.all()) {
        if (reported.insert(d.message).second) diags.add(d);
      }
    }
    if (classified && !whole.empty()) {
      std::stable_sort(handlers.begin(), handlers.end(),
                       [](const WebhookHandler& a, const WebhookHandler& b) { return a.route < b.route; });
      context.webhooks().adopt(std::move(handlers));
    }
  }
  for (const Rule* rule : whole) {
    if (progress) progress->advance(rule->meta().id + " " + rule->meta().name);
    runRule(*rule, context, config, findings, diags);
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
