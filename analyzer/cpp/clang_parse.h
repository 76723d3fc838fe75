// Runs Clang on one C++ file (internal to the C++ front-end): safe flags, the prelude and
// stand-ins for missing headers, name synthesis, bodies of functions outside the file skipped,
// on a thread with a large stack and crash recovery. The caller lowers the AST in the callback.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clang {
class ASTContext;
}

namespace hg::cpp {

class NameSynthesizer;

struct ParseInput {
  std::string path;              // absolute path of the main file (relative includes resolve from it)
  std::string_view text;         // its contents, as the Program holds them (offsets must agree)
  std::vector<std::string> options;  // compiler options (already through sanitizeArguments)
};

struct ParseOutcome {
  bool ran = false;       // the AST was built, possibly after errors
  std::string failure;    // why not, when it was not
  unsigned errors = 0;    // errors Clang reported that name synthesis did not recover
  unsigned firstErrorLine = 0;
  std::string firstErrorFile;
  std::string firstError;
  std::vector<std::string> missingHeaders;  // as written in the #include
  std::vector<std::string> unknownOptions;  // options this Clang does not know (dropped)
  size_t synthesizedNames = 0;
};

using TranslationUnitHandler = std::function<void(clang::ASTContext&, const NameSynthesizer&)>;

ParseOutcome parseFile(const ParseInput& input, const TranslationUnitHandler& onTranslationUnit);

}  // namespace hg::cpp
