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

// With more than one job the program is cut into runs of functions and the rules that judge one
// function or handler at a time run over each run with a context of its own. What the parts
// share must still be judged once: a secret constant keying MACs in modules of both parts, a
// helper without a timeout called from routes of both parts, a verifier defined in the first
// module and called from the last.
TEST_F(RunRulesTest, SplittingTheProgramChangesNothing) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"app/config.py", "SHARED_SECRET = b'k3y-for-all-partners'\n"},
      {"app/signing.py", R"(
import hashlib
import hmac
from flask import abort, request
from app.config import SHARED_SECRET

def verify(body, signature):
    expected = hmac.new(SHARED_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        abort(401)
)"},
      {"app/notify.py", R"(
import requests

def notify(url):
    return requests.post(url, json={"ok": True})
)"}};
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    std::string body = i % 2 == 0 ? "    verify(request.get_data(), request.headers['X-Signature'])\n" : "";
    files.push_back({"app/partner" + n + ".py", R"(
import hashlib
import hmac
from flask import Blueprint, request
from app.config import SHARED_SECRET
from app.notify import notify
from app.signing import verify

bp = Blueprint("partner)" + n + R"(", __name__)

@bp.post("/hooks/partner)" + n + R"(")
def receive():
)" + body + R"(    event = request.get_json()
    notify("https://status.example.com/)" + n + R"(")
    return event["id"]

def legacy_check(signature):
    return hmac.new(SHARED_SECRET, b"ping", hashlib.sha1).hexdigest() == signature
)"});
  }
  load(files);
  auto describe = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
      out.push_back(f.ruleId + " " + std::to_string(f.location.file) + ":" + std::to_string(f.location.line) + " " +
                    f.message);
    }
    return out;
  };
  config_.jobs = 1;
  const std::vector<std::string> serial = describe(runRules(program(), knowledge_, config_, diags_));
  for (unsigned jobs : {2u, 3u, 5u}) {
    config_.jobs = jobs;
    EXPECT_EQ(describe(runRules(program(), knowledge_, config_, diags_)), serial) << jobs << " jobs";
  }
  auto count = [&](const std::string& rule) {
    size_t n = 0;
    for (const std::string& f : serial) n += f.starts_with(rule + " ") ? 1 : 0;
    return n;
  };
  EXPECT_EQ(count("WH101"), 3u);  // the partners that never call verify()
  EXPECT_EQ(count("WH107"), 1u);  // one literal, however many functions key a MAC with it
  EXPECT_EQ(count("WH403"), 1u);  // one call in the helper, whatever the number of routes
  EXPECT_EQ(count("WH106"), 6u);  // each module's SHA-1 MAC is its own
  EXPECT_EQ(count("WH102"), 6u);
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
