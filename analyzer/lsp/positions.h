// Positions between hookguard and the client. Findings carry 1-based lines and 1-based
// code-point columns (end exclusive, core/source.h); LSP positions are 0-based lines and
// 0-based character offsets counted in the negotiated encoding: UTF-16 code units unless the
// client offered another (LSP 3.17 positionEncoding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hg::lsp {

enum class PositionEncoding : uint8_t { Utf8, Utf16, Utf32 };

const char* encodingName(PositionEncoding encoding);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parseEncoding(std::string_view name);

// The character offset, in `encoding`, of the 1-based code-point column `column` of `line`
// (UTF-8 text without its line break). Columns past the end clamp to the line's length; 0
// (unknown) is the line start.
uint32_t characterOfColumn(std::string_view line, uint32_t column, PositionEncoding encoding);

// The byte offset within `line` of a character offset in `encoding`. Past the end clamps to
// the line's length; an offset inside a character (half a surrogate pair, the middle of a UTF-8
// sequence) moves to that character's start.
size_t byteOfCharacter(std::string_view line, uint32_t character, PositionEncoding encoding);

// The character offset, in `encoding`, of a byte offset within `line`.
uint32_t characterOfByte(std::string_view line, size_t byte, PositionEncoding encoding);

}  // namespace hg::lsp
