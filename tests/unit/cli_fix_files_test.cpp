// --fix's file handling (cli/fix_files.h) and --diff's unified diff (report/unified_diff.h).
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/fix_files.h"
#include "report/unified_diff.h"
#include "test_support.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

TEST(FixFiles, OnlyAnUnchangedFileIsWritten) {
  EXPECT_EQ(fixedFileBytes("a == b\n", "a == b\n", "ok\n"), std::optional<std::string>("ok\n"));
  // Edited since it was read: left alone.
  EXPECT_EQ(fixedFileBytes("a == b\n", "a == b\n# more\n", "ok\n"), std::nullopt);
  // A byte order mark the analysis did not see is kept.
  EXPECT_EQ(fixedFileBytes("a == b\n", "\xEF\xBB\xBF" "a == b\n", "ok\n"), std::optional<std::string>("\xEF\xBB\xBF" "ok\n"));
  // Invalid UTF-8 was repaired before the analysis: the repaired text is not the file.
  EXPECT_EQ(fixedFileBytes("x = '\xEF\xBF\xBD'\n", "x = '\xFF'\n", "y\n"), std::nullopt);
}

TEST(FixFiles, PlansSkipUnsafeAndConflictingFixes) {
  Program program;
  program.sources.add(sourceFileOf("app/a.py", "aaaa bbbb\n"));
  std::vector<Finding> findings(3);
  findings[0].location = Span{0, 1, 1, 1, 5};
  findings[0].fixes.push_back(Fix{"x", FixApplicability::Safe, {{0, 0, 4, "AAAA"}}});
  findings[1].location = Span{0, 1, 1, 1, 5};
  findings[1].fixes.push_back(Fix{"y", FixApplicability::Safe, {{0, 2, 6, "overlap"}}});
  findings[2].location = Span{0, 1, 6, 1, 10};
  findings[2].fixes.push_back(Fix{"z", FixApplicability::Unsafe, {{0, 5, 9, "BBBB"}}});
  std::vector<FilePlan> plans = planFixes(program, findings, false);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].findings, (std::vector<size_t>{0}));
  EXPECT_EQ(plans[0].fixedText, "AAAA bbbb\n");
  plans = planFixes(program, findings, true);
  EXPECT_EQ(plans[0].fixedText, "AAAA BBBB\n");
}

TEST(FixFiles, WritesInPlaceAndRefusesAChangedFile) {
  fs::path dir = fs::temp_directory_path() / ("hookguard-fix-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "hooks.py";
  std::ofstream(path, std::ios::binary) << "a == b\n";
  SourceFile file = sourceFileOf("hooks.py", "a == b\n");
  file.absolutePath = path.string();
  FilePlan plan{0, {0}, "ok(a, b)\n"};
  std::string problem;
  ASSERT_TRUE(writeFixedFile(file, plan, problem)) << problem;
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "ok(a, b)\n");
  // The file now differs from the analyzed text: a second write is refused.
  EXPECT_FALSE(writeFixedFile(file, plan, problem));
  EXPECT_NE(problem.find("changed since it was read"), std::string::npos) << problem;
  fs::remove_all(dir);
}

TEST(UnifiedDiff, HunksWithContextAndMissingFinalNewline) {
  EXPECT_EQ(unifiedDiff("a.py", "same\n", "same\n"), "");
  std::string before, after;
  for (int i = 1; i <= 12; ++i) before += "line" + std::to_string(i) + "\n";
  after = before;
  after.replace(after.find("line2\n"), 6, "import hmac\nline2\n");
  after.replace(after.find("line11\n"), 7, "LINE11\n");
  EXPECT_EQ(unifiedDiff("app/a.py", before, after),
            "--- a/app/a.py\n+++ b/app/a.py\n"
            "@@ -1,4 +1,5 @@\n line1\n+import hmac\n line2\n line3\n line4\n"
            "@@ -8,5 +9,5 @@\n line8\n line9\n line10\n-line11\n+LINE11\n line12\n");
  EXPECT_EQ(unifiedDiff("b.py", "x", "y"),
            "--- a/b.py\n+++ b/b.py\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
}

}  // namespace
}  // namespace hg
