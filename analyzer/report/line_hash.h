// SARIF partialFingerprints.primaryLocationLineHash, computed the way GitHub's code scanning
// upload (github/codeql-action, src/fingerprints.ts) computes it, so that alerts keep their
// identity across commits and the upload does not warn about an inconsistent fingerprint.
//
// The algorithm, as the upload implements it: the file is decoded as UTF-8 and read as UTF-16
// code units; spaces and tabs are dropped; "\r\n", "\r" and "\n" all become one "\n"; the
// character 0xFFFF marks the end of the file. A line's hash is a polynomial rolling hash
// (base 37, 64-bit wrapping arithmetic) over the 100 characters that follow the start of the
// line (text of the following lines included, zero-padded past the end). The value is the hash
// in lower-case hexadecimal without leading zeros, ':', and how many times that hash occurred
// so far in the file (1 for its first occurrence). Lines are numbered from 1, a "\r" alone
// ending a line too; a file that ends with a line break has one more line (the end marker).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace hg {

// hashes[n] is line n's value; hashes[0] is unused and empty.
std::vector<std::string> lineHashesUtf16(std::u16string_view text);

// For a file's bytes. nullopt when the upload could hash different text than we would: the
// bytes are not valid UTF-8, or hold U+FFFD (which could stand for a byte the reader replaced),
// so the field is better left to the upload than risked.
std::optional<std::vector<std::string>> lineHashes(std::string_view fileBytes);

// For a scanned file. The upload hashes the file as it is on disk, while SourceFile::text has
// a UTF-8 byte-order mark removed and invalid UTF-8 repaired: the disk is read again and used
// only when it is the text, or a byte-order mark followed by the text; anything else (the file
// changed or was repaired, or cannot be read) gives nullopt. A source with no absolutePath is
// an in-memory file: its text is hashed.
std::optional<std::vector<std::string>> lineHashes(const SourceFile& file);

}  // namespace hg
