// Converting between hookguard's code-point columns and LSP character offsets, and editing
// documents with LSP ranges.
#include <gtest/gtest.h>

#include "lsp/file_uri.h"
#include "lsp/positions.h"
#include "lsp/text_document.h"

namespace hg::lsp {
namespace {

// "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" (U+1F600) is 4 bytes and a surrogate pair.
const std::string kLine = "a\xC3\xA9\xF0\x9F\x98\x80z";

TEST(LspPositions, ColumnToCharacterInEachEncoding) {
  // Columns: a=1, é=2, 😀=3, z=4, end=5.
  EXPECT_EQ(characterOfColumn(kLine, 1, PositionEncoding::Utf16), 0u);
  EXPECT_EQ(characterOfColumn(kLine, 3, PositionEncoding::Utf16), 2u);
  EXPECT_EQ(characterOfColumn(kLine, 4, PositionEncoding::Utf16), 4u);
  EXPECT_EQ(characterOfColumn(kLine, 5, PositionEncoding::Utf16), 5u);
  EXPECT_EQ(characterOfColumn(kLine, 4, PositionEncoding::Utf8), 7u);
  EXPECT_EQ(characterOfColumn(kLine, 4, PositionEncoding::Utf32), 3u);
  EXPECT_EQ(characterOfColumn(kLine, 99, PositionEncoding::Utf16), 5u);  // clamped to the line
  EXPECT_EQ(characterOfColumn(kLine, 0, PositionEncoding::Utf16), 0u);
}

TEST(LspPositions, CharacterToByteAndBack) {
  EXPECT_EQ(byteOfCharacter(kLine, 2, PositionEncoding::Utf16), 3u);
  EXPECT_EQ(byteOfCharacter(kLine, 4, PositionEncoding::Utf16), 7u);
  EXPECT_EQ(byteOfCharacter(kLine, 3, PositionEncoding::Utf16), 3u);  // inside the pair: its start
  EXPECT_EQ(byteOfCharacter(kLine, 2, PositionEncoding::Utf8), 1u);   // inside é: its start
  EXPECT_EQ(byteOfCharacter(kLine, 100, PositionEncoding::Utf8), kLine.size());
  for (size_t byte : {0u, 1u, 3u, 7u, 8u}) {
    for (PositionEncoding e : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32})
      EXPECT_EQ(byteOfCharacter(kLine, characterOfByte(kLine, byte, e), e), byte) << byte;
  }
}

TEST(LspPositions, InvalidUtf8CountsOneCharacterPerBadByte) {
  const std::string bad = "\xFF\xE2\x82x";
  EXPECT_EQ(characterOfByte(bad, bad.size(), PositionEncoding::Utf16), 4u);
  EXPECT_EQ(characterOfColumn(bad, 4, PositionEncoding::Utf8), 3u);
}

TEST(LspTextDocument, IncrementalChangesUseUtf16Ranges) {
  TextDocument doc("file:///w/a.py", "python", 1, "x = '" + kLine + "'\r\nsecond\rthird\n");
  EXPECT_EQ(doc.line(0), "x = '" + kLine + "'");
  EXPECT_EQ(doc.line(1), "second");
  EXPECT_EQ(doc.line(2), "third");
  EXPECT_EQ(doc.line(3), "");
  // Replace "z" (UTF-16 character 9 of line 0) with "Z".
  doc.applyChange(Json{{"range", {{"start", {{"line", 0}, {"character", 9}}}, {"end", {{"line", 0}, {"character", 10}}}}},
                       {"text", "Z"}},
                  PositionEncoding::Utf16);
  EXPECT_EQ(doc.line(0), "x = 'a\xC3\xA9\xF0\x9F\x98\x80Z'");
  // Join lines 1 and 2 across the lone "\r".
  doc.applyChange(Json{{"range", {{"start", {{"line", 1}, {"character", 6}}}, {"end", {{"line", 2}, {"character", 0}}}}},
                       {"text", " "}},
                  PositionEncoding::Utf16);
  EXPECT_EQ(doc.line(1), "second third");
  doc.applyChange(Json{{"text", "new"}}, PositionEncoding::Utf16);
  EXPECT_EQ(doc.text(), "new");
  EXPECT_THROW(doc.applyChange(Json{{"range", {{"start", {{"line", -1}, {"character", 0}}}}}, {"text", ""}},
                               PositionEncoding::Utf16),
               InvalidParams);
  EXPECT_THROW(doc.applyChange(Json{{"text", 3}}, PositionEncoding::Utf16), InvalidParams);
  EXPECT_TRUE(doc.isPython());
}

TEST(LspFileUri, DecodesFileUris) {
  EXPECT_EQ(pathOfFileUri("file:///home/u/my%20dir/h%C3%A9.py"), "/home/u/my dir/h\xC3\xA9.py");
  EXPECT_EQ(pathOfFileUri("file://localhost/tmp/x.py"), "/tmp/x.py");
  EXPECT_EQ(pathOfFileUri("FILE:///c%3A/x.py"), "/c:/x.py");
  EXPECT_EQ(pathOfFileUri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(pathOfFileUri("file://server/share/x.py"), std::nullopt);
  EXPECT_EQ(pathOfFileUri("file:///a%00b"), std::nullopt);
  EXPECT_EQ(pathOfFileUri("file:///a%2"), std::nullopt);
  EXPECT_EQ(pathOfFileUri("file:///a%zz"), std::nullopt);
  EXPECT_EQ(pathOfFileUri(uriOfPath("/tmp/my dir/#x%.py")), "/tmp/my dir/#x%.py");
}

}  // namespace
}  // namespace hg::lsp
