// Which request fields serve only to verify the request (WH501 leaves them alone): the signed
// fields of Mailgun-style schemes, followed through conversions, string building and locals,
// against fields that are acted on.
#include <gtest/gtest.h>

#include "engine/expr_walk.h"
#include "engine/verification_material.h"
#include "engine_fixture.h"

namespace hg {
namespace {

class VerificationMaterialTest : public testing::EngineFixture {
 protected:
  // Whether the first expression of `qualified` written exactly as `text` only verifies.
  bool onlyVerifies(const std::string& qualified, const std::string& text) {
    const Function& f = function(qualified);
    for (ExprId id = 0; id < f.exprs.size(); ++id) {
      if (spanText(program(), f.exprs[id].span, 500) == text) return onlyVerifiesRequest(ctx(), fn(qualified), id);
    }
    ADD_FAILURE() << "no expression '" << text << "' in " << qualified;
    return false;
  }
};

constexpr const char* kHeader = R"(import hashlib, hmac, os, time
from flask import Flask, request, abort
app = Flask(__name__)
KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()
)";

TEST_F(VerificationMaterialTest, SignedFieldsThroughLocalsConversionsAndTheClock) {
  load(std::string(kHeader) + R"(
@app.post("/mailgun")
def mailgun():
    timestamp = request.form.get("timestamp", "0")
    token = request.form["token"]
    if not timestamp or token is None:
        abort(400)
    if abs(time.time() - int(timestamp)) > 900:
        abort(400)
    message = "{}{}".format(timestamp, token).encode()
    expected = hmac.new(KEY, message, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.form.get("signature", "")):
        abort(401)
    save(request.form["sender"])
    return "", 204
)");
  const std::string h = "app.hooks.mailgun";
  EXPECT_TRUE(onlyVerifies(h, "request.form.get(\"timestamp\", \"0\")"));
  EXPECT_TRUE(onlyVerifies(h, "request.form[\"token\"]"));
  EXPECT_TRUE(onlyVerifies(h, "request.form.get(\"signature\", \"\")"));
  EXPECT_FALSE(onlyVerifies(h, "request.form[\"sender\"]"));
}

TEST_F(VerificationMaterialTest, AMacObjectsUpdateAndAVerifyingHelperCount) {
  load(std::string(kHeader) + R"(
def valid(ts, token, signature):
    mac = hmac.new(KEY, digestmod=hashlib.sha256)
    mac.update(ts.encode())
    mac.update(token.encode())
    return hmac.compare_digest(mac.hexdigest(), signature)

@app.post("/mailgun")
def mailgun():
    sig = request.get_json()["signature"]
    parts = "".join([sig["timestamp"], sig["token"]])
    if not hmac.compare_digest(hmac.new(KEY, parts.encode(), hashlib.sha256).hexdigest(), sig["signature"]):
        abort(401)
    return "", 204

@app.post("/mailgun2")
def mailgun2():
    form = request.form
    if not valid(form["timestamp"], form["token"], form["signature"]):
        abort(401)
    return "", 204
)");
  EXPECT_TRUE(onlyVerifies("app.hooks.mailgun", "sig[\"timestamp\"]"));
  EXPECT_TRUE(onlyVerifies("app.hooks.mailgun", "sig[\"signature\"]"));
  EXPECT_TRUE(onlyVerifies("app.hooks.mailgun2", "form[\"token\"]"));
  EXPECT_TRUE(onlyVerifies("app.hooks.valid", "ts"));
}

// One use beyond the verification makes the field data: a call, a store, a return, a
// comparison with a literal, an index, a second variable that escapes.
TEST_F(VerificationMaterialTest, AnyOtherUseIsAUse) {
  load(std::string(kHeader) + R"(
CACHE = {}

@app.post("/mailgun")
def mailgun():
    token = request.form["token"]
    timestamp = request.form["timestamp"]
    kind = request.form["event"]
    sender = request.form["sender"]
    copy = timestamp
    expected = hmac.new(KEY, (timestamp + token).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.form["signature"]):
        abort(401)
    CACHE[token] = True
    log(copy)
    if kind == "delivered":
        return sender
    return "", 204
)");
  const std::string h = "app.hooks.mailgun";
  EXPECT_FALSE(onlyVerifies(h, "request.form[\"token\"]"));      // an index
  EXPECT_FALSE(onlyVerifies(h, "request.form[\"timestamp\"]"));  // through `copy` to log()
  EXPECT_FALSE(onlyVerifies(h, "request.form[\"event\"]"));      // compared with a literal
  EXPECT_FALSE(onlyVerifies(h, "request.form[\"sender\"]"));     // returned
  EXPECT_TRUE(onlyVerifies(h, "request.form[\"signature\"]"));
}

// A chain of assignments longer than the walk's budget is treated as a use, not followed forever.
TEST_F(VerificationMaterialTest, LongAssignmentChainsEndInAUse) {
  std::string body = "@app.post('/h')\ndef h():\n    v0 = request.form['token']\n";
  for (int i = 1; i < 5000; ++i) body += "    v" + std::to_string(i) + " = v" + std::to_string(i - 1) + "\n";
  body += "    hmac.new(KEY, v4999.encode(), hashlib.sha256)\n    return '', 204\n";
  load(std::string(kHeader) + body);
  EXPECT_FALSE(onlyVerifies("app.hooks.h", "request.form['token']"));
}

}  // namespace
}  // namespace hg
