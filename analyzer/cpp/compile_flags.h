// The flags a C++ file is parsed with: from a compilation database (compile_commands.json, -p
// or found upward from the file) or safe defaults, always passed through a filter that removes
// what would load code or write files. Scanning untrusted code must never run any of it: a
// repository controls its own compile_commands.json, so its flags are hostile input too.
// No Clang headers here: the filter is plain string work and is tested as such.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace hg::cpp {

// Splits a shell-style command line ("command" in compile_commands.json): whitespace separates
// arguments, single and double quotes group, a backslash escapes the next character.
std::vector<std::string> splitCommandLine(std::string_view command);

struct CompileCommand {
  std::string directory;               // the working directory relative paths are resolved from
  std::vector<std::string> arguments;  // argv, compiler first
  std::string database;                // the compile_commands.json it came from
};

struct SanitizedFlags {
  // Compiler options only: no compiler name, no input file, no -fsyntax-only/-resource-dir
  // (the parser adds its own).
  std::vector<std::string> arguments;
  // Flags dropped because they load code (plugins, -Xclang -load, --config files, ...) or
  // write files other than the usual object and dependency outputs; each is reported.
  std::vector<std::string> refused;
};

// Drops the compiler name, the input file, output and dependency-file options, and every flag
// that loads code or writes files; expands @response files found under `directory` (bounded
// depth and size). `inputFile` is the absolute path of the file being parsed.
SanitizedFlags sanitizeArguments(const std::vector<std::string>& argv, const std::string& directory,
                                 const std::string& inputFile);

// Flags used when no compilation database covers a file.
std::vector<std::string> defaultArguments();

// The include directories a build of the project most likely passes, guessed for a file no
// compilation database covers: walking up from the file's directory to the project root (the
// first directory holding .git or .hg, at most kMaxIncludeGuessLevels up), each directory's
// `include/` and `src/`, nearest first, then the file's own directory (for `#include <...>` of
// a neighbour). Only existence checks, a few per level and cached per directory: no tree walk,
// so a large repository costs no more than a small one.
inline constexpr int kMaxIncludeGuessLevels = 8;
class IncludeGuess {
 public:
  // "-I dir" pairs, in search order.
  std::vector<std::string> argumentsFor(const std::string& absoluteFile);

 private:
  const std::vector<std::string>& directoriesFor(const std::string& directory);
  std::map<std::string, std::vector<std::string>> byDirectory_;
};

// Loads and caches compilation databases, and answers which command compiles a file. Problems
// (unreadable or malformed JSON) are reported once per database, naming it; the files it would
// have covered fall back to defaults.
class CompilationDatabases {
 public:
  CompilationDatabases(std::string buildDirectory, Diagnostics& diags);
  // The command for `absolutePath`, or nullopt when no database lists it. `searched` is set to
  // the database consulted (empty when none was found).
  std::optional<CompileCommand> commandFor(const std::string& absolutePath, std::string& searched);

 private:
  struct Database {
    bool valid = false;
    std::map<std::string, CompileCommand> byFile;  // absolute, normalised paths
  };
  const Database* load(const std::string& jsonPath);
  std::string locateFor(const std::string& absolutePath);

  std::string buildDirectory_;
  Diagnostics& diags_;
  std::map<std::string, std::unique_ptr<Database>> loaded_;
  std::map<std::string, std::string> locatedByDirectory_;
};

// Parses the text of a compile_commands.json; on malformed input returns false and explains in
// `error`. Exposed for tests.
bool parseCompilationDatabase(std::string_view json, const std::string& databaseDirectory,
                              std::vector<std::pair<std::string, CompileCommand>>& out, std::string& error);

}  // namespace hg::cpp
