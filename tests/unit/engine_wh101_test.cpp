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

// One base post() serves every carrier's route; what it calls on `self` is the registered
// class's. A subclass overriding the check is verified, its siblings are not: WH101 is reported
// once at the shared post(), naming an unverified route, the same one whatever the order of
// the URLconf; the payload a subclass's process() reads is its own route's (WH501).
TEST_F(Wh101Test, InheritedPostJudgedPerRegisteredClass) {
  auto sources = [](const std::string& urlpatterns) -> std::vector<std::pair<std::string, std::string>> {
    return {{"hub/carriers/base.py", R"(
import json
from django.http import HttpResponse, HttpResponseForbidden
from django.views import View

class CarrierWebhook(View):
    def post(self, request, *args, **kwargs):
        if not self.signature_valid(request):
            return HttpResponseForbidden()
        self.process(json.loads(request.body))
        return HttpResponse(status=204)

    def signature_valid(self, request):
        return True

    def process(self, event):
        pass
)"},
            {"hub/carriers/views.py", R"(
import hashlib, hmac
from django.conf import settings
from hub.models import Parcel
from hub.carriers.base import CarrierWebhook

class Signed(CarrierWebhook):
    def signature_valid(self, request):
        expected = hmac.new(settings.KEY, request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, request.headers.get("X-Signature", ""))

    def process(self, event):
        Parcel.objects.filter(code=event["code"]).update(seen=True)

class Alpha(CarrierWebhook):
    def process(self, event):
        Parcel.objects.filter(code=event["alpha_code"]).update(seen=True)

class Beta(CarrierWebhook):
    pass
)"},
            {"hub/urls.py", "from django.urls import path\nfrom hub.carriers.views import Alpha, Beta, Signed\n"
                            "urlpatterns = [" + urlpatterns + "]\n"}};
  };
  const std::string signedRoute = "path(\"hooks/signed/\", Signed.as_view()), ";
  const std::string alpha = "path(\"hooks/alpha/\", Alpha.as_view()), ";
  const std::string beta = "path(\"hooks/beta/\", Beta.as_view()), ";
  std::vector<std::string> messages;
  for (const std::string& order : {signedRoute + alpha + beta, beta + alpha + signedRoute}) {
    load(sources(order));
    auto f = run();
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].location.line, 7u);
    messages.push_back(f[0].message);
    auto payload = findings("WH501");
    std::vector<std::string> where;
    for (const Finding& p : payload) where.push_back(std::to_string(p.location.line) + " " + p.message);
    EXPECT_EQ(where, (std::vector<std::string>{
                         "13 POST hooks/signed/ handler `post` reads payload field event[\"code\"] without "
                         "validating the payload against a schema",
                         "17 POST hooks/alpha/ handler `post` reads payload field event[\"alpha_code\"] without "
                         "validating the payload against a schema"}));
  }
  EXPECT_EQ(messages[0], "POST hooks/alpha/ handler `post` reads request.body without verifying a signature");
  EXPECT_EQ(messages[1], messages[0]);
}

// A shared token configured per tenant in the database: the record the token header selects
// is the check, once the handler rejects when there is none (or the lookup answers 404).
TEST_F(Wh101Test, RecordLookedUpByTheTokenHeader) {
  load(R"(
from flask import Flask, request, abort
from django.shortcuts import get_object_or_404
app = Flask(__name__)

@app.post("/hooks/a")
def a():
    hook = Hook.query.filter_by(token=request.headers["X-Hook-Token"]).first()
    if hook is None:
        abort(403)
    return request.get_json()["id"]

@app.post("/hooks/b")
def b():
    hook = get_object_or_404(Hook, secret=request.headers.get("X-Hook-Token"))
    return request.get_json()["id"]

@app.post("/hooks/c")
def c():
    if not Hook.query.filter(Hook.token == request.headers["X-Hook-Token"]).order_by(Hook.id).first():
        abort(401)
    return request.get_json()["id"]

@app.post("/hooks/d/<int:hook_id>")
def d(hook_id):
    hook = Hook.query.filter_by(id=hook_id).first()
    if hook is None:
        abort(404)
    return request.get_json()["id"]

@app.post("/hooks/e")
def e():
    hook = Hook.query.filter_by(token=request.headers["X-Hook-Token"]).first()
    return request.get_json()["id"]
)");
  auto routes = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.message.substr(0, f.message.find(" handler")));
    return out;
  };
  EXPECT_EQ(routes(run()), (std::vector<std::string>{"POST /hooks/d/<int:hook_id>"}));
  // A lookup whose result nobody tests is a check that lets everything through: WH105's.
  EXPECT_EQ(routes(findings("WH105")), (std::vector<std::string>{"POST /hooks/e"}));
}

}  // namespace
}  // namespace hg::testing
