// Fixed origins: data that can only fill the path or query of a literal scheme and host is not
// SSRF; a prefix without the '/' after the host still lets the client pick the host.
#include "engine/taint_origin.h"
#include "engine/taint_strings.h"
#include "taint_fixture.h"

namespace hg::testing {
namespace {

TEST(UrlPrefix, Classification) {
  EXPECT_EQ(classifyUrlPrefix("https://api.example.com/items/"), UrlPrefixKind::FixedOrigin);
  EXPECT_EQ(classifyUrlPrefix("https://api.example.com?q="), UrlPrefixKind::FixedOrigin);
  EXPECT_EQ(classifyUrlPrefix("//cdn.example.com/"), UrlPrefixKind::FixedOrigin);
  EXPECT_EQ(classifyUrlPrefix("https://api.example.com"), UrlPrefixKind::Open);
  EXPECT_EQ(classifyUrlPrefix("https://"), UrlPrefixKind::Open);
  EXPECT_EQ(classifyUrlPrefix("https:///"), UrlPrefixKind::Open);
  EXPECT_EQ(classifyUrlPrefix("/account/"), UrlPrefixKind::LocalPath);
  EXPECT_EQ(classifyUrlPrefix("/"), UrlPrefixKind::Open);
  EXPECT_EQ(classifyUrlPrefix("//"), UrlPrefixKind::Open);
  EXPECT_EQ(classifyUrlPrefix(""), UrlPrefixKind::Open);
  EXPECT_EQ(joinedOrigin("https://api.example.com/v1/"), std::optional<std::string>("https://api.example.com/"));
  EXPECT_EQ(joinedOrigin("https://api.example.com"), std::nullopt);
}

TEST(UrlPrefix, IdentifierNames) {
  EXPECT_TRUE(isIdentifierName("id"));
  EXPECT_TRUE(isIdentifierName("order_id"));
  EXPECT_TRUE(isIdentifierName("customerId"));
  EXPECT_TRUE(isIdentifierName("pk"));
  EXPECT_FALSE(isIdentifierName("paid"));
  EXPECT_FALSE(isIdentifierName("amount"));
  EXPECT_FALSE(isIdentifierName(""));
}

TEST(TaintStrings, InterpolationKeepsPrefixAndPinsLaterParts) {
  TaintValue data;
  data.labels.emplace(TaintLabel::param(0), TaintTrace{});
  TaintValue out = interpolateValues({"https://api.example.com/items/", "?v=1"}, {data});
  EXPECT_EQ(out.prefix, "https://api.example.com/items/");
  EXPECT_FALSE(out.complete);
  ASSERT_EQ(out.labels.size(), 1u);
  EXPECT_TRUE(out.labels.begin()->second.flags & kOriginFixed);

  TaintValue host = interpolateValues({"https://", ".example.com/x"}, {data});
  EXPECT_FALSE(host.labels.begin()->second.flags & kOriginFixed);

  // A constant base then the data: pinned by the base's text.
  TaintValue joined = concatValues(TaintValue::constant("https://api.example.com/"), data);
  EXPECT_TRUE(joined.labels.begin()->second.flags & kOriginFixed);
  TaintValue noSlash = concatValues(TaintValue::constant("https://api.example.com"), data);
  EXPECT_FALSE(noSlash.labels.begin()->second.flags & kOriginFixed);
}

TEST(TaintStrings, Templates) {
  std::vector<std::string> literals, fields;
  ASSERT_TRUE(splitPercentTemplate("https://%s/x?n=%05d%%", literals));
  EXPECT_EQ(literals, (std::vector<std::string>{"https://", "/x?n=", "%"}));
  ASSERT_TRUE(splitBraceTemplate("https://{host}/{0}/{{x}}", literals, fields));
  EXPECT_EQ(literals, (std::vector<std::string>{"https://", "/", "/{x}"}));
  EXPECT_EQ(fields, (std::vector<std::string>{"host", "0"}));
  EXPECT_FALSE(splitPercentTemplate("%(name)s", literals));
}

class TaintFixedOrigin : public TaintFixture {};

TEST_F(TaintFixedOrigin, PathAndQueryOfAFixedOriginAreNotFullSsrf) {
  load(flaskModule(R"(BASE = 'https://api.example.com/v1/'
ORIGIN = 'https://api.example.com'

@app.route('/items/<item_id>')
def item(item_id):
    requests.get(f'https://api.example.com/items/{item_id}')
    requests.get('https://api.example.com/x?q=' + request.args['q'])
    requests.get(urljoin(BASE, request.args['path']))
    requests.get(ORIGIN + '/items/' + request.args['id'])
    requests.get('https://api.example.com/{}'.format(request.args['id']))
    requests.get('https://api.example.com/items/%s' % item_id)
    local_base = 'https://api.example.com/v2'
    target = f'{local_base}/things/{item_id}'
    requests.get(target)
    requests.get(urljoin('https://api.example.com', request.args['path']))
    requests.get(f'https://api.example.com{request.args["path"]}')
    requests.get('https://%s/x' % request.args['h'])
    requests.get(ORIGIN + request.args['path'])
    requests.get(item_id)
)"));
  // urljoin(BASE, x) takes x's host when x has one: full SSRF (line 13). The paths of the
  // fixed origins are partial SSRF, their queries nothing.
  EXPECT_EQ(ssrfLines(), (std::vector<uint32_t>{13, 20, 21, 22, 23, 24}));
  EXPECT_EQ(sinkLines(SinkKind::PartialSsrf), (std::vector<uint32_t>{11, 14, 15, 16, 19}));
}

TEST_F(TaintFixedOrigin, FixedOriginThroughAHelperParameter) {
  load(flaskModule(R"(def get_item(url):
    return requests.get(url, timeout=5)

def item_url(item_id):
    return f'https://api.example.com/items/{item_id}'

@app.route('/i/<item_id>')
def item(item_id):
    get_item(item_url(item_id))
    get_item(f'https://api.example.com/orders/{item_id}')
    get_item(request.args['next'])
)"));
  std::vector<SinkHit> found = hits(SinkKind::Ssrf);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.line, 7u);
  EXPECT_EQ(found[0].trace.steps.front().span.line, 16u);
}

}  // namespace
}  // namespace hg::testing
