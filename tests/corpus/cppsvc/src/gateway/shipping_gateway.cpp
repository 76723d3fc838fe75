// Shipping status callbacks on their own port: anything but POST /hooks/shipping is a 404, and
// the carrier authenticates with a shared token header.
#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <string>

#include "paysvc/config.h"

namespace beast = boost::beast;
namespace http = beast::http;

namespace paysvc::gateway {

void serveShipping(boost::asio::ip::tcp::socket socket, const Config& config) {  // expect: WH201
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    beast::error_code ec;
    http::read(socket, buffer, req, ec);
    if (ec) break;
    http::response<http::string_body> res{http::status::ok, req.version()};
    if (req.method() != http::verb::post || req.target() != "/hooks/shipping") {
      res.result(http::status::not_found);
    } else if (std::string(req["X-Shipping-Token"]) == config.shippingToken) {  // expect: WH102
      res.body() = "accepted " + std::to_string(req.body().size());
    } else {
      res.result(http::status::forbidden);
    }
    res.prepare_payload();
    http::write(socket, res, ec);
    if (ec) break;
  }
}

}  // namespace paysvc::gateway
