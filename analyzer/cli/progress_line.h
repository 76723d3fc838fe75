// The progress indicator of `hookguard scan` on a terminal: one line on stderr, redrawn in
// place ("hookguard: parsing 120/668 app/hooks.py"), erased when the scan ends. It appears
// only once a scan has run for a moment, so quick scans (pre-commit on a few files) never
// flicker, and is redrawn at most a few times a second. Used only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

#include "core/progress.h"

namespace hg {

struct ProgressTiming {
  std::chrono::milliseconds firstDrawAfter{500};
  std::chrono::milliseconds redrawEvery{100};
};

class ProgressLine : public ProgressSink {
 public:
  using Clock = std::chrono::steady_clock;

  // `now` is the clock (replaceable for tests); `width` the terminal's columns (lines are cut
  // to fit, or a redraw would scroll).
  ProgressLine(std::ostream& out, size_t width, ProgressTiming timing = ProgressTiming(),
               std::function<Clock::time_point()> now = [] { return Clock::now(); });

  void stage(std::string_view name, size_t total) override;
  void advance(std::string_view item) override;
  // Erases the line if one was drawn. Call before anything else is written to the stream.
  void finish();

 private:
  void drawIfDue(bool force);

  std::mutex mutex_;
  std::ostream& out_;
  const size_t width_;
  const ProgressTiming timing_;
  const std::function<Clock::time_point()> now_;
  const Clock::time_point start_;
  Clock::time_point lastDraw_{};
  bool drawn_ = false;
  std::string stage_;
  std::string item_;
  size_t done_ = 0;
  size_t total_ = 0;
};

// Columns of the terminal on `fd` (80 when unknown).
size_t terminalWidth(int fd);

}  // namespace hg
