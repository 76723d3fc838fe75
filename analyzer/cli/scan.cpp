// The scan pipeline: discover -> read -> lower (per file) -> link -> C++ front-end -> index ->
// rules. Reading and lowering run on a pool of threads (--jobs), each file into a slot of its
// own; the slots are merged in file order so that function and module ids, diagnostics, and
// with them every output byte, do not depend on scheduling. Linking and the rules are serial.
#include "cli/scan.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <optional>
#include <sstream>

#include "cli/config_file_sources.h"
#include "cli/cpp_frontend_loader.h"
#include "cli/error_text.h"
#include "cli/file_discovery.h"
#include "core/parallel_for.h"
#include "cli/repository.h"
#include "cli/scan_context.h"
#include "cli/route_prefilter.h"
#include "cli/source_reader.h"
#include "core/deadline.h"
#include "engine/fixes.h"
#include "python/python_frontend.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

#ifdef HOOKGUARD_HAVE_CPP_FRONTEND
constexpr bool kCppFrontend = true;
#else
constexpr bool kCppFrontend = false;
#endif

using Severity = RunDiagnostic::Severity;

void addDiagnostic(ScanResult& result, Severity severity, std::string path, uint32_t line, std::string message,
                   bool fileSkipped = false) {
  result.diagnostics.add(RunDiagnostic{severity, std::move(path), line, std::move(message), fileSkipped});
}

// Runs one stage; an exception (a front-end bug, memory exhaustion on a hostile input) becomes
// a diagnostic instead of a crash.
bool runGuarded(ScanResult& result, const std::string& path, const std::string& stage,
                const std::function<void()>& body) {
  try {
    body();
    return true;
  } catch (const std::exception& e) {
    addDiagnostic(result, Severity::Error, path, 0, "internal error while " + stage + ": " + e.what());
  } catch (...) {
    addDiagnostic(result, Severity::Error, path, 0, "internal error while " + stage);
  }
  return false;
}

// What reading one file found, kept apart while files are read in parallel and merged into
// the ScanResult in file order.
struct FileReport {
  std::vector<RunDiagnostic> diagnostics;
  bool inputError = false;
};

void addDiagnostic(FileReport& report, Severity severity, std::string path, uint32_t line, std::string message,
                   bool fileSkipped = false) {
  report.diagnostics.push_back(RunDiagnostic{severity, std::move(path), line, std::move(message), fileSkipped});
}

// "30 s", "0.5 s"
std::string secondsText(double seconds) {
  std::ostringstream out;
  out << seconds << " s";
  return out.str();
}

