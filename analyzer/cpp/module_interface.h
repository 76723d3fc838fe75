// The boundary between the hookguard executable and the C++ front-end, which is built as a
// module of its own (hookguard-cpp.so) and loaded only when a scan has C++ files: loading Clang
// and LLVM costs about 100 ms, several times a whole scan of one Python file.
//
// Both sides pass C++ objects (Program, Knowledge, ...) whose layout only matches when they come
// from the same build. The entry point therefore takes C types first, and the module refuses,
// with a message, a caller of another interface version or another build before it touches them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cpp/cpp_frontend.h"

namespace hg::cpp {

// Bump when ModuleRequest or the entry point's contract changes.
inline constexpr uint32_t kModuleInterfaceVersion = 1;

inline constexpr const char* kModuleFileName = "hookguard-cpp.so";
inline constexpr const char* kModuleEntryName = "hookguard_cpp_frontend_entry";

// The arguments of analyzeFiles, trusted only once the versions were checked.
struct ModuleRequest {
  Program* program = nullptr;
  const std::vector<FileId>* files = nullptr;
  const CppOptions* options = nullptr;
  const Knowledge* knowledge = nullptr;
  Diagnostics* diagnostics = nullptr;
};

enum ModuleStatus : int {
  kModuleOk = 0,
  kModuleRefused = 1,  // another interface version or build; `message` says which
  kModuleFailed = 2,   // analyzeFiles threw; `message` holds what()
};

// int entry(interfaceVersion, buildId, request, message, messageSize)
//   request: a ModuleRequest*, or nullptr to check compatibility only.
//   message: receives a NUL-terminated explanation (truncated to messageSize) unless kModuleOk.
// Exceptions never cross it.
using ModuleEntry = int (*)(uint32_t interfaceVersion, const char* buildId, void* request, char* message,
                            size_t messageSize);

}  // namespace hg::cpp
