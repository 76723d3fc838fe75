// The project configuration: parsing (cli/config.h), discovery, merging with the command line
// (cli/config_merge.h) and exclude globs (cli/exclude_patterns.h).
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "cli/config.h"
#include "cli/config_merge.h"
#include "cli/exclude_patterns.h"
#include "core/knowledge.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& categories() {
  static const std::vector<std::string> all = Knowledge::builtin().categories();
  return all;
}

ProjectConfig parseToml(const std::string& text) {
  std::optional<ProjectConfig> config = parseProjectConfig(text, ".hookguard.toml", ConfigFileKind::HookguardToml, categories());
  if (!config) throw std::logic_error("a .hookguard.toml always gives a configuration");
  return *config;
}

std::string errorOf(const std::string& text, ConfigFileKind kind = ConfigFileKind::HookguardToml) {
  const std::string path = kind == ConfigFileKind::Pyproject ? "pyproject.toml" : ".hookguard.toml";
  try {
    parseProjectConfig(text, path, kind, categories());
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ConfigParseTest, EveryKeyOfAHookguardToml) {
  ProjectConfig c = parseToml(R"(
select = ["WH1", "ssrf-unvalidated-url"]
ignore = ["WH501"]
exclude = ["migrations", "tests/fixtures/**"]
fail-on = "warning"
all-post-routes = true
webhook-routes = ["/api/inbound/*"]
max-body-bytes = 1048576
max-timestamp-window = 300
max-file-bytes = 4096
max-file-seconds = 2.5
fix = true
unsafe-fixes = false

[rules.WH201]
level = "error"

[rules.timing-unsafe-compare]
level = "note"

[knowledge]
verifiers = ["myapp.security.check_signature", { name = "myapp.auth.verify", style = "raises" }]
)");
  EXPECT_EQ(c.select, (std::vector<std::string>{"WH1", "ssrf-unvalidated-url"}));
  EXPECT_EQ(c.ignore, std::vector<std::string>{"WH501"});
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"migrations", "tests/fixtures/**"}));
  EXPECT_EQ(c.failOn, "warning");
  EXPECT_EQ(c.allPostRoutes, true);
  EXPECT_EQ(c.fix, true);
  EXPECT_EQ(c.unsafeFixes, false);
  EXPECT_EQ(c.webhookRoutes, std::vector<std::string>{"/api/inbound/*"});
  EXPECT_EQ(c.maxBodyBytes, 1048576u);
  EXPECT_EQ(c.maxTimestampWindowSeconds, 300.0);
  EXPECT_EQ(c.maxFileBytes, 4096u);
  EXPECT_EQ(c.maxFileSeconds, 2.5);
  EXPECT_EQ(c.ruleLevels, (std::map<std::string, Level>{{"WH201", Level::Error}, {"WH102", Level::Note}}));
  ASSERT_TRUE(c.knowledge.contains("verifiers"));
  EXPECT_EQ(c.knowledge["verifiers"].dump(),
            R"(["myapp.security.check_signature",{"name":"myapp.auth.verify","style":"raises"}])");
}

TEST(ConfigParseTest, KnowledgeEntriesLoadIntoTheKnowledgeBase) {
  ProjectConfig c = parseToml("[knowledge]\nssrf_sinks = [{ name = \"myapp.http.fetch\", url_arg = 0 }]\n");
  Knowledge knowledge = Knowledge::builtin();
  knowledge.load(c.knowledge.dump(), ".hookguard.toml");
  const KnowledgeEntry* entry = knowledge.match("ssrf_sinks", "myapp.http.fetch");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->attributes["url_arg"], 0);
}

TEST(ConfigParseTest, PyprojectUsesTheToolHookguardTable) {
  auto c = parseProjectConfig("[project]\nname = \"x\"\n\n[tool.hookguard]\nignore = [\"WH403\"]\n\n"
                              "[tool.hookguard.rules.WH302]\nlevel = \"error\"\n",
                              "pyproject.toml", ConfigFileKind::Pyproject, categories());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->ignore, std::vector<std::string>{"WH403"});
  EXPECT_EQ(c->ruleLevels.at("WH302"), Level::Error);
  EXPECT_FALSE(parseProjectConfig("[tool.ruff]\nline-length = 100\n", "pyproject.toml", ConfigFileKind::Pyproject,
                                  categories())
                   .has_value());
}

