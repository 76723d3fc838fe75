#include "paysvc/crypto/hmac.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace paysvc::crypto {

namespace {

std::string to_hex(const unsigned char* data, unsigned int length) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0x0f];
  }
  return out;
}

}  // namespace

std::string hmac_sha256_hex(const std::string& key, const std::string& message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &length);
  return to_hex(mac, length);
}

bool verify_signature(const std::string& secret, const std::string& body, const std::string& signature_hex) {
  const std::string expected = hmac_sha256_hex(secret, body);
  return expected.size() == signature_hex.size() &&
         CRYPTO_memcmp(expected.data(), signature_hex.data(), expected.size()) == 0;
}

bool legacy_signature_matches(const std::string& secret, const std::string& body, const std::string& signature_hex) {
  return hmac_sha256_hex(secret, body) == signature_hex;  // expect: WH102
}

}  // namespace paysvc::crypto
