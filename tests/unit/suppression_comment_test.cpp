// The `hookguard: ignore` comment syntax (core/suppression_comment.h).
#include <gtest/gtest.h>

#include "core/suppression_comment.h"

namespace hg {
namespace {

using Rules = std::vector<std::string>;

TEST(SuppressionCommentTest, PythonListWithOneRule) {
  IgnoreComments c = parseIgnoreComments("    requests.get(url)  # hookguard: ignore[WH401]", Language::Python);
  ASSERT_EQ(c.directives.size(), 1u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_FALSE(c.directives[0].allRules);
  EXPECT_EQ(c.directives[0].rules, Rules{"WH401"});
  EXPECT_EQ(c.directives[0].begin, 23u);  // the '#'
  EXPECT_EQ(c.directives[0].end, 49u);    // after ']', the end of the line
}

TEST(SuppressionCommentTest, CppListWithBlanksAndNames) {
  IgnoreComments c = parseIgnoreComments("svr.Post(\"/h\", h); //hookguard :ignore[ WH101 ,timing-unsafe-compare ]",
                                         Language::Cpp);
  ASSERT_EQ(c.directives.size(), 1u);
  EXPECT_EQ(c.directives[0].rules, (Rules{"WH101", "timing-unsafe-compare"}));
}

TEST(SuppressionCommentTest, BareIgnoreCoversEveryRuleAndMayBeFollowedByAReason) {
  for (const char* line : {"def hook():  # hookguard: ignore", "x  # hookguard: ignore -- tested upstream",
                           "x  #hookguard:ignore"}) {
    IgnoreComments c = parseIgnoreComments(line, Language::Python);
    ASSERT_EQ(c.directives.size(), 1u) << line;
    EXPECT_TRUE(c.directives[0].allRules) << line;
    EXPECT_TRUE(c.directives[0].rules.empty()) << line;
  }
}

TEST(SuppressionCommentTest, BlankBeforeTheListStillReadsTheList) {
  // Read as a bare ignore, "ignore [WH101]" would silently widen to every rule.
  IgnoreComments c = parseIgnoreComments("x  # hookguard: ignore [WH101]", Language::Python);
  ASSERT_EQ(c.directives.size(), 1u);
  EXPECT_FALSE(c.directives[0].allRules);
  EXPECT_EQ(c.directives[0].rules, Rules{"WH101"});
}

TEST(SuppressionCommentTest, LanguageDecidesTheMarker) {
  EXPECT_TRUE(parseIgnoreComments("x  // hookguard: ignore", Language::Python).directives.empty());
  EXPECT_TRUE(parseIgnoreComments("x  # hookguard: ignore", Language::Cpp).directives.empty());
}

TEST(SuppressionCommentTest, OrdinaryCommentsAndProseAreNotDirectives) {
  for (const char* line : {"x = 1  # plain comment", "# hookguard scans this file", "s = '#'  # hookguard",
                           "url = 'http://example.test/'"}) {
    IgnoreComments c = parseIgnoreComments(line, Language::Python);
    EXPECT_TRUE(c.directives.empty()) << line;
    EXPECT_TRUE(c.errors.empty()) << line;
  }
}

TEST(SuppressionCommentTest, MalformedDirectivesAreErrorsNotSuppressions) {
  struct Case {
    const char* line;
    const char* message;
  };
  for (const Case& k : {Case{"x  # hookguard: ignore[WH101", "unterminated"},
                        Case{"x  # hookguard: ignore[]", "empty rule list"},
                        Case{"x  # hookguard: ignore[WH101 WH102]", "expected ',' or ']'"},
                        Case{"x  # hookguard: ignore[WH101,]", "expected a rule id"},
                        Case{"x  # hookguard: ignored", "unknown hookguard directive 'ignored'"},
                        Case{"x  # hookguard: disable[WH101]", "unknown hookguard directive 'disable'"},
                        Case{"x  # hookguard:", "expected 'ignore'"}}) {
    IgnoreComments c = parseIgnoreComments(k.line, Language::Python);
    EXPECT_TRUE(c.directives.empty()) << k.line;
    ASSERT_EQ(c.errors.size(), 1u) << k.line;
    EXPECT_NE(c.errors[0].message.find(k.message), std::string::npos) << k.line << ": " << c.errors[0].message;
  }
}

TEST(SuppressionCommentTest, SeveralDirectivesOnOneLine) {
  IgnoreComments c = parseIgnoreComments("x  # hookguard: ignore[WH101]  # hookguard: ignore[WH102]", Language::Python);
  ASSERT_EQ(c.directives.size(), 2u);
  EXPECT_EQ(c.directives[0].rules, Rules{"WH101"});
  EXPECT_EQ(c.directives[1].rules, Rules{"WH102"});
  EXPECT_LT(c.directives[0].end, c.directives[1].begin);
}

TEST(SuppressionCommentTest, ArbitraryBytesNeverThrowAndOffsetsStayInTheLine) {
  std::string line = "# hookguard: ignore[";
  for (int i = 0; i < 256; ++i) line += static_cast<char>(i);
  line += "]# hookguard: ignore[\xff\xfe]//";
  for (Language language : {Language::Python, Language::Cpp}) {
    IgnoreComments c = parseIgnoreComments(line, language);
    for (const IgnoreDirective& d : c.directives) {
      EXPECT_LE(d.begin, d.end);
      EXPECT_LE(d.end, line.size());
    }
    for (const IgnoreCommentError& e : c.errors) EXPECT_LE(e.offset, line.size());
  }
  EXPECT_TRUE(parseIgnoreComments("", Language::Python).directives.empty());
  EXPECT_TRUE(parseIgnoreComments("#", Language::Python).directives.empty());
  EXPECT_TRUE(parseIgnoreComments("/", Language::Cpp).directives.empty());
}

}  // namespace
}  // namespace hg
