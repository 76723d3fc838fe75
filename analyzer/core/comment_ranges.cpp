#include "core/comment_ranges.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hg {

namespace {

bool isIdentifierByte(unsigned char c) {
  return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

size_t lineEnd(std::string_view text, size_t pos) {
  size_t end = text.find('\n', pos);
  return end == std::string_view::npos ? text.size() : end;
}

std::vector<std::pair<size_t, size_t>> pythonComments(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    size_t quote = 0;
    if (c == '#') {
      size_t end = lineEnd(text, pos);
      out.emplace_back(pos, end);
      pos = end;
    } else if (c == '\'' || c == '"') {
      pos = skipPythonString(text, pos);
    } else if (isIdentifierByte(c)) {
      if (pythonStringPrefix(text, pos, quote)) {
        pos = skipPythonString(text, quote);
        continue;
      }
      while (pos < text.size() && isIdentifierByte(static_cast<unsigned char>(text[pos]))) ++pos;
    } else {
      ++pos;
    }
  }
  return out;
}

// The position after a C++ raw string R"delim( ... )delim" whose quote is at `quote`, or
// npos when what follows the quote is no raw-string opening.
size_t skipRawString(std::string_view text, size_t quote) {
  size_t open = text.find('(', quote + 1);
  if (open == std::string_view::npos || open - quote - 1 > 16) return std::string_view::npos;
  std::string closing = ")" + std::string(text.substr(quote + 1, open - quote - 1)) + "\"";
  size_t end = text.find(closing, open + 1);
  return end == std::string_view::npos ? text.size() : end + closing.size();
}

std::vector<std::pair<size_t, size_t>> cppComments(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '/') {
      size_t end = pos;
      // A line comment ending in a backslash goes on with the next line.
      do {
        end = lineEnd(text, end + 1);
      } while (end < text.size() && end > 0 && (text[end - 1] == '\\' || (text[end - 1] == '\r' && end > 1 && text[end - 2] == '\\')));
      out.emplace_back(pos, end);
      pos = end;
    } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
      size_t end = text.find("*/", pos + 2);
      end = end == std::string_view::npos ? text.size() : end + 2;
      out.emplace_back(pos, end);
      pos = end;
    } else if (c == '"' && pos > 0 && text[pos - 1] == 'R' &&
               (pos < 2 || !isIdentifierByte(static_cast<unsigned char>(text[pos - 2])) || text[pos - 2] == 'u' ||
                text[pos - 2] == 'U' || text[pos - 2] == 'L' || text[pos - 2] == '8')) {
      size_t end = skipRawString(text, pos);
      pos = end == std::string_view::npos ? pos + 1 : end;
    } else if (c == '"' || c == '\'') {
      // A quote inside a number (1'000'000) opens nothing.
      if (c == '\'' && pos > 0 && std::isxdigit(static_cast<unsigned char>(text[pos - 1]))) {
        ++pos;
        continue;
      }
      size_t p = pos + 1;
      while (p < text.size() && text[p] != c && text[p] != '\n') p += text[p] == '\\' ? 2 : 1;
      pos = std::min(p + 1, text.size());
    } else {
      ++pos;
    }
  }
  return out;
}

}  // namespace

bool pythonStringPrefix(std::string_view text, size_t pos, size_t& quote) {
  constexpr std::string_view kPrefixLetters = "rRbBuUfF";
  size_t q = pos;
  while (q < text.size() && q - pos < 2 && kPrefixLetters.find(text[q]) != std::string_view::npos) ++q;
  if (q == pos || q >= text.size() || (text[q] != '\'' && text[q] != '"')) return false;
  quote = q;
  return true;
}

size_t skipPythonString(std::string_view text, size_t quote) {
  const char q = text[quote];
  const std::string_view tripleQuote = q == '"' ? std::string_view("\"\"\"") : std::string_view("'''");
  const bool triple = text.substr(quote, 3) == tripleQuote;
  size_t pos = quote + (triple ? 3 : 1);
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\\') {
      pos += 2;
      continue;
    }
    if (!triple && c == '\n') return pos;
    if (c == q && (!triple || text.substr(pos, 3) == tripleQuote)) return pos + (triple ? 3 : 1);
    ++pos;
  }
  return text.size();
}

std::vector<std::pair<size_t, size_t>> commentRanges(std::string_view text, Language language) {
  return language == Language::Cpp ? cppComments(text) : pythonComments(text);
}

bool insideComment(const std::vector<std::pair<size_t, size_t>>& ranges, size_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](size_t o, const std::pair<size_t, size_t>& r) { return o < r.first; });
  if (it == ranges.begin()) return false;
  --it;
  return offset >= it->first && offset < it->second;
}

}  // namespace hg
