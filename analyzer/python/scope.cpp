#include "python/scope.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace hg::python {
namespace {

// Python 3's builtins that handlers use; a read of one of these (not shadowed) has the
// builtin's own name as qualified name, so knowledge can name "eval" or "open".
constexpr std::string_view kBuiltins[] = {
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr",
    "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval",
    "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals",
    "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print",
    "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
    "BaseException", "Exception", "ValueError", "KeyError", "TypeError", "RuntimeError",
    "AssertionError", "PermissionError", "NotImplementedError", "LookupError", "IndexError",
    "AttributeError", "OSError", "UnicodeDecodeError"};

Resolution fromScope(Scope& scope, const std::string& name, const NameInfo& info) {
  Resolution r;
  r.scope = &scope;
  r.binding = info.imported ? info.value : scope.bindingOf(name);
  r.function = info.function;
  if (info.imported || info.defined) {
    r.qualified = info.value;
  } else if (info.assignments == 1 && !info.value.empty()) {
    r.qualified = info.value;
  } else if (!info.annotation.empty()) {
    r.qualified = info.annotation + "()";
  } else if (scope.kind != ScopeKind::Function) {
    // Module globals and class attributes are named even when their value is not an API's:
    // rules follow "pkg.mod.SECRET" to its assignment.
    r.qualified = scope.bindingOf(name);
  }
  return r;
}

Scope* moduleOf(Scope& s) {
  Scope* m = &s;
  while (m->parent) m = m->parent;
  return m;
}

Resolution fromModule(Scope& module, const std::string& name) {
  auto it = module.names.find(name);
  if (it != module.names.end()) return fromScope(module, name, it->second);
  Resolution r;
  if (isBuiltinName(name)) {
    r.qualified = name;
  } else if (module.starImports.size() == 1) {
    r.qualified = module.starImports.front() + "." + name;
    r.binding = r.qualified;
  }
  return r;
}

}  // namespace

bool isBuiltinName(const std::string& name) {
  return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins);
}

std::string Scope::bindingOf(const std::string& name) const {
  if (kind == ScopeKind::Function) return qualified + ".<locals>." + name;
  return qualified.empty() ? name : qualified + "." + name;
}

Resolution resolveName(Scope& from, const std::string& name) {
  Scope* s = &from;
  bool first = true;
  while (s) {
    if (s->kind == ScopeKind::Module) return fromModule(*s, name);
    if (s->kind == ScopeKind::Class && !first) {
      s = s->parent;  // a class body's names are not visible from the functions inside it
      continue;
    }
    if (s->globals.count(name)) return fromModule(*moduleOf(*s), name);
    if (!s->nonlocals.count(name)) {
      auto it = s->names.find(name);
      if (it != s->names.end()) return fromScope(*s, name, it->second);
    }
    first = false;
    s = s->parent;
  }
  return {};
}

}  // namespace hg::python