uint32_t lineOfOffset(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// Reads and checks one file; returns false when it cannot be analyzed (already reported).
bool readSource(FileReport& result, const DiscoveredFile& file, const ScanOptions& options, std::string& text) {
  const uint64_t maxFileBytes = options.maxFileBytes;
  FileBytes bytes;
  // An override goes through the same checks as the bytes on disk would.
  auto overlay = options.sourceOverrides.find(file.canonical.string());
  if (overlay != options.sourceOverrides.end()) {
    bytes.bytes = overlay->second;
    bytes.size = bytes.bytes.size();
    if (bytes.size > maxFileBytes) bytes.status = FileBytes::Status::TooLarge;
  } else {
    bytes = readFileBytes(file.canonical, maxFileBytes);
  }
  switch (bytes.status) {
    case FileBytes::Status::Ok:
      break;
    case FileBytes::Status::Unreadable:
      // A file the user named explicitly and we cannot read is an input error (exit 2); one
      // found while walking a tree is reported and skipped.
      addDiagnostic(result, file.named ? Severity::Error : Severity::Warning, file.displayPath, 0,
                    "cannot read file: " + bytes.error, true);
      if (file.named) result.inputError = true;
      return false;
    case FileBytes::Status::NotRegularFile:
      addDiagnostic(result, Severity::Warning, file.displayPath, 0, "not a regular file, skipped", true);
      return false;
    case FileBytes::Status::TooLarge:
      addDiagnostic(result, Severity::Warning, file.displayPath, 0,
                    "file is " + std::to_string(bytes.size) + " bytes, over the limit of " +
                        std::to_string(maxFileBytes) + " bytes, skipped",
                    true);
      return false;
  }
  if (size_t nul = findBinaryMarker(bytes.bytes); nul != std::string::npos) {
    addDiagnostic(result, Severity::Warning, file.displayPath, lineOfOffset(bytes.bytes, nul),
                  "binary file (NUL byte at offset " + std::to_string(nul) + "), skipped", true);
    return false;
  }
  text = std::move(bytes.bytes);
  stripUtf8Bom(text);
  // The text before the first invalid byte is unchanged, so its line is the same after repair.
  Utf8Repair repair = repairUtf8(text);
  if (repair.invalidSequences > 0) {
    std::string count = repair.invalidSequences == 1 ? "an invalid UTF-8 sequence"
                                                     : std::to_string(repair.invalidSequences) +
                                                           " invalid UTF-8 sequences (the first here)";
    addDiagnostic(result, Severity::Warning, file.displayPath, lineOfOffset(text, repair.firstInvalidOffset),
                  count + " replaced by U+FFFD");
  }
  return true;
}

struct PythonFile {
  FileId id = kNoFile;
  std::string moduleName;
};

struct LoadedFiles {
  std::vector<PythonFile> python;  // in discovery order
  std::vector<FileId> cpp;
};

struct ReadFile {
  FileReport report;
  bool ok = false;
  SourceFile source;      // text and line index, when ok
  PrefilterFacts facts;   // Python files, when prefiltering
};

// Reads every file in parallel, then in file order: reports, module names, the prefilter's
// verdict, and the SourceSet (so FileIds follow discovery order).
LoadedFiles loadSources(ScanResult& result, const std::vector<DiscoveredFile>& files, const ScanOptions& options) {
  const PrefilterMarkers markers = prefilterMarkers(result.knowledge);
  std::vector<ReadFile> read(files.size());
  if (options.progress) options.progress->stage("reading", files.size());
  parallelFor(files.size(), options.jobs, [&](size_t i) {
    const DiscoveredFile& file = files[i];
    ReadFile& r = read[i];
    if (options.progress) options.progress->advance(file.displayPath);
    try {
      std::string text;
      if (!readSource(r.report, file, options, text)) return;
      r.source.displayPath = file.displayPath;
      r.source.absolutePath = file.canonical.string();
      r.source.language = file.language;
      r.source.text = std::move(text);
      r.source.indexLines();
      if (options.prefilter && file.language == Language::Python) r.facts = prefilterFacts(r.source.text, markers);
      r.ok = true;
    } catch (const std::exception& e) {
      addDiagnostic(r.report, Severity::Error, file.displayPath, 0,
                    std::string("internal error while reading this file: ") + e.what());
    }
  });

  ImportRootFinder importRoots;
  std::vector<std::string> moduleNames(files.size());
  std::vector<size_t> pythonFiles;
  std::vector<PrefilterFacts> facts;
  for (size_t i = 0; i < files.size(); ++i) {
    for (RunDiagnostic& d : read[i].report.diagnostics) result.diagnostics.add(std::move(d));
    if (read[i].report.inputError) result.inputError = true;
    if (!read[i].ok || files[i].language != Language::Python) continue;
    moduleNames[i] = python::moduleNameFor(importRoots.importPathOf(files[i].canonical));
    pythonFiles.push_back(i);
  }
  std::vector<bool> analyze(files.size(), true);
  if (options.prefilter) {
    std::vector<std::string> names;
    std::vector<bool> contextOnly;
    std::vector<bool> packageInits;
    for (size_t i : pythonFiles) {
      names.push_back(moduleNames[i]);
      facts.push_back(std::move(read[i].facts));
      contextOnly.push_back(files[i].contextOnly);
      packageInits.push_back(files[i].canonical.stem() == "__init__");
    }
    std::vector<bool> matters = filesThatMatter(names, facts, contextOnly, packageInits);
    for (size_t k = 0; k < pythonFiles.size(); ++k) analyze[pythonFiles[k]] = matters[k];
  }

  LoadedFiles loaded;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!read[i].ok) continue;
    // Left out by the prefilter: nothing in it can define or reach a route, so it is not even
    // parsed (its syntax errors could not change a finding). Like semgrep's prefilter, and
    // what makes a scan of a large tree cheap; --no-prefilter analyzes every file.
    if (!analyze[i]) {
      if (!files[i].contextOnly) ++result.filesNotAnalyzed;
      continue;
    }
    FileId id = result.program->sources.add(std::move(read[i].source));
    if (files[i].language == Language::Python) loaded.python.push_back(PythonFile{id, std::move(moduleNames[i])});
    else loaded.cpp.push_back(id);
  }
  return loaded;
}

