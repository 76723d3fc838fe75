#include "core/source.h"

#include <algorithm>

namespace hg {

void SourceFile::indexLines() {
  lineStarts.clear();
  lineStarts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') lineStarts.push_back(i + 1);
  }
}

uint32_t SourceFile::lineCount() const {
  if (lineStarts.empty()) return 0;
  // A trailing newline does not start a new (empty) line.
  if (lineStarts.back() == text.size() && lineStarts.size() > 1) return lineStarts.size() - 1;
  return static_cast<uint32_t>(lineStarts.size());
}

std::string_view SourceFile::line(uint32_t oneBasedLine) const {
  if (oneBasedLine == 0 || oneBasedLine > lineStarts.size()) return {};
  size_t begin = lineStarts[oneBasedLine - 1];
  size_t end = oneBasedLine < lineStarts.size() ? lineStarts[oneBasedLine] : text.size();
  std::string_view v(text.data() + begin, end - begin);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

std::pair<uint32_t, uint32_t> SourceFile::position(size_t byteOffset) const {
  byteOffset = std::min(byteOffset, text.size());
  auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), byteOffset);
  size_t lineIndex = it == lineStarts.begin() ? 0 : static_cast<size_t>(it - lineStarts.begin()) - 1;
  size_t begin = lineStarts.empty() ? 0 : lineStarts[lineIndex];
  uint32_t column = 1;
  for (size_t i = begin; i < byteOffset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<uint32_t>(lineIndex + 1), column};
}

Span SourceFile::span(size_t startByte, size_t endByte, FileId id) const {
  auto [l1, c1] = position(startByte);
  auto [l2, c2] = position(std::max(startByte, endByte));
  return Span{id, l1, c1, l2, c2};
}

size_t SourceFile::offset(uint32_t oneBasedLine, uint32_t column) const {
  if (oneBasedLine == 0 || oneBasedLine > lineStarts.size()) return text.size();
  size_t i = lineStarts[oneBasedLine - 1];
  const size_t end = oneBasedLine < lineStarts.size() ? lineStarts[oneBasedLine] : text.size();
  for (uint32_t c = 1; c < column && i < end && text[i] != '\n'; ++c) {
    ++i;
    while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

FileId SourceSet::add(SourceFile file) {
  if (file.lineStarts.empty()) file.indexLines();
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

}  // namespace hg
