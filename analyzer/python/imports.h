// What an import statement binds: local name -> absolute dotted target. Relative imports are
// resolved against the importing module's package.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace hg::python {

struct ImportBinding {
  std::string localName;  // "hmac", "verify", "z"; empty for a star import
  std::string target;     // "hmac", "app.security.verify", "x.y"; the module for a star import
  TSNode node;            // the imported name's node, for spans
  bool star = false;
};

// `import_statement` or `import_from_statement`; anything else binds nothing.
std::vector<ImportBinding> importBindings(TSNode statement, std::string_view source, const std::string& packageName);

// The package a module's relative imports start from: the module itself for a package's
// __init__, else its parent.
std::string packageOf(const std::string& moduleName, bool isPackageInit);

}  // namespace hg::python
