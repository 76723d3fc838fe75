// `// hookguard: ignore[...]` in C++ handlers: the comment syntax of the C++ front-end's files,
// on the line a finding is reported at, and unused ones reported like Python's.
#include <gtest/gtest.h>

#include "cli/suppression_pass.h"
#include "cpp_fixture.h"
#include "engine/engine.h"

namespace hg {
namespace {

// The httplib declarations a handler needs, so the test does not depend on httplib.h.
constexpr const char* kHttplib = R"(#pragma once
#include <functional>
#include <string>
namespace httplib {
struct Request { std::string body; std::string get_header_value(const std::string&) const; };
struct Response { int status = 200; };
using Handler = std::function<void(const Request&, Response&)>;
struct Server {
  Server& Post(const std::string& pattern, Handler handler);
  void set_payload_max_length(unsigned long);
  bool listen(const std::string& host, int port);
};
}  // namespace httplib
)";

std::string receiver(const std::string& onRoute, const std::string& onBodyUse) {
  return "#include \"httplib.h\"\n"
         "#include <iostream>\n"
         "int main() {\n"
         "  httplib::Server server;\n"
         "  server.set_payload_max_length(65536);\n"
         "  server.Post(\"/webhooks/orders\", [](const httplib::Request& req, httplib::Response& res) {" +
         onRoute + "\n" +
         "    std::cout << req.body;" + onBodyUse + "\n" +
         "    res.status = 204;\n"
         "  });\n"
         "  server.listen(\"0.0.0.0\", 8080);\n"
         "}\n";
}

class CppSuppressionTest : public ::testing::Test {
 protected:
  void scan(const std::string& source) {
    testing::CppScan cpp;
    Program& program = cpp.analyze({{"httplib.h", kHttplib}, {"server.cpp", source}});
    ASSERT_FALSE(program.routes.empty()) << cpp.diagnosticText();
    Diagnostics ruleDiags;
    findings_ = runRules(program, Knowledge::builtin(), EngineConfig{}, ruleDiags);
    SuppressionOptions options;
    options.reportUnused = true;
    options.rulesRun = {"WH101", "WH201", "WH102"};
    summary_ = applySuppressions(program, findings_, options, diags_);
  }
  const Finding* finding(const std::string& ruleId) const {
    for (const Finding& f : findings_) {
      if (f.ruleId == ruleId) return &f;
    }
    return nullptr;
  }

  std::vector<Finding> findings_;
  Diagnostics diags_;
  SuppressionSummary summary_;
};

TEST_F(CppSuppressionTest, LineCommentOnTheRouteSuppressesItsFindings) {
  scan(receiver("  // hookguard: ignore[WH101, WH201]", ""));
  ASSERT_NE(finding("WH101"), nullptr);
  ASSERT_NE(finding("WH201"), nullptr);
  EXPECT_TRUE(finding("WH101")->suppressed());
  EXPECT_TRUE(finding("WH201")->suppressed());
  EXPECT_EQ(finding("WH101")->suppressions[0].comment.line, 6u);
  EXPECT_EQ(summary_.unusedIgnores, 0u);
}

TEST_F(CppSuppressionTest, OnlyTheNamedRuleAndOnlyItsLine) {
  scan(receiver("  // hookguard: ignore[WH201]", "  // hookguard: ignore[WH101]"));
  ASSERT_NE(finding("WH101"), nullptr);
  EXPECT_FALSE(finding("WH101")->suppressed());  // reported on the route line, not the body line
  EXPECT_TRUE(finding("WH201")->suppressed());
  EXPECT_EQ(summary_.unusedIgnores, 1u);
  bool reported = false;
  for (const RunDiagnostic& d : diags_.all()) reported = reported || (d.line == 7 && d.path == "server.cpp");
  EXPECT_TRUE(reported);
}

}  // namespace
}  // namespace hg
