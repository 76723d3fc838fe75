#include "cpp/compile_flags.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hg::cpp {

namespace fs = std::filesystem;

namespace {

// Response files nest; a hostile repository could make them recurse or grow without bound.
constexpr int kMaxResponseDepth = 4;
constexpr uintmax_t kMaxResponseBytes = 1 << 20;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Options whose value is the next argument and that are kept, value included, so that the
// value is not taken for an input file.
constexpr std::string_view kKeptWithValue[] = {
    "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot", "--sysroot",
    "-D", "-U", "-x", "-target", "--target", "-arch", "-iprefix", "-iwithprefix", "-iwithprefixbefore",
    "-F", "-cxx-isystem", "-isystem-after", "--gcc-toolchain", "-B",
};

// Output and dependency-file options every build passes: dropped without a word, since
// -fsyntax-only writes nothing anyway.
constexpr std::string_view kRoutineWithValue[] = {"-o", "-MF", "-MT", "-MQ", "-resource-dir", "-Xlinker",
                                                  "-Xassembler", "-Xoffload-linker", "-Xcuda-ptxas",
                                                  "-Xcuda-fatbinary", "-Xopenmp-target", "-Xarch_host",
                                                  "-Xarch_device", "-dependency-file", "-dependency-dot"};
constexpr std::string_view kRoutineFlags[] = {
    "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-MV", "-pipe", "-fsyntax-only",
    "-Werror", "-pedantic-errors", "-Wfatal-errors", "-fno-spell-checking", "-ftime-report",
    "-fno-integrated-cc1", "-fintegrated-cc1", "--", "-v", "-###", "-H", "-fsyntax-only",
};
constexpr std::string_view kRoutinePrefixes[] = {
    "-Werror=", "-ferror-limit=", "-fspell-checking-limit=", "--driver-mode=", "-resource-dir=", "-Wl,", "-Wa,",
    "-fuse-ld=", "-gsplit-dwarf", "-fembed-bitcode", "-fxray-", "-fprofile-use", "-fprofile-instr-use",
    "-fprofile-sample-use", "-fdepfile-entry=", "-o", "-MF", "-MT", "-MQ", "-fdebug-prefix-map=",
};

// Options that make the compiler load code or write files beyond its outputs: refused, and
// reported, whatever the database says.
constexpr std::string_view kRefusedWithValue[] = {
    "-Xclang", "-load", "-mllvm", "-Xpreprocessor", "--config", "-include-pch", "-serialize-diagnostics",
    "--serialize-diagnostics", "-MJ", "-wrapper", "-plugin", "-add-plugin", "-Xanalyzer",
};
constexpr std::string_view kRefusedFlags[] = {
    "-save-temps", "--save-temps", "-ftime-trace", "-fprofile-arcs", "-ftest-coverage", "--coverage",
    "-fstack-usage", "-fmodules", "-fimplicit-modules", "-fcxx-modules", "-fmodules-ts",
    "-fsave-optimization-record", "-fprofile-generate", "-fprofile-instr-generate", "-fcs-profile-generate",
};
constexpr std::string_view kRefusedPrefixes[] = {
    "-fplugin", "-fpass-plugin", "-load=", "-Xclang=", "-mllvm=", "--config=", "-save-temps=", "--save-temps=",
    "-ftime-trace", "-fprofile-generate", "-fprofile-instr-generate", "-fcs-profile-generate", "-fprofile-dir=",
    "-fcrash-diagnostics-dir", "-fmodules-cache-path", "-fmodule-file", "-fprebuilt-module-path",
    "-fmodule-output", "-fmodules-", "-fsave-optimization-record=", "-foptimization-record-file",
    "-fdump-", "-specs", "--specs", "-Wp,", "-ccc-", "-MJ", "-emit-", "-fcoverage-compilation-dir",
    "-fprofile-exclude-files", "-fprofile-filter-files", "-include-pch", "-fmodule-map-file",
    "-fdiagnostics-output-file", "-frecord-command-line",
};

template <size_t N>
bool inList(const std::string_view (&list)[N], std::string_view arg) {
  for (std::string_view s : list) {
    if (arg == s) return true;
  }
  return false;
}

template <size_t N>
bool hasPrefixIn(const std::string_view (&list)[N], std::string_view arg) {
  for (std::string_view s : list) {
    if (startsWith(arg, s)) return true;
  }
  return false;
}

bool readSmallFile(const fs::path& path, std::string& out) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxResponseBytes) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

std::string normalisePath(const fs::path& p) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(p, ec);
  return (ec ? p.lexically_normal() : canonical).string();
}

class Sanitizer {
 public:
  Sanitizer(const std::string& directory, const std::string& inputFile)
      : directory_(directory), inputFile_(normalisePath(inputFile)) {}

