#include "cli/error_text.h"

#include <cctype>
#include <cstring>

namespace hg {

namespace {

std::string lowerFirst(std::string text) {
  // "Permission denied" -> "permission denied"; keep acronyms such as "ELOOP" intact.
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      !std::isupper(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  while (!text.empty() && (text.back() == '.' || text.back() == '\n')) text.pop_back();
  return text;
}

}  // namespace

std::string errorText(const std::error_code& ec) { return lowerFirst(ec.message()); }

std::string errnoText(int error) { return lowerFirst(std::strerror(error)); }

}  // namespace hg
