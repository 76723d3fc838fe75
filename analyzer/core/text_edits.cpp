#include "core/text_edits.h"

#include <algorithm>
#include <tuple>

namespace hg {

bool editsConflict(const TextEdit& a, const TextEdit& b) {
  if (a == b || a.file != b.file) return false;
  if (a.startByte < b.endByte && b.startByte < a.endByte) return true;
  const bool aInserts = a.startByte == a.endByte;
  const bool bInserts = b.startByte == b.endByte;
  if (!aInserts && !bInserts) return false;
  return a.startByte <= b.endByte && b.startByte <= a.endByte;
}

std::vector<size_t> compatibleFixes(const std::vector<const Fix*>& fixes) {
  std::vector<size_t> taken;
  std::vector<const TextEdit*> edits;
  for (size_t i = 0; i < fixes.size(); ++i) {
    bool fits = true;
    for (const TextEdit& e : fixes[i]->edits) {
      for (const TextEdit* other : edits) fits = fits && !editsConflict(e, *other);
    }
    if (!fits) continue;
    taken.push_back(i);
    for (const TextEdit& e : fixes[i]->edits) edits.push_back(&e);
  }
  return taken;
}

std::vector<TextEdit> mergedEdits(const std::vector<const Fix*>& fixes) {
  std::vector<TextEdit> edits;
  for (const Fix* f : fixes) {
    for (const TextEdit& e : f->edits) {
      if (std::find(edits.begin(), edits.end(), e) == edits.end()) edits.push_back(e);
    }
  }
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return std::tie(a.startByte, a.endByte) < std::tie(b.startByte, b.endByte);
  });
  return edits;
}

std::string applyEdits(const std::string& text, const std::vector<TextEdit>& edits) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (const TextEdit& e : edits) {
    const size_t start = std::clamp(e.startByte, at, text.size());
    out.append(text, at, start - at);
    out += e.replacement;
    at = std::clamp(e.endByte, start, text.size());
  }
  out.append(text, at, std::string::npos);
  return out;
}

}  // namespace hg
