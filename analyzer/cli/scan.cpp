// The scan pipeline: discover -> read -> lower (per file) -> link -> C++ front-end -> index ->
// rules. Each stage is a function of its own so that the per-file stages can move onto a
// thread pool without touching the others; lowering is sequential for now so that function
// and module ids, and with them every output byte, do not depend on scheduling.
#include "cli/scan.h"

#include <algorithm>
#include <exception>
#include <functional>

#include "cli/error_text.h"
#include "cli/file_discovery.h"
#include "cli/repository.h"
#include "cli/source_reader.h"
#include "python/python_frontend.h"
#ifdef HOOKGUARD_HAVE_CPP_FRONTEND
#include "cpp/cpp_frontend.h"
#endif

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

uint32_t lineOfOffset(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// Reads and checks one file; returns false when it cannot be analyzed (already reported).
bool readSource(ScanResult& result, const DiscoveredFile& file, uint64_t maxFileBytes, std::string& text) {
  FileBytes bytes = readFileBytes(file.canonical, maxFileBytes);
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

struct LoadedFiles {
  std::vector<std::pair<FileId, std::string>> python;  // file and its module name
  std::vector<FileId> cpp;
};

LoadedFiles loadSources(ScanResult& result, const std::vector<DiscoveredFile>& files, uint64_t maxFileBytes) {
  LoadedFiles loaded;
  ImportRootFinder importRoots;
  for (const DiscoveredFile& file : files) {
    std::string text;
    if (!readSource(result, file, maxFileBytes, text)) continue;
    SourceFile source;
    source.displayPath = file.displayPath;
    source.absolutePath = file.canonical.string();
    source.language = file.language;
    source.text = std::move(text);
    source.indexLines();
    FileId id = result.program->sources.add(std::move(source));
    if (file.language == Language::Python) {
      loaded.python.emplace_back(id, python::moduleNameFor(importRoots.importPathOf(file.canonical)));
    } else {
      loaded.cpp.push_back(id);
    }
  }
  return loaded;
}

// The per-file stage, and the one a thread pool will take over: lowerFile is safe to call
// concurrently for different files.
void lowerPythonFiles(ScanResult& result, const std::vector<std::pair<FileId, std::string>>& files) {
  for (const auto& [file, moduleName] : files) {
    const std::string& path = result.program->sources.get(file).displayPath;
    if (runGuarded(result, path, "analyzing this file", [&] {
          python::lowerFile(*result.program, file, moduleName, result.knowledge, result.diagnostics);
        })) {
      ++result.filesScanned;
    }
  }
}

void analyzeCppFiles([[maybe_unused]] ScanResult& result, [[maybe_unused]] const std::vector<FileId>& files,
                     [[maybe_unused]] const ScanOptions& options) {
#ifdef HOOKGUARD_HAVE_CPP_FRONTEND
  if (files.empty()) return;
  cpp::CppOptions cppOptions;
  cppOptions.buildDirectory = options.cppBuildDirectory;
  if (runGuarded(result, "", "analyzing C++ files", [&] {
        cpp::analyzeFiles(*result.program, files, cppOptions, result.knowledge, result.diagnostics);
      })) {
    result.filesScanned += files.size();
  }
#endif
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

  DiscoveryResult found = discoverFiles(paths, DiscoveryOptions{root, kCppFrontend}, result->diagnostics);
  if (found.inputError) result->inputError = true;
  if (!kCppFrontend && !options.cppBuildDirectory.empty()) {
    addDiagnostic(*result, Severity::Note, options.cppBuildDirectory, 0,
                  "compilation database ignored: this build of hookguard has no C++ front-end");
  }

  LoadedFiles loaded = loadSources(*result, found.files, options.maxFileBytes);
  lowerPythonFiles(*result, loaded.python);

  // Linking, indexing and the rules see the whole program: a failure there leaves no
  // trustworthy result, so it ends the run with the input-error exit code.
  bool complete = runGuarded(*result, "", "linking Python modules", [&] {
    python::link(*result->program, result->knowledge, result->diagnostics);
  });
  analyzeCppFiles(*result, loaded.cpp, options);
  complete = complete && runGuarded(*result, "", "indexing the program", [&] { result->program->buildIndexes(); });
  complete = complete && runGuarded(*result, "", "running the rules", [&] {
    result->findings = runRules(*result->program, result->knowledge, options.engine, result->diagnostics);
  });
  if (!complete) result->inputError = true;

  const SourceSet& sources = result->program->sources;
  std::stable_sort(result->findings.begin(), result->findings.end(),
                   [&](const Finding& a, const Finding& b) { return findingLess(a, b, sources); });
  return result;
}

}  // namespace hg
