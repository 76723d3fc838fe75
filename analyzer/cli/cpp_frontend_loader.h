// Runs the C++ front-end, which lives in a module (hookguard-cpp.so) loaded the first time a
// scan has C++ files: a scan without them never pays for loading Clang and LLVM.
//
// Where the module is looked for, in order:
//   $HOOKGUARD_CPP_FRONTEND_MODULE   (only there, when set)
//   <directory of the executable>/hookguard-cpp.so            the build tree
//   <directory of the executable>/<HOOKGUARD_CPP_MODULE_DIR>/hookguard-cpp.so   an installed copy
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "cpp/cpp_frontend.h"

namespace hg {

struct CppFrontendRun {
  enum class Outcome : uint8_t {
    Analyzed,
    Unavailable,  // the module is missing, cannot be loaded, or belongs to another build
    Failed,       // the front-end threw
  };
  Outcome outcome = Outcome::Analyzed;
  std::string problem;  // unless Analyzed; names the module's path when it is about the module
};

// Loads the module once per process (later calls reuse it, or its load error) and runs
// cpp::analyzeFiles in it.
CppFrontendRun runCppFrontend(Program& program, const std::vector<FileId>& files, const cpp::CppOptions& options,
                              const Knowledge& knowledge, Diagnostics& diags);

}  // namespace hg
