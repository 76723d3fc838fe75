#include "engine/browser_flows.h"

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

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

}  // namespace

// The evidence in one function, with the owner's memo of callee matches.
class FunctionEvidence {
 public:
  explicit FunctionEvidence(BrowserFlowEvidence& owner)
      : owner_(owner), knowledge_(owner.knowledge_), requests_(owner.requests_) {}

  std::string in(FunctionId id) {
    const Function& fn = owner_.program_.function(id);
    for (ExprId e = 0; e < fn.exprs.size(); ++e) {
      const Expr& x = fn.expr(e);
      if (x.kind == ExprKind::Compare && x.args.size() == 2 && comparesRequestWithSession(fn, id, x.args[0], x.args[1]))
        return "compares request data with the session";
      if (x.kind != ExprKind::Call) continue;
      std::string callee = calleeName(fn, e);
      if (owner_.calleeMatches("rpc_dispatchers", callee)) return "dispatches the request to " + callee;
      if (owner_.calleeMatches("sign_in_calls", callee)) return "calls " + callee;
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
      return owner_.calleeMatches("browser_sessions", x.kind == ExprKind::Call ? calleeName(fn, id) : nameOf(fn, id));
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

  BrowserFlowEvidence& owner_;
  const Knowledge& knowledge_;
  RequestUseAnalysis& requests_;
};

bool BrowserFlowEvidence::calleeMatches(std::string_view category, const std::string& name) {
  if (name.empty()) return false;
  auto key = std::make_pair(std::string(category), name);
  auto it = byCallee_.find(key);
  if (it != byCallee_.end()) return it->second;
  bool found = false;
  for (const std::string& prefix : qualifiedPrefixes(name)) {
    if (knowledge_.matches(category, prefix)) {
      found = true;
      break;
    }
  }
  byCallee_.emplace(std::move(key), found);
  return found;
}

std::string BrowserFlowEvidence::notWebhookEvidence(const std::vector<FunctionId>& reachable) {
  for (FunctionId f : reachable) {
    if (f >= program_.functionCount()) continue;
    auto it = byFunction_.find(f);
    if (it == byFunction_.end()) it = byFunction_.emplace(f, FunctionEvidence(*this).in(f)).first;
    if (!it->second.empty()) return it->second;
  }
  return "";
}

}  // namespace hg
