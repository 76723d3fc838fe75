// lowerFile: parse one file, report its syntax errors, lower it, and hand the batch of
// functions and the module to the Program.
#include <vector>

#include "python/file_lowering.h"
#include "python/node_util.h"
#include "python/parse_tree.h"
#include "python/python_frontend.h"

namespace hg::python {
namespace {

// The first ERROR or MISSING node in source order, found by descending only into subtrees
// that contain an error (iterative: the tree may be deep).
TSNode firstSyntaxError(TSNode root) {
  TSNode n = root;
  for (;;) {
    if (isType(n, "ERROR") || ts_node_is_missing(n)) return n;
    TSNode next{};
    bool found = false;
    TSTreeCursor cursor = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        TSNode c = ts_tree_cursor_current_node(&cursor);
        if (ts_node_has_error(c)) {
          next = c;
          found = true;
          break;
        }
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    if (!found) return n;
    n = next;
  }
}

void reportSyntaxError(const SourceFile& source, TSNode root, Diagnostics& diags) {
  TSNode error = firstSyntaxError(root);
  RunDiagnostic d;
  d.severity = RunDiagnostic::Severity::Warning;
  d.path = source.displayPath;
  d.line = ts_node_start_point(error).row + 1;
  d.message = "syntax error at line " + std::to_string(d.line) + ", analyzing what parsed";
  diags.add(std::move(d));
}

void rebase(FunctionId& id, FunctionId base) {
  if (id != kNoFunction) id += base;
}

}  // namespace

void lowerFile(Program& program, FileId file, const std::string& moduleName, const Knowledge& knowledge,
               Diagnostics& diags) {
  const SourceFile& source = program.sources.get(file);
  std::string error;
  ParsedTree tree = parsePython(source.text, error);
  if (!tree.valid()) {
    RunDiagnostic d;
    d.severity = RunDiagnostic::Severity::Error;
    d.path = source.displayPath;
    d.message = "cannot parse: " + error;
    d.fileSkipped = true;
    diags.add(std::move(d));
    return;
  }
  TSNode root = tree.root();
  if (ts_node_has_error(root)) reportSyntaxError(source, root, diags);

  FileLowering lowering(source, file, moduleName, knowledge, diags);
  lowering.lowerModule(root);

  Module module = std::move(lowering.module);
  const FunctionId base = program.addFunctions(lowering.takeFunctions());
  rebase(module.body, base);
  for (FunctionId& id : module.functions) rebase(id, base);
  for (ClassDef& c : module.classes) {
    rebase(c.body, base);
    for (FunctionId& id : c.methods) rebase(id, base);
  }
  program.addModule(std::move(module));
}

}  // namespace hg::python
