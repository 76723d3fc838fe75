// The prefilter (cli/route_prefilter.h) and the parallel scan: leaving out the files no route
// code reaches, and lowering on several threads, must not change a single finding.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/route_prefilter.h"
#include "cli/scan.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

std::string spanText(const SourceSet& sources, const Span& s) {
  std::string path = s.file < sources.size() ? sources.get(s.file).displayPath : "?";
  return path + ":" + std::to_string(s.line) + ":" + std::to_string(s.column) + "-" + std::to_string(s.endLine) +
         ":" + std::to_string(s.endColumn);
}

// Every field of every finding, with file ids replaced by paths (ids differ when fewer files
// are analyzed).
std::vector<std::string> renderFindings(const ScanResult& result) {
  const SourceSet& sources = result.program->sources;
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    std::ostringstream line;
    line << f.ruleId << " " << levelName(f.level) << " " << spanText(sources, f.location) << " " << f.message
         << (f.suppressed() ? " [suppressed]" : "");
    for (const RelatedLocation& r : f.related) line << "\n  related " << spanText(sources, r.span) << " " << r.message;
    for (const FlowStep& s : f.flow) line << "\n  flow " << spanText(sources, s.span) << " " << s.message;
    out.push_back(line.str());
  }
  return out;
}

std::vector<std::string> renderDiagnostics(const ScanResult& result) {
  std::vector<std::string> out;
  for (const RunDiagnostic& d : result.diagnostics.all())
    out.push_back(d.path + ":" + std::to_string(d.line) + ": " + d.message);
  return out;
}

ScanOptions corpusOptions() {
  const fs::path root = HOOKGUARD_SOURCE_DIR;
  ScanOptions options;
  for (const char* dir : {"samples", "tests/corpus"}) {
    if (fs::exists(root / dir)) options.paths.push_back((root / dir).string());
  }
  options.repositoryRoot = root.string();
  return options;
}

TEST(ScanPrefilter, CorpusFindingsAreTheSameWithAndWithoutThePrefilter) {
  ScanOptions options = corpusOptions();
  options.prefilter = true;
  std::unique_ptr<ScanResult> filtered = scan(options);
  options.prefilter = false;
  std::unique_ptr<ScanResult> full = scan(options);
  ASSERT_FALSE(full->findings.empty());
  EXPECT_EQ(renderFindings(*filtered), renderFindings(*full));
  EXPECT_EQ(filtered->program->routes.size(), full->program->routes.size());
}

TEST(ScanPrefilter, ParallelScanGivesTheSameOutputAsOneThread) {
  ScanOptions options = corpusOptions();
  options.prefilter = false;
  options.jobs = 1;
  std::unique_ptr<ScanResult> serial = scan(options);
  options.jobs = 4;
  std::unique_ptr<ScanResult> parallel = scan(options);
  EXPECT_EQ(renderFindings(*parallel), renderFindings(*serial));
  EXPECT_EQ(renderDiagnostics(*parallel), renderDiagnostics(*serial));
  EXPECT_EQ(parallel->filesScanned, serial->filesScanned);
  ASSERT_EQ(parallel->program->functionCount(), serial->program->functionCount());
  for (FunctionId id = 0; id < serial->program->functionCount(); ++id)
    EXPECT_EQ(parallel->program->function(id).qualified, serial->program->function(id).qualified);
}

class PrefilterTree : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hookguard-prefilter-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }
  std::unique_ptr<ScanResult> scanTree(bool prefilter) {
    ScanOptions options;
    options.paths = {dir_.string()};
    options.repositoryRoot = dir_.string();
    options.prefilter = prefilter;
    return scan(options);
  }
  fs::path dir_;
};

