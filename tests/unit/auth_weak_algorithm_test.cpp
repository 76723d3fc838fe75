// WH106: weak digests in a MAC, and plain hashes keyed by prefixing the secret.
#include <gtest/gtest.h>

#include "auth_fixture.h"
#include "engine/signature_checks.h"
#include "engine/expr_walk.h"

namespace hg {
namespace {

using testing::Lines;

class WeakAlgorithmTest : public testing::AuthRuleFixture {};

TEST_F(WeakAlgorithmTest, WeakDigestsInAnyForm) {
  load(R"(import hashlib, hmac, os
from flask import request
KEY = os.environ["HOOK_KEY"].encode()
LEGACY = hashlib.sha1
NAME = "MD5"

def sign(body):
    a = hmac.new(KEY, body, hashlib.md5)
    b = hmac.new(KEY, body, digestmod="sha1")
    c = hmac.new(KEY, body, LEGACY)
    d = hmac.new(KEY, body, NAME)
    e = hmac.new(KEY, body, lambda: hashlib.new("md5"))
    f = hmac.new(KEY, body, hashlib.sha256)
    g = hmac.digest(KEY, body, "sha512")
    return a, b, c, d, e, f, g
)");
  EXPECT_EQ(linesOf("WH106"), (Lines{8, 9, 10, 11}));
}

TEST_F(WeakAlgorithmTest, PlainHashesOverSecretAndRequest) {
  load(R"(import hashlib, os
from flask import Flask, request
app = Flask(__name__)
SECRET = os.environ["HOOK_SECRET"]

@app.post("/hooks/legacy")
def legacy():
    a = hashlib.sha256(SECRET.encode() + request.get_data()).hexdigest()
    h = hashlib.md5()
    h.update(request.get_data())
    h.update(SECRET.encode())
    checksum = hashlib.sha256(request.get_data()).hexdigest()
    salted = hashlib.sha256(SECRET.encode()).hexdigest()
    return a, h.hexdigest(), checksum, salted
)");
  EXPECT_EQ(linesOf("WH106"), (Lines{8, 9}));
  auto messages = messagesOf("WH106");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("plain sha256 hash of the secret"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("plain md5 hash"), std::string::npos) << messages[1];
}

TEST_F(WeakAlgorithmTest, DigestNames) {
  load(R"(import hashlib
ALGO = "sha1"
def f():
    return hashlib.sha1, hashlib.new("md5"), ALGO, "SHA256"
)");
  const Function& f = function("app.hooks.f");
  std::vector<std::string> names;
  for (ExprId id = 0; id < f.exprs.size(); ++id) {
    std::string text = spanText(program(), f.exprs[id].span, 80);
    if (text == "hashlib.sha1" || text == "hashlib.new(\"md5\")" || text == "ALGO" || text == "\"SHA256\"") {
      DigestName d = digestNamed(ctx(), f.id, id);
      names.push_back(text + "=" + d.name + (d.weak ? "!" : ""));
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"hashlib.sha1=sha1!", "hashlib.new(\"md5\")=md5!", "ALGO=sha1!",
                                             "\"SHA256\"=sha256"}));
}

}  // namespace
}  // namespace hg
