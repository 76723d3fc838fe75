// WH102 in Python: `a == b` -> `hmac.compare_digest(a, b)`, `a != b` -> `not
// hmac.compare_digest(a, b)`, importing hmac when the module does not. Only for a comparison
// of exactly two operands whose text is the operands and the operator: a chain (`a == b ==
// c`), a comparison nested in another one, or a backslash continuation gets no fix.
#include "engine/fix_generators.h"

#include <tuple>

#include "engine/fix_syntax.h"

namespace hg::fixes {

namespace {

// Whether another comparison of the function overlaps this one: the halves of a chain share
// an operand, and a nested comparison cannot take `not` as an operand.
bool overlapsAnotherCompare(const Function& fn, ExprId compare) {
  const Span& span = fn.expr(compare).span;
  for (ExprId e = 0; e < fn.exprs.size(); ++e) {
    const Expr& other = fn.exprs[e];
    if (e == compare || other.kind != ExprKind::Compare || other.span.file != span.file) continue;
    bool disjoint = std::tie(other.span.endLine, other.span.endColumn) <= std::tie(span.line, span.column) ||
                    std::tie(span.endLine, span.endColumn) <= std::tie(other.span.line, other.span.column);
    if (!disjoint) return true;
  }
  return false;
}

// Where `not f(...)` stands without parentheses: a branch condition or statement value (no
// parent), an operand of and/or/not, a call's argument, an element of a container.
bool takesBareNot(const Function& fn, ExprId compare) {
  ExprId parent = parentOf(fn, compare);
  if (parent == kNoExpr) return true;
  const Expr& p = fn.expr(parent);
  switch (p.kind) {
    case ExprKind::BoolOp:
    case ExprKind::Not:
    case ExprKind::Container:
      return true;
    case ExprKind::Call:
      return !p.args.empty() && p.args[0] != compare;
    default:
      return false;
  }
}

// Whether the source already has parentheses (or a call's) right around the range.
bool parenthesised(std::string_view text, ByteRange range) {
  size_t before = text.find_last_not_of(" \t", range.begin == 0 ? std::string_view::npos : range.begin - 1);
  size_t after = text.find_first_not_of(" \t", range.end);
  return range.begin > 0 && before != std::string_view::npos && text[before] == '(' &&
         after != std::string_view::npos && text[after] == ')';
}

bool onlyChars(std::string_view text, char allowed) {
  for (char c : text) {
    if (c != allowed && c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace

std::optional<Fix> compareDigestFix(const FixContext& ctx, const Finding& finding) {
  std::optional<Located> at = pythonExprAt(ctx.program, finding.location, ExprKind::Compare);
  if (!at) return std::nullopt;
  const SourceFile& file = *at->file;
  const Function& fn = *at->fn;
  const Expr& compare = at->node();
  if ((compare.text != "==" && compare.text != "!=") || compare.args.size() != 2) return std::nullopt;
  if (overlapsAnotherCompare(fn, at->expr)) return std::nullopt;

  ByteRange whole = bytesOf(file, compare.span);
  ByteRange lhs = bytesOf(file, fn.expr(compare.args[0]).span);
  ByteRange rhs = bytesOf(file, fn.expr(compare.args[1]).span);
  if (lhs.begin < whole.begin || lhs.end > rhs.begin || rhs.end > whole.end) return std::nullopt;
  std::string_view text = file.text;
  // Parentheses the comparison's span may include around its operands stay where they are.
  std::string_view open = text.substr(whole.begin, lhs.begin - whole.begin);
  std::string_view close = text.substr(rhs.end, whole.end - rhs.end);
  std::string_view middle = text.substr(lhs.end, rhs.begin - lhs.end);
  if (!onlyChars(open, '(') || !onlyChars(close, ')')) return std::nullopt;
  size_t op = middle.find(compare.text);
  if (op == std::string_view::npos || !isBlank(middle.substr(0, op)) || !isBlank(middle.substr(op + 2)))
    return std::nullopt;

  std::optional<std::string> spelling = importedSpelling(ctx.program, finding.location.file, "hmac", "compare_digest");
  if (spelling && spelling->empty()) return std::nullopt;
  const bool addImport = !spelling;
  std::string call = (addImport ? std::string("hmac.compare_digest") : *spelling) + "(" +
                     std::string(text.substr(lhs.begin, lhs.end - lhs.begin)) + ", " +
                     std::string(text.substr(rhs.begin, rhs.end - rhs.begin)) + ")";
  if (compare.text == "!=") {
    call = "not " + call;
    if (open.empty() && !takesBareNot(fn, at->expr) && !parenthesised(text, whole)) call = "(" + call + ")";
  }

  Fix fix;
  fix.description = "use hmac.compare_digest";
  fix.applicability = FixApplicability::Safe;
  const FileId id = finding.location.file;
  if (addImport) {
    size_t at = importInsertionOffset(ctx.program, id);
    if (at > whole.begin) return std::nullopt;
    fix.edits.push_back(edit(id, {at, at}, "import hmac\n"));
  }
  fix.edits.push_back(edit(id, {lhs.begin, rhs.end}, std::move(call)));
  return fix;
}

}  // namespace hg::fixes
