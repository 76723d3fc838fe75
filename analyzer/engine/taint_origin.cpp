#include "engine/taint_origin.h"

#include <cctype>

namespace hg {

namespace {

bool isSchemeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

bool endsAuthority(char c) { return c == '/' || c == '?' || c == '#' || c == '\\'; }

// Position just past "scheme://" or "//", or npos.
size_t authorityStart(std::string_view text) {
  if (text.starts_with("//")) return 2;
  size_t colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) return std::string_view::npos;
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return std::string_view::npos;
  for (size_t i = 0; i < colon; ++i) {
    if (!isSchemeChar(text[i])) return std::string_view::npos;
  }
  return colon + 3;
}

// Position of the character that ends a non-empty authority, or npos.
size_t authorityEnd(std::string_view text) {
  size_t start = authorityStart(text);
  if (start == std::string_view::npos) return std::string_view::npos;
  for (size_t i = start; i < text.size(); ++i) {
    if (endsAuthority(text[i])) return i > start ? i : std::string_view::npos;
    if (std::isspace(static_cast<unsigned char>(text[i]))) return std::string_view::npos;
  }
  return std::string_view::npos;
}

}  // namespace

UrlPrefixKind classifyUrlPrefix(std::string_view prefix) {
  if (authorityEnd(prefix) != std::string_view::npos) return UrlPrefixKind::FixedOrigin;
  // "/x": a path on this site. "/" alone is not: "/" + "/evil.example" leaves the site.
  if (prefix.size() >= 2 && prefix[0] == '/' && prefix[1] != '/' && prefix[1] != '\\')
    return UrlPrefixKind::LocalPath;
  return UrlPrefixKind::Open;
}

std::optional<std::string> joinedOrigin(std::string_view base) {
  size_t end = authorityEnd(base);
  if (end == std::string_view::npos || base[end] != '/') return std::nullopt;
  return std::string(base.substr(0, end + 1));
}

bool inQueryOrFragment(std::string_view pinnedText) {
  size_t start = authorityStart(pinnedText);
  if (start == std::string_view::npos) start = 0;
  return pinnedText.find_first_of("?#", start) != std::string_view::npos;
}

bool joinKeepsOrigin(std::string_view prefix) {
  if (prefix.empty() || prefix[0] == '\\') return false;
  if (prefix[0] == '/') return prefix.size() >= 2 && prefix[1] != '/' && prefix[1] != '\\';
  // A relative reference keeps the host once a separator comes before any ':' (a scheme).
  for (char c : prefix) {
    if (c == ':') return false;
    if (c == '/' || c == '?' || c == '#') return true;
  }
  return false;
}

bool isIdentifierName(std::string_view name) {
  if (name.empty()) return false;
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view exact : {"id", "pk", "uuid", "guid"}) {
    if (lower == exact) return true;
  }
  for (std::string_view suffix : {"_id", "_pk", "_uuid", "_guid", "-id", "_ids"}) {
    if (lower.ends_with(suffix)) return true;
  }
  // camelCase: "orderId", "customerID".
  if (name.size() > 2 && (name.ends_with("Id") || name.ends_with("ID")) &&
      std::islower(static_cast<unsigned char>(name[name.size() - 3])))
    return true;
  return false;
}

}  // namespace hg
