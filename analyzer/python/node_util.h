// Small conveniences over tree-sitter nodes. Children are collected with a cursor: ts_node_child
// walks from the first child on every call, which is quadratic on wide nodes (a module of
// 100,000 statements, a list of 100,000 elements).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace hg::python {

inline std::string_view nodeType(TSNode n) { return ts_node_type(n); }
inline bool isType(TSNode n, std::string_view type) { return !ts_node_is_null(n) && nodeType(n) == type; }

inline std::string_view nodeText(TSNode n, std::string_view source) {
  uint32_t begin = ts_node_start_byte(n), end = ts_node_end_byte(n);
  if (begin > source.size() || end > source.size() || end < begin) return {};
  return source.substr(begin, end - begin);
}

// A named child or a field child; comments and other extras are left out.
struct Child {
  TSNode node;
  const char* field;  // nullptr when the child has no field name
  bool named;
};

// Every child, with field names, comments left out.
std::vector<Child> childrenOf(TSNode n);
// Named children, comments left out.
std::vector<TSNode> namedChildren(TSNode n);
// Children under a field name (a field can hold several: if_statement's "alternative").
std::vector<TSNode> fieldChildren(TSNode n, std::string_view field);
inline TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::char_traits<char>::length(name)));
}

}  // namespace hg::python
