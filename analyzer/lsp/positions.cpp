#include "lsp/positions.h"

#include <algorithm>

namespace hg::lsp {

namespace {

// Length of the UTF-8 sequence a lead byte announces; a stray continuation or invalid byte
// counts as one character on its own, as the analyzer's repaired text would have it.
size_t sequenceLength(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  size_t length = 1;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else if (lead >= 0xE0) length = lead <= 0xEF ? 3 : 1;
  else if (lead >= 0xC2) length = 2;
  if (i + length > text.size()) return 1;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return length;
}

// How many units of `encoding` the character starting at text[i] (sequenceLength bytes) takes.
uint32_t unitsOf(size_t bytes, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return static_cast<uint32_t>(bytes);
    case PositionEncoding::Utf16: return bytes == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    case PositionEncoding::Utf32: return 1;
  }
  return 1;
}

}  // namespace

const char* encodingName(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf16: return "utf-16";
    case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parseEncoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::Utf8;
  if (name == "utf-16") return PositionEncoding::Utf16;
  if (name == "utf-32") return PositionEncoding::Utf32;
  return std::nullopt;
}

uint32_t characterOfColumn(std::string_view line, uint32_t column, PositionEncoding encoding) {
  uint32_t character = 0;
  size_t i = 0;
  for (uint32_t seen = 1; seen < column && i < line.size(); ++seen) {
    const size_t length = sequenceLength(line, i);
    character += unitsOf(length, encoding);
    i += length;
  }
  return character;
}

size_t byteOfCharacter(std::string_view line, uint32_t character, PositionEncoding encoding) {
  uint32_t units = 0;
  size_t i = 0;
  while (i < line.size()) {
    const size_t length = sequenceLength(line, i);
    const uint32_t width = unitsOf(length, encoding);
    if (units + width > character) break;
    units += width;
    i += length;
  }
  return i;
}

uint32_t characterOfByte(std::string_view line, size_t byte, PositionEncoding encoding) {
  byte = std::min(byte, line.size());
  uint32_t units = 0;
  size_t i = 0;
  while (i < byte) {
    const size_t length = sequenceLength(line, i);
    units += unitsOf(length, encoding);
    i += length;
  }
  return units;
}

}  // namespace hg::lsp
