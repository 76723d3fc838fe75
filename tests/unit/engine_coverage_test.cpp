// Verification around a handler: decorators, before_request hooks, dispatch overrides.
#include "engine/route_scope.h"
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class CoverageTest : public EngineFixture {
 protected:
  const RouteCoverage& coverage(const std::string& handler) { return ctx().coverage().coverage(route(handler)); }
};

constexpr const char* kSecurity = R"(
import functools, hashlib, hmac, os
from flask import request, abort

SECRET = os.environ["SECRET"].encode()

def signature_ok():
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get("X-Sig", ""))

def signed(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not signature_ok():
            abort(401)
        return view(*args, **kwargs)
    return wrapper

def signed_with(header):
    def decorate(fn):
        @functools.wraps(fn)
        def inner(*a, **kw):
            expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, request.headers.get(header, "")):
                return "forbidden", 403
            return fn(*a, **kw)
        return inner
    return decorate

def logged(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        print("calling")
        return view(*args, **kwargs)
    return wrapper

def checks_after(view):
    def wrapper(*args, **kwargs):
        result = view(*args, **kwargs)
        if not signature_ok():
            abort(401)
        return result
    return wrapper
)";

TEST_F(CoverageTest, Decorators) {
  load({{"app/security.py", kSecurity}, {"app/hooks.py", R"(
from flask import Flask, request
from app.security import signed, signed_with, logged, checks_after

app = Flask(__name__)

@app.post("/a")
@signed
def a():
    return str(request.json)

@app.post("/b")
@signed_with("X-Hub-Signature-256")
def b():
    return str(request.json)

@app.post("/c")
@logged
def c():
    return str(request.json)

@app.post("/d")
@checks_after
def d():
    return str(request.json)
)"}});
  EXPECT_TRUE(coverage("app.hooks.a").verified);
  EXPECT_TRUE(coverage("app.hooks.b").verified);
  EXPECT_FALSE(coverage("app.hooks.c").verified);
  EXPECT_FALSE(coverage("app.hooks.c").attempted);
  EXPECT_FALSE(coverage("app.hooks.d").verified);
  EXPECT_TRUE(coverage("app.hooks.d").attempted);
  EXPECT_TRUE(ctx().guards().verifiedOnEntry(fn("app.hooks.a")));
  EXPECT_TRUE(verifiedAt("app.hooks.a", "return"));
  EXPECT_FALSE(verifiedAt("app.hooks.c", "return"));
}

TEST_F(CoverageTest, BeforeRequestHookSkippingOtherPaths) {
  load({{"app/security.py", kSecurity}, {"app/hooks.py", R"(
from flask import Flask, request, abort
from app.security import signature_ok

app = Flask(__name__)

@app.before_request
def check():
    if request.path in ("/health", "/metrics"):
        return None
    if not request.path.startswith("/hooks/"):
        return
    if not signature_ok():
        return "bad signature", 401

@app.post("/hooks/github")
def github():
    return str(request.json)

@app.post("/callbacks/paypal")
def paypal():
    return str(request.form)
)"}});
  EXPECT_TRUE(coverage("app.hooks.github").verified);
  EXPECT_FALSE(coverage("app.hooks.paypal").verified);
  EXPECT_FALSE(coverage("app.hooks.paypal").attempted);
}

TEST_F(CoverageTest, HookByEndpointAndRegisteredByCall) {
  load({{"app/security.py", kSecurity}, {"app/hooks.py", R"(
from flask import Flask, request, abort
from app.security import signature_ok

app = Flask(__name__)

def check():
    if request.endpoint != "stripe_events":
        return None
    if not signature_ok():
        abort(400)

app.before_request(check)

@app.post("/stripe")
def stripe_events():
    return str(request.json)

@app.post("/other-hook")
def other():
    return str(request.json)
)"}});
  EXPECT_TRUE(coverage("app.hooks.stripe_events").verified);
  EXPECT_FALSE(coverage("app.hooks.other").verified);
}

TEST_F(CoverageTest, BlueprintHooksAndAppHooksOverBlueprints) {
  load({{"app/security.py", kSecurity},
        {"app/hooks.py", R"(
from flask import Blueprint, request, abort
from app.security import signature_ok

hooks = Blueprint("hooks", __name__)
open_bp = Blueprint("open", __name__)

@hooks.before_request
def verify():
    if not signature_ok():
        abort(401)

@hooks.post("/push")
def push():
    return str(request.json)

@open_bp.post("/incoming")
def incoming():
    return str(request.json)
)"},
        {"app/factory.py", R"(
from flask import Flask
from app.hooks import hooks, open_bp

def create_app():
    app = Flask(__name__)
    app.register_blueprint(hooks)
    app.register_blueprint(open_bp)
    return app
)"}});
  EXPECT_TRUE(coverage("app.hooks.push").verified);
  EXPECT_FALSE(coverage("app.hooks.incoming").verified);
}

TEST_F(CoverageTest, AppHookInFactoryCoversRegisteredBlueprint) {
  load({{"app/security.py", kSecurity},
        {"app/hooks.py", R"(
from flask import Blueprint, request
bp = Blueprint("hooks", __name__)

@bp.post("/push")
def push():
    return str(request.json)
)"},
        {"app/factory.py", R"(
from flask import Flask, abort
from app.hooks import bp
from app.security import signature_ok

def create_app():
    app = Flask(__name__)

    @app.before_request
    def verify():
        if not signature_ok():
            abort(401)

    app.register_blueprint(bp)
    return app
)"}});
  EXPECT_TRUE(coverage("app.hooks.push").verified);
}

TEST_F(CoverageTest, DispatchRequestOverrideInABaseClass) {
  load({{"app/security.py", kSecurity}, {"app/hooks.py", R"(
from flask import Flask, request, abort
from flask.views import MethodView
from app.security import signature_ok

app = Flask(__name__)

class SignedView(MethodView):
    def dispatch_request(self, *args, **kwargs):
        if not signature_ok():
            abort(401)
        return super().dispatch_request(*args, **kwargs)

class GithubHook(SignedView):
    def post(self):
        return str(request.json)

class OpenHook(MethodView):
    def post(self):
        return str(request.json)

app.add_url_rule("/github", view_func=GithubHook.as_view("github"))
app.add_url_rule("/open-hook", view_func=OpenHook.as_view("open"))
)"}});
  EXPECT_TRUE(coverage("app.hooks.GithubHook.post").verified);
  EXPECT_FALSE(coverage("app.hooks.OpenHook.post").verified);
}

// Django calls dispatch() before post(): views that inherit one post() from a base in another
// module differ by the dispatch() their own class hierarchy overrides, so coverage follows the
// registered class, not the class the handler method is defined in. A 403 response on the
// failed check rejects.
TEST_F(CoverageTest, DjangoDispatchOverrideOfTheRegisteredClass) {
  load({{"shop/hooks/base.py", R"(
import hashlib, hmac, json
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views import View

class Receiver(View):
    def post(self, request, *args, **kwargs):
        self.handle(json.loads(request.body))
        return HttpResponse(status=204)

class SignedReceiver(Receiver):
    def dispatch(self, request, *args, **kwargs):
        expected = hmac.new(settings.SIGNING_KEY, request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)
)"},
        {"shop/hooks/views.py", R"(
from .base import Receiver, SignedReceiver

class Payments(Receiver):
    def handle(self, event):
        pass

class Partner(SignedReceiver):
    def handle(self, event):
        pass
)"},
        {"shop/urls.py", R"(
from django.urls import path
from shop.hooks.views import Partner, Payments

urlpatterns = [
    path("hooks/payments/", Payments.as_view()),
    path("hooks/partner/", Partner.as_view()),
]
)"}});
  auto routeAt = [&](const std::string& path) {
    for (size_t i = 0; i < program().routes.size(); ++i) {
      if (program().routes[i].path == path) return i;
    }
    ADD_FAILURE() << "no route " << path;
    return SIZE_MAX;
  };
  size_t payments = routeAt("hooks/payments/"), partner = routeAt("hooks/partner/");
  ASSERT_NE(payments, SIZE_MAX);
  ASSERT_NE(partner, SIZE_MAX);
  // Both run the base's post(), each on its own class (whose handle() it calls).
  const Function& paymentsPost = program().function(program().routes[payments].handler);
  const Function& partnerPost = program().function(program().routes[partner].handler);
  EXPECT_EQ(paymentsPost.qualified, "shop.hooks.base.Receiver.post");
  EXPECT_EQ(partnerPost.qualified, "shop.hooks.base.Receiver.post");
  EXPECT_EQ(paymentsPost.specializationOf, partnerPost.specializationOf);
  EXPECT_EQ(program().routes[partner].viewClass, "shop.hooks.views.Partner");
  EXPECT_EQ(program().routes[partner].dispatchMethod, "dispatch");
  EXPECT_TRUE(ctx().coverage().coverage(partner).verified);
  EXPECT_FALSE(ctx().coverage().coverage(payments).verified);
  EXPECT_FALSE(ctx().coverage().coverage(payments).attempted);
}

// What the registered class's dispatch() override does runs for the route: a freshness check
// there is the route's (WH201), and the methods it calls on `self` are that class's.
TEST_F(CoverageTest, DjangoDispatchOverrideRunsInTheRouteScope) {
  load({{"hub/views.py", R"(
import hashlib, hmac, json, time
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views import View

class Receiver(View):
    def post(self, request, *args, **kwargs):
        return HttpResponse(json.loads(request.body)["id"])

class Fresh(Receiver):
    def dispatch(self, request, *args, **kwargs):
        if not self.authentic(request):
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)

    def authentic(self, request):
        ts = request.headers.get("X-Timestamp", "0")
        if abs(time.time() - int(ts)) > 300:
            return False
        mac = hmac.new(settings.KEY, ts.encode() + b"." + request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(mac, request.headers.get("X-Signature", ""))

class Stale(Fresh):
    def authentic(self, request):
        mac = hmac.new(settings.KEY, request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(mac, request.headers.get("X-Signature", ""))
)"},
        {"hub/urls.py", R"(
from django.urls import path
from hub.views import Fresh, Stale
urlpatterns = [path("hooks/fresh/", Fresh.as_view()), path("hooks/stale/", Stale.as_view())]
)"}});
  for (size_t i = 0; i < program().routes.size(); ++i) {
    const Route& r = program().routes[i];
    ASSERT_NE(r.dispatchOverride, kNoFunction) << r.path;
    EXPECT_TRUE(ctx().scopes().scope(i).contains(r.dispatchOverride)) << r.path;
    EXPECT_TRUE(ctx().coverage().coverage(i).verified) << r.path;
  }
  auto replay = findings("WH201");
  ASSERT_EQ(replay.size(), 1u);
  EXPECT_EQ(replay[0].message.rfind("POST hooks/stale/ handler `post`", 0), 0u) << replay[0].message;
}

// `@method_decorator(verify, name="dispatch")` on the view class covers its routes as the
// decorator on the method would; a CSRF exemption applied the same way verifies nothing, though
// it still makes the route look like a webhook.
TEST_F(CoverageTest, DjangoMethodDecoratorCoversTheRoute) {
  load({{"hub/security.py", R"(
import functools, hashlib, hmac
from django.conf import settings
from django.http import HttpResponseForbidden

def signed(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        expected = hmac.new(settings.KEY, request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)
    return wrapper
)"},
        {"hub/views.py", R"(
import json
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from hub.security import signed

@method_decorator([csrf_exempt, signed], name="dispatch")
class Deliveries(View):
    def post(self, request):
        return HttpResponse(json.loads(request.body)["id"])

@method_decorator(csrf_exempt, name="dispatch")
class Parcels(View):
    def post(self, request):
        return HttpResponse(request.POST["id"])

class Status(View):
    @method_decorator(signed)
    def post(self, request):
        return HttpResponse(json.loads(request.body)["id"])
)"},
        {"hub/urls.py", R"(
from django.urls import path
from hub.views import Deliveries, Parcels, Status
urlpatterns = [
    path("in/deliveries/", Deliveries.as_view()),
    path("in/parcels/", Parcels.as_view()),
    path("in/status/", Status.as_view()),
]
)"}});
  const RouteCoverage& deliveries = coverage("hub.views.Deliveries.post");
  EXPECT_TRUE(deliveries.verified);
  ASSERT_EQ(deliveries.sources.size(), 1u);
  EXPECT_EQ(deliveries.sources[0].kind, CoverageSource::Kind::Decorator);
  EXPECT_EQ(deliveries.sources[0].function, fn("hub.security.signed"));
  EXPECT_TRUE(coverage("hub.views.Status.post").verified);
  EXPECT_FALSE(coverage("hub.views.Parcels.post").verified);
  EXPECT_FALSE(coverage("hub.views.Parcels.post").attempted);
  const WebhookHandler* parcels = ctx().webhooks().forRoute(route("hub.views.Parcels.post"));
  ASSERT_NE(parcels, nullptr);
  EXPECT_EQ(parcels->reasons, (std::vector<std::string>{"exempt from CSRF"}));
}

// FastAPI dependencies run before the handler: one that raises on a bad signature covers it,
// directly or as the dependency of a dependency; one that only checks on some path attempts;
// one that reads the body and checks nothing covers nothing.
TEST_F(CoverageTest, FastApiDependencies) {
  load(R"(
import hashlib, hmac, json, os
from fastapi import Depends, FastAPI, Header, HTTPException, Request, Security
app = FastAPI()
SECRET = os.environ["WEBHOOK_SECRET"].encode()

async def verified_body(request: Request, x_signature: str = Header("")) -> bytes:
    body = await request.body()
    if not hmac.compare_digest(hmac.new(SECRET, body, hashlib.sha256).hexdigest(), x_signature):
        raise HTTPException(status_code=401)
    return body

async def parsed(body: bytes = Depends(verified_body)) -> dict:
    return json.loads(body)

async def lenient(request: Request, x_signature: str = Header("")) -> bytes:
    body = await request.body()
    if x_signature and not hmac.compare_digest(hmac.new(SECRET, body, hashlib.sha256).hexdigest(), x_signature):
        raise HTTPException(status_code=401)
    return body

async def raw(request: Request) -> bytes:
    return await request.body()

@app.post("/a")
async def a(body: bytes = Depends(verified_body)):
    return json.loads(body)

@app.post("/b")
async def b(event: dict = Depends(parsed)):
    return event

@app.post("/c")
async def c(body: bytes = Security(dependency=verified_body)):
    return json.loads(body)

@app.post("/d")
async def d(body: bytes = Depends(lenient)):
    return json.loads(body)

@app.post("/e")
async def e(body: bytes = Depends(raw)):
    return json.loads(body)

@app.post("/f", dependencies=[Depends(verified_body)])
async def f(request: Request):
    return await request.json()
)");
  EXPECT_TRUE(coverage("app.hooks.a").verified);
  EXPECT_TRUE(coverage("app.hooks.b").verified);
  EXPECT_TRUE(coverage("app.hooks.c").verified);
  EXPECT_FALSE(coverage("app.hooks.d").verified);
  EXPECT_TRUE(coverage("app.hooks.d").attempted);
  EXPECT_FALSE(coverage("app.hooks.e").attempted);
  EXPECT_TRUE(coverage("app.hooks.f").verified);  // listed by the route decorator
  ASSERT_EQ(coverage("app.hooks.b").sources.size(), 1u);
  EXPECT_EQ(coverage("app.hooks.b").sources[0].kind, CoverageSource::Kind::Dependency);
  EXPECT_EQ(coverage("app.hooks.b").sources[0].function, fn("app.hooks.verified_body"));
  EXPECT_TRUE(verifiedAt("app.hooks.a", "return json.loads(body)"));
  EXPECT_FALSE(verifiedAt("app.hooks.e", "return json.loads(body)"));
}

}  // namespace
}  // namespace hg::testing
