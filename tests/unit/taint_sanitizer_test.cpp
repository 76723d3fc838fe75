// Checks that end a flow, and only on the path they guard: host allowlists, IP-range checks,
// prefix and suffix checks, validating helpers (returning a bool or aborting), and the shapes
// that look like checks but are not.
#include <algorithm>

#include "taint_fixture.h"

namespace hg::testing {
namespace {

class TaintSanitizer : public TaintFixture {
 protected:
  // A GET route whose body is `body` (indented four spaces), after `helpers`.
  void route(const std::string& body, const std::string& helpers = "") {
    load(flaskModule(helpers + "@app.route('/fetch')\ndef fetch():\n    url = request.args['url']\n" + body));
  }
  // Line of the first body line: after the helpers, the decorator, def and url lines.
  uint32_t firstBodyLine(const std::string& helpers = "") const {
    return 6 + static_cast<uint32_t>(std::count(helpers.begin(), helpers.end(), '\n')) + 3;
  }
};

TEST_F(TaintSanitizer, AllowlistOnParsedHostnameAbortsOnFailure) {
  route(R"(    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url).text
)");
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintSanitizer, CheckGuardsOnlyItsBranch) {
  route(R"(    host = urlparse(url).hostname
    if host in ALLOWED_HOSTS:
        requests.get(url)
    requests.get(url)
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 3}));
}

TEST_F(TaintSanitizer, EqualityOnNetloc) {
  route(R"(    parsed = urlparse(url)
    if parsed.netloc == 'partner.example':
        requests.get(url)
    if parsed.netloc != 'partner.example':
        requests.get(url)
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 4}));
}

TEST_F(TaintSanitizer, SuffixNeedsALeadingDot) {
  route(R"(    host = urlparse(url).hostname.lower()
    if host == 'partner.example' or host.endswith('.partner.example'):
        requests.get(url)
    if host.endswith('partner.example'):
        requests.get(url)
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 4}));
}

// The domain may be the application's own setting: a label boundary, then that name.
TEST_F(TaintSanitizer, SuffixOfAConfiguredDomain) {
  route(R"(    host = urlparse(url).netloc
    domain = os.environ.get('SERVER_NAME', 'partner.example')
    if host == domain or host.endswith(f'.{domain}'):
        requests.get(url)
    if host.endswith('.' + domain):
        requests.get(url)
    if host.endswith(f'{domain}'):
        requests.get(url)
    if host.endswith(f'.{request.args["zone"]}'):
        requests.get(url)
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 7, base + 9}));
}

// A parsed URL rebuilt with request data in its query or fragment keeps its host; rebuilt
// from the request's URL, or with the request choosing another part, it does not.
TEST_F(TaintSanitizer, RequestDataReplacingOnlyTheQuery) {
  route(R"(    parts = urllib.parse.urlsplit(os.environ['STATUS_URL'])
    requests.get(urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode({'u': url}))))
    requests.get(urllib.parse.urlunsplit(parts._replace(fragment=url, query='a=1')))
    requests.get(urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(query='a=1')))
    requests.get(urllib.parse.urlunsplit(parts._replace(netloc=url)))
    requests.get(urllib.parse.urlunsplit(parts._replace(path=url)))
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 3, base + 4, base + 5}));
}

TEST_F(TaintSanitizer, PrefixMustEndWithSlashAfterTheHost) {
  route(R"(    if url.startswith('https://partner.example/'):
        requests.get(url)
    if url.startswith('https://partner.example'):
        requests.get(url)
    if url.startswith(('https://a.example/', 'https://b.example/')):
        requests.get(url)
)");
  uint32_t base = firstBodyLine();
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 3}));
}

TEST_F(TaintSanitizer, IpRangeChecks) {
  route(R"(    ip = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if ip.is_private or ip.is_loopback or ip.is_link_local:
        abort(400)
    requests.get(url)
)");
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintSanitizer, GlobalCheckIsSafeWhenTrue) {
  route(R"(    if not ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname)).is_global:
        return 'blocked', 400
    requests.get(url)
)");
  EXPECT_TRUE(ssrfLines().empty());
}

TEST_F(TaintSanitizer, HelperThatResolvesAndChecksPrivateRanges) {
  std::string helpers = R"(def is_safe_url(u):
    host = urlparse(u).hostname
    try:
        addr = ipaddress.ip_address(socket.gethostbyname(host))
    except (ValueError, OSError):
        return False
    return not (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved)

)";
  route(R"(    if not is_safe_url(url):
        abort(400)
    requests.get(url)
    ok = is_safe_url(url)
    if ok:
        requests.get(url)
)",
        helpers);
  EXPECT_TRUE(ssrfLines().empty());
  FunctionId helper = fn("app.hooks.is_safe_url");
  EXPECT_EQ(ctx().taint().summary(helper).flagsWhenTrue.at(0), kHostValidated);
}

TEST_F(TaintSanitizer, HelperThatAborts) {
  std::string helpers = R"(def ensure_allowed(u):
    if urlparse(u).hostname not in ALLOWED_HOSTS:
        abort(403)

)";
  route(R"(    ensure_allowed(url)
    requests.get(url)
)",
        helpers);
  EXPECT_TRUE(ssrfLines().empty());
  EXPECT_EQ(ctx().taint().summary(fn("app.hooks.ensure_allowed")).flagsOnExit.at(0), kHostValidated);
}

TEST_F(TaintSanitizer, HelperReturningBoolGuardsOnlyTheTrueBranch) {
  std::string helpers = R"(def allowed(u):
    if urlparse(u).hostname in ALLOWED_HOSTS:
        return True
    return False

)";
  route(R"(    if allowed(url):
        requests.get(url)
    requests.get(url)
)",
        helpers);
  uint32_t base = firstBodyLine(helpers);
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 2}));
}

TEST_F(TaintSanitizer, HelperThatChecksNothingDoesNotSanitize) {
  std::string helpers = R"(def looks_fine(u):
    return u.startswith('https://')

)";
  route(R"(    if looks_fine(url):
        requests.get(url)
)",
        helpers);
  uint32_t base = firstBodyLine(helpers);
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 1}));
}

TEST_F(TaintSanitizer, SubstringAndSwallowedChecksAreNotValidation) {
  std::string helpers = R"(def ensure_allowed(u):
    if urlparse(u).hostname not in ALLOWED_HOSTS:
        raise ValueError(u)

)";
  route(R"(    if 'partner.example' in url:
        requests.get(url)
    try:
        ensure_allowed(url)
    except ValueError:
        pass
    requests.get(url)
)",
        helpers);
  uint32_t base = firstBodyLine(helpers);
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{base + 1, base + 6}));
}

TEST_F(TaintSanitizer, ValidationOfAHostPartInAHelper) {
  std::string helpers = R"(def host_allowed(host):
    return host in ALLOWED_HOSTS

)";
  route(R"(    if not host_allowed(urlparse(url).hostname):
        abort(400)
    requests.get(url)
)",
        helpers);
  EXPECT_TRUE(ssrfLines().empty());
}

}  // namespace
}  // namespace hg::testing
