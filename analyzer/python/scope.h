// Python scopes as the front-end models them: which names a module, class or function binds,
// and what each name denotes (its qualified name, its identity, the scanned function it is).
// Name resolution follows Python's rules: a function sees its own locals, then enclosing
// functions' locals (never a class body's), then module globals, then builtins.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/ir.h"

namespace hg::python {

enum class ScopeKind : uint8_t { Module, Class, Function };

struct NameInfo {
  // How many times the scope binds the name; a loop target, an augmented assignment or an
  // unpacking counts as many (its value is not one expression).
  int assignments = 0;
  // What the name denotes when that is known: an import target, a def's or class's qualified
  // name, or the value name of its single assignment (filled in as the assignment is lowered).
  std::string value;
  // Qualified class of an annotated name or parameter; reads denote "Class()".
  std::string annotation;
  bool imported = false;  // bound by an import: `value` is the target
  bool defined = false;   // bound by def/class: `value` is its qualified name
  FunctionId function = kNoFunction;  // the def's function (file-local id)
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string qualified;  // "pkg.mod", "pkg.mod.Handler", "pkg.mod.create_app"
  Scope* parent = nullptr;
  int depth = 0;  // how many scopes enclose this one
  std::map<std::string, NameInfo> names;
  std::set<std::string> globals;    // `global x` in a function
  std::set<std::string> nonlocals;  // `nonlocal x`
  std::vector<std::string> starImports;  // modules imported with `from m import *`

  // The identity of a name bound here: "pkg.mod.x", "pkg.mod.Handler.x",
  // "pkg.mod.create_app.<locals>.x".
  std::string bindingOf(const std::string& name) const;
  bool binds(const std::string& name) const { return names.count(name) != 0; }
};

struct Resolution {
  std::string qualified;
  std::string binding;
  FunctionId function = kNoFunction;  // file-local id
  Scope* scope = nullptr;  // the scope that binds the name, when one does
};

Resolution resolveName(Scope& from, const std::string& name);
bool isBuiltinName(const std::string& name);

}  // namespace hg::python
