// WH107: literals reaching the key of a MAC or a provider verifier, reported at the literal.
#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace hg {
namespace {

using testing::Lines;

class HardcodedSecretTest : public testing::AuthRuleFixture {};

TEST_F(HardcodedSecretTest, ConstantsInlineLiteralsSdkKeysAndTokens) {
  load(R"(import hashlib, hmac
import stripe
from flask import Flask, request
from svix.webhooks import Webhook
app = Flask(__name__)
WEBHOOK_SECRET = b"whsec_51f0c2a9"
GITLAB_TOKEN = "glpat-test-token-value"
hook = Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")

def mac(body, key=None):
    return hmac.new(key, body, hashlib.sha256).hexdigest()

@app.post("/hooks/a")
def hook_a():
    a = hmac.new(WEBHOOK_SECRET, request.get_data(), hashlib.sha256)
    b = mac(request.get_data(), b"inline-key-123")
    c = stripe.Webhook.construct_event(request.get_data(), request.headers["Stripe-Signature"], "whsec_live_abc")
    d = hmac.compare_digest(request.headers.get("X-Gitlab-Token", ""), GITLAB_TOKEN)
    e = hook.verify(request.get_data(), request.headers)
    return a, b, c, d, e
)");
  EXPECT_EQ(linesOf("WH107"), (Lines{6, 7, 8, 16, 17}));
  auto messages = messagesOf("WH107");
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages[0].find("webhook secret WEBHOOK_SECRET is hard-coded"), std::string::npos) << messages[0];
}

TEST_F(HardcodedSecretTest, EnvironmentConfigurationAndFilesNeverFire) {
  load(R"(import hashlib, hmac, os
from flask import Flask, request, current_app
app = Flask(__name__)
A = os.environ.get("WEBHOOK_SECRET", "insecure-default")
B = os.getenv("OTHER_SECRET") or "fallback"
with open("/etc/hook.key") as fh:
    C = fh.read().strip()
try:
    D = os.environ["D_SECRET"]
except KeyError:
    D = "only-in-development"

@app.post("/hooks/b")
def hook_b():
    body = request.get_data()
    keys = [A, B, C, D, current_app.config["WEBHOOK_SECRET"]]
    return [hmac.new(k.encode(), body, hashlib.sha256) for k in keys], hmac.new(A.encode(), body, hashlib.sha256), \
        hmac.new(B.encode(), body, hashlib.sha256), hmac.new(C.encode(), body, hashlib.sha256), \
        hmac.new(D.encode(), body, hashlib.sha256)
)");
  EXPECT_TRUE(linesOf("WH107").empty());
}

}  // namespace
}  // namespace hg
