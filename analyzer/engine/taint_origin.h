// What the known leading text of a URL decides about where a request goes. A value whose text
// starts with a literal scheme and host followed by '/', '?' or '#' can only vary in its path,
// query or fragment: whatever is appended cannot change the host. Without that separator it can
// ("https://partner.example" + ".evil.net"), which is why a prefix check must end in '/'.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hg {

enum class UrlPrefixKind : uint8_t {
  Open,         // appended text may still choose the scheme or host
  FixedOrigin,  // scheme://host/ (or //host/) is fixed
  LocalPath,    // a path on the same site ("/account/"), not a scheme-relative "//"
};

UrlPrefixKind classifyUrlPrefix(std::string_view prefix);

// Whether text that fixes the origin has already entered the query or fragment
// ("https://api.example.com/search?q="): what follows can pick parameters, not an endpoint.
bool inQueryOrFragment(std::string_view pinnedText);

// For urljoin(base, x): the origin text the result keeps ("https://api.example.com/") when the
// constant base has a scheme, a host and a path.
std::optional<std::string> joinedOrigin(std::string_view base);

// For urljoin(base, x): whether x, starting with this known text, can only replace the base's
// path ("items/", "/v2/"), never its scheme or host ("//evil.example", "https:", "").
bool joinKeepsOrigin(std::string_view prefix);

// Whether an identifier or key names an object id: "id", "pk", "uuid", "order_id", "userId".
bool isIdentifierName(std::string_view name);

}  // namespace hg
