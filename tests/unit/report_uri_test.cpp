#include <gtest/gtest.h>

#include "report/uri.h"

namespace hg {
namespace {

TEST(ReportUri, PercentEncodesSpacesReservedAndNonAscii) {
  EXPECT_EQ(percentEncodePath("app/hooks.py"), "app/hooks.py");
  EXPECT_EQ(percentEncodePath("my dir/a b.py"), "my%20dir/a%20b.py");
  EXPECT_EQ(percentEncodePath("\xC3\xBCn\xC3\xAF/\xE6\x97\xA5.py"), "%C3%BCn%C3%AF/%E6%97%A5.py");
  EXPECT_EQ(percentEncodePath("a%b#c?d[e]+f;g"), "a%25b%23c%3Fd%5Be%5D%2Bf%3Bg");
  EXPECT_EQ(percentEncodePath("x-y_z.~"), "x-y_z.~");
}

TEST(ReportUri, FileUriOfTheRootEndsWithOneSlash) {
  EXPECT_EQ(fileUri("/work/repo", true), "file:///work/repo/");
  EXPECT_EQ(fileUri("/work/repo/", true), "file:///work/repo/");
  EXPECT_EQ(fileUri("/work/my repo/./x/..", true), "file:///work/my%20repo/");
  EXPECT_EQ(fileUri("/", true), "file:///");
  EXPECT_EQ(fileUri("/srv/a b.py"), "file:///srv/a%20b.py");
}

TEST(ReportUri, RelativePathsAreCleaned) {
  EXPECT_EQ(cleanRelativePath("./app/hooks.py"), "app/hooks.py");
  EXPECT_EQ(cleanRelativePath("app//./deep/nested/x.py"), "app/deep/nested/x.py");
  EXPECT_EQ(cleanRelativePath("../outside.py"), std::nullopt);
  EXPECT_EQ(cleanRelativePath("a/../b.py"), std::nullopt);
  EXPECT_EQ(cleanRelativePath("/abs.py"), std::nullopt);
  EXPECT_EQ(cleanRelativePath(""), std::nullopt);
}

TEST(ReportUri, RelativeToRoot) {
  EXPECT_EQ(relativeToRoot("/r/app/x.py", "/r"), "app/x.py");
  EXPECT_EQ(relativeToRoot("/r/app/x.py", "/r/"), "app/x.py");
  EXPECT_EQ(relativeToRoot("/rr/x.py", "/r"), std::nullopt);  // a prefix is not a parent
  EXPECT_EQ(relativeToRoot("/r", "/r"), std::nullopt);
  EXPECT_EQ(relativeToRoot("/x.py", "/"), "x.py");
}

TEST(ReportUri, ArtifactUriPrefersTheDisplayPath) {
  SourceFile f;
  f.displayPath = "./deep/nested dir/\xC3\xA9.py";
  f.absolutePath = "/elsewhere/real.py";  // a symlink target outside the root
  ArtifactUri uri = artifactUri(f, "/repo");
  EXPECT_EQ(uri.uri, "deep/nested%20dir/%C3%A9.py");
  EXPECT_TRUE(uri.relativeToSourceRoot);
}

TEST(ReportUri, ArtifactUriOutsideTheRootIsAbsolute) {
  SourceFile f;
  f.displayPath = "../other/x.py";
  f.absolutePath = "/other/x.py";
  ArtifactUri uri = artifactUri(f, "/repo");
  EXPECT_EQ(uri.uri, "file:///other/x.py");
  EXPECT_FALSE(uri.relativeToSourceRoot);

  f.displayPath = "../repo/x.py";
  f.absolutePath = "/repo/x.py";
  uri = artifactUri(f, "/repo");
  EXPECT_EQ(uri.uri, "x.py");
  EXPECT_TRUE(uri.relativeToSourceRoot);
}

TEST(ReportUri, UserPathsOfDiagnostics) {
  auto uri = artifactUriForUserPath("/repo/bad file.py", "/repo");
  ASSERT_TRUE(uri.has_value());
  EXPECT_EQ(uri->uri, "bad%20file.py");
  EXPECT_TRUE(uri->relativeToSourceRoot);
  EXPECT_EQ(artifactUriForUserPath("", "/repo"), std::nullopt);
  uri = artifactUriForUserPath("/tmp/x.py", "/repo");
  ASSERT_TRUE(uri.has_value());
  EXPECT_EQ(uri->uri, "file:///tmp/x.py");
}

}  // namespace
}  // namespace hg