TEST(ConfigParseTest, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(errorOf("select = [\"WH1\"]\nselct = [\"WH2\"]\n").substr(0, 70),
            std::string(".hookguard.toml:2:1: unknown key 'selct' in the top level (known keys: ").substr(0, 70));
  EXPECT_EQ(errorOf("[tool.hookguard]\nfail-on = 3\n", ConfigFileKind::Pyproject),
            "pyproject.toml:2:11: 'tool.hookguard.fail-on' must be one of error, never, note, warning, not an integer");
  EXPECT_EQ(errorOf("select = \"WH1\"\n"), ".hookguard.toml:1:10: 'select' must be an array of strings, not a string");
  EXPECT_EQ(errorOf("exclude = [\"a\", 2]\n"),
            ".hookguard.toml:1:17: 'exclude' must be an array of strings; this element is an integer");
  EXPECT_EQ(errorOf("all-post-routes = \"yes\"\n"),
            ".hookguard.toml:1:19: 'all-post-routes' must be true or false, not a string");
  EXPECT_EQ(errorOf("max-body-bytes = -5\n"), ".hookguard.toml:1:18: 'max-body-bytes' must be a positive integer, not -5");
  EXPECT_EQ(errorOf("max-timestamp-window = \"5m\"\n"),
            ".hookguard.toml:1:24: 'max-timestamp-window' must be a positive number, not a string");
  EXPECT_EQ(errorOf("max-file-seconds = -1\n"), ".hookguard.toml:1:20: 'max-file-seconds' must be a number, 0 or more");
  EXPECT_EQ(parseToml("max-file-seconds = 0\n").maxFileSeconds, 0.0);
}

TEST(ConfigParseTest, RuleAndCategoryNamesAreChecked) {
  EXPECT_NE(errorOf("select = [\"WH1\", \"WH999\"]\n").find(".hookguard.toml:1:18: 'select': unknown rule 'WH999'"),
            std::string::npos);
  EXPECT_NE(errorOf("[rules.WH999]\nlevel = \"error\"\n").find(".hookguard.toml:1:8: [rules.WH999]: unknown rule"),
            std::string::npos);
  EXPECT_EQ(errorOf("[rules.WH201]\nlevel = \"fatal\"\n"),
            ".hookguard.toml:2:9: 'rules.WH201.level' must be one of error, note, warning, not 'fatal'");
  EXPECT_EQ(errorOf("[rules.WH201]\nseverity = \"error\"\n"),
            ".hookguard.toml:2:1: unknown key 'severity' in [rules.WH201] (known keys: level)");
  EXPECT_NE(errorOf("[knowledge]\nverifierz = [\"a.b\"]\n").find(".hookguard.toml:2:1: unknown knowledge category 'verifierz'"),
            std::string::npos);
  EXPECT_EQ(errorOf("[knowledge]\nverifiers = [{ style = \"raises\" }]\n"),
            ".hookguard.toml:2:14: each entry of 'knowledge.verifiers' must be a string or a table with a string 'name'");
}

TEST(ConfigParseTest, InvalidTomlIsAnErrorWithAPosition) {
  std::string error = errorOf("select = [\"WH1\"\n");
  EXPECT_EQ(error.rfind(".hookguard.toml:", 0), 0u) << error;
  EXPECT_NE(error.find("invalid TOML"), std::string::npos) << error;
  EXPECT_NE(errorOf("[tool]\nhookguard = 1\n", ConfigFileKind::Pyproject).find("'tool.hookguard' must be a table"),
            std::string::npos);
}

TEST(ConfigMergeTest, CommandLineOverridesTheFile) {
  ProjectConfig config = parseToml("select = [\"WH1\"]\nignore = [\"WH102\"]\nfail-on = \"note\"\nmax-body-bytes = 5\n");
  ScanCommandOptions cli;
  cli.select = {"WH4"};
  cli.given = {"--select"};
  ScanCommandOptions merged = withProjectConfig(cli, config);
  EXPECT_EQ(merged.select, std::vector<std::string>{"WH4"});      // from the command line
  EXPECT_EQ(merged.ignore, std::vector<std::string>{"WH102"});    // from the file
  EXPECT_EQ(merged.failOn, Level::Note);
  EXPECT_EQ(merged.maxBodyBytes, 5u);
  EXPECT_TRUE(merged.given.count("--max-body-bytes"));

  ScanOptions scan;
  applyProjectConfig(&config, merged, scan);
  EXPECT_EQ(scan.engine.maxBodyBytes, 5u);
  EXPECT_EQ(scan.engine.maxTimestampWindowSeconds, EngineConfig{}.maxTimestampWindowSeconds);
}

TEST(ConfigMergeTest, FileBudgetsFromTheFileUnlessGiven) {
  ProjectConfig config = parseToml("max-file-bytes = 1000\nmax-file-seconds = 0\n");
  ScanCommandOptions merged = withProjectConfig(ScanCommandOptions{}, config);
  EXPECT_EQ(merged.maxFileBytes, 1000u);
  EXPECT_EQ(merged.maxFileSeconds, 0.0);
  ScanCommandOptions cli;
  cli.maxFileSeconds = 7;
  cli.given = {"--max-file-seconds"};
  EXPECT_EQ(withProjectConfig(cli, config).maxFileSeconds, 7.0);
}