  void run(const std::vector<std::string>& argv, int depth) {
    for (size_t i = 0; i < argv.size(); ++i) {
      const std::string& arg = argv[i];
      auto next = [&]() -> std::string { return i + 1 < argv.size() ? argv[++i] : std::string(); };
      if (arg.empty()) continue;
      if (arg[0] == '@') {
        expandResponseFile(arg, depth);
        continue;
      }
      if (arg[0] != '-' || arg == "-") continue;  // inputs: the parser names its own
      if (inList(kKeptWithValue, arg)) {
        out_.arguments.push_back(arg);
        out_.arguments.push_back(next());
        continue;
      }
      if (inList(kRefusedWithValue, arg)) {
        std::string value = next();
        out_.refused.push_back(arg + (value.empty() ? "" : " " + value));
        // `-Xclang -load -Xclang lib.so`: the library path travels in a second pair.
        if ((arg == "-Xclang" || arg == "-Xpreprocessor") && (value == "-load" || value == "-plugin" ||
                                                              value == "-add-plugin" || value == "-load-pass-plugin")) {
          if (i + 2 < argv.size() && argv[i + 1] == arg) {
            out_.refused.back() += " " + argv[i + 1] + " " + argv[i + 2];
            i += 2;
          }
        }
        continue;
      }
      if (inList(kRefusedFlags, arg) || hasPrefixIn(kRefusedPrefixes, arg)) {
        out_.refused.push_back(arg);
        continue;
      }
      if (inList(kRoutineWithValue, arg)) {
        next();
        continue;
      }
      if (inList(kRoutineFlags, arg) || hasPrefixIn(kRoutinePrefixes, arg)) continue;
      out_.arguments.push_back(arg);
    }
  }

  SanitizedFlags take() { return std::move(out_); }

 private:
  void expandResponseFile(const std::string& arg, int depth) {
    if (depth >= kMaxResponseDepth) {
      out_.refused.push_back(arg + " (response files nested too deeply)");
      return;
    }
    fs::path path = arg.substr(1);
    if (path.is_relative()) path = fs::path(directory_) / path;
    std::string text;
    if (!readSmallFile(path, text)) {
      out_.refused.push_back(arg + " (unreadable or larger than 1 MiB)");
      return;
    }
    run(splitCommandLine(text), depth + 1);
  }

  std::string directory_;
  std::string inputFile_;
  SanitizedFlags out_;
};

}  // namespace

std::vector<std::string> splitCommandLine(std::string_view command) {
  std::vector<std::string> out;
  std::string current;
  bool inToken = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < command.size() &&
                 (command[i + 1] == '"' || command[i + 1] == '\\')) {
        current += command[++i];
      } else {
        current += c;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (inToken) out.push_back(std::move(current));
      current.clear();
      inToken = false;
      continue;
    }
    inToken = true;
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '\\' && i + 1 < command.size()) {
      current += command[++i];
    } else {
      current += c;
    }
  }
  if (inToken) out.push_back(std::move(current));
  return out;
}

SanitizedFlags sanitizeArguments(const std::vector<std::string>& argv, const std::string& directory,
                                 const std::string& inputFile) {
  Sanitizer s(directory, inputFile);
  // argv[0] is the compiler: the parser is Clang whatever the database used.
  std::vector<std::string> options(argv.size() > 1 ? argv.begin() + 1 : argv.end(), argv.end());
  s.run(options, 0);
  return s.take();
}

std::vector<std::string> defaultArguments() { return {"-std=c++17", "-x", "c++"}; }

