#include "report/snippet.h"

#include <algorithm>
#include <vector>

#include "report/utf8.h"

namespace hg {
namespace {

constexpr size_t kTabWidth = 4;
constexpr size_t kContextBeforeSpan = 40;  // columns kept left of the span when a line is cut
constexpr const char* kEllipsis = "\xE2\x80\xA6";  // U+2026, one column

struct Cell {
  std::string text;
  size_t width = 0;
};

std::vector<Cell> cellsOf(std::string_view line) {
  std::vector<Cell> cells;
  for (char32_t cp : decodeUtf8(line)) {
    Cell cell;
    if (cp == '\t') {
      cell.text.assign(kTabWidth, ' ');
      cell.width = kTabWidth;
    } else {
      char32_t shown = printableCodePoint(cp);
      appendUtf8(cell.text, shown);
      cell.width = static_cast<size_t>(displayWidth(shown));
    }
    cells.push_back(std::move(cell));
  }
  return cells;
}

bool lineInFile(const SourceFile& file, uint32_t line) {
  return line >= 1 && line <= file.lineCount();
}

}  // namespace

std::optional<Snippet> renderSnippet(const SourceFile& file, const Span& span) {
  if (!lineInFile(file, span.line)) return std::nullopt;
  std::vector<Cell> cells = cellsOf(file.line(span.line));
  size_t n = cells.size();

  // Code-point indices [start, end) of the underlined part; a multi-line span is underlined to
  // the end of its first line.
  size_t start = std::min<size_t>(span.column > 0 ? span.column - 1 : 0, n);
  size_t end = n;
  if (span.endLine == span.line) end = std::min<size_t>(span.endColumn > 0 ? span.endColumn - 1 : 0, n);
  end = std::max(end, start);

  std::vector<size_t> offset(n + 1, 0);  // display column where each cell starts
  for (size_t i = 0; i < n; ++i) offset[i + 1] = offset[i] + cells[i].width;
  size_t spanLeft = offset[start];
  size_t spanWidth = std::max<size_t>(offset[end] - offset[start], 1);

  // Window [first, last) of cells shown: the whole line, or kSnippetMaxWidth columns starting a
  // little before the span.
  size_t first = 0;
  size_t last = n;
  if (offset[n] > kSnippetMaxWidth) {
    size_t left = spanLeft > kContextBeforeSpan ? spanLeft - kContextBeforeSpan : 0;
    while (first < n && offset[first] < left) ++first;
    last = first;
    while (last < n && offset[last + 1] - offset[first] <= kSnippetMaxWidth) ++last;
  }
  bool cutLeft = first > 0;
  bool cutRight = last < n;

  Snippet out;
  if (cutLeft) out.source += kEllipsis;
  for (size_t i = first; i < last; ++i) out.source += cells[i].text;
  if (cutRight) out.source += kEllipsis;
  while (!out.source.empty() && out.source.back() == ' ') out.source.pop_back();

  size_t shownLeft = offset[first];
  size_t shownRight = offset[last];
  size_t caretsFrom = std::max(spanLeft, shownLeft);
  size_t caretsTo = std::min(spanLeft + spanWidth, cutRight ? shownRight : spanLeft + spanWidth);
  size_t carets = caretsTo > caretsFrom ? caretsTo - caretsFrom : 1;
  out.underline.assign(caretsFrom - shownLeft + (cutLeft ? 1 : 0), ' ');
  out.underline.append(carets, '^');
  return out;
}

std::string spanText(const SourceFile& file, const Span& span, size_t maxCodePoints) {
  if (!lineInFile(file, span.line) || span.endLine != span.line || span.column == 0 ||
      span.endColumn <= span.column || span.endColumn - span.column > maxCodePoints)
    return {};
  std::vector<char32_t> cps = decodeUtf8(file.line(span.line));
  if (span.endColumn - 1 > cps.size()) return {};
  std::string out;
  for (size_t i = span.column - 1; i < span.endColumn - 1; ++i) {
    char32_t cp = cps[i];
    appendUtf8(out, cp == '\t' ? U' ' : printableCodePoint(cp));
  }
  return out;
}

}  // namespace hg
