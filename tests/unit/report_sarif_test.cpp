#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/line_hash.h"
#include "report/sarif_log.h"
#include "report_fixture.h"

namespace hg {
namespace {

using nlohmann::json;
using testing::ReportFixture;
using testing::testCatalog;

json parse(const std::string& text) { return json::parse(text); }

json sarifOf(const ReportFixture& fx, const SarifLimits& limits = {}) {
  return parse(renderSarif(fx.input(), testCatalog(), limits));
}

TEST(Sarif, LogAndDriver) {
  ReportFixture fx;
  fx.addStandardFindings();
  json log = sarifOf(fx);
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "hookguard");
  EXPECT_EQ(driver["version"], HOOKGUARD_VERSION);
  EXPECT_EQ(driver["semanticVersion"], HOOKGUARD_VERSION);
  EXPECT_EQ(driver["informationUri"], kDefaultInformationUri);
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo%20root/");
}

TEST(Sarif, InformationUriCanBeGiven) {
  ReportFixture fx;
  ReportInput input = fx.input();
  input.informationUri = "https://example.org/hookguard";
  json log = parse(renderSarif(input, testCatalog()));
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["informationUri"], "https://example.org/hookguard");
}

TEST(Sarif, EveryRuleOfTheCatalogIsDescribed) {
  ReportFixture fx;  // no findings: rules are listed anyway
  json rules = sarifOf(fx)["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), testCatalog().size());
  const json& wh101 = rules[0];
  EXPECT_EQ(wh101["id"], "WH101");
  EXPECT_EQ(wh101["name"], "missing-signature-verification");
  EXPECT_EQ(wh101["shortDescription"]["text"], "Webhook handler uses the request without verifying its signature");
  EXPECT_EQ(wh101["fullDescription"]["text"],
            "Checks that every webhook handler verifies the signature of the request.");
  EXPECT_EQ(wh101["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(wh101["help"]["markdown"], testCatalog()[0].docMarkdown);
  std::string helpText = wh101["help"]["text"];
  EXPECT_NE(helpText.find("What it does\nChecks that every webhook handler"), std::string::npos) << helpText;
  EXPECT_NE(helpText.find("    @app.post('/hook')"), std::string::npos) << helpText;
  EXPECT_NE(helpText.find("- Stripe docs (https://docs.stripe.com/webhooks)"), std::string::npos) << helpText;
  EXPECT_EQ(helpText.find("```"), std::string::npos);
  EXPECT_EQ(helpText.find("**"), std::string::npos);
  EXPECT_EQ(wh101["properties"]["tags"], json::array({"security", "external/cwe/cwe-345"}));
  EXPECT_EQ(wh101["properties"]["precision"], "high");
  EXPECT_TRUE(wh101["properties"]["security-severity"].is_string());
  EXPECT_EQ(wh101["properties"]["security-severity"], "8.1");

  // No document: help falls back to the description, which code scanning requires.
  EXPECT_EQ(rules[1]["help"]["text"], "A URL from the request reaches an outbound request");
  EXPECT_EQ(rules[1]["fullDescription"]["text"], "A URL from the request reaches an outbound request");
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[3]["properties"]["tags"], json::array({"security", "external/cwe/cwe-502", "external/cwe/cwe-94"}));
}

TEST(Sarif, ResultsAreSortedWithLocationsAndRegions) {
  ReportFixture fx;
  fx.addStandardFindings();
  json results = sarifOf(fx)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0]["ruleId"], "WH101");
  EXPECT_EQ(results[1]["ruleId"], "WH401");
  EXPECT_EQ(results[2]["ruleId"], "WH403");
  EXPECT_EQ(results[3]["ruleId"], "WH503");

  const json& r = results[0];
  EXPECT_EQ(r["ruleIndex"], 0);
  EXPECT_EQ(r["level"], "error");
  EXPECT_EQ(r["message"]["text"], fx.findings[1].message);
  ASSERT_EQ(r["locations"].size(), 1u);
  const json& physical = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"], (json{{"uri", "app/hooks.py"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(physical["region"], (json{{"startLine", 8}, {"startColumn", 1}, {"endLine", 8}, {"endColumn", 22}}));
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_EQ(results[3]["ruleIndex"], 3);
}

