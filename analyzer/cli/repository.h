// Where a scan's paths are shown from (the repository root) and what Python calls its files
// (dotted module names found from package directories), both computed from the file system
// alone: hookguard never runs git.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hg {

// The nearest directory at or above the first existing path that holds a `.git` entry (a
// directory, or a file in worktrees and submodules); else the current directory. Canonical.
std::filesystem::path findRepositoryRoot(const std::vector<std::string>& paths);

// `path` relative to `root`, '/' separated, no "./" ("." for the root itself); an absolute
// path when it lies outside the root (a "../" path would not survive as a SARIF URI).
std::string displayPathFor(const std::filesystem::path& canonicalPath, const std::filesystem::path& root);

// Finds the directory Python would put on sys.path to import a file: walk up from the file
// while the directory is a package (holds __init__.py). Results are cached per directory.
class ImportRootFinder {
 public:
  std::filesystem::path importRootOf(const std::filesystem::path& canonicalFile);
  // The file's path relative to its import root ("app/hooks.py"), for python::moduleNameFor.
  std::string importPathOf(const std::filesystem::path& canonicalFile);

 private:
  std::map<std::filesystem::path, std::filesystem::path> rootOfDirectory_;
};

}  // namespace hg
