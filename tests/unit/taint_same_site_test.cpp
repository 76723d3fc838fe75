// Values whose origin is fixed although their text is unknown (reverse(), the request's own
// path, a constant table's URLs): what string building keeps of that fact, and the redirects
// it clears or leaves reported.
#include "engine/taint_strings.h"
#include "taint_fixture.h"

namespace hg::testing {
namespace {

TaintValue requestData() {
  TaintValue v;
  v.labels.emplace(TaintLabel::source(Span{}, RequestDataKind::Args), TaintTrace{});
  return v;
}

TaintValue pinnedPath() {
  TaintValue v;
  v.pinned = true;
  return v;
}

TaintFlags flagsOf(const TaintValue& v) { return v.labels.begin()->second.flags; }

TEST(TaintSameSite, DataAfterAPinnedLeadingPartHasItsOriginFixed) {
  TaintValue built = interpolateValues({"", "?q=", ""}, {pinnedPath(), requestData()});
  EXPECT_TRUE(built.pinned);
  EXPECT_TRUE(leadsWithFixedOrigin(built));
  EXPECT_TRUE(flagsOf(built) & kOriginFixed);
}

TEST(TaintSameSite, APinnedPartAfterOpenTextPinsNothing) {
  // "%s%s" % (data, reverse(...)): the client's text comes first and can name a host.
  TaintValue built = interpolateValues({"", "", ""}, {requestData(), pinnedPath()});
  EXPECT_FALSE(built.pinned);
  EXPECT_FALSE(flagsOf(built) & kOriginFixed);
}

TEST(TaintSameSite, JoinKeepsAFixedOriginOnlyWhenBothSidesHaveOne) {
  TaintValue a = TaintValue::constant("/account/");
  a.joinWith(TaintValue::constant("/settings/"));
  EXPECT_FALSE(a.prefixKnown);
  EXPECT_TRUE(a.pinned);
  TaintValue b = pinnedPath();
  b.joinWith(requestData());
  EXPECT_FALSE(leadsWithFixedOrigin(b));
}

TEST(TaintSameSite, JoinWithAPinnedSideKeepsTheOtherSidesParameterCondition) {
  TaintValue param = requestData();
  param.pinnedByParameter = 1;
  TaintValue a = pinnedPath();
  a.joinWith(param);
  EXPECT_FALSE(a.pinned);
  EXPECT_EQ(a.pinnedByParameter, 1);
}

class TaintSameSiteFlows : public TaintFixture {};

TEST_F(TaintSameSiteFlows, ReverseAndModelUrlsPinWhatIsAppended) {
  load({{"shop/models.py", R"(from django.db import models
from django.urls import reverse

class Chart(models.Model):
    name = models.CharField(max_length=10)

    def get_absolute_url(self):
        return reverse("chart", args=[self.name])
)"},
        {"shop/views.py", R"(from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from .models import Chart

def detail(request, name):
    chart = get_object_or_404(Chart, name=name)
    return HttpResponseRedirect(chart.get_absolute_url() + "/+detail")

def done(request):
    return redirect(Chart.objects.filter(name=request.GET["n"]).first())

def listing(request):
    return HttpResponseRedirect("%s?entity=%s" % (reverse("entities"), request.GET["e"]))

def suffix(request):
    return HttpResponseRedirect("%s%s" % (request.GET["e"], reverse("entities")))

urlpatterns = [path("c/<str:name>/", detail), path("d/", done), path("l/", listing), path("s/", suffix)]
)"}});
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{17}));
}

TEST_F(TaintSameSiteFlows, TheRequestsOwnPathIsOnThisSite) {
  load({{"site/views.py", R"(from django.shortcuts import redirect
from django.urls import path

def moved(request):
    url = request.path.replace("/old", "/new", 1)
    url = "%s?%s" % (url, request.GET.urlencode())
    return redirect(url)

def collapsed(request):
    url = request.path.replace("/old", "/", 1)
    return redirect(url + request.GET["x"])

def hosted(request):
    return redirect(request.GET["host"] + request.path)

urlpatterns = [path("old/a", moved), path("old/b", collapsed), path("old/c", hosted)]
)"}});
  // "/old/x".replace("/old", "/") is "//x"; a host the client sends comes before the path.
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{11, 14}));
}

TEST_F(TaintSameSiteFlows, AbsoluteUriOfALocationIsPinnedThroughAHelper) {
  load({{"site/urls.py", R"(from django.http import HttpResponseRedirect
from django.urls import path, reverse
from urllib.parse import urlencode

def absolute(request, location):
    return request.build_absolute_uri(location)

def search(request):
    url = absolute(request, reverse("search"))
    query = urlencode({"q": request.GET.get("q", "")})
    return HttpResponseRedirect("{url}?{query}".format(url=url, query=query))

def forward(request):
    url = absolute(request, request.GET["to"])
    return HttpResponseRedirect(f"{url}?x=1")

urlpatterns = [path("s/", search), path("f/", forward)]
)"}});
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{15}));
}

TEST_F(TaintSameSiteFlows, ConstantTableEntriesFixTheOriginOfWhatTheyFormat) {
  load(flaskModule(R"(from urllib.parse import quote
ENGINES = {"g": "https://search.example/?q={}", "w": "https://wiki.example/find?q={}"}
LOOSE = {"g": "https://search.example/?q={}", "any": "{}"}

@app.route('/bang')
def bang():
    q = quote(request.args.get('q', ''))
    key = request.args.get('b', 'g')
    if key == 'x':
        return redirect(ENGINES.get(key, 'https://search.example/?q={}').format(q))
    if key == 'y':
        return redirect(LOOSE[key].format(q))
    return redirect(ENGINES[key].format(q))
)"));
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{17}));
}

TEST_F(TaintSameSiteFlows, AFalsyTargetOrACheckedOneIsSafe) {
  load({{"acct/views.py", R"(from django.shortcuts import redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme

def is_safe_url(url, request):
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})

def login(request):
    target = request.GET.get("next")
    if target and not is_safe_url(target, request):
        target = None
    return redirect(target or "/")

def logout(request):
    target = request.GET.get("next")
    if target and len(target) > 200:
        target = None
    return redirect(target or "/")

urlpatterns = [path("in/", login), path("out/", logout)]
)"}});
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{18}));
}

}  // namespace
}  // namespace hg::testing
