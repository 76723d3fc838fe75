#include "python/span_index.h"

#include <algorithm>

namespace hg::python {

SpanIndex::SpanIndex(const SourceFile& source, FileId file) : source_(source), file_(file) {
  const std::string& text = source.text;
  checkpoints_.reserve(text.size() / kStride + 2);
  uint64_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(count);
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  checkpoints_.push_back(count);
  ascii_ = count == text.size();
}

uint64_t SpanIndex::codePointsBefore(size_t byteOffset) const {
  const std::string& text = source_.text;
  byteOffset = std::min(byteOffset, text.size());
  if (ascii_) return byteOffset;
  size_t block = byteOffset / kStride;
  uint64_t count = block < checkpoints_.size() ? checkpoints_[block] : checkpoints_.back();
  for (size_t i = block * kStride; i < byteOffset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::pair<uint32_t, uint32_t> SpanIndex::position(size_t byteOffset) const {
  byteOffset = std::min(byteOffset, source_.text.size());
  const std::vector<size_t>& starts = source_.lineStarts;
  if (starts.empty()) return {1, static_cast<uint32_t>(codePointsBefore(byteOffset) + 1)};
  auto it = std::upper_bound(starts.begin(), starts.end(), byteOffset);
  size_t line = it == starts.begin() ? 0 : static_cast<size_t>(it - starts.begin()) - 1;
  uint64_t column = codePointsBefore(byteOffset) - codePointsBefore(starts[line]) + 1;
  return {static_cast<uint32_t>(line + 1), static_cast<uint32_t>(column)};
}

Span SpanIndex::span(size_t beginByte, size_t endByte) const {
  auto [l1, c1] = position(beginByte);
  auto [l2, c2] = position(std::max(beginByte, endByte));
  return Span{file_, l1, c1, l2, c2};
}

}  // namespace hg::python
