#include "engine/taint_analysis.h"

#include <algorithm>
#include <deque>

#include "engine/dependencies.h"
#include "engine/expr_walk.h"
#include "engine/taint_function.h"

namespace hg {

namespace {

// Summaries are computed on demand, callee first; a chain of calls deeper than this is cut
// (the deep callee is then treated like a library call) so hostile input cannot exhaust the
// stack.
constexpr int kMaxSummaryDepth = 24;
constexpr size_t kMaxCallerWalk = 4096;

}  // namespace

TaintAnalysis::TaintAnalysis(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                             RequestUseAnalysis& requests)
    : program_(program),
      calls_(calls),
      requests_(requests),
      catalog_(program, knowledge),
      constants_(program, knowledge) {
  for (size_t r = 0; r < program.routes.size(); ++r) {
    FunctionId h = program.routes[r].handler;
    if (h == kNoFunction || h >= program.functionCount()) continue;
    routesByHandler_[h].push_back(r);
    if (program.function(h).specializationOf != kNoFunction) copiedHandlers_.insert(program.function(h).specializationOf);
  }
}

TaintAnalysis::~TaintAnalysis() = default;

const std::vector<size_t>& TaintAnalysis::routesHandledBy(FunctionId fn) const {
  static const std::vector<size_t> none;
  auto it = routesByHandler_.find(fn);
  return it == routesByHandler_.end() ? none : it->second;
}

const TaintSummary* TaintAnalysis::calleeSummary(FunctionId callee) {
  if (callee >= program_.functionCount()) return nullptr;
  auto it = summaries_.find(callee);
  if (it != summaries_.end()) return &it->second;
  if (inProgress_.count(callee) || depth_ >= kMaxSummaryDepth) return nullptr;
  analyze(callee);
  it = summaries_.find(callee);
  return it == summaries_.end() ? nullptr : &it->second;
}

const TaintSummary& TaintAnalysis::summary(FunctionId fn) {
  static const TaintSummary empty;
  if (fn >= program_.functionCount()) return empty;
  analyze(fn);
  auto it = summaries_.find(fn);
  return it == summaries_.end() ? empty : it->second;
}

void TaintAnalysis::analyze(FunctionId fn) {
  if (summaries_.count(fn) || inProgress_.count(fn)) return;
  inProgress_.insert(fn);
  ++depth_;
  FunctionTaint function(*this, fn);
  TaintSummary s = function.run();
  --depth_;
  inProgress_.erase(fn);
  summaries_.emplace(fn, std::move(s));
}

void TaintAnalysis::recordSourceHit(SinkHit hit) { hits_.push_back(std::move(hit)); }

// Request data enters a function only as a read of its own, as a route's parameter, or as a
// dependency's result; a function with none of these holds only its parameters' labels, which
// become request data at a call site, in a caller that is itself analysed (and analyses it
// then, for its summary). So only these functions start the analysis: on a tree of libraries
// that is a small share of all functions.
bool TaintAnalysis::mayHoldRequestData(FunctionId fn) {
  if (!routesHandledBy(fn).empty()) return true;
  // A base's post() copied for each registered class runs as those copies; what the original
  // calls on `self` is no route's code, and a caller of its own analyses it as a callee.
  if (copiedHandlers_.count(fn)) return false;
  if (!requests_.reads(fn).empty()) return true;
  const Function& f = program_.function(fn);
  for (const Parameter& p : f.params) {
    if (p.defaultValue != kNoExpr && declaredDependency(program_, catalog_.knowledge(), f, p.defaultValue) != kNoFunction)
      return true;
  }
  return false;
}

void TaintAnalysis::analyzeAll() {
  if (analyzedAll_) return;
  analyzedAll_ = true;
  for (FunctionId fn = 0; fn < program_.functionCount(); ++fn) {
    if (mayHoldRequestData(fn)) analyze(fn);
  }
  auto key = [](const SinkHit& h) {
    return std::make_tuple(h.span, static_cast<int>(h.kind), h.label, h.function, h.expr, h.root);
  };
  std::sort(hits_.begin(), hits_.end(), [&](const SinkHit& a, const SinkHit& b) { return key(a) < key(b); });
  hits_.erase(std::unique(hits_.begin(), hits_.end(),
                          [&](const SinkHit& a, const SinkHit& b) {
                            return a.kind == b.kind && a.function == b.function && a.expr == b.expr &&
                                   a.label == b.label;
                          }),
              hits_.end());
}

const std::vector<SinkHit>& TaintAnalysis::hits() {
  analyzeAll();
  return hits_;
}

void TaintAnalysis::buildCallers() {
  if (callersBuilt_) return;
  callersBuilt_ = true;
  for (FunctionId caller = 0; caller < program_.functionCount(); ++caller) {
    const Function& f = program_.function(caller);
    for (ExprId e = 0; e < f.exprs.size(); ++e) {
      if (f.exprs[e].kind != ExprKind::Call) continue;
      FunctionId callee = calls_.resolveCall(f, e);
      if (callee == kNoFunction || callee == caller) continue;
      auto& list = callers_[callee];
      if (std::find(list.begin(), list.end(), caller) == list.end()) list.push_back(caller);
    }
  }
}

std::vector<size_t> TaintAnalysis::routesReaching(FunctionId fn) {
  buildCallers();
  std::vector<size_t> routes;
  std::deque<FunctionId> todo{fn};
  std::set<FunctionId> seen{fn};
  while (!todo.empty() && seen.size() < kMaxCallerWalk) {
    FunctionId cur = todo.front();
    todo.pop_front();
    for (size_t r : routesHandledBy(cur)) routes.push_back(r);
    auto it = callers_.find(cur);
    if (it == callers_.end()) continue;
    for (FunctionId caller : it->second) {
      if (seen.insert(caller).second) todo.push_back(caller);
    }
  }
  std::sort(routes.begin(), routes.end());
  routes.erase(std::unique(routes.begin(), routes.end()), routes.end());
  return routes;
}

}  // namespace hg
