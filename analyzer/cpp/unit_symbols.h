// What one lowered C++ file offers other translation units and what it calls without a body
// (internal to the C++ front-end; no Clang headers, so the linker and its tests need none).
#pragma once

#include <string>
#include <vector>

#include "core/ir.h"

namespace hg::cpp {

// A definition of the file that other translation units may call, under the name their calls
// carry: "ns::f" and "ns::C::m", and "ns::C().m" for a method called on an object.
struct ExportedName {
  FunctionId function = kNoFunction;  // position in the file's functions
  std::string name;
  size_t params = 0;
};

// A function the file calls but whose body it does not have (declared in a header, defined
// elsewhere or nowhere in the scan), keyed by the call's qualified name.
struct DeclaredCallee {
  std::string name;        // its own name, unqualified ("verify_signature")
  bool returnsBool = false;
  bool systemHeader = false;  // declared in a system header (a library's API, not the project's)
  std::vector<Parameter> params;
};

}  // namespace hg::cpp
