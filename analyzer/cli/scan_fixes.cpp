#include "cli/scan_fixes.h"

#include "cli/fix_files.h"
#include "cli/terminal.h"
#include "core/diagnostics.h"
#include "report/unified_diff.h"

namespace hg {

FixCounts countFixes(const std::vector<Finding>& findings, bool unsafeFixes) {
  FixCounts counts;
  for (const Finding& f : findings) {
    if (f.suppressed() || !f.fix()) continue;
    if (fixEnabled(*f.fix(), unsafeFixes)) ++counts.fixable;
    else ++counts.hidden;
  }
  return counts;
}

size_t writeFixDiffs(std::ostream& out, const ScanResult& result, bool unsafeFixes) {
  size_t fixes = 0;
  for (const FilePlan& plan : planFixes(*result.program, result.findings, unsafeFixes)) {
    const SourceFile& file = result.program->sources.get(plan.file);
    out << unifiedDiff(file.displayPath, file.text, plan.fixedText);
    fixes += plan.findings.size();
  }
  return fixes;
}

AppliedFixes applyFixes(const ScanResult& result, bool unsafeFixes, std::ostream& err, bool color) {
  AppliedFixes applied;
  for (const FilePlan& plan : planFixes(*result.program, result.findings, unsafeFixes)) {
    const SourceFile& file = result.program->sources.get(plan.file);
    std::string problem;
    if (!writeFixedFile(file, plan, problem)) {
      err << formatRunDiagnostic(
          RunDiagnostic{RunDiagnostic::Severity::Warning, file.displayPath, 0, "not fixed: " + problem, false}, color);
      continue;
    }
    applied.fixed += plan.findings.size();
    ++applied.filesWritten;
  }
  return applied;
}

}  // namespace hg
