// The part of the program one rule context answers for when the rule phase is split across
// threads (engine.cpp): a run of function ids. Rules that split by function report only on
// the functions, and the handlers, inside it; the whole program is one range.
#pragma once

#include "core/ir.h"

namespace hg {

struct FunctionRange {
  FunctionId begin = 0;
  FunctionId end = kNoFunction;

  bool contains(FunctionId fn) const { return fn >= begin && fn < end; }
  bool whole() const { return begin == 0 && end == kNoFunction; }
};

}  // namespace hg
