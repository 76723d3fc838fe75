// Byte offsets to Spans in O(log lines) time. SourceFile::position counts code points from the
// line's start on every call, which is quadratic over a long line (minified code, a
// 200,000-element literal on one line); this index keeps code-point counts at fixed byte
// intervals and gives the same results.
#pragma once

#include <cstdint>
#include <vector>

#include "core/source.h"

namespace hg::python {

class SpanIndex {
 public:
  SpanIndex(const SourceFile& source, FileId file);
  Span span(size_t beginByte, size_t endByte) const;

 private:
  std::pair<uint32_t, uint32_t> position(size_t byteOffset) const;
  uint64_t codePointsBefore(size_t byteOffset) const;

  static constexpr size_t kStride = 256;
  const SourceFile& source_;
  FileId file_;
  std::vector<uint64_t> checkpoints_;  // code points before byte i * kStride
  bool ascii_ = false;                 // one byte per code point: no counting needed (most files)
};

}  // namespace hg::python
