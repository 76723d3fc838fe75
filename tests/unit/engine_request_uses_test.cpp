// Request-use detection: which expressions read the request, and what kind of data they read.
#include "engine_fixture.h"

#include <algorithm>

namespace hg::testing {
namespace {

class RequestUsesTest : public EngineFixture {
 protected:
  // "kind header" for each read of the function, in source order.
  std::vector<std::string> reads(const std::string& qualified) {
    std::vector<RequestRead> list = ctx().requestReads(fn(qualified));
    std::sort(list.begin(), list.end(), [](const RequestRead& a, const RequestRead& b) { return a.span < b.span; });
    std::vector<std::string> out;
    for (const RequestRead& r : list) {
      std::string s = requestDataKindName(r.kind);
      if (!r.headerName.empty()) s += " " + r.headerName;
      if (r.viaAlias) s += " (alias)";
      out.push_back(s);
    }
    return out;
  }
};

TEST_F(RequestUsesTest, FlaskBodyFormsAndHeaders) {
  load(R"(
from flask import request

def f():
    raw = request.get_data()
    doc = request.get_json(silent=True)
    event = request.json["type"]
    sig = request.headers.get("X-Hub-Signature-256")
    sig2 = request.headers["Stripe-Signature"]
    form = request.form.get("payload")
    name = request.args.get("name")
    path = request.path
)");
  EXPECT_EQ(reads("app.hooks.f"),
            (std::vector<std::string>{"raw_body", "json", "json", "headers x-hub-signature-256",
                                      "headers stripe-signature", "form", "args"}));
}

TEST_F(RequestUsesTest, NestedReadsInArgumentsAreSeparateReads) {
  load(R"(
from flask import request

def f():
    value = request.headers.get(request.args["header"])
)");
  EXPECT_EQ(reads("app.hooks.f"), (std::vector<std::string>{"headers", "args"}));
}

TEST_F(RequestUsesTest, StarletteRequestMethods) {
  load(R"(
from fastapi import FastAPI, Request, Header

app = FastAPI()

async def hook(request: Request, x_hub_signature_256: str = Header(None)):
    body = await request.body()
    doc = await request.json()
    sig = request.headers.get("x-signature")
)");
  std::vector<std::string> got = reads("app.hooks.hook");
  EXPECT_NE(std::find(got.begin(), got.end(), "raw_body"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "json"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "headers x-signature"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "headers x-hub-signature-256"), got.end());
}

TEST_F(RequestUsesTest, DjangoViewBodyAndMetaHeaders) {
  load(R"(
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

@csrf_exempt
def hook(request):
    body = request.body
    sig = request.META["HTTP_X_HUB_SIGNATURE_256"]
    data = request.POST["payload"]
    return HttpResponse("ok")
)");
  EXPECT_EQ(reads("app.hooks.hook"), (std::vector<std::string>{"raw_body", "headers x-hub-signature-256", "form"}));
}

TEST_F(RequestUsesTest, ClassificationHelpers) {
  load(R"(
from flask import request

def f():
    a = request.data
    b = request.form
    c = request.headers
    d = request.content_length
)");
  std::vector<RequestRead> list = ctx().requestReads(fn("app.hooks.f"));
  ASSERT_EQ(list.size(), 4u);
  std::sort(list.begin(), list.end(), [](const RequestRead& x, const RequestRead& y) { return x.span < y.span; });
  EXPECT_TRUE(list[0].isBody());
  EXPECT_FALSE(list[0].isParsedBody());
  EXPECT_TRUE(list[1].isParsedBody());
  EXPECT_TRUE(list[2].readsInput());
  EXPECT_FALSE(list[2].isBody());
  EXPECT_FALSE(list[3].readsInput());
}

TEST(RequestHeaderNames, NormalisedFromEveryFramework) {
  EXPECT_EQ(normalizeHeaderName("HTTP_X_HUB_SIGNATURE_256"), "x-hub-signature-256");
  EXPECT_EQ(normalizeHeaderName("x_slack_signature"), "x-slack-signature");
  EXPECT_EQ(normalizeHeaderName("Stripe-Signature"), "stripe-signature");
}

}  // namespace
}  // namespace hg::testing
