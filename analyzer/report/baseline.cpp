#include "report/baseline.h"

#include <optional>

#include <nlohmann/json.hpp>

#include "report/line_hash.h"

namespace hg {

namespace {

using Json = nlohmann::json;

const Json* member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string ruleIdOf(const Json& result) {
  if (const Json* id = member(result, "ruleId"); id && id->is_string()) return id->get<std::string>();
  if (const Json* rule = member(result, "rule")) {
    if (const Json* id = member(*rule, "id"); id && id->is_string()) return id->get<std::string>();
  }
  return {};
}

}  // namespace

Baseline Baseline::parse(std::string_view sarifText, const std::string& origin) {
  auto fail = [&](const std::string& why) -> BaselineError { return BaselineError(origin + ": not a usable baseline: " + why); };
  Json log;
  try {
    log = Json::parse(sarifText);
  // Any json::exception: besides parse_error, a number too large for a double is out_of_range.
  } catch (const Json::exception& e) {
    throw fail(std::string("invalid JSON (") + e.what() + ")");
  }
  const Json* runs = member(log, "runs");
  if (!runs || !runs->is_array()) throw fail("no \"runs\" array (expected a SARIF log written by `hookguard scan --format sarif`)");

  Baseline baseline;
  bool sawHookguardRun = false;
  for (const Json& run : *runs) {
    const Json* tool = member(run, "tool");
    const Json* driver = tool ? member(*tool, "driver") : nullptr;
    const Json* name = driver ? member(*driver, "name") : nullptr;
    if (!name || !name->is_string() || name->get<std::string>() != "hookguard") continue;
    sawHookguardRun = true;
    const Json* results = member(run, "results");
    if (!results) continue;
    if (!results->is_array()) throw fail("\"results\" is not an array");
    for (const Json& result : *results) {
      if (!result.is_object()) throw fail("a result is not an object");
      const std::string ruleId = ruleIdOf(result);
      if (ruleId.empty()) throw fail("a result has no ruleId");
      // A result suppressed in source was accepted by its comment, not by the baseline: if the
      // comment goes, the finding must come back.
      if (const Json* suppressions = member(result, "suppressions"); suppressions && suppressions->is_array() &&
                                                                   !suppressions->empty())
        continue;
      const Json* prints = member(result, "partialFingerprints");
      const Json* hash = prints ? member(*prints, "primaryLocationLineHash") : nullptr;
      // A result without a hash (its file was not valid UTF-8) cannot be matched: skipped.
      if (!hash || !hash->is_string()) continue;
      ++baseline.known_[{ruleId, hash->get<std::string>()}];
    }
  }
  if (!sawHookguardRun) throw fail("the log holds no run of hookguard");
  return baseline;
}

size_t Baseline::size() const {
  size_t total = 0;
  for (const auto& [key, count] : known_) total += count;
  return total;
}

size_t Baseline::filter(const Program& program, std::vector<Finding>& findings) const {
  std::map<std::pair<std::string, std::string>, size_t> remaining = known_;
  std::map<FileId, std::optional<std::vector<std::string>>> hashes;
  size_t removed = 0;
  std::vector<Finding> kept;
  for (Finding& finding : findings) {
    const Span& at = finding.location;
    std::optional<std::string> hash;
    if (at.valid() && at.file < program.sources.size()) {
      auto it = hashes.find(at.file);
      if (it == hashes.end()) it = hashes.emplace(at.file, lineHashes(program.sources.get(at.file))).first;
      if (it->second && at.line < it->second->size() && !(*it->second)[at.line].empty()) hash = (*it->second)[at.line];
    }
    if (hash) {
      auto known = remaining.find({finding.ruleId, *hash});
      if (known != remaining.end() && known->second > 0) {
        --known->second;
        ++removed;
        continue;
      }
    }
    kept.push_back(std::move(finding));
  }
  findings = std::move(kept);
  return removed;
}

}  // namespace hg
