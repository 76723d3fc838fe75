// Deliveries from the partner platform, verified with its SDK (only the header is in this
// repository). The event feed is filtered by type and never verified.
#include <cstdlib>
#include <ctime>

#include "partnerauth/partnerauth.h"
#include "paysvc/handlers.h"

namespace paysvc::handlers {

void registerPartnerRoutes(net::Server& server) {
  server.addHandler("POST", "/webhooks/partner", [](const net::HttpRequest& req, net::HttpResponse& res) {  // safe: WH101
    const std::string sent = req.header("X-Partner-Timestamp");
    if (std::labs(std::time(nullptr) - std::atol(sent.c_str())) > 300) {
      res.status = 400;
      return;
    }
    if (!partnerauth::verify_delivery_signature(sent + "." + req.body, req.header("X-Partner-Signature"))) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.addHandler("POST", "/webhooks/partner-events", [](const net::HttpRequest& req, net::HttpResponse& res) {  // expect: WH101, WH201
    if (!partnerauth::is_subscribed_event(req.body)) {
      res.status = 202;
      return;
    }
    res.status = 204;
  });
}

}  // namespace paysvc::handlers