// Parses and lowers the files in parallel, one result slot each, then adds them to the
// Program in file order: function ids, module order and diagnostics do not depend on which
// thread finished first.
void lowerPythonFiles(ScanResult& result, std::vector<PythonFile>& files, const ScanOptions& options) {
  std::vector<python::LoweredFile> lowered(files.size());
  std::vector<std::optional<std::string>> failures(files.size());
  std::vector<char> overBudget(files.size(), 0);
  if (options.progress) options.progress->stage("parsing", files.size());
  // Largest files first: a big module picked up last would leave the other threads idle
  // while it alone is lowered. The slots keep file order whatever the schedule.
  std::vector<size_t> schedule(files.size());
  for (size_t i = 0; i < schedule.size(); ++i) schedule[i] = i;
  std::stable_sort(schedule.begin(), schedule.end(), [&](size_t a, size_t b) {
    return result.program->sources.get(files[a].id).text.size() > result.program->sources.get(files[b].id).text.size();
  });
  parallelFor(files.size(), options.jobs, [&](size_t k) {
    const size_t i = schedule[k];
    PythonFile& file = files[i];
    const Deadline deadline = Deadline::after(options.maxFileSeconds);
    const SourceFile& source = result.program->sources.get(file.id);
    if (options.progress) options.progress->advance(source.displayPath);
    try {
      lowered[i] = python::lowerDetached(source, file.id, file.moduleName, result.knowledge, deadline);
    } catch (const TimeBudgetExceeded&) {
      lowered[i] = python::LoweredFile();
      overBudget[i] = 1;
    } catch (const std::exception& e) {
      failures[i] = std::string(": ") + e.what();
    } catch (...) {
      failures[i] = std::string();
    }
  });
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = result.program->sources.get(files[i].id).displayPath;
    if (failures[i]) {
      addDiagnostic(result, Severity::Error, path, 0, "internal error while analyzing this file" + *failures[i]);
      continue;
    }
    if (overBudget[i]) {
      addDiagnostic(result, Severity::Warning, path, 0,
                    "analysis took longer than the limit of " + secondsText(options.maxFileSeconds) +
                        " per file (--max-file-seconds), skipped",
                    true);
      continue;
    }
    for (RunDiagnostic& d : lowered[i].diagnostics) result.diagnostics.add(std::move(d));
    lowered[i].diagnostics.clear();
    if (runGuarded(result, path, "analyzing this file",
                   [&] { python::addLoweredFile(*result.program, std::move(lowered[i])); })) {
      ++result.filesScanned;
    }
  }
}

// Discovery hands over C++ files only when this build has the front-end (kCppFrontend); it is
// loaded here, so a scan without C++ files never loads Clang.
void analyzeCppFiles(ScanResult& result, const std::vector<FileId>& files, const ScanOptions& options) {
  if (files.empty()) return;
  cpp::CppOptions cppOptions;
  cppOptions.buildDirectory = options.cppBuildDirectory;
  cppOptions.progress = options.progress;
  cppOptions.jobs = effectiveJobs(options.jobs);
  if (options.progress) options.progress->stage("C++", files.size());
  CppFrontendRun run;
  if (!runGuarded(result, "", "analyzing C++ files", [&] {
        run = runCppFrontend(*result.program, files, cppOptions, result.knowledge, result.diagnostics);
      })) {
    return;
  }
  switch (run.outcome) {
    case CppFrontendRun::Outcome::Analyzed:
      result.filesScanned += files.size();
      break;
    case CppFrontendRun::Outcome::Failed:
      addDiagnostic(result, Severity::Error, "", 0,
                    "internal error while analyzing C++ files" + (run.problem.empty() ? "" : ": " + run.problem));
      break;
    case CppFrontendRun::Outcome::Unavailable:
      // Unlike a build without the front-end (C++ files skipped with a note), this installation
      // promises C++ analysis and is broken: exit 2, so that CI does not pass on a partial scan.
      for (FileId id : files) {
        addDiagnostic(result, Severity::Error, result.program->sources.get(id).displayPath, 0,
                      "not analyzed: " + run.problem, true);
      }
      result.inputError = true;
      break;
  }
}

}  // namespace

