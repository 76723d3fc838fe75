// Applying inline suppressions to the engine's findings (cli/suppression_pass.h).
#include <gtest/gtest.h>

#include "cli/suppression_pass.h"
#include "engine/engine.h"
#include "test_support.h"

namespace hg {
namespace {

class SuppressionPassTest : public ::testing::Test {
 protected:
  // Lowers `source` as app/hooks.py and runs every rule.
  void scan(const std::string& source) {
    program_ = lowerPythonSources({{"app/hooks.py", source}});
    Diagnostics ruleDiags;
    findings_ = runRules(*program_, Knowledge::builtin(), EngineConfig{}, ruleDiags);
  }

  SuppressionSummary apply(bool reportUnused = false, std::set<std::string> rulesRun = {"WH101", "WH102"}) {
    SuppressionOptions options;
    options.reportUnused = reportUnused;
    options.rulesRun = std::move(rulesRun);
    return applySuppressions(*program_, findings_, options, diags_);
  }

  const Finding* finding(const std::string& ruleId) const {
    for (const Finding& f : findings_) {
      if (f.ruleId == ruleId) return &f;
    }
    return nullptr;
  }

  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const RunDiagnostic& d : diags_.all()) out.push_back(std::to_string(d.line) + ": " + d.message);
    return out;
  }

  std::unique_ptr<Program> program_;
  std::vector<Finding> findings_;
  Diagnostics diags_;
};

constexpr const char* kUnverified = R"(from flask import Flask, request
app = Flask(__name__)

@app.route("/webhook/stripe", methods=["POST"]){DECORATOR}
def stripe_webhook():{DEF}
    event = request.get_json()
    return event["id"]
)";

std::string withComments(const std::string& onDecorator, const std::string& onDef) {
  std::string text = kUnverified;
  text.replace(text.find("{DECORATOR}"), 11, onDecorator);
  text.replace(text.find("{DEF}"), 5, onDef);
  return text;
}

TEST_F(SuppressionPassTest, CommentOnTheReportedDefLineSuppresses) {
  scan(withComments("", "  # hookguard: ignore[WH101]"));
  const Finding* f = finding("WH101");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->location.line, 5u);  // WH101 is reported on the def line
  EXPECT_EQ(apply().suppressed, 1u);
  ASSERT_TRUE(f->suppressed());
  EXPECT_EQ(f->suppressions[0].comment.line, 5u);
  EXPECT_EQ(f->suppressions[0].comment.column, 24u);  // the '#'
  EXPECT_TRUE(messages().empty());
}

TEST_F(SuppressionPassTest, DirectiveInsideAStringIsNoComment) {
  // In a string that spans lines and in strings on the decorator line: nothing is suppressed,
  // nothing is malformed or unused; the real comment after a string still counts.
  scan(R"(from flask import Flask, request
app = Flask(__name__)
EXAMPLE = """
@app.route("/x", methods=["POST"])  # hookguard: ignore[WH101]
"""

@app.route("/webhook/stripe", methods=["POST"], defaults={"a": "# hookguard: ignore[WH101]", "b": '# hookguard: ignre'})
def stripe_webhook(a, b):
    event = request.get_json()
    return event["id"]

@app.route("/webhook/github", methods=["POST"], defaults={"a": "#"})  # hookguard: ignore[WH101]
def github_webhook(a):
    return request.get_json()["id"]
)");
  apply(true);
  std::vector<uint32_t> unsuppressed;
  for (const Finding& f : findings_) {
    if (f.ruleId == "WH101" && !f.suppressed()) unsuppressed.push_back(f.location.line);
  }
  EXPECT_EQ(unsuppressed, (std::vector<uint32_t>{8}));
  EXPECT_TRUE(messages().empty()) << ::testing::PrintToString(messages());
}

TEST_F(SuppressionPassTest, CommentOnTheDecoratorLineSuppresses) {
  scan(withComments("  # hookguard: ignore", ""));
  apply();
  const Finding* f = finding("WH101");
  ASSERT_NE(f, nullptr);
  ASSERT_TRUE(f->suppressed());
  EXPECT_EQ(f->suppressions[0].comment.line, 4u);
}

TEST_F(SuppressionPassTest, CommentForAnotherRuleDoesNotSuppress) {
  scan(withComments("", "  # hookguard: ignore[WH102]"));
  apply();
  const Finding* f = finding("WH101");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->suppressed());
}

TEST_F(SuppressionPassTest, RuleNamesAndGroupsAreAccepted) {
  scan(withComments("", "  # hookguard: ignore[missing-signature-verification]"));
  apply();
  ASSERT_NE(finding("WH101"), nullptr);
  EXPECT_TRUE(finding("WH101")->suppressed());
  scan(withComments("", "  # hookguard: ignore[WH1]"));
  apply();
  EXPECT_TRUE(finding("WH101")->suppressed());
}

TEST_F(SuppressionPassTest, CommentInsideTheBodyCoversOnlyItsOwnLine) {
  std::string text = withComments("", "");
  text.replace(text.find("request.get_json()"), 18, "request.get_json()  # hookguard: ignore");
  scan(text);
  apply();
  ASSERT_NE(finding("WH101"), nullptr);
  EXPECT_FALSE(finding("WH101")->suppressed());  // reported on the def line, not the body line
}

TEST_F(SuppressionPassTest, UnknownRuleAndMalformedCommentsAreReported) {
  scan(withComments("  # hookguard: ignore[WH999]", "  # hookguard: ignore[WH101"));
  apply();
  EXPECT_FALSE(finding("WH101")->suppressed());
  std::vector<std::string> got = messages();
  ASSERT_EQ(got.size(), 2u) << ::testing::PrintToString(got);
  EXPECT_NE(got[0].find("4: suppression comment names unknown rule"), std::string::npos) << got[0];
  EXPECT_NE(got[1].find("5: malformed suppression comment"), std::string::npos) << got[1];
}

TEST_F(SuppressionPassTest, UnusedIgnoresAreReportedOnlyWhenAskedAndOnlyForRulesThatRan) {
  scan(withComments("  # hookguard: ignore[WH102, WH503]", "  # hookguard: ignore[WH101]"));
  EXPECT_EQ(apply(false).unusedIgnores, 0u);
  EXPECT_TRUE(messages().empty());

  scan(withComments("  # hookguard: ignore[WH102, WH503]", "  # hookguard: ignore[WH101]"));
  SuppressionSummary summary = apply(true, {"WH101", "WH102"});  // WH503 did not run
  EXPECT_EQ(summary.unusedIgnores, 1u);
  std::vector<std::string> got = messages();
  ASSERT_EQ(got.size(), 1u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], "4: unused suppression of WH102 in '# hookguard: ignore[WH102, WH503]': no WH102 finding here");
}

TEST_F(SuppressionPassTest, UnusedBareIgnoreIsReported) {
  std::string text = withComments("", "");
  text += "\nx = 1  # hookguard: ignore\n";
  scan(text);
  EXPECT_EQ(apply(true).unusedIgnores, 1u);
  EXPECT_NE(messages().at(0).find("unused suppression comment '# hookguard: ignore'"), std::string::npos);
}

TEST_F(SuppressionPassTest, ContextFilesAreNotChecked) {
  scan(withComments("  # hookguard: ignore[WH999]", ""));
  SuppressionOptions options;
  options.reportUnused = true;
  options.rulesRun = {"WH101"};
  options.isReportedFile = [](FileId) { return false; };
  applySuppressions(*program_, findings_, options, diags_);
  EXPECT_TRUE(messages().empty());
}

}  // namespace
}  // namespace hg
