#include "python/literals.h"

#include <charconv>
#include <cstdint>

namespace hg::python {
namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // what a decoder would show
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `count` hex digits at body[i...]; false when they are not all there.
bool readHex(std::string_view body, size_t i, size_t count, uint32_t& value) {
  if (i + count > body.size()) return false;
  value = 0;
  for (size_t k = 0; k < count; ++k) {
    int h = hexValue(body[i + k]);
    if (h < 0) return false;
    value = value * 16 + static_cast<uint32_t>(h);
  }
  return true;
}

void appendValue(std::string& out, uint32_t value, bool bytes) {
  if (bytes) {
    out += static_cast<char>(value & 0xFF);
  } else {
    appendUtf8(out, value);
  }
}

}  // namespace

StringPrefix parseStringPrefix(std::string_view letters) {
  StringPrefix p;
  for (char c : letters) {
    if (c == 'r' || c == 'R') p.raw = true;
    if (c == 'b' || c == 'B') p.bytes = true;
    if (c == 'f' || c == 'F') p.format = true;
  }
  return p;
}

std::string decodeStringBody(std::string_view body, const StringPrefix& prefix) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (prefix.format && (c == '{' || c == '}') && i + 1 < body.size() && body[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[i + 1];
    if (prefix.raw) {
      // A raw string keeps the backslash; it only stops the next quote from ending the string.
      out += c;
      continue;
    }
    i += 1;  // now at the escape letter
    switch (e) {
      case '\n': break;  // line continuation
      case '\r':
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        uint32_t v = 0;
        if (readHex(body, i + 1, 2, v)) {
          appendValue(out, v, prefix.bytes);
          i += 2;
        } else {
          out += "\\x";
        }
        break;
      }
      case 'u':
      case 'U': {
        size_t digits = e == 'u' ? 4 : 8;
        uint32_t v = 0;
        if (!prefix.bytes && readHex(body, i + 1, digits, v)) {
          appendUtf8(out, v);
          i += digits;
        } else {
          out += '\\';
          out += e;
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t v = 0;
          size_t k = 0;
          while (k < 3 && i + k < body.size() && body[i + k] >= '0' && body[i + k] <= '7') {
            v = v * 8 + static_cast<uint32_t>(body[i + k] - '0');
            ++k;
          }
          appendValue(out, v, prefix.bytes);
          i += k - 1;
        } else {
          // Unknown escapes (and \N{NAME}, whose names are not worth a table here) stay as written.
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

std::string normalizeInteger(std::string_view literal) {
  std::string clean;
  for (char c : literal) {
    if (c != '_') clean += c;
  }
  while (!clean.empty() && (clean.back() == 'l' || clean.back() == 'L')) clean.pop_back();
  int base = 10;
  size_t start = 0;
  if (clean.size() > 2 && clean[0] == '0') {
    char p = static_cast<char>(clean[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) start = 2;
  }
  if (base == 10 && clean.size() > 1 && clean[0] == '0') {
    // Python 2 octal ("0777"); Python 3 allows only zeros here, which parse the same way.
    base = 8;
    start = 1;
  }
  uint64_t value = 0;
  const char* first = clean.data() + start;
  const char* last = clean.data() + clean.size();
  auto [ptr, ec] = std::from_chars(first, last, value, base);
  if (ec != std::errc() || ptr != last) return clean;
  return std::to_string(value);
}

std::string normalizeFloat(std::string_view literal) {
  std::string clean;
  for (char c : literal) {
    if (c != '_') clean += c;
  }
  return clean;
}

}  // namespace hg::python
