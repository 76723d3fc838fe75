#include "engine/route_coverage.h"

#include <algorithm>
#include <set>

#include "engine/dependencies.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

bool isHookAttribute(const std::string& name) { return name == "before_request" || name == "before_app_request"; }

// Decorator expressions live in the decorated function's expression arena.
const Function& decoratorArena(const Program& program, FunctionId fn) { return program.function(fn); }

}  // namespace

const char* coverageKindName(CoverageSource::Kind kind) {
  switch (kind) {
    case CoverageSource::Kind::Decorator: return "decorator";
    case CoverageSource::Kind::BeforeRequestHook: return "before_request hook";
    case CoverageSource::Kind::Dispatch: return "dispatch override";
    case CoverageSource::Kind::Dependency: return "dependency";
  }
  return "?";
}

std::vector<std::string> objectKeysOf(const Program& program, const Function& fn, ExprId object) {
  std::vector<std::string> keys;
  object = stripAwait(fn, object);
  if (object >= fn.exprs.size()) return keys;
  const Expr& e = fn.expr(object);
  // The variable's identity is what Route::registeredOn records; the rest are fallbacks for
  // front-ends that do not fill Expr::binding.
  if (!e.binding.empty()) keys.push_back(e.binding);
  if (!e.qualified.empty()) keys.push_back(e.qualified);
  if (e.kind == ExprKind::Name) {
    const Module* module = program.moduleOf(fn.file);
    std::string moduleName = module ? module->name : std::string();
    if (fn.name != "<module>" && !fn.qualified.empty()) keys.push_back(fn.qualified + ".<locals>." + e.text);
    // A function using a module-level app object, and module-level code itself.
    keys.push_back(moduleName.empty() ? e.text : moduleName + "." + e.text);
    // Nested factories: the enclosing function's locals (`create_app` holding `app`).
    for (FunctionId p = fn.parent; p != kNoFunction && p < program.functionCount();) {
      const Function& parent = program.function(p);
      if (parent.name != "<module>") keys.push_back(parent.qualified + ".<locals>." + e.text);
      p = parent.parent;
      if (keys.size() > 16) break;
    }
  }
  return keys;
}

RouteCoverageAnalysis::RouteCoverageAnalysis(const Program& program, const Knowledge& knowledge,
                                             const CallResolver& calls, VerificationSummaries& summaries,
                                             RequestUseAnalysis& requests, ValueFacts& values)
    : program_(program), knowledge_(knowledge), calls_(calls), summaries_(summaries), requests_(requests),
      values_(values) {}

const RouteCoverage& RouteCoverageAnalysis::coverage(size_t routeIndex) {
  auto it = cache_.find(routeIndex);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(routeIndex, compute(routeIndex)).first->second;
}

RouteCoverage RouteCoverageAnalysis::compute(size_t routeIndex) {
  RouteCoverage out;
  if (routeIndex >= program_.routes.size()) return out;
  const Route& route = program_.routes[routeIndex];
  if (route.handler >= program_.functionCount()) return out;
  addDecorators(route, out);
  addHooks(route, out);
  addDispatch(route, out);
  addDependencies(route, out);
  for (const CoverageSource& s : out.sources) {
    out.verified = out.verified || s.verifies;
    out.attempted = out.attempted || s.attempts || s.verifies;
  }
  return out;
}

bool RouteCoverageAnalysis::readsSignatureHeader(FunctionId fn) {
  std::vector<FunctionId> todo{fn};
  std::set<FunctionId> seen;
  while (!todo.empty() && seen.size() < 64) {
    FunctionId f = todo.back();
    todo.pop_back();
    if (!seen.insert(f).second) continue;
    for (const RequestRead& r : requests_.reads(f)) {
      if (values_.isSignatureHeader(r.headerName)) return true;
    }
    for (FunctionId nested : calls_.nestedFunctions(f)) todo.push_back(nested);
  }
  return false;
}

