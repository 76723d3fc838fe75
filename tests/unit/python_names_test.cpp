// Qualified names and identities (rules/knowledge/README.md's table) and call targets across
// modules.
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace hg {
namespace {

// Qualified names of every expression of `fn` whose rendering is `text`, assignment targets
// left out (they name the variable, not its value).
std::set<std::string> qualifiedOf(const Function& fn, const std::string& text) {
  std::set<ExprId> targets;
  for (const Block& b : fn.blocks) {
    for (const Stmt& s : b.stmts) targets.insert(s.targets.begin(), s.targets.end());
  }
  std::set<std::string> out;
  for (ExprId id = 0; id < fn.exprs.size(); ++id) {
    if (!targets.count(id) && describeExpr(fn, id) == text) out.insert(fn.exprs[id].qualified);
  }
  if (out.empty()) ADD_FAILURE() << "no expression `" << text << "` in " << fn.qualified;
  return out;
}

std::string q(const Function& fn, const std::string& text) {
  std::set<std::string> all = qualifiedOf(fn, text);
  if (all.size() != 1) {
    ADD_FAILURE() << "`" << text << "` has " << all.size() << " different qualified names";
    return {};
  }
  return *all.begin();
}

const Expr& firstExpr(const Function& fn, const std::string& text) {
  for (ExprId id = 0; id < fn.exprs.size(); ++id) {
    if (describeExpr(fn, id) == text) return fn.exprs[id];
  }
  throw std::runtime_error("no expression " + text);
}

TEST(PythonNames, ImportsAndApiValues) {
  auto p = lowerPythonSources({{"app/hooks.py", R"(import hmac
import hashlib as hl
import xml.etree.ElementTree
from flask import request, abort as flask_abort
from slack_sdk.signature import SignatureVerifier

verifier = SignatureVerifier("s")

def handler():
    data = request.get_json()
    sig = request.headers.get("X-Sig")
    mac = hmac.new(b"k", request.get_data(), hl.sha256).hexdigest()
    ok = verifier.is_valid_request(data, {})
    tree = xml.etree.ElementTree.fromstring(data)
    flask_abort(400)
    count = 1
    count = 2
    return data, sig, mac, ok, tree, count, len(data)
)"}});
  const Function& f = functionNamed(*p, "app.hooks.handler");
  EXPECT_EQ(q(f, "request.get_json()"), "flask.request.get_json");
  EXPECT_EQ(q(f, "request.headers.get"), "flask.request.headers.get");
  EXPECT_EQ(q(f, "hmac.new(b'k', request.get_data(), hl.sha256).hexdigest"), "hmac.new().hexdigest");
  EXPECT_EQ(q(f, "hl.sha256"), "hashlib.sha256");
  EXPECT_EQ(q(f, "verifier.is_valid_request"), "slack_sdk.signature.SignatureVerifier().is_valid_request");
  EXPECT_EQ(q(f, "xml.etree.ElementTree.fromstring"), "xml.etree.ElementTree.fromstring");
  EXPECT_EQ(q(f, "flask_abort"), "flask.abort");
  // Locals assigned once take their value's name; others have none; builtins are themselves.
  EXPECT_EQ(q(f, "data"), "flask.request.get_json()");
  EXPECT_EQ(q(f, "sig"), "flask.request.headers.get()");
  EXPECT_EQ(q(f, "count"), "");
  EXPECT_EQ(q(f, "len"), "len");
  EXPECT_EQ(firstExpr(f, "data").binding, "app.hooks.handler.<locals>.data");
  EXPECT_EQ(firstExpr(f, "verifier").binding, "app.hooks.verifier");
}

TEST(PythonNames, ModuleGlobalsAndClassConstants) {
  auto p = lowerPythonSources({{"app/config.py", R"(import os
SECRET = b"hardcoded"
TOKEN = os.environ.get("TOKEN")
LIMIT = 1
LIMIT = 2

class Settings:
    KEY = "k"

def use():
    return SECRET, TOKEN, LIMIT, Settings.KEY
)"}});
  const Function& f = functionNamed(*p, "app.config.use");
  EXPECT_EQ(q(f, "SECRET"), "app.config.SECRET");
  EXPECT_EQ(q(f, "TOKEN"), "os.environ.get()");
  EXPECT_EQ(firstExpr(f, "TOKEN").binding, "app.config.TOKEN");
  EXPECT_EQ(q(f, "LIMIT"), "app.config.LIMIT");
  EXPECT_EQ(q(f, "Settings.KEY"), "app.config.Settings.KEY");
  const Function& body = functionNamed(*p, "app.config.<module>");
  EXPECT_EQ(firstExpr(body, "SECRET").qualified, "app.config.SECRET");  // the assignment's target
}

TEST(PythonNames, RelativeAndCrossModuleImportsResolveToFunctions) {
  auto p = lowerPythonSources({{"pkg/__init__.py", "from .security import verify\n"},
                               {"pkg/security.py", R"(import hmac
def verify(body, sig):
    return hmac.compare_digest(body, sig)
)"},
                               {"pkg/web/hooks.py", R"(from ..security import verify as check
from .. import security
from pkg import verify
import pkg.security

def hook(body, sig):
    check(body, sig)
    security.verify(body, sig)
    verify(body, sig)
    pkg.security.verify(body, sig)
)"}});
  const Function& target = functionNamed(*p, "pkg.security.verify");
  const Function& f = functionNamed(*p, "pkg.web.hooks.hook");
  for (const char* call : {"check(body, sig)", "security.verify(body, sig)", "verify(body, sig)",
                           "pkg.security.verify(body, sig)"}) {
    const Expr& e = firstExpr(f, call);
    EXPECT_EQ(e.qualified, "pkg.security.verify") << call;
    EXPECT_EQ(e.function, target.id) << call;
    EXPECT_EQ(f.exprs[e.args[0]].function, target.id) << call;
  }
}

// app/ has no __init__.py (a PEP 420 namespace package): the import-root finder names its
// files "security" and "views", yet Python imports them as app.security and app.views.
TEST(PythonNames, NamespacePackageImportsResolveToFunctions) {
  auto p = lowerPythonSourcesUnder("web/app/", {{"web/app/security.py", R"(import hmac
def verify(body, sig):
    return hmac.compare_digest(body, sig)
)"},
                                                {"web/app/views.py", R"(from app.security import verify
import app.security
import app.security as sec
from web.app import security
from flask import request

def hook(body, sig):
    verify(body, sig)
    app.security.verify(body, sig)
    sec.verify(body, sig)
    security.verify(body, sig)
    return request.get_data()
)"}});
  const Function& target = functionNamed(*p, "security.verify");
  const Function& f = functionNamed(*p, "views.hook");
  for (const char* call : {"verify(body, sig)", "app.security.verify(body, sig)", "sec.verify(body, sig)",
                           "security.verify(body, sig)"}) {
    const Expr& e = firstExpr(f, call);
    EXPECT_EQ(e.qualified, "security.verify") << call;
    EXPECT_EQ(e.function, target.id) << call;
  }
  EXPECT_EQ(q(f, "request.get_data"), "flask.request.get_data");
}

// A namespace directory named like a library (examples/flask/views.py) never stands for the
// library's module: flask.views.MethodView stays Flask's.
TEST(PythonNames, NamespaceDirectoriesDoNotShadowLibraries) {
  auto p = lowerPythonSourcesUnder("examples/flask/", {{"examples/flask/views.py", "def render():\n    return 1\n"},
                                                       {"examples/flask/app.py", R"(import flask.views
from flask import Flask
app = Flask(__name__)

class Hook(flask.views.MethodView):
    pass
)"}});
  const ClassDef* hook = p->findClass("app.Hook");
  ASSERT_NE(hook, nullptr);
  EXPECT_EQ(hook->bases, std::vector<std::string>{"flask.views.MethodView"});
}

TEST(PythonNames, ReExportedApiNamesAreCanonical) {
  auto p = lowerPythonSources({{"pkg/compat.py", "from flask import request\nimport stripe\nclient = stripe.StripeClient('k')\n"},
                               {"pkg/hooks.py", R"(from pkg.compat import request, client
def hook():
    return request.get_data(), client.construct_event()
)"}});
  const Function& f = functionNamed(*p, "pkg.hooks.hook");
  EXPECT_EQ(q(f, "request.get_data"), "flask.request.get_data");
  EXPECT_EQ(q(f, "client.construct_event"), "stripe.StripeClient().construct_event");
  EXPECT_EQ(firstExpr(f, "client").binding, "pkg.compat.client");
}

TEST(PythonNames, SelfInstancesAndBaseClassMethods) {
  auto p = lowerPythonSources({{"app/base.py", R"(class Verifier:
    def check(self, body):
        return self.compute(body)
    def compute(self, body):
        return body
)"},
                               {"app/hooks.py", R"(from .base import Verifier
class StripeVerifier(Verifier):
    def run(self, body):
        self.check(body)
        super().compute(body)
        return self.check

def use():
    v = StripeVerifier()
    v.check(1)
    w: Verifier = make()
    w.compute(2)
)"}});
  const Function& check = functionNamed(*p, "app.base.Verifier.check");
  const Function& compute = functionNamed(*p, "app.base.Verifier.compute");
  const Function& run = functionNamed(*p, "app.hooks.StripeVerifier.run");
  EXPECT_EQ(q(run, "self"), "app.hooks.StripeVerifier()");
  EXPECT_EQ(firstExpr(run, "self.check(body)").function, check.id);
  EXPECT_EQ(firstExpr(run, "super().compute(body)").function, compute.id);
  EXPECT_EQ(q(check, "self.compute"), "app.base.Verifier().compute");
  EXPECT_EQ(firstExpr(check, "self.compute(body)").function, compute.id);
  const Function& use = functionNamed(*p, "app.hooks.use");
  EXPECT_EQ(q(use, "v.check"), "app.hooks.StripeVerifier().check");
  EXPECT_EQ(firstExpr(use, "v.check(1)").function, check.id);
  EXPECT_EQ(q(use, "w.compute"), "app.base.Verifier().compute");
  EXPECT_EQ(firstExpr(use, "w.compute(2)").function, compute.id);
  const ClassDef* cls = p->findClass("app.hooks.StripeVerifier");
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->bases, (std::vector<std::string>{"app.base.Verifier"}));
}

TEST(PythonNames, AnnotatedParametersAndFrameworkRequests) {
  auto p = lowerPythonSources({{"api.py", R"(from typing import Optional
from fastapi import Request
from starlette.requests import Request as StarletteRequest

async def a(request: Request, other: "Request", maybe: Optional[StarletteRequest] = None, n: int = 3):
    return request.headers, other.body, maybe.json, n
)"}});
  const Function& f = functionNamed(*p, "api.a");
  ASSERT_EQ(f.params.size(), 4u);
  EXPECT_EQ(f.params[0].annotation, "fastapi.Request");
  EXPECT_EQ(f.params[2].annotation, "starlette.requests.Request");
  EXPECT_EQ(f.params[3].annotation, "int");
  EXPECT_NE(f.params[3].defaultValue, kNoExpr);
  EXPECT_EQ(f.exprs[f.params[3].defaultValue].text, "3");
  EXPECT_EQ(q(f, "request.headers"), "fastapi.Request().headers");
  EXPECT_EQ(q(f, "other.body"), "fastapi.Request().body");
  EXPECT_EQ(q(f, "maybe.json"), "starlette.requests.Request().json");
}

TEST(PythonNames, ClosuresSeeEnclosingLocalsButNotClassBodies) {
  auto p = lowerPythonSources({{"m.py", R"(from flask import request
X = 1
def outer():
    data = request.get_json()
    def inner():
        return data
    return inner

class C:
    X = request
    def method(self):
        return X
)"}});
  const Function& inner = functionNamed(*p, "m.outer.<locals>.inner");
  EXPECT_EQ(q(inner, "data"), "flask.request.get_json()");
  EXPECT_EQ(firstExpr(inner, "data").binding, "m.outer.<locals>.data");
  const Function& method = functionNamed(*p, "m.C.method");
  EXPECT_EQ(q(method, "X"), "m.X");
}

TEST(PythonNames, GlobalDeclarationsAndShadowing) {
  auto p = lowerPythonSources({{"m.py", R"(import json
STATE = None
def f():
    global STATE
    STATE = 1
    json = "not the module"
    return json.loads, STATE
)"}});
  const Function& f = functionNamed(*p, "m.f");
  EXPECT_EQ(firstExpr(f, "STATE").binding, "m.STATE");
  EXPECT_EQ(q(f, "json.loads"), "");
}

TEST(PythonNames, ImportsAreRecordedOnTheModule) {
  auto p = lowerPythonSources({{"a/b/c.py", "import os.path\nimport x.y as z\nfrom ..d import e as f\nfrom . import g\nfrom h import *\n"}});
  const Module* m = p->findModule("a.b.c");
  ASSERT_NE(m, nullptr);
  std::vector<std::pair<std::string, std::string>> got;
  for (const Import& i : m->imports) got.emplace_back(i.localName, i.target);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"os", "os"}, {"z", "x.y"}, {"f", "a.d.e"}, {"g", "a.b.g"}, {"*", "h"}}));
}

}  // namespace
}  // namespace hg
