#include "engine/taint_function.h"

#include <algorithm>
#include <deque>

#include "engine/dependencies.h"
#include "engine/expr_walk.h"
#include "engine/taint_strings.h"

namespace hg {

namespace {

// A fixpoint over a hostile CFG must end: each block may be revisited this many times.
constexpr size_t kVisitsPerBlock = 12;

bool isCheckExpression(const Expr& e) {
  return e.kind == ExprKind::Compare || e.kind == ExprKind::BoolOp || e.kind == ExprKind::Not ||
         e.kind == ExprKind::Call;
}

}  // namespace

FunctionTaint::FunctionTaint(TaintAnalysis& analysis, FunctionId fn)
    : analysis_(analysis),
      program_(analysis.program()),
      id_(fn),
      fn_(analysis.program().function(fn)),
      guards_(analysis.catalog(), analysis.program().function(fn),
              GuardContext{
                  [this](ExprId e, const TaintState& s) { return peek(e, s).tainted(); },
                  [this](ExprId e, const TaintState& s) { return constantText(e, s); },
                  [this](ExprId call, bool outcome, const TaintState& s) { return calleeGuardFacts(call, outcome, s); },
              }) {
  for (const Parameter& p : fn_.params) parameterNames_.push_back(p.name);
  summary_.flagsOnExit.assign(fn_.params.size(), 0);
  summary_.flagsWhenTrue.assign(fn_.params.size(), 0);
  parents_.resize(fn_.exprs.size());
  for (ExprId e = 0; e < fn_.exprs.size(); ++e) {
    for (ExprId child : fn_.exprs[e].args) {
      if (child < parents_.size()) parents_[child].push_back(e);
    }
  }
}

TaintState FunctionTaint::entryState() const {
  TaintState state;
  state.reached = true;
  const std::vector<size_t>& routes = analysis_.routesHandledBy(id_);
  for (uint32_t i = 0; i < fn_.params.size(); ++i) {
    const Parameter& p = fn_.params[i];
    TaintValue v;
    v.labels.emplace(TaintLabel::param(i), TaintTrace{});
    v.pinnedByParameter = static_cast<int32_t>(i);
    for (size_t r : routes) {
      const Route& route = program_.routes[r];
      if (std::find(route.pathParameters.begin(), route.pathParameters.end(), p.name) == route.pathParameters.end()) {
        addDeclaredRequestData(p, route, v);
        if (v.labels.size() > 1) break;
        continue;
      }
      TaintTrace trace;
      appendStep(trace, p.span, "route parameter " + p.name + " of " + (route.path.empty() ? "the route" : route.path));
      v.labels.emplace(TaintLabel::source(p.span, RequestDataKind::PathParameter), trace);
      break;
    }
    addDependencyResult(p, v);
    state.assign(p.name, std::move(v));
  }
  return state;
}

// Request data a handler's parameter holds by its declaration: a default that binds a part of
// the request (`x_token: str = Header()`, `q: str = Query(...)`), or, where the framework binds
// parameters by type (FastAPI), a plain `str` parameter (a query parameter) or one typed with a
// model (the JSON body, validated by that model).
void FunctionTaint::addDeclaredRequestData(const Parameter& p, const Route& route, TaintValue& value) const {
  if (p.isVariadic || p.isKeywordVariadic) return;
  const Knowledge& knowledge = analysis_.catalog().knowledge();
  const KnowledgeEntry* entry = nullptr;
  if (p.defaultValue != kNoExpr && p.defaultValue < fn_.exprs.size() && fn_.expr(p.defaultValue).kind == ExprKind::Call) {
    entry = knowledge.match("request_parameters", fn_.expr(p.defaultValue).qualified);
    if (!entry && declaredDependency(program_, knowledge, fn_, p.defaultValue) != kNoFunction) return;
  }
  if (!entry) {
    CatalogMatch m = analysis_.catalog().matchName("implicit_request_parameters",
                                                   p.annotation.empty() ? std::string("<unannotated>") : p.annotation);
    if (!m || m.attributes().value("framework", std::string()) != route.framework) return;
    if (p.name == "self" || p.name == "cls") return;
    entry = m.entry;
  }
  const std::string kind = entry->attributes.value("kind", std::string("other"));
  const char* what = kind == "args" ? "query parameter " : kind == "headers" ? "header parameter " : kind == "cookies" ? "cookie parameter " : "body parameter ";
  TaintTrace trace;
  if (entry->attributes.value("validated", false)) trace.flags |= kSchemaValidated;
  appendStep(trace, p.span, what + p.name + " of " + (route.path.empty() ? "the route" : route.path));
  value.labels.emplace(TaintLabel::source(p.span, requestDataKindFromName(kind)), std::move(trace));
}

// A parameter bound to a dependency's result (`body: bytes = Depends(verified_body)`) holds
// the request data the dependency returns.
void FunctionTaint::addDependencyResult(const Parameter& p, TaintValue& value) const {
  const FunctionId dependency =
      declaredDependency(program_, analysis_.catalog().knowledge(), fn_, p.defaultValue);
  if (dependency == kNoFunction || dependency == id_) return;
  const TaintSummary* summary = analysis_.calleeSummary(dependency);
  if (!summary) return;
  for (const auto& [label, inner] : summary->returns.labels) {
    if (!label.isSource()) continue;
    TaintTrace trace = inner;
    appendStep(trace, p.span, "returned by dependency " + program_.function(dependency).name + "() as " + p.name);
    value.labels.emplace(label, std::move(trace));
  }
}

TaintSummary FunctionTaint::run() {
  const size_t n = fn_.blocks.size();
  if (n == 0) return summary_;
  std::vector<TaintState> in(n);
  in[0] = entryState();
  std::vector<size_t> visits(n, 0);
  std::deque<BlockId> work{0};
  std::vector<bool> queued(n, false);
  queued[0] = true;
  while (!work.empty()) {
    BlockId b = work.front();
    work.pop_front();
    queued[b] = false;
    if (++visits[b] > kVisitsPerBlock) continue;
    TaintState out = in[b];
    transferBlock(b, out);
    const Block& block = fn_.blocks[b];
    for (const Edge& edge : block.successors) {
      if (edge.target >= n) continue;
      TaintState s;
      if (edge.kind == EdgeKind::Exception) {
        // The exception may come from any statement: what held at the block's start, or later.
        s = in[b];
        s.joinWith(out);
      } else {
        if (!out.reached) continue;
        s = out;
        if (block.condition != kNoExpr && (edge.kind == EdgeKind::True || edge.kind == EdgeKind::False))
          applyFacts(s, guards_.factsWhen(block.condition, edge.kind == EdgeKind::True, out));
      }
      TaintState joined = in[edge.target];
      joined.joinWith(s);
      if (joined == in[edge.target]) continue;
      in[edge.target] = std::move(joined);
      if (!queued[edge.target]) {
        queued[edge.target] = true;
        work.push_back(edge.target);
      }
    }
  }

  // The settled states: now record sinks, returns and exit facts.
  recording_ = true;
  for (BlockId b = 0; b < n; ++b) {
    if (!in[b].reached) continue;
    TaintState out = in[b];
    transferBlock(b, out);
  }
  recordExit(fn_.exit < n ? in[fn_.exit] : TaintState{});
  recording_ = false;
  return summary_;
}

void FunctionTaint::transferBlock(BlockId b, TaintState& state) {
  const Block& block = fn_.blocks[b];
  for (const Stmt& stmt : block.stmts) {
    if (!state.reached) return;
    transferStmt(stmt, state);
  }
  if (!state.reached || block.condition == kNoExpr) return;
  pendingFacts_.clear();
  pendingNoReturn_ = false;
  eval(block.condition, state);
  applyFacts(state, pendingFacts_);
  pendingFacts_.clear();
}

void FunctionTaint::transferStmt(const Stmt& stmt, TaintState& state) {
  pendingFacts_.clear();
  pendingStores_.clear();
  pendingNoReturn_ = false;
  switch (stmt.kind) {
    case StmtKind::Assign: {
      TaintValue value = eval(stmt.value, state);
      if (!stmt.augOp.empty()) {
        for (ExprId target : stmt.targets) {
          TaintValue old = eval(target, state);
          TaintValue combined = stmt.augOp == "+=" ? concatValues(old, value) : old;
          if (stmt.augOp != "+=") {
            combined.mergeLabels(value);
            combined.prefixKnown = combined.complete = false;
            combined.prefix.clear();
          }
          assignTarget(target, kNoExpr, combined, state);
        }
        break;
      }
      for (ExprId target : stmt.targets) assignTarget(target, stmt.value, value, state);
      if (stmt.targets.size() == 1 && stmt.value < fn_.exprs.size() && stmt.targets[0] < fn_.exprs.size()) {
        const Expr& t = fn_.expr(stmt.targets[0]);
        if (t.kind == ExprKind::Name && isCheckExpression(fn_.expr(stripAwait(fn_, stmt.value))))
          state.checks[t.text] = stmt.value;
      }
      break;
    }
    case StmtKind::Eval: eval(stmt.value, state); break;
    case StmtKind::Return: {
      TaintValue value = stmt.value == kNoExpr ? TaintValue{} : eval(stmt.value, state);
      if (recording_) {
        checkLocationReturn(stmt.value, state);
        TaintValue returned = value;
        returned.appendStepToAll(stmt.span, "returned from " + fn_.name + "()");
        if (!sawReturn_) {
          summary_.returns = std::move(returned);
        } else {
          summary_.returns.joinWith(returned);
        }
        sawReturn_ = true;
        if (stmt.value != kNoExpr) summary_.returnsValue = true;
        onReturn(stmt, state);
      }
      break;
    }
    case StmtKind::Raise:
      if (stmt.value != kNoExpr) eval(stmt.value, state);
      state.reached = false;
      return;
    case StmtKind::Delete:
      for (ExprId target : stmt.targets) {
        if (std::optional<std::string> path = accessPath(fn_, target)) state.forget(*path);
      }
      break;
    case StmtKind::Import: break;
  }
  for (auto& [path, stored] : pendingStores_) {
    TaintValue object = state.lookup(path).value_or(TaintValue{});
    object.mergeLabels(stored);
    state.values[path] = std::move(object);
  }
  pendingStores_.clear();
  applyFacts(state, pendingFacts_);
  pendingFacts_.clear();
  if (pendingNoReturn_) state.reached = false;
  pendingNoReturn_ = false;
}

void FunctionTaint::assignTarget(ExprId target, ExprId valueExpr, const TaintValue& value, TaintState& state,
                                 int depth) {
  if (target >= fn_.exprs.size() || depth > 16) return;
  const Expr& t = fn_.expr(target);
  if (t.kind == ExprKind::Container) {
    // `a, b = x, y` pairs the elements; `a, b = f()` gives each the whole value.
    const Expr* packed = valueExpr < fn_.exprs.size() ? &fn_.expr(valueExpr) : nullptr;
    bool pairwise = packed && packed->kind == ExprKind::Container && packed->args.size() == t.args.size();
    for (size_t i = 0; i < t.args.size(); ++i) {
      if (pairwise) {
        assignTarget(t.args[i], packed->args[i], eval(packed->args[i], state), state, depth + 1);
      } else {
        assignTarget(t.args[i], kNoExpr, value, state, depth + 1);
      }
    }
    return;
  }
  if (t.kind == ExprKind::Subscript || t.kind == ExprKind::Attribute) checkLocationAssignment(target, value);

  TaintValue v = value;
  v.appendStepToAll(t.span, "assigned to " + codeText(target));
  std::optional<UrlDerivation> derivation;
  if (valueExpr != kNoExpr) derivation = guards_.derive(valueExpr, state);

  // Storing into a field also taints the object it belongs to (`payload["url"] = x` then
  // `fetch(payload)`).
  if ((t.kind == ExprKind::Subscript || t.kind == ExprKind::Attribute) && !t.args.empty()) {
    if (std::optional<std::string> base = accessPath(fn_, t.args[0])) {
      TaintValue object = state.lookup(*base).value_or(TaintValue{});
      object.mergeLabels(v);
      state.values[*base] = std::move(object);
    }
  }
  std::optional<std::string> path = accessPath(fn_, target);
  if (!path) return;
  state.assign(*path, std::move(v));
  if (derivation && derivation->part != UrlPart::Whole && derivation->url != *path)
    state.derivations[*path] = *derivation;
}

void FunctionTaint::onReturn(const Stmt& stmt, const TaintState& state) {
  if (stmt.value == kNoExpr || isFalsyLiteral(fn_.expr(stmt.value))) return;
  std::vector<GuardFact> facts = guards_.factsWhen(stmt.value, true, state);
  for (uint32_t i = 0; i < parameterNames_.size(); ++i) {
    TaintFlags flags = 0;
    if (std::optional<TaintValue> v = state.lookup(parameterNames_[i])) {
      auto it = v->labels.find(TaintLabel::param(i));
      if (it != v->labels.end()) flags = it->second.flags;
    }
    for (const GuardFact& f : facts) {
      if (f.path == parameterNames_[i]) flags |= f.flags;
    }
    summary_.flagsWhenTrue[i] = sawTruthyReturn_ ? (summary_.flagsWhenTrue[i] & flags) : flags;
  }
  sawTruthyReturn_ = true;
}

void FunctionTaint::recordExit(const TaintState& exit) {
  summary_.returnsNormally = exit.reached;
  for (uint32_t i = 0; i < parameterNames_.size(); ++i) {
    TaintFlags flags = 0;
    if (exit.reached) {
      if (std::optional<TaintValue> v = exit.lookup(parameterNames_[i])) {
        auto it = v->labels.find(TaintLabel::param(i));
        if (it != v->labels.end()) flags = it->second.flags;
      }
    }
    summary_.flagsOnExit[i] = flags;
  }
  if (!sawTruthyReturn_) std::fill(summary_.flagsWhenTrue.begin(), summary_.flagsWhenTrue.end(), 0);
}

void FunctionTaint::applyFacts(TaintState& state, const std::vector<GuardFact>& facts) const {
  for (const GuardFact& f : facts) state.addFlags(f.path, f.flags);
}

}  // namespace hg
