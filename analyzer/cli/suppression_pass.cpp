#include "cli/suppression_pass.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "cli/rule_catalog.h"
#include "core/comment_ranges.h"
#include "core/suppression_comment.h"

namespace hg {

namespace {

constexpr std::string_view kToolWord = "hookguard";
// A decorator list longer than this is not a handler header: it bounds the lines searched.
constexpr uint32_t kMaxHeaderLines = 64;

struct ListEntry {
  std::string written;
  std::set<std::string> ids;
  bool used = false;
};

struct Directive {
  Span comment;
  std::string text;  // the directive as written, "# hookguard: ignore[WH101]"
  bool allRules = false;
  bool used = false;
  std::vector<ListEntry> entries;

  // Whether this directive covers `ruleId`; marks the covering entry (or the bare directive) used.
  bool covers(const std::string& ruleId) {
    if (allRules) return used = true;
    bool any = false;
    for (ListEntry& entry : entries) {
      if (entry.ids.count(ruleId)) any = entry.used = true;
    }
    used = used || any;
    return any;
  }
};

using LineDirectives = std::map<uint32_t, std::vector<Directive>>;

class DirectiveIndex {
 public:
  DirectiveIndex(const Program& program, const SuppressionOptions& options, Diagnostics& diags)
      : program_(program), options_(options), diags_(diags) {}

  void collect() {
    const SourceSet& sources = program_.sources;
    for (FileId id = 0; id < sources.size(); ++id) {
      const SourceFile& file = sources.get(id);
      if (file.text.find(kToolWord) == std::string::npos) continue;
      // A directive counts only in a real comment: `"# hookguard: ignore"` in a string (a
      // test fixture, a docstring's example) suppresses nothing.
      const std::vector<std::pair<size_t, size_t>> comments = commentRanges(file.text, file.language);
      for (uint32_t line = 1; line <= file.lineCount(); ++line) {
        std::string_view text = file.line(line);
        if (text.find(kToolWord) != std::string_view::npos) collectLine(id, file, line, text, comments);
      }
    }
  }

  std::vector<Directive>* at(FileId file, uint32_t line) {
    auto f = byFile_.find(file);
    if (f == byFile_.end()) return nullptr;
    auto l = f->second.find(line);
    return l == f->second.end() ? nullptr : &l->second;
  }

  bool checked(FileId file) const { return !options_.isReportedFile || options_.isReportedFile(file); }

  std::map<FileId, LineDirectives>& all() { return byFile_; }

 private:
  void warn(const SourceFile& file, uint32_t line, std::string message) {
    diags_.add(RunDiagnostic{RunDiagnostic::Severity::Warning, file.displayPath, line, std::move(message), false});
  }

  void collectLine(FileId id, const SourceFile& file, uint32_t line, std::string_view text,
                   const std::vector<std::pair<size_t, size_t>>& comments) {
    const bool report = checked(id);
    IgnoreComments parsed = parseIgnoreComments(text, file.language);
    const size_t lineStart = file.lineStarts[line - 1];
    if (report) {
      for (const IgnoreCommentError& error : parsed.errors) {
        if (!insideComment(comments, lineStart + error.marker)) continue;
        warn(file, line, "malformed suppression comment, ignored: " + error.message);
      }
    }
    for (const IgnoreDirective& parsedDirective : parsed.directives) {
      if (!insideComment(comments, lineStart + parsedDirective.begin)) continue;
      Directive directive;
      directive.comment = file.span(lineStart + parsedDirective.begin, lineStart + parsedDirective.end, id);
      directive.text = std::string(text.substr(parsedDirective.begin, parsedDirective.end - parsedDirective.begin));
      directive.allRules = parsedDirective.allRules;
      for (const std::string& written : parsedDirective.rules) {
        ListEntry entry{written, {}, false};
        std::string error;
        if (!resolveRuleSelectors({written}, entry.ids, error)) {
          if (report) warn(file, line, "suppression comment names " + error);
          continue;
        }
        directive.entries.push_back(std::move(entry));
      }
      byFile_[id][line].push_back(std::move(directive));
    }
  }

