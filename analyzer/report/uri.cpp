#include "report/uri.h"

#include <filesystem>
#include <system_error>
#include <vector>

namespace hg {
namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// Lexically normalised absolute path without a trailing '/' ("/" stays "/").
std::string normalAbsolute(std::string_view path) {
  std::string s = std::filesystem::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

std::string percentEncodePath(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (isUnreserved(c) || c == '/') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
  }
  return out;
}

std::string fileUri(std::string_view absolutePath, bool trailingSlash) {
  std::string path = normalAbsolute(absolutePath);
  if (trailingSlash && path.back() != '/') path.push_back('/');
  // "file://" + an absolute path gives the empty-authority form "file:///...".
  return "file://" + percentEncodePath(path);
}

std::optional<std::string> cleanRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/') return std::nullopt;
  std::string out;
  for (std::string_view seg : segments(path)) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") return std::nullopt;
    if (!out.empty()) out.push_back('/');
    out.append(seg);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> relativeToRoot(std::string_view absolutePath, std::string_view root) {
  if (absolutePath.empty() || absolutePath.front() != '/' || root.empty() || root.front() != '/')
    return std::nullopt;
  std::string file = normalAbsolute(absolutePath);
  std::string base = normalAbsolute(root);
  if (base != "/") base.push_back('/');
  if (file.size() <= base.size() || file.compare(0, base.size(), base) != 0) return std::nullopt;
  return cleanRelativePath(std::string_view(file).substr(base.size()));
}

ArtifactUri artifactUri(const SourceFile& file, std::string_view repositoryRoot) {
  if (auto rel = cleanRelativePath(file.displayPath)) return {percentEncodePath(*rel), true};
  if (auto rel = relativeToRoot(file.absolutePath, repositoryRoot)) return {percentEncodePath(*rel), true};
  if (!file.absolutePath.empty() && file.absolutePath.front() == '/') return {fileUri(file.absolutePath), false};
  if (!file.displayPath.empty() && file.displayPath.front() == '/') return {fileUri(file.displayPath), false};
  // Neither path is usable (a file outside the root named relatively): keep what the user saw,
  // encoded, so the URI is at least a valid reference.
  return {percentEncodePath(file.displayPath), false};
}

std::optional<ArtifactUri> artifactUriForUserPath(std::string_view path, std::string_view repositoryRoot) {
  if (path.empty()) return std::nullopt;
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(path), ec);
  if (ec) return std::nullopt;
  std::string abs = absolute.lexically_normal().generic_string();
  if (auto rel = relativeToRoot(abs, repositoryRoot)) return ArtifactUri{percentEncodePath(*rel), true};
  if (!abs.empty() && abs.front() == '/') return ArtifactUri{fileUri(abs), false};
  return std::nullopt;
}

}  // namespace hg
