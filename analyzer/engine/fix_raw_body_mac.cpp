// WH104 in Flask: a MAC over `json.dumps(request.get_json())` (optionally `.encode()`d,
// directly or through a local assigned once) -> over `request.get_data()`, the bytes the sender
// signed. Other re-encodings (str(), urlencode), other frameworks and messages built in
// another function get no fix.
#include "engine/expr_walk.h"
#include "engine/fix_generators.h"

namespace hg::fixes {

namespace {

bool isParsedFlaskBody(const Expr& e) {
  return e.qualified == "flask.request.get_json" || e.qualified == "flask.request.get_json()" ||
         e.qualified == "flask.request.json";
}

// `json.dumps(<parsed body>, ...)` or that `.encode(...)`d.
bool isReserialisedBody(const Function& fn, ExprId id) {
  const Expr* e = &fn.expr(id);
  if (e->kind == ExprKind::Call && !e->args.empty()) {
    const Expr& callee = fn.expr(e->args[0]);
    if (callee.kind == ExprKind::Attribute && callee.text == "encode" && !callee.args.empty()) {
      e = &fn.expr(callee.args[0]);
    }
  }
  if (e->kind != ExprKind::Call || e->args.size() < 2) return false;
  if (fn.expr(e->args[0]).qualified != "json.dumps" || !e->argNames[0].empty()) return false;
  return isParsedFlaskBody(fn.expr(e->args[1]));
}

// The value of the only assignment to a local in this function, or kNoExpr.
ExprId onlyAssignedValue(const Function& fn, const Expr& name) {
  if (name.kind != ExprKind::Name || name.binding.empty() || name.binding.find(".<locals>.") == std::string::npos)
    return kNoExpr;
  ExprId value = kNoExpr;
  size_t assignments = 0;
  for (const Block& block : fn.blocks) {
    for (const Stmt& s : block.stmts) {
      for (ExprId t : s.targets) {
        const Expr& target = fn.expr(t);
        if (target.kind == ExprKind::Name && target.binding == name.binding) {
          ++assignments;
          value = s.kind == StmtKind::Assign && s.targets.size() == 1 && s.augOp.empty() ? s.value : kNoExpr;
        }
      }
    }
  }
  return assignments == 1 ? value : kNoExpr;
}

}  // namespace

std::optional<Fix> rawBodyMacFix(const FixContext& ctx, const Finding& finding) {
  std::optional<Located> at = pythonExprAt(ctx.program, finding.location, ExprKind::Call);
  if (!at) return std::nullopt;
  const SourceFile& file = *at->file;
  const Function& fn = *at->fn;
  const Expr& call = at->node();
  // The signed message is the argument the rule related to the finding.
  ExprId message = kNoExpr;
  for (size_t i = 1; i < call.args.size() && message == kNoExpr; ++i) {
    for (const RelatedLocation& r : finding.related) {
      if (fn.expr(call.args[i]).span == r.span) message = call.args[i];
    }
  }
  if (message == kNoExpr) return std::nullopt;
  ExprId built = stripAwait(fn, message);
  if (!isReserialisedBody(fn, built)) {
    built = onlyAssignedValue(fn, fn.expr(message));
    if (built == kNoExpr || !isReserialisedBody(fn, built)) return std::nullopt;
  }
  std::optional<std::string> request = importedSpelling(ctx.program, finding.location.file, "flask", "request");
  if (!request || request->empty()) return std::nullopt;

  Fix fix;
  fix.description = "compute the mac over request.get_data()";
  fix.applicability = FixApplicability::Safe;
  fix.edits.push_back(edit(finding.location.file, bytesOf(file, fn.expr(message).span), *request + ".get_data()"));
  return fix;
}

}  // namespace hg::fixes
