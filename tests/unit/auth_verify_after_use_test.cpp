// WH103: uses of the payload that run before the verification guarding the handler.
#include <gtest/gtest.h>

#include "auth_fixture.h"
#include "engine/payload_uses.h"

namespace hg {
namespace {

using testing::Lines;

class VerifyAfterUseTest : public testing::AuthRuleFixture {};

constexpr const char* kPrelude = R"(import functools, hashlib, hmac, json, os
from flask import Flask, request, abort
app = Flask(__name__)
SECRET = os.environ["HOOK_SECRET"].encode()

def check():
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(401)

def store(x):
    return x
)";

TEST_F(VerifyAfterUseTest, ParseOrCallBeforeTheCheckIsReportedOnce) {
  load(std::string(kPrelude) + R"(
@app.post("/hooks/parse-first")
def parse_first():
    event = request.get_json()
    check()
    store(event)
    return "ok"

@app.post("/hooks/call-first")
def call_first():
    body = request.get_data()
    store(json.loads(body))
    check()
    return "ok"
)");
  // Line 16: request.get_json() before check(); line 24: json.loads(body) before check().
  EXPECT_EQ(linesOf("WH103"), (Lines{16, 24}));
  auto messages = messagesOf("WH103");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("parses the payload with request.get_json() before verifying"), std::string::npos)
      << messages[0];
}

TEST_F(VerifyAfterUseTest, RawBytesLengthChecksAndVerifiedFirstAreNotUses) {
  load(std::string(kPrelude) + R"(
@app.post("/hooks/raw")
def raw_first():
    body = request.get_data()
    if len(body) > 65536:
        abort(413)
    text = body.decode("utf-8")
    check()
    return store(json.loads(text))

@app.post("/hooks/fields")
def signed_fields():
    token = request.form["token"]
    timestamp = request.form["timestamp"]
    expected = hmac.new(SECRET, (timestamp + token).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.form["signature"]):
        abort(406)
    return store(request.form["sender"])
)");
  EXPECT_TRUE(linesOf("WH103").empty());
}

TEST_F(VerifyAfterUseTest, LoggingOrMacingTheBodyBeforeTheCheckIsNoUse) {
  load(std::string(kPrelude) + R"(import logging
log = logging.getLogger(__name__)

@app.post("/hooks/logged")
def logged():
    body = request.get_data()
    log.info("delivery of %d bytes: %s", len(body), body)
    print(body)
    mac = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, request.headers.get("X-Signature", "")):
        abort(401)
    return store(json.loads(body))

@app.post("/hooks/stored-first")
def stored_first():
    body = request.get_data()
    store(body)
    check()
    return "ok"
)");
  EXPECT_EQ(linesOf("WH103"), (Lines{29}));
}

TEST_F(VerifyAfterUseTest, HandlersVerifiedByADecoratorOrWithoutAnyCheckAreNotReported) {
  load(std::string(kPrelude) + R"(
def signed(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        check()
        return view(*args, **kwargs)
    return wrapper

@app.post("/hooks/decorated")
@signed
def decorated():
    event = request.get_json()
    return store(event)

@app.post("/hooks/unverified")
def unverified():
    return store(request.get_json())
)");
  EXPECT_TRUE(linesOf("WH103").empty());
}

TEST_F(VerifyAfterUseTest, PayloadUsesListsEachKind) {
  load(R"(from flask import request
import json
CACHE = {}

def handler(db):
    raw = request.get_data()
    event = json.loads(raw)
    CACHE["last"] = event
    db.save(event["id"])
    print(len(raw))
    return event
)");
  std::vector<PayloadUse> uses = payloadUses(ctx(), fn("app.hooks.handler"));
  std::vector<std::pair<uint32_t, PayloadUse::Kind>> got;
  for (const PayloadUse& u : uses) got.emplace_back(u.span.line, u.kind);
  std::vector<std::pair<uint32_t, PayloadUse::Kind>> want{{7, PayloadUse::Kind::Parse},
                                                          {8, PayloadUse::Kind::Store},
                                                          {9, PayloadUse::Kind::Call},
                                                          {11, PayloadUse::Kind::Return}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace hg
