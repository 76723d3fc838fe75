#include "python/binding_scan.h"

#include <vector>

#include "python/imports.h"
#include "python/node_util.h"

namespace hg::python {
namespace {

void bindName(Scope& scope, std::string name, int weight) {
  scope.names[std::move(name)].assignments += weight;
}

void bindDefinition(Scope& scope, TSNode definition, std::string_view source) {
  TSNode name = field(definition, "name");
  if (ts_node_is_null(name)) return;
  std::string n(nodeText(name, source));
  NameInfo& info = scope.names[n];
  info.assignments += 1;
  if (!info.imported && !info.defined) {
    info.defined = true;
    info.value = scope.bindingOf(n);
  }
}

}  // namespace

void bindTargets(TSNode target, std::string_view source, int weight, Scope& scope) {
  std::vector<TSNode> stack{target};
  const bool single = isType(target, "identifier");
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_is_null(n)) continue;
    std::string_view type = nodeType(n);
    if (type == "identifier") {
      bindName(scope, std::string(nodeText(n, source)), single ? weight : 2);
    } else if (type == "attribute" || type == "subscript") {
      continue;
    } else {
      for (TSNode c : namedChildren(n)) stack.push_back(c);
    }
  }
}

void scanBindings(TSNode body, std::string_view source, const std::string& packageName, Scope& scope) {
  std::vector<TSNode> stack;
  for (TSNode c : namedChildren(body)) stack.push_back(c);
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    std::string_view type = nodeType(n);
    if (type == "function_definition" || type == "class_definition") {
      bindDefinition(scope, n, source);
      continue;
    }
    if (type == "lambda") continue;
    if (type == "assignment") {
      TSNode left = field(n, "left");
      if (!ts_node_is_null(field(n, "right")) || !isType(left, "identifier")) {
        bindTargets(left, source, 1, scope);
      } else {
        bindName(scope, std::string(nodeText(left, source)), 0);  // `x: T` makes x local, unassigned
      }
    } else if (type == "augmented_assignment") {
      bindTargets(field(n, "left"), source, 2, scope);
    } else if (type == "for_statement" || type == "for_in_clause") {
      bindTargets(field(n, "left"), source, 2, scope);
    } else if (type == "as_pattern") {
      TSNode alias = field(n, "alias");
      if (!ts_node_is_null(alias)) {
        std::vector<TSNode> parts = namedChildren(alias);
        for (TSNode p : parts) bindTargets(p, source, parts.size() == 1 ? 1 : 2, scope);
      }
    } else if (type == "except_clause") {
      TSNode alias = field(n, "alias");
      if (isType(alias, "identifier")) bindTargets(alias, source, 1, scope);
    } else if (type == "named_expression") {
      bindTargets(field(n, "name"), source, 1, scope);
    } else if (type == "global_statement" || type == "nonlocal_statement") {
      auto& set = type == "global_statement" ? scope.globals : scope.nonlocals;
      for (TSNode id : namedChildren(n)) {
        if (isType(id, "identifier")) set.insert(std::string(nodeText(id, source)));
      }
      continue;
    } else if (type == "import_statement" || type == "import_from_statement") {
      for (ImportBinding& b : importBindings(n, source, packageName)) {
        if (b.star) {
          scope.starImports.push_back(b.target);
          continue;
        }
        NameInfo& info = scope.names[b.localName];
        info.assignments += 1;
        if (!info.imported) {
          // The first import wins: `try: import simplejson as json / except: import json`.
          info.imported = true;
          info.defined = false;
          info.function = kNoFunction;
          info.value = b.target;
        }
      }
      continue;
    }
    for (TSNode c : namedChildren(n)) stack.push_back(c);
  }
}

}  // namespace hg::python
