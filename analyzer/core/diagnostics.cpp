#include "core/diagnostics.h"

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

}  // namespace hg
