// Whether a route rejects an oversized body itself: an ordering comparison of the declared
// length (`request.content_length`, the Content-Length header, through locals and
// conversions) with a bound, before the handler reads the body. A check in a decorator or a
// before_request hook runs before the handler; one in the handler must come before its
// first body read; one in a helper must be called before it.
#pragma once

#include <optional>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/request_uses.h"
#include "engine/route_scope.h"
#include "engine/value_origins.h"

namespace hg {

class ContentLengthChecks {
 public:
  ContentLengthChecks(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests,
                      ValueOrigins& origins);

  // The comparison that bounds the body of the route's requests before it is read, if any.
  std::optional<Span> boundingCheck(const RouteScope& scope, FunctionId handler);

 private:
  bool comparesContentLength(const RouteScope& scope, FunctionId fn, ExprId compare);
  // Where, in the handler, the statement that reaches `fn` (itself or a call leading to it) is.
  std::optional<Span> firstBodyRead(FunctionId handler);

  const Program& program_;
  const Knowledge& knowledge_;
  RequestUseAnalysis& requests_;
  ValueOrigins& origins_;
};

}  // namespace hg
