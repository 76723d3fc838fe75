#include "engine/config_secrets.h"

#include "engine/expr_walk.h"

namespace hg {
namespace {

constexpr int kMaxHops = 8;

// `x.config`
bool isConfigObject(const Function& fn, ExprId id) {
  if (id == kNoExpr || id >= fn.exprs.size()) return false;
  const Expr& e = fn.expr(id);
  return e.kind == ExprKind::Attribute && e.text == "config" && !e.args.empty();
}

}  // namespace

ConfigSecretSources::ConfigSecretSources(RuleContext& ctx) : ctx_(ctx) {
  const Program& program = ctx.program;
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    for (ExprId call = 0; call < fn.exprs.size(); ++call) {
      if (fn.expr(call).kind != ExprKind::Call) continue;
      if (!ctx.knowledge.matches("config_object_loaders", calleeName(fn, call))) continue;
      ExprId object = callArgument(fn, call, 0, "obj");
      if (object == kNoExpr) continue;
      std::string target;
      if (const std::string* literal = stringLiteral(fn, object)) target = *literal;
      else target = nameOf(fn, object);
      if (!target.empty() && (program.findClass(target) || program.findModule(target))) objects_.push_back(target);
    }
  }
}

std::string ConfigSecretSources::configKeyRead(const Function& fn, ExprId expr) const {
  ValueRoles& roles = ctx_.valueRoles();
  for (int hop = 0; hop < kMaxHops && expr != kNoExpr && expr < fn.exprs.size(); ++hop) {
    expr = stripAwait(fn, expr);
    const Expr& e = fn.expr(expr);
    if (e.kind == ExprKind::Subscript && e.args.size() > 1 && isConfigObject(fn, e.args[0])) {
      const std::string* key = stringLiteral(fn, e.args[1]);
      return key ? *key : std::string();
    }
    if (e.kind == ExprKind::Call) {
      ExprId callee = calleeOf(fn, expr);
      if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute && fn.expr(callee).text == "get" &&
          !fn.expr(callee).args.empty() && isConfigObject(fn, fn.expr(callee).args[0])) {
        ExprId key = callArgument(fn, expr, 0);
        const std::string* literal = key == kNoExpr ? nullptr : stringLiteral(fn, key);
        return literal ? *literal : std::string();
      }
      expr = roles.transformedOperand(fn, expr);
      continue;
    }
    if (e.kind == ExprKind::Name) {
      expr = ctx_.constants().singleAssignment(fn, e.text);
      continue;
    }
    return {};
  }
  return {};
}

std::vector<LiteralSecret> ConfigSecretSources::literalsFor(FunctionId fnId, ExprId expr) const {
  std::vector<LiteralSecret> out;
  if (objects_.empty()) return out;
  const Function& fn = ctx_.program.function(fnId);
  std::string key = configKeyRead(fn, expr);
  if (key.empty()) return out;
  for (const std::string& object : objects_) {
    auto def = ctx_.constants().findDefinition(object + "." + key);
    if (!def || def->function >= ctx_.program.functionCount()) continue;
    const Function& holder = ctx_.program.function(def->function);
    if (def->value == kNoExpr || def->value >= holder.exprs.size()) continue;
    const Expr& v = holder.expr(def->value);
    if (v.kind != ExprKind::Literal || v.text.empty()) continue;
    if (v.literal != LiteralKind::String && v.literal != LiteralKind::Bytes) continue;
    LiteralSecret s{def->statement, key, v.span};
    bool seen = false;
    for (const LiteralSecret& o : out) seen = seen || o.location == s.location;
    if (!seen) out.push_back(s);
  }
  return out;
}

}  // namespace hg
