// Ledger sync: the MAC over the raw body is computed by a helper of this file, then compared
// in constant time; computing it is the verification, not a use of the unverified body.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "paysvc/handlers.h"

namespace paysvc::handlers {

namespace {

std::string ledgerMac(const std::string& secret, const std::string& timestamp, const std::string& body) {
  const std::string signedText = timestamp + ":" + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signedText.data()), signedText.size(), mac, &length);
  std::string hex;
  char pair[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", mac[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace

void registerLedgerRoutes(net::Server& server, const Config& config) {
  const std::string secret = config.ledgerSecret;
  server.addHandler("POST", "/webhooks/ledger", [secret](const net::HttpRequest& req, net::HttpResponse& res) {  // safe: WH101, WH201
    const std::string timestamp = req.header("X-Ledger-Timestamp");
    if (std::labs(std::time(nullptr) - std::atol(timestamp.c_str())) > 300) {
      res.status = 400;
      return;
    }
    const std::string expected = ledgerMac(secret, timestamp, req.body);  // safe: WH103
    const std::string received = req.header("X-Ledger-Signature");
    if (expected.size() != received.size() || CRYPTO_memcmp(expected.data(), received.data(), expected.size()) != 0) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
}

}  // namespace paysvc::handlers
