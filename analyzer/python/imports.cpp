#include "python/imports.h"

#include "python/node_util.h"

namespace hg::python {
namespace {

std::string dottedText(TSNode n, std::string_view source) {
  // dotted_name's text may hold spaces or comments between parts ("a . b"); keep identifiers.
  std::string out;
  for (TSNode part : namedChildren(n)) {
    if (!isType(part, "identifier")) continue;
    if (!out.empty()) out += '.';
    out += nodeText(part, source);
  }
  if (out.empty()) out = std::string(nodeText(n, source));
  return out;
}

std::string joinDotted(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "." + b;
}

// `from ..pkg import x` in package "a.b.c": level 2 goes up once, to "a.b", then ".pkg".
std::string resolveRelative(TSNode relative, std::string_view source, const std::string& packageName) {
  size_t level = 0;
  std::string rest;
  for (TSNode part : namedChildren(relative)) {
    if (isType(part, "import_prefix")) {
      for (char c : nodeText(part, source)) level += c == '.';
    } else if (isType(part, "dotted_name")) {
      rest = dottedText(part, source);
    }
  }
  std::string base = packageName;
  for (size_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    // Past the scan root: the best remaining guess is the root itself.
    base = dot == std::string::npos ? std::string() : base.substr(0, dot);
  }
  return joinDotted(base, rest);
}

}  // namespace

std::string packageOf(const std::string& moduleName, bool isPackageInit) {
  if (isPackageInit) return moduleName;
  size_t dot = moduleName.rfind('.');
  return dot == std::string::npos ? std::string() : moduleName.substr(0, dot);
}

std::vector<ImportBinding> importBindings(TSNode statement, std::string_view source, const std::string& packageName) {
  std::vector<ImportBinding> out;
  if (isType(statement, "import_statement")) {
    for (TSNode name : fieldChildren(statement, "name")) {
      if (isType(name, "aliased_import")) {
        TSNode alias = field(name, "alias");
        TSNode dotted = field(name, "name");
        if (ts_node_is_null(alias) || ts_node_is_null(dotted)) continue;
        out.push_back({std::string(nodeText(alias, source)), dottedText(dotted, source), name, false});
      } else if (isType(name, "dotted_name")) {
        // `import a.b` binds `a`; reads of `a.b.c` then qualify through it.
        std::string full = dottedText(name, source);
        std::string first = full.substr(0, full.find('.'));
        out.push_back({first, first, name, false});
      }
    }
    return out;
  }
  if (!isType(statement, "import_from_statement")) return out;
  TSNode moduleNode = field(statement, "module_name");
  if (ts_node_is_null(moduleNode)) return out;
  std::string module = isType(moduleNode, "relative_import") ? resolveRelative(moduleNode, source, packageName)
                                                             : dottedText(moduleNode, source);
  for (const Child& c : childrenOf(statement)) {
    if (isType(c.node, "wildcard_import")) {
      out.push_back({"", module, c.node, true});
      continue;
    }
    if (!c.field || std::string_view(c.field) != "name") continue;
    if (isType(c.node, "aliased_import")) {
      TSNode alias = field(c.node, "alias");
      TSNode dotted = field(c.node, "name");
      if (ts_node_is_null(alias) || ts_node_is_null(dotted)) continue;
      out.push_back({std::string(nodeText(alias, source)), joinDotted(module, dottedText(dotted, source)), c.node, false});
    } else if (isType(c.node, "dotted_name")) {
      std::string name = dottedText(c.node, source);
      out.push_back({name, joinDotted(module, name), c.node, false});
    }
  }
  return out;
}

}  // namespace hg::python
