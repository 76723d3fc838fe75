// The inline suppression syntax, `# hookguard: ignore[WH101, WH102]` (Python) or
// `// hookguard: ignore` (C++), parsed from one line of source. Only the syntax lives here: which
// rules a name denotes and which findings a directive covers is the suppression pass's job
// (cli/suppression_pass.h). The parser takes arbitrary bytes and never throws (it is fuzzed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace hg {

struct IgnoreDirective {
  size_t begin = 0;  // byte offset in the line of the comment marker ('#' or "//")
  size_t end = 0;    // byte offset one past the directive (after ']' or "ignore")
  bool allRules = false;           // a bare `ignore`
  std::vector<std::string> rules;  // the list's entries as written: ids, names or id prefixes
};

struct IgnoreCommentError {
  size_t marker = 0;  // byte offset in the line of the comment marker it follows
  size_t offset = 0;  // byte offset in the line
  std::string message;
};

struct IgnoreComments {
  std::vector<IgnoreDirective> directives;
  // A comment that starts like a directive but is malformed suppresses nothing: a typo must
  // not silently widen (or narrow) what is ignored, so it is reported instead.
  std::vector<IgnoreCommentError> errors;
};

// Every directive on `line` (one line, without its line break). A directive starts at a
// comment marker of `language` followed, after optional blanks, by `hookguard:`; a marker
// not followed by `hookguard:` is an ordinary comment (or the '#' of a string) and ignored.
IgnoreComments parseIgnoreComments(std::string_view line, Language language);

}  // namespace hg
