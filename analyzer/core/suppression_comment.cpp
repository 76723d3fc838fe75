#include "core/suppression_comment.h"

namespace hg {

namespace {

constexpr std::string_view kTool = "hookguard";
constexpr std::string_view kIgnore = "ignore";

bool isBlank(char c) { return c == ' ' || c == '\t'; }

bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class DirectiveParser {
 public:
  DirectiveParser(std::string_view line, size_t pos) : line_(line), pos_(pos) {}

  size_t position() const { return pos_; }

  void skipBlanks() {
    while (pos_ < line_.size() && isBlank(line_[pos_])) ++pos_;
  }

  bool consume(std::string_view text) {
    if (line_.substr(pos_, text.size()) != text) return false;
    pos_ += text.size();
    return true;
  }

  std::string_view word() {
    size_t start = pos_;
    while (pos_ < line_.size() && isWordChar(line_[pos_])) ++pos_;
    return line_.substr(start, pos_ - start);
  }

  bool atEnd() const { return pos_ >= line_.size(); }
  char peek() const { return atEnd() ? '\0' : line_[pos_]; }
  void advance() { ++pos_; }
  void rewind(size_t pos) { pos_ = pos; }

 private:
  std::string_view line_;
  size_t pos_;
};

// Parses "[A, B]" at the parser's position (just after '['). Returns false with `error` set when
// the list is malformed.
bool parseRuleList(DirectiveParser& p, std::vector<std::string>& rules, IgnoreCommentError& error) {
  p.skipBlanks();
  if (p.peek() == ']') {
    error = {0, p.position(), "empty rule list in 'hookguard: ignore[]' (write 'hookguard: ignore' to ignore every rule)"};
    return false;
  }
  while (true) {
    p.skipBlanks();
    size_t itemStart = p.position();
    std::string_view item = p.word();
    if (item.empty()) {
      error = {0, itemStart, p.atEnd() ? "unterminated rule list in 'hookguard: ignore[' (missing ']')"
                                    : "expected a rule id in 'hookguard: ignore[...]'"};
      return false;
    }
    rules.emplace_back(item);
    p.skipBlanks();
    if (p.peek() == ',') {
      p.advance();
      continue;
    }
    if (p.peek() == ']') {
      p.advance();
      return true;
    }
    error = {0, p.position(), p.atEnd() ? "unterminated rule list in 'hookguard: ignore[' (missing ']')"
                                     : "expected ',' or ']' in 'hookguard: ignore[...]'"};
    return false;
  }
}

// Tries a directive at `markerEnd` (just after the comment marker). Returns true when the
// comment is meant for hookguard (`hookguard:` follows), whether or not it parsed.
bool parseDirectiveAt(std::string_view line, size_t markerBegin, size_t markerEnd, IgnoreComments& out,
                      size_t& resumeAt) {
  DirectiveParser p(line, markerEnd);
  p.skipBlanks();
  if (!p.consume(kTool)) return false;
  p.skipBlanks();
  if (!p.consume(":")) return false;  // "# hookguard is ..." is prose, not a directive
  p.skipBlanks();
  size_t wordStart = p.position();
  std::string_view verb = p.word();
  resumeAt = p.position();
  if (verb != kIgnore) {
    out.errors.push_back({markerBegin, wordStart, verb.empty() ? "expected 'ignore' after 'hookguard:'"
                                                  : "unknown hookguard directive '" + std::string(verb) +
                                                        "' (expected 'ignore')"});
    return true;
  }

  IgnoreDirective directive;
  directive.begin = markerBegin;
  size_t afterVerb = p.position();
  p.skipBlanks();
  if (p.peek() == '[') {
    p.advance();
    IgnoreCommentError error;
    if (!parseRuleList(p, directive.rules, error)) {
      error.marker = markerBegin;
      out.errors.push_back(std::move(error));
      resumeAt = p.position();
      return true;
    }
  } else {
    p.rewind(afterVerb);
    directive.allRules = true;
  }
  directive.end = p.position();
  resumeAt = directive.end;
  out.directives.push_back(std::move(directive));
  return true;
}

}  // namespace

IgnoreComments parseIgnoreComments(std::string_view line, Language language) {
  const std::string_view marker = language == Language::Cpp ? "//" : "#";
  IgnoreComments out;
  size_t from = 0;
  while (from < line.size()) {
    size_t at = line.find(marker, from);
    if (at == std::string_view::npos) break;
    size_t resumeAt = at + marker.size();
    if (!parseDirectiveAt(line, at, at + marker.size(), out, resumeAt)) resumeAt = at + marker.size();
    from = resumeAt;
  }
  return out;
}

}  // namespace hg
