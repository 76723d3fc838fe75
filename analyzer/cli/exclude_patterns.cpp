#include "cli/exclude_patterns.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

// Patterns are a handful of characters from a configuration file: plain backtracking is enough.
bool globFrom(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.starts_with("**")) {
    std::string_view rest = p.substr(2);
    if (rest.starts_with("/")) {
      // "**/" is zero or more whole directories.
      rest.remove_prefix(1);
      if (globFrom(rest, s)) return true;
      for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '/' && globFrom(rest, s.substr(i + 1))) return true;
      }
      return false;
    }
    for (size_t i = 0; i <= s.size(); ++i) {
      if (globFrom(rest, s.substr(i))) return true;
    }
    return false;
  }
  if (p[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (globFrom(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p[0] == '?') return s[0] != '/' && globFrom(p.substr(1), s.substr(1));
  return p[0] == s[0] && globFrom(p.substr(1), s.substr(1));
}

}  // namespace

bool pathGlobMatch(std::string_view pattern, std::string_view path) { return globFrom(pattern, path); }

void ExcludePatterns::add(const fs::path& base, const std::string& pattern) {
  std::string glob = pattern;
  while (glob.size() > 1 && glob.back() == '/') glob.pop_back();
  if (glob.starts_with("./")) glob.erase(0, 2);
  bool anchored = glob.find('/') != std::string::npos;
  if (glob.starts_with("/")) glob.erase(0, 1);
  if (glob.empty()) return;
  patterns_.push_back(Pattern{base.lexically_normal(), glob, anchored});
}

bool ExcludePatterns::matches(const fs::path& path) const {
  const fs::path normal = path.lexically_normal();
  for (const Pattern& pattern : patterns_) {
    const fs::path relative = normal.lexically_relative(pattern.base);
    if (relative.empty() || relative == "." || *relative.begin() == "..") continue;
    std::string prefix;
    for (const fs::path& component : relative) {
      const std::string name = component.generic_string();
      prefix += prefix.empty() ? name : "/" + name;
      if (pathGlobMatch(pattern.glob, pattern.anchored ? prefix : name)) return true;
    }
  }
  return false;
}

}  // namespace hg
