// Inline suppressions as text on one line: `# hookguard: ignore[WH101, WH203]` (Python) or
// `// hookguard: ignore[WH101]` (C++), read with the suppression pass's own parser
// (core/suppression_comment.h). The code action writes them, hover reads the rule words in
// them. Offsets are bytes within the line. Like the suppression pass, both look at real
// comments only, so they take the whole document: a `# hookguard: ignore[...]` inside a string
// (a triple-quoted one may span lines) is text, and a comment appended to a line that ends
// inside a string would be text too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hg::lsp {

// A line of a document: its text and where it starts in the document.
struct DocumentLine {
  std::string_view document;
  size_t start = 0;
  std::string_view text;
};

struct LineEdit {
  size_t begin = 0;  // bytes of the line replaced: [begin, end)
  size_t end = 0;
  std::string newText;
};

// The edit that makes `line` suppress `ruleId`: the id added to an ignore[...] list already on
// the line, else a new comment at the end of the line. nullopt when the line already
// suppresses the rule (or everything), or when a comment there would change the code (a line
// continued with a backslash) or be no comment (the line ends inside a string).
std::optional<LineEdit> suppressionEdit(const DocumentLine& line, std::string_view ruleId, bool python);

struct RuleWord {
  size_t begin = 0;
  size_t end = 0;
  std::string word;
};

// The word of an ignore[...] list under byte `offset`; nullopt outside such a list.
std::optional<RuleWord> ruleWordAt(const DocumentLine& line, size_t offset, bool python);

// A document of one line, for callers that have only the line.
inline DocumentLine wholeLine(std::string_view line) { return {line, 0, line}; }

}  // namespace hg::lsp
