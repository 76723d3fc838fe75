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

}  // namespace
}  // namespace hg::testing
