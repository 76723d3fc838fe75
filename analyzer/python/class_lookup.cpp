#include "python/class_lookup.h"

#include <set>
#include <vector>

namespace hg::python {
namespace {

constexpr int kMaxBaseDepth = 32;

}  // namespace

bool anyBase(const Program& program, const std::string& cls, const std::function<bool(const std::string&)>& visit) {
  std::vector<std::pair<std::string, int>> stack{{cls, 0}};
  std::set<std::string> visited;
  while (!stack.empty()) {
    auto [current, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxBaseDepth || !visited.insert(current).second) continue;
    if (visit(current)) return true;
    const ClassDef* c = program.findClass(current);
    if (!c) continue;
    for (auto it = c->bases.rbegin(); it != c->bases.rend(); ++it) stack.emplace_back(*it, depth + 1);
  }
  return false;
}

FunctionId findMethod(const Program& program, const std::string& cls, const std::string& name) {
  FunctionId found = kNoFunction;
  anyBase(program, cls, [&](const std::string& current) {
    const ClassDef* c = program.findClass(current);
    if (!c) return false;
    for (FunctionId m : c->methods) {
      if (program.function(m).name == name) {
        found = m;
        return true;
      }
    }
    return false;
  });
  return found;
}

}  // namespace hg::python
