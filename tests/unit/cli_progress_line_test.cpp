// The terminal progress line (cli/progress_line.h), driven by a hand-moved clock.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/progress_line.h"

namespace hg {
namespace {

using namespace std::chrono_literals;

class ProgressLineTest : public ::testing::Test {
 protected:
  ProgressLine::Clock::time_point now_{};
  std::ostringstream out_;
  ProgressLine line_{out_, 40, ProgressTiming{500ms, 100ms}, [this] { return now_; }};
};

TEST_F(ProgressLineTest, QuickScansDrawNothing) {
  line_.stage("reading", 3);
  for (int i = 0; i < 3; ++i) line_.advance("a.py");
  now_ += 499ms;
  line_.stage("running the rules", 0);
  line_.finish();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(ProgressLineTest, DrawsAfterTheDelayThrottlesAndErasesAtTheEnd) {
  line_.stage("parsing", 668);
  now_ += 600ms;
  line_.advance("app/hooks.py");
  EXPECT_EQ(out_.str(), "\r\033[Khookguard: parsing 1/668 app/hooks.py");
  out_.str("");
  now_ += 50ms;
  line_.advance("app/views.py");  // too soon after the last draw
  EXPECT_EQ(out_.str(), "");
  now_ += 60ms;
  line_.advance("app/models.py");
  EXPECT_EQ(out_.str(), "\r\033[Khookguard: parsing 3/668 app/models.py");
  out_.str("");
  line_.stage("linking", 0);  // a new stage is shown at once
  EXPECT_EQ(out_.str(), "\r\033[Khookguard: linking");
  out_.str("");
  line_.finish();
  EXPECT_EQ(out_.str(), "\r\033[K");
}

TEST_F(ProgressLineTest, LongPathsKeepTheirEndWithinTheWidth) {
  now_ += 1s;
  line_.stage("C++", 12);
  out_.str("");
  now_ += 200ms;
  line_.advance("services/payments/webhooks/stripe_handler.cpp");
  const std::string drawn = out_.str().substr(4);  // after "\r\033[K"
  EXPECT_EQ(drawn, "hookguard: C++ 1/12 ...ripe_handler.cpp");
  EXPECT_EQ(drawn.size(), 39u);  // one column spare in a 40-column terminal
}

}  // namespace
}  // namespace hg
