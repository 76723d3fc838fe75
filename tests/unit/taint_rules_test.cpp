// The flow and payload rules end to end on small handlers: which findings, where, and what the
// messages and flows say.
#include "taint_fixture.h"

namespace hg::testing {
namespace {

class TaintRules : public TaintFixture {
 protected:
  std::vector<uint32_t> lines(const std::string& rule) {
    std::vector<uint32_t> out;
    for (const Finding& f : findings(rule)) out.push_back(f.location.line);
    return out;
  }
};

TEST_F(TaintRules, SsrfMessageNamesRouteHandlerSourceAndSink) {
  load(flaskModule(R"(@app.route('/preview')
def preview():
    url = request.args.get('url')
    return requests.get(url, timeout=5).text
)"));
  std::vector<Finding> found = findings("WH401");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "GET /preview handler `preview` passes request.args.get('url') to requests.get() without validating the host");
  EXPECT_EQ(found[0].location.line, 9u);
  ASSERT_EQ(found[0].flow.size(), 3u);
  EXPECT_EQ(found[0].flow.front().span.line, 8u);
  EXPECT_EQ(found[0].level, Level::Error);
}

// The URL is a field of the object read from the request: the message names the field, not
// just the object, and the origin stays where the object was read.
TEST_F(TaintRules, SsrfMessageNamesTheFieldTakenFromTheSource) {
  load(flaskModule(R"(@app.post('/jobs')
def enqueue():
    job = request.get_json()
    target = job["notify_url"]
    requests.post(target, json={"ok": True}, timeout=5)
    requests.get(request.get_json()["status_url"], timeout=5)
    return "", 202
)"));
  std::vector<Finding> found = findings("WH401");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "POST /jobs handler `enqueue` passes the \"notify_url\" field of request.get_json() to "
                              "requests.post() without validating the host");
  EXPECT_EQ(found[0].related.at(0).span.line, 8u);
  EXPECT_EQ(found[1].message, "POST /jobs handler `enqueue` passes request.get_json()[\"status_url\"] to requests.get() "
                              "without validating the host");
}

TEST_F(TaintRules, OpenRedirectShapes) {
  load(flaskModule(R"(from flask import make_response, Response

@app.route('/login')
def login():
    nxt = request.args.get('next', '/')
    if request.args.get('mode') == 'a':
        return redirect(nxt)
    if request.args.get('mode') == 'b':
        resp = make_response('', 302)
        resp.headers['Location'] = nxt
        return resp
    if request.args.get('mode') == 'c':
        return Response('', 302, headers={'Location': nxt})
    if request.args.get('mode') == 'd':
        return '', 302, {'Location': nxt}
    if request.args.get('mode') == 'e':
        return redirect('/account/' + nxt)
    if urlparse(nxt).netloc in ALLOWED_HOSTS:
        return redirect(nxt)
    return redirect(f'https://app.example.com/{nxt}')
)"));
  EXPECT_EQ(lines("WH402"), (std::vector<uint32_t>{12, 15, 18, 20}));
}

TEST_F(TaintRules, CodeInjectionSinks) {
  load(flaskModule(R"(import marshal

@app.route('/jobs', methods=['POST'])
def jobs():
    body = request.get_data()
    pickle.loads(body)
    yaml.load(body)
    yaml.load(body, Loader=yaml.SafeLoader)
    yaml.safe_load(body)
    cmd = request.form['cmd']
    subprocess.run(cmd, shell=True)
    subprocess.run(['convert', cmd])
    os.system('echo ' + cmd)
    eval(request.args['expr'])
    marshal.loads(body)
    return '', 204
)"));
  EXPECT_EQ(lines("WH503"), (std::vector<uint32_t>{11, 12, 16, 18, 19, 20}));
}

TEST_F(TaintRules, TimeoutInEveryRouteAndWhatItCalls) {
  load(flaskModule(R"(def notify(url):
    requests.post(url, json={})

@app.route('/webhook/deploy', methods=['POST'])
def deploy_webhook():
    event = request.get_json()
    requests.post('https://ci.example/builds', json=event)
    requests.post('https://ci.example/builds', json=event, timeout=10)
    requests.get('https://ci.example/status', timeout=None)
    urllib.request.urlopen('https://ci.example/x')
    notify('https://chat.example/hook')
    return '', 204

@app.route('/status')
def status():
    return requests.get('https://ci.example/status').text

def offline_job():
    return requests.get('https://ci.example/status').text
)"));
  // Every route counts, webhook or not; a function no route reaches does not.
  EXPECT_EQ(lines("WH403"), (std::vector<uint32_t>{7, 12, 14, 15, 21}));
}

TEST_F(TaintRules, UnvalidatedPayloadReportsTheFirstReadOnce) {
  load(flaskModule(R"(import jsonschema
from pydantic import BaseModel

SCHEMA = {'type': 'object'}

class Event(BaseModel):
    id: str
    kind: str

@app.route('/webhook/a', methods=['POST'])
def hook_a():
    data = request.get_json()
    kind = data['type']
    amount = data.get('amount')
    return kind, amount

@app.route('/webhook/b', methods=['POST'])
def hook_b():
    data = request.get_json()
    jsonschema.validate(data, SCHEMA)
    return data['type']

@app.route('/webhook/c', methods=['POST'])
def hook_c():
    event = Event.model_validate(request.get_json())
    return event.kind

@app.route('/webhook/d', methods=['POST'])
def hook_d():
    return Event(**request.json).kind

@app.route('/webhook/e', methods=['POST'])
def hook_e():
    return request.form['token']

@app.route('/search')
def search():
    return request.args['q']
)"));
  EXPECT_EQ(lines("WH501"), (std::vector<uint32_t>{18, 39}));
}

TEST_F(TaintRules, PayloadObjectReferences) {
  load(flaskModule(R"(from models import Order, db

@app.route('/webhook/orders', methods=['POST'])
def orders_webhook():
    data = request.get_json()
    account = current_account()
    Order.query.get(data['order_id'])
    Order.query.filter_by(id=data['order_id']).first()
    Order.query.filter_by(id=data['order_id'], account_id=account.id).first()
    Order.query.filter_by(id=data['order_id']).filter_by(account_id=account.id).first()
    Order.query.filter_by(id=data['order_id'], account_id=data['account_id']).first()
    db.session.get(Order, data['order_id'])
    Order.query.filter_by(status=data['status']).all()
    return '', 204

def current_account():
    return None
)"));
  EXPECT_EQ(lines("WH502"), (std::vector<uint32_t>{12, 13, 16, 17}));
}

}  // namespace
}  // namespace hg::testing
