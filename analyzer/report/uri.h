// File locations as SARIF URIs. GitHub code scanning resolves a result's artifactLocation.uri
// against the repository checkout, so results in the scanned tree are written relative to the
// repository root with uriBaseId "%SRCROOT%"; only a file outside the root gets an absolute
// file:// URI.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/source.h"

namespace hg {

// RFC 3986 percent-encoding of a '/'-separated path: everything but unreserved characters and
// '/' is encoded (UTF-8 bytes, upper-case hex), so spaces, '%', '#', '?' and non-ASCII names
// survive any URI parser.
std::string percentEncodePath(std::string_view path);

// "file:///abs/path" for an absolute POSIX path; with trailingSlash, ends with exactly one '/'
// (a SARIF originalUriBaseIds entry must).
std::string fileUri(std::string_view absolutePath, bool trailingSlash = false);

// A path relative to the root, cleaned for a URI: "./" and "." segments and repeated '/'
// dropped. nullopt when it is absolute, empty, or climbs out of the root with "..".
std::optional<std::string> cleanRelativePath(std::string_view path);

// absolutePath relative to root when it lies inside it (lexically), else nullopt.
std::optional<std::string> relativeToRoot(std::string_view absolutePath, std::string_view root);

struct ArtifactUri {
  std::string uri;
  bool relativeToSourceRoot = false;  // true: emit uriBaseId "%SRCROOT%"
};

inline constexpr const char* kSourceRootBaseId = "%SRCROOT%";

// Where a scanned file is, for SARIF: its display path (relative to the repository root by
// contract) when that is clean, else its absolute path made relative to the root, else an
// absolute file URI.
ArtifactUri artifactUri(const SourceFile& file, std::string_view repositoryRoot);

// Same for a path as the user named it (run diagnostics): relative paths are taken from the
// current directory.
std::optional<ArtifactUri> artifactUriForUserPath(std::string_view path, std::string_view repositoryRoot);

}  // namespace hg
