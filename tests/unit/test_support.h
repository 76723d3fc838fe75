// Helpers shared by the unit tests: lower Python sources held in memory into a linked Program,
// and find a function in it by qualified name.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"

// Adds each (relative path, source) as a SourceFile, lowers it with the module name the path
// implies (python::moduleNameFor), links, and builds the indexes: the Program the rules see.
// Diagnostics (syntax errors, ...) go to `diags` when given.
std::unique_ptr<hg::Program> lowerPythonSources(const std::vector<std::pair<std::string, std::string>>& files,
                                                hg::Diagnostics* diags = nullptr);

// The same with a knowledge base other than the built-in one.
std::unique_ptr<hg::Program> lowerPythonSources(const std::vector<std::pair<std::string, std::string>>& files,
                                                const hg::Knowledge& knowledge, hg::Diagnostics* diags = nullptr);

// The same for files whose import root is a directory shown in their paths ("app/" when app/
// has no __init__.py): module names come from the path below it ("app/security.py" is
// "security").
std::unique_ptr<hg::Program> lowerPythonSourcesUnder(const std::string& importRoot,
                                                     const std::vector<std::pair<std::string, std::string>>& files);

// A SourceFile holding `text` (lines indexed), shown as `displayPath`.
hg::SourceFile sourceFileOf(const std::string& displayPath, std::string text);

// The function with that qualified name ("app.hooks.stripe_webhook", "app.hooks.<module>").
// Throws std::out_of_range listing the functions that exist when there is none, which fails
// the calling test with a readable message.
const hg::Function& functionNamed(const hg::Program& program, const std::string& qualified);

// Compact renderings for assertions and failure messages: an expression as source-like text
// (`flask.request.headers.get('X-Sig')` shows names as written: `request.headers.get('X-Sig')`),
// and a CFG as one line per block: "B2 [loop] [handler ValueError]: assign x = f(); cond c -> B3:T B4:F".
std::string describeExpr(const hg::Function& fn, hg::ExprId id);
std::string describeStmt(const hg::Function& fn, const hg::Stmt& stmt);
std::string describeCfg(const hg::Function& fn);
