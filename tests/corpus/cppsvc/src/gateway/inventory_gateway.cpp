// The inventory gateway speaks Boost.Beast directly: one loop per connection reads a request,
// picks the branch by method and target, and writes the response.
#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <cstdlib>
#include <ctime>
#include <string>

#include "paysvc/config.h"
#include "paysvc/crypto/hmac.h"

namespace beast = boost::beast;
namespace http = beast::http;

namespace paysvc::gateway {

namespace {

http::response<http::string_body> inventoryUpdate(const http::request<http::string_body>& req, const Config& config) {
  http::response<http::string_body> res{http::status::no_content, req.version()};
  const std::string sent(req["X-Inventory-Timestamp"]);
  if (std::labs(std::time(nullptr) - std::atol(sent.c_str())) > 300) {
    res.result(http::status::bad_request);
    return res;
  }
  const std::string signature(req["X-Inventory-Signature"]);
  if (!crypto::verify_signature(config.paymentsSecret, sent + "." + req.body(), signature)) {
    res.result(http::status::unauthorized);
  }
  return res;
}

}  // namespace

void serveInventory(boost::asio::ip::tcp::socket socket, const Config& config) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    beast::error_code ec;
    http::read(socket, buffer, req, ec);
    if (ec) break;
    http::response<http::string_body> res{http::status::not_found, req.version()};
    if (req.method() == http::verb::post && req.target() == "/hooks/inventory") {  // safe: WH101, WH201
      res = inventoryUpdate(req, config);
    } else if (req.method() == http::verb::get && req.target() == "/healthz") {
      res.result(http::status::ok);
    }
    res.prepare_payload();
    http::write(socket, res, ec);
    if (ec || !req.keep_alive()) break;
  }
}

}  // namespace paysvc::gateway
