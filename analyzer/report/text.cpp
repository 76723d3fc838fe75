// The terminal view (rustc / ruff style):
//
//   app/hooks.py:12:1: error[WH101]: POST /webhook handler hook reads request.data without ...
//      |
//   12 | def hook():
//      | ^^^^^^^^^^^
//      |
//   help: verify X-Hub-Signature-256 with hmac.compare_digest
//   fix: use hmac.compare_digest (safe)
//   note: app/hooks.py:11:2: route declared here
//   flow: request.args['url'] (l.12) → url (l.13) → requests.get (l.15)
//
// "[*]" before the message marks a finding `--fix` repairs (with the options given), the
// marker linters use for it. Findings are separated by a blank line; suppressed findings are not shown. The run's summary
// line is the command's (stderr), not the report's.
#include <string>

#include "report/findings_view.h"
#include "report/report.h"
#include "report/snippet.h"
#include "report/utf8.h"

namespace hg {
namespace {

class Painter {
 public:
  explicit Painter(bool enabled) : enabled_(enabled) {}

  std::string paint(const std::string& text, const char* sgr) const {
    if (!enabled_ || text.empty()) return text;
    return std::string("\x1b[") + sgr + "m" + text + "\x1b[0m";
  }

  static const char* levelStyle(Level level) {
    switch (level) {
      case Level::Error: return "1;31";
      case Level::Warning: return "1;33";
      case Level::Note: return "1;36";
    }
    return "1";
  }

 private:
  bool enabled_;
};

constexpr const char* kBold = "1";
constexpr const char* kGutter = "1;34";
constexpr const char* kHelp = "1;36";

std::string position(const SourceSet& sources, const Span& span) {
  return printableLine(displayPathOf(sources, span)) + ":" + std::to_string(span.line) + ":" +
         std::to_string(span.column);
}

// "request.args['url'] (l.12)": the step's own text when short, else its message; the path is
// named only when the step is in another file than the finding.
std::string flowStep(const SourceSet& sources, const FlowStep& step, FileId findingFile) {
  const SourceFile* file = fileOf(sources, step.span);
  std::string label = file ? spanText(*file, step.span) : std::string();
  if (label.empty()) label = step.message;
  if (label.empty()) label = "?";
  std::string where = step.span.file == findingFile
                          ? "l." + std::to_string(step.span.line)
                          : displayPathOf(sources, step.span) + ":" + std::to_string(step.span.line);
  return printableLine(label) + " (" + printableLine(where) + ")";
}

std::string fixLine(const Fix& fix) {
  return printableLine(fix.description) +
         (fix.applicability == FixApplicability::Safe ? " (safe)" : " (unsafe: apply with --fix --unsafe-fixes)");
}

void writeFinding(std::ostream& out, const SourceSet& sources, const Finding& f, const Painter& p, bool unsafeFixes) {
  const char* levelStyle = Painter::levelStyle(f.level);
  const bool fixable = f.fix() && (f.fix()->applicability == FixApplicability::Safe || unsafeFixes);
  out << p.paint(position(sources, f.location) + ":", kBold) << " "
      << p.paint(std::string(levelName(f.level)) + "[" + printableLine(f.ruleId) + "]", levelStyle) << ": "
      << (fixable ? p.paint("[*]", kHelp) + " " : "") << p.paint(printableLine(f.message), kBold) << "\n";

  const SourceFile* file = fileOf(sources, f.location);
  if (std::optional<Snippet> snippet = file ? renderSnippet(*file, f.location) : std::nullopt) {
    std::string number = std::to_string(f.location.line);
    std::string pad(number.size(), ' ');
    std::string bar = p.paint(pad + " |", kGutter);
    out << bar << "\n";
    out << p.paint(number + " |", kGutter) << (snippet->source.empty() ? "" : " ") << snippet->source << "\n";
    size_t caret = snippet->underline.find('^');
    out << bar << " " << snippet->underline.substr(0, caret)
        << p.paint(snippet->underline.substr(caret), levelStyle) << "\n";
    out << bar << "\n";
  }

  out << p.paint("help:", kHelp) << " " << printableLine(helpFor(f)) << "\n";
  if (f.fix()) out << p.paint("fix:", kHelp) << " " << fixLine(*f.fix()) << "\n";
  for (const RelatedLocation& r : f.related) {
    out << p.paint("note:", kBold) << " " << position(sources, r.span) << ": " << printableLine(r.message) << "\n";
  }
  if (!f.flow.empty()) {
    std::string chain;
    for (const FlowStep& step : f.flow) {
      if (!chain.empty()) chain += " \xE2\x86\x92 ";  // U+2192 RIGHTWARDS ARROW
      chain += flowStep(sources, step, f.location.file);
    }
    out << p.paint("flow:", kBold) << " " << chain << "\n";
  }
}

}  // namespace

void writeText(std::ostream& out, const ReportInput& input) {
  Painter painter(input.color);
  bool first = true;
  for (const Finding* f : sortedFindings(input)) {
    if (f->suppressed()) continue;
    if (!first) out << "\n";
    writeFinding(out, input.program.sources, *f, painter, input.unsafeFixes);
    first = false;
  }
}

}  // namespace hg
