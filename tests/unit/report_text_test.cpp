#include <gtest/gtest.h>

#include <sstream>

#include "report/snippet.h"
#include "report_fixture.h"
#include "test_support.h"

namespace hg {
namespace {

using testing::ReportFixture;

std::string textOf(const ReportInput& input) {
  std::ostringstream out;
  writeText(out, input);
  return out.str();
}

TEST(TextReport, Snapshot) {
  ReportFixture fx;
  fx.addStandardFindings();
  std::string expected =
      "app/hooks.py:8:1: error[WH101]: POST /webhook/stripe handler stripe_webhook reads request.get_json() "
      "without verifying a signature\n"
      "  |\n"
      "8 | def stripe_webhook():\n"
      "  | ^^^^^^^^^^^^^^^^^^^^^\n"
      "  |\n"
      "help: run `hookguard explain WH101`\n"
      "note: app/hooks.py:7:2: route declared here\n"
      "\n"
      "app/hooks.py:11:5: error[WH401]: POST /webhook/stripe handler stripe_webhook passes a url from the "
      "request to requests.get()\n"
      "   |\n"
      "11 |     requests.get(url)  # hookguard: ignore[WH403]\n"
      "   |     ^^^^^^^^^^^^^^^^^\n"
      "   |\n"
      "help: check the host against an allowlist before fetching\n"
      "flow: request.get_json() (l.9) \xE2\x86\x92 data[\"callback\"] (l.10) \xE2\x86\x92 requests.get (l.11)\n"
      "\n"
      "my dir/\xC3\xBCn\xC3\xAF/code.py:3:9: error[WH503]: payload data reaches eval()\n"
      "  |\n"
      "3 |     return eval(x)  # \xE6\x97\xA5\n"  // the tab shown as four spaces
      "  |            ^^^^^^^\n"
      "  |\n"
      "help: run `hookguard explain WH503`\n";
  EXPECT_EQ(textOf(fx.input()), expected);
}

TEST(TextReport, NothingToShow) {
  ReportFixture fx;
  EXPECT_EQ(textOf(fx.input()), "");
  Finding f;
  f.ruleId = "WH101";
  f.message = "m";
  f.location = Span{fx.hooks, 8, 1, 8, 4};
  f.suppressions = {{Span{fx.hooks, 8, 1, 8, 4}}};
  fx.findings.push_back(f);
  EXPECT_EQ(textOf(fx.input()), "");
}

TEST(TextReport, RelatedLocationsInOtherFilesAndFlowsAcrossFiles) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH401";
  f.message = "m";
  f.location = Span{fx.hooks, 11, 5, 11, 17};
  f.related = {{Span{fx.unicode, 2, 1, 2, 4}, "helper defined here"}};
  f.flow = {{Span{fx.unicode, 3, 2, 99, 1}, "read here"}, {Span{fx.hooks, 11, 5, 11, 17}, ""}};
  fx.findings.push_back(f);
  std::string text = textOf(fx.input());
  EXPECT_NE(text.find("note: my dir/\xC3\xBCn\xC3\xAF/code.py:2:1: helper defined here\n"), std::string::npos) << text;
  // A multi-line step shows its message; a step in another file names it.
  EXPECT_NE(text.find("flow: read here (my dir/\xC3\xBCn\xC3\xAF/code.py:3) \xE2\x86\x92 requests.get (l.11)\n"),
            std::string::npos)
      << text;
}

TEST(TextReport, WarningsNotesAndSpansOutsideTheFile) {
  ReportFixture fx;
  Finding f;
  f.ruleId = "WH201";
  f.level = Level::Warning;
  f.message = "no replay protection";
  f.location = Span{fx.hooks, 8, 5, 8, 19};
  fx.findings.push_back(f);
  f.ruleId = "WH501";
  f.level = Level::Note;
  f.message = "line past the end";
  f.location = Span{fx.hooks, 500, 1, 500, 2};
  fx.findings.push_back(f);
  EXPECT_EQ(textOf(fx.input()),
            "app/hooks.py:8:5: warning[WH201]: no replay protection\n"
            "  |\n"
            "8 | def stripe_webhook():\n"
            "  |     ^^^^^^^^^^^^^^\n"
            "  |\n"
            "help: run `hookguard explain WH201`\n"
            "\n"
            "app/hooks.py:500:1: note[WH501]: line past the end\n"
            "help: run `hookguard explain WH501`\n");
}

TEST(TextReport, ColorOnlyWhenAsked) {
  ReportFixture fx;
  fx.addStandardFindings();
  EXPECT_EQ(textOf(fx.input(false)).find('\x1b'), std::string::npos);
  std::string colored = textOf(fx.input(true));
  EXPECT_NE(colored.find("\x1b[1;31merror[WH101]\x1b[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\x1b[1;31m^^^^^^^\x1b[0m"), std::string::npos) << colored;
}

SourceFile fileWith(std::string text) { return sourceFileOf("x.py", std::move(text)); }

TEST(Snippet, WideCharactersShiftTheUnderline) {
  SourceFile f = fileWith("s = '\xE6\x97\xA5\xE6\x9C\xAC' + x\n");  // "s = '日本' + x"
  auto s = renderSnippet(f, Span{0, 1, 12, 1, 13});               // the "x"
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->underline, std::string(13, ' ') + "^");
  s = renderSnippet(f, Span{0, 1, 6, 1, 8});  // "日本": two wide characters
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->underline, "     ^^^^");
}

