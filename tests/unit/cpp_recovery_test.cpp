// Hostile or broken C++ input: files that do not compile, missing project headers, deep nesting,
// bytes that are not C++. The scan reports what is wrong and analyzes what parsed.
#include <gtest/gtest.h>

#include "cpp_fixture.h"

namespace hg {
namespace {

using testing::CppScan;

TEST(CppRecovery, BrokenFileStillYieldsItsHandlers) {
  CppScan scan;
  Program& program = scan.analyze("broken_hook.cpp", R"(#include <httplib.h>
#include "config/secrets.h"
int main() {
  httplib::Server svr;
  svr.Post("/webhook", [](const httplib::Request& req, httplib::Response& res) {
    Config cfg = load_config("hooks.toml");
    std::string body = req.body;
    if (!verify(body, cfg.secret, req.get_header_value("X-Sig"))) { res.status = 401; return; }
    int broken = ;
    res.set_content(body, "text/plain");
  });
  svr.listen("0.0.0.0", 8080)
}
)");
  const std::string diags = scan.diagnosticText();
  EXPECT_NE(diags.find("headers not found (config/secrets.h)"), std::string::npos) << diags;
  EXPECT_NE(diags.find("while parsing (first at line 9"), std::string::npos) << diags;
  EXPECT_NE(diags.find("analyzing what parsed"), std::string::npos) << diags;
  ASSERT_EQ(program.routes.size(), 1u) << diags;
  const Function& handler = program.function(program.routes[0].handler);
  // The project's own names, declared in the missing header, are kept as written.
  EXPECT_EQ(testing::exprsNamed(handler, ExprKind::Call, "verify").size(), 1u) << describeCfg(handler);
  EXPECT_EQ(testing::exprsNamed(handler, ExprKind::Call, "load_config").size(), 1u) << describeCfg(handler);
  EXPECT_EQ(testing::exprsNamed(handler, ExprKind::Attribute, "Config().secret").size(), 1u) << describeCfg(handler);
  EXPECT_EQ(testing::exprsNamed(handler, ExprKind::Attribute, "httplib::Response().status").size(), 1u);
  EXPECT_FALSE(scan.diags.anyFileSkipped());
}

TEST(CppRecovery, CodeThatCompilesIsParsedUnchanged) {
  // Name synthesis only answers lookups that fail: a valid program gets no invented names.
  CppScan scan;
  scan.analyze("ok.cpp", R"(#include <string>
#include <map>
enum class Kind { A, B };
int f(Kind k, bool b) { return static_cast<int>(k) - b; }
std::string g(const std::map<std::string, int>& m) { return m.empty() ? "" : m.begin()->first + "x"; }
)");
  EXPECT_EQ(scan.diagnosticText().find("error"), std::string::npos) << scan.diagnosticText();
}

TEST(CppRecovery, DeepNestingIsBounded) {
  std::string text = "void f(int x) {\n";
  for (int i = 0; i < 400; ++i) text += "if (x > " + std::to_string(i) + ") {\n";
  text += "x = 0;\n";
  for (int i = 0; i < 400; ++i) text += "}\n";
  text += "}\n";
  CppScan scan;
  Program& program = scan.analyze("deep.cpp", text);
  EXPECT_NE(scan.diagnosticText().find("nested too deeply"), std::string::npos) << scan.diagnosticText();
  const Function& f = functionNamed(program, "deep.f");
  EXPECT_GT(f.blocks.size(), 100u);
}

TEST(CppRecovery, NotCppAtAll) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 37 + 11) % 256 == 0 ? 1 : (i * 37 + 11) % 256);
  CppScan scan;
  Program& program = scan.analyze("garbage.cpp", garbage);
  EXPECT_NE(scan.diagnosticText().find("while parsing"), std::string::npos) << scan.diagnosticText();
  EXPECT_EQ(program.modules.size(), 1u);
  EXPECT_TRUE(program.routes.empty());
}

TEST(CppRecovery, EmptyFile) {
  CppScan scan;
  Program& program = scan.analyze("empty.cpp", "");
  EXPECT_EQ(program.modules.size(), 1u);
  EXPECT_EQ(scan.diagnosticText().find("error"), std::string::npos) << scan.diagnosticText();
}

}  // namespace
}  // namespace hg
