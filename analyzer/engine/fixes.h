// Mechanical fixes for findings, computed after the rules and apart from them: a rule says
// what is wrong, this layer says how to repair it when the repair follows from the syntax.
// Keyed by rule id; a finding whose code does not have a shape the generator is certain of
// (a chained comparison, a statement sharing its line, an unknown framework) gets no fix.
#pragma once

#include <vector>

#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "engine/engine.h"

namespace hg {

// Fills Finding::fixes of the unsuppressed findings of the program's files.
void addFixes(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
              std::vector<Finding>& findings);

}  // namespace hg
