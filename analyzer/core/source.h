// Source files and positions. Every location the tool reports is a Span into a SourceFile
// held by a SourceSet; rules and reporters never see parser-specific positions.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace hg {

enum class Language : uint8_t { Python, Cpp };

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// 1-based line and column; columns count Unicode code points (SARIF columnKind
// "unicodeCodePoints"); endColumn is exclusive, as SARIF defines it.
struct Span {
  FileId file = kNoFile;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t endLine = 0;
  uint32_t endColumn = 0;

  bool valid() const { return file != kNoFile && line > 0; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

struct SourceFile {
  std::string displayPath;  // relative to the repository root, '/' separated: what users see
  std::string absolutePath; // symlinks resolved
  Language language = Language::Python;
  std::string text;         // bytes as read (invalid UTF-8 replaced before parsing)

  std::string_view line(uint32_t oneBasedLine) const;
  uint32_t lineCount() const;

  // Converts a 0-based byte offset into a 1-based line and code-point column.
  std::pair<uint32_t, uint32_t> position(size_t byteOffset) const;
  Span span(size_t startByte, size_t endByte, FileId id) const;
  // The inverse of position(): the byte offset of a 1-based line and code-point column
  // (a column past the line's end gives the end of the line, before its newline).
  size_t offset(uint32_t oneBasedLine, uint32_t column) const;

  void indexLines();
  std::vector<size_t> lineStarts; // byte offset of each line's first byte
};

class SourceSet {
 public:
  FileId add(SourceFile file);
  const SourceFile& get(FileId id) const { return files_[id]; }
  SourceFile& get(FileId id) { return files_[id]; }
  size_t size() const { return files_.size(); }
  const std::deque<SourceFile>& all() const { return files_; }

 private:
  std::deque<SourceFile> files_;  // deque: references stay valid as files are added
};

}  // namespace hg