TEST_F(PrefilterTree, LeavesOutOnlyFilesNoRouteCodeReaches) {
  write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
  // Imports the application and registers a route on it without naming flask.
  write("hooks.py",
        "from app import app\nfrom signing import SECRET\n\n@app.route('/hook', methods=['POST'])\n"
        "def hook():\n    return 'ok'\n");
  write("signing.py", "import constants\nSECRET = constants.VALUE\n");
  write("constants.py", "VALUE = 'x'\n");
  // A MAC compared with == in code unrelated to any route: analyzed only without the prefilter.
  write("tools/report.py",
        "import hmac, hashlib\n\ndef same(key, msg, sig):\n    mac = hmac.new(key, msg, hashlib.sha256).hexdigest()\n"
        "    return mac == sig\n");
  std::unique_ptr<ScanResult> filtered = scanTree(true);
  EXPECT_EQ(filtered->filesNotAnalyzed, 1u);
  EXPECT_EQ(filtered->filesScanned, 4u);
  EXPECT_EQ(filtered->program->routes.size(), 1u);
  for (const SourceFile& f : filtered->program->sources.all()) EXPECT_NE(f.displayPath, "tools/report.py");

  std::unique_ptr<ScanResult> full = scanTree(false);
  EXPECT_EQ(full->filesNotAnalyzed, 0u);
  EXPECT_EQ(full->filesScanned, 5u);
}

