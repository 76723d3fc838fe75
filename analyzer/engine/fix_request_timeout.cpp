// WH403 in Python: `timeout=10` added as the last argument of the outbound call (the keyword
// the knowledge entry names). Unsafe: a response slower than ten seconds, which the handler
// waited for so far, now raises.
#include "engine/expr_walk.h"
#include "engine/fix_generators.h"
#include "engine/knowledge_attributes.h"

namespace hg::fixes {

namespace {

// Spaces and line breaks only: no comment, no backslash.
bool isLayout(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::optional<Fix> requestTimeoutFix(const FixContext& ctx, const Finding& finding) {
  const FileId id = finding.location.file;
  std::optional<Located> at = pythonExprAt(ctx.program, finding.location, ExprKind::Call);
  if (!at) return std::nullopt;
  const SourceFile& file = *at->file;
  const Function& fn = *at->fn;
  const Expr& call = at->node();
  ExprId callee = calleeOf(fn, at->expr);
  if (callee == kNoExpr) return std::nullopt;
  const KnowledgeEntry* entry = ctx.knowledge.match("outbound_timeouts", fn.expr(callee).qualified);
  if (!entry) return std::nullopt;
  std::string keyword = stringAttribute(*entry, "timeout_kw");
  if (keyword.empty()) return std::nullopt;

  ByteRange whole = bytesOf(file, call.span);
  if (whole.end <= whole.begin || file.text[whole.end - 1] != ')') return std::nullopt;
  const size_t close = whole.end - 1;
  std::string_view text = file.text;
  // A bare generator argument, `f(x for x in y)`, must stay the only one.
  const Expr& last = fn.expr(call.args.back());
  if (call.args.size() > 1 && last.kind == ExprKind::Comprehension && !textOf(file, last.span).starts_with("("))
    return std::nullopt;
  // After the last argument (or the opening parenthesis) only blanks and a trailing comma.
  size_t after = bytesOf(file, last.span).end;
  std::string insertion = ", " + keyword + "=10";
  if (call.args.size() == 1) {
    size_t open = text.find('(', bytesOf(file, fn.expr(callee).span).end);
    if (open == std::string_view::npos || open >= close) return std::nullopt;
    after = open + 1;
    insertion = keyword + "=10";
  }
  if (after > close) return std::nullopt;
  std::string_view between = text.substr(after, close - after);
  size_t comma = between.find(',');
  if (comma != std::string_view::npos && call.args.size() > 1) {
    if (!isLayout(between.substr(0, comma)) || !isLayout(between.substr(comma + 1))) return std::nullopt;
  } else if (!isLayout(between)) {
    return std::nullopt;
  }

  Fix fix;
  fix.description = "pass " + keyword + "=10";
  fix.applicability = FixApplicability::Unsafe;
  fix.edits.push_back(edit(id, {after, after}, std::move(insertion)));
  return fix;
}

}  // namespace hg::fixes
