// Webhook classification as the catalog defines it.
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class WebhookTest : public EngineFixture {
 protected:
  bool isWebhook(const std::string& handler) { return ctx().webhooks().forRoute(route(handler)) != nullptr; }
};

constexpr const char* kApp = R"(
from flask import Flask, request, abort
from flask_login import login_required, current_user
from flask_jwt_extended import jwt_required
from django.views.decorators.csrf import csrf_exempt

app = Flask(__name__)

@app.route("/webhook/stripe", methods=["POST"])
def stripe_webhook():
    return str(request.get_json())

@app.route("/webhook/status")
def status():
    return str(request.args.get("x"))

@app.post("/api/v1/ingest")
def ingest():
    return request.headers.get("X-Signature", "")

@app.post("/api/v1/profile")
def profile():
    return str(request.form)

@app.post("/incoming")
def paypal_ipn_receiver():
    return str(request.form)

@app.post("/hooks/settings")
@login_required
def settings():
    return str(request.form)

@app.post("/hooks/tokens")
@jwt_required()
def tokens():
    return str(request.json)

@app.post("/hooks/prefs")
def prefs():
    if not current_user.is_authenticated:
        abort(401)
    return str(request.json)

@app.post("/hooks/nothing")
def nothing():
    return "ok"

@app.post("/api/partner")
@csrf_exempt
def partner():
    return str(request.get_data())

@app.put("/callbacks/carrier")
def carrier():
    return str(request.get_data())
)";

TEST_F(WebhookTest, PostRoutesThatLookLikeWebhooks) {
  load(kApp);
  EXPECT_TRUE(isWebhook("app.hooks.stripe_webhook"));     // path and name
  EXPECT_TRUE(isWebhook("app.hooks.ingest"));             // reads a signature header
  EXPECT_TRUE(isWebhook("app.hooks.paypal_ipn_receiver")); // provider name in the function
  EXPECT_TRUE(isWebhook("app.hooks.partner"));            // csrf_exempt
  EXPECT_TRUE(isWebhook("app.hooks.carrier"));            // PUT
}

TEST_F(WebhookTest, NotWebhooks) {
  load(kApp);
  EXPECT_FALSE(isWebhook("app.hooks.status"));    // GET only
  EXPECT_FALSE(isWebhook("app.hooks.settings"));  // login_required
  EXPECT_FALSE(isWebhook("app.hooks.tokens"));    // jwt_required()
  EXPECT_FALSE(isWebhook("app.hooks.prefs"));     // current_user check
  EXPECT_FALSE(isWebhook("app.hooks.nothing"));   // reads nothing
}

TEST_F(WebhookTest, ModuleNameAloneDoesNotMakeAFormPostAWebhook) {
  load(kApp);
  // "app/hooks.py" says webhook, but /api/v1/profile only reads a form: no evidence of its own.
  EXPECT_FALSE(isWebhook("app.hooks.profile"));
  load({{"app/views.py", kApp}});
  EXPECT_FALSE(isWebhook("app.views.profile"));
}

TEST_F(WebhookTest, AllPostRoutesOption) {
  config_.allPostRoutes = true;
  load({{"app/views.py", kApp}});
  EXPECT_TRUE(isWebhook("app.views.profile"));
  EXPECT_FALSE(isWebhook("app.views.status"));
  EXPECT_FALSE(isWebhook("app.views.settings"));
}

TEST_F(WebhookTest, ConfiguredRoutes) {
  config_.webhookRoutes = {"/api/v1/*"};
  load({{"app/views.py", kApp}});
  EXPECT_TRUE(isWebhook("app.views.profile"));
}

