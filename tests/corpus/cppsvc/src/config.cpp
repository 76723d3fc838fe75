#include "paysvc/config.h"

#include <cstdlib>
#include <stdexcept>

namespace paysvc {

namespace {

std::string required(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') throw std::runtime_error(std::string(name) + " is not set");
  return value;
}

}  // namespace

Config loadConfig() {
  Config config;
  config.paymentsSecret = required("PAYSVC_PAYMENTS_SECRET");
  config.payoutsSecret = required("PAYSVC_PAYOUTS_SECRET");
  config.ledgerSecret = required("PAYSVC_LEDGER_SECRET");
  config.botToken = required("PAYSVC_BOT_SECRET_TOKEN");
  config.shippingToken = required("PAYSVC_SHIPPING_TOKEN");
  return config;
}

}  // namespace paysvc
