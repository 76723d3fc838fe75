// Arbitrary bytes as a .hookguard.toml and as a pyproject.toml: the TOML reader and every key
// check. The only way out for bad input is ConfigError (a message with file:line:column).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::string> categories{"mac_functions", "url_sanitizers", "ssrf_sinks", "schema_validators"};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (hg::ConfigFileKind kind : {hg::ConfigFileKind::HookguardToml, hg::ConfigFileKind::Pyproject}) {
    try {
      hg::parseProjectConfig(text, "fuzz.toml", kind, categories);
    } catch (const hg::ConfigError&) {
      // The expected outcome for most inputs.
    }
  }
  return 0;
}
