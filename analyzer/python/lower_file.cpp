// lowerDetached: parse one file, report its syntax errors and lower it into a batch of
// functions and a module; addLoweredFile hands them to the Program.
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

RunDiagnostic cannotParse(const SourceFile& source, const std::string& error) {
  RunDiagnostic d;
  d.severity = RunDiagnostic::Severity::Error;
  d.path = source.displayPath;
  d.message = "cannot parse: " + error;
  d.fileSkipped = true;
  return d;
}

}  // namespace

LoweredFile lowerDetached(const SourceFile& source, FileId file, const std::string& moduleName,
                          const Knowledge& knowledge, Deadline deadline) {
  LoweredFile out;
  Diagnostics diags;
  std::string error;
  ParsedTree tree = parsePython(source.text, error, deadline);
  if (!tree.valid()) {
    out.diagnostics.push_back(cannotParse(source, error));
    return out;
  }
  TSNode root = tree.root();
  if (ts_node_has_error(root)) reportSyntaxError(source, root, diags);

  FileLowering lowering(source, file, moduleName, knowledge, diags);
  lowering.deadline = deadline;
  lowering.lowerModule(root);
  out.module = std::move(lowering.module);
  out.functions = lowering.takeFunctions();
  // The IR lives until the scan ends, and a vector grown one element at a time holds up to
  // twice what it uses: about a fifth of a large scan's memory.
  for (auto& fn : out.functions) {
    fn.exprs.shrink_to_fit();
    fn.blocks.shrink_to_fit();
  }
  out.diagnostics = diags.all();
  out.parsed = true;
  return out;
}

void addLoweredFile(Program& program, LoweredFile lowered) {
  if (!lowered.parsed) return;
  Module module = std::move(lowered.module);
  const FunctionId base = program.addFunctions(std::move(lowered.functions));
  rebase(module.body, base);
  for (FunctionId& id : module.functions) rebase(id, base);
  for (ClassDef& c : module.classes) {
    rebase(c.body, base);
    for (FunctionId& id : c.methods) rebase(id, base);
  }
  program.addModule(std::move(module));
}

void lowerFile(Program& program, FileId file, const std::string& moduleName, const Knowledge& knowledge,
               Diagnostics& diags) {
  LoweredFile lowered = lowerDetached(program.sources.get(file), file, moduleName, knowledge);
  for (RunDiagnostic& d : lowered.diagnostics) diags.add(std::move(d));
  addLoweredFile(program, std::move(lowered));
}

}  // namespace hg::python