CoverageSource RouteCoverageAnalysis::judgeDecorator(FunctionId decorator) {
  auto cached = decoratorCache_.find(decorator);
  if (cached != decoratorCache_.end()) return cached->second;
  CoverageSource source;
  source.kind = CoverageSource::Kind::Decorator;
  source.function = decorator;
  decoratorCache_[decorator] = source;  // cycles through re-application see "nothing"

  // The wrapper is a function nested in the decorator (or in a factory's decorator) that
  // calls a parameter of an enclosing function: the wrapped view.
  struct Candidate {
    FunctionId fn;
    std::set<std::string> wrappedNames;
  };
  std::vector<Candidate> todo{{decorator, {}}};
  bool anyWrapper = false;
  bool allVerified = true;
  size_t visited = 0;
  while (!todo.empty() && visited++ < 64) {
    Candidate c = todo.back();
    todo.pop_back();
    const Function& fn = program_.function(c.fn);
    std::set<std::string> inherited = c.wrappedNames;
    for (const Parameter& p : fn.params) {
      if (!p.isVariadic && !p.isKeywordVariadic) inherited.insert(p.name);
    }
    for (FunctionId nested : calls_.nestedFunctions(c.fn)) todo.push_back({nested, inherited});
    if (c.wrappedNames.empty()) continue;
    std::set<std::string> own;
    for (const Parameter& p : fn.params) own.insert(p.name);
    const GuardFlow* flow = nullptr;
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      const Block& block = fn.blocks[b];
      auto checkRoot = [&](size_t stmtIndex, ExprId root) {
        for (ExprId call : callsIn(fn, root)) {
          ExprId callee = stripAwait(fn, calleeOf(fn, call));
          if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Name) continue;
          const std::string& name = fn.expr(callee).text;
          if (!c.wrappedNames.count(name) || own.count(name)) continue;
          if (!flow) flow = &summaries_.plainFlow(c.fn);
          anyWrapper = true;
          if (!flow->isVerifiedAt(b, stmtIndex)) allVerified = false;
          const VerificationSummary& s = summaries_.summary(c.fn);
          source.attempts = source.attempts || s.attemptsVerification;
          source.tolerance = source.tolerance || s.enforcesTolerance;
        }
      };
      for (size_t s = 0; s < block.stmts.size(); ++s) {
        for (ExprId root : stmtRoots(block.stmts[s])) checkRoot(s, root);
      }
      if (block.condition != kNoExpr) checkRoot(conditionIndex(block), block.condition);
    }
  }
  source.verifies = anyWrapper && allVerified;
  source.readsSignatureHeader = readsSignatureHeader(decorator);
  decoratorCache_[decorator] = source;
  return source;
}

void RouteCoverageAnalysis::addDecorators(const Route& route, RouteCoverage& out) {
  const Function& handlerArena = decoratorArena(program_, route.handler);
  const Function& handler = program_.function(route.handler);
  std::set<FunctionId> applied;
  std::vector<std::pair<FunctionId, Span>> found;
  for (ExprId d : handler.decorators) {
    if (d >= handlerArena.exprs.size()) continue;
    const Expr& e = handlerArena.expr(d);
    FunctionId target = e.kind == ExprKind::Call ? calls_.resolveCall(handlerArena, d)
                                                 : calls_.resolveReference(handlerArena, d);
    if (target != kNoFunction && target != route.handler && applied.insert(target).second)
      found.emplace_back(target, e.span);
  }
  for (const std::string& name : route.decoratorNames) {
    FunctionId target = program_.findFunction(name);
    if (target != kNoFunction && target != route.handler && applied.insert(target).second)
      found.emplace_back(target, handler.defSpan);
  }
  for (auto& [fn, span] : found) {
    CoverageSource s = judgeDecorator(fn);
    s.span = span;
    if (s.verifies || s.attempts || s.readsSignatureHeader) out.sources.push_back(s);
  }
}

