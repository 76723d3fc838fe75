// Helper returns evaluated per call site: a conversion helper that one caller applies to a MAC
// passes the MAC on at that call only, and a literal reached through a helper's return is the
// one its call passes.
#include <gtest/gtest.h>

#include "engine/expr_walk.h"
#include "engine/route_scope.h"
#include "engine/value_origins.h"
#include "engine/value_roles.h"
#include "engine_fixture.h"

namespace hg {
namespace {

class CallSiteRolesTest : public testing::EngineFixture {
 protected:
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
  std::vector<LiteralSecret> literalsOf(const std::string& qualified, const std::string& text) {
    ExprId id = exprAt(qualified, text);
    return id == kNoExpr ? std::vector<LiteralSecret>{} : ctx().valueRoles().literalOrigins(fn(qualified), id);
  }
};

constexpr const char* kSharedConversion = R"(
import hashlib, hmac, os
from flask import Flask, request
app = Flask(__name__)
KEY = os.environ["HOOK_SECRET"].encode()

def bytes2unicode(x):
    return x if isinstance(x, str) else str(x, "utf-8")

def _cmp(a, b):
    return hmac.compare_digest(a, b)

@app.post("/hooks/x")
def hook():
    mac = hmac.new(KEY, request.get_data(), hashlib.sha1)
    return _cmp(bytes2unicode(mac.hexdigest()), bytes2unicode(request.headers["X-Hub-Signature"]))

class Auth:
    def setup(self, cfg):
        realm = bytes2unicode(cfg.get("realm"))
        if self.realm != realm:
            return False
        self.buffer += bytes2unicode(cfg.get("data"))
        return self.buffer.strip() != self.module
)";

TEST_F(CallSiteRolesTest, AConversionHelperPassesOnWhatEachCallGivesIt) {
  load(kSharedConversion);
  EXPECT_TRUE(rolesOf("app.hooks.hook", "bytes2unicode(mac.hexdigest())").has(ValueRole::Mac));
  RoleSet header = rolesOf("app.hooks.hook", "bytes2unicode(request.headers[\"X-Hub-Signature\"])");
  EXPECT_TRUE(header.has(ValueRole::SignatureHeader));
  EXPECT_FALSE(header.has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf("app.hooks.Auth.setup", "realm").empty());
  EXPECT_TRUE(rolesOf("app.hooks.Auth.setup", "self.buffer").empty());
}

TEST_F(CallSiteRolesTest, InsideTheHelperAParameterStillHoldsEveryCallersValue) {
  load(kSharedConversion);
  // The one comparison in `_cmp` is a MAC check for the caller that passes a MAC.
  EXPECT_TRUE(rolesOf("app.hooks._cmp", "a").has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf("app.hooks.bytes2unicode", "x").has(ValueRole::Mac));
}

TEST_F(CallSiteRolesTest, WhatTheHelperBodyCreatesHoldsAtEverySite) {
  load(R"(
import hashlib, hmac, os
KEY = os.environ["HOOK_SECRET"].encode()

def sign(body):
    digest = hmac.new(KEY, body, hashlib.sha256).hexdigest()
    return "sha256=" + digest

def text(value):
    decoded = value.decode()
    return decoded.strip()

def use(name, body):
    a = sign(b"")
    b = text(sign(body))
    c = text(name)
    return a, b, c
)");
  EXPECT_TRUE(rolesOf("app.hooks.use", "a").has(ValueRole::Mac));
  // Through a local of the helper, evaluated for this call.
  EXPECT_TRUE(rolesOf("app.hooks.use", "b").has(ValueRole::Mac));
  EXPECT_FALSE(rolesOf("app.hooks.use", "c").has(ValueRole::Mac));
  ValueRoles& roles = ctx().valueRoles();
  EXPECT_TRUE(roles.returnRoles(fn("app.hooks.sign")).has(ValueRole::Mac));
  EXPECT_TRUE(roles.returnRoles(fn("app.hooks.text")).empty());
}

TEST_F(CallSiteRolesTest, NestedAndRecursiveHelpers) {
  load(R"(
import hashlib, hmac
from flask import request

def inner(y):
    return str(y)

def outer(x):
    return inner(x).lower()

def strip_all(v, n):
    return v if n == 0 else strip_all(v.strip(), n - 1)

def use(key):
    mac = hmac.new(key, request.get_data(), hashlib.sha256).hexdigest()
    a = outer(mac)
    b = outer(request.args["name"])
    c = strip_all(mac, 3)
    d = strip_all("plain", 3)
    return a, b, c, d
)");
  EXPECT_TRUE(rolesOf("app.hooks.use", "a").has(ValueRole::Mac));
  RoleSet b = rolesOf("app.hooks.use", "b");
  EXPECT_TRUE(b.has(ValueRole::Request));
  EXPECT_FALSE(b.has(ValueRole::Mac));
  EXPECT_TRUE(rolesOf("app.hooks.use", "c").has(ValueRole::Mac));
  // A recursive call inside the helper sums over its sites, which include the MAC.
  EXPECT_TRUE(rolesOf("app.hooks.use", "d").has(ValueRole::Mac));
}

TEST_F(CallSiteRolesTest, AKeyThroughAHelperReturnIsTheLiteralItsCallPasses) {
  load({{"app/util.py", R"(
def unicode2bytes(x):
    if isinstance(x, bytes):
        return x
    return x.encode("utf-8")
)"},
        {"app/avatars.py", R"(
from app.util import unicode2bytes

class Avatars:
    defaultAvatarUrl = b"img/nobody.png"

    def default(self):
        return unicode2bytes(self.defaultAvatarUrl)
)"},
        {"app/hooks.py", R"(
import hashlib, hmac, os
from app.util import unicode2bytes

def from_env(body):
    return hmac.new(unicode2bytes(os.environ["HOOK_SECRET"]), body, hashlib.sha256)

def hard_coded(body):
    return hmac.new(unicode2bytes("k3y-for-hooks"), body, hashlib.sha256)
)"}});
  EXPECT_TRUE(literalsOf("app.hooks.from_env", "unicode2bytes(os.environ[\"HOOK_SECRET\"])").empty());
  auto found = literalsOf("app.hooks.hard_coded", "unicode2bytes(\"k3y-for-hooks\")");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(program().sources.get(found[0].location.file).displayPath, "app/hooks.py");
  EXPECT_EQ(found[0].location.line, 9u);
}

TEST_F(CallSiteRolesTest, AKeyParameterOfTheMacHelperStillReachesEveryCaller) {
  load(R"(
import hashlib, hmac

def mac_with(key, body):
    return hmac.new(key, body, hashlib.sha256).digest()

def a(body):
    return mac_with(b"first-secret", body)

def b(body):
    return mac_with(b"second-secret", body)
)");
  EXPECT_EQ(literalsOf("app.hooks.mac_with", "key").size(), 2u);
}

// The origins of a MAC's message through a decoding helper shared with the timestamp: the
// timestamp header is the helper's argument at another call, not an input of the MAC.
TEST_F(CallSiteRolesTest, OriginsThroughAHelperReturnStayWithTheirCall) {
  load(R"(
import hashlib, hmac, os
from flask import Flask, request
app = Flask(__name__)
KEY = os.environ["HOOK_SECRET"].encode()

def text(x):
    return x.decode("utf-8")

@app.post("/hooks/x")
def hook():
    stamp = text(request.headers["X-Hook-Timestamp"].encode())
    mac = hmac.new(KEY, text(request.get_data()).encode(), hashlib.sha256)
    return stamp, mac
)");
  RouteScopes scopes(ctx());
  ValueOrigins origins(program(), ctx().calls(), ctx().requestUses());
  const std::string h = "app.hooks.hook";
  auto message = origins.trace(scopes.scope(0), fn(h), exprAt(h, "text(request.get_data()).encode()"));
  auto stamp = origins.trace(scopes.scope(0), fn(h), exprAt(h, "stamp"));
  EXPECT_TRUE(ValueOrigins::hasRequestOrigin(message));
  EXPECT_FALSE(ValueOrigins::shareData(message, stamp));
  bool headerInMessage = false;
  for (const ValueOrigin& o : message) headerInMessage = headerInMessage || o.key.starts_with("request:header");
  EXPECT_FALSE(headerInMessage);
}

}  // namespace
}  // namespace hg
