#pragma once

#include <string>

namespace paysvc {

struct Config {
  int port = 8443;
  std::string paymentsSecret;
  std::string payoutsSecret;
  std::string ledgerSecret;
  std::string botToken;
  std::string shippingToken;
};

// From the environment (PAYSVC_*); missing secrets stop the service at startup.
Config loadConfig();

}  // namespace paysvc
