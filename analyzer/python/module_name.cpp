#include <string>

#include "python/python_frontend.h"

namespace hg::python {

std::string moduleNameFor(const std::string& relativePath) {
  std::string path = relativePath;
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  while (path.starts_with("./")) path.erase(0, 2);
  while (path.starts_with("/")) path.erase(0, 1);
  for (std::string_view ext : {".pyi", ".pyw", ".py"}) {
    if (path.ends_with(ext)) {
      path.resize(path.size() - ext.size());
      break;
    }
  }
  // A package's __init__ is the package itself; at the root it has no package name to take,
  // so it keeps its own.
  if (path.ends_with("/__init__")) path.resize(path.size() - std::string_view("/__init__").size());
  std::string name;
  for (char c : path) name += c == '/' ? '.' : c;
  return name;
}

}  // namespace hg::python
