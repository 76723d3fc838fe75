// A source line and the ^^^ under a span, as a terminal shows them: tabs expanded, wide
// characters counted as two columns, control and bidirectional characters neutralised, very
// long lines cut to a window around the span. Any span is accepted: out-of-range lines give no
// snippet, out-of-range columns are clamped.
#pragma once

#include <optional>
#include <string>

#include "core/source.h"

namespace hg {

struct Snippet {
  std::string source;     // the line, printable
  std::string underline;  // spaces then at least one '^'
};

inline constexpr size_t kSnippetMaxWidth = 120;  // columns of source shown around the span

std::optional<Snippet> renderSnippet(const SourceFile& file, const Span& span);

// The span's text when it is short and on one line ("request.args['url']"), else empty.
std::string spanText(const SourceFile& file, const Span& span, size_t maxCodePoints = 40);

}  // namespace hg