std::unique_ptr<ScanResult> scan(const ScanOptions& options) {
  auto result = std::make_unique<ScanResult>();

  std::string abiError;
  if (!python::checkGrammarAbi(abiError)) {
    addDiagnostic(*result, Severity::Error, "", 0, abiError);
    result->inputError = true;
    return result;
  }
  try {
    result->knowledge = Knowledge::builtin();
  } catch (const KnowledgeError& e) {
    addDiagnostic(*result, Severity::Error, "", 0, std::string("invalid built-in knowledge: ") + e.what());
    result->inputError = true;
    return result;
  }

  if (!loadExtraKnowledge(*result, options)) return result;

  const std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  fs::path root;
  if (options.repositoryRoot.empty()) {
    root = findRepositoryRoot(paths);
  } else {
    std::error_code ec;
    root = fs::canonical(options.repositoryRoot, ec);
    if (ec) {
      addDiagnostic(*result, Severity::Error, options.repositoryRoot, 0, "cannot use as repository root: " + errorText(ec));
      result->inputError = true;
      return result;
    }
  }
  result->repositoryRoot = root.string();

  if (options.progress) options.progress->stage("discovering", 0);
  DiscoveryOptions discovery{root, kCppFrontend, options.exclude.empty() ? nullptr : &options.exclude};
  DiscoveryResult found = discoverFiles(paths, discovery, result->diagnostics);
  if (found.inputError) result->inputError = true;
  if (options.siblingContext) addSiblingContext(found, discovery);
  if (!kCppFrontend && !options.cppBuildDirectory.empty()) {
    addDiagnostic(*result, Severity::Note, options.cppBuildDirectory, 0,
                  "compilation database ignored: this build of hookguard has no C++ front-end");
  }

  LoadedFiles loaded = loadSources(*result, found.files, options);
  lowerPythonFiles(*result, loaded.python, options);

  // Linking, indexing and the rules see the whole program: a failure there leaves no
  // trustworthy result, so it ends the run with the input-error exit code.
  if (options.progress) options.progress->stage("linking", 0);
  bool complete = runGuarded(*result, "", "linking Python modules", [&] {
    python::link(*result->program, result->knowledge, result->diagnostics, effectiveJobs(options.jobs));
  });
  complete = complete && runGuarded(*result, "", "reading configuration files", [&] {
    addLoadedConfigFiles(*result->program, result->knowledge, root);
  });
  analyzeCppFiles(*result, loaded.cpp, options);
  if (options.progress) options.progress->stage("indexing", 0);
  complete = complete && runGuarded(*result, "", "indexing the program", [&] { result->program->buildIndexes(); });
  complete = complete && runGuarded(*result, "", "running the rules", [&] {
    EngineConfig engine = options.engine;
    engine.jobs = effectiveJobs(options.jobs);
    result->findings = runRules(*result->program, result->knowledge, engine, result->diagnostics, options.progress);
  });
  if (!complete) result->inputError = true;
  if (options.progress) options.progress->stage("suppressions", 0);
  if (complete) finishFindings(*result, options, found.files);
  if (options.progress) options.progress->stage("fixes", 0);
  if (complete) {
    runGuarded(*result, "", "computing fixes", [&] {
      addFixes(*result->program, result->knowledge, options.engine, result->findings);
    });
  }

  const SourceSet& sources = result->program->sources;
  std::stable_sort(result->findings.begin(), result->findings.end(),
                   [&](const Finding& a, const Finding& b) { return findingLess(a, b, sources); });
  return result;
}

}  // namespace hg
