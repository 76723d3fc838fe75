// analyzeFiles: for each C++ file, its flags (database or defaults, filtered), one Clang parse
// lowered into functions and a module, then routes and applications, all handed to the Program
// in file order (the parses themselves run on several threads).
#include "cpp/cpp_frontend.h"

#include <atomic>
#include <filesystem>
#include <thread>

#include "cpp/clang_parse.h"
#include "cpp/compile_flags.h"
#include "cpp/lowering.h"
#include "cpp/routes.h"
#include "cpp/unit_links.h"

namespace hg::cpp {

namespace {

using Severity = RunDiagnostic::Severity;

void report(Diagnostics& diags, Severity severity, const std::string& path, uint32_t line, std::string message,
            bool skipped = false) {
  RunDiagnostic d;
  d.severity = severity;
  d.path = path;
  d.line = line;
  d.message = std::move(message);
  d.fileSkipped = skipped;
  diags.add(std::move(d));
}

std::string joined(const std::vector<std::string>& items, size_t limit = 5) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += ", and " + std::to_string(items.size() - limit) + " more";
  return out;
}

void rebase(FunctionId& id, FunctionId base) {
  if (id != kNoFunction) id += base;
}

struct FileFlags {
  std::vector<std::string> options;
  bool defaults = false;
};

struct FlagSources {
  CompilationDatabases& databases;
  IncludeGuess& includes;
};

FileFlags flagsFor(const SourceFile& source, const std::string& absolute, FlagSources& sources, Diagnostics& diags) {
  FileFlags flags;
  std::string searched;
  std::optional<CompileCommand> command = sources.databases.commandFor(absolute, searched);
  if (!command) {
    flags.options = defaultArguments();
    // Without the build's -I flags, the project's own headers (and the declarations a handler
    // calls into) would be missing; their usual places are tried.
    for (std::string& a : sources.includes.argumentsFor(absolute)) flags.options.push_back(std::move(a));
    flags.defaults = true;
    return flags;
  }
  SanitizedFlags sanitized = sanitizeArguments(command->arguments, command->directory, absolute);
  if (!sanitized.refused.empty()) {
    report(diags, Severity::Warning, source.displayPath, 0,
           "ignoring compile flags that would load code or write files (" + joined(sanitized.refused) + ") from " +
               command->database + ": scanning never runs the scanned code");
  }
  flags.options = std::move(sanitized.arguments);
  // Relative include paths in the database are relative to its entry's directory.
  flags.options.insert(flags.options.begin(), {"-working-directory", command->directory});
  return flags;
}

// One translation unit parsed and lowered apart from the Program, so that several can be
// parsed at once; attached to the Program afterwards, in file order.
struct ParsedUnit {
  FileId id = kNoFile;
  std::string absolute;
  FileFlags flags;
  Diagnostics diags;  // its own, merged in file order: the log does not depend on scheduling
  std::vector<Function> functions;
  Module module;
  UnitSymbols symbols;
  FileRoutes found;
  bool lowered = false;
};

void parseUnit(const Program& program, ParsedUnit& unit, const Knowledge& knowledge, const ScannedFiles& scanned) {
  const SourceFile& source = program.sources.get(unit.id);
  bool tooDeep = false;
  ParseInput input{unit.absolute, source.text, unit.flags.options};
  ParseOutcome outcome = parseFile(input, [&](clang::ASTContext& context, const NameSynthesizer& names) {
    FileLowering lowering(source, unit.id, moduleNameFor(source.displayPath), knowledge, context, names, &scanned);
    lowering.lowerTranslationUnit();
    tooDeep = lowering.nestingTooDeep;
    unit.functions = lowering.takeFunctions();
    unit.module = std::move(lowering.module);
    unit.symbols.exported = std::move(lowering.exported);
    unit.symbols.declared = std::move(lowering.declaredCallees);
    unit.lowered = true;
  });
  Diagnostics& diags = unit.diags;
  if (!outcome.ran || !unit.lowered) {
    unit.lowered = false;
    report(diags, Severity::Error, source.displayPath, 0, "cannot analyze this C++ file: " + outcome.failure, true);
    return;
  }
  if (!outcome.unknownOptions.empty()) {
    report(diags, Severity::Note, source.displayPath, 0,
           "ignoring compile flags this Clang does not know: " + joined(outcome.unknownOptions));
  }
  if (!outcome.missingHeaders.empty()) {
    report(diags, Severity::Note, source.displayPath, 0,
           "headers not found (" + joined(outcome.missingHeaders) +
               "); the names they declare are inferred from their use, results may be partial");
  }
  if (outcome.errors > 0) {
    const bool inFile = outcome.firstErrorFile == unit.absolute || outcome.firstErrorFile.empty();
    std::string where = inFile ? "line " + std::to_string(outcome.firstErrorLine)
                               : outcome.firstErrorFile + ":" + std::to_string(outcome.firstErrorLine);
    report(diags, Severity::Warning, source.displayPath, inFile ? outcome.firstErrorLine : 0,
           std::to_string(outcome.errors) + (outcome.errors == 1 ? " error" : " errors") + " while parsing (first at " +
               where + ": " + outcome.firstError + "), analyzing what parsed");
  }
  if (tooDeep) {
    report(diags, Severity::Warning, source.displayPath, 0, "code nested too deeply; the deepest parts are not analyzed");
  }
  unit.found = discoverRoutes(unit.functions, unit.module, knowledge);
}

void attachUnit(Program& program, ParsedUnit& unit, std::vector<UnitSymbols>& units) {
  UnitSymbols symbols = std::move(unit.symbols);
  symbols.file = unit.id;
  symbols.count = unit.functions.size();
  const FunctionId base = program.addFunctions(std::move(unit.functions));
  symbols.first = base;
  for (ExportedName& e : symbols.exported) rebase(e.function, base);
  units.push_back(std::move(symbols));
  Module module = std::move(unit.module);
  rebase(module.body, base);
  for (FunctionId& f : module.functions) rebase(f, base);
  for (ClassDef& c : module.classes) {
    rebase(c.body, base);
    for (FunctionId& m : c.methods) rebase(m, base);
  }
  program.addModule(std::move(module));
  for (Route& r : unit.found.routes) {
    rebase(r.handler, base);
    program.routes.push_back(std::move(r));
  }
  for (Application& a : unit.found.applications) {
    rebase(a.definedIn, base);
    program.applications.push_back(std::move(a));
  }
}

// Translation units are independent until linking: parsed on `jobs` threads (each Clang
// invocation has its own file manager, diagnostics and AST), taken in turn from a counter.
void parseUnits(const Program& program, std::vector<ParsedUnit>& units, const Knowledge& knowledge, unsigned jobs,
                ProgressSink* progress) {
  ScannedFiles scanned;
  scanned.sources = &program.sources;
  for (FileId id = 0; id < program.sources.size(); ++id) {
    const SourceFile& source = program.sources.get(id);
    if (source.language != Language::Cpp || source.absolutePath.empty()) continue;
    // Clang names a header by the path it opened; both sides are compared canonical.
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(source.absolutePath, ec);
    scanned.byPath.emplace(ec ? source.absolutePath : canonical.string(), id);
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next.fetch_add(1); i < units.size(); i = next.fetch_add(1)) {
      if (progress) progress->advance(program.sources.get(units[i].id).displayPath);
      parseUnit(program, units[i], knowledge, scanned);
    }
  };
  const size_t threads = std::min<size_t>(std::max(1u, jobs), units.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace

std::string moduleNameFor(const std::string& path) {
  std::string p = path;
  for (char& c : p) {
    if (c == '\\') c = '/';
  }
  while (p.starts_with("./")) p.erase(0, 2);
  while (p.starts_with("/")) p.erase(0, 1);
  size_t slash = p.rfind('/');
  size_t dot = p.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash) && dot > 0) p.resize(dot);
  for (char& c : p) {
    if (c == '/') c = '.';
  }
  return p;
}

