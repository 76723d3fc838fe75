// Document URIs and local paths. Only file: URIs name something the scan can read; clients
// percent-encode freely (VS Code writes "%3A" for ':'), so paths are compared after decoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hg::lsp {

// The absolute local path a file: URI names; nullopt for other schemes, a remote authority,
// a bad percent escape or an encoded NUL.
std::optional<std::string> pathOfFileUri(std::string_view uri);

// "file:///abs/path", percent-encoded.
std::string uriOfPath(std::string_view absolutePath);

}  // namespace hg::lsp
