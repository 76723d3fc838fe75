#include "engine/expr_walk.h"

#include <algorithm>

namespace hg {

void walkExpr(const Function& fn, ExprId root, const std::function<bool(ExprId)>& visit) {
  std::vector<ExprId> stack;
  if (root != kNoExpr) stack.push_back(root);
  while (!stack.empty()) {
    ExprId id = stack.back();
    stack.pop_back();
    if (id >= fn.exprs.size()) continue;  // a malformed id must not crash the scan
    if (!visit(id)) continue;
    const Expr& e = fn.expr(id);
    // Pushed in reverse so children are visited in source order.
    for (auto it = e.args.rbegin(); it != e.args.rend(); ++it) {
      if (*it != kNoExpr) stack.push_back(*it);
    }
  }
}

std::vector<ExprId> stmtRoots(const Stmt& stmt) {
  std::vector<ExprId> roots;
  if (stmt.value != kNoExpr) roots.push_back(stmt.value);
  for (ExprId t : stmt.targets) {
    if (t != kNoExpr) roots.push_back(t);
  }
  return roots;
}

std::vector<ExprId> blockRoots(const Block& block) {
  std::vector<ExprId> roots;
  for (const Stmt& stmt : block.stmts) {
    for (ExprId r : stmtRoots(stmt)) roots.push_back(r);
  }
  if (block.condition != kNoExpr) roots.push_back(block.condition);
  return roots;
}

std::vector<ExprId> callsIn(const Function& fn, ExprId root) {
  std::vector<ExprId> calls;
  walkExpr(fn, root, [&](ExprId id) {
    if (fn.expr(id).kind == ExprKind::Call) calls.push_back(id);
    return true;
  });
  return calls;
}

ExprId calleeOf(const Function& fn, ExprId call) {
  if (call >= fn.exprs.size()) return kNoExpr;
  const Expr& e = fn.expr(call);
  if (e.kind != ExprKind::Call || e.args.empty()) return kNoExpr;
  return e.args[0];
}

ExprId callArgument(const Function& fn, ExprId call, size_t index, std::string_view keyword) {
  if (call >= fn.exprs.size()) return kNoExpr;
  const Expr& e = fn.expr(call);
  if (e.kind != ExprKind::Call) return kNoExpr;
  size_t positional = 0;
  for (size_t i = 1; i < e.args.size(); ++i) {
    std::string_view name = i - 1 < e.argNames.size() ? std::string_view(e.argNames[i - 1]) : std::string_view();
    if (!keyword.empty() && name == keyword) return e.args[i];
    if (name.empty()) {
      if (positional == index) return e.args[i];
      ++positional;
    }
  }
  return kNoExpr;
}

ExprId stripAwait(const Function& fn, ExprId id) {
  for (int guard = 0; guard < 64 && id < fn.exprs.size(); ++guard) {
    const Expr& e = fn.expr(id);
    if (e.kind != ExprKind::Await || e.args.empty()) return id;
    id = e.args[0];
  }
  return id;
}

const std::string* stringLiteral(const Function& fn, ExprId id) {
  if (id >= fn.exprs.size()) return nullptr;
  const Expr& e = fn.expr(id);
  if (e.kind != ExprKind::Literal) return nullptr;
  if (e.literal != LiteralKind::String && e.literal != LiteralKind::Bytes) return nullptr;
  return &e.text;
}

bool isFalsyLiteral(const Expr& e) {
  if (e.kind != ExprKind::Literal) return false;
  switch (e.literal) {
    case LiteralKind::False:
    case LiteralKind::NoneValue: return true;
    case LiteralKind::Integer: return e.text == "0";
    case LiteralKind::String:
    case LiteralKind::Bytes: return e.text.empty();
    default: return false;
  }
}

bool isTrueLiteral(const Expr& e) { return e.kind == ExprKind::Literal && e.literal == LiteralKind::True; }

std::string spanText(const Program& program, const Span& span, size_t maxChars) {
  if (!span.valid() || span.file >= program.sources.size()) return {};
  const SourceFile& file = program.sources.get(span.file);
  std::string_view line = file.line(span.line);
  // Columns count code points; walk bytes to find them.
  auto byteOfColumn = [&](uint32_t column) {
    size_t byte = 0;
    uint32_t col = 1;
    while (byte < line.size() && col < column) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
      ++col;
    }
    return byte;
  };
  size_t begin = byteOfColumn(span.column);
  size_t end = span.endLine == span.line ? byteOfColumn(span.endColumn) : line.size();
  if (end < begin) end = line.size();
  std::string text(line.substr(begin, end - begin));
  if (span.endLine != span.line) text += "...";
  if (text.size() > maxChars) {
    size_t cut = maxChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

std::vector<std::string> qualifiedPrefixes(std::string_view qualified) {
  std::vector<std::string> out;
  if (qualified.empty()) return out;
  out.emplace_back(qualified);
  // Cut points: before a '.' at depth 0 and before a trailing "()" group.
  for (size_t i = qualified.size(); i-- > 0;) {
    char c = qualified[i];
    if (c == '.' || (c == '(' && i + 1 < qualified.size() && qualified[i + 1] == ')')) {
      if (i > 0) out.emplace_back(qualified.substr(0, i));
    } else if (c == ')' && i > 0 && qualified[i - 1] == '(' && i + 1 < qualified.size()) {
      // "x().y": "x()" is itself a prefix.
      out.emplace_back(qualified.substr(0, i + 1));
    }
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string_view lastComponent(std::string_view qualified) {
  size_t dot = qualified.rfind('.');
  return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

}  // namespace hg
