// Applying fixes to a text: which fixes of one file can be applied together, and the text
// after them. Shared by `hookguard scan --fix/--diff` and anything else that edits files.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"

namespace hg {

// Whether two edits cannot both apply: their ranges meet (touching at a boundary counts when
// one of them inserts, since their order would be ambiguous). Identical edits do not conflict:
// two fixes adding the same import share it.
bool editsConflict(const TextEdit& a, const TextEdit& b);

// The fixes to apply, in the given order: each one whose edits conflict with none already
// taken; the others wait for the next run (which re-analyzes the changed text). Returns
// indexes into `fixes`.
std::vector<size_t> compatibleFixes(const std::vector<const Fix*>& fixes);

// The edits of these fixes, sorted by position, duplicates removed.
std::vector<TextEdit> mergedEdits(const std::vector<const Fix*>& fixes);

// `text` with the edits applied; the edits are sorted and do not conflict (mergedEdits).
std::string applyEdits(const std::string& text, const std::vector<TextEdit>& edits);

}  // namespace hg
