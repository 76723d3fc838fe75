// Routes registered in a loop over a table the code writes, one registration per entry:
//
//   for name, view in HOOKS.items():
//       app.add_url_rule(f"/hooks/{name}", view_func=view, methods=["POST"])
//   for path, view in [("/hooks/a", a), ("/hooks/b", b)]:
//       bp.add_url_rule(path, path, view, methods=["POST"])
//
// The table is a list, tuple, set or dict display, written in the loop header or held by a
// module or class constant; `.items()`, `.keys()` and `.values()` of a dict are followed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "python/link_index.h"
#include "python/route_values.h"

namespace hg::python {

// One entry of the table: each loop variable (by its binding, else its name) and the part of
// the entry it takes.
struct LoopEntry {
  std::map<std::string, ExprRef> bound;
};

// The entries of the loop in `fn` that binds the variable `var` reads; empty when `var` is no
// loop variable, or the loop runs over anything but a table of the code.
std::vector<LoopEntry> loopEntries(const LinkIndex& index, const Function& fn, ExprRef var);

// The part of the entry `ref` stands for when it reads a loop variable, else `ref`.
ExprRef boundValue(const LoopEntry& entry, ExprRef ref);

// constantString() with the loop variables read as the entry's parts (`f"/hooks/{name}"`).
std::optional<std::string> constantStringIn(const LinkIndex& index, ExprRef ref, const LoopEntry& entry,
                                            int depth = 0);

}  // namespace hg::python
