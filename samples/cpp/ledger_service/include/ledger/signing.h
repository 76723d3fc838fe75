// HMAC-SHA256 as the ledger's partners sign their deliveries.
#pragma once

#include <string>

namespace ledger {

// Lower-case hex HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256_hex(const std::string& key, const std::string& message);

// Whether two strings are equal, in time independent of where they differ.
bool same_text(const std::string& a, const std::string& b);

}  // namespace ledger
