// `--format github`: one GitHub Actions workflow command per unsuppressed finding,
//
//   ::error file=app/hooks.py,line=12,col=5,endLine=12,endColumn=20,title=WH101 missing-signature-verification::message%0Ahelp: ...
//
// which the Actions runner turns into an annotation on the line. Levels map to error,
// warning and notice. The runner decodes %25, %0D and %0A in the message and, in the
// properties, %3A and %2C as well: anything else there would end the property or the command.
#include <algorithm>

#include "engine/engine.h"
#include "report/findings_view.h"
#include "report/report.h"

namespace hg {

namespace {

std::string escapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escapeProperty(std::string_view text) {
  std::string out;
  for (char c : escapeData(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

const char* commandFor(Level level) {
  switch (level) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    case Level::Note: return "notice";
  }
  return "error";
}

}  // namespace

void writeGithub(std::ostream& out, const ReportInput& input) {
  const SourceSet& sources = input.program.sources;
  for (const Finding* f : sortedFindings(input)) {
    if (f->suppressed()) continue;
    const Span& at = f->location;
    out << "::" << commandFor(f->level) << " file=" << escapeProperty(displayPathOf(sources, at));
    if (at.line > 0) {
      const uint32_t endLine = std::max(at.endLine, at.line);
      // The runner accepts columns only for an annotation on one line.
      const bool columns = endLine == at.line && at.column > 0;
      out << ",line=" << at.line;
      if (columns) out << ",col=" << at.column;
      out << ",endLine=" << endLine;
      if (columns && at.endColumn > at.column) out << ",endColumn=" << at.endColumn;
    }
    std::string title = f->ruleId;
    if (const RuleMeta* meta = catalogEntry(f->ruleId)) title += " " + meta->name;
    out << ",title=" << escapeProperty(title) << "::" << escapeData(f->message + "\nhelp: " + helpFor(*f)) << "\n";
  }
}

}  // namespace hg
