// Signatures over "timestamp.payload", the scheme payouts are delivered with.
#pragma once

#include <string>

namespace paysvc::crypto {

class WebhookSigner {
 public:
  static std::string sign(const std::string& key, const std::string& timestamp, const std::string& payload);
  // True when `signature` signs `timestamp` and `payload` under `key`.
  static bool verify(const std::string& key, const std::string& timestamp, const std::string& payload,
                     const std::string& signature);
};

}  // namespace paysvc::crypto
