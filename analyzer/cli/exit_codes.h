// The process exit codes: the contract CI pipelines and pre-commit rely on.
#pragma once

namespace hg {

inline constexpr int kExitClean = 0;     // no finding at or above --fail-on
inline constexpr int kExitFindings = 1;  // at least one unsuppressed finding at or above --fail-on
inline constexpr int kExitError = 2;     // usage, configuration or input error (wins over findings)

}  // namespace hg