TEST(Snippet, MultiLineSpanIsUnderlinedToTheEndOfItsFirstLine) {
  SourceFile f = fileWith("call(a,\n     b)\n");
  auto s = renderSnippet(f, Span{0, 1, 1, 2, 8});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->source, "call(a,");
  EXPECT_EQ(s->underline, "^^^^^^^");
}

TEST(Snippet, OutOfRangeSpansDoNotCrash) {
  SourceFile f = fileWith("abc\n");
  EXPECT_FALSE(renderSnippet(f, Span{0, 0, 1, 0, 2}).has_value());
  EXPECT_FALSE(renderSnippet(f, Span{0, 2, 1, 2, 2}).has_value());
  EXPECT_FALSE(renderSnippet(f, Span{0, 99, 1, 99, 2}).has_value());
  auto s = renderSnippet(f, Span{0, 1, 200, 1, 300});  // past the end: one caret after the text
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->underline, "   ^");
  s = renderSnippet(f, Span{0, 1, 3, 1, 1});  // end before start
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->underline, "  ^");
  SourceFile empty = fileWith("");  // one empty line
  s = renderSnippet(empty, Span{0, 1, 5, 1, 9});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->source, "");
  EXPECT_EQ(s->underline, "^");
}

TEST(Snippet, ControlAndBidiCharactersAreNeutralised) {
  SourceFile f = fileWith("x = '\x1b[2J\xE2\x80\xAE' + y\n");  // ESC, then U+202E RIGHT-TO-LEFT OVERRIDE
  auto s = renderSnippet(f, Span{0, 1, 1, 1, 2});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->source.find('\x1b'), std::string::npos);
  EXPECT_EQ(s->source.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(s->source.find("\xE2\x90\x9B"), std::string::npos);  // U+241B SYMBOL FOR ESCAPE
}

TEST(Snippet, InvalidUtf8IsShownAsReplacementCharacters) {
  SourceFile f = fileWith("a\xFF" "b = 1\n");
  auto s = renderSnippet(f, Span{0, 1, 3, 1, 4});  // "b": the bad byte counts as one column
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->source, "a\xEF\xBF\xBD" "b = 1");
  EXPECT_EQ(s->underline, "  ^");
}

TEST(Snippet, LongLinesAreCutAroundTheSpan) {
  std::string line = std::string(300, 'a') + "TARGET" + std::string(300, 'b');
  SourceFile f = fileWith(line + "\n");
  auto s = renderSnippet(f, Span{0, 1, 301, 1, 307});
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->source.starts_with("\xE2\x80\xA6")) << s->source;
  EXPECT_TRUE(s->source.ends_with("\xE2\x80\xA6")) << s->source;
  size_t caret = s->underline.find('^');
  // The ellipsis is three bytes but one column: the caret sits under 'T'.
  EXPECT_EQ(s->source.substr(caret + 2, 6), "TARGET");
  EXPECT_EQ(s->underline.substr(caret), "^^^^^^");
  EXPECT_LE(s->underline.size(), kSnippetMaxWidth + 2);
}

TEST(Snippet, SpanText) {
  SourceFile f = fileWith("    url = data['u']\n");
  EXPECT_EQ(spanText(f, Span{0, 1, 11, 1, 20}), "data['u']");
  EXPECT_EQ(spanText(f, Span{0, 1, 11, 2, 3}), "");    // multi-line
  EXPECT_EQ(spanText(f, Span{0, 1, 1, 1, 100}), "");   // beyond the line
  EXPECT_EQ(spanText(f, Span{0, 1, 5, 1, 5}), "");     // empty
}

}  // namespace
}  // namespace hg
