#include "engine/call_resolution.h"

#include <set>

#include "engine/expr_walk.h"

namespace hg {

CallResolver::CallResolver(const Program& program) : program_(program) {
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& f = program.function(id);
    if (f.parent != kNoFunction) children_[f.parent].push_back(id);
  }
}

const std::vector<FunctionId>& CallResolver::nestedFunctions(FunctionId fn) const {
  static const std::vector<FunctionId> none;
  auto it = children_.find(fn);
  return it == children_.end() ? none : it->second;
}

FunctionId CallResolver::findMethod(const std::string& classQualified, const std::string& name) const {
  // Iterative walk with a visited set: class hierarchies in hostile input may be cyclic.
  std::vector<std::string> stack{classQualified};
  std::set<std::string> seen;
  while (!stack.empty()) {
    std::string cls = stack.back();
    stack.pop_back();
    if (!seen.insert(cls).second) continue;
    FunctionId direct = program_.findFunction(cls + "." + name);
    if (direct != kNoFunction) return direct;
    const ClassDef* def = program_.findClass(cls);
    if (!def) continue;
    for (auto it = def->bases.rbegin(); it != def->bases.rend(); ++it) stack.push_back(*it);
  }
  return kNoFunction;
}

FunctionId CallResolver::resolveQualified(const std::string& qualified) const {
  if (qualified.empty()) return kNoFunction;
  FunctionId direct = program_.findFunction(qualified);
  if (direct != kNoFunction) return direct;
  // "pkg.mod.Class().method" or "pkg.mod.Class.method" (a method of the class or a base).
  size_t dot = qualified.rfind('.');
  if (dot == std::string::npos || dot == 0) return kNoFunction;
  std::string owner = qualified.substr(0, dot);
  std::string method = qualified.substr(dot + 1);
  if (owner.size() > 2 && owner.ends_with("()")) owner.resize(owner.size() - 2);
  if (!program_.findClass(owner)) return kNoFunction;
  return findMethod(owner, method);
}

FunctionId CallResolver::resolveReference(const Function& fn, ExprId ref) const {
  ref = stripAwait(fn, ref);
  if (ref >= fn.exprs.size()) return kNoFunction;
  const Expr& e = fn.expr(ref);
  if (e.function != kNoFunction && e.function < program_.functionCount()) return e.function;
  FunctionId byName = resolveQualified(e.qualified);
  if (byName != kNoFunction) return byName;
  // super().name(...) inside a method: the bases of the enclosing class.
  if (e.kind == ExprKind::Attribute && !e.args.empty() && !fn.classQualified.empty()) {
    ExprId object = e.args[0];
    if (object < fn.exprs.size() && fn.expr(object).kind == ExprKind::Call) {
      ExprId superCallee = calleeOf(fn, object);
      if (superCallee != kNoExpr && fn.expr(superCallee).kind == ExprKind::Name &&
          fn.expr(superCallee).text == "super") {
        if (const ClassDef* cls = program_.findClass(fn.classQualified)) {
          for (const std::string& base : cls->bases) {
            FunctionId m = findMethod(base, e.text);
            if (m != kNoFunction) return m;
          }
        }
      }
    }
  }
  return kNoFunction;
}

FunctionId CallResolver::resolveCall(const Function& fn, ExprId call) const {
  if (call >= fn.exprs.size()) return kNoFunction;
  const Expr& e = fn.expr(call);
  if (e.kind != ExprKind::Call) return kNoFunction;
  if (e.function != kNoFunction && e.function < program_.functionCount()) return e.function;
  FunctionId viaCallee = resolveReference(fn, calleeOf(fn, call));
  if (viaCallee != kNoFunction) return viaCallee;
  return resolveQualified(e.qualified);
}

}  // namespace hg
