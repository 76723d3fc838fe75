#include "engine/dependencies.h"

#include <algorithm>
#include <deque>
#include <set>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/knowledge_attributes.h"

namespace hg {

namespace {

// For callArgument: a keyword only, never a position.
constexpr size_t kNoPositional = static_cast<size_t>(-1);

}  // namespace

FunctionId declaredDependency(const Program& program, const Knowledge& knowledge, const Function& fn,
                              ExprId marker) {
  if (marker >= fn.exprs.size() || fn.expr(marker).kind != ExprKind::Call) return kNoFunction;
  const KnowledgeEntry* entry = knowledge.match("dependency_markers", calleeName(fn, marker));
  if (!entry) return kNoFunction;
  const auto index = static_cast<size_t>(std::max(0.0, numberAttribute(*entry, "dependency_arg", 0)));
  const ExprId dependency = callArgument(fn, marker, index, stringAttribute(*entry, "dependency_kw", "dependency"));
  if (dependency == kNoExpr) return kNoFunction;
  const FunctionId target = fn.expr(dependency).function;
  return target < program.functionCount() ? target : kNoFunction;
}

std::vector<Dependency> dependenciesOf(const Program& program, const Knowledge& knowledge, FunctionId fn) {
  std::vector<Dependency> out;
  if (fn >= program.functionCount()) return out;
  std::set<FunctionId> seen{fn};
  std::deque<FunctionId> todo{fn};
  while (!todo.empty() && seen.size() < 64) {
    const Function& owner = program.function(todo.front());
    todo.pop_front();
    auto add = [&](ExprId marker) {
      const FunctionId dependency = declaredDependency(program, knowledge, owner, marker);
      if (dependency == kNoFunction || !seen.insert(dependency).second) return;
      out.push_back({dependency, owner.expr(marker).span});
      todo.push_back(dependency);
    };
    // `@app.post("/hook", dependencies=[Depends(verify_signature)])`: run, result unused.
    for (ExprId decorator : owner.decorators) {
      if (decorator >= owner.exprs.size() || owner.expr(decorator).kind != ExprKind::Call) continue;
      const ExprId list = callArgument(owner, decorator, kNoPositional, "dependencies");
      if (list == kNoExpr || owner.expr(list).kind != ExprKind::Container) continue;
      for (ExprId element : owner.expr(list).args) add(element);
    }
    for (const Parameter& p : owner.params) add(p.defaultValue);
  }
  return out;
}

}  // namespace hg
