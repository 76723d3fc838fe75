// --baseline: reading an earlier run's SARIF log and filtering the findings it holds
// (report/baseline.h), round-tripped through the SARIF reporter.
#include <gtest/gtest.h>

#include <sstream>

#include "report/baseline.h"
#include "report/line_hash.h"
#include "report/report.h"

namespace hg {
namespace {

constexpr const char* kFirst =
    "@app.route('/hook', methods=['POST'])\n"  // 1
    "def hook():\n"                            // 2
    "    return request.get_json()\n";         // 3

class BaselineTest : public ::testing::Test {
 protected:
  FileId addFile(const std::string& path, const std::string& text) {
    SourceFile file;
    file.displayPath = path;
    file.text = text;  // no absolutePath: hashed from memory
    file.indexLines();
    return program_.sources.add(std::move(file));
  }

  static Finding finding(const std::string& ruleId, FileId file, uint32_t line) {
    Finding f;
    f.ruleId = ruleId;
    f.message = "m";
    f.location = Span{file, line, 1, line, 4};
    return f;
  }

  std::string sarifOf(const std::vector<Finding>& findings) {
    std::vector<RunDiagnostic> none;
    ReportInput input{program_, findings, none, "/repo"};
    std::ostringstream out;
    writeSarif(out, input);
    return out.str();
  }

  Program program_;
};

TEST_F(BaselineTest, KnownFindingsAreRemovedAndNewOnesKept) {
  FileId a = addFile("app/a.py", kFirst);
  Baseline baseline = Baseline::parse(sarifOf({finding("WH101", a, 2)}), "base.sarif");
  EXPECT_EQ(baseline.size(), 1u);

  std::vector<Finding> now = {finding("WH101", a, 2), finding("WH201", a, 2), finding("WH101", a, 3)};
  EXPECT_EQ(baseline.filter(program_, now), 1u);
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0].ruleId, "WH201");  // same line, another rule
  EXPECT_EQ(now[1].location.line, 3u);  // same rule, another line
}

TEST_F(BaselineTest, FingerprintFollowsTheLineTextNotItsNumber) {
  FileId before = addFile("app/a.py", kFirst);
  Baseline baseline = Baseline::parse(sarifOf({finding("WH101", before, 2)}), "base.sarif");
  FileId after = addFile("app/a.py", std::string("import os\n\n") + kFirst);  // the handler moved down 2 lines
  std::vector<Finding> now = {finding("WH101", after, 4)};
  EXPECT_EQ(baseline.filter(program_, now), 1u);
  EXPECT_TRUE(now.empty());
}

TEST_F(BaselineTest, EachBaselineResultHidesOneFinding) {
  FileId a = addFile("app/a.py", kFirst);
  FileId b = addFile("app/b.py", kFirst);  // identical text: identical line hashes
  Baseline baseline = Baseline::parse(sarifOf({finding("WH101", a, 2)}), "base.sarif");
  std::vector<Finding> now = {finding("WH101", a, 2), finding("WH101", b, 2)};
  EXPECT_EQ(baseline.filter(program_, now), 1u);
  EXPECT_EQ(now.size(), 1u);
}

TEST_F(BaselineTest, SuppressedResultsAreNotPartOfTheBaseline) {
  FileId a = addFile("app/a.py", kFirst);
  Finding suppressed = finding("WH101", a, 2);
  suppressed.suppressions.push_back(Suppression{Span{a, 2, 13, 2, 30}});
  Baseline baseline = Baseline::parse(sarifOf({suppressed}), "base.sarif");
  EXPECT_EQ(baseline.size(), 0u);
}

TEST_F(BaselineTest, MalformedLogsAreErrorsNamingTheFile) {
  auto errorOf = [](const std::string& text) -> std::string {
    try {
      Baseline::parse(text, "base.sarif");
    } catch (const BaselineError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(errorOf("{").rfind("base.sarif: not a usable baseline: invalid JSON", 0), 0u) << errorOf("{");
  EXPECT_NE(errorOf("[]").find("no \"runs\" array"), std::string::npos);
  // A number beyond a double is nlohmann's out_of_range, not a parse_error: still explained.
  EXPECT_EQ(errorOf(R"({"runs": [1e999]})").rfind("base.sarif: not a usable baseline: invalid JSON", 0), 0u);
  EXPECT_NE(errorOf(R"({"runs": [{"tool": {"driver": {"name": "other"}}, "results": []}]})").find("no run of hookguard"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"runs": [{"tool": {"driver": {"name": "hookguard"}}, "results": {}}]})").find("not an array"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"runs": [{"tool": {"driver": {"name": "hookguard"}}, "results": [{"level": "error"}]}]})")
                .find("no ruleId"),
            std::string::npos);
  EXPECT_EQ(errorOf(R"({"runs": [{"tool": {"driver": {"name": "hookguard"}}}]})"), "(no error)");  // an empty run
}

}  // namespace
}  // namespace hg
