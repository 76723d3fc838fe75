// Function summaries across modules: a parameter reaching a sink in another module, a return
// value depending on some parameters only, request data read inside a helper.
#include <set>

#include "taint_fixture.h"

namespace hg::testing {
namespace {

class TaintSummaries : public TaintFixture {
 protected:
  void loadTwoModules() {
    load({{"app/net.py", R"(import requests

def fetch_json(url, timeout=5):
    resp = requests.get(url, timeout=timeout)
    return resp.json()

def build_callback(base, path):
    return base + path

def choose(a, b):
    return b

def callback_from_request():
    from flask import request
    return request.headers.get('X-Callback')
)"},
          {"app/hooks.py", R"(from flask import Flask, request
from app.net import fetch_json, build_callback, choose, callback_from_request
from app import net

app = Flask(__name__)

@app.route('/sync')
def sync():
    target = build_callback(request.args['base'], '/status')
    fetch_json(target)
    net.fetch_json(choose(request.args['x'], 'https://fixed.example/'))
    return net.fetch_json(callback_from_request())
)"}});
  }
};

TEST_F(TaintSummaries, ParameterReachesSinkInAnotherModule) {
  loadTwoModules();
  const TaintSummary& fetch = ctx().taint().summary(fn("app.net.fetch_json"));
  ASSERT_EQ(fetch.parameterHits.size(), 1u);
  EXPECT_EQ(fetch.parameterHits[0].kind, SinkKind::Ssrf);
  EXPECT_EQ(fetch.parameterHits[0].label, TaintLabel::param(0));
  EXPECT_EQ(fetch.parameterHits[0].span.line, 4u);
  // The response is the remote server's data, not the parameter's.
  EXPECT_FALSE(fetch.returns.labels.count(TaintLabel::param(0)));
}

TEST_F(TaintSummaries, ReturnDependsOnTheParametersThatFlowThere) {
  loadTwoModules();
  const TaintSummary& build = ctx().taint().summary(fn("app.net.build_callback"));
  EXPECT_TRUE(build.returns.labels.count(TaintLabel::param(0)));
  EXPECT_TRUE(build.returns.labels.count(TaintLabel::param(1)));
  const TaintSummary& choose = ctx().taint().summary(fn("app.net.choose"));
  EXPECT_FALSE(choose.returns.labels.count(TaintLabel::param(0)));
  EXPECT_TRUE(choose.returns.labels.count(TaintLabel::param(1)));
  const TaintSummary& reader = ctx().taint().summary(fn("app.net.callback_from_request"));
  ASSERT_EQ(reader.returns.labels.size(), 1u);
  EXPECT_TRUE(reader.returns.labels.begin()->first.isSource());
}

TEST_F(TaintSummaries, FlowsAcrossModulesAreReportedAtTheSink) {
  loadTwoModules();
  std::vector<SinkHit> found = hits(SinkKind::Ssrf);
  // build_callback(request.args['base'], ...) and the header read inside callback_from_request;
  // choose() drops the request data.
  ASSERT_EQ(found.size(), 2u);
  std::set<RequestDataKind> kinds;
  for (const SinkHit& h : found) {
    EXPECT_EQ(program().sources.get(h.span.file).displayPath, "app/net.py");
    EXPECT_EQ(h.span.line, 4u);
    EXPECT_EQ(h.root, fn("app.hooks.sync"));
    kinds.insert(h.label.data);
  }
  EXPECT_EQ(kinds, (std::set<RequestDataKind>{RequestDataKind::Args, RequestDataKind::Headers}));
  std::vector<std::string> flow = flowOf(found[0].label.data == RequestDataKind::Args ? found[0] : found[1]);
  std::vector<std::string> expected = {
      "9: read from the request: request.args['base']",
      "9: passed to build_callback() as parameter base",
      "8: returned from build_callback()",
      "9: assigned to target",
      "10: passed to fetch_json() as parameter url",
      "4: used as the URL of requests.get()",
  };
  EXPECT_EQ(flow, expected);
  EXPECT_EQ(ctx().taint().routesReaching(fn("app.net.fetch_json")), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace hg::testing
