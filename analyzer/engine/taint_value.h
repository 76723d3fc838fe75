// What the taint analysis knows about one value: which client-controlled reads (or, inside a
// function summary, which parameters) it carries, what checks each of them has passed on the
// way, and the path each took — the steps a SARIF codeFlow shows.
//
// A check is recorded per label rather than by dropping the label: a host allowlist makes a URL
// safe to fetch but not safe to unpickle, so each rule asks for the flags it cares about.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source.h"
#include "engine/request_uses.h"

namespace hg {

// Checks a tainted value has passed. Along one path they accumulate (any check on the path
// counts); where paths join only the checks made on every path survive.
enum TaintFlag : uint8_t {
  kHostValidated = 1u << 0,    // the URL's host passed an allowlist or IP-range check
  kOriginFixed = 1u << 1,      // the data sits after a literal scheme+host (or a local path)
  kSchemaValidated = 1u << 2,  // the payload passed schema validation or an SDK's parser
  kQueryOnly = 1u << 3,        // the data sits in the query or fragment
  // The two halves of "a path on this site": the value starts with '/', and not with "//" or
  // "/\" (which browsers read as another host). Together they count as kHostValidated.
  kRootPath = 1u << 4,
  kNoAuthority = 1u << 5,
};
using TaintFlags = uint8_t;

struct TaintLabel {
  enum class Kind : uint8_t { Source, Parameter };
  Kind kind = Kind::Source;
  uint32_t parameter = 0;  // Parameter: index into Function::params
  Span origin;             // Source: the read (for a path parameter, the parameter)
  RequestDataKind data = RequestDataKind::Other;

  static TaintLabel source(Span origin, RequestDataKind data);
  static TaintLabel param(uint32_t index);
  bool isSource() const { return kind == Kind::Source; }
  // The request body in any form: what the payload rules mean by "payload".
  bool isPayload() const;

  friend bool operator==(const TaintLabel&, const TaintLabel&) = default;
  friend auto operator<=>(const TaintLabel& a, const TaintLabel& b) {
    if (auto c = a.kind <=> b.kind; c != 0) return c;
    if (auto c = a.parameter <=> b.parameter; c != 0) return c;
    return a.origin <=> b.origin;
  }
};

struct TaintTrace {
  TaintFlags flags = 0;
  std::vector<FlowStep> steps;  // source first
};

// Long chains are cut in the middle: a codeFlow of forty hops helps nobody, and a loop must not
// grow a path without bound.
inline constexpr size_t kMaxTraceSteps = 24;
void appendStep(TaintTrace& trace, const Span& span, std::string message);
// `head` then `tail`, flags combined: the path through a call.
TaintTrace concatTraces(const TaintTrace& head, const TaintTrace& tail);

struct TaintValue {
  std::map<TaintLabel, TaintTrace> labels;
  // The value's leading text when it is known: a constant string, or what a URL built from a
  // literal origin starts with. `complete` when the whole value is that text.
  std::string prefix;
  bool prefixKnown = false;
  bool complete = false;
  // The last constant key a payload value was selected by ("order_id" for data["order_id"]).
  std::string fieldKey;
  // The leading text fixes the origin even where the text itself is unknown: reverse(),
  // url_for(), the path of the current request, one of a constant table's URLs.
  bool pinned = false;
  // Inside a summary: the value's origin is fixed whenever this parameter's is (a helper that
  // returns `request.build_absolute_uri(location)`); -1 for none.
  int32_t pinnedByParameter = -1;

  bool tainted() const { return !labels.empty(); }
  static TaintValue constant(std::string text);

  // Union of labels (a label present on both sides keeps only the checks both passed, and the
  // shorter path); text facts survive only when both sides agree, a fixed origin when both
  // sides have one.
  void joinWith(const TaintValue& other);
  // Union of labels as above, without touching text facts (operands of an expression).
  void mergeLabels(const TaintValue& other);
  void addFlags(TaintFlags flags);
  void appendStepToAll(const Span& span, const std::string& message);
  // True when some label lacks all of `suppressing` (the checks that would excuse it).
  bool hasLabelWithout(TaintFlags suppressing) const;

  friend bool operator==(const TaintValue& a, const TaintValue& b);
};

// Whether nothing the client sends can pick the value's host: its known text starts with a
// fixed origin or a path of this site, or it is `pinned`.
bool leadsWithFixedOrigin(const TaintValue& v);

}  // namespace hg
