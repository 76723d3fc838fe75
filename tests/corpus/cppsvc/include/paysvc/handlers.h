// Each file under src/handlers registers its routes on the server.
#pragma once

#include "paysvc/config.h"
#include "paysvc/net/server.h"

namespace paysvc::handlers {

void registerPaymentRoutes(net::Server& server, const Config& config);
void registerPayoutRoutes(net::Server& server, const Config& config);
void registerRefundRoutes(net::Server& server, const Config& config);
void registerPartnerRoutes(net::Server& server);
void registerLedgerRoutes(net::Server& server, const Config& config);

}  // namespace paysvc::handlers
