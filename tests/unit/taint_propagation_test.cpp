// How request data moves: assignments, unpacking, subscripts and .get, attributes, string
// building, containers, comprehensions, helpers; and the flow each hit carries.
#include <algorithm>

#include "taint_fixture.h"

namespace hg::testing {
namespace {

class TaintPropagation : public TaintFixture {};

TEST_F(TaintPropagation, ThreeAssignmentsAndAHelperParameterReachRequestsGet) {
  load(flaskModule(R"(def fetch(target):
    return requests.get(target, timeout=5)

@app.route('/preview')
def preview():
    raw = request.args.get('url')
    cleaned = raw.strip()
    url = cleaned
    return fetch(url).text
)"));
  std::vector<SinkHit> found = hits(SinkKind::Ssrf);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.line, 7u);
  EXPECT_EQ(found[0].label.data, RequestDataKind::Args);
  EXPECT_EQ(found[0].root, fn("app.hooks.preview"));
  std::vector<std::string> flow = flowOf(found[0]);
  std::vector<std::string> expected = {
      "11: read from the request: request.args.get('url')",
      "11: assigned to raw",
      "12: assigned to cleaned",
      "13: assigned to url",
      "14: passed to fetch() as parameter target",
      "7: used as the URL of requests.get()",
  };
  EXPECT_EQ(flow, expected);
}

// A FastAPI parameter bound to a dependency holds what the dependency returns, through a
// dependency of a dependency too; a dependency returning no request data taints nothing.
TEST_F(TaintPropagation, DependencyResultsAreRequestData) {
  load(R"(import json, requests
from fastapi import Depends, FastAPI, Request
app = FastAPI()

async def raw(request: Request) -> bytes:
    return await request.body()

async def event(body: bytes = Depends(raw)) -> dict:
    return json.loads(body)

def settings() -> dict:
    return {"url": "https://status.example"}

@app.post("/hook")
async def hook(data: dict = Depends(event), config: dict = Depends(settings)):
    requests.get(config["url"], timeout=5)
    return requests.get(data["callback"], timeout=5).text
)");
  std::vector<SinkHit> found = hits(SinkKind::Ssrf);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.line, 17u);
  EXPECT_EQ(found[0].label.data, RequestDataKind::RawBody);
  std::vector<std::string> flow = flowOf(found[0]);
  ASSERT_GE(flow.size(), 2u);
  EXPECT_EQ(flow.front(), "6: read from the request: request.body()");
  EXPECT_NE(std::find(flow.begin(), flow.end(), "15: returned by dependency event() as data"), flow.end())
      << ::testing::PrintToString(flow);
}

TEST_F(TaintPropagation, EveryPropagationShapeCarriesTheData) {
  load(flaskModule(R"(@app.route('/shapes', methods=['POST'])
def shapes():
    data = request.get_json()
    first, second = data['urls'][0], data.get('other')
    requests.get(first)
    requests.get(second)
    cfg = {'target': data['target']}
    requests.get(cfg['target'])
    urls = [u.strip() for u in data['many']]
    requests.get(urls[0])
    requests.get("%s/x" % data['base'])
    requests.get("{}/x".format(data['base']))
    requests.get(data['scheme'] + "://" + data['host'])
    requests.get(f"https://{data['host']}/x")
    requests.get(urljoin(data['base'], '/x'))
    items = list(data.values())
    requests.get(items[0])
    batch = []
    batch.append(data['next'])
    requests.get(url=batch[0])
    requests.request('GET', data['target'])
    requests.get('https://fixed.example/x')
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{10, 11, 13, 15, 16, 17, 18, 19, 20, 22, 25, 26}));
}

TEST_F(TaintPropagation, AttributeReadsOnPayloadObjectsAndAugmentedAssignment) {
  load(flaskModule(R"(import json
from types import SimpleNamespace

@app.route('/objects', methods=['POST'])
def objects():
    event = json.loads(request.data, object_hook=lambda d: SimpleNamespace(**d))
    requests.post(event.data.callback_url, json={})
    url = 'https://'
    url += request.headers['X-Target-Host']
    requests.get(url)
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{12, 15}));
}

TEST_F(TaintPropagation, HeadersCookiesFormAndRouteParametersAreSources) {
  load(flaskModule(R"(@app.route('/h')
def from_header():
    requests.get(request.headers['X-Callback-Url'])

@app.route('/c')
def from_cookie():
    requests.get(request.cookies.get('next'))

@app.route('/f', methods=['POST'])
def from_form():
    requests.get(request.form['callback'])

@app.route('/p/<path:target>')
def from_path(target):
    requests.get(target)

@app.route('/v')
def from_values():
    requests.get(request.values.get('u'))
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{8, 12, 16, 20, 24}));
  for (const SinkHit& h : hits(SinkKind::Ssrf)) {
    if (h.span.line == 20) {
      EXPECT_EQ(h.label.data, RequestDataKind::PathParameter);
    }
    if (h.span.line == 8) {
      EXPECT_EQ(h.label.data, RequestDataKind::Headers);
    }
  }
}

TEST_F(TaintPropagation, UnrelatedValuesAndRebindingDoNotFire) {
  load(flaskModule(R"(@app.route('/clean')
def clean():
    url = request.args['url']
    url = 'https://status.example/ping'
    requests.get(url)
    n = len(request.args['x'])
    requests.get('https://status.example/' + str(n))
    ok = request.args['url'].startswith('https')
    requests.get(f'https://status.example/{ok}')
)"));
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintPropagation, RecursionTerminates) {
  load(flaskModule(R"(def walk(u, n):
    if n > 0:
        return walk(u, n - 1)
    return requests.get(u)

def ping(u):
    return pong(u)

def pong(u):
    return ping(u)

@app.route('/r')
def r():
    walk(request.args['u'], 3)
    return ping(request.args['u'])
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{9}));
}

TEST_F(TaintPropagation, DeeplyNestedExpressionsAreCut) {
  std::string nested = "request.args['u']";
  for (int i = 0; i < 400; ++i) nested = "(" + nested + " + 'x')";
  load(flaskModule("@app.route('/deep')\ndef deep():\n    requests.get(" + nested + ")\n"));
  // Analyzing must not crash; whether the cut part is followed is not specified.
  (void)ctx().taint().hits();
  SUCCEED();
}

}  // namespace
}  // namespace hg::testing