void RouteCoverageAnalysis::collectHooks() {
  hooksCollected_ = true;
  for (FunctionId id = 0; id < program_.functionCount(); ++id) {
    const Function& fn = program_.function(id);
    const Function& arena = decoratorArena(program_, id);
    // `@app.before_request` on a function.
    for (ExprId d : fn.decorators) {
      if (d >= arena.exprs.size()) continue;
      const Expr& e = arena.expr(d);
      if (e.kind != ExprKind::Attribute || !isHookAttribute(e.text) || e.args.empty()) continue;
      HookRegistration h{id, objectKeysOf(program_, arena, e.args[0]), e.text == "before_app_request", e.span};
      hooks_.push_back(std::move(h));
    }
    // `app.before_request(check)` and `app.register_blueprint(bp)` calls.
    for (const Block& block : fn.blocks) {
      for (const Stmt& stmt : block.stmts) {
        for (ExprId root : stmtRoots(stmt)) {
          for (ExprId call : callsIn(fn, root)) {
            ExprId callee = calleeOf(fn, call);
            if (callee == kNoExpr) continue;
            const Expr& c = fn.expr(callee);
            if (c.kind != ExprKind::Attribute || c.args.empty()) continue;
            ExprId arg = callArgument(fn, call, 0);
            if (arg == kNoExpr) continue;
            if (isHookAttribute(c.text)) {
              FunctionId hook = calls_.resolveReference(fn, arg);
              if (hook == kNoFunction) continue;
              hooks_.push_back({hook, objectKeysOf(program_, fn, c.args[0]), c.text == "before_app_request",
                                fn.expr(call).span});
            } else if (c.text == "register_blueprint") {
              for (const std::string& bp : objectKeysOf(program_, fn, arg)) {
                for (const std::string& app : objectKeysOf(program_, fn, c.args[0])) blueprintParents_.emplace(bp, app);
              }
            }
          }
        }
      }
    }
  }
}

const std::vector<RouteCoverageAnalysis::HookRegistration>& RouteCoverageAnalysis::hooks() {
  if (!hooksCollected_) collectHooks();
  return hooks_;
}

std::vector<std::string> RouteCoverageAnalysis::routeObjectKeys(const Route& route) const {
  std::vector<std::string> keys{route.registeredOn};
  // A hook on the application also runs for the blueprints registered on it.
  auto range = blueprintParents_.equal_range(route.registeredOn);
  for (auto it = range.first; it != range.second; ++it) keys.push_back(it->second);
  return keys;
}

std::vector<RouteCoverageAnalysis::HookRegistration> RouteCoverageAnalysis::hooksFor(const Route& route) {
  std::vector<HookRegistration> out;
  const std::vector<HookRegistration>& registrations = hooks();
  std::vector<std::string> keys = routeObjectKeys(route);
  std::set<FunctionId> seen;
  for (const HookRegistration& h : registrations) {
    bool covers = h.appWide;
    for (const std::string& k : h.objectKeys) {
      covers = covers || (!route.registeredOn.empty() && std::find(keys.begin(), keys.end(), k) != keys.end());
    }
    if (covers && seen.insert(h.hook).second) out.push_back(h);
  }
  return out;
}

void RouteCoverageAnalysis::addHooks(const Route& route, RouteCoverage& out) {
  for (const HookRegistration& h : hooksFor(route)) {
    // Judged for this route: conditions on request.path / endpoint / method are decided, and a
    // returned response rejects the request.
    GuardFlowOptions options;
    options.route = &route;
    options.valueReturnRejects = true;
    GuardFlow flow(program_, knowledge_, h.hook, summaries_.verificationCalls(), options);
    CoverageSource s;
    s.kind = CoverageSource::Kind::BeforeRequestHook;
    s.function = h.hook;
    s.span = h.span;
    const GuardState& exit = flow.exitState();
    s.verifies = !exit.reached || exit.verified;
    // Attempted for this route: a verification in a block the route's requests can reach.
    const Function& fn = program_.function(h.hook);
    const VerificationSummary& summary = summaries_.summary(h.hook);
    if (summary.attemptsVerification) {
      for (BlockId b = 0; b < fn.blocks.size() && !s.attempts; ++b) {
        if (!flow.stateBefore(b, 0).reached) continue;
        const Block& block = fn.blocks[b];
        const std::vector<ExprId> roots = blockRoots(block);
        for (ExprId root : roots) {
          walkExpr(fn, root, [&](ExprId id) {
            const Expr& e = fn.expr(id);
            if (e.kind == ExprKind::Call && summaries_.verificationCalls().classifyCall(h.hook, id).attempt) s.attempts = true;
            if (e.kind == ExprKind::Compare && summaries_.verificationCalls().isVerifyingComparison(h.hook, id)) s.attempts = true;
            return !s.attempts;
          });
        }
      }
    }
    s.tolerance = summary.enforcesTolerance;
    s.readsSignatureHeader = readsSignatureHeader(h.hook);
    if (s.verifies || s.attempts) out.sources.push_back(s);
  }
}

