#include "paysvc/crypto/signer.h"

#include <openssl/crypto.h>

#include "paysvc/crypto/hmac.h"

namespace paysvc::crypto {

std::string WebhookSigner::sign(const std::string& key, const std::string& timestamp, const std::string& payload) {
  return "v1=" + hmac_sha256_hex(key, timestamp + "." + payload);
}

bool WebhookSigner::verify(const std::string& key, const std::string& timestamp, const std::string& payload,
                           const std::string& signature) {
  const std::string expected = sign(key, timestamp, payload);
  if (expected.size() != signature.size()) return false;
  return CRYPTO_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

}  // namespace paysvc::crypto
