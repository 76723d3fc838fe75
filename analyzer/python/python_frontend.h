// Entry points of the Python front-end (tree-sitter): parse and lower files into the Program,
// then link modules (imports, routes, applications) once every file is lowered.
#pragma once

#include <string>

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

// Parses program.sources.get(file) and appends its Module and Functions. Syntax errors are
// recovered from (what parsed is lowered) and reported as warnings in `diags`.
// Safe to call concurrently for different files.
void lowerFile(Program& program, FileId file, const std::string& moduleName,
               const Knowledge& knowledge, Diagnostics& diags);

// After every file is lowered: resolves cross-module names, discovers routes and
// applications. Not thread-safe; call once.
void link(Program& program, const Knowledge& knowledge, Diagnostics& diags);

}  // namespace hg::python
