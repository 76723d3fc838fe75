#include "python/node_util.h"

namespace hg::python {

std::vector<Child> childrenOf(TSNode n) {
  std::vector<Child> out;
  if (ts_node_is_null(n)) return out;
  out.reserve(ts_node_child_count(n));
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_extra(c)) continue;
      out.push_back(Child{c, ts_tree_cursor_current_field_name(&cursor), ts_node_is_named(c)});
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

// The hottest walk of the lowering: no field names, no intermediate vector.
std::vector<TSNode> namedChildren(TSNode n) {
  std::vector<TSNode> out;
  if (ts_node_is_null(n)) return out;
  out.reserve(ts_node_named_child_count(n));
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(c) && !ts_node_is_extra(c)) out.push_back(c);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::vector<TSNode> fieldChildren(TSNode n, std::string_view name) {
  std::vector<TSNode> out;
  for (const Child& c : childrenOf(n)) {
    if (c.field && name == c.field) out.push_back(c.node);
  }
  return out;
}

}  // namespace hg::python
