// `hookguard scan`: options -> scan() -> diagnostics on stderr, the report on stdout or -o,
// a summary line, and the exit code.
#include <unistd.h>

#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/config_merge.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/progress_line.h"
#include "cli/stage_timings.h"
#include "cli/rule_catalog.h"
#include "cli/scan.h"
#include "cli/scan_fixes.h"
#include "cli/source_reader.h"
#include "cli/terminal.h"
#include "python/python_frontend.h"
#include "report/baseline.h"
#include "report/report.h"

namespace hg {

namespace {

// Far above the largest SARIF log hookguard writes (report/sarif_log.h limits it to 10 MB).
constexpr uint64_t kMaxBaselineBytes = 256ull * 1024 * 1024;

std::string plural(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "hookguard: scanned 12 files (1 skipped): 7 routes, 5 handlers; 9 findings (4 errors, 3 warnings,
// 2 notes), 1 suppressed"
std::string summaryLine(const ScanResult& result, const std::vector<RunDiagnostic>& diagnostics, size_t fixed,
                        bool unsafeFixes) {
  size_t skippedFiles = 0;
  for (const RunDiagnostic& d : diagnostics) skippedFiles += d.fileSkipped ? 1 : 0;
  // Routes of context files were analyzed for what they share, not asked about: not counted.
  size_t routes = 0;
  std::set<FunctionId> handlers;
  for (const Route& route : result.program->routes) {
    if (result.contextFiles.count(route.declaration.file) > 0) continue;
    ++routes;
    // A handler copied for its route's view class (Function::specializationOf) is one function
    // of the source.
    FunctionId handler = route.handler;
    if (handler < result.program->functionCount() && result.program->function(handler).specializationOf != kNoFunction)
      handler = result.program->function(handler).specializationOf;
    handlers.insert(handler);
  }
  size_t byLevel[3] = {0, 0, 0};
  size_t suppressed = 0;
  for (const Finding& f : result.findings) {
    if (f.suppressed()) ++suppressed;
    else ++byLevel[static_cast<size_t>(f.level)];
  }
  const size_t reported = byLevel[0] + byLevel[1] + byLevel[2];
  std::string line = "hookguard: scanned " + plural(result.filesScanned, "file", "files");
  // What else happened to files, in one parenthesis: "(2 skipped; 3 more read for context)".
  std::vector<std::string> asides;
  if (skippedFiles > 0) asides.push_back(std::to_string(skippedFiles) + " skipped");
  if (!result.contextFiles.empty()) asides.push_back(std::to_string(result.contextFiles.size()) + " more read for context");
  if (result.filesNotAnalyzed > 0)
    asides.push_back(std::to_string(result.filesNotAnalyzed) +
                     " left out: no route code can reach them, see --no-prefilter");
  for (size_t i = 0; i < asides.size(); ++i) line += (i == 0 ? " (" : "; ") + asides[i];
  if (!asides.empty()) line += ")";
  line += ": " + plural(routes, "route", "routes") + ", " +
          plural(handlers.size(), "handler", "handlers") + "; ";
  if (reported == 0) {
    line += "no findings";
  } else {
    line += plural(reported, "finding", "findings") + " (" + plural(byLevel[2], "error", "errors") + ", " +
            plural(byLevel[1], "warning", "warnings") + ", " + plural(byLevel[0], "note", "notes") + ")";
  }
  if (suppressed > 0) line += ", " + std::to_string(suppressed) + " suppressed";
  // What --fix did, what it would do, and what --unsafe-fixes would add: the next command to
  // type is in the line.
  if (fixed > 0) line += ", " + std::to_string(fixed) + " fixed";
  const FixCounts fixes = countFixes(result.findings, unsafeFixes);
  const std::string hidden = plural(fixes.hidden, "hidden fix", "hidden fixes") + " can be enabled with --unsafe-fixes";
  if (fixes.fixable > 0) {
    line += "; " + std::to_string(fixes.fixable) + " fixable with --fix";
    if (fixes.hidden > 0) line += " (" + hidden + ")";
  } else if (fixes.hidden > 0) {
    line += "; " + hidden;
  }
  return line + "\n";
}

int exitCodeFor(const ScanResult& result, std::optional<Level> failOn) {
  if (result.inputError) return kExitError;
  if (!failOn) return kExitClean;
  for (const Finding& f : result.findings) {
    if (!f.suppressed() && f.level >= *failOn) return kExitFindings;
  }
  return kExitClean;
}

void writeReport(std::ostream& out, ReportFormat format, const ReportInput& input) {
  switch (format) {
    case ReportFormat::Text: writeText(out, input); break;
    case ReportFormat::Sarif: writeSarif(out, input); break;
    case ReportFormat::Json: writeJson(out, input); break;
    case ReportFormat::Gcc: writeGcc(out, input); break;
    case ReportFormat::Github: writeGithub(out, input); break;
  }
}

// Throws BaselineError naming the file.
Baseline readBaseline(const std::string& path) {
  FileBytes log = readFileBytes(path, kMaxBaselineBytes);
  switch (log.status) {
    case FileBytes::Status::Ok: return Baseline::parse(log.bytes, path);
    case FileBytes::Status::TooLarge:
      throw BaselineError(path + ": cannot read baseline: larger than " + std::to_string(kMaxBaselineBytes) + " bytes");
    case FileBytes::Status::NotRegularFile: throw BaselineError(path + ": cannot read baseline: not a regular file");
    case FileBytes::Status::Unreadable: break;
  }
  throw BaselineError(path + ": cannot read baseline: " + log.error);
}

}  // namespace

int runScanCommand(const ScanCommandOptions& commandLine) {
  const bool colorStderr = shouldUseColor(commandLine.color, STDERR_FILENO);
  auto fail = [&](const std::string& message) {
    std::cerr << formatToolError(message, colorStderr);
    return kExitError;
  };

  std::optional<ProjectConfig> config;
  try {
    config = projectConfigFor(commandLine);
  } catch (const ConfigError& e) {
    return fail(e.what());
  }
  const ScanCommandOptions options = config ? withProjectConfig(commandLine, *config) : commandLine;
  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) {
    try {
      baseline = readBaseline(options.baseline);
    } catch (const BaselineError& e) {
      return fail(e.what());
    }
  }
  if (!options.writeBaseline.empty()) {
    if (std::string problem = checkOutputPath(options.writeBaseline); !problem.empty())
      return fail("cannot write " + options.writeBaseline + ": " + problem);
  }

