#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <random>

#include "cli/error_text.h"

namespace hg {

namespace fs = std::filesystem;

namespace {

fs::path directoryOf(const fs::path& target) {
  fs::path dir = target.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

bool writeAll(int fd, std::string_view content, std::string& error) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errnoText(errno);
      return false;
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string checkOutputPath(const std::string& path) {
  const fs::path target(path);
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") return "not a file name";
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return "is a directory";
  const fs::path dir = directoryOf(target);
  if (::stat(dir.c_str(), &st) != 0) return "cannot use directory " + dir.string() + ": " + errnoText(errno);
  if (!S_ISDIR(st.st_mode)) return dir.string() + " is not a directory";
  return {};
}

bool writeFileAtomically(const std::string& path, std::string_view content, std::string& error) {
  if (error = checkOutputPath(path); !error.empty()) return false;
  const fs::path target(path);

  // lstat, not stat: the permissions to keep are those of a regular file at the path itself,
  // never those of a link's target.
  struct stat existing {};
  const bool exists = ::lstat(path.c_str(), &existing) == 0;
  if (exists && (S_ISCHR(existing.st_mode) || S_ISBLK(existing.st_mode) || S_ISFIFO(existing.st_mode))) {
    // `-o /dev/null` or a pipe: replacing the node would break the system, so write into it.
    int device = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (device < 0) {
      error = errnoText(errno);
      return false;
    }
    bool written = writeAll(device, content, error);
    ::close(device);
    return written;
  }
  const bool keepMode = exists && S_ISREG(existing.st_mode);

  std::random_device entropy;
  std::string temporary;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    temporary = (directoryOf(target) / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                        "-" + std::to_string(entropy())))
                    .string();
    // O_EXCL|O_NOFOLLOW: never reuse or follow something already at the temporary name.
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) {
      error = "cannot create a temporary file next to it: " + errnoText(errno);
      return false;
    }
  }
  if (fd < 0) {
    error = "cannot create a temporary file next to it";
    return false;
  }

  bool ok = writeAll(fd, content, error);
  if (ok && keepMode && ::fchmod(fd, existing.st_mode & 07777) != 0) {
    error = errnoText(errno);
    ok = false;
  }
  if (ok && ::fsync(fd) != 0) {
    error = errnoText(errno);
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    error = errnoText(errno);
    ok = false;
  }
  // rename() replaces a symbolic link at `path` itself, not the file it points to.
  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) {
    error = errnoText(errno);
    ok = false;
  }
  if (!ok) ::unlink(temporary.c_str());
  return ok;
}

}  // namespace hg
