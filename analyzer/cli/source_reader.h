// Reading a source file defensively: size limit, binary detection, and UTF-8 repair, so that
// the parsers only ever see valid UTF-8 text of bounded size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hg {

struct FileBytes {
  enum class Status : uint8_t { Ok, Unreadable, NotRegularFile, TooLarge };
  Status status = Status::Ok;
  std::string bytes;
  std::string error;  // why it is unreadable (lower case)
  uint64_t size = 0;  // as found by fstat
};

// Never blocks on a FIFO or device: the file is opened non-blocking and must be regular.
FileBytes readFileBytes(const std::filesystem::path& path, uint64_t maxBytes);

// How much of a file's start is inspected for NUL bytes, as git and grep do.
inline constexpr size_t kBinaryProbeBytes = 8192;

// Offset of the first NUL byte within the first kBinaryProbeBytes, or npos for text.
size_t findBinaryMarker(std::string_view bytes);

// Removes a leading UTF-8 byte order mark; editors do not count it as a column.
bool stripUtf8Bom(std::string& text);

struct Utf8Repair {
  size_t invalidSequences = 0;                      // how many U+FFFD were inserted
  size_t firstInvalidOffset = std::string::npos;    // byte offset in the original text
};

// Replaces every maximal ill-formed subsequence (Unicode's "substitution of maximal subparts")
// with U+FFFD: overlong forms, surrogates, code points past U+10FFFF, stray or missing
// continuation bytes.
Utf8Repair repairUtf8(std::string& text);

}  // namespace hg