TEST(Sarif, UrisOfNestedUnicodeAndSpacedPaths) {
  ReportFixture fx;
  fx.addStandardFindings();
  json r = sarifOf(fx)["runs"][0]["results"][3];
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "my%20dir/%C3%BCn%C3%AF/code.py");
  // Columns are code points as the finding has them: the tab counts as one.
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"],
            (json{{"startLine", 3}, {"startColumn", 9}, {"endLine", 3}, {"endColumn", 16}}));
}

TEST(Sarif, RelatedLocationsCodeFlowsAndSuppressions) {
  ReportFixture fx;
  fx.addStandardFindings();
  json results = sarifOf(fx)["runs"][0]["results"];

  const json& related = results[0]["relatedLocations"];
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0]["id"], 1);
  EXPECT_EQ(related[0]["message"]["text"], "route declared here");
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startLine"], 7);
  EXPECT_FALSE(results[0].contains("codeFlows"));

  const json& steps = results[1]["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0]["location"]["message"]["text"], "value read from the request here");
  EXPECT_EQ(steps[0]["location"]["physicalLocation"]["region"]["startLine"], 9);
  EXPECT_EQ(steps[2]["location"]["physicalLocation"]["region"]["startLine"], 11);
  EXPECT_FALSE(results[1].contains("relatedLocations"));
  EXPECT_FALSE(results[1].contains("suppressions"));

  const json& suppressions = results[2]["suppressions"];
  ASSERT_EQ(suppressions.size(), 1u);
  EXPECT_EQ(suppressions[0]["kind"], "inSource");
  EXPECT_EQ(suppressions[0]["location"]["physicalLocation"]["region"]["startColumn"], 24);
}

TEST(Sarif, PrimaryLocationLineHashIsTheLinesHash) {
  ReportFixture fx;
  fx.addStandardFindings();
  json results = sarifOf(fx)["runs"][0]["results"];
  auto hooks = lineHashes(testing::kHooksPy);
  ASSERT_TRUE(hooks.has_value());
  EXPECT_EQ(results[0]["partialFingerprints"]["primaryLocationLineHash"], (*hooks)[8]);
  EXPECT_EQ(results[1]["partialFingerprints"]["primaryLocationLineHash"], (*hooks)[11]);
  std::string value = results[0]["partialFingerprints"]["primaryLocationLineHash"];
  EXPECT_TRUE(value.ends_with(":1")) << value;
}

TEST(Sarif, NoFingerprintForTextTheUploadCouldReadDifferently) {
  ReportFixture fx;
  SourceFile bad;
  bad.displayPath = "bad.py";
  bad.text = "x = '\xEF\xBF\xBD'\neval(x)\n";
  FileId id = fx.program.sources.add(std::move(bad));
  Finding f;
  f.ruleId = "WH503";
  f.message = "payload data reaches eval()";
  f.location = Span{id, 2, 1, 2, 8};
  fx.findings.push_back(f);
  json r = sarifOf(fx)["runs"][0]["results"][0];
  EXPECT_FALSE(r.contains("partialFingerprints"));
}

// The upload hashes the file on disk, byte-order mark included, while the reader hands the
// analysis the text without it.
TEST(Sarif, FingerprintIsOfTheFileOnDisk) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "hookguard_report_fingerprint";
  std::filesystem::create_directories(dir);
  const std::string text = "import os\neval(os.environ['X'])\n";
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  };
  ReportFixture fx;
  auto add = [&](const std::string& name, std::string absolutePath) {
    SourceFile f;
    f.displayPath = name;
    f.absolutePath = std::move(absolutePath);
    f.text = text;
    FileId id = fx.program.sources.add(std::move(f));
    Finding finding;
    finding.ruleId = "WH503";
    finding.message = "m";
    finding.location = Span{id, 1, 1, 1, 5};
    fx.findings.push_back(finding);
  };
  add("a_bom.py", write("a_bom.py", "\xEF\xBB\xBF" + text));
  add("b_same.py", write("b_same.py", text));
  add("c_changed.py", write("c_changed.py", "import sys\n" + text));
  add("d_gone.py", (dir / "d_gone.py").string());
  json results = sarifOf(fx)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u);
  auto withBom = lineHashes("\xEF\xBB\xBF" + text);
  auto withoutBom = lineHashes(text);
  ASSERT_TRUE(withBom && withoutBom);
  ASSERT_NE((*withBom)[1], (*withoutBom)[1]);
  EXPECT_EQ(results[0]["partialFingerprints"]["primaryLocationLineHash"], (*withBom)[1]);
  EXPECT_EQ(results[1]["partialFingerprints"]["primaryLocationLineHash"], (*withoutBom)[1]);
  EXPECT_FALSE(results[2].contains("partialFingerprints"));
  EXPECT_FALSE(results[3].contains("partialFingerprints"));
  std::filesystem::remove_all(dir);
}

