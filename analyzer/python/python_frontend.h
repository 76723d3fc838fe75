// Entry points of the Python front-end (tree-sitter): parse and lower files into the Program,
// then link modules (imports, routes, applications) once every file is lowered.
#pragma once

#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"

namespace hg::python {

// Compares the grammar's ABI version with the tree-sitter library's; on mismatch returns false
// and explains in `error`.
bool checkGrammarAbi(std::string& error);

// Dotted module name for a file path relative to the scan root ("app/hooks.py" -> "app.hooks",
// "app/__init__.py" -> "app").
std::string moduleNameFor(const std::string& relativePath);

// One file lowered apart from the Program: its functions carry file-local ids until
// addLoweredFile rebases them. Lowering files this way on several threads and adding them in
// a fixed order gives the same ids, and so the same output, whatever the scheduling.
struct LoweredFile {
  Module module;
  std::vector<Function> functions;
  std::vector<RunDiagnostic> diagnostics;  // syntax errors, nesting limits; in source order
  bool parsed = false;  // false: tree-sitter could not start (reported in diagnostics)
};

// Parses and lowers `source` (which must outlive the call only). Touches no shared state:
// safe to call concurrently; each thread keeps one tree-sitter parser. Throws
// TimeBudgetExceeded when parsing and lowering outlive `deadline`.
LoweredFile lowerDetached(const SourceFile& source, FileId file, const std::string& moduleName,
                          const Knowledge& knowledge, Deadline deadline = {});


// Appends a parsed file's functions and module to the Program (nothing for an unparsed one).
void addLoweredFile(Program& program, LoweredFile lowered);

// lowerDetached + its diagnostics into `diags` + addLoweredFile, for callers with one file.
void lowerFile(Program& program, FileId file, const std::string& moduleName,
               const Knowledge& knowledge, Diagnostics& diags);

// After every file is lowered: resolves cross-module names, discovers routes and
// applications. Not thread-safe; call once. The per-function steps use up to `jobs` threads.
void link(Program& program, const Knowledge& knowledge, Diagnostics& diags, unsigned jobs = 1);

}  // namespace hg::python
