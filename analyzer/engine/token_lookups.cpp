#include "engine/token_lookups.h"

#include "engine/expr_walk.h"

namespace hg {
namespace {

// How the code spells a callee whose names did not resolve (a model outside the scan):
// `Hook.query.filter_by` for `Hook.query.filter_by(...)`, "()" after a call on the way.
std::string spelled(const Function& fn, ExprId id, int depth = 0) {
  const Expr& e = fn.expr(id);
  if (depth > 16) return "?";
  if (e.kind == ExprKind::Name) return e.text;
  if (e.kind == ExprKind::Attribute && !e.args.empty()) return spelled(fn, e.args[0], depth + 1) + "." + e.text;
  if (e.kind == ExprKind::Call && !e.args.empty()) return spelled(fn, e.args[0], depth + 1) + "()";
  return "?";
}

// matchCall(), and for a method of a query whose model is not in the scan (no qualified
// name), the way the code spells it.
const KnowledgeEntry* matchOf(const Knowledge& knowledge, std::string_view category, const Function& fn, ExprId call) {
  if (const KnowledgeEntry* entry = matchCall(knowledge, category, fn, call)) return entry;
  ExprId callee = calleeOf(fn, call);
  if (callee == kNoExpr || !fn.expr(call).qualified.empty()) return nullptr;
  const Expr& c = fn.expr(callee);
  return c.qualified.empty() && c.kind == ExprKind::Attribute ? knowledge.match(category, spelled(fn, callee)) : nullptr;
}

// Whether a lookup's arguments hold the token header: a keyword (`token=header`), a position,
// or one side of a comparison (`Hook.token == header`).
bool keyedByTokenHeader(ValueRoles& roles, const Function& fn, ExprId lookup) {
  const Expr& e = fn.expr(lookup);
  for (size_t i = 1; i < e.args.size(); ++i) {
    ExprId arg = e.args[i];
    const Expr& a = fn.expr(arg);
    std::vector<ExprId> sides{arg};
    if (a.kind == ExprKind::Compare && a.args.size() == 2 && (a.text == "==" || a.text == "is")) sides = a.args;
    for (ExprId side : sides) {
      if (roles.roles(fn.id, side).has(ValueRole::SignatureHeader)) return true;
    }
  }
  return false;
}

// The query a result method is called on, through the refining calls in between
// (`.filter_by(...).order_by(...).first()`): the first db lookup down the receivers.
ExprId lookupBelow(const Knowledge& knowledge, const Function& fn, ExprId call) {
  for (int depth = 0; depth < 8 && call != kNoExpr; ++depth) {
    ExprId callee = calleeOf(fn, call);
    if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Attribute || fn.expr(callee).args.empty()) return kNoExpr;
    ExprId receiver = stripAwait(fn, fn.expr(callee).args[0]);
    if (fn.expr(receiver).kind != ExprKind::Call) return kNoExpr;
    if (matchOf(knowledge, "db_lookups", fn, receiver)) return receiver;
    call = receiver;
  }
  return kNoExpr;
}

CallVerdict verdictFor(bool raises) {
  CallVerdict v;
  v.attempt = true;
  v.verifier = "a record looked up by the token header";
  if (raises) {
    v.verifies = true;
    v.result = {true, true};
  } else {
    v.result = {true, false};  // a record (truthy) was found: the token is known
  }
  return v;
}

}  // namespace

std::optional<CallVerdict> tokenLookupVerdict(const Knowledge& knowledge, ValueRoles& roles, const Function& fn,
                                              ExprId call) {
  if (const KnowledgeEntry* result = matchOf(knowledge, "token_lookup_results", fn, call)) {
    ExprId lookup = lookupBelow(knowledge, fn, call);
    if (lookup == kNoExpr || !keyedByTokenHeader(roles, fn, lookup)) return std::nullopt;
    return verdictFor(result->attributes.value("style", std::string("bool")) == "raises");
  }
  // The lookup itself: `get_object_or_404(Hook, token=header)` raises, `Hook.query.get(header)`
  // returns None.
  const KnowledgeEntry* lookup = matchOf(knowledge, "db_lookups", fn, call);
  if (!lookup || lookup->attributes.contains("sql_arg") || !keyedByTokenHeader(roles, fn, call)) return std::nullopt;
  const Expr& e = fn.expr(call);
  ExprId callee = calleeOf(fn, call);
  const std::string& name = callee != kNoExpr && !fn.expr(callee).qualified.empty() ? fn.expr(callee).qualified : e.qualified;
  const bool raises = name.ends_with("_or_404") || name.ends_with(".objects.get");
  // A filter() alone is a query, not a record: only what is called on it says found or not.
  if (!raises && !name.ends_with(".get")) return std::nullopt;
  return verdictFor(raises);
}

}  // namespace hg
