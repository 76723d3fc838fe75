// The ledger's receivers. Two keys and a token come from include/ledger/config.h, where they
// are pasted in; the refunds secret is read from the environment.
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include "ledger/config.h"
#include "ledger/signing.h"

namespace ledger {
std::string refundsSecret;
}

static bool fresh(const httplib::Request& req) {
  return std::labs(std::time(nullptr) - std::atol(req.get_header_value("X-Ledger-Timestamp").c_str())) <= 300;
}

int main() {
  ledger::refundsSecret = std::getenv("LEDGER_REFUNDS_SECRET");
  httplib::Server server;
  server.set_payload_max_length(LEDGER_MAX_BODY);
  server.Post("/hooks/payouts", [&](const httplib::Request& req, httplib::Response& res) {
    if (!fresh(req)) {
      res.status = 400;
      return;
    }
    const std::string signed_text = req.get_header_value("X-Ledger-Timestamp") + "." + req.body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), PAYOUTS_WEBHOOK_SECRET, static_cast<int>(std::strlen(PAYOUTS_WEBHOOK_SECRET)),
         reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac, &length);
    const std::string received = req.get_header_value("X-Ledger-Signature");
    if (received.size() != length || CRYPTO_memcmp(received.data(), mac, length) != 0) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.Post("/hooks/invoices", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string signed_text = req.get_header_value("X-Ledger-Timestamp") + "." + req.body;
    if (!fresh(req) || !ledger::same_text(ledger::hmac_sha256_hex(ledger::kInvoicesSigningKey, signed_text),
                                          req.get_header_value("X-Ledger-Signature"))) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.Post("/hooks/refunds", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string signed_text = req.get_header_value("X-Ledger-Timestamp") + "." + req.body;
    if (!fresh(req) || !ledger::same_text(ledger::hmac_sha256_hex(ledger::refundsSecret, signed_text),
                                          req.get_header_value("X-Ledger-Signature"))) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.Post("/hooks/sandbox", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string signed_text = req.get_header_value("X-Ledger-Timestamp") + "." + req.body;
    if (!fresh(req) || !ledger::same_text(ledger::hmac_sha256_hex(SANDBOX_WEBHOOK_SECRET, signed_text),
                                          req.get_header_value("X-Ledger-Signature"))) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.Post("/hooks/ops", [&](const httplib::Request& req, httplib::Response& res) {
    if (!fresh(req) || !ledger::same_text(req.get_header_value("X-Ledger-Ops-Token"), ledger::kOpsToken)) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.listen("0.0.0.0", 8080);
}
