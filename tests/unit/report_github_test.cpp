// `--format github`: workflow commands and the escaping the Actions runner requires.
#include <gtest/gtest.h>

#include <sstream>

#include "report/report.h"

namespace hg {
namespace {

class GithubReportTest : public ::testing::Test {
 protected:
  FileId addFile(const std::string& path) {
    SourceFile file;
    file.displayPath = path;
    file.text = "def hook():\n    pass\n";
    file.indexLines();
    return program_.sources.add(std::move(file));
  }

  std::string render() {
    std::vector<RunDiagnostic> none;
    ReportInput input{program_, findings_, none, "/repo"};
    std::ostringstream out;
    writeGithub(out, input);
    return out.str();
  }

  Finding& add(const std::string& ruleId, Level level, Span at, const std::string& message) {
    Finding f;
    f.ruleId = ruleId;
    f.level = level;
    f.location = at;
    f.message = message;
    f.help = "fix it";
    findings_.push_back(std::move(f));
    return findings_.back();
  }

  Program program_;
  std::vector<Finding> findings_;
};

TEST_F(GithubReportTest, OneCommandPerFindingWithPositionAndTitle) {
  FileId f = addFile("app/hooks.py");
  add("WH101", Level::Error, Span{f, 1, 1, 1, 12}, "handler hook reads the body");
  EXPECT_EQ(render(),
            "::error file=app/hooks.py,line=1,col=1,endLine=1,endColumn=12,"
            "title=WH101 missing-signature-verification::handler hook reads the body%0Ahelp: fix it\n");
}

TEST_F(GithubReportTest, MultiLineSpansCarryNoColumnsAndLevelsMap) {
  FileId f = addFile("app/hooks.py");
  add("WH201", Level::Warning, Span{f, 1, 1, 2, 9}, "w");
  add("WH501", Level::Note, Span{f, 2, 5, 2, 9}, "n");
  EXPECT_EQ(render(),
            "::warning file=app/hooks.py,line=1,endLine=2,title=WH201 missing-replay-protection::w%0Ahelp: fix it\n"
            "::notice file=app/hooks.py,line=2,col=5,endLine=2,endColumn=9,title=WH501 unvalidated-payload::n%0Ahelp: fix it\n");
}

TEST_F(GithubReportTest, DataAndPropertiesAreEscaped) {
  FileId f = addFile("a,b:c%.py");
  add("WH101", Level::Error, Span{f, 1, 1, 1, 2}, "100% sure\r\nnext: line, more");
  EXPECT_EQ(render(),
            "::error file=a%2Cb%3Ac%25.py,line=1,col=1,endLine=1,endColumn=2,"
            "title=WH101 missing-signature-verification::100%25 sure%0D%0Anext: line, more%0Ahelp: fix it\n");
}

TEST_F(GithubReportTest, SuppressedFindingsAreLeftOut) {
  FileId f = addFile("app/hooks.py");
  add("WH101", Level::Error, Span{f, 1, 1, 1, 2}, "m").suppressions.push_back(Suppression{Span{f, 1, 13, 1, 30}});
  EXPECT_EQ(render(), "");
}

}  // namespace
}  // namespace hg