  const Program& program_;
  const SuppressionOptions& options_;
  Diagnostics& diags_;
  std::map<FileId, LineDirectives> byFile_;
};

bool isCodeFunction(const Function& fn) { return fn.name != "<module>" && fn.name != "<class>"; }

// The lines a comment may sit on to cover `finding`: the reported line first, then the header
// (decorators through the end of the `def` line) of every function the finding lies in, and
// the route declaration of a handler among them (C++ routes are declared apart from the lambda).
std::vector<uint32_t> candidateLines(const Program& program, const Finding& finding) {
  const Span& at = finding.location;
  std::vector<uint32_t> lines{at.line};
  std::set<FunctionId> enclosing;
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    if (fn.file != at.file || !isCodeFunction(fn) || fn.span.line == 0) continue;
    if (at.line < fn.span.line || at.line > std::max(fn.span.endLine, fn.span.line)) continue;
    enclosing.insert(id);
    uint32_t headerEnd = std::max(fn.defSpan.endLine, fn.span.line);
    headerEnd = std::min(headerEnd, fn.span.line + kMaxHeaderLines);
    for (uint32_t line = fn.span.line; line <= headerEnd; ++line) lines.push_back(line);
  }
  for (const Route& route : program.routes) {
    if (enclosing.count(route.handler) && route.declaration.file == at.file && route.declaration.line > 0) {
      lines.push_back(route.declaration.line);
    }
  }
  std::vector<uint32_t> unique;
  for (uint32_t line : lines) {
    if (std::find(unique.begin(), unique.end(), line) == unique.end()) unique.push_back(line);
  }
  return unique;
}

size_t reportUnused(DirectiveIndex& index, const Program& program, const SuppressionOptions& options,
                    Diagnostics& diags) {
  size_t count = 0;
  auto report = [&](const SourceFile& file, uint32_t line, const std::string& message) {
    diags.add(RunDiagnostic{RunDiagnostic::Severity::Warning, file.displayPath, line, message, false});
    ++count;
  };
  for (auto& [fileId, lines] : index.all()) {
    if (!index.checked(fileId)) continue;
    const SourceFile& file = program.sources.get(fileId);
    for (auto& [line, directives] : lines) {
      for (const Directive& d : directives) {
        if (d.allRules) {
          if (!d.used && !options.rulesRun.empty()) {
            report(file, line, "unused suppression comment '" + d.text + "': it suppresses no finding");
          }
          continue;
        }
        for (const ListEntry& entry : d.entries) {
          bool ran = std::any_of(entry.ids.begin(), entry.ids.end(),
                                 [&](const std::string& id) { return options.rulesRun.count(id) > 0; });
          if (!entry.used && ran) {
            report(file, line, "unused suppression of " + entry.written + " in '" + d.text +
                                   "': no " + entry.written + " finding here");
          }
        }
      }
    }
  }
  return count;
}

}  // namespace

SuppressionSummary applySuppressions(const Program& program, std::vector<Finding>& findings,
                                     const SuppressionOptions& options, Diagnostics& diags) {
  DirectiveIndex index(program, options, diags);
  index.collect();
  SuppressionSummary summary;
  if (!index.all().empty()) {
    for (Finding& finding : findings) {
      if (!finding.location.valid()) continue;
      bool suppressed = false;
      for (uint32_t line : candidateLines(program, finding)) {
        std::vector<Directive>* directives = index.at(finding.location.file, line);
        if (!directives) continue;
        for (Directive& directive : *directives) {
          // Every covering directive is marked used; the finding records the first (the one
          // nearest the reported line).
          if (!directive.covers(finding.ruleId)) continue;
          if (!suppressed) finding.suppressions.push_back(Suppression{directive.comment});
          suppressed = true;
        }
      }
      summary.suppressed += suppressed ? 1 : 0;
    }
  }
  if (options.reportUnused) summary.unusedIgnores = reportUnused(index, program, options, diags);
  return summary;
}

}  // namespace hg
