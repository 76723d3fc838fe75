#include <gtest/gtest.h>

#include "core/knowledge.h"
#include "core/source.h"

namespace hg {
namespace {

TEST(GlobMatch, ExactAndWildcards) {
  EXPECT_TRUE(globMatch("hmac.compare_digest", "hmac.compare_digest"));
  EXPECT_FALSE(globMatch("hmac.compare_digest", "hmac.compare_digestx"));
  EXPECT_TRUE(globMatch("requests.*", "requests.get"));
  EXPECT_FALSE(globMatch("requests.*", "requestsx.get"));
  EXPECT_TRUE(globMatch("*.construct_event", "stripe.Webhook.construct_event"));
  EXPECT_TRUE(globMatch("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(globMatch("a*b*c", "aXXbYY"));
}

TEST(Knowledge, LoadsStringsAndObjectsAndMerges) {
  Knowledge k;
  k.load(R"({"verifiers": ["hmac.compare_digest", {"name": "stripe.*.construct_event", "raises": true}]})", "a.json");
  k.load(R"({"verifiers": ["mine.check"], "$comment": "ignored"})", "b.json");
  ASSERT_NE(k.match("verifiers", "stripe.Webhook.construct_event"), nullptr);
  EXPECT_TRUE(k.match("verifiers", "stripe.Webhook.construct_event")->attributes.value("raises", false));
  EXPECT_TRUE(k.matches("verifiers", "mine.check"));
  EXPECT_FALSE(k.matches("verifiers", "hmac.new"));
  EXPECT_FALSE(k.matches("sinks", "hmac.compare_digest"));
}

TEST(Knowledge, OverridesAreMatchedBeforeEarlierEntries) {
  Knowledge k;
  k.load(R"({"ssrf_sinks": [{"name": "requests.*", "url_arg": 0}, {"name": "httpx.get", "url_arg": 0}]})", "builtin.json");
  // Within one layer, the first matching entry wins, as before.
  k.load(R"({"ssrf_sinks": [{"name": "requests.custom_get", "url_arg": 2}]})", "same-layer.json");
  EXPECT_EQ(k.match("ssrf_sinks", "requests.custom_get")->attributes.value("url_arg", -1), 0);

  k.beginOverrides();
  k.load(R"({"ssrf_sinks": [{"name": "requests.custom_get", "url_arg": 1}, {"name": "httpx.*", "url_arg": 3}]})",
         "user.toml");
  const KnowledgeEntry* custom = k.match("ssrf_sinks", "requests.custom_get");
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(custom->origin, "user.toml");
  EXPECT_EQ(custom->attributes.value("url_arg", -1), 1);
  EXPECT_EQ(k.match("ssrf_sinks", "httpx.get")->origin, "user.toml");  // a user wildcard beats a built-in name
  EXPECT_EQ(k.match("ssrf_sinks", "requests.post")->origin, "builtin.json");  // the rest still matches
  EXPECT_EQ(k.entries("ssrf_sinks").size(), 5u);
}

// Patterns are indexed by their literal head; the answer must still be the first matching
// entry in file order, whichever list (exact, same head, wildcard head) holds it.
TEST(Knowledge, IndexedLookupKeepsFileOrder) {
  Knowledge k;
  k.load(R"({"c": ["*.get", "requests.*", "requests.get", "boost::beast::*", "Json::*().parse", "req*.post",
                   "*"]})", "a.json");
  EXPECT_EQ(k.match("c", "requests.get")->pattern, "*.get");
  EXPECT_EQ(k.match("c", "requests.post")->pattern, "requests.*");
  EXPECT_EQ(k.match("c", "requestsx.post")->pattern, "req*.post");  // another head: not requests.*
  EXPECT_EQ(k.match("c", "boost::beast::http::read")->pattern, "boost::beast::*");
  EXPECT_EQ(k.match("c", "Json::CharReader().parse")->pattern, "Json::*().parse");
  EXPECT_EQ(k.match("c", "requests")->pattern, "*");  // no separator: only the bare wildcard
  EXPECT_EQ(k.match("c", "?.hexdigest")->pattern, "*");

  Knowledge tails;
  tails.load(R"json({"c": ["*.hexdigest", "*()", "x*y", "*.config.get", "hmac.*"]})json", "t.json");
  EXPECT_EQ(tails.match("c", "hmac.new().hexdigest")->pattern, "*.hexdigest");
  EXPECT_EQ(tails.match("c", "environs.Env()")->pattern, "*()");
  EXPECT_EQ(tails.match("c", "x.y")->pattern, "x*y");
  EXPECT_EQ(tails.match("c", "flask.current_app.config.get")->pattern, "*.config.get");
  EXPECT_EQ(tails.match("c", "hmac.new")->pattern, "hmac.*");
  EXPECT_EQ(tails.match("c", "app.settings.get"), nullptr);
  EXPECT_EQ(tails.match("c", "hexdigest"), nullptr);

  Knowledge ordered;
  ordered.load(R"({"c": ["requests.*", "*.get", "requests.get"]})", "b.json");
  EXPECT_EQ(ordered.match("c", "requests.get")->pattern, "requests.*");
  EXPECT_EQ(ordered.match("c", "httpx.get")->pattern, "*.get");
  EXPECT_EQ(ordered.match("c", "httpx.post"), nullptr);
  EXPECT_EQ(ordered.categories(), std::vector<std::string>{"c"});
}

TEST(Knowledge, MalformedInputNamesTheFile) {
  Knowledge k;
  try {
    k.load("{\"verifiers\": 3}", "bad.json");
    FAIL() << "expected an error";
  } catch (const KnowledgeError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos);
  }
  EXPECT_THROW(k.load("{not json", "worse.json"), KnowledgeError);
  EXPECT_THROW(k.load("{\"verifiers\": [1e999]}", "huge.json"), KnowledgeError);
}

TEST(SourceFile, PositionsCountCodePoints) {
  SourceFile f;
  f.text = "ab\n\xC3\xA9x = 1\n";
  f.indexLines();
  EXPECT_EQ(f.position(0), (std::pair<uint32_t, uint32_t>{1, 1}));
  EXPECT_EQ(f.position(3), (std::pair<uint32_t, uint32_t>{2, 1}));
  EXPECT_EQ(f.position(5), (std::pair<uint32_t, uint32_t>{2, 2}));  // after the two-byte 'é'
  EXPECT_EQ(f.line(2), "\xC3\xA9x = 1");
  EXPECT_EQ(f.lineCount(), 2u);
}

}  // namespace
}  // namespace hg
