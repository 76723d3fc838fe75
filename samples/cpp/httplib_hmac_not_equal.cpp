// The HMAC is computed correctly with OpenSSL, then compared with std::string's operator!=,
// which returns at the first differing byte: the timing leaks the expected signature.
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <ctime>
#include <string>

// Signatures arrive hex-encoded; a malformed one decodes to an empty string.
static std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::strtol(hex.substr(i, 2).c_str(), nullptr, 16));
  return out;
}

int main() {
  const std::string secret = std::getenv("PAYMENTS_WEBHOOK_SECRET");
  httplib::Server server;
  server.set_payload_max_length(1024 * 1024);
  server.Post("/webhooks/payments", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string timestamp = req.get_header_value("X-Timestamp");
    if (std::labs(std::time(nullptr) - std::atol(timestamp.c_str())) > 300) {
      res.status = 400;
      return;
    }
    const std::string signed_text = timestamp + "." + req.body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac, &length);
    const std::string expected(reinterpret_cast<const char*>(mac), length);
    if (expected != from_hex(req.get_header_value("X-Signature"))) {  // expect: WH102
      res.status = 401;
      return;
    }
    res.status = 204;
  });
  server.listen("0.0.0.0", 8080);
}
