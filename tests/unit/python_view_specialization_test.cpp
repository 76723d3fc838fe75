// A class-based view's handler inherited from a base, copied for the registered class when
// that class overrides what the handler calls on `self` (python/view_specialization.cpp).
#include <gtest/gtest.h>

#include "test_support.h"

namespace hg {
namespace {

const Route& routeAt(const Program& p, const std::string& path) {
  for (const Route& r : p.routes) {
    if (r.path == path) return r;
  }
  throw std::runtime_error("no route " + path);
}

// The function the call whose source text is `text` reaches.
FunctionId calleeOf(const Function& fn, const std::string& text) {
  for (ExprId id = 0; id < fn.exprs.size(); ++id) {
    if (fn.exprs[id].kind == ExprKind::Call && describeExpr(fn, id) == text) return fn.exprs[id].function;
  }
  throw std::runtime_error("no call " + text + " in " + fn.qualified);
}

constexpr const char* kBase = R"(import json
from django.http import HttpResponse
from django.views.generic import View

class Receiver(View):
    def post(self, request, *args, **kwargs):
        if not self.signature_valid(request):
            return HttpResponse(status=403)
        self.dispatch_event(json.loads(request.body))
        return HttpResponse(status=204)

    def signature_valid(self, request):
        return True

    def dispatch_event(self, event):
        self.process(event)

    def process(self, event):
        pass
)";

TEST(PythonViewSpecialization, InheritedHandlerRunsOnTheRegisteredClass) {
  auto p = lowerPythonSources({{"shop/hooks/base.py", kBase}, {"shop/hooks/views.py", R"(from .base import Receiver

class Signed(Receiver):
    def signature_valid(self, request):
        return request.headers.get("X-Signature") is not None

class Mailer(Receiver):
    def process(self, event):
        print(event)

class Plain(Receiver):
    pass

class Own(Receiver):
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def process(self, event):
        print(event)
)"},
                               {"shop/urls.py", R"(from django.urls import path
from shop.hooks import base, views
urlpatterns = [
    path("hooks/signed/", views.Signed.as_view()),
    path("hooks/mailer/", views.Mailer.as_view()),
    path("hooks/plain/", views.Plain.as_view()),
    path("hooks/base/", base.Receiver.as_view()),
    path("hooks/own/", views.Own.as_view()),
]
)"}});
  const Function& basePost = functionNamed(*p, "shop.hooks.base.Receiver.post");
  const Function& baseDispatchEvent = functionNamed(*p, "shop.hooks.base.Receiver.dispatch_event");
  FunctionId baseValid = functionNamed(*p, "shop.hooks.base.Receiver.signature_valid").id;
  FunctionId baseProcess = functionNamed(*p, "shop.hooks.base.Receiver.process").id;

  // The registered class's override is what the copy calls; the original is left as it was.
  const Function& signedPost = p->function(routeAt(*p, "hooks/signed/").handler);
  EXPECT_EQ(signedPost.specializationOf, basePost.id);
  EXPECT_EQ(signedPost.receiverClass, "shop.hooks.views.Signed");
  EXPECT_EQ(signedPost.qualified, basePost.qualified);
  EXPECT_EQ(signedPost.defSpan, basePost.defSpan);
  EXPECT_EQ(calleeOf(signedPost, "self.signature_valid(request)"),
            functionNamed(*p, "shop.hooks.views.Signed.signature_valid").id);
  EXPECT_EQ(calleeOf(basePost, "self.signature_valid(request)"), baseValid);
  // Nothing Signed overrides lies behind dispatch_event: the base's own method, not a copy.
  EXPECT_EQ(calleeOf(signedPost, "self.dispatch_event(json.loads(request.body))"), baseDispatchEvent.id);

  // Through a base method calling on `self` in turn: that method is copied too.
  const Function& mailerPost = p->function(routeAt(*p, "hooks/mailer/").handler);
  EXPECT_EQ(mailerPost.specializationOf, basePost.id);
  EXPECT_EQ(calleeOf(mailerPost, "self.signature_valid(request)"), baseValid);
  const Function& mailerDispatchEvent =
      p->function(calleeOf(mailerPost, "self.dispatch_event(json.loads(request.body))"));
  EXPECT_EQ(mailerDispatchEvent.specializationOf, baseDispatchEvent.id);
  EXPECT_EQ(calleeOf(mailerDispatchEvent, "self.process(event)"), functionNamed(*p, "shop.hooks.views.Mailer.process").id);
  EXPECT_EQ(calleeOf(baseDispatchEvent, "self.process(event)"), baseProcess);

  // A class that overrides nothing, and the base registered itself, run the original.
  EXPECT_EQ(routeAt(*p, "hooks/plain/").handler, basePost.id);
  EXPECT_EQ(routeAt(*p, "hooks/base/").handler, basePost.id);

  // super().post() from the class's own post() runs the base's post() on that class too (and
  // the class's post() is copied to call that copy).
  const Function& ownPost = p->function(routeAt(*p, "hooks/own/").handler);
  EXPECT_EQ(ownPost.qualified, "shop.hooks.views.Own.post");
  EXPECT_EQ(ownPost.specializationOf, functionNamed(*p, "shop.hooks.views.Own.post").id);
  const Function& superPost = p->function(calleeOf(ownPost, "super().post(request, *args, **kwargs)"));
  EXPECT_EQ(superPost.specializationOf, basePost.id);
  EXPECT_EQ(superPost.receiverClass, "shop.hooks.views.Own");
}

// A method the base only calls (subclasses define it) is found in the registered class; calls
// on `self` that loop back end; the registered class's dispatch override is copied as well.
TEST(PythonViewSpecialization, UndefinedHooksCyclesAndDispatch) {
  auto p = lowerPythonSources({{"app/views.py", R"(from django.views import View

class Base(View):
    def post(self, request):
        self.ping(request)
        return self.handle(request)

    def ping(self, request):
        return self.pong(request)

    def pong(self, request):
        return self.ping(request)

class Sub(Base):
    def handle(self, request):
        return request.body

    def pong(self, request):
        return self.ping(request)

    def dispatch(self, request, *args, **kwargs):
        self.audit(request)
        return super().dispatch(request, *args, **kwargs)

class Audited(Sub):
    def audit(self, request):
        pass
)"},
                               {"app/urls.py", R"(from django.urls import path
from app.views import Audited
urlpatterns = [path("hooks/x/", Audited.as_view())]
)"}});
  const Route& r = routeAt(*p, "hooks/x/");
  const Function& post = p->function(r.handler);
  EXPECT_EQ(post.specializationOf, functionNamed(*p, "app.views.Base.post").id);
  EXPECT_EQ(calleeOf(post, "self.handle(request)"), functionNamed(*p, "app.views.Sub.handle").id);
  const Function& ping = p->function(calleeOf(post, "self.ping(request)"));
  EXPECT_EQ(ping.specializationOf, functionNamed(*p, "app.views.Base.ping").id);
  EXPECT_EQ(calleeOf(ping, "self.pong(request)"), functionNamed(*p, "app.views.Sub.pong").id);
  ASSERT_NE(r.dispatchOverride, kNoFunction);
  const Function& dispatch = p->function(r.dispatchOverride);
  EXPECT_EQ(dispatch.specializationOf, functionNamed(*p, "app.views.Sub.dispatch").id);
  EXPECT_EQ(calleeOf(dispatch, "self.audit(request)"), functionNamed(*p, "app.views.Audited.audit").id);
}

}  // namespace
}  // namespace hg