  std::string error;
  const std::optional<ScanOptions> built = scanOptionsFor(options, config ? &*config : nullptr, error);
  if (!built) return fail(error);
  ScanOptions scanOptions = *built;
  if (!options.output.empty()) {
    if (std::string problem = checkOutputPath(options.output); !problem.empty())
      return fail("cannot write " + options.output + ": " + problem);
  }
  // A grammar built for another tree-sitter ABI would parse garbage or crash: refuse up front.
  if (std::string abiError; !python::checkGrammarAbi(abiError)) return fail(abiError);

  // A progress line only for a person watching a terminal: never in a pipe, a CI log or -q.
  std::optional<ProgressLine> progress;
  if (!options.quiet && ::isatty(STDERR_FILENO) && !isDumbTerminal()) {
    progress.emplace(std::cerr, terminalWidth(STDERR_FILENO));
    scanOptions.progress = &*progress;
  }
  std::optional<StageTimings> timings;
  if (options.timings) {
    timings.emplace(scanOptions.progress);
    scanOptions.progress = &*timings;
  }
  std::unique_ptr<ScanResult> result = scan(scanOptions);
  if (progress) progress->finish();
  if (options.diff) {
    for (const RunDiagnostic& d : result->diagnostics.all()) {
      if (options.quiet && d.severity == RunDiagnostic::Severity::Note) continue;
      std::cerr << formatRunDiagnostic(d, colorStderr);
    }
    const size_t fixes = writeFixDiffs(std::cout, *result, options.unsafeFixes);
    std::cout << std::flush;
    if (!std::cout) return fail("cannot write the diff to standard output");
    if (!options.quiet) {
      std::cerr << "hookguard: " << (fixes == 0 ? std::string("nothing to fix") : "would fix " + plural(fixes, "finding", "findings"));
      const size_t hidden = countFixes(result->findings, options.unsafeFixes).hidden;
      if (hidden > 0) std::cerr << " (" << plural(hidden, "hidden fix", "hidden fixes") << " can be enabled with --unsafe-fixes)";
      std::cerr << "\n";
    }
    if (timings) timings->write(std::cerr);
    if (result->inputError) return kExitError;
    return fixes > 0 ? kExitFindings : kExitClean;
  }
  size_t fixed = 0;
  if (options.fix) {
    const AppliedFixes applied = applyFixes(*result, options.unsafeFixes, std::cerr, colorStderr);
    fixed = applied.fixed;
    // The report describes the files as they are now: positions moved, and a fix that had to
    // wait for a conflicting one may be available on the new text.
    if (applied.filesWritten > 0) {
      if (progress) progress.emplace(std::cerr, terminalWidth(STDERR_FILENO));
      result = scan(scanOptions);
      if (progress) progress->finish();
    }
  }
  const std::vector<RunDiagnostic> diagnostics = result->diagnostics.all();
  for (const RunDiagnostic& d : diagnostics) {
    if (options.quiet && d.severity == RunDiagnostic::Severity::Note) continue;
    std::cerr << formatRunDiagnostic(d, colorStderr);
  }

