// Arbitrary bytes as one source line, in both comment syntaxes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/suppression_comment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  hg::parseIgnoreComments(line, hg::Language::Python);
  hg::parseIgnoreComments(line, hg::Language::Cpp);
  return 0;
}
