// Arbitrary bytes as a compile_commands.json: the JSON reader, shell-style command splitting
// and the flag filter that keeps code-loading flags away from the parser. Response files are
// looked up under a directory that does not exist, so nothing is read from disk.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cpp/compile_flags.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, hg::cpp::CompileCommand>> entries;
  std::string error;
  if (hg::cpp::parseCompilationDatabase(text, "/nonexistent-hookguard-fuzz/build", entries, error)) {
    for (const auto& [file, command] : entries) {
      hg::cpp::sanitizeArguments(command.arguments, "/nonexistent-hookguard-fuzz/build", file);
    }
  }
  // The same bytes as one "command" string.
  hg::cpp::sanitizeArguments(hg::cpp::splitCommandLine(text), "/nonexistent-hookguard-fuzz/build",
                             "/nonexistent-hookguard-fuzz/a.cpp");
  return 0;
}
