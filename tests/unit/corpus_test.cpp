// The annotated corpus: scans samples/ and tests/corpus/ and compares every finding with the
// `# expect: WH101, WH102` (or `// expect:`) annotations. An expectation matches a finding of
// that rule on the same line, or inside the (innermost) function whose span contains the
// annotation. Every finding must be expected and every expectation found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "cli/script_detection.h"

namespace hg {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::string path;  // relative to the source tree, '/' separated
  uint32_t line = 0;
  std::string ruleId;
};

// Configuration files (.cfg, .conf) hold findings too: the scan reads those an application
// loads (app.config.from_pyfile).
bool isSourceFile(const fs::path& p) {
  static const std::set<std::string> exts{".py", ".cpp", ".cc", ".cxx", ".h", ".hpp", ".cfg", ".conf"};
  if (exts.count(p.extension().string()) > 0) return true;
  // Suffixless executables are scanned when their first line runs python (script_detection.h).
  return p.extension().empty() && hg::hasPythonShebang(p);
}

std::vector<Expectation> readExpectations(const fs::path& root, const std::vector<std::string>& dirs) {
  static const std::regex annotation(R"((#|//)\s*expect:\s*(WH[0-9]{3}(\s*,\s*WH[0-9]{3})*))");
  static const std::regex id(R"(WH[0-9]{3})");
  std::vector<Expectation> out;
  for (const std::string& dir : dirs) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file() || !isSourceFile(entry.path())) continue;
      std::ifstream in(entry.path());
      std::string line;
      uint32_t number = 0;
      std::string relative = fs::relative(entry.path(), root).generic_string();
      while (std::getline(in, line)) {
        ++number;
        std::smatch m;
        if (!std::regex_search(line, m, annotation)) continue;
        std::string ids = m[2].str();
        for (std::sregex_iterator it(ids.begin(), ids.end(), id), end; it != end; ++it)
          out.push_back({relative, number, it->str()});
      }
    }
  }
  return out;
}

// The innermost non-module function of `program` in `path` whose span contains `line`.
const Function* enclosingFunction(const Program& program, const std::string& path, uint32_t line) {
  const Function* best = nullptr;
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& f = program.function(id);
    if (f.name == "<module>" || f.file >= program.sources.size()) continue;
    if (program.sources.get(f.file).displayPath != path) continue;
    if (line < f.span.line || line > f.span.endLine) continue;
    if (!best || (f.span.endLine - f.span.line) < (best->span.endLine - best->span.line)) best = &f;
  }
  return best;
}

bool matches(const Program& program, const Expectation& e, const Finding& f) {
  if (f.ruleId != e.ruleId || f.location.file >= program.sources.size()) return false;
  if (program.sources.get(f.location.file).displayPath != e.path) return false;
  if (f.location.line == e.line) return true;
  const Function* fn = enclosingFunction(program, e.path, e.line);
  return fn && f.location.line >= fn->span.line && f.location.line <= fn->span.endLine;
}

TEST(Corpus, EveryFindingExpectedAndEveryExpectationFound) {
  const fs::path root = HOOKGUARD_SOURCE_DIR;
  const std::vector<std::string> dirs{"samples", "tests/corpus"};
  ScanOptions options;
  for (const std::string& d : dirs) {
    if (fs::exists(root / d)) options.paths.push_back((root / d).string());
  }
  options.repositoryRoot = root.string();
  std::unique_ptr<ScanResult> result = scan(options);
  ASSERT_TRUE(result);
  const Program& program = *result->program;
  std::vector<Expectation> expectations = readExpectations(root, dirs);

  std::ostringstream problems;
  for (const Finding& f : result->findings) {
    if (f.suppressed()) continue;
    bool expected = false;
    for (const Expectation& e : expectations) expected = expected || matches(program, e, f);
    if (!expected) {
      problems << "unexpected: " << program.sources.get(f.location.file).displayPath << ":" << f.location.line << ": "
               << f.message << " [" << f.ruleId << "]\n";
    }
  }
  for (const Expectation& e : expectations) {
    bool found = false;
    for (const Finding& f : result->findings) found = found || (!f.suppressed() && matches(program, e, f));
    if (!found) problems << "missing: " << e.path << ":" << e.line << ": expected " << e.ruleId << "\n";
  }
  EXPECT_TRUE(problems.str().empty()) << problems.str();
  EXPECT_FALSE(expectations.empty()) << "no annotated samples found under " << root;
}

}  // namespace
}  // namespace hg
