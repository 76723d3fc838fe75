// HMAC-SHA256 over request bodies, as the payment provider signs them.
#pragma once

#include <string>

namespace paysvc::crypto {

// Lower-case hex HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256_hex(const std::string& key, const std::string& message);

// Whether `signature_hex` is the HMAC-SHA256 of `body` under `secret`; constant time.
bool verify_signature(const std::string& secret, const std::string& body, const std::string& signature_hex);

// The old scheme some merchants still use: same MAC, compared as strings.
bool legacy_signature_matches(const std::string& secret, const std::string& body, const std::string& signature_hex);

}  // namespace paysvc::crypto
