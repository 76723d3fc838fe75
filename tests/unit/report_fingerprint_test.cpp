// primaryLocationLineHash must equal what GitHub's upload computes, or the upload warns and
// alerts lose their identity between commits. The first vectors are the values the upload
// action's own test suite expects; the others were computed with an independent port of the
// same algorithm running on JavaScript strings (UTF-16, as the upload reads files).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/line_hash.h"

namespace hg {
namespace {

std::vector<std::string> hashesOf(const std::string& text) {
  auto hashes = lineHashes(text);
  EXPECT_TRUE(hashes.has_value());
  if (!hashes) return {};
  return std::vector<std::string>(hashes->begin() + 1, hashes->end());  // drop the unused [0]
}

TEST(LineHash, EmptyFile) {
  EXPECT_EQ(hashesOf(""), (std::vector<std::string>{"c129715d7a2bc9a3:1"}));
}

TEST(LineHash, BlanksAreIgnored) {
  EXPECT_EQ(hashesOf(" a\nb\n  \t\tc\n d"),
            (std::vector<std::string>{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1",
                                      "a23a3dc5e078b07b:1"}));
}

TEST(LineHash, NoTrailingNewline) {
  EXPECT_EQ(hashesOf(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            (std::vector<std::string>{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1",
                                      "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
}

TEST(LineHash, AllLineEndingsAreOne) {
  const std::vector<std::string> expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                                          "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                                          "c129715d7a2bc9a3:1"};
  EXPECT_EQ(hashesOf(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), expected);
  EXPECT_EQ(hashesOf(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), expected);
  EXPECT_EQ(hashesOf(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), expected);
  EXPECT_EQ(hashesOf(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), expected);
}

TEST(LineHash, RepeatedLinesCountOccurrences) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Lorem ipsum dolor sit amet.\n";
  EXPECT_EQ(hashesOf(text),
            (std::vector<std::string>{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                                      "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                                      "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                                      "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHash, NonAsciiIsHashedAsUtf16) {
  // "def hé():\n    return '日本'  # 😀\n": a two-byte, three-byte and four-byte (surrogate
  // pair) character.
  EXPECT_EQ(hashesOf("def h\xC3\xA9():\n    return '\xE6\x97\xA5\xE6\x9C\xAC'  # \xF0\x9F\x98\x80\n"),
            (std::vector<std::string>{"7a0cd582634bfc69:1", "34fcdbb217341dec:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHash, BlankBetweenCrAndLfSplitsTheLine) {
  EXPECT_EQ(hashesOf("a\r \nb\n"), (std::vector<std::string>{"818c3a85b988abe4:1", "bf4c4d48992e2ca5:1",
                                                              "ade70578248be16f:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHash, HandlerFile) {
  EXPECT_EQ(hashesOf("@app.route('/hook', methods=['POST'])\ndef hook():\n    data = request.get_json()\n"
                     "    requests.get(data['url'])\n"),
            (std::vector<std::string>{"f58878ccc82f3476:1", "e0e81f45a8855592:1", "a9ae5c0eec9f1fd:1",
                                      "f5c869ee69b9fcb3:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHash, LongLinesDependOnlyOnTheirFirstHundredCharacters) {
  std::string a(150, 'x');
  std::string b = std::string(100, 'x') + std::string(50, 'y');
  EXPECT_EQ(hashesOf(a + "\n").at(0), hashesOf(b + "\n").at(0));
  EXPECT_NE(hashesOf(std::string(99, 'x') + "z\n").at(0), hashesOf(a + "\n").at(0));
}

TEST(LineHash, UncertainTextIsNotHashed) {
  EXPECT_FALSE(lineHashes("ok\n\xFF\n").has_value());              // invalid UTF-8
  EXPECT_FALSE(lineHashes("ok\n\xEF\xBF\xBD\n").has_value());      // U+FFFD: maybe a replaced byte
  EXPECT_FALSE(lineHashes("\xED\xA0\x80\n").has_value());          // an encoded surrogate
}

}  // namespace
}  // namespace hg
