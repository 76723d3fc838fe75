// Compile flags of the C++ front-end: command-line splitting, the filter that keeps scanning from
// loading code or writing files, compilation databases (found, malformed, missing).
#include <gtest/gtest.h>

#include <algorithm>

#include "cpp/compile_flags.h"
#include "cpp_fixture.h"

namespace hg {
namespace {

using cpp::sanitizeArguments;
using cpp::splitCommandLine;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool anyContains(const std::vector<std::string>& v, const std::string& part) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

TEST(CppCompileFlags, SplitsShellQuoting) {
  EXPECT_EQ(splitCommandLine("c++ -DNAME=\"a b\" -I'x y' a\\ b.cpp"),
            (std::vector<std::string>{"c++", "-DNAME=a b", "-Ix y", "a b.cpp"}));
  EXPECT_EQ(splitCommandLine("  "), std::vector<std::string>{});
  EXPECT_EQ(splitCommandLine("-D\"q\\\"x\""), std::vector<std::string>{"-Dq\"x"});
}

TEST(CppCompileFlags, KeepsWhatShapesTheParse) {
  cpp::SanitizedFlags f = sanitizeArguments(
      {"/usr/bin/g++", "-std=c++20", "-Iinclude", "-isystem", "/opt/x", "-DX=1", "-include", "pch.h", "-x", "c++",
       "-c", "src/a.cpp", "-o", "a.o"},
      "/build", "/build/src/a.cpp");
  EXPECT_TRUE(f.refused.empty());
  EXPECT_EQ(f.arguments, (std::vector<std::string>{"-std=c++20", "-Iinclude", "-isystem", "/opt/x", "-DX=1", "-include",
                                                   "pch.h", "-x", "c++"}));
}

TEST(CppCompileFlags, RoutineOutputsAreDroppedSilently) {
  cpp::SanitizedFlags f = sanitizeArguments(
      {"clang++", "-MD", "-MT", "a.o", "-MF", "a.o.d", "-o", "a.o", "-c", "a.cpp", "-Werror", "-ferror-limit=3"}, "/b",
      "/b/a.cpp");
  EXPECT_TRUE(f.arguments.empty()) << ::testing::PrintToString(f.arguments);
  EXPECT_TRUE(f.refused.empty()) << ::testing::PrintToString(f.refused);
}

TEST(CppCompileFlags, RefusesFlagsThatLoadCode) {
  cpp::SanitizedFlags f = sanitizeArguments({"clang++", "-fplugin=/tmp/evil.so", "-fpass-plugin=/tmp/pass.so", "-Xclang",
                                             "-load", "-Xclang", "/tmp/lib.so", "-Xclang", "-add-plugin", "-Xclang",
                                             "steal", "--config", "/tmp/more.cfg", "-mllvm", "-x", "-Wp,-MD,/tmp/d",
                                             "-I.", "a.cpp"},
                                            "/b", "/b/a.cpp");
  EXPECT_EQ(f.arguments, (std::vector<std::string>{"-I."}));
  EXPECT_TRUE(contains(f.refused, "-fplugin=/tmp/evil.so"));
  EXPECT_TRUE(contains(f.refused, "-fpass-plugin=/tmp/pass.so"));
  // The library path travels in the second -Xclang pair: both pairs are refused together.
  EXPECT_TRUE(contains(f.refused, "-Xclang -load -Xclang /tmp/lib.so"));
  EXPECT_TRUE(anyContains(f.refused, "-add-plugin"));
  EXPECT_TRUE(anyContains(f.refused, "--config"));
  EXPECT_TRUE(anyContains(f.refused, "-mllvm"));
  EXPECT_TRUE(anyContains(f.refused, "-Wp,"));
  EXPECT_FALSE(anyContains(f.arguments, "/tmp/"));
}

TEST(CppCompileFlags, RefusesFlagsThatWriteFiles) {
  cpp::SanitizedFlags f = sanitizeArguments(
      {"g++", "-fprofile-generate=/tmp/prof", "-fprofile-instr-generate", "-save-temps=obj", "-ftime-trace",
       "-fmodules-cache-path=/tmp/m", "-serialize-diagnostics", "/tmp/d.dia", "-MJ", "/tmp/cc.json", "-fdump-tree-all",
       "-fcrash-diagnostics-dir=/tmp/c", "-include-pch", "/tmp/x.pch", "-O2"},
      "/b", "/b/a.cpp");
  EXPECT_EQ(f.arguments, (std::vector<std::string>{"-O2"}));
  EXPECT_EQ(f.refused.size(), 10u) << ::testing::PrintToString(f.refused);
}

TEST(CppCompileFlags, ResponseFilesAreFilteredToo) {
  testing::CppScan scan;
  scan.write("args.rsp", "-DFROM_RSP -fplugin=/tmp/evil.so @nested.rsp");
  scan.write("nested.rsp", "-Inested");
  cpp::SanitizedFlags f =
      sanitizeArguments({"clang++", "@args.rsp", "@missing.rsp", "a.cpp"}, scan.dir().string(), (scan.dir() / "a.cpp").string());
  EXPECT_EQ(f.arguments, (std::vector<std::string>{"-DFROM_RSP", "-Inested"}));
  EXPECT_TRUE(contains(f.refused, "-fplugin=/tmp/evil.so"));
  EXPECT_TRUE(anyContains(f.refused, "@missing.rsp"));
}

TEST(CppCompileFlags, ResponseFilesCannotRecurseForever) {
  testing::CppScan scan;
  scan.write("loop.rsp", "-DLOOP @loop.rsp");
  cpp::SanitizedFlags f = sanitizeArguments({"clang++", "@loop.rsp"}, scan.dir().string(), "/x.cpp");
  EXPECT_LE(f.arguments.size(), 8u);
  EXPECT_TRUE(anyContains(f.refused, "nested too deeply"));
}

TEST(CppCompileFlags, ParsesDatabaseEntries) {
  std::vector<std::pair<std::string, cpp::CompileCommand>> entries;
  std::string error;
  ASSERT_TRUE(cpp::parseCompilationDatabase(
      R"([{"directory": "/proj/build", "file": "../src/a.cpp", "arguments": ["c++", "-DA", "../src/a.cpp"]},
          {"directory": "/proj/build", "file": "/proj/src/b.cpp", "command": "c++ -DB -c /proj/src/b.cpp"}])",
      "/proj/build", entries, error))
      << error;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].first, "/proj/src/a.cpp");
  EXPECT_EQ(entries[0].second.arguments[1], "-DA");
  EXPECT_EQ(entries[1].second.arguments, (std::vector<std::string>{"c++", "-DB", "-c", "/proj/src/b.cpp"}));
}

