// Build-time settings of the ledger service, committed with the code.
#pragma once

#include <string>

#define LEDGER_MAX_BODY (256 * 1024)
#define PAYOUTS_WEBHOOK_SECRET "whsec_7Hc2kQ9mZp4Lx8Rt1Vb6Nw3Ys5Fd0Ga"  // expect: WH107
// Left for the deployer to fill in before a sandbox build: no secret leaks.
#define SANDBOX_WEBHOOK_SECRET "changeme"

namespace ledger {

inline constexpr const char* kInvoicesSigningKey = "isk_5d0c9e3b7a1f48e2b6c4";  // expect: WH107
static const std::string kOpsToken = "ops-4b8e1f6a2c9d7e30";  // expect: WH107
// Written once at startup from LEDGER_REFUNDS_SECRET.
extern std::string refundsSecret;

}  // namespace ledger
