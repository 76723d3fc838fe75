// The code that runs when a route is requested: its handler, every decorator applied to it
// (the decorator and the wrappers nested in it, verifying or not), the before_request hooks
// and dispatch override that cover it, and every function of the scanned tree these
// call, transitively. Questions of the form "does anything on this route's paths do X?"
// (a freshness check, a de-duplication, a Content-Length check) are asked over this set.
//
// Calls between the scope's functions are indexed, so a value can be followed from a
// helper's parameter back to the arguments the route's own code passes. A before_request hook
// that skips other paths (`if not request.path.startswith("/slack/"): return`) contributes
// only the blocks that run for this route, and only what those blocks call.
#pragma once

#include <map>
#include <vector>

#include "core/program.h"
#include "core/knowledge.h"
#include "engine/call_resolution.h"
#include "engine/route_coverage.h"
#include "engine/verification_calls.h"

namespace hg {

class RuleContext;

struct CallSite {
  FunctionId caller = kNoFunction;
  ExprId call = kNoExpr;
};

struct RouteScope {
  // The handler first, then what wraps it, then callees in discovery order.
  std::vector<FunctionId> functions;
  // For each function of the scope, the calls to it made from inside the scope.
  std::map<FunctionId, std::vector<CallSite>> callers;

  // Blocks of before_request hooks that the route's requests can reach; functions absent
  // here run whole.
  std::map<FunctionId, std::vector<bool>> reachableBlocks;

  bool contains(FunctionId fn) const;
  const std::vector<CallSite>& callSitesOf(FunctionId fn) const;
  // Whether block `b` of `fn` runs for this route.
  bool blockRuns(FunctionId fn, BlockId b) const;
};

class RouteScopes {
 public:
  // Everything from the rule context: hooks contribute only the blocks that run for the route.
  explicit RouteScopes(RuleContext& context);
  RouteScopes(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
              RouteCoverageAnalysis& coverage, VerificationCalls& verificationCalls);
  // Without the verifier oracle, path conditions in hooks are not decided: hooks run whole.
  RouteScopes(const Program& program, const CallResolver& calls, RouteCoverageAnalysis& coverage);

  const RouteScope& scope(size_t routeIndex);

  // The functions applied as decorators to `handler`, with the functions nested in them.
  std::vector<FunctionId> decoratorFunctions(const Route& route) const;

 private:
  RouteScope compute(size_t routeIndex);

  const Program& program_;
  const Knowledge* knowledge_ = nullptr;
  const CallResolver& calls_;
  RouteCoverageAnalysis& coverage_;
  VerificationCalls* verificationCalls_ = nullptr;
  std::map<size_t, RouteScope> cache_;
};

}  // namespace hg
