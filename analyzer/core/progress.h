// Where a scan is, for a progress indicator on a terminal. The scan announces each stage with
// the number of its units (files, translation units) and reports each unit as it finishes
// (a slow one, a C++ translation unit, as it starts), from whichever worker thread handled it:
// implementations must be thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace hg {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // A new stage ("parsing", "C++"); total = 0 when it has no countable units.
  virtual void stage(std::string_view name, size_t total) = 0;
  // One unit of the current stage is done; `item` names it (a path), or is empty.
  virtual void advance(std::string_view item) = 0;
};

}  // namespace hg
