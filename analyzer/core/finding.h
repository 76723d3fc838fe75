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

// One replacement of a byte range of a file's analyzed text (SourceFile::text); an empty
// range inserts. Byte offsets, because fixes are applied to bytes; reporters convert them
// to lines and columns (SourceFile::span).
struct TextEdit {
  FileId file = kNoFile;
  size_t startByte = 0;
  size_t endByte = 0;  // exclusive
  std::string replacement;

  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

// Safe: keeps the program's meaning apart from the flaw it removes, applied by --fix.
// Unsafe: may change behaviour (a new limit, a timeout), applied only with --unsafe-fixes.
enum class FixApplicability : uint8_t { Safe, Unsafe };
const char* applicabilityName(FixApplicability applicability);  // "safe", "unsafe"

struct Fix {
  std::string description;  // imperative, lower case: "use hmac.compare_digest"
  FixApplicability applicability = FixApplicability::Safe;
  std::vector<TextEdit> edits;  // in one file, sorted, not overlapping
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
  // Filled after the rules by engine/fixes.h, never by a rule; at most one today. Empty when
  // the remedy is not mechanical or the code's shape is not certain.
  std::vector<Fix> fixes;

  bool suppressed() const { return !suppressions.empty(); }
  const Fix* fix() const { return fixes.empty() ? nullptr : &fixes.front(); }
};

// Deterministic order: file path, line, column, rule id, message.
bool findingLess(const Finding& a, const Finding& b, const class SourceSet& sources);

}  // namespace hg
