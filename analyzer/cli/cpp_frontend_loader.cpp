#include "cli/cpp_frontend_loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "cli/error_text.h"
#include "cpp/module_interface.h"

namespace hg {

namespace {

namespace fs = std::filesystem;

constexpr const char* kOverrideVariable = "HOOKGUARD_CPP_FRONTEND_MODULE";

struct LoadedModule {
  cpp::ModuleEntry entry = nullptr;
  std::string problem;  // why entry is null
};

std::string lastDlError() {
  const char* error = dlerror();
  return error ? error : "unknown error";
}

// Never unloaded, not even when refused: the language server scans again, and LLVM registers
// exit-time destructors and signal handlers (crash recovery) that must outlive any scan.
LoadedModule openModule(const fs::path& path) {
  // RTLD_NOW: a module whose libraries lack a symbol fails here, with dlerror's explanation,
  // rather than in the middle of a scan. RTLD_LOCAL: LLVM's symbols stay out of the global scope.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, "cannot load the C++ front-end: " + lastDlError()};
  void* symbol = dlsym(handle, cpp::kModuleEntryName);
  if (!symbol) return {nullptr, path.string() + " is not a hookguard C++ front-end module: " + lastDlError()};
  auto entry = reinterpret_cast<cpp::ModuleEntry>(symbol);
  char message[1024] = "";
  if (entry(cpp::kModuleInterfaceVersion, HOOKGUARD_CPP_MODULE_BUILD, nullptr, message, sizeof message) !=
      cpp::kModuleOk) {
    return {nullptr, "cannot use the C++ front-end " + path.string() + ": " + message};
  }
  return {entry, ""};
}

LoadedModule load() {
  const std::string hint = std::string(" (set ") + kOverrideVariable + " to the path of " + cpp::kModuleFileName + ")";
  std::error_code ec;
  if (const char* override = std::getenv(kOverrideVariable); override && *override) {
    // A bare file name would make dlopen search the library path instead.
    const fs::path path = fs::absolute(override, ec);
    return openModule(ec ? fs::path(override) : path);
  }
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {nullptr, "cannot find the C++ front-end: cannot read /proc/self/exe: " + errorText(ec) + hint};
  const fs::path directory = executable.parent_path();
  const fs::path buildTree = directory / cpp::kModuleFileName;
  const fs::path installed = (directory / HOOKGUARD_CPP_MODULE_DIR / cpp::kModuleFileName).lexically_normal();
  for (const fs::path& candidate : {buildTree, installed}) {
    if (fs::exists(candidate, ec)) return openModule(candidate);
  }
  return {nullptr, "cannot find the C++ front-end: neither " + buildTree.string() + " nor " + installed.string() +
                       " exists" + hint};
}

}  // namespace

CppFrontendRun runCppFrontend(Program& program, const std::vector<FileId>& files, const cpp::CppOptions& options,
                              const Knowledge& knowledge, Diagnostics& diags) {
  static const LoadedModule loaded = load();
  if (!loaded.entry) return {CppFrontendRun::Outcome::Unavailable, loaded.problem};
  cpp::ModuleRequest request{&program, &files, &options, &knowledge, &diags};
  char message[1024] = "";
  if (loaded.entry(cpp::kModuleInterfaceVersion, HOOKGUARD_CPP_MODULE_BUILD, &request, message, sizeof message) ==
      cpp::kModuleOk) {
    return {};
  }
  return {CppFrontendRun::Outcome::Failed, message};
}

}  // namespace hg
