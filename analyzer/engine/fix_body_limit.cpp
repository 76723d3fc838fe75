// WH301 for a Flask application: `app.config["MAX_CONTENT_LENGTH"] = 1 * 1024 * 1024` on the
// line after `app = Flask(...)`, at its indentation. Unsafe: a request larger than 1 MiB that
// the application accepted so far is now refused. Only when the construction is the whole
// value of a one-name assignment that is alone on its lines.
#include "engine/fix_generators.h"

namespace hg::fixes {

namespace {

const Stmt* constructingAssignment(const Function& fn, const Span& construction) {
  for (const Block& block : fn.blocks) {
    for (const Stmt& s : block.stmts) {
      if (s.kind != StmtKind::Assign || s.targets.size() != 1 || !s.augOp.empty() || s.value == kNoExpr) continue;
      if (fn.expr(s.value).span == construction && fn.expr(s.targets[0]).kind == ExprKind::Name) return &s;
    }
  }
  return nullptr;
}

// Nothing but blanks or a comment after the statement on its last line.
bool endsItsLine(std::string_view rest) {
  size_t i = rest.find_first_not_of(" \t\r");
  return i == std::string_view::npos || rest[i] == '#';
}

}  // namespace

std::optional<Fix> bodyLimitFix(const FixContext& ctx, const Finding& finding) {
  const FileId id = finding.location.file;
  const SourceFile& file = ctx.program.sources.get(id);
  if (file.language != Language::Python) return std::nullopt;
  const Application* app = nullptr;
  for (const Application& a : ctx.program.applications) {
    if (a.construction == finding.location && a.kind == "app") app = &a;
  }
  if (!app || app->framework != "flask" || app->definedIn == kNoFunction) return std::nullopt;
  const Function& fn = ctx.program.function(app->definedIn);
  const Stmt* assign = constructingAssignment(fn, app->construction);
  if (!assign || assign->span.endLine == 0) return std::nullopt;

  std::string_view firstLine = file.line(assign->span.line);
  std::string_view indent = indentationOf(firstLine);
  if (indent.size() + 1 != assign->span.column) return std::nullopt;
  ByteRange stmt = bytesOf(file, assign->span);
  size_t lineEnd = file.text.find('\n', stmt.end);
  if (lineEnd == std::string::npos) lineEnd = file.text.size();
  if (!endsItsLine(std::string_view(file.text).substr(stmt.end, lineEnd - stmt.end))) return std::nullopt;

  std::string name(textOf(file, fn.expr(assign->targets[0]).span));
  std::string line = std::string(indent) + name + ".config[\"MAX_CONTENT_LENGTH\"] = 1 * 1024 * 1024";
  Fix fix;
  fix.description = "set MAX_CONTENT_LENGTH to 1 MiB";
  fix.applicability = FixApplicability::Unsafe;
  if (lineEnd == file.text.size()) fix.edits.push_back(edit(id, {lineEnd, lineEnd}, "\n" + line + "\n"));
  else fix.edits.push_back(edit(id, {lineEnd + 1, lineEnd + 1}, line + "\n"));
  return fix;
}

}  // namespace hg::fixes
