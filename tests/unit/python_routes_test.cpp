// Route and application discovery in the Python front-end: every route form it recognises,
// and the look-alikes that are not routes.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace hg {
namespace {

using Methods = std::vector<HttpMethod>;

std::vector<const Route*> routesOf(const Program& p, const std::string& handler) {
  std::vector<const Route*> out;
  for (const Route& r : p.routes) {
    if (r.handler != kNoFunction && p.function(r.handler).qualified == handler) out.push_back(&r);
  }
  return out;
}

const Route& onlyRouteOf(const Program& p, const std::string& handler) {
  auto rs = routesOf(p, handler);
  if (rs.size() != 1) throw std::runtime_error(handler + " has " + std::to_string(rs.size()) + " routes");
  return *rs[0];
}

bool hasDecorator(const Route& r, const std::string& name) {
  return std::find(r.decoratorNames.begin(), r.decoratorNames.end(), name) != r.decoratorNames.end();
}

TEST(PythonRoutes, FlaskRouteDecoratorWithMethodsAndDefaults) {
  auto p = lowerPythonSources({{"app/hooks.py", R"(from flask import Flask, request
from flask_login import login_required

app = Flask(__name__)

@app.route("/webhook/<int:account_id>", methods=["post", "PUT"])
def stripe_webhook(account_id):
    return request.get_json()

@app.route("/status")
def status():
    return "ok"

@login_required
@app.route("/admin", methods=("POST",))
def admin():
    return "x"

def plain():
    return request.data

@login_required
def decorated_not_a_route():
    return request.data
)"}});
  const Route& hook = onlyRouteOf(*p, "app.hooks.stripe_webhook");
  EXPECT_EQ(hook.framework, "flask");
  EXPECT_EQ(hook.path, "/webhook/<int:account_id>");
  EXPECT_EQ(hook.methods, (Methods{HttpMethod::Post, HttpMethod::Put}));
  EXPECT_EQ(hook.registeredOn, "app.hooks.app");
  EXPECT_EQ(hook.pathParameters, (std::vector<std::string>{"account_id"}));
  EXPECT_EQ(hook.declaration.line, 6u);
  EXPECT_TRUE(hook.acceptsBody());
  EXPECT_TRUE(hook.decoratorNames.empty());

  const Route& status = onlyRouteOf(*p, "app.hooks.status");
  EXPECT_EQ(status.methods, (Methods{HttpMethod::Get}));  // Flask's default
  EXPECT_FALSE(status.acceptsBody());

  const Route& admin = onlyRouteOf(*p, "app.hooks.admin");
  EXPECT_EQ(admin.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(admin.decoratorNames, (std::vector<std::string>{"flask_login.login_required"}));

  EXPECT_TRUE(routesOf(*p, "app.hooks.plain").empty());
  EXPECT_TRUE(routesOf(*p, "app.hooks.decorated_not_a_route").empty());
  EXPECT_EQ(p->routes.size(), 3u);

  ASSERT_EQ(p->applications.size(), 1u);
  EXPECT_EQ(p->applications[0].qualified, "app.hooks.app");
  EXPECT_EQ(p->applications[0].framework, "flask");
  EXPECT_EQ(p->applications[0].kind, "app");
  EXPECT_EQ(p->function(p->applications[0].definedIn).qualified, "app.hooks.<module>");
  EXPECT_EQ(p->applications[0].construction.line, 4u);
}

TEST(PythonRoutes, MethodShortcutsBlueprintsAndPrefixes) {
  auto p = lowerPythonSources({{"svc/hooks.py", R"(from flask import Blueprint
bp = Blueprint("hooks", __name__, url_prefix="/hooks")

@bp.post("/github")
def github():
    return ""

@bp.get("/health")
def health():
    return ""

@bp.delete("/item/<id>")
def remove(id):
    return ""
)"},
                               {"svc/app.py", R"(from flask import Flask
from .hooks import bp
app = Flask(__name__)
app.register_blueprint(bp, url_prefix="/api")
)"}});
  const Route& gh = onlyRouteOf(*p, "svc.hooks.github");
  EXPECT_EQ(gh.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(gh.registeredOn, "svc.hooks.bp");
  EXPECT_EQ(gh.path, "/api/github");  // register_blueprint's url_prefix replaces the blueprint's
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.health").methods, (Methods{HttpMethod::Get}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.remove").methods, (Methods{HttpMethod::Delete}));
  ASSERT_EQ(p->applications.size(), 2u);
  EXPECT_EQ(p->applications[0].kind, "blueprint");
  EXPECT_EQ(p->applications[0].qualified, "svc.hooks.bp");
}

TEST(PythonRoutes, BlueprintPrefixWithoutRegistration) {
  auto p = lowerPythonSources({{"m.py", R"(import flask
bp = flask.Blueprint("x", __name__, url_prefix="/webhooks/")
@bp.route("stripe", methods=["POST"])
def stripe():
    pass
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "m.stripe").path, "/webhooks/stripe");
}

TEST(PythonRoutes, AddUrlRuleInAppFactoryWithConstantMethods) {
  auto p = lowerPythonSources({{"pkg/factory.py", R"(from flask import Flask
from .views import receive, listing

POST_ONLY = ["POST"]

def create_app():
    app = Flask(__name__)
    app.add_url_rule("/hooks/slack", "slack", receive, methods=POST_ONLY)
    app.add_url_rule("/list", view_func=listing)

    @app.route("/inner", methods=["GET", "POST"])
    def inner():
        return ""
    return app
)"},
                               {"pkg/views.py", R"(def receive():
    return ""

def listing():
    return ""
)"}});
  const Route& slack = onlyRouteOf(*p, "pkg.views.receive");
  EXPECT_EQ(slack.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(slack.path, "/hooks/slack");
  EXPECT_EQ(slack.registeredOn, "pkg.factory.create_app.<locals>.app");
  EXPECT_EQ(slack.declaration.line, 8u);
  EXPECT_EQ(onlyRouteOf(*p, "pkg.views.listing").methods, (Methods{HttpMethod::Get}));
  const Route& inner = onlyRouteOf(*p, "pkg.factory.create_app.<locals>.inner");
  EXPECT_EQ(inner.methods, (Methods{HttpMethod::Get, HttpMethod::Post}));
  EXPECT_EQ(inner.registeredOn, "pkg.factory.create_app.<locals>.app");
  ASSERT_EQ(p->applications.size(), 1u);
  EXPECT_EQ(p->applications[0].qualified, "pkg.factory.create_app.<locals>.app");
  EXPECT_EQ(p->function(p->applications[0].definedIn).qualified, "pkg.factory.create_app");
}

TEST(PythonRoutes, UnknownMethodsExpressionMeansAnyMethod) {
  auto p = lowerPythonSources({{"m.py", R"(from flask import Flask
app = Flask(__name__)
def methods():
    return ["GET"]
@app.route("/x", methods=methods())
def x():
    pass
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "m.x").methods, (Methods{HttpMethod::Any}));
}

TEST(PythonRoutes, MethodViewAndViewSubclassesViaAsView) {
  auto p = lowerPythonSources({{"app/views.py", R"(from flask import Flask
from flask.views import MethodView, View

app = Flask(__name__)

class BaseHook(MethodView):
    def post(self):
        return ""

class GithubHook(BaseHook):
    def get(self):
        return ""

class Dispatch(View):
    methods = ["POST"]
    def dispatch_request(self):
        return ""

class NotAView:
    def post(self):
        return ""

app.add_url_rule("/gh", view_func=GithubHook.as_view("gh"))
app.add_url_rule("/d", view_func=Dispatch.as_view("d"))
)"}});
  auto gh = routesOf(*p, "app.views.BaseHook.post");
  ASSERT_EQ(gh.size(), 1u);
  EXPECT_EQ(gh[0]->methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(gh[0]->path, "/gh");
  EXPECT_EQ(onlyRouteOf(*p, "app.views.GithubHook.get").methods, (Methods{HttpMethod::Get}));
  const Route& d = onlyRouteOf(*p, "app.views.Dispatch.dispatch_request");
  EXPECT_EQ(d.methods, (Methods{HttpMethod::Post}));
  EXPECT_TRUE(routesOf(*p, "app.views.NotAView.post").empty());
}

// Django's generic views all reach post() through View.dispatch, under whichever module the
// view imports them from; a subclass is routed by the methods the scanned tree defines for it,
// so a form view that keeps Django's own post() has no route to analyze.
TEST(PythonRoutes, DjangoGenericViewBases) {
  auto p = lowerPythonSources({{"shop/views.py", R"(from django.views import generic
from django.views.generic import FormView, RedirectView
from django.views.generic.base import TemplateView
from django.views.generic.edit import BaseFormView, CreateView, ProcessFormView

class Tracking(TemplateView):
    def post(self, request):
        return request.body

class Relay(RedirectView):
    def post(self, request):
        return request.body

class Notice(BaseFormView):
    def post(self, request):
        return request.POST

class Raw(ProcessFormView):
    def put(self, request):
        return request.body

class Signup(generic.edit.FormView):
    def post(self, request):
        return request.POST

class Contact(FormView):
    template_name = "contact.html"

class Quote(CreateView):
    fields = ["email"]
)"},
                               {"shop/urls.py", R"(from django.urls import path
from shop import views
urlpatterns = [
    path("hooks/tracking/", views.Tracking.as_view()),
    path("hooks/relay/", views.Relay.as_view()),
    path("hooks/notice/", views.Notice.as_view()),
    path("hooks/raw/", views.Raw.as_view()),
    path("signup/", views.Signup.as_view()),
    path("contact/", views.Contact.as_view()),
    path("quotes/", views.Quote.as_view()),
]
)"}});
  for (const char* handler : {"shop.views.Tracking.post", "shop.views.Relay.post", "shop.views.Notice.post",
                              "shop.views.Signup.post"}) {
    const Route& r = onlyRouteOf(*p, handler);
    EXPECT_EQ(r.methods, (Methods{HttpMethod::Post})) << handler;
    EXPECT_EQ(r.framework, "django") << handler;
    EXPECT_EQ(r.dispatchMethod, "dispatch") << handler;
  }
  EXPECT_EQ(onlyRouteOf(*p, "shop.views.Raw.put").methods, (Methods{HttpMethod::Put}));
  EXPECT_EQ(onlyRouteOf(*p, "shop.views.Tracking.post").viewClass, "shop.views.Tracking");
  // Contact and Quote keep Django's post(): no function of the tree serves them.
  EXPECT_EQ(p->routes.size(), 5u);
}

// Django's method_decorator applies a function decorator to a view's method: on the method,
// or from the class (or a base) naming `dispatch`, which runs before every method, or the
// method itself, which a subclass's own definition replaces.
TEST(PythonRoutes, DjangoMethodDecoratorOnClassesAndMethods) {
  auto p = lowerPythonSources({{"shop/views.py", R"(from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from shop.security import verify

@method_decorator([csrf_exempt, verify], name="dispatch")
class Listed(View):
    def post(self, request):
        return request.body

@method_decorator((verify,), name="dispatch")
class Tupled(View):
    def put(self, request):
        return request.body

@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(decorator=verify, name="post")
class ByName(View):
    def get(self, request):
        return ""
    def post(self, request):
        return request.body

class Inherits(ByName):
    pass

class Replaces(ByName):
    def post(self, request):
        return request.body

class OnTheMethod(View):
    @method_decorator(verify)
    def post(self, request):
        return request.body
)"},
                               {"shop/security.py", "def verify(view):\n    return view\n"},
                               {"shop/urls.py", R"(from django.urls import path
from shop import views
urlpatterns = [
    path("a/", views.Listed.as_view()),
    path("b/", views.Tupled.as_view()),
    path("c/", views.ByName.as_view()),
    path("d/", views.Inherits.as_view()),
    path("e/", views.Replaces.as_view()),
    path("f/", views.OnTheMethod.as_view()),
]
)"}});
  auto decoratorsAt = [&](const std::string& path, HttpMethod method) {
    for (const Route& r : p->routes) {
      if (r.path == path && r.methods == Methods{method}) return r.decoratorNames;
    }
    ADD_FAILURE() << "no route " << path;
    return std::vector<std::string>{};
  };
  using Names = std::vector<std::string>;
  const std::string csrf = "django.views.decorators.csrf.csrf_exempt", verify = "shop.security.verify";
  EXPECT_EQ(decoratorsAt("a/", HttpMethod::Post), (Names{csrf, verify}));
  EXPECT_EQ(decoratorsAt("b/", HttpMethod::Put), (Names{verify}));
  EXPECT_EQ(decoratorsAt("c/", HttpMethod::Post), (Names{csrf, verify}));
  EXPECT_EQ(decoratorsAt("c/", HttpMethod::Get), (Names{csrf}));
  EXPECT_EQ(decoratorsAt("d/", HttpMethod::Post), (Names{csrf, verify}));
  EXPECT_EQ(decoratorsAt("e/", HttpMethod::Post), (Names{csrf}));
  EXPECT_EQ(decoratorsAt("f/", HttpMethod::Post), (Names{verify}));
}

TEST(PythonRoutes, FastApiDecoratorsRoutersAndPrefixes) {
  auto p = lowerPythonSources({{"api/main.py", R"(from fastapi import FastAPI, APIRouter, Request

app = FastAPI()
router = APIRouter(prefix="/hooks")

@app.post("/stripe/{account}")
async def stripe(account: str, request: Request):
    return await request.body()

@router.api_route("/multi", methods=["POST", "PATCH"])
async def multi(request: Request):
    return await request.json()

@router.get("/read")
async def read():
    return {}

app.include_router(router, prefix="/v1")
)"}});
  const Route& s = onlyRouteOf(*p, "api.main.stripe");
  EXPECT_EQ(s.framework, "fastapi");
  EXPECT_EQ(s.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(s.pathParameters, (std::vector<std::string>{"account"}));
  EXPECT_EQ(s.registeredOn, "api.main.app");
  const Route& m = onlyRouteOf(*p, "api.main.multi");
  EXPECT_EQ(m.methods, (Methods{HttpMethod::Post, HttpMethod::Patch}));
  EXPECT_EQ(m.path, "/v1/hooks/multi");
  EXPECT_EQ(m.registeredOn, "api.main.router");
  EXPECT_EQ(onlyRouteOf(*p, "api.main.read").methods, (Methods{HttpMethod::Get}));
  ASSERT_EQ(p->applications.size(), 2u);
  EXPECT_EQ(p->applications[1].kind, "router");
}

TEST(PythonRoutes, DjangoUrlconfAndViewDecorators) {
  auto p = lowerPythonSources({{"shop/views.py", R"(from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_http_methods
from django.views import View

@csrf_exempt
@require_POST
def stripe_hook(request):
    return HttpResponse(request.body)

@require_http_methods(["PUT", "POST"])
def other(request, slug):
    return HttpResponse("")

@csrf_exempt
def unrouted(request):
    return HttpResponse("")

def listing(request):
    return HttpResponse("")

def helper(request):
    return 1

class PayPalIpn(View):
    def post(self, request):
        return HttpResponse(request.POST)
)"},
                               {"shop/urls.py", R"(from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt
from . import views

urlpatterns = [
    path("hooks/stripe/<int:pk>/", views.stripe_hook),
    re_path(r"^other/(?P<slug>[-\w]+)/$", views.other, name="other"),
    path("list/", views.listing),
    path("ipn/", csrf_exempt(views.PayPalIpn.as_view())),
]
)"}});
  const Route& s = onlyRouteOf(*p, "shop.views.stripe_hook");
  EXPECT_EQ(s.framework, "django");
  EXPECT_EQ(s.path, "hooks/stripe/<int:pk>/");
  EXPECT_EQ(s.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(s.pathParameters, (std::vector<std::string>{"pk"}));
  EXPECT_TRUE(hasDecorator(s, "django.views.decorators.csrf.csrf_exempt"));
  EXPECT_EQ(s.declaration.file, p->findModule("shop.urls")->file);

  const Route& o = onlyRouteOf(*p, "shop.views.other");
  EXPECT_EQ(o.methods, (Methods{HttpMethod::Put, HttpMethod::Post}));
  EXPECT_EQ(o.pathParameters, (std::vector<std::string>{"slug"}));

  EXPECT_EQ(onlyRouteOf(*p, "shop.views.listing").methods, (Methods{HttpMethod::Any}));

  const Route& u = onlyRouteOf(*p, "shop.views.unrouted");  // decorated views are routes too
  EXPECT_EQ(u.methods, (Methods{HttpMethod::Any}));
  EXPECT_EQ(u.path, "");

  const Route& ipn = onlyRouteOf(*p, "shop.views.PayPalIpn.post");
  EXPECT_EQ(ipn.methods, (Methods{HttpMethod::Post}));
  EXPECT_TRUE(hasDecorator(ipn, "django.views.decorators.csrf.csrf_exempt"));

  EXPECT_TRUE(routesOf(*p, "shop.views.helper").empty());

  // A Django view's request parameter is the HttpRequest.
  const Function& hook = functionNamed(*p, "shop.views.stripe_hook");
  bool sawBody = false;
  for (const Expr& e : hook.exprs) sawBody = sawBody || e.qualified == "django.http.HttpRequest().body";
  EXPECT_TRUE(sawBody);
}

TEST(PythonRoutes, RouteDecoratorOnUnknownObjectNeedsALiteralPath) {
  auto p = lowerPythonSources({{"m.py", R"(from somewhere import app, cache

@app.route("/hook", methods=["POST"])
def hook():
    pass

@cache.route(timeout=50)
def cached():
    pass
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "m.hook").methods, (Methods{HttpMethod::Post}));
  EXPECT_TRUE(routesOf(*p, "m.cached").empty());
}

TEST(PythonRoutes, AppReturnedByAFactoryInAnotherModule) {
  auto p = lowerPythonSources({{"pkg/factory.py", R"(from flask import Flask
def make_app():
    app = Flask(__name__)
    return app
)"},
                               {"pkg/hooks.py", R"(from pkg.factory import make_app
application = make_app()

@application.route("/cb", methods=["POST"])
def callback():
    pass
)"}});
  const Route& r = onlyRouteOf(*p, "pkg.hooks.callback");
  EXPECT_EQ(r.framework, "flask");
  // The route meets the Application the factory builds.
  EXPECT_EQ(r.registeredOn, "pkg.factory.make_app.<locals>.app");
  ASSERT_EQ(p->applications.size(), 1u);
  EXPECT_EQ(p->applications[0].qualified, r.registeredOn);
}

TEST(PythonRoutes, ScannedDecoratorsAreNamedAndLinked) {
  auto p = lowerPythonSources({{"pkg/auth.py", R"(import functools
def require_signature(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)
    return wrapper
)"},
                               {"pkg/hooks.py", R"(from flask import Flask
from .auth import require_signature
app = Flask(__name__)

@app.route("/hook", methods=["POST"])
@require_signature
def hook():
    pass
)"}});
  const Route& r = onlyRouteOf(*p, "pkg.hooks.hook");
  EXPECT_EQ(r.decoratorNames, (std::vector<std::string>{"pkg.auth.require_signature"}));
  const Function& hook = functionNamed(*p, "pkg.hooks.hook");
  ASSERT_EQ(hook.decorators.size(), 2u);
  EXPECT_EQ(hook.exprs[hook.decorators[1]].function, functionNamed(*p, "pkg.auth.require_signature").id);
}

TEST(PythonRoutes, StarletteRouteObjects) {
  auto p = lowerPythonSources({{"star.py", R"(from starlette.applications import Starlette
from starlette.routing import Route

async def receive(request):
    return await request.body()

async def page(request):
    return ""

app = Starlette(routes=[Route("/hooks/receive", receive, methods=["POST"]), Route("/", endpoint=page)])
)"}});
  const Route& r = onlyRouteOf(*p, "star.receive");
  EXPECT_EQ(r.framework, "starlette");
  EXPECT_EQ(r.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(r.path, "/hooks/receive");
  EXPECT_EQ(onlyRouteOf(*p, "star.page").methods, (Methods{HttpMethod::Get}));
}

// Routes declared by calling the decorator by hand, flask_restful resources registered as
// classes, and Quart, which mirrors Flask.
TEST(PythonRoutes, DecoratorCallFormRestfulResourcesAndQuart) {
  auto p = lowerPythonSources({{"svc.py", R"(import quart
from flask import Flask, request
from flask_restful import Api, Resource

app = Flask(__name__)
api = Api(app)

def receive():
    return request.get_data()

app.route("/hooks/receive", methods=["POST"])(receive)

class Thing(Resource):
    def get(self):
        return ""

    def post(self):
        return request.get_json()

api.add_resource(Thing, "/things")

qapp = quart.Quart(__name__)

@qapp.post("/q")
async def q():
    return await quart.request.get_data()
)"}});
  const Route& r = onlyRouteOf(*p, "svc.receive");
  EXPECT_EQ(r.path, "/hooks/receive");
  EXPECT_EQ(r.methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.Thing.post").path, "/things");
  EXPECT_EQ(onlyRouteOf(*p, "svc.Thing.post").methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.Thing.get").methods, (Methods{HttpMethod::Get}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.q").methods, (Methods{HttpMethod::Post}));
}

// A registration in a loop over a table of the code is one route per entry; a variable
// several loops reuse takes the nearest loop's entries; a loop over anything else is no route.
TEST(PythonRoutes, RegistrationsInALoopOverATable) {
  auto p = lowerPythonSources({{"svc/hooks.py", R"(from flask import Flask
from svc import plugins
app = Flask(__name__)

def github(): pass
def gitlab(): pass
def health(): pass
def metrics(): pass
def plugin(): pass

HOOKS = {"github": github, "gitlab": gitlab}
PAGES = [("/health", health), ("/metrics", metrics)]

for name, view in HOOKS.items():
    app.add_url_rule(f"/hooks/{name}", view_func=view, methods=["POST"])
for rule, view in PAGES:
    app.add_url_rule(rule, rule, view)
for view in plugins.discover():
    app.add_url_rule("/plugins/" + view.__name__, view_func=view, methods=["POST"])
for name in ("a", "b"):
    app.add_url_rule("/tables/" + name, view_func=plugin, methods=["PUT"])
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.github").path, "/hooks/github");
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.gitlab").path, "/hooks/gitlab");
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.gitlab").methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.health").path, "/health");
  EXPECT_EQ(onlyRouteOf(*p, "svc.hooks.metrics").methods, (Methods{HttpMethod::Get}));
  auto tables = routesOf(*p, "svc.hooks.plugin");
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->path, "/tables/a");
  EXPECT_EQ(tables[1]->path, "/tables/b");
  EXPECT_EQ(p->routes.size(), 6u);  // nothing for the plugins discovered at run time
}

// A project's decorator factory: one returning a route decorator, one registering the function
// it decorates (a method of a registry object too); a factory that only wraps is no route.
TEST(PythonRoutes, DecoratorFactoriesOfTheProject) {
  auto p = lowerPythonSources({{"svc/registry.py", R"(from flask import Flask
app = Flask(__name__)

def post_route(rule):
    return app.route(rule, methods=["POST"])

def integration(path, methods=("POST",)):
    def register(fn):
        app.add_url_rule(path, fn.__name__, fn, methods=["POST"])
        return fn
    return register

def requires_role(role):
    def wrap(fn):
        return fn
    return wrap

class Hooks:
    def receiver(self, path):
        def register(fn):
            app.add_url_rule(path, view_func=fn, methods=["POST"])
            return fn
        return register

hooks = Hooks()
)"},
                               {"svc/views.py", R"(from svc.registry import hooks, integration, post_route, requires_role

@post_route("/hooks/chat")
def chat(): pass

@integration(path="/hooks/shipping")
def shipping(): pass

@hooks.receiver("/hooks/crm")
def crm(): pass

@requires_role("admin")
def admin(): pass
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "svc.views.chat").path, "/hooks/chat");
  EXPECT_EQ(onlyRouteOf(*p, "svc.views.chat").methods, (Methods{HttpMethod::Post}));
  EXPECT_EQ(onlyRouteOf(*p, "svc.views.shipping").path, "/hooks/shipping");
  EXPECT_EQ(onlyRouteOf(*p, "svc.views.crm").path, "/hooks/crm");
  EXPECT_TRUE(routesOf(*p, "svc.views.admin").empty());
  EXPECT_EQ(p->routes.size(), 3u);
}

// `login = LoginView.as_view()` in the views module, `path("login/", views.login)` in urls.py.
TEST(PythonRoutes, DjangoViewHeldByAModuleConstant) {
  auto p = lowerPythonSources({{"site/views.py", R"(from django.views import View
class HookView(View):
    def post(self, request):
        return request.body
hook = HookView.as_view()
)"},
                               {"site/urls.py", R"(from django.urls import path
from . import views
urlpatterns = [path("hooks/x/", views.hook)]
)"}});
  EXPECT_EQ(onlyRouteOf(*p, "site.views.HookView.post").path, "hooks/x/");
}

}  // namespace
}  // namespace hg
