// The guard analysis on each control-flow shape: does a successful verification dominate the
// statement? Written as real Python, lowered by the front-end.
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class GuardTest : public EngineFixture {
 protected:
  void loadBody(const std::string& body) {
    load("import hmac, hashlib, stripe\n"
         "from flask import request, abort\n"
         "SECRET = b'k'\n"
         "def handle(data):\n    pass\n"
         "def f():\n" + body);
  }
};

TEST_F(GuardTest, AbortWhenResultLocalIsFalse) {
  loadBody(R"(    body = request.get_data()
    ok = hmac.compare_digest(hmac.new(SECRET, body, hashlib.sha256).hexdigest(), request.headers["X-Sig"])
    before = 1
    if not ok:
        abort(401)
    handle(request.json)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "before = 1"));
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, EarlyReturnOfAnError) {
  loadBody(R"(    sig = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sig):
        return "bad signature", 401
    handle(request.json)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, RaiseOnFailure) {
  loadBody(R"(    expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers["X-Sig"]):
        raise PermissionError("bad signature")
    handle(request.json)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, PlainEqualityCountsAsVerification) {
  loadBody(R"(    expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if expected != request.headers.get("X-Sig"):
        abort(403)
    handle(request.json)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, RaisingVerifierInsideTryWithReRaise) {
  loadBody(R"(    try:
        event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], "whsec")
    except ValueError:
        raise
    handle(event)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(event)"));
}

TEST_F(GuardTest, RaisingVerifierInsideTryWithAbortingHandler) {
  loadBody(R"(    try:
        event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], "whsec")
    except stripe.error.SignatureVerificationError:
        abort(400)
    handle(event)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(event)"));
}

TEST_F(GuardTest, SwallowedVerifierExceptionDoesNotVerify) {
  loadBody(R"(    event = None
    try:
        event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], "whsec")
    except Exception:
        pass
    handle(event)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(event)"));
}

TEST_F(GuardTest, CheckGuardingOnlyOneBranch) {
  loadBody(R"(    data = request.get_json()
    if data["type"] == "payment":
        if not hmac.compare_digest(hmac.new(SECRET, request.data, hashlib.sha256).hexdigest(), request.headers["X-Sig"]):
            abort(401)
        handle("payment")
    else:
        handle("other")
    handle("after")
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(\"payment\")"));
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(\"other\")"));
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(\"after\")"));
}

TEST_F(GuardTest, FailOpenWhenHeaderMissing) {
  loadBody(R"(    sig = request.headers.get("X-Sig")
    expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if sig and not hmac.compare_digest(expected, sig):
        abort(401)
    handle(request.json)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, MissingHeaderOrMismatchRejects) {
  loadBody(R"(    sig = request.headers.get("X-Sig")
    expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if not sig or not hmac.compare_digest(expected, sig):
        abort(401)
    handle(request.json)
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, VerifiedInsideThenBranchOnly) {
  loadBody(R"(    if hmac.compare_digest(hmac.new(SECRET, request.data, hashlib.sha256).hexdigest(), request.headers["X-Sig"]):
        handle("inside")
    handle("outside")
)");
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle(\"inside\")"));
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(\"outside\")"));
}

TEST_F(GuardTest, ResultLocalOverwrittenLosesItsMeaning) {
  loadBody(R"(    ok = hmac.compare_digest(hmac.new(SECRET, request.data, hashlib.sha256).hexdigest(), request.headers["X-Sig"])
    ok = True
    if not ok:
        abort(401)
    handle(request.json)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, IgnoredResultDoesNotVerify) {
  loadBody(R"(    hmac.compare_digest(hmac.new(SECRET, request.data, hashlib.sha256).hexdigest(), request.headers["X-Sig"])
    handle(request.json)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(request.json)"));
}

TEST_F(GuardTest, NoVerificationAtAll) {
  loadBody(R"(    data = request.get_json()
    handle(data)
)");
  EXPECT_FALSE(verifiedAt("app.hooks.f", "handle(data)"));
}

}  // namespace
}  // namespace hg::testing
