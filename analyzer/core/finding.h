// What a rule reports, independent of any output format.
#pragma once

#include <string>
#include <vector>

#include "core/source.h"

namespace hg {

enum class Level : uint8_t { Note, Warning, Error };
const char* levelName(Level level);  // "note", "warning", "error"

struct RelatedLocation {
  Span span;
  std::string message;  // "route declared here", "value read from the request here"
};

// One step of a data flow, source first, sink last (SARIF threadFlowLocation).
struct FlowStep {
  Span span;
  std::string message;
};

struct Suppression {
  Span comment;  // where the "hookguard: ignore" comment is
};

struct Finding {
  std::string ruleId;  // "WH101"
  Level level = Level::Error;
  std::string message;  // lower case, names route, handler and construct; no final period
  Span location;
  std::vector<RelatedLocation> related;
  std::vector<FlowStep> flow;
  std::string help;  // how to fix it, one line ("verify X-Hub-Signature-256 with hmac.compare_digest")
  std::vector<Suppression> suppressions;  // filled by the suppression pass, not by rules
  // Set by a rule for a milder form of what it reports (partial SSRF under WH401): the engine
  // gives the finding the level below the rule's configured one.
  bool belowRuleLevel = false;

  bool suppressed() const { return !suppressions.empty(); }
};

// Deterministic order: file path, line, column, rule id, message.
bool findingLess(const Finding& a, const Finding& b, const class SourceSet& sources);

}  // namespace hg
