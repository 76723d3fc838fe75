// A unified diff of one file's text before and after fixes (`hookguard scan --diff`), in the
// format `patch -p1` and `git apply` read: `--- a/PATH`, `+++ b/PATH`, hunks with three lines
// of context.
#pragma once

#include <string>

namespace hg {

// Empty when the texts are equal.
std::string unifiedDiff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace hg
