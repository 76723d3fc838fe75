#include "cli/stage_timings.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace hg {
namespace {

// Records what reaches it, to check the timings pass every event on.
class RecordingSink : public ProgressSink {
 public:
  void stage(std::string_view name, size_t total) override { events.push_back("stage " + std::string(name) + " " + std::to_string(total)); }
  void advance(std::string_view item) override { events.push_back("advance " + std::string(item)); }
  std::vector<std::string> events;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(StageTimings, ListsStagesAndTheRulesInsideTheirStage) {
  StageTimings timings;
  timings.stage("reading", 2);
  timings.advance("a.py");
  timings.advance("b.py");
  timings.stage("rules", 2);
  timings.advance("WH101 missing-signature-verification");
  timings.advance("WH102 timing-unsafe-compare");
  timings.stage("reporting", 0);
  std::ostringstream out;
  timings.write(out);
  const std::vector<std::string> got = lines(out.str());
  ASSERT_EQ(got.size(), 8u) << out.str();
  EXPECT_EQ(got[0], "hookguard: timings (wall clock)");
  EXPECT_EQ(got[1].rfind("  reading ", 0), 0u) << got[1];
  EXPECT_EQ(got[2].rfind("  rules ", 0), 0u) << got[2];
  // Files are not rows: only the rules stage is broken down.
  EXPECT_EQ(got[3].rfind("    WH101 missing-signature-verification ", 0), 0u) << got[3];
  EXPECT_EQ(got[4].rfind("    WH102 timing-unsafe-compare ", 0), 0u) << got[4];
  EXPECT_EQ(got[5].rfind("  reporting ", 0), 0u) << got[5];
  EXPECT_EQ(got[6].rfind("  other ", 0), 0u) << got[6];
  EXPECT_EQ(got[7].rfind("  total ", 0), 0u) << got[7];
  for (size_t i = 1; i < got.size(); ++i) EXPECT_NE(got[i].find(" s "), std::string::npos) << got[i];
}

TEST(StageTimings, PassesEveryEventOn) {
  RecordingSink next;
  StageTimings timings(&next);
  timings.stage("parsing", 3);
  timings.advance("x.py");
  EXPECT_EQ(next.events, (std::vector<std::string>{"stage parsing 3", "advance x.py"}));
}

TEST(StageTimings, RuleTimesAddUpToNoMoreThanTheirStage) {
  StageTimings timings;
  timings.stage("rules", 2);
  timings.advance("WH101 a");
  timings.advance("WH102 b");
  // Not a performance check: the sleep only makes the rule's span long enough to see.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::ostringstream out;
  timings.write(out);
  const std::vector<std::string> got = lines(out.str());
  ASSERT_GE(got.size(), 4u);
  auto seconds = [](const std::string& line) { return std::stod(line.substr(48)); };
  EXPECT_LE(seconds(got[2]) + seconds(got[3]), seconds(got[1]) + 0.002) << out.str();
  // The stage lasts at least as long as its last rule, which ran until write().
  EXPECT_GE(seconds(got[3]), 0.004) << out.str();
  EXPECT_GE(seconds(got[1]), seconds(got[3])) << out.str();
}

}  // namespace
}  // namespace hg
