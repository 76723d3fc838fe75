// WH105: verifications that exist but can be bypassed, and the correct shapes next to them.
#include <gtest/gtest.h>

#include "auth_fixture.h"
#include "engine/fail_open.h"

namespace hg {
namespace {

using testing::Lines;

class FailOpenTest : public testing::AuthRuleFixture {
 protected:
  std::vector<std::pair<uint32_t, FailOpenCheck::Kind>> shapes() {
    std::vector<std::pair<uint32_t, FailOpenCheck::Kind>> out;
    for (const FailOpenCheck& c : findFailOpenChecks(ctx())) out.emplace_back(c.location.line, c.kind);
    std::sort(out.begin(), out.end());
    return out;
  }
};

constexpr const char* kPrelude = R"(import hashlib, hmac, logging, os
import stripe
from flask import Flask, request, abort
app = Flask(__name__)
log = logging.getLogger(__name__)
SECRET = os.environ.get("HOOK_SECRET", "").encode()

def expected(body):
    return hmac.new(SECRET, body, hashlib.sha256).hexdigest()

def use(x):
    return x
)";

using K = FailOpenCheck::Kind;

TEST_F(FailOpenTest, MissingHeaderOrSecretSkipsTheCheck) {
  load(std::string(kPrelude) + R"(
@app.post("/hooks/a")
def a():
    sig = request.headers.get("X-Signature")
    if sig and not hmac.compare_digest(expected(request.get_data()), sig):
        abort(401)
    return use(request.get_json())

@app.post("/hooks/b")
def b():
    sig = request.headers.get("X-Signature")
    if sig is not None:
        if not hmac.compare_digest(expected(request.get_data()), sig):
            abort(401)
    return use(request.get_json())

@app.post("/hooks/c")
def c():
    if SECRET:
        if not hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", "")):
            abort(401)
    return use(request.get_json())

def helper_ok(body, header):
    if header is None:
        return True
    return hmac.compare_digest(expected(body), header)

@app.post("/hooks/d")
def d():
    if not helper_ok(request.get_data(), request.headers.get("X-Signature")):
        abort(401)
    return use(request.get_json())
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{17, K::SkippedWhenHeaderMissing},
                                                           {24, K::SkippedWhenHeaderMissing},
                                                           {31, K::SkippedWhenSecretMissing},
                                                           {37, K::SkippedWhenHeaderMissing}}));
}

TEST_F(FailOpenTest, IgnoredLoggedAndNonRejectingResults) {
  load(std::string(kPrelude) + R"(
@app.post("/hooks/e")
def e():
    hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", ""))
    return use(request.get_json())

@app.post("/hooks/f")
def f():
    log.info("valid=%s", hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", "")))
    return use(request.get_json())

@app.post("/hooks/g")
def g():
    ok = hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", ""))
    if not ok:
        log.warning("bad signature")
    return use(request.get_json())

@app.post("/hooks/h")
def h():
    try:
        event = stripe.Webhook.construct_event(request.get_data(), request.headers["Stripe-Signature"], "k")
    except Exception:
        log.exception("stripe")
        event = request.get_json()
    return use(event)
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{16, K::ResultIgnored},
                                                           {21, K::ResultOnlyLogged},
                                                           {27, K::FailureContinues},
                                                           {34, K::ExceptionSwallowed}}));
}

TEST_F(FailOpenTest, CorrectChecksAreNotReported) {
  load(std::string(kPrelude) + R"(
@app.post("/hooks/i")
def i():
    sig = request.headers.get("X-Signature")
    if not sig or not hmac.compare_digest(expected(request.get_data()), sig):
        abort(401)
    return use(request.get_json())

@app.post("/hooks/j")
def j():
    try:
        event = stripe.Webhook.construct_event(request.get_data(), request.headers["Stripe-Signature"], "k")
    except ValueError:
        return "bad payload", 400
    except stripe.error.SignatureVerificationError:
        log.warning("bad signature")
        return "bad signature", 400
    return use(event)

@app.post("/hooks/k")
def k():
    if not SECRET:
        raise RuntimeError("HOOK_SECRET is not configured")
    ok = hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", ""))
    if not ok:
        log.warning("bad signature")
        abort(401)
    return use(request.get_json())

def valid(body, header):
    if not header:
        return False
    return hmac.compare_digest(expected(body), header)

@app.post("/hooks/l")
def l():
    if not valid(request.get_data(), request.headers.get("X-Signature")):
        abort(401)
    return use(request.get_json())
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{}));
}

// A function that hands the request on returns a refusal on the failed check: a response class
// or a status constant that means 4xx rejects, as a 4xx number does; any other response is the
// failed check carrying on.
TEST_F(FailOpenTest, RefusingResponsesAndStatusConstantsReject) {
  load(std::string(kPrelude) + R"(
from http import HTTPStatus
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse

def forward(req, view):
    if not hmac.compare_digest(expected(req.body), req.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    return view(req)

def forward_json(req, view):
    if not hmac.compare_digest(expected(req.body), req.headers.get("X-Signature", "")):
        return JsonResponse({"error": "bad signature"}, status=HTTPStatus.UNAUTHORIZED)
    return view(req)

def forward_anyway(req, view):
    if not hmac.compare_digest(expected(req.body), req.headers.get("X-Signature", "")):
        return HttpResponse("ignored")
    return view(req)
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{28, K::FailureContinues}}));
}