TEST(CppCompileFlags, MalformedDatabaseIsExplained) {
  std::vector<std::pair<std::string, cpp::CompileCommand>> entries;
  std::string error;
  EXPECT_FALSE(cpp::parseCompilationDatabase("[{\"file\": ", "/b", entries, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(cpp::parseCompilationDatabase(R"({"file": "a.cpp"})", "/b", entries, error));
  EXPECT_NE(error.find("array"), std::string::npos);
  EXPECT_FALSE(cpp::parseCompilationDatabase(R"([{"directory": "/b", "file": "a.cpp"}])", "/b", entries, error));
  EXPECT_NE(error.find("arguments"), std::string::npos);
  // Found by fuzzing: a number too large for a double threw through the reader.
  EXPECT_FALSE(cpp::parseCompilationDatabase(R"([{"directory": 1e999, "file": "a.cpp"}])", "/b", entries, error));
  EXPECT_NE(error.find("number overflow"), std::string::npos) << error;
}

constexpr const char* kHandler = R"(#include <httplib.h>
#ifndef FROM_DATABASE
#error "the database's -D did not reach the parser"
#endif
int main() {
  httplib::Server svr;
  svr.Post("/webhook", [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); });
}
)";

TEST(CppCompileFlags, DatabaseFoundUpwardFromTheFile) {
  testing::CppScan scan;
  scan.write("compile_commands.json", "[{\"directory\": \"" + scan.dir().string() +
                                          "\", \"file\": \"src/hook.cpp\", \"arguments\": [\"c++\", \"-DFROM_DATABASE\", "
                                          "\"-fplugin=/tmp/evil.so\", \"-c\", \"src/hook.cpp\"]}]");
  Program& program = scan.analyze("src/hook.cpp", kHandler);
  const std::string diags = scan.diagnosticText();
  EXPECT_EQ(diags.find("#error"), std::string::npos) << diags;
  EXPECT_EQ(diags.find("error while parsing"), std::string::npos) << diags;
  EXPECT_NE(diags.find("-fplugin=/tmp/evil.so"), std::string::npos) << diags;
  EXPECT_EQ(diags.find("default flags"), std::string::npos) << diags;
  EXPECT_EQ(program.routes.size(), 1u);
}

