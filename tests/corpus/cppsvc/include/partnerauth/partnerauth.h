// The partner's SDK: this header is vendored, the library itself is linked prebuilt.
#pragma once

#include <string>

namespace partnerauth {

// Checks the X-Partner-Signature of a delivery against the partner's published key.
bool verify_delivery_signature(const std::string& body, const std::string& signature);

// Whether the delivery's event type is one the account subscribed to.
bool is_subscribed_event(const std::string& body);

}  // namespace partnerauth
