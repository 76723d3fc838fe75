// Fixes in the reports: SARIF result.fixes (safe ones only; an insertion has an empty
// deletedRegion), JSON "fix", and the text report's [*] marker and fix: line.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "report/sarif_log.h"
#include "report_fixture.h"

namespace hg {
namespace {

using nlohmann::json;
using testing::ReportFixture;

// kHooksPy line 2 is "import requests"; line 11 "    requests.get(url)  # hookguard: ...".
struct FixFixture : ReportFixture {
  FixFixture() {
    addStandardFindings();
    const SourceFile& file = program.sources.get(hooks);
    Finding& ssrf = findings[0];  // WH401 on line 11
    const size_t line2 = file.offset(2, 1);
    const size_t url = file.offset(11, 18);
    ssrf.fixes.push_back(Fix{"check the url", FixApplicability::Safe,
                             {{hooks, line2, line2, "import hmac\n"}, {hooks, url, url + 3, "safe(url)"}}});
    Finding& missing = findings[1];  // WH101
    missing.fixes.push_back(Fix{"risky", FixApplicability::Unsafe, {{hooks, line2, line2, "x = 1\n"}}});
  }
};

TEST(ReportFixes, SarifCarriesSafeFixesWithReplacementsAndInsertions) {
  FixFixture fx;
  json results = json::parse(renderSarif(fx.input(), testing::testCatalog(), {}))["runs"][0]["results"];
  const json* ssrf = nullptr;
  const json* missing = nullptr;
  for (const json& r : results) {
    if (r["ruleId"] == "WH401") ssrf = &r;
    if (r["ruleId"] == "WH101") missing = &r;
  }
  ASSERT_TRUE(ssrf && missing);
  EXPECT_FALSE(missing->contains("fixes"));  // unsafe
  const json& fix = (*ssrf)["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "check the url");
  const json& change = fix["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "app/hooks.py");
  ASSERT_EQ(change["replacements"].size(), 2u);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"],
            json({{"startLine", 2}, {"startColumn", 1}, {"endLine", 2}, {"endColumn", 1}}));
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "import hmac\n");
  EXPECT_EQ(change["replacements"][1]["deletedRegion"],
            json({{"startLine", 11}, {"startColumn", 18}, {"endLine", 11}, {"endColumn", 21}}));
}

TEST(ReportFixes, JsonDescribesTheFix) {
  FixFixture fx;
  std::ostringstream out;
  writeJson(out, fx.input());
  json doc = json::parse(out.str());
  for (const json& f : doc) {
    if (f["rule"] != "WH401") continue;
    EXPECT_EQ(f["fix"]["applicability"], "safe");
    EXPECT_EQ(f["fix"]["edits"][1],
              json({{"path", "app/hooks.py"}, {"line", 11}, {"column", 18}, {"end_line", 11}, {"end_column", 21},
                    {"content", "safe(url)"}}));
    return;
  }
  ADD_FAILURE() << doc;
}

TEST(ReportFixes, TextMarksWhatFixRepairs) {
  FixFixture fx;
  std::ostringstream out;
  writeText(out, fx.input());
  const std::string text = out.str();
  EXPECT_NE(text.find("error[WH401]: [*] POST"), std::string::npos) << text;
  EXPECT_NE(text.find("fix: check the url (safe)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("error[WH101]: POST"), std::string::npos) << text;  // unsafe: no marker
  EXPECT_NE(text.find("fix: risky (unsafe: apply with --fix --unsafe-fixes)\n"), std::string::npos) << text;

  ReportInput withUnsafe = fx.input();
  withUnsafe.unsafeFixes = true;
  std::ostringstream unsafeOut;
  writeText(unsafeOut, withUnsafe);
  EXPECT_NE(unsafeOut.str().find("error[WH101]: [*] POST"), std::string::npos) << unsafeOut.str();
}

}  // namespace
}  // namespace hg
