#include "engine/route_scope.h"

#include <set>

#include "engine/expr_walk.h"
#include "engine/guard_flow.h"
#include "engine/rule_context.h"

namespace hg {

namespace {

// A bound on the functions one route pulls in: the answer stays useful for ordinary code and
// a generated tree with thousands of helpers cannot make the scan quadratic.
constexpr size_t kMaxScopeFunctions = 512;

}  // namespace

bool RouteScope::contains(FunctionId fn) const {
  for (FunctionId f : functions) {
    if (f == fn) return true;
  }
  return false;
}

bool RouteScope::blockRuns(FunctionId fn, BlockId b) const {
  auto it = reachableBlocks.find(fn);
  if (it == reachableBlocks.end()) return true;
  return b < it->second.size() && it->second[b];
}

const std::vector<CallSite>& RouteScope::callSitesOf(FunctionId fn) const {
  static const std::vector<CallSite> none;
  auto it = callers.find(fn);
  return it == callers.end() ? none : it->second;
}

RouteScopes::RouteScopes(RuleContext& context)
    : RouteScopes(context.program, context.knowledge, context.calls(), context.coverage(),
                  context.verificationCalls()) {}

RouteScopes::RouteScopes(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                         RouteCoverageAnalysis& coverage, VerificationCalls& verificationCalls)
    : program_(program), knowledge_(&knowledge), calls_(calls), coverage_(coverage),
      verificationCalls_(&verificationCalls) {}

RouteScopes::RouteScopes(const Program& program, const CallResolver& calls, RouteCoverageAnalysis& coverage)
    : program_(program), calls_(calls), coverage_(coverage) {}

const RouteScope& RouteScopes::scope(size_t routeIndex) {
  auto it = cache_.find(routeIndex);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(routeIndex, compute(routeIndex)).first->second;
}

std::vector<FunctionId> RouteScopes::decoratorFunctions(const Route& route) const {
  std::vector<FunctionId> out;
  if (route.handler >= program_.functionCount()) return out;
  const Function& handler = program_.function(route.handler);
  std::set<FunctionId> seen{route.handler};
  std::vector<FunctionId> roots;
  for (ExprId d : handler.decorators) {
    if (d >= handler.exprs.size()) continue;
    const Expr& e = handler.expr(d);
    FunctionId target = e.kind == ExprKind::Call ? calls_.resolveCall(handler, d) : calls_.resolveReference(handler, d);
    if (target != kNoFunction) roots.push_back(target);
  }
  for (const std::string& name : route.decoratorNames) {
    FunctionId target = program_.findFunction(name);
    if (target != kNoFunction) roots.push_back(target);
  }
  // A decorator's checks live in the wrapper it returns (nested, possibly two levels deep
  // for a decorator factory).
  while (!roots.empty() && out.size() < kMaxScopeFunctions) {
    FunctionId f = roots.back();
    roots.pop_back();
    if (!seen.insert(f).second) continue;
    out.push_back(f);
    for (FunctionId nested : calls_.nestedFunctions(f)) roots.push_back(nested);
  }
  return out;
}

RouteScope RouteScopes::compute(size_t routeIndex) {
  RouteScope scope;
  if (routeIndex >= program_.routes.size()) return scope;
  const Route& route = program_.routes[routeIndex];
  if (route.handler >= program_.functionCount()) return scope;

  std::vector<FunctionId> seeds{route.handler};
  for (FunctionId d : decoratorFunctions(route)) seeds.push_back(d);
  for (const auto& hook : coverage_.hooksFor(route)) {
    if (hook.hook >= program_.functionCount() || scope.reachableBlocks.count(hook.hook)) continue;
    seeds.push_back(hook.hook);
    if (!knowledge_ || !verificationCalls_) continue;
    // Conditions on request.path / endpoint / method are decided for this route, as the
    // engine's coverage analysis decides them.
    GuardFlowOptions options;
    options.route = &route;
    options.valueReturnRejects = true;
    GuardFlow flow(program_, *knowledge_, hook.hook, *verificationCalls_, options);
    const Function& fn = program_.function(hook.hook);
    std::vector<bool> runs(fn.blocks.size(), false);
    for (BlockId b = 0; b < fn.blocks.size(); ++b) runs[b] = flow.stateBefore(b, 0).reached;
    scope.reachableBlocks[hook.hook] = std::move(runs);
  }
  FunctionId dispatch = dispatchOverrideOf(program_, calls_, route);
  if (dispatch != kNoFunction) seeds.push_back(dispatch);

  std::set<FunctionId> seen;
  std::vector<FunctionId> queue;
  for (FunctionId s : seeds) {
    if (s < program_.functionCount() && seen.insert(s).second) queue.push_back(s);
  }
  for (size_t next = 0; next < queue.size() && queue.size() < kMaxScopeFunctions; ++next) {
    FunctionId f = queue[next];
    const Function& fn = program_.function(f);
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      if (!scope.blockRuns(f, b)) continue;
      const Block& block = fn.blocks[b];
      const std::vector<ExprId> roots = blockRoots(block);
      for (ExprId root : roots) {
        for (ExprId call : callsIn(fn, root)) {
          FunctionId callee = calls_.resolveCall(fn, call);
          if (callee == kNoFunction || callee >= program_.functionCount()) continue;
          scope.callers[callee].push_back({f, call});
          if (seen.insert(callee).second) queue.push_back(callee);
        }
      }
    }
  }
  scope.functions = std::move(queue);
  return scope;
}

}  // namespace hg
