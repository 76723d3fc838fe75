#include "core/deadline.h"

#include <cmath>

namespace hg {

Deadline Deadline::after(double seconds) {
  Deadline d;
  // Past a year the addition could overflow the clock's representation: treat as unlimited.
  if (!std::isfinite(seconds) || seconds <= 0 || seconds > 365.0 * 24 * 3600) return d;
  d.limited_ = true;
  d.end_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  return d;
}

uint64_t Deadline::remainingMicros() const {
  const auto left = std::chrono::duration_cast<std::chrono::microseconds>(end_ - Clock::now()).count();
  if (left <= 0) return Clock::now() >= end_ ? 0 : 1;
  return static_cast<uint64_t>(left);
}

void Deadline::poll() {
  if (!limited_) return;
  if (untilNextCheck_ > 0) {
    --untilNextCheck_;
    return;
  }
  untilNextCheck_ = kPollStride;
  if (expired()) throw TimeBudgetExceeded("time budget exceeded");
}

}  // namespace hg
