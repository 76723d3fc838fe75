#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "cli/file_discovery.h"
#include "cli/output_file.h"
#include "cli/repository.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

class TempTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("hookguard-discovery-" + std::to_string(::getpid()) + "-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    root_ = fs::canonical(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& relative, const std::string& text = "x = 1\n") {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  std::vector<std::string> discovered(const std::vector<std::string>& paths, Diagnostics& diags,
                                      bool* inputError = nullptr) {
    DiscoveryResult r = discoverFiles(paths, DiscoveryOptions{root_, false}, diags);
    if (inputError) *inputError = r.inputError;
    std::vector<std::string> out;
    for (const auto& f : r.files) out.push_back(f.displayPath);
    return out;
  }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

TEST_F(TempTree, WalksInSortedOrderAndSkipsVendoredTrees) {
  write("b.py");
  write("a/z.py");
  write("a/B.py");
  write("a.py");
  write("notes.txt");
  write(".git/hook.py");
  write("pkg/node_modules/dep.py");
  write("pkg/__pycache__/c.py");
  write("pkg/.venv/lib/v.py");
  write("pkg/tooling/pyvenv.cfg", "home = /usr\n");
  write("pkg/tooling/lib/t.py");
  write("pkg/build/generated.py");
  Diagnostics diags;
  EXPECT_EQ(discovered({root_.string()}, diags),
            (std::vector<std::string>{"a/B.py", "a/z.py", "a.py", "b.py", "pkg/build/generated.py"}));
  EXPECT_TRUE(diags.all().empty());
}

TEST_F(TempTree, ExplicitlyNamedVendoredDirectoryIsScanned) {
  write("venv/tool.py");
  Diagnostics diags;
  EXPECT_EQ(discovered({path("venv")}, diags), (std::vector<std::string>{"venv/tool.py"}));
}

TEST_F(TempTree, SymlinkLoopsAreReportedNotFollowed) {
  write("src/app.py");
  fs::create_directory_symlink("..", root_ / "src" / "parent");
  fs::create_directory_symlink(root_ / "src", root_ / "src" / "self");
  fs::create_symlink(root_ / "src" / "app.py", root_ / "src" / "alias.py");
  Diagnostics diags;
  EXPECT_EQ(discovered({path("src")}, diags), (std::vector<std::string>{"src/app.py"}));
  size_t loops = 0;
  for (const RunDiagnostic& d : diags.all()) {
    if (d.message.find("symbolic link loop") != std::string::npos) ++loops;
  }
  EXPECT_EQ(loops, 2u);
}

TEST_F(TempTree, MissingNamedPathIsAnInputError) {
  write("ok.py");
  Diagnostics diags;
  bool inputError = false;
  EXPECT_EQ(discovered({path("ok.py"), path("gone.py")}, diags, &inputError), (std::vector<std::string>{"ok.py"}));
  EXPECT_TRUE(inputError);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].severity, RunDiagnostic::Severity::Error);
  EXPECT_EQ(diags.all()[0].path, path("gone.py"));
}

TEST_F(TempTree, DirectoryWithPythonSuffixIsWalked) {
  write("views.py/inner.py");
  Diagnostics diags;
  EXPECT_EQ(discovered({path("views.py")}, diags), (std::vector<std::string>{"views.py/inner.py"}));
}

TEST_F(TempTree, CppFilesNeedTheCppFrontEnd) {
  write("server.cpp", "int main() {}\n");
  write("handler.h", "\n");
  write("app.py");
  Diagnostics diags;
  EXPECT_EQ(discovered({root_.string()}, diags), (std::vector<std::string>{"app.py"}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_NE(diags.all()[0].message.find("2 C++ files skipped"), std::string::npos);

  DiscoveryResult withCpp = discoverFiles({root_.string()}, DiscoveryOptions{root_, true}, diags);
  ASSERT_EQ(withCpp.files.size(), 3u);
  EXPECT_EQ(withCpp.files[1].language, Language::Cpp);
}

TEST_F(TempTree, RepositoryRootIsTheNearestGitEntry) {
  write("repo/.git", "gitdir: elsewhere\n");  // a worktree's .git is a file
  write("repo/app/hooks.py");
  EXPECT_EQ(findRepositoryRoot({path("repo/app/hooks.py")}), root_ / "repo");
  EXPECT_EQ(findRepositoryRoot({path("missing"), path("repo/app")}), root_ / "repo");
  EXPECT_EQ(displayPathFor(root_ / "repo/app/hooks.py", root_ / "repo"), "app/hooks.py");
  EXPECT_EQ(displayPathFor(root_ / "repo", root_ / "repo"), ".");
  EXPECT_EQ(displayPathFor(fs::path("/elsewhere/x.py"), root_ / "repo"), "/elsewhere/x.py");
}

TEST_F(TempTree, ImportRootIsAboveThePackages) {
  write("proj/app/__init__.py", "");
  write("proj/app/hooks/__init__.py", "");
  write("proj/app/hooks/stripe.py");
  write("proj/scripts/tool.py");
  ImportRootFinder finder;
  EXPECT_EQ(finder.importPathOf(root_ / "proj/app/hooks/stripe.py"), "app/hooks/stripe.py");
  EXPECT_EQ(finder.importPathOf(root_ / "proj/app/__init__.py"), "app/__init__.py");
  EXPECT_EQ(finder.importPathOf(root_ / "proj/scripts/tool.py"), "tool.py");
}

TEST_F(TempTree, AtomicWriteReplacesSymlinkAndKeepsMode) {
  write("target.txt", "keep me");
  fs::create_symlink(root_ / "target.txt", root_ / "report.sarif");
  std::string error;
  ASSERT_TRUE(writeFileAtomically(path("report.sarif"), "{}\n", error)) << error;
  EXPECT_FALSE(fs::is_symlink(root_ / "report.sarif"));
  std::ifstream target(root_ / "target.txt");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(target), {}), "keep me");

  fs::permissions(root_ / "report.sarif", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ASSERT_TRUE(writeFileAtomically(path("report.sarif"), "[]\n", error)) << error;
  EXPECT_EQ(fs::status(root_ / "report.sarif").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  size_t entries = std::distance(fs::directory_iterator(root_), fs::directory_iterator());
  EXPECT_EQ(entries, 2u);  // no temporary file left behind

  EXPECT_FALSE(writeFileAtomically(path("no/such/dir/out.sarif"), "{}", error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(writeFileAtomically(root_.string(), "{}", error));
  EXPECT_EQ(error, "is a directory");
}

}  // namespace
}  // namespace hg
