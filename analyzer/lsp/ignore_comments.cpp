#include "lsp/ignore_comments.h"

#include <cctype>
#include <string>
#include <vector>

#include "core/comment_ranges.h"
#include "core/suppression_comment.h"
#include "lsp/rule_docs.h"

namespace hg::lsp {

namespace {

bool isWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

Language languageOf(bool python) { return python ? Language::Python : Language::Cpp; }

// Whether a list entry (id, name, or id prefix naming a group: "WH1") covers the rule.
bool entryCovers(std::string_view entry, std::string_view ruleId) {
  std::string upper(entry);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (ruleId.starts_with(upper) && upper.size() > 2 && upper.starts_with("WH")) return true;
  const RuleMeta* named = ruleNamedBy(entry);
  return named && named->id == ruleId;
}

// The bytes between a listing directive's '[' and its closing ']' (its last byte).
std::pair<size_t, size_t> listBounds(std::string_view line, const IgnoreDirective& directive) {
  return {line.find('[', directive.begin) + 1, directive.end - 1};
}

// The directives of a line that sit in real comments of its document.
std::vector<IgnoreDirective> directivesIn(const DocumentLine& line, bool python) {
  std::vector<IgnoreDirective> parsed = parseIgnoreComments(line.text, languageOf(python)).directives;
  if (parsed.empty()) return parsed;
  const auto comments = commentRanges(line.document, languageOf(python));
  std::erase_if(parsed, [&](const IgnoreDirective& d) { return !insideComment(comments, line.start + d.begin); });
  return parsed;
}

// Whether text inserted at `offset` of the line would start outside any string literal, where
// a comment marker begins a comment.
bool commentCanStartAt(const DocumentLine& line, size_t offset, bool python) {
  const char* marker = python ? "#" : "//";
  std::string edited(line.document.substr(0, line.start + offset));
  const size_t at = edited.size() + 1;
  edited += ' ';
  edited += marker;
  edited += line.document.substr(line.start + offset);
  return insideComment(commentRanges(edited, languageOf(python)), at);
}

}  // namespace

std::optional<LineEdit> suppressionEdit(const DocumentLine& docLine, std::string_view ruleId, bool python) {
  const std::string_view line = docLine.text;
  const std::string id(ruleId);
  const std::vector<IgnoreDirective> directives = directivesIn(docLine, python);
  for (const IgnoreDirective& directive : directives) {
    if (directive.allRules) return std::nullopt;
    for (const std::string& entry : directive.rules) {
      if (entryCovers(entry, ruleId)) return std::nullopt;
    }
  }
  if (!directives.empty()) {
    const size_t close = directives.front().end - 1;
    return LineEdit{close, close, ", " + id};
  }
  size_t contentEnd = line.size();
  while (contentEnd > 0 && std::isspace(static_cast<unsigned char>(line[contentEnd - 1]))) --contentEnd;
  // After a continuation backslash a comment would end the statement (or the macro) early.
  if (contentEnd > 0 && line[contentEnd - 1] == '\\') return std::nullopt;
  if (!commentCanStartAt(docLine, contentEnd, python)) return std::nullopt;
  const std::string comment = std::string(python ? "# " : "// ") + "hookguard: ignore[" + id + "]";
  return LineEdit{contentEnd, line.size(), contentEnd == 0 ? comment : " " + comment};
}

std::optional<RuleWord> ruleWordAt(const DocumentLine& docLine, size_t offset, bool python) {
  const std::string_view line = docLine.text;
  for (const IgnoreDirective& directive : directivesIn(docLine, python)) {
    if (directive.allRules) continue;
    const auto [first, close] = listBounds(line, directive);
    if (offset < first || offset > close) continue;
    size_t begin = offset;
    while (begin > first && isWordByte(line[begin - 1])) --begin;
    size_t end = offset;
    while (end < close && isWordByte(line[end])) ++end;
    if (begin == end) return std::nullopt;
    return RuleWord{begin, end, std::string(line.substr(begin, end - begin))};
  }
  return std::nullopt;
}

}  // namespace hg::lsp
