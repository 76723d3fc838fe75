// Owning wrappers around tree-sitter's parser and tree, and the grammar's ABI check. The only
// file that knows how the grammar is linked in.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "core/deadline.h"

namespace hg::python {

const TSLanguage* pythonLanguage();

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

// A parsed file. The tree's nodes point into `tree` and refer to byte offsets of the text
// passed to parsePython, which must outlive every node taken from it.
class ParsedTree {
 public:
  TSNode root() const { return ts_tree_root_node(tree_.get()); }
  bool valid() const { return tree_ != nullptr; }

 private:
  friend ParsedTree parsePython(std::string_view text, std::string& error, const Deadline& deadline);
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

// Parses UTF-8 text. Fails (invalid tree, reason in `error`) only when tree-sitter cannot
// start: syntax errors still give a tree with ERROR nodes. Throws TimeBudgetExceeded when the
// parse outlives `deadline`.
ParsedTree parsePython(std::string_view text, std::string& error, const Deadline& deadline = {});

}  // namespace hg::python
