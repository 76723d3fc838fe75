// UTF-8 decoding and terminal display widths for the reporters. Source text is hostile: it may
// hold invalid UTF-8, control characters that would drive the terminal, bidirectional overrides
// that reorder what the reader sees, and wide (CJK, emoji) characters that break column
// alignment of the ^^^ underline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hg {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes UTF-8; each byte of an invalid or truncated sequence becomes U+FFFD, so the number
// of code points never depends on what follows a bad byte.
std::vector<char32_t> decodeUtf8(std::string_view text);

bool isValidUtf8(std::string_view text);
void appendUtf8(std::string& out, char32_t cp);

// The same text as UTF-16 code units (what JavaScript's charCodeAt sees); text must be valid UTF-8.
std::u16string utf8ToUtf16(std::string_view text);

// Columns a code point occupies in a terminal: 0 (combining marks, zero-width), 1, or 2 (East
// Asian wide and fullwidth, most emoji).
int displayWidth(char32_t cp);

// A code point as it is safe to print: control characters become their Unicode "control
// picture" (U+2400 block), C1 controls and bidirectional controls become U+FFFD. Tabs are left
// to the caller (alignment depends on them).
char32_t printableCodePoint(char32_t cp);

// Printable, single-line form of a message or label: invalid UTF-8 replaced, control
// characters (newlines and tabs included) made visible or turned into spaces.
std::string printableLine(std::string_view text);

}  // namespace hg
