// Refund events of merchants on the legacy scheme; the body is parsed to find the merchant
// before anyone checked who sent it.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>

#include "paysvc/crypto/hmac.h"
#include "paysvc/handlers.h"

namespace paysvc::handlers {

static std::string refundSecret;

static void onRefund(const net::HttpRequest& req, net::HttpResponse& res) {  // safe: WH101
  const std::string timestamp = req.header("X-Refund-Timestamp");
  if (std::labs(std::time(nullptr) - std::atol(timestamp.c_str())) > 300) {
    res.status = 400;
    return;
  }
  const auto event = nlohmann::json::parse(req.body);  // expect: WH103
  if (!crypto::legacy_signature_matches(refundSecret, timestamp + "." + req.body, req.header("X-Refund-Signature"))) {
    res.status = 401;
    return;
  }
  res.status = event.contains("refund_id") ? 202 : 422;
}

void registerRefundRoutes(net::Server& server, const Config& config) {
  refundSecret = config.paymentsSecret;
  server.addHandler("POST", "/webhooks/refunds", onRefund);
}

}  // namespace paysvc::handlers
