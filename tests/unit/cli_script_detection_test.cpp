#include "cli/script_detection.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/file_discovery.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

TEST(ScriptDetection, InterpreterLines) {
  EXPECT_TRUE(isPythonShebang("#!/usr/bin/python3"));
  EXPECT_TRUE(isPythonShebang("#!/usr/bin/python"));
  EXPECT_TRUE(isPythonShebang("#! /usr/local/bin/python3.11 -u\r"));
  EXPECT_TRUE(isPythonShebang("#!/usr/bin/env python3"));
  EXPECT_TRUE(isPythonShebang("#!/usr/bin/env -S python3 -u"));
  EXPECT_TRUE(isPythonShebang("#!/usr/bin/env -u LANG PYTHONUTF8=1 python3"));
  EXPECT_FALSE(isPythonShebang("#!/bin/sh"));
  EXPECT_FALSE(isPythonShebang("#!/usr/bin/env bash"));
  EXPECT_FALSE(isPythonShebang("#!/usr/bin/env"));
  EXPECT_FALSE(isPythonShebang("# python3 script"));
  EXPECT_FALSE(isPythonShebang("import os"));
  EXPECT_FALSE(isPythonShebang(""));
  // The interpreter's own name decides, not a directory on its path.
  EXPECT_FALSE(isPythonShebang("#!/opt/python3/bin/perl"));
}

class ScriptDiscovery : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("hg_scripts_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "bin");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const fs::path& p, const std::string& text, bool executable) {
    std::ofstream(p) << text;
    if (executable) fs::permissions(p, fs::perms::owner_exec, fs::perm_options::add);
  }

  std::vector<std::string> discovered(const std::vector<std::string>& paths) {
    Diagnostics diags;
    DiscoveryResult result = discoverFiles(paths, DiscoveryOptions{}, diags);
    std::vector<std::string> names;
    for (const DiscoveredFile& f : result.files) {
      if (f.language == Language::Python) names.push_back(f.canonical.filename().string());
    }
    return names;
  }

  fs::path root_;
};

TEST_F(ScriptDiscovery, WalkTakesExecutablePythonScriptsOnly) {
  write(root_ / "bin" / "hook-server", "#!/usr/bin/env python3\nimport flask\n", true);
  write(root_ / "bin" / "not-executable", "#!/usr/bin/env python3\n", false);
  write(root_ / "bin" / "run.sh.orig", "#!/usr/bin/env python3\n", true);  // has a suffix
  write(root_ / "bin" / "deploy", "#!/bin/sh\nexec true\n", true);
  EXPECT_EQ(discovered({root_.string()}), std::vector<std::string>{"hook-server"});
}

TEST_F(ScriptDiscovery, NamedFileNeedsOnlyTheShebang) {
  // pre-commit names the script; its mode does not matter then.
  write(root_ / "bin" / "listener", "#!/usr/bin/python3\n", false);
  write(root_ / "bin" / "notes", "just text\n", false);
  EXPECT_EQ(discovered({(root_ / "bin" / "listener").string(), (root_ / "bin" / "notes").string()}),
            std::vector<std::string>{"listener"});
}

}  // namespace
}  // namespace hg
