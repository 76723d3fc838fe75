#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report_fixture.h"

namespace hg {
namespace {

using nlohmann::json;
using testing::ReportFixture;

TEST(GccReport, OneLinePerUnsuppressedFinding) {
  ReportFixture fx;
  fx.addStandardFindings();
  std::ostringstream out;
  writeGcc(out, fx.input());
  EXPECT_EQ(out.str(),
            "app/hooks.py:8:1: error: POST /webhook/stripe handler stripe_webhook reads request.get_json() without "
            "verifying a signature [WH101]\n"
            "app/hooks.py:11:5: error: POST /webhook/stripe handler stripe_webhook passes a url from the request to "
            "requests.get() [WH401]\n"
            "my dir/\xC3\xBCn\xC3\xAF/code.py:3:9: error: payload data reaches eval() [WH503]\n");
}

TEST(GccReport, MessagesStayOnOneLine) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH101";
  f.level = Level::Warning;
  f.message = "two\nlines\x1b[31m";
  f.location = Span{fx.hooks, 8, 1, 8, 2};
  fx.findings.push_back(f);
  std::ostringstream out;
  writeGcc(out, fx.input());
  EXPECT_EQ(out.str(), "app/hooks.py:8:1: warning: two lines\xE2\x90\x9B[31m [WH101]\n");
}

TEST(JsonReport, Schema) {
  ReportFixture fx;
  fx.addStandardFindings();
  std::ostringstream out;
  writeJson(out, fx.input());
  json doc = json::parse(out.str());
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 4u);  // suppressed ones included

  const json& first = doc[0];
  std::vector<std::string> keys;
  for (auto it = first.begin(); it != first.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"column", "end_column", "end_line", "fix", "flow", "help", "level",
                                            "line", "message", "path", "related", "rule", "suppressed"}));
  EXPECT_TRUE(first["fix"].is_null());
  EXPECT_EQ(first["rule"], "WH101");
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["path"], "app/hooks.py");
  EXPECT_EQ(first["line"], 8);
  EXPECT_EQ(first["column"], 1);
  EXPECT_EQ(first["end_line"], 8);
  EXPECT_EQ(first["end_column"], 22);
  EXPECT_EQ(first["help"], "run `hookguard explain WH101`");
  EXPECT_EQ(first["suppressed"], false);
  EXPECT_EQ(first["related"], (json::array({{{"path", "app/hooks.py"},
                                             {"line", 7},
                                             {"column", 2},
                                             {"end_line", 7},
                                             {"end_column", 48},
                                             {"message", "route declared here"}}})));
  EXPECT_EQ(first["flow"], json::array());

  EXPECT_EQ(doc[1]["flow"].size(), 3u);
  EXPECT_EQ(doc[1]["flow"][1]["line"], 10);
  EXPECT_EQ(doc[1]["help"], "check the host against an allowlist before fetching");
  EXPECT_EQ(doc[2]["rule"], "WH403");
  EXPECT_EQ(doc[2]["suppressed"], true);
  EXPECT_EQ(doc[3]["path"], "my dir/\xC3\xBCn\xC3\xAF/code.py");
}

TEST(JsonReport, KeyOrderIsStableAndEmptyIsAnArray) {
  ReportFixture fx;
  std::ostringstream empty;
  writeJson(empty, fx.input());
  EXPECT_EQ(empty.str(), "[]\n");

  fx.addStandardFindings();
  std::ostringstream out;
  writeJson(out, fx.input());
  std::string text = out.str();
  EXPECT_LT(text.find("\"rule\""), text.find("\"level\""));
  EXPECT_LT(text.find("\"end_column\""), text.find("\"help\""));
  EXPECT_LT(text.find("\"suppressed\""), text.find("\"related\""));
}

}  // namespace
}  // namespace hg
