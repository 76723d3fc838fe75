// A per-file time budget (--max-file-seconds). The front-end's long loops poll it; once the
// budget is spent poll() throws TimeBudgetExceeded and the scan reports the file as skipped
// instead of letting one hostile file hold up a CI job. One Deadline belongs to one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>

namespace hg {

struct TimeBudgetExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;  // no limit
  // A budget of `seconds` from now; zero, negative or not finite means no limit.
  static Deadline after(double seconds);

  bool limited() const { return limited_; }
  bool expired() const { return limited_ && Clock::now() >= end_; }
  // Microseconds left (at least 1 while not expired, 0 once expired); meaningless unlimited.
  uint64_t remainingMicros() const;
  // Throws TimeBudgetExceeded once expired. Reads the clock only every kPollStride calls, so
  // a loop may call it per statement.
  void poll();

 private:
  static constexpr uint32_t kPollStride = 64;
  bool limited_ = false;
  Clock::time_point end_{};
  uint32_t untilNextCheck_ = 0;
};

}  // namespace hg