void analyzeFiles(Program& program, const std::vector<FileId>& files, const CppOptions& options,
                  const Knowledge& knowledge, Diagnostics& diags) {
  CompilationDatabases databases(options.buildDirectory, diags);
  IncludeGuess includes;
  FlagSources flagSources{databases, includes};
  std::vector<std::string> withDefaults;
  // Flags first, in file order: the databases and the include guess cache what they find.
  std::vector<ParsedUnit> parsed(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    ParsedUnit& unit = parsed[i];
    unit.id = files[i];
    const SourceFile& source = program.sources.get(unit.id);
    unit.absolute = source.absolutePath;
    if (unit.absolute.empty()) {
      std::error_code ec;
      unit.absolute = std::filesystem::absolute(source.displayPath, ec).lexically_normal().string();
    }
    unit.flags = flagsFor(source, unit.absolute, flagSources, unit.diags);
    if (unit.flags.defaults) withDefaults.push_back(source.displayPath);
  }
  parseUnits(program, parsed, knowledge, options.jobs, options.progress);
  std::vector<UnitSymbols> units;
  for (ParsedUnit& unit : parsed) {
    for (RunDiagnostic& d : unit.diags.all()) diags.add(std::move(d));
    if (unit.lowered) attachUnit(program, unit, units);
  }
  // A helper's definition may be in any file, earlier or later: links wait for all of them.
  linkUnits(program, units, knowledge);
  if (!withDefaults.empty()) {
    report(diags, Severity::Note, withDefaults.front(), 0,
           std::to_string(withDefaults.size()) + (withDefaults.size() == 1 ? " C++ file" : " C++ files") +
               " not in any compile_commands.json (" + joined(withDefaults, 3) +
               ") parsed with default flags (-std=c++17, the project's include/ and src/ directories guessed); results may be "
               "partial");
  }
}

}  // namespace hg::cpp
