// WH104: MACs and SDK verifiers fed the parsed or re-encoded body instead of the raw bytes.
#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace hg {
namespace {

using testing::Lines;

class SignatureBodyTest : public testing::AuthRuleFixture {};

TEST_F(SignatureBodyTest, ReencodedAndParsedBodiesAreReportedAtTheMacCall) {
  load(R"(import hashlib, hmac, json, os
import stripe
from flask import Flask, request
app = Flask(__name__)
KEY = os.environ["HOOK_KEY"].encode()

def body_text():
    return json.dumps(request.get_json())

@app.post("/hooks/a")
def hook_a():
    a = hmac.new(KEY, json.dumps(request.json).encode(), hashlib.sha256)
    b = hmac.new(KEY, str(request.get_json()).encode(), hashlib.sha256)
    c = hmac.new(KEY, digestmod=hashlib.sha256)
    c.update(body_text().encode())
    d = hmac.new(KEY, f"{request.get_json()}".encode(), hashlib.sha256)
    e = stripe.Webhook.construct_event(request.get_json(), request.headers["Stripe-Signature"], "whsec")
    return a, b, c, d, e
)");
  EXPECT_EQ(linesOf("WH104"), (Lines{12, 13, 15, 16, 17}));
}

TEST_F(SignatureBodyTest, RawBytesAndSignedFieldsAreFine) {
  load(R"(import hashlib, hmac, os
from flask import Flask, request
app = Flask(__name__)
KEY = os.environ["HOOK_KEY"].encode()

@app.post("/hooks/b")
def hook_b():
    body = request.get_data()
    a = hmac.new(KEY, body, hashlib.sha256)
    ts = request.headers["X-Slack-Request-Timestamp"]
    b = hmac.new(KEY, f"v0:{ts}:{body.decode()}".encode(), hashlib.sha256)
    fields = request.form["timestamp"] + request.form["token"]
    c = hmac.new(KEY, fields.encode(), hashlib.sha256)
    return a, b, c
)");
  EXPECT_TRUE(linesOf("WH104").empty());
}

}  // namespace
}  // namespace hg
