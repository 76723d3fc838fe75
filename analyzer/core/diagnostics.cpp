#include "core/diagnostics.h"

#include <algorithm>

namespace hg {

void Diagnostics::add(RunDiagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

std::vector<RunDiagnostic> Diagnostics::all() const {
  std::lock_guard lock(mutex_);
  return items_;
}

bool Diagnostics::anyFileSkipped() const {
  std::lock_guard lock(mutex_);
  for (const auto& d : items_) {
    if (d.fileSkipped) return true;
  }
  return false;
}

void Diagnostics::removeIf(const std::function<bool(const RunDiagnostic&)>& predicate) {
  std::lock_guard lock(mutex_);
  items_.erase(std::remove_if(items_.begin(), items_.end(), predicate), items_.end());
}

}  // namespace hg
