// The value-role analysis: what a value is, known from where it came from.
#include <gtest/gtest.h>

#include "engine/expr_walk.h"
#include "engine/value_roles.h"
#include "engine_fixture.h"

namespace hg {
namespace {

class ValueRolesTest : public testing::EngineFixture {
 protected:
  // The first expression of `qualified` whose source text is exactly `text`.
  ExprId exprAt(const std::string& qualified, const std::string& text) {
    const Function& f = function(qualified);
    for (ExprId id = 0; id < f.exprs.size(); ++id) {
      if (spanText(program(), f.exprs[id].span, 500) == text) return id;
    }
    ADD_FAILURE() << "no expression '" << text << "' in " << qualified;
    return kNoExpr;
  }
  RoleSet rolesOf(const std::string& qualified, const std::string& text) {
    ExprId id = exprAt(qualified, text);
    return id == kNoExpr ? RoleSet{} : ctx().valueRoles().roles(fn(qualified), id);
  }
};

TEST_F(ValueRolesTest, MacDigestAndSignatureHeaderThroughLocals) {
  load(R"(
import hashlib, hmac, os
from flask import Flask, request
app = Flask(__name__)
SECRET = os.environ["GITHUB_WEBHOOK_SECRET"]

@app.post("/hooks/github")
def github():
    body = request.get_data()
    mac = hmac.new(SECRET.encode(), body, hashlib.sha256)
    expected = "sha256=" + mac.hexdigest()
    header = request.headers.get("X-Hub-Signature-256", "")
    scheme, sig = header.split("=", 1)
    plain = hashlib.sha256(body).hexdigest()
    if expected == header or sig == plain:
        return "", 204
    return "", 401
)");
  const std::string h = "app.hooks.github";
  EXPECT_TRUE(rolesOf(h, "expected").has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf(h, "mac.hexdigest()").has(ValueRole::Mac));
  EXPECT_FALSE(rolesOf(h, "expected").has(ValueRole::Request));
  EXPECT_TRUE(rolesOf(h, "header").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf(h, "sig").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf(h, "plain").has(ValueRole::Digest));
  EXPECT_FALSE(rolesOf(h, "plain").has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf(h, "body").has(ValueRole::RawBody));
  EXPECT_TRUE(rolesOf(h, "SECRET.encode()").has(ValueRole::Secret));
}

TEST_F(ValueRolesTest, NamesAloneGiveNoRole) {
  load(R"(
from flask import Flask, request
app = Flask(__name__)

def lookup(x):
    return x

@app.post("/hooks/x")
def hook():
    signature = lookup("abc")
    secret_count = len(request.args)
    if signature == secret_count:
        return "ok"
    return "no"
)");
  EXPECT_TRUE(rolesOf("app.hooks.hook", "signature").empty());
  EXPECT_FALSE(rolesOf("app.hooks.hook", "secret_count").has(ValueRole::Secret));
}

TEST_F(ValueRolesTest, HelperReturnsAndParametersCarryRoles) {
  load(R"(
import base64, hashlib, hmac, os
from flask import Flask, request, abort
app = Flask(__name__)

def compute_signature(payload, key):
    digest = hmac.new(key, payload, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()

def signatures_match(received, expected):
    return received == expected

@app.post("/shopify/orders")
def orders():
    key = load_key()
    if not signatures_match(request.headers["X-Shopify-Hmac-Sha256"], compute_signature(request.get_data(), key)):
        abort(401)
    return "ok"
)");
  const std::string helper = "app.hooks.signatures_match";
  EXPECT_TRUE(rolesOf(helper, "received").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf(helper, "expected").has(ValueRole::Mac));
  EXPECT_TRUE(ctx().valueRoles().returnRoles(fn("app.hooks.compute_signature")).has(ValueRole::Mac));
  // A value used as a MAC key is a secret, whatever it is called and wherever it came from.
  EXPECT_TRUE(rolesOf("app.hooks.orders", "key").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf("app.hooks.compute_signature", "key").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf("app.hooks.compute_signature", "payload").has(ValueRole::RawBody));
}

TEST_F(ValueRolesTest, ConfiguredSecretsComeFromTheirKeyNames) {
  load(R"(
import os
from flask import Flask, request, current_app
app = Flask(__name__)
TOKEN = os.getenv("GITLAB_WEBHOOK_TOKEN")
DATABASE = os.environ["DATABASE_URL"]

@app.post("/gitlab")
def gitlab():
    configured = current_app.config["GITLAB_TOKEN"]
    received = request.headers.get("X-Gitlab-Token")
    other = request.headers.get("X-Request-Id")
    if received != TOKEN or received != configured:
        return "", 403
    return DATABASE + other
)");
  const std::string h = "app.hooks.gitlab";
  EXPECT_TRUE(rolesOf(h, "TOKEN").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf(h, "configured").has(ValueRole::Secret));
  EXPECT_FALSE(rolesOf(h, "DATABASE").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf(h, "received").has(ValueRole::SignatureHeader));
  EXPECT_FALSE(rolesOf(h, "other").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf(h, "other").has(ValueRole::Request));
}

TEST_F(ValueRolesTest, BodyFormsAndTimestamps) {
  load(R"(
import json, time
from flask import Flask, request
app = Flask(__name__)

@app.post("/slack/events")
def slack_events():
    raw = request.get_data()
    event = json.loads(raw)
    again = json.dumps(request.get_json(), separators=(",", ":"))
    text = str(event)
    field = event["type"]
    ts = int(request.headers["X-Slack-Request-Timestamp"])
    base = f"v0:{ts}:{raw.decode()}"
    return again + text + field + base
)");
  const std::string h = "app.hooks.slack_events";
  EXPECT_TRUE(rolesOf(h, "raw").has(ValueRole::RawBody));
  EXPECT_TRUE(rolesOf(h, "event").has(ValueRole::ParsedBody));
  EXPECT_TRUE(rolesOf(h, "again").has(ValueRole::Reencoded));
  EXPECT_TRUE(rolesOf(h, "text").has(ValueRole::ParsedBody));
  RoleSet field = rolesOf(h, "field");
  EXPECT_TRUE(field.has(ValueRole::Payload));
  EXPECT_FALSE(field.has(ValueRole::ParsedBody));
  EXPECT_TRUE(rolesOf(h, "ts").has(ValueRole::Timestamp));
  RoleSet base = rolesOf(h, "base");
  EXPECT_TRUE(base.has(ValueRole::Timestamp));
  EXPECT_TRUE(base.has(ValueRole::RawBody));
  EXPECT_FALSE(base.has(ValueRole::Reencoded));
}

TEST_F(ValueRolesTest, HeaderMappingHeldInALocal) {
  load(R"(
from flask import Flask, request
app = Flask(__name__)

@app.post("/stripe/webhook")
def stripe_webhook():
    headers = request.headers
    sig = headers.get("Stripe-Signature")
    sig2 = headers["Stripe-Signature"].strip()
    return sig + sig2
)");
  EXPECT_TRUE(rolesOf("app.hooks.stripe_webhook", "sig").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf("app.hooks.stripe_webhook", "sig2").has(ValueRole::SignatureHeader));
  EXPECT_TRUE(rolesOf("app.hooks.stripe_webhook", "headers").has(ValueRole::HeaderMap));
}

TEST_F(ValueRolesTest, InstanceFieldsAndClassConstants) {
  load(R"(
import hashlib, hmac, os
from flask import request

class Verifier:
    ALGORITHM = hashlib.sha256

    def __init__(self):
        self.secret = os.environ["WEBHOOK_SECRET"].encode()

    def expected(self, body):
        return hmac.new(self.secret, body, self.ALGORITHM).hexdigest()

    def check(self):
        received = request.headers.get("X-Signature")
        return self.expected(request.get_data()) == received
)");
  EXPECT_TRUE(rolesOf("app.hooks.Verifier.expected", "self.secret").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf("app.hooks.Verifier.check", "self.expected(request.get_data())").has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf("app.hooks.Verifier.check", "received").has(ValueRole::SignatureHeader));
}

// ---------------------------------------------------------------------------------------------
// Literal keys

class LiteralOriginsTest : public ValueRolesTest {
 protected:
  std::vector<LiteralSecret> literalsOf(const std::string& qualified, const std::string& text) {
    ExprId id = exprAt(qualified, text);
    return id == kNoExpr ? std::vector<LiteralSecret>{} : ctx().valueRoles().literalOrigins(fn(qualified), id);
  }
};

TEST_F(LiteralOriginsTest, ModuleConstantThroughEncodeIsReportedAtItsAssignment) {
  load({{"app/settings.py", "WEBHOOK_SECRET = 'whsec_4f9a0c1d2e'\n"},
        {"app/hooks.py", R"(
import hashlib, hmac
from app.settings import WEBHOOK_SECRET

def sign(body):
    return hmac.new(WEBHOOK_SECRET.encode("utf-8"), body, hashlib.sha256).hexdigest()
)"}});
  auto found = literalsOf("app.hooks.sign", "WEBHOOK_SECRET.encode(\"utf-8\")");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "WEBHOOK_SECRET");
  EXPECT_EQ(program().sources.get(found[0].location.file).displayPath, "app/settings.py");
  EXPECT_EQ(found[0].location.line, 1u);
}

TEST_F(LiteralOriginsTest, ClassConstantLocalAndCallSiteLiterals) {
  load(R"(
import hashlib, hmac

class Config:
    SIGNING_KEY = b"k3y-for-hooks"

def mac_with(key, body):
    return hmac.new(key, body, hashlib.sha256).digest()

def handler(body):
    inline = hmac.new(b"inline-secret", body, hashlib.sha256)
    local_key = bytes("local-secret", "utf-8")
    via_local = hmac.new(local_key, body, hashlib.sha256)
    via_class = hmac.new(Config.SIGNING_KEY, body, hashlib.sha256)
    return mac_with(b"passed-secret", body)
)");
  auto inlineFound = literalsOf("app.hooks.handler", "b\"inline-secret\"");
  ASSERT_EQ(inlineFound.size(), 1u);
  EXPECT_TRUE(inlineFound[0].name.empty());
  auto local = literalsOf("app.hooks.handler", "local_key");
  ASSERT_EQ(local.size(), 1u);
  EXPECT_EQ(local[0].name, "local_key");
  auto cls = literalsOf("app.hooks.handler", "Config.SIGNING_KEY");
  ASSERT_EQ(cls.size(), 1u);
  EXPECT_EQ(cls[0].name, "Config.SIGNING_KEY");
  EXPECT_EQ(cls[0].location.line, 5u);
  auto param = literalsOf("app.hooks.mac_with", "key");
  ASSERT_EQ(param.size(), 1u);
  EXPECT_EQ(param[0].location.line, 15u);
}

TEST_F(LiteralOriginsTest, EnvironmentAndConfigurationAreNotLiterals) {
  load(R"(
import hashlib, hmac, os

FROM_ENV = os.environ.get("WEBHOOK_SECRET", "dev-default")
if os.environ.get("TESTING"):
    MIXED = "test-secret"
else:
    MIXED = os.environ["WEBHOOK_SECRET"]

def sign(body, app):
    a = hmac.new(FROM_ENV.encode(), body, hashlib.sha256)
    b = hmac.new(MIXED.encode(), body, hashlib.sha256)
    c = hmac.new(app.config["WEBHOOK_SECRET"].encode(), body, hashlib.sha256)
    d = hmac.new(open("/run/secrets/hook").read().encode(), body, hashlib.sha256)
    return a, b, c, d
)");
  EXPECT_TRUE(literalsOf("app.hooks.sign", "FROM_ENV.encode()").empty());
  EXPECT_TRUE(literalsOf("app.hooks.sign", "MIXED.encode()").empty());
  EXPECT_TRUE(literalsOf("app.hooks.sign", "app.config[\"WEBHOOK_SECRET\"].encode()").empty());
  EXPECT_TRUE(literalsOf("app.hooks.sign", "open(\"/run/secrets/hook\").read().encode()").empty());
}

TEST_F(ValueRolesTest, OnlyConstantsAreSecretsByTheirName) {
  load(R"(
import enum
from flask import Flask, request
app = Flask(__name__)
VERIFY_TOKEN = "s3cr3t-token"

class Parser:
    DONE_TOKEN = "done."

    def finished(self, message):
        return message.endswith(self.DONE_TOKEN)

class Kind(enum.Enum):
    PrivateKeyInfo = "pkcs8"

def prune(line):
    token = " * [would prune] "
    return line.startswith(token) or Kind.PrivateKeyInfo
)");
  // A module or class constant's name is evidence, but weaker than configuration: it is a
  // SecretConstant, not a Secret.
  EXPECT_TRUE(rolesOf("app.hooks.<module>", "VERIFY_TOKEN").has(ValueRole::SecretConstant));
  EXPECT_FALSE(rolesOf("app.hooks.<module>", "VERIFY_TOKEN").has(ValueRole::Secret));
  EXPECT_TRUE(rolesOf("app.hooks.Parser.finished", "self.DONE_TOKEN").has(ValueRole::SecretConstant));
  EXPECT_TRUE(rolesOf("app.hooks.prune", "Kind.PrivateKeyInfo").has(ValueRole::SecretConstant));
  // A function's local literal is a marker, not a credential.
  EXPECT_TRUE(rolesOf("app.hooks.prune", "token").empty());
}

TEST(SignatureEquality, WhichPairsOfRolesAreChecks) {
  const RoleSet none;
  const RoleSet request = ValueRole::Request;
  const RoleSet header = ValueRole::Request | ValueRole::SignatureHeader;
  const RoleSet mac = ValueRole::Mac;
  const RoleSet secret = ValueRole::Secret;
  const RoleSet constant = ValueRole::SecretConstant;
  EXPECT_TRUE(isSignatureEquality(mac, none));
  EXPECT_TRUE(isSignatureEquality(request, mac));
  EXPECT_TRUE(isSignatureEquality(header, secret));
  EXPECT_TRUE(isSignatureEquality(header, constant));
  EXPECT_TRUE(isSignatureEquality(header, none));
  EXPECT_FALSE(isSignatureEquality(header, request));
  EXPECT_TRUE(isSignatureEquality(secret, request));
  EXPECT_TRUE(isSignatureEquality(none, secret));
  EXPECT_FALSE(isSignatureEquality(secret, secret));
  EXPECT_FALSE(isSignatureEquality(secret, constant));
  EXPECT_TRUE(isSignatureEquality(constant, request));
  // A constant named like a secret meets a value with no role: a marker, an enum member.
  EXPECT_FALSE(isSignatureEquality(constant, none));
  EXPECT_FALSE(isSignatureEquality(constant, ValueRole::Digest));
  EXPECT_FALSE(isSignatureEquality(request, none));
}

TEST(SecretNames, WordsNotSubstrings) {
  Knowledge k = Knowledge::builtin();
  Program p;
  RequestUseAnalysis requests(p, k);
  CallResolver calls(p);
  ConstantFolder constants(p, k);
  ValueRoles roles(p, k, requests, calls, constants);
  EXPECT_TRUE(roles.isSecretName("GITHUB_WEBHOOK_SECRET"));
  EXPECT_TRUE(roles.isSecretName("signingSecret"));
  EXPECT_TRUE(roles.isSecretName("api-key"));
  EXPECT_TRUE(roles.isSecretName("webhooksecret"));
  EXPECT_FALSE(roles.isSecretName("MONKEY_COUNT"));
  EXPECT_FALSE(roles.isSecretName("DATABASE_URL"));
  EXPECT_FALSE(roles.isSecretName("API_KEY_ID"));
  EXPECT_FALSE(roles.isSecretName("WEBHOOK_SECRET_NAME"));
  // A public key is meant to be published, whatever else its name says.
  EXPECT_FALSE(roles.isSecretName("SubjectPublicKeyInfo"));
  EXPECT_FALSE(roles.isSecretName("DISCORD_PUBLIC_KEY"));
  EXPECT_FALSE(roles.isSecretName("ssh_pubkey_token"));
  EXPECT_EQ(describeRoles(ValueRole::Mac | ValueRole::Secret), "mac, secret");
}

}  // namespace
}  // namespace hg