FunctionId dispatchOverrideOf(const Program& program, const CallResolver& calls, const Route& route) {
  if (route.handler >= program.functionCount()) return kNoFunction;
  // The registered class, not the base the handler method is inherited from: two views
  // sharing a base's post() may differ in their dispatch override.
  FunctionId dispatch = route.dispatchOverride;
  if (route.viewClass.empty()) {
    const std::string& cls = program.function(route.handler).classQualified;
    dispatch = cls.empty() ? kNoFunction : calls.findMethod(cls, "dispatch_request");
  }
  if (dispatch == kNoFunction || dispatch == route.handler) return kNoFunction;
  return dispatch;
}

void RouteCoverageAnalysis::addDispatch(const Route& route, RouteCoverage& out) {
  FunctionId dispatch = dispatchOverrideOf(program_, calls_, route);
  if (dispatch == kNoFunction) return;
  const std::string& name = route.dispatchMethod.empty() ? std::string("dispatch_request") : route.dispatchMethod;
  const Function& fn = program_.function(dispatch);
  const GuardFlow& flow = summaries_.plainFlow(dispatch);
  // The override hands the request on through super().dispatch() or getattr(self, ...).
  bool anySite = false;
  bool allVerified = true;
  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    const Block& block = fn.blocks[b];
    for (size_t s = 0; s < block.stmts.size(); ++s) {
      for (ExprId root : stmtRoots(block.stmts[s])) {
        for (ExprId call : callsIn(fn, root)) {
          ExprId callee = calleeOf(fn, call);
          if (callee == kNoExpr) continue;
          const Expr& c = fn.expr(callee);
          bool dispatches = (c.kind == ExprKind::Attribute && c.text == name) ||
                            (c.kind == ExprKind::Call && !c.args.empty() && fn.expr(c.args[0]).kind == ExprKind::Name &&
                             fn.expr(c.args[0]).text == "getattr");
          if (!dispatches) continue;
          anySite = true;
          if (!flow.isVerifiedAt(b, s)) allVerified = false;
        }
      }
    }
  }
  const VerificationSummary& summary = summaries_.summary(dispatch);
  CoverageSource s;
  s.kind = CoverageSource::Kind::Dispatch;
  s.function = dispatch;
  s.span = fn.defSpan;
  s.verifies = anySite && allVerified;
  s.attempts = summary.attemptsVerification;
  s.tolerance = summary.enforcesTolerance;
  s.readsSignatureHeader = readsSignatureHeader(dispatch);
  if (s.verifies || s.attempts) out.sources.push_back(s);
}

// FastAPI calls the dependencies a handler's parameters declare (`body: bytes =
// Depends(verified_body)`) before the handler, and the dependencies of a dependency's
// parameters before it. One that raises on a bad signature guards the route as a
// before_request hook does.
void RouteCoverageAnalysis::addDependencies(const Route& route, RouteCoverage& out) {
  for (const Dependency& dependency : dependenciesOf(program_, knowledge_, route.handler)) {
    const VerificationSummary& summary = summaries_.summary(dependency.function);
    CoverageSource s;
    s.kind = CoverageSource::Kind::Dependency;
    s.function = dependency.function;
    s.span = dependency.declaredAt;
    s.verifies = summary.verifiesOrAborts;
    s.attempts = summary.attemptsVerification;
    s.tolerance = summary.enforcesTolerance;
    s.readsSignatureHeader = readsSignatureHeader(dependency.function);
    if (s.verifies || s.attempts) out.sources.push_back(s);
  }
}

}  // namespace hg
