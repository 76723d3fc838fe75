#include "cli/stage_timings.h"

#include <cstdio>

namespace hg {

StageTimings::StageTimings(ProgressSink* next) : next_(next), begin_(Clock::now()) {}

// Ends the open stage and the rule running in it.
void StageTimings::close(Clock::time_point now) {
  for (auto it = spans_.rbegin(); it != spans_.rend(); ++it) {
    if (it->length == Clock::duration{}) it->length = now - it->start;
    if (!it->rule) break;
  }
}

void StageTimings::stage(std::string_view name, size_t total) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const Clock::time_point now = Clock::now();
    close(now);
    inRules_ = name == "rules";
    spans_.push_back(Span{std::string(name), false, now, {}});
  }
  if (next_) next_->stage(name, total);
}

void StageTimings::advance(std::string_view item) {
  if (inRules_) {
    std::lock_guard<std::mutex> lock(mutex_);
    const Clock::time_point now = Clock::now();
    // The rules stage reports each rule as it starts: the previous one ends here.
    if (!spans_.empty() && spans_.back().rule) spans_.back().length = now - spans_.back().start;
    spans_.push_back(Span{std::string(item), true, now, {}});
  }
  if (next_) next_->advance(item);
}

void StageTimings::write(std::ostream& out) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Clock::time_point now = Clock::now();
  close(now);
  inRules_ = false;
  const double total = std::chrono::duration<double>(now - begin_).count();
  auto row = [&](const std::string& name, double seconds) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-44.44s %9.3f s %5.1f%%\n", name.c_str(), seconds,
                  total > 0 ? 100.0 * seconds / total : 0.0);
    out << line;
  };
  out << "hookguard: timings (wall clock)\n";
  double staged = 0;
  for (const Span& s : spans_) {
    const double seconds = std::chrono::duration<double>(s.length).count();
    if (!s.rule) staged += seconds;
    row(s.rule ? "  " + s.name : s.name, seconds);
  }
  // Start-up and configuration before the first stage, and whatever follows the last one.
  row("other", total - staged);
  row("total", total);
}

}  // namespace hg
