// A receiver done right (no finding expected): bounded payload, a signed timestamp checked in
// both directions, an HMAC over timestamp and raw body compared in constant time.
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <ctime>
#include <string>

int main() {
  const std::string secret = std::getenv("INVENTORY_WEBHOOK_SECRET");
  httplib::Server server;
  server.set_payload_max_length(512 * 1024);
  server.Post("/webhooks/inventory", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string timestamp = req.get_header_value("X-Inventory-Timestamp");
    const long sent = std::atol(timestamp.c_str());
    if (std::labs(std::time(nullptr) - sent) > 300) {
      res.status = 400;
      return;
    }
    const std::string signed_text = timestamp + "." + req.body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac, &length);
    const std::string received = req.get_header_value("X-Inventory-Signature");
    if (received.size() != length || CRYPTO_memcmp(received.data(), mac, length) != 0) {
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.listen("0.0.0.0", 8080);
}