  const bool colorReport = options.format == ReportFormat::Text && options.output.empty() &&
                           shouldUseColor(options.color, STDOUT_FILENO);
  if (!options.writeBaseline.empty()) {
    ReportInput all{*result->program, result->findings, diagnostics, result->repositoryRoot, false};
    all.sarifCategory = options.sarifCategory;
    std::ostringstream log;
    writeSarif(log, all);
    if (!writeFileAtomically(options.writeBaseline, log.str(), error))
      return fail("cannot write " + options.writeBaseline + ": " + error);
  }
  if (baseline) {
    size_t known = baseline->filter(*result->program, result->findings);
    if (!options.quiet && known > 0) {
      std::cerr << "hookguard: " << known << (known == 1 ? " finding" : " findings") << " in the baseline "
                << options.baseline << " not reported\n";
    }
  }
  ReportInput input{*result->program, result->findings, diagnostics, result->repositoryRoot, colorReport};
  input.sarifCategory = options.sarifCategory;
  input.unsafeFixes = options.unsafeFixes;
  if (timings) timings->stage("reporting", 0);
  std::ostringstream report;
  try {
    writeReport(report, options.format, input);
  } catch (const std::exception& e) {
    return fail(std::string("internal error while writing the report: ") + e.what());
  }

  if (options.output.empty()) {
    std::cout << report.str() << std::flush;
    if (!std::cout) return fail("cannot write the report to standard output");
  } else if (!writeFileAtomically(options.output, report.str(), error)) {
    return fail("cannot write " + options.output + ": " + error);
  }

  if (options.format == ReportFormat::Text && !options.quiet) std::cerr << summaryLine(*result, diagnostics, fixed, options.unsafeFixes);
  if (timings) timings->write(std::cerr);
  int status = exitCodeFor(*result, options.failOn);
  // Unused suppressions asked for with --report-unused-ignores count as warnings.
  if (status == kExitClean && result->unusedIgnores > 0 && options.failOn && *options.failOn <= Level::Warning)
    status = kExitFindings;
  return status;
}

}  // namespace hg
