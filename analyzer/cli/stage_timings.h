// `hookguard scan --timings`: where the time of a scan went, per stage and per rule, printed on
// stderr when it ends (like semgrep's --time or clang-tidy's check profile). It listens to the
// scan's progress events, so measuring costs one clock read per event, and passes every event
// on to the progress line when there is one.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "core/progress.h"

namespace hg {

class StageTimings : public ProgressSink {
 public:
  using Clock = std::chrono::steady_clock;

  explicit StageTimings(ProgressSink* next = nullptr);

  void stage(std::string_view name, size_t total) override;
  void advance(std::string_view item) override;
  // Ends the current stage and writes the table: stage, wall time, share of the scan.
  void write(std::ostream& out);

 private:
  struct Span {
    std::string name;
    bool rule = false;  // a rule inside the "rules" stage
    Clock::time_point start;
    Clock::duration length{};
  };
  void close(Clock::time_point now);

  ProgressSink* next_;
  std::mutex mutex_;
  Clock::time_point begin_;
  std::vector<Span> spans_;
  bool inRules_ = false;
};

}  // namespace hg
