// Source text the C++ front-end gives Clang besides the user's files.
//
// Scanning runs without the project's build: framework and project headers are often missing.
// Clang then drops every statement that touches an undeclared name, which is most of a
// handler. hookguard recovers instead (see name_synthesis.h): missing headers are replaced by
// stand-ins, and undeclared names are declared on the fly with the "unknown" class below, which
// accepts any use (members, calls, operators, conversions) so that the statements survive with
// their names.
#pragma once

#include <string>
#include <string_view>

namespace hg::cpp {

// The virtual directory stand-ins and the prelude live in (never a real path).
inline constexpr std::string_view kVirtualDirectory = "/__hookguard__";
// Included before the main file: declares the unknown class.
inline constexpr std::string_view kPreludePath = "/__hookguard__/prelude.h";
// The unknown class's name, as the prelude declares it.
inline constexpr std::string_view kUnknownClassName = "__hookguard_unknown";

std::string_view preludeSource();

// The stand-in for a header that was not found: empty, except for frameworks whose API is
// partly made of macros (Drogon's controller route lists), whose macros are given the shape the
// real ones expand to, so their routes are still declared by calls the front-end understands.
std::string fallbackHeaderFor(std::string_view includeName);

}  // namespace hg::cpp
