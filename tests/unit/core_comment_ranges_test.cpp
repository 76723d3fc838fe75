// The lexer that tells comments from string literals (core/comment_ranges.h).
#include <gtest/gtest.h>

#include <string>

#include "core/comment_ranges.h"

namespace hg {
namespace {

// The text of each comment, in order.
std::vector<std::string> comments(std::string_view text, Language language) {
  std::vector<std::string> out;
  for (auto [begin, end] : commentRanges(text, language)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

using Texts = std::vector<std::string>;

TEST(CommentRanges, PythonHashesInStringsAreNoComments) {
  EXPECT_EQ(comments("x = 1  # one\n", Language::Python), (Texts{"# one"}));
  EXPECT_EQ(comments("s = '#' + \"#\"  # two\n", Language::Python), (Texts{"# two"}));
  EXPECT_EQ(comments("d = '''\n# not\n'''  # three\n", Language::Python), (Texts{"# three"}));
  EXPECT_EQ(comments("d = rb\"\\\"#\"  # four\n", Language::Python), (Texts{"# four"}));
  EXPECT_EQ(comments("f = f'{x!r}#'\n# five\n", Language::Python), (Texts{"# five"}));
  // An unterminated one-line string ends with its line, as Python's tokenizer gives up there.
  EXPECT_EQ(comments("s = 'open\n# six\n", Language::Python), (Texts{"# six"}));
  // A '#' inside a comment belongs to that comment.
  EXPECT_EQ(comments("# a # b\n", Language::Python), (Texts{"# a # b"}));
}

TEST(CommentRanges, CppLineBlockAndRawStrings) {
  EXPECT_EQ(comments("int x; // one\n", Language::Cpp), (Texts{"// one"}));
  EXPECT_EQ(comments("auto s = \"// no\"; /* two */ int y;\n", Language::Cpp), (Texts{"/* two */"}));
  EXPECT_EQ(comments("auto r = R\"x(// \" no)x\"; // three\n", Language::Cpp), (Texts{"// three"}));
  EXPECT_EQ(comments("char c = '\"'; // four\n", Language::Cpp), (Texts{"// four"}));
  EXPECT_EQ(comments("int n = 1'000; // five\n", Language::Cpp), (Texts{"// five"}));
  EXPECT_EQ(comments("// six \\\n still six\nint z;\n", Language::Cpp), (Texts{"// six \\\n still six"}));
  EXPECT_EQ(comments("/* open", Language::Cpp), (Texts{"/* open"}));
}

TEST(CommentRanges, InsideComment) {
  std::string text = "x = '#'  # c\n";
  auto ranges = commentRanges(text, Language::Python);
  EXPECT_FALSE(insideComment(ranges, text.find('#')));
  EXPECT_TRUE(insideComment(ranges, text.rfind('#')));
  EXPECT_TRUE(insideComment(ranges, text.size() - 2));
  EXPECT_FALSE(insideComment(ranges, text.size() - 1));  // the line break
  EXPECT_FALSE(insideComment({}, 0));
}

}  // namespace
}  // namespace hg