TEST(PrefilterFacts, RouteFilesAreThoseImportingAFrameworkOrDecoratingWithARouteMethod) {
  PrefilterMarkers markers = prefilterMarkers(Knowledge::builtin());
  EXPECT_TRUE(prefilterFacts("import flask\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("from django.urls import path\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("from fastapi import (\n  APIRouter,  # the router (v2\n)\n", markers).routeFile);
  EXPECT_TRUE(
      prefilterFacts("from .api import router\n\n@router.post('/x')\nasync def x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("bp.add_url_rule('/x', view_func=f)\n", markers).routeFile);
  // Named outside an import: a docstring mentioning flask does not make a route file.
  EXPECT_FALSE(prefilterFacts("'''Works like flask'''\nimport os\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("import requests\nrequests.post(url)\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("x = '''\nimport flask\n@app.route('/')\n'''\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("import pdb; pdb.Pdb(skip=['django.*'])\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("# from flask import Flask\n", markers).routeFile);
  // The C++ frameworks' names are not Python modules (Python 2's httplib is no cpp-httplib).
  EXPECT_FALSE(prefilterFacts("import httplib\nimport crow\n", markers).routeFile);
  // Test decorators share the method names; their first argument is a dotted target.
  EXPECT_FALSE(prefilterFacts("@mock.patch('os.getenv')\ndef test_x(getenv): pass\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("@mock.patch.object(Client, 'send')\ndef test_x(send): pass\n", markers).routeFile);
  EXPECT_FALSE(prefilterFacts("@api.router()\ndef x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("@mock.patch('os.getenv')\n@app.route('/x')\ndef x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("@router.patch(\"\")\ndef x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("@bp.route(f\"{PREFIX}/hooks\")\ndef x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("@bp.route(HOOKS_PATH, methods=['POST'])\ndef x(): pass\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("@app.route(\n    '/x')\ndef x(): pass\n", markers).routeFile);
  // Strings end where Python ends them: what follows is code again.
  EXPECT_TRUE(prefilterFacts("s = 'it\\'s' + rb\"\\\"\"\nimport flask\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("s = 'unterminated\nimport flask\n", markers).routeFile);
  EXPECT_TRUE(prefilterFacts("d = \"\"\"doc\"\"\"; from django.urls import path\n", markers).routeFile);
}

TEST(PrefilterFacts, ImportedNamesSpanContinuationsAndBrackets) {
  PrefilterMarkers markers = prefilterMarkers(Knowledge::builtin());
  PrefilterFacts facts =
      prefilterFacts("from pkg.sub import (a,  # why)\n    b)\nimport c, \\\n    d as e\nx = f\n", markers);
  std::vector<std::string> expected{"a", "as", "b", "c", "d", "e", "import", "pkg", "sub"};
  EXPECT_EQ(facts.importedNames, expected);
  std::vector<std::string> modules{"pkg.sub", "pkg.sub.a", "pkg.sub.b", "c", "d"};
  EXPECT_EQ(facts.importedModules, modules);
}

TEST(PrefilterFacts, ImportedModulesAsWritten) {
  PrefilterMarkers markers = prefilterMarkers(Knowledge::builtin());
  auto modules = [&](const char* text) { return prefilterFacts(text, markers).importedModules; };
  using Names = std::vector<std::string>;
  EXPECT_EQ(modules("import os.path as p, json\n"), (Names{"os.path", "json"}));
  EXPECT_EQ(modules("from . import views as v, hooks\n"), (Names{".", ".views", ".hooks"}));
  EXPECT_EQ(modules("from ..security.hmac import verify\n"), (Names{"..security.hmac", "..security.hmac.verify"}));
  EXPECT_EQ(modules("from ...x import *\n"), (Names{"...x"}));
  // `from` and `import` that are no import statements.
  EXPECT_EQ(modules("def g():\n    yield from items()\n"), (Names{}));
  EXPECT_EQ(modules("try:\n    pass\nexcept E as e:\n    raise V from e\n"), (Names{}));
}

TEST(FilesThatMatter, FollowsImportsBothWaysFromRouteFiles) {
  PrefilterFacts route{true, {}, {"pkg.helpers"}};
  PrefilterFacts helpers{false, {}, {"util"}};
  PrefilterFacts util{false, {}, {}};
  PrefilterFacts registersOnApp{false, {}, {"pkg.views"}};  // imports the route file's module
  PrefilterFacts unrelated{false, {}, {"util"}};            // imports a helper, defines no route
  std::vector<std::string> names{"pkg.views", "pkg.helpers", "util", "pkg.more", "scripts.cleanup"};
  std::vector<bool> matters = filesThatMatter(names, {route, helpers, util, registersOnApp, unrelated});
  EXPECT_EQ(matters, (std::vector<bool>{true, true, true, true, false}));
  EXPECT_EQ(filesThatMatter({"a", "b"}, {PrefilterFacts{false, {}, {"b"}}, PrefilterFacts{false, {}, {}}}),
            (std::vector<bool>{false, false}));
}

TEST(FilesThatMatter, ImportsResolveByExactNameRelativeToThePackage) {
  // app/__init__.py imports flask; app/hooks.py does `from .signing import verify` and
  // `from . import util`; vendor/x/util.py and other/signing.py share last names only.
  PrefilterFacts init{true, {}, {"flask"}};
  PrefilterFacts hooks{false, {}, {".signing", ".signing.verify", ".", ".util"}};
  PrefilterFacts signing{false, {}, {"hashlib"}};
  PrefilterFacts util{false, {}, {}};
  PrefilterFacts vendorUtil{false, {}, {}};
  PrefilterFacts otherSigning{false, {}, {}};
  PrefilterFacts deep{false, {}, {"..signing"}};  // app/sub/deep.py
  std::vector<std::string> names{"app", "app.hooks", "app.signing", "app.util", "vendor.x.util", "other.signing",
                                 "app.sub.deep"};
  std::vector<bool> inits{true, false, false, false, false, false, false};
  EXPECT_EQ(filesThatMatter(names, {init, hooks, signing, util, vendorUtil, otherSigning, deep}, {}, inits),
            (std::vector<bool>{true, true, true, true, false, false, true}));
  // In a directory without __init__.py the files are top-level modules to the import-root
  // finder: `from app.signing import same_mac` reaches "signing", not "other.signing".
  PrefilterFacts views{true, {}, {"flask", "app.signing", "app.signing.same_mac"}};
  EXPECT_EQ(filesThatMatter({"views", "signing", "other.signing"}, {views, signing, otherSigning}),
            (std::vector<bool>{true, true, false}));
}

TEST(FilesThatMatter, ContextFilesMustBeLinkedToANamedFile) {
  PrefilterFacts named{true, {}, {"pkg.helpers"}};
  PrefilterFacts helpers{false, {}, {}};
  PrefilterFacts registersNamed{false, {}, {"pkg.named"}};
  PrefilterFacts otherViews{true, {}, {}};  // a route file beside it, but unrelated to the named file
  std::vector<std::string> names{"pkg.named", "pkg.helpers", "pkg.urls", "pkg.other"};
  std::vector<bool> contextOnly{false, true, true, true};
  EXPECT_EQ(filesThatMatter(names, {named, helpers, registersNamed, otherViews}, contextOnly),
            (std::vector<bool>{true, true, true, false}));
}

}  // namespace
}  // namespace hg
