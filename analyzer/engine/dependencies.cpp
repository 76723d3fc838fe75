#include "engine/dependencies.h"

#include <algorithm>
#include <deque>
#include <set>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/knowledge_attributes.h"

namespace hg {

FunctionId declaredDependency(const Program& program, const Knowledge& knowledge, const Function& fn,
                              ExprId defaultValue) {
  if (defaultValue >= fn.exprs.size() || fn.expr(defaultValue).kind != ExprKind::Call) return kNoFunction;
  const KnowledgeEntry* marker = knowledge.match("dependency_markers", calleeName(fn, defaultValue));
  if (!marker) return kNoFunction;
  const auto index = static_cast<size_t>(std::max(0.0, numberAttribute(*marker, "dependency_arg", 0)));
  const ExprId dependency =
      callArgument(fn, defaultValue, index, stringAttribute(*marker, "dependency_kw", "dependency"));
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
    for (const Parameter& p : owner.params) {
      const FunctionId dependency = declaredDependency(program, knowledge, owner, p.defaultValue);
      if (dependency == kNoFunction || !seen.insert(dependency).second) continue;
      out.push_back({dependency, owner.expr(p.defaultValue).span});
      todo.push_back(dependency);
    }
  }
  return out;
}

}  // namespace hg
