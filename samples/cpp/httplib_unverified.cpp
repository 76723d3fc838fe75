// A cpp-httplib receiver that trusts whatever is POSTed to it: no signature, no replay
// protection, and the server keeps httplib's unbounded default payload length.
#include <httplib.h>

#include <iostream>
#include <string>

int main() {
  httplib::Server server;  // expect: WH301
  server.Post("/webhooks/orders", [](const httplib::Request& req, httplib::Response& res) {  // expect: WH101, WH201
    std::cout << "order event: " << req.body << "\n";
    res.status = 204;
  });
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  server.listen("0.0.0.0", 8080);
}
