#include <iostream>

#include "bot/notify_bot.h"
#include "paysvc/config.h"
#include "paysvc/handlers.h"
#include "paysvc/net/server.h"

int main() {
  const paysvc::Config config = paysvc::loadConfig();
  paysvc::net::Server server(config.port);
  server.setMaxBodyBytes(256 * 1024);
  paysvc::handlers::registerPaymentRoutes(server, config);
  paysvc::handlers::registerPayoutRoutes(server, config);
  paysvc::handlers::registerRefundRoutes(server, config);
  paysvc::handlers::registerPartnerRoutes(server);
  paysvc::handlers::registerLedgerRoutes(server, config);
  paysvc::bot::NotifyBot bot(config.botToken, "/bot/updates");
  bot.attach(server);
  // Not a route: a named job on a timer.
  paysvc::net::every("/jobs/reconcile", 60, [] { std::clog << "reconciling\n"; });
  server.run();
}
