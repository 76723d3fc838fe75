// Where a value comes from, followed backwards: through local assignments (every assignment,
// unpacking and augmented ones included), string building (f-strings, concatenation,
// `.encode()`, `b".".join([...])`, `"{}.{}".format(...)`), conversions, subscripts and `.get`
// of a mapping, helper return values, and a helper's parameters to the arguments its callers
// in the route's scope pass. A parameter reached through the helper's return value leads to the
// arguments of that call only. The leaves are request reads and the variables passed through.
//
// Two values that share an origin key carry the same data: the replay rules ask whether the
// timestamp compared with the clock is one of the inputs of the MAC, and whether the key of a
// cache lookup is a delivery id read from the request.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/request_uses.h"
#include "engine/route_scope.h"

namespace hg {

struct ValueOrigin {
  enum class Kind : uint8_t {
    Request,   // a read of request data
    Variable,  // a local or parameter the value passed through
    Field,     // a field selected by a constant key: data["id"], payload.get("timestamp")
  };
  Kind kind = Kind::Request;
  // What is compared between two origin sets: "request:body" (the body in any form: a field
  // of the JSON body is covered by a MAC of the raw bytes), "request:header:<name>",
  // "request:<kind>", "var:<binding or function/name>", "field:<lower-case key>".
  std::string key;
  FunctionId function = kNoFunction;
  ExprId expr = kNoExpr;
  Span span;
  // Request only.
  RequestDataKind requestKind = RequestDataKind::Other;
  std::string headerName;
  bool viaAlias = false;
  // Variable and Field only: the identifier or key as written.
  std::string name;
};

class ValueOrigins {
 public:
  ValueOrigins(const Program& program, const CallResolver& calls, RequestUseAnalysis& requests);

  // The origins of `expr` evaluated in `fn`, which belongs to `scope` (parameters are followed
  // to the scope's call sites).
  std::vector<ValueOrigin> trace(const RouteScope& scope, FunctionId fn, ExprId expr);

  // Whether two origin sets share a request read or a variable.
  static bool shareData(const std::vector<ValueOrigin>& a, const std::vector<ValueOrigin>& b);
  static bool hasRequestOrigin(const std::vector<ValueOrigin>& origins);

 private:
  // Every expression assigned to `name` in `fn` (for unpacking, the whole unpacked value).
  const std::vector<ExprId>& assignedValues(FunctionId fn, const std::string& name);
  const std::vector<ExprId>& returnedValues(FunctionId fn);

  const Program& program_;
  const CallResolver& calls_;
  RequestUseAnalysis& requests_;
  std::map<FunctionId, std::map<std::string, std::vector<ExprId>>> assignments_;
  std::map<FunctionId, std::vector<ExprId>> returns_;
};

}  // namespace hg
