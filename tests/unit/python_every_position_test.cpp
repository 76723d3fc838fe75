// A syntax error at every position of a real sample: truncating the file there, and inserting
// a stray token there. Each variant is lowered, linked and run through every rule; none may
// crash or throw (ASan and UBSan builds run this too), and the findings of a file grow back to
// the intact file's once the cut is past its end.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "core/knowledge.h"
#include "engine/engine.h"
#include "test_support.h"

namespace hg {
namespace {

std::string readSample(const std::string& relative) {
  std::ifstream in(std::string(HOOKGUARD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

size_t analyzeAll(const std::string& text) {
  static const Knowledge knowledge = Knowledge::builtin();
  Diagnostics diags;
  auto program = lowerPythonSources({{"app/hooks.py", text}}, knowledge, &diags);
  EngineConfig config;
  return runRules(*program, knowledge, config, diags).size();
}

TEST(PythonEveryPosition, TruncatedAndCorruptedAtEveryByte) {
  const std::string sample = readSample("samples/flask/insecure_stripe_webhook.py");
  ASSERT_GT(sample.size(), 200u) << "the sample is missing";
  const size_t complete = analyzeAll(sample);
  ASSERT_GT(complete, 0u) << "the sample has findings when intact";
  for (const char* stray : {")", ":", "\"", "    ", "\\"}) {
    for (size_t at = 0; at <= sample.size(); ++at) {
      std::string corrupted = sample;
      corrupted.insert(at, stray);
      EXPECT_NO_THROW(analyzeAll(corrupted)) << "inserting " << stray << " at byte " << at;
    }
  }
  for (size_t at = 0; at <= sample.size(); ++at) {
    size_t found = 0;
    ASSERT_NO_THROW(found = analyzeAll(sample.substr(0, at))) << "truncated at byte " << at;
    // Cut after the whole file, the findings are the intact file's.
    if (at == sample.size()) {
      EXPECT_EQ(found, complete);
    }
  }
}

}  // namespace
}  // namespace hg
