// The fix generators (engine/fixes.h): each fix applied to a handler, the code analyzed again,
// the finding gone and the text still parsing; shapes that are not certain get no fix.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/text_edits.h"
#include "engine/engine.h"
#include "engine/fixes.h"
#include "test_support.h"

namespace hg {
namespace {

struct Analysis {
  std::unique_ptr<Program> program;
  std::vector<Finding> findings;
  Diagnostics diagnostics;
};

// Diagnostics hold a mutex: an Analysis stays where it was made.
std::unique_ptr<Analysis> analyze(const std::string& source) {
  auto result = std::make_unique<Analysis>();
  Analysis& a = *result;
  const Knowledge& knowledge = Knowledge::builtin();
  a.program = lowerPythonSources({{"app/hooks.py", source}}, knowledge, &a.diagnostics);
  EngineConfig config;
  a.findings = runRules(*a.program, knowledge, config, a.diagnostics);
  addFixes(*a.program, knowledge, config, a.findings);
  return result;
}

const Finding* findingOf(const Analysis& a, const std::string& rule) {
  for (const Finding& f : a.findings) {
    if (f.ruleId == rule) return &f;
  }
  return nullptr;
}

// Applies every enabled fix of `rule` and returns the new text.
std::string fixed(const Analysis& a, const std::string& rule) {
  std::vector<const Fix*> fixes;
  for (const Finding& f : a.findings) {
    if (f.ruleId == rule && f.fix()) fixes.push_back(f.fix());
  }
  std::vector<const Fix*> taken;
  for (size_t i : compatibleFixes(fixes)) taken.push_back(fixes[i]);
  return applyEdits(a.program->sources.get(0).text, mergedEdits(taken));
}

bool hasSyntaxError(const Analysis& a) {
  for (const RunDiagnostic& d : a.diagnostics.all()) {
    if (d.message.find("syntax") != std::string::npos) return true;
  }
  return false;
}

// Applies the rule's fixes, checks the result, and returns it.
std::string applyAndRecheck(const std::string& source, const std::string& rule) {
  std::unique_ptr<Analysis> analyzed = analyze(source);
  const Analysis& before = *analyzed;
  const Finding* f = findingOf(before, rule);
  EXPECT_NE(f, nullptr) << rule << " not reported on:\n" << source;
  if (!f) return source;
  EXPECT_NE(f->fix(), nullptr) << rule << " has no fix:\n" << source;
  std::string text = fixed(before, rule);
  std::unique_ptr<Analysis> reanalyzed = analyze(text);
  const Analysis& after = *reanalyzed;
  EXPECT_EQ(findingOf(after, rule), nullptr) << rule << " still reported after the fix:\n" << text;
  EXPECT_FALSE(hasSyntaxError(after)) << text;
  // Idempotence: nothing left for the rule to fix.
  EXPECT_EQ(fixed(after, rule), text);
  return text;
}

const char* kFlaskHeader =
    "import hashlib\n"
    "import os\n"
    "from flask import Flask, abort, request\n"
    "\n"
    "app = Flask(__name__)\n"
    "app.config[\"MAX_CONTENT_LENGTH\"] = 1024\n"
    "SECRET = os.environ[\"S\"].encode()\n"
    "\n";

std::string compareHandler(const std::string& imports, const std::string& condition) {
  return "\"\"\"Receiver.\"\"\"\n" + imports + kFlaskHeader +
         "@app.post(\"/hooks/github\")\n"
         "def hook():\n"
         "    expected = \"sha256=\" + hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()\n"
         "    signature = request.headers.get(\"X-Hub-Signature-256\", \"\")\n"
         "    if " + condition + ":\n"
         "        abort(401)\n"
         "    return \"\", 204\n";
}

const char* kUnlimitedApp =
    "import hmac\n"
    "import hashlib\n"
    "import requests\n"
    "from flask import Flask, abort, request\n"
    "\n"
    "def create_app():\n"
    "    app = Flask(__name__)  # the receiver\n"
    "\n"
    "    @app.post(\"/hooks/github\")\n"
    "    def hook():\n"
    "        if not hmac.compare_digest(b\"x\", request.headers.get(\"X-Sig\", \"\").encode()):\n"
    "            abort(401)\n"
    "        event = request.get_data()\n"
    "        requests.post(\"https://ci.example/builds\", data=event,\n"
    "                      headers={\"a\": \"b\"},\n"
    "        )\n"
    "        return \"\", 204\n"
    "\n"
    "    return app\n";

TEST(Fixes, NotEqualBecomesNotCompareDigest) {
  std::string text = applyAndRecheck(compareHandler("import hmac\n", "expected != signature"), "WH102");
  EXPECT_NE(text.find("    if not hmac.compare_digest(expected, signature):\n"), std::string::npos) << text;
}

TEST(Fixes, EqualBecomesCompareDigestAndImportsHmacAfterTheDocstring) {
  std::string source = compareHandler("from __future__ import annotations\n", "not (expected == signature)");
  // hmac.new needs the module too: the handler imports it under another name.
  source.replace(source.find("hmac.new"), 8, "h.new");
  source.insert(source.find("import hashlib"), "import hmac as h\n");
  std::string text = applyAndRecheck(source, "WH102");
  EXPECT_NE(text.find("if not (h.compare_digest(expected, signature)):"), std::string::npos) << text;
  EXPECT_EQ(text.find("import hmac\n"), std::string::npos) << text;
}

TEST(Fixes, MissingImportGoesBeforeTheFirstImportAfterFuture) {
  std::string source = compareHandler("from __future__ import annotations\n", "expected != signature");
  source.replace(source.find("hmac.new"), 8, "hashlib.new");  // no hmac import at all
  std::unique_ptr<Analysis> analyzed = analyze(source);
  const Analysis& a = *analyzed;
  const Finding* f = findingOf(a, "WH102");
  ASSERT_NE(f, nullptr);
  ASSERT_NE(f->fix(), nullptr);
  std::string text = fixed(a, "WH102");
  EXPECT_NE(text.find("from __future__ import annotations\nimport hmac\nimport hashlib\n"), std::string::npos) << text;
}

TEST(Fixes, FromImportIsUsedAsIs) {
  std::string source = compareHandler("from hmac import compare_digest\nimport hmac\n", "expected == signature");
  std::string text = applyAndRecheck(source, "WH102");
  EXPECT_NE(text.find("if compare_digest(expected, signature):"), std::string::npos) << text;
}

TEST(Fixes, ChainedOrMembershipComparisonsGetNoFix) {
  for (const char* condition : {"expected == signature == expected", "signature in [expected]"}) {
    std::unique_ptr<Analysis> a = analyze(compareHandler("import hmac\n", condition));
    for (const Finding& f : a->findings) {
      if (f.ruleId == "WH102") {
        EXPECT_EQ(f.fix(), nullptr) << condition;
      }
    }
  }
}

TEST(Fixes, NotStaysParenthesisedAsAnOperand) {
  std::string text = applyAndRecheck(compareHandler("import hmac\n", "0 + (expected != signature)"), "WH102");
  EXPECT_NE(text.find("if 0 + (not hmac.compare_digest(expected, signature)):"), std::string::npos) << text;
}

TEST(Fixes, AStatementSharingItsLineGetsNoBodyLimit) {
  std::string source = kUnlimitedApp;
  source.replace(source.find("    app = Flask(__name__)"), 25, "    x = 1; app = Flask(__name__)");
  std::unique_ptr<Analysis> a = analyze(source);
  const Finding* f = findingOf(*a, "WH301");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->fix(), nullptr);
}

TEST(Fixes, OneSidedWindowGetsAbs) {
  std::string source = std::string("import hmac\nimport time\n") + kFlaskHeader +
                       "@app.post(\"/hooks/slack\")\n"
                       "def hook():\n"
                       "    ts = request.headers.get(\"X-Slack-Request-Timestamp\", \"0\")\n"
                       "    if time.time() - int(ts) > 300:\n"
                       "        abort(401)\n"
                       "    body = request.get_data()\n"
                       "    expected = hmac.new(SECRET, ts.encode() + body, hashlib.sha256).hexdigest()\n"
                       "    if not hmac.compare_digest(expected, request.headers.get(\"X-Slack-Signature\", \"\")):\n"
                       "        abort(401)\n"
                       "    return \"\", 204\n";
  std::string text = applyAndRecheck(source, "WH203");
  EXPECT_NE(text.find("if abs(time.time() - int(ts)) > 300:"), std::string::npos) << text;
}

TEST(Fixes, MacOverReserialisedJsonUsesTheRawBody) {
  std::string source = std::string("import hmac\nimport json\n") + kFlaskHeader +
                       "@app.post(\"/partner/callback\")\n"
                       "def hook():\n"
                       "    data = request.get_json()\n"
                       "    body = json.dumps(data, sort_keys=True).encode()\n"
                       "    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()\n"
                       "    if not hmac.compare_digest(expected, request.headers.get(\"X-Sig\", \"\")):\n"
                       "        abort(401)\n"
                       "    return \"\", 204\n";
  std::string text = applyAndRecheck(source, "WH104");
  EXPECT_NE(text.find("hmac.new(SECRET, request.get_data(), hashlib.sha256)"), std::string::npos) << text;
}


// The rule's fix on kUnlimitedApp: unsafe, and it works.
std::string unsafeFixOfUnlimitedApp(const std::string& rule) {
  std::unique_ptr<Analysis> a = analyze(kUnlimitedApp);
  const Finding* f = findingOf(*a, rule);
  EXPECT_TRUE(f && f->fix() && f->fix()->applicability == FixApplicability::Unsafe) << rule;
  return applyAndRecheck(kUnlimitedApp, rule);
}

TEST(Fixes, BodyLimitIsSetAfterTheAppAndIsUnsafe) {
  std::string text = unsafeFixOfUnlimitedApp("WH301");
  EXPECT_NE(text.find("    app = Flask(__name__)  # the receiver\n    app.config[\"MAX_CONTENT_LENGTH\"] = 1 * 1024 * 1024\n"),
            std::string::npos)
      << text;
}

TEST(Fixes, TimeoutIsAddedAfterTheLastArgumentAndIsUnsafe) {
  std::string text = unsafeFixOfUnlimitedApp("WH403");
  EXPECT_NE(text.find("headers={\"a\": \"b\"}, timeout=10,\n"), std::string::npos) << text;
}

TEST(TextEdits, IdenticalEditsAreSharedAndOverlappingOnesWait) {
  Fix importA{"a", FixApplicability::Safe, {{0, 0, 0, "import hmac\n"}, {0, 10, 12, "x"}}};
  Fix importB{"b", FixApplicability::Safe, {{0, 0, 0, "import hmac\n"}, {0, 20, 22, "y"}}};
  Fix overlapping{"c", FixApplicability::Safe, {{0, 11, 21, "z"}}};
  EXPECT_EQ(compatibleFixes({&importA, &importB, &overlapping}), (std::vector<size_t>{0, 1}));
  std::string text(30, '.');
  EXPECT_EQ(applyEdits(text, mergedEdits({&importA, &importB})),
            "import hmac\n" + std::string(10, '.') + "x" + std::string(8, '.') + "y" + std::string(8, '.'));
  EXPECT_TRUE(editsConflict({0, 5, 5, "a"}, {0, 5, 5, "b"}));
  EXPECT_TRUE(editsConflict({0, 5, 5, "a"}, {0, 2, 5, "b"}));
  EXPECT_FALSE(editsConflict({0, 2, 5, "a"}, {0, 5, 7, "b"}));
}

}  // namespace
}  // namespace hg
