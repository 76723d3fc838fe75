// System error messages in hookguard's message style (lower case, no final period).
#pragma once

#include <string>
#include <system_error>

namespace hg {

std::string errorText(const std::error_code& ec);
std::string errnoText(int error);

}  // namespace hg
