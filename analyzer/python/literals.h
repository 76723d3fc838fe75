// Python literal decoding: string bodies with their prefixes and escapes, and numbers into a
// canonical text, so that rules compare values, not spellings ("0x10" and "16" are one number).
#pragma once

#include <string>
#include <string_view>

namespace hg::python {

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool format = false;
};

// The prefix letters before the opening quote ("rb", "f", "U").
StringPrefix parseStringPrefix(std::string_view prefixLetters);

// Decodes the text between the quotes. Bytes keep escaped values as raw bytes; strings
// encode them as UTF-8. In an f-string's literal parts "{{" and "}}" stand for one brace.
std::string decodeStringBody(std::string_view body, const StringPrefix& prefix);

// Decimal digits of an integer literal (0x/0o/0b, underscores, a Python 2 "L" suffix);
// returns the literal without underscores when it does not fit in 64 bits.
std::string normalizeInteger(std::string_view literal);
// The literal without underscores.
std::string normalizeFloat(std::string_view literal);

}  // namespace hg::python
