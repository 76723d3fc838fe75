#include "engine/taint_value.h"

#include "engine/taint_origin.h"

namespace hg {

TaintLabel TaintLabel::source(Span origin, RequestDataKind data) {
  TaintLabel l;
  l.kind = Kind::Source;
  l.origin = origin;
  l.data = data;
  return l;
}

TaintLabel TaintLabel::param(uint32_t index) {
  TaintLabel l;
  l.kind = Kind::Parameter;
  l.parameter = index;
  return l;
}

bool TaintLabel::isPayload() const {
  return kind == Kind::Source && (data == RequestDataKind::RawBody || data == RequestDataKind::Json ||
                                  data == RequestDataKind::Form || data == RequestDataKind::Stream);
}

void appendStep(TaintTrace& trace, const Span& span, std::string message) {
  // One step per place and meaning: a request read passed straight to a helper is two steps.
  if (!trace.steps.empty() && trace.steps.back().span == span && trace.steps.back().message == message) return;
  if (trace.steps.size() >= kMaxTraceSteps) {
    // Keep the source and the latest hops.
    trace.steps.erase(trace.steps.begin() + 1);
  }
  trace.steps.push_back(FlowStep{span, std::move(message)});
}

TaintTrace concatTraces(const TaintTrace& head, const TaintTrace& tail) {
  TaintTrace out = head;
  out.flags = head.flags | tail.flags;
  for (const FlowStep& s : tail.steps) appendStep(out, s.span, s.message);
  return out;
}

TaintValue TaintValue::constant(std::string text) {
  TaintValue v;
  v.prefix = std::move(text);
  v.prefixKnown = true;
  v.complete = true;
  return v;
}

void TaintValue::mergeLabels(const TaintValue& other) {
  for (const auto& [label, trace] : other.labels) {
    auto [it, inserted] = labels.emplace(label, trace);
    if (inserted) continue;
    TaintFlags both = it->second.flags & trace.flags;
    if (trace.steps.size() < it->second.steps.size()) it->second.steps = trace.steps;
    it->second.flags = both;
  }
  if (fieldKey.empty()) fieldKey = other.fieldKey;
}

void TaintValue::joinWith(const TaintValue& other) {
  bool samePrefix = prefixKnown && other.prefixKnown && prefix == other.prefix && complete == other.complete;
  std::string key = fieldKey == other.fieldKey ? fieldKey : std::string();
  const bool selfPinned = leadsWithFixedOrigin(*this);
  const bool otherPinned = leadsWithFixedOrigin(other);
  // A side pinned outright leaves the other side's condition as the join's.
  if (pinnedByParameter != other.pinnedByParameter)
    pinnedByParameter = selfPinned ? other.pinnedByParameter : otherPinned ? pinnedByParameter : -1;
  pinned = selfPinned && otherPinned;
  mergeLabels(other);
  fieldKey = key;
  if (!samePrefix) {
    prefix.clear();
    prefixKnown = false;
    complete = false;
  }
}

void TaintValue::addFlags(TaintFlags flags) {
  for (auto& [label, trace] : labels) {
    trace.flags |= flags;
    if ((trace.flags & (kRootPath | kNoAuthority)) == (kRootPath | kNoAuthority)) trace.flags |= kHostValidated;
  }
}

void TaintValue::appendStepToAll(const Span& span, const std::string& message) {
  for (auto& [label, trace] : labels) appendStep(trace, span, message);
}

bool TaintValue::hasLabelWithout(TaintFlags suppressing) const {
  for (const auto& [label, trace] : labels) {
    if ((trace.flags & suppressing) == 0) return true;
  }
  return false;
}

bool operator==(const TaintValue& a, const TaintValue& b) {
  // Paths are not compared: the fixpoint converges on what is tainted and how it was checked,
  // and a path found first is as good as one found later.
  if (a.prefixKnown != b.prefixKnown || a.complete != b.complete || a.prefix != b.prefix || a.fieldKey != b.fieldKey ||
      a.pinned != b.pinned || a.pinnedByParameter != b.pinnedByParameter)
    return false;
  if (a.labels.size() != b.labels.size()) return false;
  for (auto ia = a.labels.begin(), ib = b.labels.begin(); ia != a.labels.end(); ++ia, ++ib) {
    if (!(ia->first == ib->first) || ia->second.flags != ib->second.flags) return false;
  }
  return true;
}

bool leadsWithFixedOrigin(const TaintValue& v) {
  return v.pinned || (v.prefixKnown && classifyUrlPrefix(v.prefix) != UrlPrefixKind::Open);
}

}  // namespace hg
