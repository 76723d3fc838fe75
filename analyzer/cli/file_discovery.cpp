#include "cli/file_discovery.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "cli/error_text.h"
#include "cli/repository.h"
#include "cli/script_detection.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

// A suffixless executable may be a script whose first line names its interpreter.
bool isSuffixlessExecutable(const std::string& name, const fs::file_status& status) {
  constexpr fs::perms kAnyExec = fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;
  return name.find('.') == std::string::npos && (status.permissions() & kAnyExec) != fs::perms::none;
}

// Far deeper than any real source tree; a guard against bind-mount cycles and hostile trees.
constexpr size_t kMaxDirectoryDepth = 256;

// True when `ancestor` is `inner` or one of its parents (both canonical).
bool isAncestorOrSelf(const fs::path& ancestor, const fs::path& inner) {
  auto [a, b] = std::mismatch(ancestor.begin(), ancestor.end(), inner.begin(), inner.end());
  (void)b;
  return a == ancestor.end();
}

class Walker {
 public:
  Walker(const DiscoveryOptions& options, Diagnostics& diags, DiscoveryResult& result)
      : options_(options), diags_(diags), result_(result) {}

  void addNamed(const std::string& path);
  void finish();

 private:
  struct Pending {
    fs::path canonical;
    std::string displayPath;
    size_t depth = 0;
    bool isDirectory = false;
    Language language = Language::Python;
  };

  void walk(const fs::path& root);
  std::string shown(const fs::path& path) const { return displayPathFor(path, options_.repositoryRoot); }
  bool listDirectory(const Pending& dir, std::vector<Pending>& children);
  void addFile(const fs::path& canonical, const std::string& displayPath, Language language, bool named);
  void report(RunDiagnostic::Severity severity, const std::string& path, std::string message,
              bool fileSkipped = false) {
    diags_.add(RunDiagnostic{severity, path, 0, std::move(message), fileSkipped});
  }

  const DiscoveryOptions& options_;
  Diagnostics& diags_;
  DiscoveryResult& result_;
  std::set<fs::path> visitedDirectories_;
  std::set<fs::path> seenFiles_;
  size_t skippedCppFiles_ = 0;
  std::string firstSkippedCppFile_;
};

void Walker::addNamed(const std::string& path) {
  std::error_code ec;
  const fs::path given(path);
  const fs::file_status status = fs::status(given, ec);
  if (ec || !fs::exists(status)) {
    std::error_code linkEc;
    const bool danglingLink = fs::is_symlink(fs::symlink_status(given, linkEc));
    std::string why = danglingLink ? "broken symbolic link"
                      : (ec && ec != std::errc::no_such_file_or_directory) ? errorText(ec)
                                                                           : "no such file or directory";
    report(RunDiagnostic::Severity::Error, path, "cannot scan: " + why);
    result_.inputError = true;
    return;
  }
  const fs::path canonical = fs::canonical(given, ec);
  if (ec) {
    report(RunDiagnostic::Severity::Error, path, "cannot resolve path: " + errorText(ec));
    result_.inputError = true;
    return;
  }
  const std::string displayPath = shown(canonical);
  if (fs::is_directory(status)) {
    walk(canonical);
  } else if (fs::is_regular_file(status)) {
    // The name the user typed decides the language (a symlink "hooks" to "hooks.py" is not
    // Python source as far as imports go), with the target's name as a fallback.
    std::optional<Language> language = languageForFileName(given.filename().string());
    if (!language) language = languageForFileName(canonical.filename().string());
    if (!language && hasPythonShebang(canonical)) language = Language::Python;
    if (!language) {
      report(RunDiagnostic::Severity::Warning, displayPath,
             "not a Python or C++ source file (.py, .cpp, .cc, .cxx, .h, .hpp, or a script whose first line "
             "runs python), skipped");
      return;
    }
    if (options_.exclude && options_.exclude->matches(canonical)) {
      report(RunDiagnostic::Severity::Note, displayPath, "excluded by the configuration's exclude patterns, skipped");
      return;
    }
    addFile(canonical, displayPath, *language, /*named=*/true);
  } else {
    report(RunDiagnostic::Severity::Error, displayPath, "cannot scan: not a regular file or directory");
    result_.inputError = true;
  }
}

void Walker::walk(const fs::path& root) {
  if (!visitedDirectories_.insert(root).second) return;  // already walked through another path
  std::vector<Pending> stack;
  stack.push_back(Pending{root, shown(root), 0, true});
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    if (!item.isDirectory) {
      addFile(item.canonical, item.displayPath, item.language, /*named=*/false);
      continue;
    }
    std::vector<Pending> children;
    if (!listDirectory(item, children)) {
      if (item.depth == 0) result_.inputError = true;
      continue;
    }
    // Reverse so that popping yields children in sorted order: a lexicographic pre-order.
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(std::move(*it));
  }
}

