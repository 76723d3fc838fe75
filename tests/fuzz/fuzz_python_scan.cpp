// Arbitrary bytes as one Python module of a two-file project: source repair, parsing,
// lowering, linking and every rule. The second module gives cross-module resolution
// something to resolve against.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/source_reader.h"
#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "engine/engine.h"
#include "python/python_frontend.h"

namespace {

constexpr const char* kHelperModule = R"(import hmac, hashlib, os
from flask import abort, request
SECRET = os.environ["SECRET"].encode()

def verify():
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(401)
)";

hg::FileId addSource(hg::Program& program, const std::string& path, std::string text) {
  hg::SourceFile source;
  source.displayPath = path;
  source.absolutePath = "/fuzz/" + path;
  source.language = hg::Language::Python;
  source.text = std::move(text);
  source.indexLines();
  return program.sources.add(std::move(source));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hg::Knowledge knowledge = hg::Knowledge::builtin();
  std::string text(reinterpret_cast<const char*>(data), size);
  // What the scan does to a file before parsing it.
  if (hg::findBinaryMarker(text) != std::string::npos) return 0;
  hg::stripUtf8Bom(text);
  hg::repairUtf8(text);

  hg::Program program;
  hg::Diagnostics diags;
  hg::FileId fuzzed = addSource(program, "app/hooks.py", std::move(text));
  hg::FileId helper = addSource(program, "app/security.py", kHelperModule);
  hg::python::lowerFile(program, fuzzed, "app.hooks", knowledge, diags);
  hg::python::lowerFile(program, helper, "app.security", knowledge, diags);
  hg::python::link(program, knowledge, diags);
  program.buildIndexes();
  hg::EngineConfig config;
  config.allPostRoutes = (size % 2) == 1;  // both ways of deciding what a webhook is
  hg::runRules(program, knowledge, config, diags);
  return 0;
}
