// Where a source file's comments are, found by a light lexer that knows string literals: a
// `#` inside a Python string (triple-quoted ones spanning lines included) or a `//` inside a
// C++ string is no comment. The suppression pass takes a directive only from a real comment;
// the prefilter uses the same string rules to skip literals.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source.h"

namespace hg {

// Half-open byte ranges [begin, end) of the comments of `text`, in order: Python `#` to the
// end of the line; C++ `//` to the end of the line (backslash continuations included) and
// `/* ... */`.
std::vector<std::pair<size_t, size_t>> commentRanges(std::string_view text, Language language);

// Whether `offset` lies inside one of `ranges` (as returned above).
bool insideComment(const std::vector<std::pair<size_t, size_t>>& ranges, size_t offset);

// Python string literals, for scanners that must step over them.
// Whether an identifier starting at `pos` is a string prefix (r, b, u, f, or two of them)
// directly followed by a quote; sets `quote` to the quote's position.
bool pythonStringPrefix(std::string_view text, size_t pos, size_t& quote);
// The position after the string literal whose opening quote is at `quote`. A backslash always
// escapes the next byte (in raw strings too, as far as where the string ends); a single-quoted
// string left open ends with its line, as the tokenizer would give up there.
size_t skipPythonString(std::string_view text, size_t quote);

}  // namespace hg