TEST(Sarif, EmptyResultsIsAnEmptyArray) {
  ReportFixture fx;
  std::string text = renderSarif(fx.input(), testCatalog());
  EXPECT_NE(text.find("\"results\": []"), std::string::npos);
  json run = parse(text)["runs"][0];
  EXPECT_TRUE(run["results"].is_array());
  EXPECT_TRUE(run["invocations"][0]["executionSuccessful"]);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"], json::array());
}

TEST(Sarif, RegionsAreMadeConsistent) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH101";
  f.message = "m";
  f.location = Span{fx.hooks, 8, 0, 0, 0};  // no column, no end
  fx.findings.push_back(f);
  f.location = Span{fx.hooks, 9, 10, 9, 4};  // end before start
  fx.findings.push_back(f);
  f.location = Span{fx.hooks, 9, 10, 11, 0};  // multi-line, end column unknown
  fx.findings.push_back(f);
  json results = sarifOf(fx)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 3u);
  auto region = [&](size_t i) { return results[i]["locations"][0]["physicalLocation"]["region"]; };
  EXPECT_EQ(region(0), (json{{"startLine", 8}, {"startColumn", 1}, {"endLine", 8}, {"endColumn", 2}}));
  EXPECT_EQ(region(1), (json{{"startLine", 9}, {"startColumn", 10}, {"endLine", 9}, {"endColumn", 11}}));
  EXPECT_EQ(region(2), (json{{"startLine", 9}, {"startColumn", 10}, {"endLine", 11}, {"endColumn", 1}}));
}

TEST(Sarif, FindingWithoutLocationIsLeftOutAndReported) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH101";
  f.message = "m";
  fx.findings.push_back(f);  // Span{} points nowhere
  json run = sarifOf(fx)["runs"][0];
  EXPECT_EQ(run["results"].size(), 0u);
  ASSERT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["level"], "warning");
}