TEST_F(WebhookTest, ReadsThroughAHelper) {
  load({{"app/views.py", R"(
from flask import Flask, request
app = Flask(__name__)

def payload():
    return request.get_json()

@app.post("/github/push")
def push():
    return str(payload())
)"}});
  EXPECT_TRUE(isWebhook("app.views.push"));
}

TEST(WebhookWords, WholeWordsAndRunTogetherNames) {
  Knowledge k = Knowledge::builtin();
  Program p;
  EngineConfig c;
  Diagnostics d;
  RuleContext ctx(p, k, c, d);
  WebhookClassifier& w = ctx.webhooks();
  EXPECT_TRUE(w.hasWebhookWord("/api/stripeWebhook"));
  EXPECT_TRUE(w.hasWebhookWord("/hooks/x"));
  EXPECT_TRUE(w.hasWebhookWord("paypal_ipn"));
  EXPECT_TRUE(w.hasWebhookWord("/events"));
  EXPECT_FALSE(w.hasWebhookWord("/shipping/preventive"));
  EXPECT_FALSE(w.hasWebhookWord("update_profile"));
}

// A module named "webhooks" is a weak hint: it makes a webhook of a handler that reads the body
// as a machine sends it (raw bytes, JSON), never of a sign-in form posted by a browser.
TEST_F(WebhookTest, ModuleNameCountsOnlyWithAMachineBody) {
  load({{"shop/webhooks.py", R"(
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/login", methods=["GET", "POST"])
def login():
    session["user"] = request.form["user"]
    return "ok"

@app.post("/orders")
def orders():
    return str(request.get_json())

@app.post("/orders/raw")
def orders_raw():
    return str(len(request.get_data()))
)"}});
  EXPECT_FALSE(isWebhook("shop.webhooks.login"));
  EXPECT_TRUE(isWebhook("shop.webhooks.orders"));
  EXPECT_TRUE(isWebhook("shop.webhooks.orders_raw"));
  const WebhookHandler* w = ctx().webhooks().forRoute(route("shop.webhooks.orders"));
  ASSERT_NE(w, nullptr);
  ASSERT_FALSE(w->reasons.empty());
  EXPECT_EQ(w->reasons.front(), "module shop.webhooks and reads the body");
}

// Every message names a route the same way: the body method a webhook arrives by first, "ANY"
// for a view any method reaches (a Django view without method decorators).
TEST(RouteLabel, BodyMethodFirstThenWhatTheRouteAccepts) {
  Route route;
  route.path = "/hooks/stripe";
  route.methods = {HttpMethod::Get, HttpMethod::Post};
  EXPECT_EQ(route.label(), "POST /hooks/stripe");
  route.methods = {HttpMethod::Any};
  EXPECT_EQ(route.label(), "ANY /hooks/stripe");
  route.methods = {HttpMethod::Get};
  route.path.clear();
  EXPECT_EQ(route.label(), "GET route");
  route.methods.clear();
  EXPECT_EQ(route.label(), "ANY route");
}

// An API that logs the caller in as a user (`authenticate()` with the Authorization header's
// credentials) is behind user authentication even without a decorator: csrf_exempt and the
// token header do not make it a webhook.
TEST_F(WebhookTest, CallerAuthenticatedAsAUserIsNoWebhook) {
  load({{"jobs/urls.py", R"(
from django.urls import path
from jobs import views
urlpatterns = [path("api/jobs/submit", views.submit), path("api/jobs/notify", views.notify)]
)"},
        {"jobs/views.py", R"(
import base64
import json
from django.contrib.auth import authenticate
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt

@csrf_exempt
def submit(request):
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    username, _, password = base64.b64decode(credentials).decode().partition(":")
    user = authenticate(request, username=username, password=password)
    if user is None:
        return HttpResponseForbidden()
    return JsonResponse({"id": json.loads(request.body)["name"]})

@csrf_exempt
def notify(request):
    return JsonResponse({"id": json.loads(request.body)["name"]})
)"}});
  EXPECT_FALSE(isWebhook("jobs.views.submit"));
  EXPECT_TRUE(isWebhook("jobs.views.notify"));
}

// An OpenID Connect form_post callback is POSTed by the user's browser: its state check against
// the session, its id_token or its code exchange outweigh the word "callback" (and the CSRF
// exemption such a callback needs). An RPC endpoint hands the body to a dispatcher. A callback
// that reads a signature header is still a webhook.
TEST_F(WebhookTest, SignInCallbacksAndRpcEndpointsAreNoWebhooks) {
  load({{"accounts/urls.py", R"(
from django.urls import path
from accounts import views
urlpatterns = [
    path("oidc/callback", views.oidc_callback),
    path("oauth/callback", views.oauth_callback),
    path("hooks/xmlrpc", views.xmlrpc_endpoint),
    path("billing/callback", views.billing_callback),
    path("partner/callback", views.partner_callback),
]
)"},
        {"accounts/views.py", R"(
import hmac
from xmlrpc.server import SimpleXMLRPCDispatcher
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from authlib.integrations.django_client import OAuth

oauth = OAuth()
rpc = SimpleXMLRPCDispatcher()

@csrf_exempt
def oidc_callback(request):
    if not hmac.compare_digest(request.POST.get("state", ""), request.session.get("state", "")):
        return HttpResponseBadRequest()
    return HttpResponse(request.POST["code"])

@csrf_exempt
def oauth_callback(request):
    token = oauth.idp.authorize_access_token(request)
    return HttpResponse(token["id_token"])

@csrf_exempt
def xmlrpc_endpoint(request):
    return HttpResponse(rpc._marshaled_dispatch(request.body), content_type="text/xml")

@csrf_exempt
def billing_callback(request):
    return HttpResponse(request.body)

@csrf_exempt
def partner_callback(request):
    sig = request.headers.get("X-Partner-Signature", "")
    if request.session.get("seen") == sig:
        return HttpResponse(status=409)
    return HttpResponse(request.body)
)"}});
  EXPECT_FALSE(isWebhook("accounts.views.oidc_callback"));
  EXPECT_FALSE(isWebhook("accounts.views.oauth_callback"));
  EXPECT_FALSE(isWebhook("accounts.views.xmlrpc_endpoint"));
  EXPECT_TRUE(isWebhook("accounts.views.billing_callback"));
  EXPECT_TRUE(isWebhook("accounts.views.partner_callback"));
}

// A post() inherited from a neutral base is named by the class registered for the route.
TEST_F(WebhookTest, RegisteredClassNameCounts) {
  load({{"shop/views.py", R"(
import json
from django.http import HttpResponse
from django.views import View

class JsonView(View):
    def post(self, request, *args, **kwargs):
        return HttpResponse(json.loads(request.body)["id"])

class StripeEvents(JsonView):
    pass

class Orders(JsonView):
    pass
)"},
        {"shop/urls.py", R"(
from django.urls import path
from shop.views import Orders, StripeEvents
urlpatterns = [path("a/", StripeEvents.as_view()), path("b/", Orders.as_view())]
)"}});
  std::vector<std::string> reasons;
  for (size_t i = 0; i < program().routes.size(); ++i) {
    std::vector<std::string> r = ctx().webhooks().webhookReasons(i);
    reasons.push_back(program().routes[i].path + ": " + (r.empty() ? std::string("-") : r.front()));
  }
  EXPECT_EQ(reasons, (std::vector<std::string>{"a/: class StripeEvents", "b/: -"}));
}

// A Django form page posts back to itself from the browser that rendered it: it renders a
// page, reads the form fields and keeps Django's CSRF check, so the webhook words of its path and
// class ("events", "Notification") are no evidence. Exempt from CSRF, or reading the raw body,
// it is a machine's endpoint again; a signature header still makes any route a webhook.
TEST_F(WebhookTest, BrowserFormPagesAreNoWebhooks) {
  load({{"site/urls.py", R"(
from django.urls import path
from site import views
urlpatterns = [
    path("events/open-day/", views.EventSignup.as_view()),
    path("account/notifications/", views.NotificationSettings.as_view()),
    path("events/exempt/", views.ExemptEventForm.as_view()),
    path("events/json/", views.EventJsonPage.as_view()),
    path("events/signed/", views.SignedEventForm.as_view()),
    path("events/plain/", views.EventPlain.as_view()),
]
)"},
        {"site/views.py", R"(
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView
from site.forms import SignupForm

class EventSignup(FormView):
    def post(self, request, *args, **kwargs):
        form = SignupForm(request.POST)
        if not form.is_valid():
            return self.form_invalid(form)
        form.save()
        return redirect("done")

class NotificationSettings(FormView):
    def post(self, request, *args, **kwargs):
        form = SignupForm(request.POST)
        return render(request, "settings.html", {"form": form})

class ExemptEventForm(FormView):
    @csrf_exempt
    def post(self, request, *args, **kwargs):
        return render(request, "done.html", {"ref": request.POST["ref"]})

class EventJsonPage(TemplateView):
    def post(self, request, *args, **kwargs):
        return render(request, "done.html", {"ref": request.body})

class SignedEventForm(FormView):
    def post(self, request, *args, **kwargs):
        sig = request.headers.get("X-Event-Signature", "")
        return render(request, "done.html", {"sig": sig, "ref": request.POST["ref"]})

class EventPlain(FormView):
    def post(self, request, *args, **kwargs):
        SignupForm(request.POST).save()
        return redirect("done")
)"},
        {"site/sms.py", R"(
from flask import Flask, render_template, request
app = Flask(__name__)

@app.post("/events/sms")
def sms_reply():
    return render_template("reply.xml", body=request.form["Body"])
)"}});
  EXPECT_FALSE(isWebhook("site.views.EventSignup.post"));
  EXPECT_FALSE(isWebhook("site.views.NotificationSettings.post"));
  EXPECT_TRUE(isWebhook("site.views.ExemptEventForm.post"));
  EXPECT_TRUE(isWebhook("site.views.EventJsonPage.post"));
  EXPECT_TRUE(isWebhook("site.views.SignedEventForm.post"));
  // Rendering nothing, the form post is judged by its names as before.
  EXPECT_TRUE(isWebhook("site.views.EventPlain.post"));
  // Flask checks no CSRF token by default: a form-encoded callback answered from a template is
  // still a machine's post.
  EXPECT_TRUE(isWebhook("site.sms.sms_reply"));
}

}  // namespace
}  // namespace hg::testing
