#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "cli/source_reader.h"

namespace hg {
namespace {

std::string repaired(std::string text, size_t expectedInvalid) {
  Utf8Repair r = repairUtf8(text);
  EXPECT_EQ(r.invalidSequences, expectedInvalid) << "for input of size " << text.size();
  return text;
}

const std::string kFffd = "\xEF\xBF\xBD";

TEST(RepairUtf8, ValidTextIsUntouched) {
  EXPECT_EQ(repaired("plain ascii\n", 0), "plain ascii\n");
  EXPECT_EQ(repaired("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 0), "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  std::string empty;
  EXPECT_EQ(repairUtf8(empty).firstInvalidOffset, std::string::npos);
}

TEST(RepairUtf8, StrayAndTruncatedSequences) {
  EXPECT_EQ(repaired("a\x80z", 1), "a" + kFffd + "z");           // lone continuation byte
  EXPECT_EQ(repaired("caf\xE9!", 1), "caf" + kFffd + "!");        // Latin-1 byte
  EXPECT_EQ(repaired("x\xE2\x82", 1), "x" + kFffd);               // truncated at end of input
  EXPECT_EQ(repaired("\xE2\x82x", 1), kFffd + "x");               // truncated, one maximal subpart
  EXPECT_EQ(repaired("\xFF\xFE", 2), kFffd + kFffd);              // never valid in UTF-8
}

TEST(RepairUtf8, RejectsOverlongSurrogatesAndOutOfRange) {
  EXPECT_EQ(repaired("\xC0\xAF", 2), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(repaired("\xE0\x80\xAF", 3), kFffd + kFffd + kFffd);  // overlong, E0 needs A0..BF next
  EXPECT_EQ(repaired("\xED\xA0\x80", 3), kFffd + kFffd + kFffd);  // UTF-16 surrogate D800
  EXPECT_EQ(repaired("\xF4\x90\x80\x80", 4), kFffd + kFffd + kFffd + kFffd);  // U+110000
  EXPECT_EQ(repaired("\xF4\x8F\xBF\xBF", 0), "\xF4\x8F\xBF\xBF");  // U+10FFFF is fine
}

TEST(RepairUtf8, ReportsTheFirstInvalidOffset) {
  std::string text = "ok\nstill ok\n\x80 bad\n\x80";
  Utf8Repair r = repairUtf8(text);
  EXPECT_EQ(r.firstInvalidOffset, 12u);
  EXPECT_EQ(r.invalidSequences, 2u);
}

TEST(BinaryDetection, NulInTheProbeWindowOnly) {
  EXPECT_EQ(findBinaryMarker("text\n"), std::string::npos);
  EXPECT_EQ(findBinaryMarker(std::string("ab\0c", 4)), 2u);
  std::string late(kBinaryProbeBytes + 10, 'a');
  late[kBinaryProbeBytes + 5] = '\0';
  EXPECT_EQ(findBinaryMarker(late), std::string::npos);
}

TEST(Bom, StrippedOnceAtTheStart) {
  std::string text = "\xEF\xBB\xBFimport os\n";
  EXPECT_TRUE(stripUtf8Bom(text));
  EXPECT_EQ(text, "import os\n");
  EXPECT_FALSE(stripUtf8Bom(text));
}

TEST(ReadFileBytes, SizeLimitAndMissingFile) {
  const auto dir = std::filesystem::temp_directory_path() / ("hookguard-reader-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "f.py";
  std::ofstream(file) << "0123456789";
  FileBytes ok = readFileBytes(file, 10);
  EXPECT_EQ(ok.status, FileBytes::Status::Ok);
  EXPECT_EQ(ok.bytes, "0123456789");
  EXPECT_EQ(readFileBytes(file, 9).status, FileBytes::Status::TooLarge);
  FileBytes missing = readFileBytes(dir / "absent.py", 100);
  EXPECT_EQ(missing.status, FileBytes::Status::Unreadable);
  EXPECT_EQ(missing.error, "no such file or directory");
  EXPECT_EQ(readFileBytes(dir, 100).status, FileBytes::Status::NotRegularFile);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hg
