// Looking members up through the scanned tree's class hierarchies.
#pragma once

#include <functional>
#include <string>

#include "core/program.h"

namespace hg::python {

// The method `name` of class `cls` or of the first base that defines it (depth first, left
// to right: Python's MRO for the hierarchies handlers use). Bounded on cyclic or deep input.
FunctionId findMethod(const Program& program, const std::string& cls, const std::string& name);

// Visits `cls` and its bases (qualified names, scanned or not) in the same order until
// `visit` returns true; returns whether it did.
bool anyBase(const Program& program, const std::string& cls, const std::function<bool(const std::string&)>& visit);

}  // namespace hg::python
