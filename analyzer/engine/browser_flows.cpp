#include "engine/browser_flows.h"

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

bool matchesWithPrefixes(const Knowledge& knowledge, std::string_view category, const std::string& name) {
  if (name.empty()) return false;
  for (const std::string& prefix : qualifiedPrefixes(name)) {
    if (knowledge.matches(category, prefix)) return true;
  }
  return false;
}

// Whether the subtree under `root` satisfies `test` somewhere (lambdas are other code).
template <typename Test>
bool anyIn(const Function& fn, ExprId root, Test test) {
  bool found = false;
  walkExpr(fn, root, [&](ExprId id) {
    if (test(id)) found = true;
    return !found && fn.expr(id).kind != ExprKind::Lambda;
  });
  return found;
}

class Evidence {
 public:
  Evidence(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests)
      : program_(program), knowledge_(knowledge), requests_(requests) {}

  std::string in(FunctionId id) {
    const Function& fn = program_.function(id);
    for (ExprId e = 0; e < fn.exprs.size(); ++e) {
      const Expr& x = fn.expr(e);
      if (x.kind == ExprKind::Compare && x.args.size() == 2 && comparesRequestWithSession(fn, id, x.args[0], x.args[1]))
        return "compares request data with the session";
      if (x.kind != ExprKind::Call) continue;
      std::string callee = calleeName(fn, e);
      if (matchesWithPrefixes(knowledge_, "rpc_dispatchers", callee)) return "dispatches the request to " + callee;
      if (matchesWithPrefixes(knowledge_, "sign_in_calls", callee)) return "calls " + callee;
      // compare_digest(request state, session state) and the like.
      if (x.args.size() >= 3 && comparesRequestWithSession(fn, id, x.args[1], x.args[2]))
        return "compares request data with the session";
      if (auto field = signInFieldRead(fn, id, e)) return "reads the " + *field + " field";
    }
    for (ExprId e = 0; e < fn.exprs.size(); ++e) {
      if (fn.expr(e).kind != ExprKind::Subscript) continue;
      if (auto field = signInFieldRead(fn, id, e)) return "reads the " + *field + " field";
    }
    return "";
  }

 private:
  bool readsSession(const Function& fn, ExprId root) const {
    return anyIn(fn, root, [&](ExprId id) {
      const Expr& x = fn.expr(id);
      if (x.kind != ExprKind::Name && x.kind != ExprKind::Attribute && x.kind != ExprKind::Call) return false;
      return matchesWithPrefixes(knowledge_, "browser_sessions", x.kind == ExprKind::Call ? calleeName(fn, id) : nameOf(fn, id));
    });
  }

  bool readsRequest(const Function& fn, FunctionId id, ExprId root) const {
    return anyIn(fn, root, [&](ExprId e) { return requests_.readAt(id, e) != nullptr; });
  }

  bool comparesRequestWithSession(const Function& fn, FunctionId id, ExprId a, ExprId b) const {
    if (a == kNoExpr || b == kNoExpr) return false;
    return (readsSession(fn, a) && readsRequest(fn, id, b) && !readsSession(fn, b)) ||
           (readsSession(fn, b) && readsRequest(fn, id, a) && !readsSession(fn, a));
  }

  // `request.form["id_token"]`, `request.POST.get("id_token")`: a field only a sign-in
  // response carries, read from the request.
  std::optional<std::string> signInFieldRead(const Function& fn, FunctionId id, ExprId e) const {
    const Expr& x = fn.expr(e);
    ExprId object = kNoExpr, key = kNoExpr;
    if (x.kind == ExprKind::Subscript && x.args.size() > 1) {
      object = x.args[0];
      key = x.args[1];
    } else if (x.kind == ExprKind::Call && lastComponent(calleeName(fn, e)) == "get") {
      ExprId callee = calleeOf(fn, e);
      const Expr& c = fn.expr(callee);
      if (c.kind == ExprKind::Attribute && !c.args.empty()) object = c.args[0];
      key = callArgument(fn, e, 0);
    }
    if (object == kNoExpr || key == kNoExpr) return std::nullopt;
    const std::string* field = stringLiteral(fn, key);
    if (!field || !knowledge_.matches("sign_in_fields", *field)) return std::nullopt;
    if (!readsRequest(fn, id, object)) return std::nullopt;
    return *field;
  }

  const Program& program_;
  const Knowledge& knowledge_;
  RequestUseAnalysis& requests_;
};

}  // namespace

std::string BrowserFlowEvidence::notWebhookEvidence(const std::vector<FunctionId>& reachable) {
  Evidence evidence(program_, knowledge_, requests_);
  for (FunctionId f : reachable) {
    if (f >= program_.functionCount()) continue;
    auto it = byFunction_.find(f);
    if (it == byFunction_.end()) it = byFunction_.emplace(f, evidence.in(f)).first;
    if (!it->second.empty()) return it->second;
  }
  return "";
}

std::string BrowserFlowEvidence::pageRenderer(const std::vector<FunctionId>& reachable) {
  for (FunctionId f : reachable) {
    if (f >= program_.functionCount()) continue;
    auto it = renderers_.find(f);
    if (it == renderers_.end()) {
      std::string found;
      const Function& fn = program_.function(f);
      for (ExprId e = 0; e < fn.exprs.size() && found.empty(); ++e) {
        if (fn.expr(e).kind != ExprKind::Call) continue;
        std::string callee = calleeName(fn, e);
        if (matchesWithPrefixes(knowledge_, "page_renderers", callee)) found = callee;
      }
      it = renderers_.emplace(f, std::move(found)).first;
    }
    if (!it->second.empty()) return it->second;
  }
  return "";
}

}  // namespace hg
