// The flow rules on ordinary views: partial SSRF (a fixed host, a path the client picks),
// urljoin with a client-chosen second argument, lookups keyed by request data, conversions that
// cannot name a host, FastAPI parameters bound by type, and the checks that keep a redirect on
// the site (an empty netloc, a helper comparing the joined URL's host).
#include "taint_fixture.h"

namespace hg::testing {
namespace {

class TaintViews : public TaintFixture {};

TEST_F(TaintViews, PathOfAFixedOriginIsPartialAndQueryIsNot) {
  load(flaskModule(R"(BASE = 'https://api.example.com/v1/'

@app.route('/items/<item_id>')
def item(item_id):
    requests.get(f'https://api.example.com/items/{item_id}')
    requests.get('https://api.example.com/x?q=' + request.args['q'])
    requests.get(BASE + 'items/' + request.args['id'])
    requests.get('https://api.example.com/search', params={'q': request.args['q']})
    requests.get('https://api.example.com/items/' + str(int(item_id)))
    requests.get(f'https://api.example.com/{item_id}#frag')
    requests.get(request.args['url'])
)"));
  EXPECT_EQ(sinkLines(SinkKind::PartialSsrf), (std::vector<uint32_t>{10, 12, 15}));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{16}));
}

TEST_F(TaintViews, PartialThroughAHelperThatBuildsOnAFixedBase) {
  load(flaskModule(R"(def get_item(item):
    return requests.get('https://api.example.com/items/' + item, timeout=5)

@app.route('/i')
def item():
    return get_item(request.args['item']).text
)"));
  std::vector<SinkHit> partial = hits(SinkKind::PartialSsrf);
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].span.line, 7u);
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintViews, UrljoinKeepsTheBaseHostOnlyForAPathTheCodeStarts) {
  load(flaskModule(R"(BASE = 'https://api.example.com/v1/'

@app.route('/j')
def joined():
    requests.get(urljoin(BASE, request.args['page']))
    requests.get(urljoin(BASE, 'items/' + request.args['page']))
    requests.get(urljoin(BASE, '/v2/' + request.args['page']))
    requests.get(urljoin(BASE, '//' + request.args['page']))
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{10, 13}));
  EXPECT_EQ(sinkLines(SinkKind::PartialSsrf), (std::vector<uint32_t>{11, 12}));
}

TEST_F(TaintViews, LookupKeyedByRequestDataYieldsTheMappingsValues) {
  load(flaskModule(R"(FEEDS = {'news': 'https://news.example.com/rss'}

@app.route('/feed')
def feed():
    url = FEEDS.get(request.args.get('feed'), FEEDS['news'])
    requests.get(url)
    fallback = FEEDS.get('news', request.args['fallback'])
    requests.get(fallback)
    requests.get(request.args.get('direct'))
)"));
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{13, 14}));
}

TEST_F(TaintViews, FastApiPlainAndModelParametersAreRequestData) {
  load({{"svc/main.py", R"(import httpx
from fastapi import FastAPI, Query, Header
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

app = FastAPI()

class Hook(BaseModel):
    url: str

@app.get('/a')
def a(url: str, count: int = 3):
    httpx.get(url)
    httpx.get('https://x.example/' + str(count) + '/')

@app.get('/b')
def b(target: str = Query(...), agent: str = Header('')):
    httpx.get(target)
    httpx.get(agent)

@app.post('/c')
def c(hook: Hook):
    httpx.post(hook.url)

@app.get('/d/{name}')
def d(name, to):
    return RedirectResponse(to)
)"}});
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{13, 18, 19, 23}));
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{27}));
  std::vector<SinkHit> found = hits(SinkKind::Ssrf);
  ASSERT_FALSE(found.empty());
  ASSERT_FALSE(found[0].trace.steps.empty());
  EXPECT_EQ(found[0].trace.steps.front().message, "query parameter url of /a");
}

TEST_F(TaintViews, FastApiParametersOfAPlainFunctionAreNotRequestData) {
  load({{"svc/util.py", R"(import httpx

def fetch(url: str):
    return httpx.get(url)
)"}});
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintViews, RedirectKeptOnTheSiteByAnEmptyNetlocOrASameHostHelper) {
  load(flaskModule(R"(from flask import url_for
def is_safe_redirect(target):
    ref = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ('http', 'https') and ref.netloc == test.netloc

@app.route('/a')
def a():
    nxt = request.args.get('next', '/')
    parts = urlparse(nxt)
    if parts.netloc or parts.scheme:
        nxt = '/'
    return redirect(nxt)

@app.route('/b')
def b():
    nxt = request.args.get('next', '/')
    if not is_safe_redirect(nxt):
        abort(400)
    return redirect(nxt)

@app.route('/c')
def c():
    nxt = request.args.get('next', '/')
    if urlparse(nxt).netloc:
        return redirect(nxt)
    return redirect('/')

@app.route('/d')
def d():
    return redirect(url_for('index', next=request.args.get('next')))
)"));
  EXPECT_EQ(sinkLines(SinkKind::Redirect), (std::vector<uint32_t>{31}));
}

}  // namespace
}  // namespace hg::testing
