// The byte-level prefilter: which Python files can matter to a webhook scan. A file matters
// when it imports a web framework or declares a route itself (a "route file"), when it imports
// a file that matters in that way (it may register routes on an application it imports), or
// when such a file imports it, directly or not (helpers, decorators, constants). The rest are
// not parsed at all. A light tokenizer skips comments and string literals (a docstring's
// `import flask` runs nothing). Imports are resolved to module names as the front-end
// resolves them (relative ones from the file's package, parent packages included); that
// exactness is what keeps a webhook app inside a large tree from pulling in the whole tree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/knowledge.h"

namespace hg {

// What marks a route file, from the knowledge (so that user-added frameworks count too).
struct PrefilterMarkers {
  std::vector<std::string> frameworkModules;   // "flask", "django": imported by route files
  std::vector<std::string> decoratorSuffixes;  // ".route", ".post": `*.post` route decorators
  std::vector<std::string> callSuffixes;       // ".add_url_rule": `*.add_url_rule` registrations
};
PrefilterMarkers prefilterMarkers(const Knowledge& knowledge);

struct PrefilterFacts {
  bool routeFile = false;
  // Every identifier in the file's import statements (and a few more), sorted, unique: what
  // framework imports are recognised by.
  std::vector<std::string> importedNames;
  // The modules its import statements may load, as written ("pkg.mod", "..sibling",
  // "pkg.mod.name" for `from pkg.mod import name`, which may be a submodule).
  std::vector<std::string> importedModules;
};
PrefilterFacts prefilterFacts(std::string_view text, const PrefilterMarkers& markers);

// For each Python file (dotted module name, its facts), whether it must be analyzed. Files
// marked in `contextOnly` (read only to resolve the named files' imports; empty = none) must in
// addition be linked to a named file the same way: importing one, directly or not, or being
// imported by a named file or by such an importer. `packageInits` marks the packages'
// __init__ files (their relative imports start from the package itself; empty = none).
std::vector<bool> filesThatMatter(const std::vector<std::string>& moduleNames,
                                  const std::vector<PrefilterFacts>& facts,
                                  const std::vector<bool>& contextOnly = {},
                                  const std::vector<bool>& packageInits = {});

}  // namespace hg
