// Payout notifications, handled by a member function; the signature scheme is WebhookSigner's
// (its own translation unit), which signs the timestamp with the payload.
#include <cstdlib>
#include <ctime>
#include <functional>

#include "paysvc/crypto/signer.h"
#include "paysvc/handlers.h"

namespace paysvc::handlers {

namespace {

class PayoutHooks {
 public:
  explicit PayoutHooks(std::string secret) : secret_(std::move(secret)) {}

  void onPayout(const net::HttpRequest& req, net::HttpResponse& res) {  // safe: WH101, WH201
    const std::string timestamp = req.header("X-Payout-Timestamp");
    if (std::labs(std::time(nullptr) - std::atol(timestamp.c_str())) > 300) {
      res.status = 400;
      return;
    }
    if (!crypto::WebhookSigner::verify(secret_, timestamp, req.body, req.header("X-Payout-Signature"))) {
      res.status = 401;
      return;
    }
    res.status = 202;
  }

 private:
  std::string secret_;
};

}  // namespace

void registerPayoutRoutes(net::Server& server, const Config& config) {
  static PayoutHooks hooks(config.payoutsSecret);
  using namespace std::placeholders;
  server.addHandler("POST", "/webhooks/payouts", std::bind(&PayoutHooks::onPayout, &hooks, _1, _2));
}

}  // namespace paysvc::handlers
