// Entry point of the C++ front-end (Clang LibTooling): parses C++ translation units with the
// flags of a compilation database (or safe defaults) and lowers webhook handlers into the same
// Program the Python front-end fills.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "core/progress.h"

namespace hg::cpp {

struct CppOptions {
  // Directory holding compile_commands.json (-p); empty = search upward from each file.
  std::string buildDirectory;
  // Told of each translation unit as its parse starts (they take seconds); may be nullptr.
  ProgressSink* progress = nullptr;
  // Translation units parsed at once (each Clang invocation is independent until linking).
  unsigned jobs = 1;
};

// Lowers every given file (already in program.sources, Language::Cpp) into modules,
// functions, routes and applications. Files that do not compile are still lowered as far as
// Clang's error recovery allows, with a note in `diags`.
void analyzeFiles(Program& program, const std::vector<FileId>& files, const CppOptions& options,
                  const Knowledge& knowledge, Diagnostics& diags);

// The module name of a C++ file: its display path with '/' as '.', without the extension
// ("src/hooks/stripe.cpp" -> "src.hooks.stripe").
std::string moduleNameFor(const std::string& path);

}  // namespace hg::cpp
