// runRules: selection, level overrides, ordering and one finding per (rule, location).
#include "engine_fixture.h"

#include <algorithm>

namespace hg::testing {
namespace {

class RunRulesTest : public EngineFixture {};

constexpr const char* kTwoRoutesOneHandler = R"(
from flask import Flask, request
app = Flask(__name__)

@app.post("/hooks/b")
def second():
    return str(request.json)

@app.post("/hooks/a")
@app.post("/hooks/a2")
def first():
    return str(request.json)
)";

TEST_F(RunRulesTest, UnknownRuleIdsAreUsageErrors) {
  load(kTwoRoutesOneHandler);
  config_.select = {"WH999"};
  EXPECT_THROW(runRules(program(), knowledge_, config_, diags_), UnknownRuleError);
  config_.select = {};
  config_.ignore = {"nope"};
  EXPECT_THROW(runRules(program(), knowledge_, config_, diags_), UnknownRuleError);
  config_.ignore = {};
  config_.levelOverrides = {{"WH000", Level::Note}};
  EXPECT_THROW(runRules(program(), knowledge_, config_, diags_), UnknownRuleError);
}

TEST_F(RunRulesTest, SelectIgnoreAndGroups) {
  load(kTwoRoutesOneHandler);
  config_.select = {"WH1"};
  auto all = runRules(program(), knowledge_, config_, diags_);
  EXPECT_FALSE(all.empty());
  for (const Finding& f : all) EXPECT_TRUE(f.ruleId.starts_with("WH1")) << f.ruleId;
  config_.ignore = {"WH101"};
  auto none = runRules(program(), knowledge_, config_, diags_);
  for (const Finding& f : none) EXPECT_NE(f.ruleId, "WH101");
}

TEST_F(RunRulesTest, LevelOverridesSortingAndOneFindingPerLocation) {
  load(kTwoRoutesOneHandler);
  config_.select = {"WH101"};
  config_.levelOverrides = {{"WH101", Level::Warning}};
  auto findings = runRules(program(), knowledge_, config_, diags_);
  // `first` serves two routes: one finding at its def line.
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_LT(findings[0].location.line, findings[1].location.line);
  for (const Finding& f : findings) EXPECT_EQ(f.level, Level::Warning);
  EXPECT_TRUE(std::is_sorted(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return findingLess(a, b, program().sources);
  }));
}

TEST(RuleCatalog, WholeCatalogHasMetadataAndImplementedRulesHaveDocs) {
  const auto& catalog = catalogMetadata();
  ASSERT_EQ(catalog.size(), 18u);
  EXPECT_EQ(catalog.front().id, "WH101");
  EXPECT_EQ(catalog.back().id, "WH503");
  for (const RuleMeta& m : catalog) {
    EXPECT_FALSE(m.name.empty());
    EXPECT_FALSE(m.securitySeverity.empty());
    EXPECT_FALSE(m.cwes.empty());
  }
  for (const auto& rule : allRules()) {
    EXPECT_NE(catalogEntry(rule->meta().id), nullptr);
    EXPECT_NE(rule->meta().docMarkdown.find("## What it does"), std::string::npos) << rule->meta().id;
  }
  ASSERT_NE(findRule("WH101"), nullptr);
  EXPECT_EQ(findRule("WH101")->meta().name, "missing-signature-verification");
}

// With more than one job the taint analysis runs on its own thread while the other rules run;
// the findings, their order, messages and flows must be those of a one-thread run.
TEST_F(RunRulesTest, TaintBesideTheOtherRulesChangesNothing) {
  load({{"app/hooks.py", R"(
import requests
from flask import Flask, request, redirect
from app.fetch import fetch

app = Flask(__name__)

@app.post("/hooks/unfurl")
def unfurl():
    event = request.get_json()
    target = event["url"]
    return fetch(target) + redirect(event["next"]).location

@app.post("/hooks/plain")
def plain():
    return requests.get(request.json["callback"], timeout=5).text
)"},
        {"app/fetch.py", R"(
import requests

def fetch(url):
    link = url
    return requests.get(link).text
)"}});
  auto describe = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
      std::string text = f.ruleId + " " + std::to_string(f.location.line) + ":" + std::to_string(f.location.column) +
                         " " + f.message;
      for (const FlowStep& step : f.flow) text += " | " + std::to_string(step.span.line) + " " + step.message;
      out.push_back(text);
    }
    return out;
  };
  config_.jobs = 1;
  const std::vector<std::string> serial = describe(runRules(program(), knowledge_, config_, diags_));
  config_.jobs = 2;
  const std::vector<std::string> beside = describe(runRules(program(), knowledge_, config_, diags_));
  EXPECT_EQ(serial, beside);
  size_t taintFindings = 0;
  for (const std::string& f : serial) taintFindings += f.starts_with("WH4") || f.starts_with("WH5") ? 1 : 0;
  EXPECT_GE(taintFindings, 3u);  // the SSRFs through the helper and directly, the redirect
}

// A taint rule selected alone still gets its analysis from the background thread.
TEST_F(RunRulesTest, TaintRuleAloneWithJobs) {
  load(kTwoRoutesOneHandler);
  config_.jobs = 2;
  config_.select = {"WH401"};
  EXPECT_TRUE(runRules(program(), knowledge_, config_, diags_).empty());
  config_.select = {"WH101"};  // no taint rule: no thread is started
  EXPECT_EQ(runRules(program(), knowledge_, config_, diags_).size(), 2u);
}

}  // namespace
}  // namespace hg::testing