TEST(ConfigMergeTest, FailOnNeverFromTheFile) {
  ScanCommandOptions merged = withProjectConfig(ScanCommandOptions{}, parseToml("fail-on = \"never\"\n"));
  EXPECT_FALSE(merged.failOn.has_value());
}

TEST(ConfigMergeTest, FixFromTheFileUnlessDiffIsGiven) {
  ProjectConfig config = parseToml("fix = true\nunsafe-fixes = true\n");
  ScanCommandOptions merged = withProjectConfig(ScanCommandOptions{}, config);
  EXPECT_TRUE(merged.fix);
  EXPECT_TRUE(merged.unsafeFixes);
  ScanCommandOptions cli;
  cli.diff = true;
  cli.given = {"--diff"};
  merged = withProjectConfig(cli, config);
  EXPECT_FALSE(merged.fix);
  EXPECT_TRUE(merged.diff);
}

class ConfigFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("hookguard-config-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");
    root_ = fs::canonical(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  fs::path root_;
};

TEST_F(ConfigFilesTest, FoundUpwardNearestFirstAndHookguardTomlBeforePyproject) {
  write("pyproject.toml", "[tool.hookguard]\nignore = [\"WH5\"]\n");
  write("app/hooks/github.py", "x = 1\n");
  EXPECT_EQ(findProjectConfig(root_ / "app/hooks/github.py"), root_ / "pyproject.toml");
  write("app/.hookguard.toml", "ignore = [\"WH4\"]\n");
  EXPECT_EQ(findProjectConfig(root_ / "app/hooks"), root_ / "app/.hookguard.toml");
  write("app/pyproject.toml", "[tool.hookguard]\n");
  EXPECT_EQ(findProjectConfig(root_ / "app"), root_ / "app/.hookguard.toml");
}

TEST_F(ConfigFilesTest, PyprojectWithoutTheTableIsSkippedAndTheSearchStopsAtTheRepositoryRoot) {
  write("sub/pyproject.toml", "[tool.ruff]\n# [tool.hookguard] comes later\n");
  EXPECT_EQ(findProjectConfig(root_ / "sub"), std::nullopt);
  write("pyproject.toml", "[tool.hookguard]\n");
  EXPECT_EQ(findProjectConfig(root_ / "sub"), root_ / "pyproject.toml");
}

TEST_F(ConfigFilesTest, LoadSetsTheBaseDirectoryAndRejectsAPyprojectWithoutTheTable) {
  write("cfg/.hookguard.toml", "exclude = [\"gen\"]\n");
  ProjectConfig c = loadProjectConfig(root_ / "cfg/.hookguard.toml");
  EXPECT_EQ(c.baseDirectory, root_ / "cfg");
  write("pyproject.toml", "[project]\nname = \"x\"\n");
  EXPECT_THROW(loadProjectConfig(root_ / "pyproject.toml"), ConfigError);
  EXPECT_THROW(loadProjectConfig(root_ / "missing.toml"), ConfigError);
}

TEST(ExcludePatternsTest, GlobSyntax) {
  EXPECT_TRUE(pathGlobMatch("*.py", "hooks.py"));
  EXPECT_FALSE(pathGlobMatch("*.py", "app/hooks.py"));
  EXPECT_TRUE(pathGlobMatch("app/*.py", "app/hooks.py"));
  EXPECT_TRUE(pathGlobMatch("**/test_*.py", "test_a.py"));
  EXPECT_TRUE(pathGlobMatch("**/test_*.py", "a/b/test_a.py"));
  EXPECT_TRUE(pathGlobMatch("tests/**", "tests/a/b.py"));
  EXPECT_TRUE(pathGlobMatch("h?oks.py", "hooks.py"));
  EXPECT_FALSE(pathGlobMatch("a?b", "a/b"));
}

TEST(ExcludePatternsTest, NamesMatchAnyComponentAndPathsAreRelativeToTheBase) {
  ExcludePatterns patterns;
  patterns.add("/repo", "migrations");
  patterns.add("/repo", "app/legacy/");
  patterns.add("/repo", "*_pb2.py");
  EXPECT_TRUE(patterns.matches("/repo/app/migrations/0001.py"));
  EXPECT_TRUE(patterns.matches("/repo/app/migrations"));
  EXPECT_TRUE(patterns.matches("/repo/app/legacy/hooks.py"));
  EXPECT_FALSE(patterns.matches("/repo/other/app/legacy/hooks.py"));
  EXPECT_TRUE(patterns.matches("/repo/proto/event_pb2.py"));
  EXPECT_FALSE(patterns.matches("/repo/app/hooks.py"));
  EXPECT_FALSE(patterns.matches("/elsewhere/migrations/x.py"));  // outside the base
}

}  // namespace
}  // namespace hg
