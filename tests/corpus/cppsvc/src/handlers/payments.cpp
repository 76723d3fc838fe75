// Payment events: the provider signs the raw body; the check lives in src/crypto/hmac.cpp.
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "paysvc/crypto/hmac.h"
#include "paysvc/handlers.h"

namespace paysvc::handlers {

namespace {

void recordPayment(const std::string& body) { std::clog << "payment event of " << body.size() << " bytes\n"; }

}  // namespace

void registerPaymentRoutes(net::Server& server, const Config& config) {
  const std::string secret = config.paymentsSecret;
  server.addHandler("POST", "/webhooks/payments", [secret](const net::HttpRequest& req, net::HttpResponse& res) {  // safe: WH101, WH201
    const std::string sent = req.header("X-Payment-Timestamp");
    if (std::labs(std::time(nullptr) - std::atol(sent.c_str())) > 300) {
      res.status = 400;
      return;
    }
    if (!crypto::verify_signature(secret, sent + "." + req.body, req.header("X-Payment-Signature"))) {  // safe: WH103
      res.status = 401;
      return;
    }
    recordPayment(req.body);
    res.status = 204;
  });
  server.addHandler("GET", "/payments/health", [](const net::HttpRequest&, net::HttpResponse& res) {  // safe: WH101
    res.body = "ok";
  });
}

}  // namespace paysvc::handlers
