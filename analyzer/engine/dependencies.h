// Dependencies a framework calls before a handler: FastAPI's `body: bytes =
// Depends(verified_body)` runs verified_body first and passes its result as `body`. Route
// coverage counts a dependency that rejects unverified requests as a guard; the taint analysis
// gives the parameter what the dependency returns.
#pragma once

#include "core/knowledge.h"
#include "core/program.h"

#include <vector>

namespace hg {

// The scanned function a marker call (`Depends(verify)`, knowledge `dependency_markers`: a
// parameter's default or an element of a decorator's `dependencies=[...]`) declares as a
// dependency, or kNoFunction.
FunctionId declaredDependency(const Program& program, const Knowledge& knowledge, const Function& fn,
                              ExprId marker);

struct Dependency {
  FunctionId function = kNoFunction;
  Span declaredAt;  // the `Depends(...)` default
};

// The dependencies that run before `fn`: those its route decorator lists (`dependencies=[...]`)
// and its parameters declare, then theirs, each once (at most 64), nearest first.
std::vector<Dependency> dependenciesOf(const Program& program, const Knowledge& knowledge, FunctionId fn);

}  // namespace hg
