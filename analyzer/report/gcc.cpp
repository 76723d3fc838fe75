// One line per finding, `path:line:col: level: message [WH101]`, the format Vim's and Emacs'
// quickfix/compilation modes parse out of the box. Suppressed findings are omitted.
#include "report/findings_view.h"
#include "report/report.h"
#include "report/utf8.h"

namespace hg {

void writeGcc(std::ostream& out, const ReportInput& input) {
  const SourceSet& sources = input.program.sources;
  for (const Finding* f : sortedFindings(input)) {
    if (f->suppressed()) continue;
    // printableLine keeps each finding on exactly one line whatever the message holds.
    out << printableLine(displayPathOf(sources, f->location)) << ":" << f->location.line << ":"
        << f->location.column << ": " << levelName(f->level) << ": " << printableLine(f->message) << " ["
        << printableLine(f->ruleId) << "]\n";
  }
}

}  // namespace hg