TEST_F(FailOpenTest, ComparisonsOfValuesNamedLikeKeysAreNoChecks) {
  // Names with "key" or "token" in them, compared with each other, in code a verified route
  // reaches: no signature material on either side, so no verification to fail open.
  load(std::string(kPrelude) + R"(
class Backend:
    EVP_PKEY_EC = 408

    def kind(self, key_type):
        if key_type == self.EVP_PKEY_EC:
            log.info("ec key")
        return key_type

def pinned(rev, lookup):
    exact = lookup(rev)
    if exact != rev:
        log.info("moved")
    return exact

@app.post("/hooks/m")
def m():
    if not hmac.compare_digest(expected(request.get_data()), request.headers.get("X-Signature", "")):
        abort(401)
    event = request.get_json()
    return use([Backend().kind(event["key_type"]), pinned(event["token_rev"], str)])
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{}));
  EXPECT_TRUE(findings("WH102").empty());
}

TEST_F(FailOpenTest, StubVerifiersAndHooks) {
  load(std::string(kPrelude) + R"(
def verify_signature(req):
    return True

def verify_webhook_request(req):
    pass

def verify_shape(data):
    return True

@app.before_request
def check_hooks():
    sig = request.headers.get("X-Signature")
    if not sig:
        return None
    if not hmac.compare_digest(expected(request.get_data()), sig):
        abort(401)

@app.post("/hooks/m")
def m():
    if not verify_signature(request):
        abort(401)
    verify_webhook_request(request)
    verify_shape(request.get_json())
    return use(request.get_json())
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{14, K::StubVerifier},
                                                           {17, K::StubVerifier},
                                                           {26, K::SkippedWhenHeaderMissing}}));
}

// A receiver object holds its secret in an attribute set in __init__: the same presence test,
// spelled `self._secret`, alone or in a conjunction with the signature header.
TEST_F(FailOpenTest, SecretHeldByTheReceiverObject) {
  load(std::string(kPrelude) + R"(
class Receiver:
    def __init__(self, secret):
        self._secret = secret

    def expected(self, body):
        return hmac.new(self._secret.encode(), body, hashlib.sha256).hexdigest()

    def handle(self):
        sig = request.headers.get("X-Signature")
        if self._secret and sig:
            if not hmac.compare_digest(self.expected(request.get_data()), sig):
                abort(401)
        return use(request.get_json())

    def strict(self):
        sig = request.headers.get("X-Signature", "")
        if not self._secret or not sig:
            abort(401)
        if not hmac.compare_digest(self.expected(request.get_data()), sig):
            abort(401)
        return use(request.get_json())

class Gate:
    def __init__(self):
        self.secret = os.environ.get("DEPLOY_HOOK_TOKEN")

    def check(self):
        if self.secret:
            if not hmac.compare_digest(request.headers.get("X-Deploy-Token", ""), self.secret):
                abort(403)

receiver = Receiver(os.environ.get("RECEIVER_SECRET"))
gate = Gate()
app.add_url_rule("/hooks/r", view_func=receiver.handle, methods=["POST"])
app.add_url_rule("/hooks/s", view_func=receiver.strict, methods=["POST"])

@app.post("/hooks/g")
def g():
    gate.check()
    return use(request.get_json())
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{23, K::SkippedWhenSecretMissing},
                                                           {41, K::SkippedWhenSecretMissing}}));
  EXPECT_EQ(linesOf("WH101"), Lines{});
}

// A test of the computed MAC is the secret's presence in disguise when the computation gives
// None without a secret; a MAC that always has a value can be tested without harm.
TEST_F(FailOpenTest, MacThatIsNoneWithoutASecret) {
  load(std::string(kPrelude) + R"(
class Receiver:
    def __init__(self, secret=None):
        self.secret = secret

    def digest(self):
        return hmac.new(self.secret, request.get_data(), hashlib.sha256).hexdigest() if self.secret else None

    def optional(self):
        mac = self.digest()
        if mac is not None:
            if not hmac.compare_digest(request.headers.get("X-Signature", ""), "sha256=" + mac):
                abort(400)
        return use(request.get_json())

    def always(self):
        mac = expected(request.get_data())
        if mac:
            if not hmac.compare_digest(request.headers.get("X-Signature", ""), mac):
                abort(400)
        else:
            abort(500)
        return use(request.get_json())

receiver = Receiver(os.environ.get("RECEIVER_SECRET"))
app.add_url_rule("/hooks/o", view_func=receiver.optional, methods=["POST"])
app.add_url_rule("/hooks/a", view_func=receiver.always, methods=["POST"])
)");
  EXPECT_EQ(shapes(), (std::vector<std::pair<uint32_t, K>>{{23, K::SkippedWhenMacMissing}}));
  EXPECT_EQ(linesOf("WH101"), Lines{});
}

}  // namespace
}  // namespace hg
