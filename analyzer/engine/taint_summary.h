// What a function does with tainted data, computed once per function and reused at every call:
// which parameters reach which sinks ("parameter 0 reaches the URL of requests.get"), what the
// return value carries ("depends on parameter 1", or request data the function reads itself),
// and which checks a parameter has passed when the function returns (normally, or with a truthy
// value) — how a helper like is_safe_url(url) or validate(payload) sanitizes its caller's value.
#pragma once

#include <string>
#include <vector>

#include "core/ir.h"
#include "engine/taint_catalog.h"
#include "engine/taint_value.h"

namespace hg {

// Request data (or, inside a summary, a parameter) reaching a sink.
struct SinkHit {
  SinkKind kind = SinkKind::Ssrf;
  FunctionId function = kNoFunction;  // the function holding the sink
  ExprId expr = kNoExpr;              // the sink call, subscript or assignment target
  Span span;
  std::string sink;    // the construct as written: "requests.get", "redirect", "data['amount']"
  std::string detail;  // what makes it a sink here: "shell=True", "Location header", a key
  // DbLookup / FieldRead: the key that selected the value; Ssrf: the field of the source
  // object the URL is, when it is one (`job["notify_url"]` of `job = request.get_json()`).
  std::string fieldKey;
  TaintLabel label;
  TaintTrace trace;  // the label's origin first, the sink last
  // Source hits: the function whose analysis joined the source to the sink (where the flow
  // starts for the reader; the routes that reach it name the finding).
  FunctionId root = kNoFunction;
};

// The checks that make a label harmless at a sink of this kind.
inline TaintFlags suppressingFlags(SinkKind kind) {
  switch (kind) {
    // Data that sits in the query or fragment (kQueryOnly) cannot pick the host.
    case SinkKind::Ssrf:
    case SinkKind::Redirect: return kHostValidated | kOriginFixed | kQueryOnly;
    case SinkKind::PartialSsrf: return kHostValidated | kQueryOnly;
    case SinkKind::FieldRead: return kSchemaValidated;
    default: return 0;
  }
}

// What a label with these checks is at a sink of this kind: request data in the path of a URL
// whose origin is fixed cannot pick the server, but it can pick any endpoint on it
// ("../admin"), which is partial SSRF.
inline SinkKind sinkKindFor(SinkKind kind, TaintFlags flags) {
  if (kind == SinkKind::Ssrf && (flags & kOriginFixed) && !(flags & kHostValidated)) return SinkKind::PartialSsrf;
  return kind;
}

struct TaintSummary {
  // Labels of the returned value: Parameter labels (with the path from the parameter to the
  // return) and Source labels of request data the function reads itself.
  TaintValue returns;
  bool returnsValue = false;
  // False when every path raises or aborts: a call to it ends the caller's path.
  bool returnsNormally = true;
  // Per parameter: checks it has passed on every normal return / every truthy return.
  std::vector<TaintFlags> flagsOnExit;
  std::vector<TaintFlags> flagsWhenTrue;
  // Sinks reached by a parameter (label is a Parameter label).
  std::vector<SinkHit> parameterHits;
};

}  // namespace hg
