// A small status dashboard served with cpp-httplib: GET routes read query parameters and
// headers, which are request data as much as a webhook body is.
#include <httplib.h>
#include <openssl/crypto.h>

#include <string>

static std::string fetch_status(const std::string& host) {
  httplib::Client upstream(host);  // expect: WH401
  upstream.set_connection_timeout(5);
  auto res = upstream.Get("/status");
  return res ? res->body : std::string();
}

static bool same_token(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

int main() {
  const std::string admin_token = std::getenv("DASHBOARD_ADMIN_TOKEN");
  httplib::Server server;
  server.Get("/probe", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(fetch_status(req.get_param_value("host")), "text/plain");
  });
  server.Get("/probe-fixed", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(fetch_status("https://status.example.com"), "text/plain");
  });
  server.Get("/back", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect(req.get_param_value("to"));  // expect: WH402
  });
  server.Get("/admin", [&admin_token](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("X-Admin-Token") == admin_token) {  // expect: WH102
      res.set_content("admin", "text/plain");
      return;
    }
    res.status = 403;
  });
  server.Get("/admin-safe", [&admin_token](const httplib::Request& req, httplib::Response& res) {
    if (!same_token(req.get_header_value("X-Admin-Token"), admin_token)) {
      res.status = 403;
      return;
    }
    res.set_content("admin", "text/plain");
  });
  server.listen("127.0.0.1", 8090);
}
