// The pre-pass over one scope's body that finds every name the scope binds and how often,
// before any statement is lowered: Python decides a name's scope from the whole body, and a
// name assigned exactly once takes its value's qualified name.
#pragma once

#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "python/scope.h"

namespace hg::python {

// Walks `body` (a block or the module) iteratively, not entering nested function, class or
// lambda bodies (their names are bound, their contents belong to their own scopes).
void scanBindings(TSNode body, std::string_view source, const std::string& packageName, Scope& scope);

// Adds the identifiers a target pattern binds (`a`, `(a, b)`, `[a, *b]`) with `weight`
// assignments each; attribute and subscript targets bind nothing.
void bindTargets(TSNode target, std::string_view source, int weight, Scope& scope);

}  // namespace hg::python
