// What link() knows about the whole scanned tree: the Python modules, the names one module
// exports to others (imports it re-exports, globals assigned once from an API value,
// functions that always return the same kind of value), and the constants assigned once at
// module or class level.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg::python {

class LinkIndex {
 public:
  LinkIndex(Program& program, const Knowledge& knowledge);

  // Rewrites a qualified name through the tree's aliases until it names what it denotes:
  // "pkg.app.request.json" -> "flask.request.json" when pkg/app.py has `from flask import request`;
  // "pkg.factory.create_app().route" -> "flask.Flask().route". With importsOnly, only imports are
  // followed (identities: a global stays itself whatever its value).
  std::string canonical(const std::string& qualified, bool importsOnly) const;

  struct Constant {
    FunctionId function = kNoFunction;
    ExprId value = kNoExpr;
  };
  // The value of a module global or class attribute assigned exactly once ("pkg.mod.METHODS").
  const Constant* constant(const std::string& binding) const;

  const std::vector<const Module*>& modules() const { return modules_; }  // Python, by file
  std::vector<FunctionId> functions() const;  // of those modules, in order
  Program& program;

 private:
  void addImports(const Module& m);
  void addSingleAssignments(FunctionId body);
  void addReturnValues(const Function& f);
  void addNamespaceAliases(const Knowledge& knowledge);

  std::vector<const Module*> modules_;
  // Looked up by every prefix of every name in the tree: by view, without a copy per prefix.
  struct PrefixHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using AliasMap = std::unordered_map<std::string, std::string, PrefixHash, std::equal_to<>>;
  AliasMap importAliases_;
  AliasMap valueAliases_;
  std::unordered_map<std::string, Constant> constants_;
};

}  // namespace hg::python
