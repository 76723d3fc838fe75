// What the fix generators ask of the IR and the source text: the expression a finding points
// at, the exact text of an expression, where a new top-level import goes. Internal to the
// fix layer (engine/fixes.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "engine/engine.h"

namespace hg::fixes {

struct FixContext {
  const Program& program;
  const Knowledge& knowledge;
  const EngineConfig& config;
};

// An expression a finding points at, with its function and file.
struct Located {
  const SourceFile* file = nullptr;
  FunctionId function = kNoFunction;
  const Function* fn = nullptr;
  ExprId expr = kNoExpr;

  const Expr& node() const { return fn->expr(expr); }
};

// The expression of this kind whose span is exactly `span` (the first in function order), in
// a Python file: the generators rewrite Python syntax only.
std::optional<Located> pythonExprAt(const Program& program, const Span& span, ExprKind kind);

// Byte range of a span in its file's text.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};
ByteRange bytesOf(const SourceFile& file, const Span& span);
std::string_view textOf(const SourceFile& file, const Span& span);

// Whether `inner` is `root` or one of its sub-expressions.
bool contains(const Function& fn, ExprId root, ExprId inner);

// The expression that has `child` among its arguments, or kNoExpr (a branch condition or a
// statement's value).
ExprId parentOf(const Function& fn, ExprId child);

// Whether the text only holds spaces and tabs (no newline, no comment, no backslash).
bool isBlank(std::string_view text);

// The leading spaces and tabs of a line.
std::string_view indentationOf(std::string_view line);

// Where a new top-level import line goes in a Python module: before the first top-level
// import that is not `from __future__`, else after the docstring and the __future__ imports,
// else after the leading comment lines (shebang, coding, licence).
size_t importInsertionOffset(const Program& program, FileId file);

// How the module refers to an imported function `module.name`: "hmac.compare_digest" after
// `import hmac`, "h.compare_digest" after `import hmac as h`, "compare_digest" after `from
// hmac import compare_digest`. nullopt when the module imports neither; an empty string when
// the module name is bound to something else, so an added import would be shadowed.
std::optional<std::string> importedSpelling(const Program& program, FileId file, const std::string& module,
                                            const std::string& name);

TextEdit edit(FileId file, ByteRange range, std::string replacement);

}  // namespace hg::fixes
