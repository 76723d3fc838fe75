// The per-file time budget (core/deadline.h) and how the Python front-end honours it.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "core/deadline.h"
#include "python/python_frontend.h"
#include "test_support.h"

namespace hg {
namespace {

// A deadline that has certainly passed: a microsecond budget, then a sleep well past it.
Deadline spentDeadline() {
  Deadline d = Deadline::after(1e-6);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return d;
}

TEST(DeadlineTest, NonPositiveOrNonFiniteBudgetsMeanNoLimit) {
  for (double seconds : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity(), 1e12}) {
    Deadline d = Deadline::after(seconds);
    EXPECT_FALSE(d.limited()) << seconds;
    EXPECT_FALSE(d.expired()) << seconds;
    for (int i = 0; i < 1000; ++i) d.poll();
  }
}

TEST(DeadlineTest, AGenerousBudgetIsNotExpired) {
  Deadline d = Deadline::after(3600);
  EXPECT_TRUE(d.limited());
  EXPECT_FALSE(d.expired());
  EXPECT_GT(d.remainingMicros(), 3000ull * 1000 * 1000);
  for (int i = 0; i < 1000; ++i) d.poll();
}

TEST(DeadlineTest, PollThrowsOnceSpentWithinOneStride) {
  Deadline d = spentDeadline();
  EXPECT_TRUE(d.expired());
  EXPECT_EQ(d.remainingMicros(), 0u);
  // The clock is read on the first call and then once per stride: a spent budget is noticed
  // at once, and never later than a stride of calls after it ran out.
  EXPECT_THROW(d.poll(), TimeBudgetExceeded);
  int calls = 0;
  try {
    for (; calls < 1000; ++calls) d.poll();
  } catch (const TimeBudgetExceeded&) {
  }
  EXPECT_LE(calls, 64);
}

TEST(DeadlineTest, FrontEndStopsWhenTheBudgetIsSpent) {
  std::string text = "from flask import Flask\napp = Flask(__name__)\n";
  for (int i = 0; i < 2000; ++i) text += "def f" + std::to_string(i) + "(x):\n    return x + " + std::to_string(i) + "\n";
  const SourceFile source = sourceFileOf("big.py", text);
  const Knowledge knowledge = Knowledge::builtin();
  EXPECT_THROW(python::lowerDetached(source, 0, "big", knowledge, spentDeadline()), TimeBudgetExceeded);
  // The parser of this thread is usable again after a parse stopped by the budget.
  python::LoweredFile lowered = python::lowerDetached(source, 0, "big", knowledge, Deadline::after(3600));
  EXPECT_TRUE(lowered.parsed);
  EXPECT_EQ(lowered.functions.size(), 2001u);
}

}  // namespace
}  // namespace hg
