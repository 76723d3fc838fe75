#include "cli/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <utility>

namespace hg {

namespace {

// Carriage return, then "erase to end of line": the line is rewritten in place.
constexpr const char* kRewriteLine = "\r\033[K";

// Cuts `text` to at most `columns` characters, counting UTF-8 lead bytes only, and keeps the
// end of a path rather than its beginning.
std::string fitted(const std::string& prefix, const std::string& item, size_t columns) {
  auto width = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
  };
  const size_t used = width(prefix);
  if (used >= columns) return prefix.substr(0, columns);
  if (item.empty()) return prefix;
  const size_t room = columns - used - 1;
  if (width(item) <= room) return prefix + " " + item;
  if (room < 4) return prefix;
  // Keep the tail of the path: "...hooks/stripe.py".
  size_t keep = room - 3;
  size_t begin = item.size();
  size_t counted = 0;
  while (begin > 0 && counted < keep) {
    --begin;
    if ((static_cast<unsigned char>(item[begin]) & 0xC0) != 0x80) ++counted;
  }
  return prefix + " ..." + item.substr(begin);
}

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, size_t width, ProgressTiming timing, std::function<Clock::time_point()> now)
    : out_(out), width_(width), timing_(timing), now_(std::move(now)), start_(now_()) {}

void ProgressLine::stage(std::string_view name, size_t total) {
  std::lock_guard lock(mutex_);
  stage_ = name;
  total_ = total;
  done_ = 0;
  item_.clear();
  drawIfDue(true);
}

void ProgressLine::advance(std::string_view item) {
  std::lock_guard lock(mutex_);
  ++done_;
  item_ = item;
  drawIfDue(false);
}

void ProgressLine::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) out_ << kRewriteLine << std::flush;
  drawn_ = false;
}

void ProgressLine::drawIfDue(bool stageChanged) {
  const Clock::time_point now = now_();
  if (now - start_ < timing_.firstDrawAfter) return;
  // A new stage is shown at once; within a stage, redraws are spaced out.
  if (drawn_ && !stageChanged && now - lastDraw_ < timing_.redrawEvery) return;
  std::string prefix = "hookguard: " + stage_;
  if (total_ > 0) prefix += " " + std::to_string(done_) + "/" + std::to_string(total_);
  // One column spare: writing the last column makes some terminals wrap.
  out_ << kRewriteLine << fitted(prefix, item_, width_ > 1 ? width_ - 1 : 1) << std::flush;
  lastDraw_ = now;
  drawn_ = true;
}

size_t terminalWidth(int fd) {
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace hg
