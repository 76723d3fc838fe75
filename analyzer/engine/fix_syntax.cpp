#include "engine/fix_syntax.h"

#include <algorithm>

#include "engine/expr_walk.h"

namespace hg::fixes {

std::optional<Located> pythonExprAt(const Program& program, const Span& span, ExprKind kind) {
  if (span.file >= program.sources.size()) return std::nullopt;
  const SourceFile& file = program.sources.get(span.file);
  if (file.language != Language::Python) return std::nullopt;
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    if (fn.file != span.file) continue;
    for (ExprId e = 0; e < fn.exprs.size(); ++e) {
      if (fn.exprs[e].kind == kind && fn.exprs[e].span == span) return Located{&file, id, &fn, e};
    }
  }
  return std::nullopt;
}

ByteRange bytesOf(const SourceFile& file, const Span& span) {
  size_t begin = file.offset(span.line, span.column);
  size_t end = file.offset(span.endLine, span.endColumn);
  return ByteRange{begin, std::max(begin, end)};
}

std::string_view textOf(const SourceFile& file, const Span& span) {
  ByteRange r = bytesOf(file, span);
  return std::string_view(file.text).substr(r.begin, r.end - r.begin);
}

bool contains(const Function& fn, ExprId root, ExprId inner) {
  bool found = false;
  walkExpr(fn, root, [&](ExprId e) {
    if (e == inner) found = true;
    return !found;
  });
  return found;
}

ExprId parentOf(const Function& fn, ExprId child) {
  for (ExprId e = 0; e < fn.exprs.size(); ++e) {
    const std::vector<ExprId>& args = fn.exprs[e].args;
    if (std::find(args.begin(), args.end(), child) != args.end()) return e;
  }
  return kNoExpr;
}

bool isBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view indentationOf(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return line.substr(0, n);
}

namespace {

size_t startOfLineAfter(const SourceFile& file, uint32_t line) {
  return line < file.lineStarts.size() ? file.lineStarts[line] : file.text.size();
}

// `from __future__ import x`: it must stay the module's first statement.
bool isFutureImport(std::string_view text) {
  if (!text.starts_with("from") || text.size() < 5 || (text[4] != ' ' && text[4] != '\t')) return false;
  size_t module = text.find_first_not_of(" \t", 4);
  return module != std::string_view::npos && text.substr(module).starts_with("__future__");
}

}  // namespace

size_t importInsertionOffset(const Program& program, FileId fileId) {
  const SourceFile& file = program.sources.get(fileId);
  const Module* module = program.moduleOf(fileId);
  uint32_t afterLine = 0;  // the new import goes on the line after this one
  // Comments and blank lines that open the file (shebang, coding declaration, licence).
  for (uint32_t l = 1; l <= file.lineCount(); ++l) {
    std::string_view text = file.line(l);
    if (!text.starts_with("#")) break;
    afterLine = l;
  }
  if (!module || module->body == kNoFunction) return startOfLineAfter(file, afterLine);
  const Function& body = program.function(module->body);
  // The docstring: a string literal as the module's first statement.
  if (!body.blocks.empty() && !body.blocks[0].stmts.empty()) {
    const Stmt& first = body.blocks[0].stmts.front();
    if (first.kind == StmtKind::Eval && first.value != kNoExpr && body.expr(first.value).kind == ExprKind::Literal &&
        body.expr(first.value).literal == LiteralKind::String && first.span.column == 1)
      afterLine = std::max(afterLine, first.span.endLine);
  }
  uint32_t firstImport = 0;
  for (const Block& block : body.blocks) {
    for (const Stmt& s : block.stmts) {
      if (s.kind != StmtKind::Import || s.span.column != 1) continue;
      std::string_view text = textOf(file, s.span);
      if (isFutureImport(text)) afterLine = std::max(afterLine, s.span.endLine);
      else if (firstImport == 0 || s.span.line < firstImport) firstImport = s.span.line;
    }
  }
  if (firstImport > afterLine) return file.lineStarts[firstImport - 1];
  return startOfLineAfter(file, afterLine);
}

std::optional<std::string> importedSpelling(const Program& program, FileId file, const std::string& module,
                                            const std::string& name) {
  const Module* m = program.moduleOf(file);
  if (!m) return std::nullopt;
  std::optional<std::string> spelling;
  for (const Import& i : m->imports) {
    if (i.target == module && !spelling) spelling = i.localName + "." + name;
    else if (i.target == module + "." + name && !spelling) spelling = i.localName;
    else if (i.localName == module && i.target != module) return std::string();
  }
  return spelling;
}

TextEdit edit(FileId file, ByteRange range, std::string replacement) {
  return TextEdit{file, range.begin, range.end, std::move(replacement)};
}

}  // namespace hg::fixes
