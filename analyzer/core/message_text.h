// How findings' messages name code: a function, handler or class name is quoted like any other
// code the message cites (`sig`), so a name that is an ordinary word (`decorated`, `wrapper`,
// `check`) does not read as part of the sentence. Reporters render the backticks as they are
// (text, gcc, JSON) or as code (SARIF markdown).
#pragma once

#include <string>
#include <string_view>

#include "core/program.h"

namespace hg {

inline std::string quotedName(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '`';
  out += name;
  out += '`';
  return out;
}

// "POST /webhook/stripe handler `stripe_webhook`": how messages name the route a finding is for.
inline std::string handlerText(const Route& route, std::string_view handlerName) {
  return route.label() + " handler " + quotedName(handlerName);
}

}  // namespace hg