const std::vector<std::string>& IncludeGuess::directoriesFor(const std::string& directory) {
  auto cached = byDirectory_.find(directory);
  if (cached != byDirectory_.end()) return cached->second;
  std::vector<std::string> found;
  std::error_code ec;
  fs::path dir(directory);
  for (int level = 0; level <= kMaxIncludeGuessLevels && !dir.empty(); ++level) {
    for (const char* sub : {"include", "src"}) {
      if (fs::is_directory(dir / sub, ec)) found.push_back((dir / sub).lexically_normal().string());
    }
    if (fs::exists(dir / ".git", ec) || fs::exists(dir / ".hg", ec) || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  found.push_back(fs::path(directory).lexically_normal().string());
  return byDirectory_.emplace(directory, std::move(found)).first->second;
}

std::vector<std::string> IncludeGuess::argumentsFor(const std::string& absoluteFile) {
  std::vector<std::string> out;
  for (const std::string& d : directoriesFor(fs::path(absoluteFile).parent_path().string())) {
    out.push_back("-I");
    out.push_back(d);
  }
  return out;
}

bool parseCompilationDatabase(std::string_view json, const std::string& databaseDirectory,
                              std::vector<std::pair<std::string, CompileCommand>>& out, std::string& error) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  // Any json::exception: besides parse_error, a number too large for a double is out_of_range.
  } catch (const nlohmann::json::exception& e) {
    error = e.what();
    return false;
  }
  if (!doc.is_array()) {
    error = "expected a JSON array of compile commands";
    return false;
  }
  for (size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& entry = doc[i];
    const std::string where = "entry " + std::to_string(i + 1);
    if (!entry.is_object()) {
      error = where + " is not an object";
      return false;
    }
    auto text = [&](const char* key) -> std::string {
      auto it = entry.find(key);
      return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    CompileCommand cmd;
    cmd.directory = text("directory");
    std::string file = text("file");
    if (file.empty()) {
      error = where + " has no \"file\"";
      return false;
    }
    if (cmd.directory.empty()) cmd.directory = databaseDirectory;
    if (fs::path(cmd.directory).is_relative()) cmd.directory = (fs::path(databaseDirectory) / cmd.directory).string();
    auto args = entry.find("arguments");
    if (args != entry.end() && args->is_array()) {
      for (const auto& a : *args) {
        if (!a.is_string()) {
          error = where + ": \"arguments\" must hold strings";
          return false;
        }
        cmd.arguments.push_back(a.get<std::string>());
      }
    } else if (entry.contains("command") && entry["command"].is_string()) {
      cmd.arguments = splitCommandLine(entry["command"].get<std::string>());
    } else {
      error = where + " has neither \"arguments\" nor \"command\"";
      return false;
    }
    fs::path filePath(file);
    if (filePath.is_relative()) filePath = fs::path(cmd.directory) / filePath;
    out.emplace_back(normalisePath(filePath), std::move(cmd));
  }
  return true;
}

CompilationDatabases::CompilationDatabases(std::string buildDirectory, Diagnostics& diags)
    : buildDirectory_(std::move(buildDirectory)), diags_(diags) {}

const CompilationDatabases::Database* CompilationDatabases::load(const std::string& jsonPath) {
  auto it = loaded_.find(jsonPath);
  if (it != loaded_.end()) return it->second.get();
  auto db = std::make_unique<Database>();
  std::ifstream in(jsonPath, std::ios::binary);
  std::string problem;
  if (!in) {
    problem = "cannot read the compilation database";
  } else {
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<std::pair<std::string, CompileCommand>> entries;
    std::string error;
    if (parseCompilationDatabase(text.str(), fs::path(jsonPath).parent_path().string(), entries, error)) {
      db->valid = true;
      for (auto& [file, cmd] : entries) {
        cmd.database = jsonPath;
        db->byFile.emplace(file, std::move(cmd));  // the first entry for a file wins, as in Clang
      }
    } else {
      problem = "malformed compilation database (" + error + ")";
    }
  }
  if (!db->valid) {
    RunDiagnostic d;
    d.severity = RunDiagnostic::Severity::Warning;
    d.path = jsonPath;
    d.message = problem + "; C++ files use default flags and results may be partial";
    diags_.add(std::move(d));
  }
  return loaded_.emplace(jsonPath, std::move(db)).first->second.get();
}

std::string CompilationDatabases::locateFor(const std::string& absolutePath) {
  if (!buildDirectory_.empty()) {
    fs::path p(buildDirectory_);
    if (p.extension() != ".json") p /= "compile_commands.json";
    return p.string();
  }
  fs::path dir = fs::path(absolutePath).parent_path();
  std::vector<std::string> visited;
  std::string found;
  for (int hops = 0; hops < 256 && !dir.empty(); ++hops) {
    auto cached = locatedByDirectory_.find(dir.string());
    if (cached != locatedByDirectory_.end()) {
      found = cached->second;
      break;
    }
    visited.push_back(dir.string());
    std::error_code ec;
    for (const fs::path& candidate : {dir / "compile_commands.json", dir / "build" / "compile_commands.json"}) {
      if (fs::is_regular_file(candidate, ec)) {
        found = candidate.string();
        break;
      }
    }
    if (!found.empty() || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  for (const std::string& v : visited) locatedByDirectory_[v] = found;
  return found;
}

std::optional<CompileCommand> CompilationDatabases::commandFor(const std::string& absolutePath, std::string& searched) {
  searched = locateFor(absolutePath);
  if (searched.empty()) return std::nullopt;
  std::error_code ec;
  if (!buildDirectory_.empty() && !fs::exists(searched, ec)) {
    if (loaded_.emplace(searched, std::make_unique<Database>()).second) {
      RunDiagnostic d;
      d.severity = RunDiagnostic::Severity::Warning;
      d.path = searched;
      d.message = "no compilation database here; C++ files use default flags and results may be partial";
      diags_.add(std::move(d));
    }
    return std::nullopt;
  }
  const Database* db = load(searched);
  if (!db || !db->valid) return std::nullopt;
  auto it = db->byFile.find(normalisePath(absolutePath));
  if (it == db->byFile.end()) return std::nullopt;
  return it->second;
}

}  // namespace hg::cpp
