// `exclude` globs from the configuration and --exclude: files and directories a scan leaves out.
//
// A pattern without '/' matches any path component by name ("migrations", "*_pb2.py"); one
// with '/' matches the path relative to its base directory ("app/legacy/*", "**/test_*.py").
// '*' and '?' do not cross '/', "**" does; a trailing '/' is ignored. A path is excluded when
// it or one of its directories (below the base) matches.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hg {

// Matches a '/'-separated path against one glob as described above (no base, no components).
bool pathGlobMatch(std::string_view pattern, std::string_view path);

class ExcludePatterns {
 public:
  // `base`: absolute directory the pattern is relative to (the configuration file's, or the
  // current directory for the command line's).
  void add(const std::filesystem::path& base, const std::string& pattern);
  bool empty() const { return patterns_.empty(); }

  // `path` absolute (canonical or as walked).
  bool matches(const std::filesystem::path& path) const;

 private:
  struct Pattern {
    std::filesystem::path base;
    std::string glob;
    bool anchored = false;  // holds a '/': matched against the relative path, not a name
  };
  std::vector<Pattern> patterns_;
};

}  // namespace hg
