// Name canonicalization and call targets across modules.
#include "python/class_lookup.h"
#include "core/parallel_for.h"
#include "python/link_steps.h"

namespace hg::python {
namespace {

FunctionId functionNamed(const Program& program, const Function& context, const std::string& q) {
  if (q.empty()) return kNoFunction;
  FunctionId id = program.findFunction(q);
  if (id != kNoFunction) return id;
  size_t dot = q.rfind('.');
  if (dot == std::string::npos || dot == 0) return kNoFunction;
  std::string owner = q.substr(0, dot);
  std::string member = q.substr(dot + 1);
  if (owner == "super()") {
    if (context.classQualified.empty()) return kNoFunction;
    const ClassDef* c = program.findClass(context.classQualified);
    if (!c) return kNoFunction;
    for (const std::string& base : c->bases) {
      FunctionId m = findMethod(program, base, member);
      if (m != kNoFunction) return m;
    }
    return kNoFunction;
  }
  if (owner.ends_with("()")) owner.resize(owner.size() - 2);
  if (!program.findClass(owner)) return kNoFunction;
  return findMethod(program, owner, member);
}

}  // namespace

// Each function's names are rewritten on their own against the finished index (only read), so
// the functions are shared out among the threads.
void canonicalizeNames(LinkIndex& index, unsigned jobs) {
  Program& program = index.program;
  const std::vector<FunctionId> functions = index.functions();
  parallelFor(functions.size(), jobs, [&](size_t i) {
    Function& f = program.function(functions[i]);
    for (Expr& e : f.exprs) {
      if (!e.qualified.empty()) e.qualified = index.canonical(e.qualified, false);
      if (!e.binding.empty()) e.binding = index.canonical(e.binding, true);
    }
    for (Parameter& p : f.params) p.annotation = index.canonical(p.annotation, false);
    for (Block& b : f.blocks) {
      for (std::string& t : b.caughtTypes) t = index.canonical(t, false);
    }
  });
  for (Module& m : program.modules) {
    if (m.language != Language::Python) continue;
    for (ClassDef& c : m.classes) {
      for (std::string& base : c.bases) base = index.canonical(base, false);
    }
  }
}

void resolveCallTargets(LinkIndex& index, unsigned jobs) {
  Program& program = index.program;
  const std::vector<FunctionId> functions = index.functions();
  parallelFor(functions.size(), jobs, [&](size_t i) {
    Function& f = program.function(functions[i]);
    // Arguments are lowered before the expression that holds them, so one pass in order
    // sees a callee's function before its call.
    for (Expr& e : f.exprs) {
      if (e.function != kNoFunction) continue;
      if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute) {
        e.function = functionNamed(program, f, e.qualified);
      } else if (e.kind == ExprKind::Call && !e.args.empty()) {
        e.function = f.exprs[e.args[0]].function;
      }
    }
  });
}

}  // namespace hg::python
