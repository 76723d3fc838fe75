// Verification summaries of helpers, and what a caller concludes from them.
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class SummaryTest : public EngineFixture {
 protected:
  const VerificationSummary& summary(const std::string& qualified) { return ctx().summaries().summary(fn(qualified)); }
};

constexpr const char* kHelpers = R"(
import hmac, hashlib
from flask import request, abort

SECRET = b"k"

def returns_compare_digest(body, signature):
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)

def returns_plain_equality(body, signature):
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    return expected == signature

def returns_flags(body, signature):
    if not signature:
        return False
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return False
    return True

def always_true(body, signature):
    return True

def aborts_on_mismatch():
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Sig", "")):
        abort(401)

def raises_on_mismatch():
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Sig", "")):
        raise PermissionError("bad signature")

def deny():
    abort(403)

def recursive(n):
    return recursive(n - 1)

def ping(n):
    return pong(n)

def pong(n):
    return ping(n)

def reads_body():
    return request.get_json()

def reads_through_helper():
    return reads_body()
)";

TEST_F(SummaryTest, HelperReturningTheVerificationResult) {
  load(kHelpers);
  EXPECT_TRUE(summary("app.hooks.returns_compare_digest").returnsVerificationResult);
  EXPECT_TRUE(summary("app.hooks.returns_plain_equality").returnsVerificationResult);
  EXPECT_TRUE(summary("app.hooks.returns_flags").returnsVerificationResult);
  EXPECT_TRUE(summary("app.hooks.returns_flags").attemptsVerification);
  EXPECT_FALSE(summary("app.hooks.always_true").returnsVerificationResult);
  EXPECT_FALSE(summary("app.hooks.always_true").attemptsVerification);
  EXPECT_FALSE(summary("app.hooks.returns_compare_digest").verifiesOrAborts);
}

TEST_F(SummaryTest, HelperThatAbortsOrRaises) {
  load(kHelpers);
  EXPECT_TRUE(summary("app.hooks.aborts_on_mismatch").verifiesOrAborts);
  EXPECT_TRUE(summary("app.hooks.raises_on_mismatch").verifiesOrAborts);
  EXPECT_TRUE(summary("app.hooks.deny").neverReturns);
  EXPECT_FALSE(summary("app.hooks.deny").verifiesOrAborts);
  EXPECT_FALSE(summary("app.hooks.returns_compare_digest").neverReturns);
}

TEST_F(SummaryTest, RecursionAndCyclesTerminateWithoutVerification) {
  load(kHelpers);
  EXPECT_FALSE(summary("app.hooks.recursive").attemptsVerification);
  EXPECT_FALSE(summary("app.hooks.ping").returnsVerificationResult);
  EXPECT_FALSE(summary("app.hooks.pong").verifiesOrAborts);
}

TEST_F(SummaryTest, ReadsRequestThroughCallees) {
  load(kHelpers);
  EXPECT_TRUE(summary("app.hooks.reads_body").readsRequest);
  EXPECT_TRUE(summary("app.hooks.reads_through_helper").readsRequest);
  EXPECT_FALSE(summary("app.hooks.always_true").readsRequest);
}

TEST_F(SummaryTest, CallersAreGuardedByHelpers) {
  load(std::string(kHelpers) + R"(
def with_bool_helper():
    if not returns_compare_digest(request.get_data(), request.headers.get("X-Sig", "")):
        return "", 401
    handle = request.get_json()

def with_aborting_helper():
    aborts_on_mismatch()
    handle = request.get_json()

def with_deny_helper():
    ok = returns_flags(request.get_data(), request.headers.get("X-Sig"))
    if not ok:
        deny()
    handle = request.get_json()

def with_stub_helper():
    if not always_true(request.get_data(), request.headers.get("X-Sig")):
        abort(401)
    handle = request.get_json()
)");
  EXPECT_TRUE(verifiedAt("app.hooks.with_bool_helper", "handle = "));
  EXPECT_TRUE(verifiedAt("app.hooks.with_aborting_helper", "handle = "));
  EXPECT_TRUE(verifiedAt("app.hooks.with_deny_helper", "handle = "));
  EXPECT_FALSE(verifiedAt("app.hooks.with_stub_helper", "handle = "));
}

TEST_F(SummaryTest, HelperInAnotherModule) {
  load({{"app/security.py", R"(
import hmac, hashlib, os
from flask import request, abort

def require_signature():
    secret = os.environ["WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Sig", "")):
        abort(401)
)"},
        {"app/hooks.py", R"(
from flask import request
from app.security import require_signature
from app import security

def f():
    require_signature()
    handle = request.get_json()

def g():
    security.require_signature()
    handle = request.get_json()
)"}});
  EXPECT_TRUE(verifiedAt("app.hooks.f", "handle = "));
  EXPECT_TRUE(verifiedAt("app.hooks.g", "handle = "));
}

TEST_F(SummaryTest, MethodOfABaseClass) {
  load(R"(
import hmac, hashlib
from flask import request, abort

class SignedView:
    secret = b"k"

    def verify(self):
        expected = hmac.new(self.secret, request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Sig", "")):
            abort(401)

class GithubView(SignedView):
    def post(self):
        self.verify()
        handle = request.get_json()
)");
  EXPECT_TRUE(verifiedAt("app.hooks.GithubView.post", "handle = "));
}

}  // namespace
}  // namespace hg::testing
