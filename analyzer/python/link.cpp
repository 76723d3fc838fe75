// link: everything that needs all files lowered first.
#include <algorithm>

#include "python/link_index.h"
#include "python/link_steps.h"
#include "python/python_frontend.h"

namespace hg::python {

void link(Program& program, const Knowledge& knowledge, Diagnostics& diags, unsigned jobs) {
  (void)diags;
  program.buildIndexes();
  LinkIndex index(program, knowledge);
  canonicalizeNames(index, jobs);
  program.buildIndexes();
  resolveCallTargets(index, jobs);
  endBlocksAtNoreturnCalls(index);
  discoverApplications(index, knowledge);
  discoverRoutes(index, knowledge);
  specializeClassViewHandlers(index);
  program.buildIndexes();
}

}  // namespace hg::python
