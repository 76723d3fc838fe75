// The only symbol hookguard-cpp.so exports (everything else in it is hidden, so that its copies
// of the core library never interpose on the executable's). See cpp/module_interface.h.
#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <type_traits>

#include "cpp/module_interface.h"

namespace {

void writeMessage(char* out, size_t size, const char* text) {
  if (!out || size == 0) return;
  const size_t n = std::min(size - 1, std::strlen(text));
  std::memcpy(out, text, n);
  out[n] = '\0';
}

// "this module is interface 1 of build 0.1.0 /work/build; the hookguard loading it expects ..."
int refuse(uint32_t interfaceVersion, const char* buildId, char* message, size_t messageSize) {
  try {
    const std::string text = "this module is interface " + std::to_string(hg::cpp::kModuleInterfaceVersion) +
                             " of build " + HOOKGUARD_CPP_MODULE_BUILD + "; the hookguard loading it expects interface " +
                             std::to_string(interfaceVersion) + " of build " + (buildId ? buildId : "(none)") +
                             ": install both from the same build";
    writeMessage(message, messageSize, text.c_str());
  } catch (...) {
    writeMessage(message, messageSize, "module of another hookguard build");
  }
  return hg::cpp::kModuleRefused;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int hookguard_cpp_frontend_entry(uint32_t interfaceVersion,
                                                                                   const char* buildId, void* request,
                                                                                   char* message, size_t messageSize) {
  if (interfaceVersion != hg::cpp::kModuleInterfaceVersion || !buildId ||
      std::strcmp(buildId, HOOKGUARD_CPP_MODULE_BUILD) != 0) {
    return refuse(interfaceVersion, buildId, message, messageSize);
  }
  if (!request) return hg::cpp::kModuleOk;
  const auto& r = *static_cast<const hg::cpp::ModuleRequest*>(request);
  try {
    hg::cpp::analyzeFiles(*r.program, *r.files, *r.options, *r.knowledge, *r.diagnostics);
    return hg::cpp::kModuleOk;
  } catch (const std::exception& e) {
    writeMessage(message, messageSize, e.what());
  } catch (...) {
    writeMessage(message, messageSize, "");
  }
  return hg::cpp::kModuleFailed;
}

// The loader casts the symbol to ModuleEntry: a mismatch must be a compile error, not a crash.
static_assert(std::is_same_v<decltype(&hookguard_cpp_frontend_entry), hg::cpp::ModuleEntry>);
