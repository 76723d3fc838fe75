// Inline suppressions as text on one line: `# hookguard: ignore[WH101, WH203]` (Python) or
// `// hookguard: ignore[WH101]` (C++), read with the suppression pass's own parser
// (core/suppression_comment.h). The code action writes them, hover reads the rule words in
// them. Offsets are bytes within the line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hg::lsp {

struct LineEdit {
  size_t begin = 0;  // bytes of the line replaced: [begin, end)
  size_t end = 0;
  std::string newText;
};

// The edit that makes `line` suppress `ruleId`: the id added to an ignore[...] list already on
// the line, else a new comment at the end of the line. nullopt when the line already
// suppresses the rule (or everything), or when a comment there would change the code (a line
// continued with a backslash).
std::optional<LineEdit> suppressionEdit(std::string_view line, std::string_view ruleId, bool python);

struct RuleWord {
  size_t begin = 0;
  size_t end = 0;
  std::string word;
};

// The word of an ignore[...] list under byte `offset`; nullopt outside such a list.
std::optional<RuleWord> ruleWordAt(std::string_view line, size_t offset, bool python);

}  // namespace hg::lsp
