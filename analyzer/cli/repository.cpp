#include "cli/repository.h"

#include <algorithm>
#include <system_error>

namespace hg {

namespace fs = std::filesystem;

namespace {

fs::path currentDirectory() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return fs::path("/");
  fs::path canonical = fs::canonical(cwd, ec);
  return ec ? cwd : canonical;
}

}  // namespace

fs::path findRepositoryRoot(const std::vector<std::string>& paths) {
  std::vector<std::string> candidates = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const std::string& p : candidates) {
    std::error_code ec;
    fs::path start = fs::canonical(p, ec);
    if (ec) continue;  // a missing path is reported by discovery; try the next one
    if (!fs::is_directory(start, ec)) start = start.parent_path();
    for (fs::path dir = start;; dir = dir.parent_path()) {
      std::error_code existsEc;
      if (fs::exists(fs::symlink_status(dir / ".git", existsEc))) return dir;
      if (dir == dir.root_path() || dir.parent_path() == dir) break;
    }
    break;
  }
  return currentDirectory();
}

std::string displayPathFor(const fs::path& canonicalPath, const fs::path& root) {
  auto [r, f] = std::mismatch(root.begin(), root.end(), canonicalPath.begin(), canonicalPath.end());
  if (r != root.end() && !(r->empty() && std::next(r) == root.end())) {
    return canonicalPath.generic_string();  // outside the root
  }
  fs::path relative;
  for (; f != canonicalPath.end(); ++f) relative /= *f;
  std::string text = relative.generic_string();
  return text.empty() ? "." : text;
}

fs::path ImportRootFinder::importRootOf(const fs::path& canonicalFile) {
  const fs::path start = canonicalFile.parent_path();
  if (auto it = rootOfDirectory_.find(start); it != rootOfDirectory_.end()) return it->second;
  std::vector<fs::path> walked;
  fs::path dir = start;
  for (;;) {
    if (auto it = rootOfDirectory_.find(dir); it != rootOfDirectory_.end()) {
      dir = it->second;
      break;
    }
    walked.push_back(dir);
    std::error_code ec;
    const bool isPackage = fs::exists(dir / "__init__.py", ec);
    if (!isPackage || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  for (const fs::path& d : walked) rootOfDirectory_[d] = dir;
  return dir;
}

std::string ImportRootFinder::importPathOf(const fs::path& canonicalFile) {
  return displayPathFor(canonicalFile, importRootOf(canonicalFile));
}

}  // namespace hg