TEST(Sarif, RunDiagnosticsBecomeNotifications) {
  ReportFixture fx;
  fx.diagnostics.push_back({RunDiagnostic::Severity::Warning, "/repo root/app/b.py", 3, "syntax error, analyzed what parsed", false});
  fx.diagnostics.push_back({RunDiagnostic::Severity::Error, "/repo root/app/a.bin", 0, "binary file skipped", true});
  json invocation = sarifOf(fx)["runs"][0]["invocations"][0];
  EXPECT_FALSE(invocation["executionSuccessful"]);
  const json& notes = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  // Sorted by path: a.bin first.
  EXPECT_EQ(notes[0]["level"], "error");
  EXPECT_EQ(notes[0]["message"]["text"], "binary file skipped");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            (json{{"uri", "app/a.bin"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_FALSE(notes[0]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(notes[1]["level"], "warning");
  EXPECT_EQ(notes[1]["locations"][0]["physicalLocation"]["region"], (json{{"startLine", 3}}));
}

TEST(Sarif, WarningsAloneKeepTheRunSuccessful) {
  ReportFixture fx;
  fx.diagnostics.push_back({RunDiagnostic::Severity::Warning, "", 0, "unknown key in configuration", false});
  json invocation = sarifOf(fx)["runs"][0]["invocations"][0];
  EXPECT_TRUE(invocation["executionSuccessful"]);
  EXPECT_FALSE(invocation["toolExecutionNotifications"][0].contains("locations"));
}

void addManyFindings(ReportFixture& fx, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Finding f;
    f.ruleId = "WH401";
    f.message = "finding " + std::to_string(i);
    // Reverse line order: truncation must keep the first in sorted order, not input order.
    f.location = Span{fx.hooks, static_cast<uint32_t>(12 - i % 12), 1, static_cast<uint32_t>(12 - i % 12), 2};
    fx.findings.push_back(f);
  }
}

TEST(Sarif, TruncatesToTheResultLimitDeterministically) {
  ReportFixture fx;
  addManyFindings(fx, 30);
  SarifLimits limits;
  limits.maxResults = 5;
  std::string first = renderSarif(fx.input(), testCatalog(), limits);
  EXPECT_EQ(first, renderSarif(fx.input(), testCatalog(), limits));
  json run = parse(first)["runs"][0];
  ASSERT_EQ(run["results"].size(), 5u);
  json all = parse(renderSarif(fx.input(), testCatalog()))["runs"][0]["results"];
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(run["results"][i], all[i]);
  EXPECT_EQ(run["results"][4]["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1u);
  std::string text = notes[0]["message"]["text"];
  EXPECT_NE(text.find("first 5 of 30 results"), std::string::npos) << text;
}

TEST(Sarif, TruncatesToTheByteLimit) {
  ReportFixture fx;
  addManyFindings(fx, 40);
  size_t unlimited = renderSarif(fx.input(), testCatalog()).size();
  SarifLimits limits;
  limits.maxBytes = unlimited - 2000;
  std::string text = renderSarif(fx.input(), testCatalog(), limits);
  EXPECT_LE(text.size(), limits.maxBytes);
  json run = parse(text)["runs"][0];
  size_t kept = run["results"].size();
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, 40u);
  std::string note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
  EXPECT_NE(note.find("first " + std::to_string(kept) + " of 40"), std::string::npos) << note;
  // The longest prefix that fits: one more result would not.
  limits.maxResults = kept + 1;
  limits.maxBytes = SIZE_MAX;
  EXPECT_GT(renderSarif(fx.input(), testCatalog(), limits).size(), text.size());
}

TEST(Sarif, GithubResultLimitIsTheDefault) {
  ReportFixture fx;
  addManyFindings(fx, 25001);
  SarifLimits limits;
  limits.maxBytes = SIZE_MAX;  // the count limit alone
  json run = parse(renderSarif(fx.input(), testCatalog(), limits))["runs"][0];
  EXPECT_EQ(run["results"].size(), 25000u);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
}

TEST(Sarif, LongFlowsKeepTheirSink) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH401";
  f.message = "m";
  f.location = Span{fx.hooks, 11, 5, 11, 22};
  for (uint32_t i = 0; i < 50; ++i) f.flow.push_back({Span{fx.hooks, 1 + i % 12, 1, 1 + i % 12, 2}, "step " + std::to_string(i)});
  fx.findings.push_back(f);
  SarifLimits limits;
  limits.maxThreadFlowLocations = 10;
  json steps = sarifOf(fx, limits)["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(steps.size(), 10u);
  EXPECT_EQ(steps[0]["location"]["message"]["text"], "step 0");
  EXPECT_EQ(steps[9]["location"]["message"]["text"], "step 49");
}

TEST(Sarif, OutputIsIndependentOfFindingOrder) {
  ReportFixture a;
  a.addStandardFindings();
  ReportFixture b;
  b.addStandardFindings();
  std::reverse(b.findings.begin(), b.findings.end());
  EXPECT_EQ(renderSarif(a.input(), testCatalog()), renderSarif(b.input(), testCatalog()));
}

TEST(Sarif, InvalidUtf8InMessagesDoesNotThrow) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH101";
  f.message = "reads \xFF\xFE";
  f.location = Span{fx.hooks, 8, 1, 8, 22};
  fx.findings.push_back(f);
  std::string text;
  ASSERT_NO_THROW(text = renderSarif(fx.input(), testCatalog()));
  EXPECT_NO_THROW(parse(text));
}

}  // namespace
}  // namespace hg
