// WH107 through committed configuration files: a key the handler reads from app.config,
// assigned a literal in the file the app loads with from_pyfile, is reported in that file.
#include <gtest/gtest.h>

#include "engine/config_files.h"
#include "temp_tree.h"

namespace hg {
namespace {

using testing::TempTree;
using Lines = std::vector<std::string>;

constexpr const char* kApp = R"(from flask import Flask
app = Flask(__name__, instance_relative_config=True)
app.config.from_pyfile("svc.cfg")
from svc import hooks
)";

constexpr const char* kHooks = R"(import hashlib, hmac, time
from flask import abort, current_app, request
from svc import app

def check(secret):
    stamp = request.headers.get("X-Timestamp", "0")
    if abs(time.time() - int(stamp)) > 300:
        abort(401)
    good = hmac.new(secret.encode(), stamp.encode() + request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(good, request.headers.get("X-Signature", "")):
        abort(401)

@app.post("/a")
def a():
    check(current_app.config["A_SECRET"])
    return "", 204

@app.post("/b")
def b():
    check(app.config.get("B_SECRET"))
    return "", 204

@app.post("/c")
def c():
    check(current_app.config["C_SECRET"])
    return "", 204

@app.post("/d")
def d():
    check(current_app.config["D_SECRET"])
    return "", 204
)";

TEST(ConfigFileSecrets, LiteralInTheInstanceFileIsReportedThere) {
  TempTree t;
  t.write("svc/__init__.py", kApp);
  t.write("svc/hooks.py", kHooks);
  t.write("instance/svc.cfg", "import os\nMAX_CONTENT_LENGTH = 1 << 20\nA_SECRET = \"whsec_0f9e8d7c6b5a4\"  # prod\n"
                              "B_SECRET = b'k-19af03c2e7'\nC_SECRET = os.environ[\"C_SECRET\"]\n"
                              "D_SECRET = os.environ.get(\"D_SECRET\", \"dev-only-d-secret\")\n");
  EXPECT_EQ(t.findings("WH107"), (Lines{"instance/svc.cfg:3", "instance/svc.cfg:4"}));
}

TEST(ConfigFileSecrets, PlaceholdersSuppressionsAndKeysNobodyReadsDoNotFire) {
  TempTree t;
  t.write("svc/__init__.py", kApp);
  t.write("svc/hooks.py", kHooks);
  t.write("instance/svc.cfg", "A_SECRET = \"changeme\"\nB_SECRET = \"<your webhook secret>\"\n"
                              "C_SECRET = \"fixture-c-secret\"  # hookguard: ignore[WH107]\nUNUSED_SECRET = \"u-7d1e0c9b\"\n"
                              "if True:\n    D_SECRET = \"d-secret-in-a-branch\"\n");
  EXPECT_TRUE(t.findings("WH107").empty());
}

TEST(ConfigFileSecrets, OnlyTheLoadedFileCounts) {
  TempTree t;
  // Flask loads the first candidate: the package's own directory before the instance folder.
  t.write("svc/__init__.py", kApp);
  t.write("svc/hooks.py", kHooks);
  t.write("svc/svc.cfg", "A_SECRET = \"pkg-a-secret-81c3\"\n");
  t.write("instance/svc.cfg", "A_SECRET = \"instance-a-secret-4e2f\"\n");
  t.write("instance/other.cfg", "B_SECRET = \"not-loaded-b-secret\"\n");
  EXPECT_EQ(t.findings("WH107"), (Lines{"svc/svc.cfg:1"}));
}

TEST(ConfigFileSecrets, TokenComparedWithAHeader) {
  TempTree t;
  t.write("svc/__init__.py", kApp);
  t.write("svc/hooks.py", R"(import time
from flask import abort, current_app, request
from svc import app

@app.post("/token")
def token():
    if abs(time.time() - int(request.headers.get("X-Timestamp", "0"))) > 300:
        abort(401)
    if request.headers.get("X-Hook-Token") != current_app.config["HOOK_TOKEN"]:
        abort(401)
    return "", 204
)");
  t.write("instance/svc.cfg", "HOOK_TOKEN = \"tok_5b2e91d04c\"\n");
  EXPECT_EQ(t.findings("WH107"), (Lines{"instance/svc.cfg:1"}));
}

TEST(ConfigFiles, StringLiteralValues) {
  auto a = configStringLiteral("\"whsec_1\"  # note");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "whsec_1");
  EXPECT_EQ(a->length, 9u);
  auto b = configStringLiteral("rb'a\\'");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "a\\");
  auto c = configStringLiteral("'it\\'s' ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->text, "it\\'s");
  auto d = configStringLiteral("\"\"\"multi\"\"\"");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->text, "multi");
  EXPECT_FALSE(configStringLiteral("f\"{X}\""));
  EXPECT_FALSE(configStringLiteral("\"a\" + SUFFIX"));
  EXPECT_FALSE(configStringLiteral("os.environ[\"A\"]"));
  EXPECT_FALSE(configStringLiteral("\"unterminated"));
  EXPECT_FALSE(configStringLiteral(""));
}

}  // namespace
}  // namespace hg
