// One generator per rule with a mechanical fix (internal to engine/fixes.cpp). Each returns
// nullopt when the finding's code does not have the exact shape it knows how to rewrite.
#pragma once

#include <optional>

#include "core/finding.h"
#include "engine/fix_syntax.h"

namespace hg::fixes {

std::optional<Fix> compareDigestFix(const FixContext& ctx, const Finding& finding);    // WH102
std::optional<Fix> rawBodyMacFix(const FixContext& ctx, const Finding& finding);       // WH104
std::optional<Fix> twoSidedWindowFix(const FixContext& ctx, const Finding& finding);   // WH203
std::optional<Fix> bodyLimitFix(const FixContext& ctx, const Finding& finding);        // WH301
std::optional<Fix> requestTimeoutFix(const FixContext& ctx, const Finding& finding);   // WH403

}  // namespace hg::fixes