TEST(CppCompileFlags, MalformedDatabaseNamesTheFileThenUsesDefaults) {
  testing::CppScan scan;
  scan.write("build/compile_commands.json", "[{\"directory\": \"/x\", \"file\": ");
  cpp::CppOptions options;
  options.buildDirectory = (scan.dir() / "build").string();
  Program& program = scan.analyze("hook.cpp",
                                  "#include <httplib.h>\nint main() { httplib::Server s; s.Post(\"/hook\", "
                                  "[](const httplib::Request& r, httplib::Response&) { (void)r.body; }); }\n",
                                  options);
  const std::string diags = scan.diagnosticText();
  EXPECT_NE(diags.find((scan.dir() / "build" / "compile_commands.json").string() + ":0: malformed compilation database"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("default flags"), std::string::npos) << diags;
  EXPECT_EQ(program.routes.size(), 1u) << "the file is still analyzed";
}

TEST(CppCompileFlags, MissingBuildDirectoryIsReported) {
  testing::CppScan scan;
  cpp::CppOptions options;
  options.buildDirectory = (scan.dir() / "no-such-build").string();
  scan.analyze("a.cpp", "int main() { return 0; }\n", options);
  EXPECT_NE(scan.diagnosticText().find("no compilation database here"), std::string::npos) << scan.diagnosticText();
}

TEST(CppCompileFlags, UnknownCompilerFlagsAreDroppedNotFatal) {
  testing::CppScan scan;
  scan.write("compile_commands.json", "[{\"directory\": \"" + scan.dir().string() +
                                          "\", \"file\": \"a.cpp\", \"arguments\": [\"g++\", \"-fno-fat-lto-objects-xyz\", "
                                          "\"-DFROM_DATABASE\", \"a.cpp\"]}]");
  Program& program = scan.analyze("a.cpp", kHandler);
  EXPECT_NE(scan.diagnosticText().find("does not know"), std::string::npos) << scan.diagnosticText();
  EXPECT_EQ(program.routes.size(), 1u) << scan.diagnosticText();
}

}  // namespace
}  // namespace hg

namespace hg {
namespace {

TEST(CppIncludeGuess, ProjectIncludeAndSrcDirectoriesUpToTheRoot) {
  testing::CppScan scan;
  scan.write("outer/include/trap.h", "");  // above the project root: never searched
  scan.write("outer/proj/.git/HEAD", "");
  scan.write("outer/proj/include/svc/a.h", "");
  scan.write("outer/proj/src/net/b.h", "");
  scan.write("outer/proj/src/net/deeper/c.cpp", "");
  const std::string proj = (scan.dir() / "outer" / "proj").string();
  cpp::IncludeGuess guess;
  const std::vector<std::string> args = guess.argumentsFor(proj + "/src/net/deeper/c.cpp");
  EXPECT_EQ(args, (std::vector<std::string>{"-I", proj + "/include", "-I", proj + "/src", "-I", proj + "/src/net/deeper"}));
  // Asked again from the same directory: the cached answer.
  EXPECT_EQ(guess.argumentsFor(proj + "/src/net/deeper/other.cpp"), args);
}

TEST(CppIncludeGuess, BoundedWithoutAProjectRoot) {
  testing::CppScan scan;
  std::string deep = "include";
  scan.write("include/far.h", "");
  std::string path;
  for (int i = 0; i < cpp::kMaxIncludeGuessLevels + 3; ++i) path += "d" + std::to_string(i) + "/";
  scan.write(path + "x.cpp", "");
  cpp::IncludeGuess guess;
  const std::vector<std::string> args = guess.argumentsFor((scan.dir() / path / "x.cpp").string());
  EXPECT_EQ(std::find(args.begin(), args.end(), (scan.dir() / deep).string()), args.end());
  EXPECT_LE(args.size(), static_cast<size_t>(2 * (2 * cpp::kMaxIncludeGuessLevels + 3)));
}

TEST(CppIncludeGuess, ProjectHeadersResolveWithoutADatabase) {
  testing::CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze(
      {{"include/shop/config.h", "#pragma once\nnamespace shop { struct Config { int port = 0; }; Config load(); }\n"},
       {"src/app/main.cpp", "#include \"shop/config.h\"\n#include <shop/config.h>\nint main() { return shop::load().port; }\n"}});
  const std::string diags = scan.diagnosticText();
  EXPECT_EQ(diags.find("headers not found"), std::string::npos) << diags;
  EXPECT_EQ(diags.find("error while parsing"), std::string::npos) << diags;
  EXPECT_NE(diags.find("include/ and src/ directories guessed"), std::string::npos) << diags;
  EXPECT_GT(program.functionCount(), 0u);
}

}  // namespace
}  // namespace hg
