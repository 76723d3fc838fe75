// WH101 on small handlers: where it fires, what it says, and where it must stay silent.
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class Wh101Test : public EngineFixture {
 protected:
  std::vector<Finding> run() { return findings("WH101"); }
};

TEST_F(Wh101Test, MessageLocationAndRelatedRoute) {
  load(R"(
from flask import Flask, request
app = Flask(__name__)

@app.route("/webhook/stripe", methods=["POST"])
def stripe_webhook():
    event = request.get_json()
    return event["id"]
)");
  auto f = run();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "POST /webhook/stripe handler `stripe_webhook` reads request.get_json() without verifying a signature");
  EXPECT_EQ(f[0].location.line, 6u);
  ASSERT_FALSE(f[0].related.empty());
  EXPECT_EQ(f[0].related[0].span.line, 5u);
  EXPECT_FALSE(f[0].help.empty());
  EXPECT_EQ(f[0].level, Level::Error);
}

TEST_F(Wh101Test, UnverifiedBranchIsReported) {
  load(R"(
import hmac, hashlib
from flask import Flask, request, abort
app = Flask(__name__)
SECRET = b"k"

@app.post("/hooks/orders")
def orders():
    data = request.get_json()
    if data["kind"] == "paid":
        if not hmac.compare_digest(hmac.new(SECRET, request.data, hashlib.sha256).hexdigest(), request.headers.get("X-Sig", "")):
            abort(401)
        return "paid"
    else:
        print(data["kind"])
        return "other"
)");
  auto f = run();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("on every path"), std::string::npos) << f[0].message;
}

TEST_F(Wh101Test, SilentWhenVerifiedDirectlyOrThroughHelpersOrAfterUse) {
  load(R"(
import hmac, hashlib
from flask import Flask, request, abort
app = Flask(__name__)
SECRET = b"k"

def valid():
    return hmac.compare_digest(hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest(),
                               request.headers.get("X-Sig", ""))

def require_valid():
    if not valid():
        abort(401)

@app.post("/hooks/direct")
def direct():
    if not hmac.compare_digest(hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest(),
                               request.headers.get("X-Sig", "")):
        abort(401)
    return str(request.json)

@app.post("/hooks/bool-helper")
def bool_helper():
    if not valid():
        return "", 401
    return str(request.json)

@app.post("/hooks/aborting-helper")
def aborting_helper():
    require_valid()
    return str(request.json)

@app.post("/hooks/late")
def late():
    data = request.get_json()
    print(data)
    require_valid()
    return "ok"
)");
  auto f = run();
  for (const Finding& x : f) ADD_FAILURE() << x.location.line << ": " << x.message;
}

}  // namespace
}  // namespace hg::testing
