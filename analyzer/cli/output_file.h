// Writing a report file so that readers never see half of it and a symbolic link at the
// destination is replaced, never written through (a link planted in a shared CI workspace
// must not redirect the write).
#pragma once

#include <string>
#include <string_view>

namespace hg {

// Checks, before any work, that `path` can be created: its directory exists and the path is
// not a directory. Returns an empty string when fine, else what is wrong.
std::string checkOutputPath(const std::string& path);

// Writes `content` to a new file in the same directory, then renames it over `path`. A regular
// file already at `path` keeps its permissions. On failure returns false with `error` set and
// leaves `path` untouched.
bool writeFileAtomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace hg