bool Walker::listDirectory(const Pending& dir, std::vector<Pending>& children) {
  const bool named = dir.depth == 0;
  std::error_code ec;
  fs::directory_iterator it(dir.canonical, ec);
  if (ec) {
    report(named ? RunDiagnostic::Severity::Error : RunDiagnostic::Severity::Warning, dir.displayPath,
           "cannot read directory: " + errorText(ec));
    return false;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) {
    report(RunDiagnostic::Severity::Warning, dir.displayPath,
           "cannot read the whole directory: " + errorText(ec));
  }
  std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
    return a.path().filename().native() < b.path().filename().native();
  });

  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    // The entry itself, not its target: a link is named where the user sees it.
    const std::string displayPath = shown(dir.canonical / name);
    if (options_.exclude && options_.exclude->matches(dir.canonical / name)) continue;
    std::error_code linkEc;
    const fs::file_status linkStatus = entry.symlink_status(linkEc);
    if (linkEc) continue;  // vanished while listing
    const bool isLink = fs::is_symlink(linkStatus);
    std::error_code targetEc;
    const fs::file_status status = isLink ? entry.status(targetEc) : linkStatus;
    if (isLink && (targetEc || !fs::exists(status))) {
      if (languageForFileName(name)) {
        report(RunDiagnostic::Severity::Warning, displayPath, "broken symbolic link, skipped");
      }
      continue;
    }

    if (fs::is_directory(status)) {
      if (isExcludedDirectory(entry.path())) continue;
      std::error_code canonEc;
      const fs::path target = isLink ? fs::canonical(entry.path(), canonEc) : dir.canonical / name;
      if (canonEc) {
        report(RunDiagnostic::Severity::Warning, displayPath, "cannot resolve path: " + errorText(canonEc));
        continue;
      }
      if (isAncestorOrSelf(target, dir.canonical)) {
        report(RunDiagnostic::Severity::Note, displayPath,
               "symbolic link loop (points to " + shown(target) + "), not followed");
        continue;
      }
      if (dir.depth + 1 > kMaxDirectoryDepth) {
        report(RunDiagnostic::Severity::Warning, displayPath,
               "directory nested more than " + std::to_string(kMaxDirectoryDepth) + " levels deep, not entered");
        continue;
      }
      if (!visitedDirectories_.insert(target).second) continue;  // reached through another link
      children.push_back(Pending{target, displayPath, dir.depth + 1, true});
    } else if (fs::is_regular_file(status)) {
      std::optional<Language> language = languageForFileName(name);
      // Only executables without a suffix are opened to look for a shebang: reading the first
      // bytes of every data file of a tree would cost more than the scripts are worth.
      if (!language && isSuffixlessExecutable(name, status) && hasPythonShebang(entry.path())) {
        language = Language::Python;
      }
      if (!language) continue;
      std::error_code canonEc;
      const fs::path target = isLink ? fs::canonical(entry.path(), canonEc) : dir.canonical / name;
      if (canonEc) {
        report(RunDiagnostic::Severity::Warning, displayPath, "cannot resolve path: " + errorText(canonEc));
        continue;
      }
      // Files are named by their resolved path, as in findings.
      children.push_back(Pending{target, shown(target), dir.depth + 1, false, *language});
    }
    // FIFOs, sockets and devices found while walking are not source code: reading one could block.
  }
  return true;
}

void Walker::addFile(const fs::path& canonical, const std::string& displayPath, Language language, bool named) {
  if (language == Language::Cpp && !options_.cppFrontend) {
    if (skippedCppFiles_++ == 0) firstSkippedCppFile_ = displayPath;
    return;
  }
  if (!seenFiles_.insert(canonical).second) return;
  result_.files.push_back(DiscoveredFile{canonical, displayPath, language, named});
}

void Walker::finish() {
  if (skippedCppFiles_ == 0) return;
  std::string count = skippedCppFiles_ == 1 ? "1 C++ file" : std::to_string(skippedCppFiles_) + " C++ files";
  report(RunDiagnostic::Severity::Note, firstSkippedCppFile_,
         count + " skipped: this build of hookguard has no C++ front-end");
}

}  // namespace

std::optional<Language> languageForFileName(const std::string& fileName) {
  const std::string ext = fs::path(fileName).extension().string();
  if (ext == ".py") return Language::Python;
  if (ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".hpp" || ext == ".h" || ext == ".hh" ||
      ext == ".hxx")
    return Language::Cpp;
  return std::nullopt;
}

bool isExcludedDirectory(const fs::path& dir) {
  static const std::set<std::string, std::less<>> kExcludedNames = {
      ".git", ".hg", ".svn", "node_modules", "__pycache__", "venv", ".venv", "env",
  };
  if (kExcludedNames.count(dir.filename().string())) return true;
  // A virtualenv (any name) has pyvenv.cfg at its top; a conda environment has conda-meta/.
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec) || fs::is_directory(dir / "conda-meta", ec);
}

DiscoveryResult discoverFiles(const std::vector<std::string>& paths, const DiscoveryOptions& options,
                              Diagnostics& diags) {
  DiscoveryResult result;
  Walker walker(options, diags, result);
  if (paths.empty()) {
    walker.addNamed(".");
  } else {
    for (const std::string& path : paths) walker.addNamed(path);
  }
  walker.finish();
  return result;
}

}  // namespace hg
