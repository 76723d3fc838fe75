// Route and application discovery of the C++ front-end, per framework. Crow, Drogon, Boost.Beast
// and libcurl are not installed here: their files are parsed with their headers missing, which
// is the case these tests are about.
#include <gtest/gtest.h>

#include <algorithm>

#include "cpp/routes.h"
#include "cpp_fixture.h"
#include "engine/engine.h"

namespace hg {
namespace {

using testing::CppScan;
using testing::describeRoutes;

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(CppRoutes, HttplibHandlersOfEveryShape) {
  CppScan scan;
  Program& program = scan.analyze("app/server.cpp", R"(#include <httplib.h>
static void on_stripe(const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); }
struct GithubHandler {
  void operator()(const httplib::Request& req, httplib::Response& res) const { res.status = req.body.empty() ? 400 : 200; }
};
int main() {
  httplib::Server svr;
  svr.Post("/webhook/stripe", on_stripe);
  svr.Put("/webhook/github", GithubHandler{});
  auto slack = [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); };
  svr.Patch("/webhook/slack", slack);
  svr.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  svr.listen("0.0.0.0", 8080);
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"httplib POST /webhook/stripe -> app.server.on_stripe",
                                   "httplib PUT /webhook/github -> app.server.GithubHandler.operator()",
                                   "httplib PATCH /webhook/slack -> app.server.main.<locals>.<lambda>",
                                   "httplib GET /health -> app.server.main.<locals>.<lambda>"}));
  for (const Route& r : program.routes) {
    EXPECT_EQ(r.registeredOn, "app.server.main.<locals>.svr");
    EXPECT_TRUE(r.declaration.valid());
  }
  ASSERT_EQ(program.applications.size(), 1u);
  EXPECT_EQ(program.applications[0].framework, "httplib");
  EXPECT_EQ(program.applications[0].qualified, "app.server.main.<locals>.svr");
  EXPECT_EQ(program.applications[0].construction.line, 7u);
  EXPECT_EQ(scan.diagnosticText().find("error while parsing"), std::string::npos) << scan.diagnosticText();
}

TEST(CppRoutes, CrowWithoutItsHeaders) {
  CppScan scan;
  Program& program = scan.analyze("hooks.cpp", R"(#include "crow_all.h"
int main() {
  crow::SimpleApp app;
  crow::Blueprint bp("api");
  CROW_ROUTE(app, "/webhook/github").methods("POST"_method)([](const crow::request& req) {
    auto body = req.body;
    return crow::response(200);
  });
  CROW_ROUTE(app, "/events").methods(crow::HTTPMethod::Put, crow::HTTPMethod::Post)(
      [](const crow::request& req) -> crow::response { return crow::response(req.body.size() > 0 ? 200 : 400); });
  CROW_BP_ROUTE(bp, "/notify").methods("POST"_method)([](const crow::request& req) { return req.body; });
  CROW_ROUTE(app, "/")([] { return "hello"; });
  app.port(18080).run();
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"crow POST /webhook/github -> hooks.main.<locals>.<lambda>",
                                   "crow PUT,POST /events -> hooks.main.<locals>.<lambda>",
                                   "crow POST /notify -> hooks.main.<locals>.<lambda>",
                                   "crow GET / -> hooks.main.<locals>.<lambda>"}));
  EXPECT_NE(scan.diagnosticText().find("headers not found (crow_all.h)"), std::string::npos) << scan.diagnosticText();
  EXPECT_EQ(scan.diagnosticText().find("error while parsing"), std::string::npos) << scan.diagnosticText();
  // The request's members keep their framework names though crow.h was never read.
  const Function& github = program.function(program.routes[0].handler);
  EXPECT_FALSE(testing::exprsNamed(github, ExprKind::Attribute, "crow::request().body").empty())
      << describeCfg(github);
  ASSERT_EQ(program.applications.size(), 2u);
  EXPECT_EQ(program.applications[0].kind, "app");
  EXPECT_EQ(program.applications[1].kind, "blueprint");
  EXPECT_EQ(program.routes[0].registeredOn, "hooks.main.<locals>.app");
}

TEST(CppRoutes, DrogonWithoutItsHeaders) {
  CppScan scan;
  Program& program = scan.analyze("src/stripe_controller.cpp", R"(#include <drogon/HttpController.h>
#include <drogon/drogon.h>
using namespace drogon;
namespace api {
class Stripe : public drogon::HttpController<Stripe> {
 public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(Stripe::webhook, "/webhook/stripe", Post);
  METHOD_ADD(Stripe::events, "/events", Post, Put);
  METHOD_LIST_END
  void webhook(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
    auto body = req->getBody();
    callback(HttpResponse::newHttpResponse());
  }
  void events(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback);
};
void Stripe::events(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  auto json = req->getJsonObject();
  callback(HttpResponse::newHttpResponse());
}
}  // namespace api
int main() {
  app().registerHandler("/hooks/github", [](const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& cb) {
    auto body = req->getBody();
    cb(HttpResponse::newHttpResponse());
  }, {Post});
  app().registerHandler("/any", [](const HttpRequestPtr&, std::function<void(const HttpResponsePtr&)>&& cb) {});
  app().setClientMaxBodySize(1024 * 1024).run();
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"drogon POST /webhook/stripe -> src.stripe_controller.api.Stripe.webhook",
                                   "drogon POST,PUT /api/Stripe/events -> src.stripe_controller.api.Stripe.events",
                                   "drogon POST /hooks/github -> src.stripe_controller.main.<locals>.<lambda>",
                                   "drogon ANY /any -> src.stripe_controller.main.<locals>.<lambda>"}));
  EXPECT_EQ(scan.diagnosticText().find("error while parsing"), std::string::npos) << scan.diagnosticText();
  const Function& webhook = functionNamed(program, "src.stripe_controller.api.Stripe.webhook");
  EXPECT_FALSE(testing::exprsNamed(webhook, ExprKind::Call, "drogon::HttpRequestPtr().getBody").empty())
      << describeCfg(webhook);
  ASSERT_EQ(program.applications.size(), 1u);
  EXPECT_EQ(program.applications[0].qualified, "drogon::app()");
  for (const Route& r : program.routes) EXPECT_EQ(r.registeredOn, "drogon::app()");
}

TEST(CppRoutes, BeastHandlersBranchingOnTheMethod) {
  CppScan scan;
  Program& program = scan.analyze("beast_server.cpp", R"(#include <boost/beast/http.hpp>
namespace beast = boost::beast;
namespace http = beast::http;
template <class Body, class Allocator>
http::response<http::string_body> handle_request(http::request<Body, http::basic_fields<Allocator>>&& req) {
  if (req.method() != http::verb::post) return http::response<http::string_body>{http::status::bad_request, 11};
  if (req.target() != "/webhook/shopify") return {};
  std::string payload = req.body();
  return http::response<http::string_body>{http::status::ok, 11};
}
void router(http::request<http::string_body>& req) {
  switch (req.method()) {
    case http::verb::put:
      break;
    case http::verb::get:
      return;
    default:
      return;
  }
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"beast POST /webhook/shopify -> beast_server.handle_request",
                                   "beast PUT  -> beast_server.router", "beast GET  -> beast_server.router"}));
  EXPECT_EQ(scan.diagnosticText().find("error while parsing"), std::string::npos) << scan.diagnosticText();
}

TEST(CppRoutes, BeastTargetComparedForEqualityNamesThePath) {
  CppScan scan;
  Program& program = scan.analyze("b.cpp", R"(#include <boost/beast/http.hpp>
namespace http = boost::beast::http;
void handle(http::request<http::string_body>& req) {
  if (req.method() == http::verb::post && req.target() == "/hooks/in") {
    auto body = req.body();
  }
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"beast POST /hooks/in -> b.handle"}));
}

// A project's own server class, declared in the test (nothing of it is knowledge).
constexpr const char* kOwnServer = R"(#include <functional>
#include <string>
namespace shop::http {
struct Request { std::string method; std::string target; std::string body; std::string header(const std::string&) const; };
struct Response { int status = 200; };
using Handler = std::function<void(const Request&, Response&)>;
enum class Method { Get, Post, Put };
class Server {
 public:
  void addHandler(const std::string& method, const std::string& path, Handler h);
  void route(Method method, const std::string& path, Handler h);
  void post(const std::string& path, Handler h);
  void addPostRoute(const std::string& path, Handler h);
  Handler getHandler(const std::string& path, Handler fallback);
};
void every(const std::string& name, int seconds, std::function<void()> job);
}  // namespace shop::http
)";

TEST(CppRoutes, CustomServerRegistrationsByShape) {
  CppScan scan;
  Program& program = scan.analyze("svc/routes.cpp", std::string(kOwnServer) + R"(
namespace shop {
class Hooks {
 public:
  void onRefund(const http::Request& req, http::Response& res) { res.status = req.body.empty() ? 400 : 204; }
};
static void onOrder(const http::Request& req, http::Response& res) { res.status = req.body.empty() ? 400 : 204; }
void install(http::Server& server, Hooks& hooks) {
  using namespace std::placeholders;
  server.addHandler("POST", "/hooks/orders", onOrder);
  server.addHandler("PUT", "/hooks/refunds", std::bind(&Hooks::onRefund, &hooks, _1, _2));
  server.route(http::Method::Post, "/hooks/stock", [](const http::Request& req, http::Response& res) { res.status = 204; });
  server.post("/hooks/ship", [](const http::Request& req, http::Response&) {});
  server.addPostRoute("/hooks/pay", [](const http::Request& req, http::Response&) {});
  server.addHandler("GET", "/health", [](const http::Request&, http::Response& res) { res.status = 200; });
  // Not routes: no method, a lookup whose name only contains one, no callable, no path.
  http::every("/jobs/reconcile", 60, [] {});
  server.getHandler("/hooks/orders", onOrder);
  server.addHandler("POST", "/hooks/none", nullptr);
  server.addHandler("POST", "hooks-without-slash", onOrder);
}
}  // namespace shop
)");
  EXPECT_EQ(sorted(describeRoutes(program)),
            sorted({"custom POST /hooks/orders -> svc.routes.shop.onOrder",
                    "custom PUT /hooks/refunds -> svc.routes.shop.Hooks.onRefund",
                    "custom POST /hooks/stock -> svc.routes.shop.install.<locals>.<lambda>",
                    "custom POST /hooks/ship -> svc.routes.shop.install.<locals>.<lambda>",
                    "custom POST /hooks/pay -> svc.routes.shop.install.<locals>.<lambda>",
                    "custom GET /health -> svc.routes.shop.install.<locals>.<lambda>"}))
      << scan.diagnosticText();
  for (const Route& r : program.routes) EXPECT_EQ(r.registeredOn, "svc.routes.shop.install.<locals>.server");
}

TEST(CppRoutes, CustomServerHandlersAreWebhooksWhenTheyReadTheBody) {
  CppScan scan;
  // The server's classes come from the project's header, as in a real service.
  Program& program = scan.analyze({{"include/shop/http.h", std::string("#pragma once\n") + kOwnServer},
                                   {"svc/bot.cpp", R"(#include "../include/shop/http.h"
namespace shop {
class Bot {
 public:
  void attach(http::Server& server) {
    server.addHandler("POST", "/bot/updates", [this](const http::Request& req, http::Response& res) { onUpdate(req, res); });
  }
  void onUpdate(const http::Request& req, http::Response& res) {
    if (req.header("X-Telegram-Bot-Api-Secret-Token") != secretToken_) { res.status = 403; return; }
    last_ = req.body;
  }
 private:
  std::string secretToken_;
  std::string last_;
};
}  // namespace shop
)"}});
  ASSERT_EQ(program.routes.size(), 1u) << scan.diagnosticText();
  Diagnostics diags;
  std::vector<std::string> rules;
  for (const Finding& f : runRules(program, Knowledge::builtin(), EngineConfig{}, diags)) rules.push_back(f.ruleId);
  EXPECT_NE(std::find(rules.begin(), rules.end(), "WH102"), rules.end()) << ::testing::PrintToString(rules);
  EXPECT_EQ(std::find(rules.begin(), rules.end(), "WH101"), rules.end()) << ::testing::PrintToString(rules);
}

TEST(CppRoutes, RequestLoopPairsEachMethodWithItsTarget) {
  CppScan scan;
  Program& program = scan.analyze("gw.cpp", R"(#include <boost/beast.hpp>
namespace http = boost::beast::http;
void serve(http::request<http::string_body>& req) {
  for (;;) {
    if (req.method() == http::verb::post && req.target() == "/hooks/inventory") {
      auto body = req.body();
    } else if (req.method() == http::verb::get && req.target() == "/healthz") {
    }
  }
}
void guarded(http::request<http::string_body>& req) {
  if (req.method() != http::verb::post || req.target() != "/hooks/shipping") return;
  auto body = req.body();
}
)");
  EXPECT_EQ(sorted(describeRoutes(program)), sorted({"beast POST /hooks/inventory -> gw.serve",
                                                     "beast GET /healthz -> gw.serve",
                                                     "beast POST /hooks/shipping -> gw.guarded"}));
}

TEST(CppRoutes, MethodTestInsideARegisteredHandlerIsNoSecondRoute) {
  CppScan scan;
  Program& program = scan.analyze("app.cpp", R"(#include <httplib.h>
int main() {
  httplib::Server svr;
  svr.Post("/hook", [](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST" && req.path == "/hook") res.status = 204;
  });
}
)");
  EXPECT_EQ(describeRoutes(program), std::vector<std::string>{"httplib POST /hook -> app.main.<locals>.<lambda>"});
}

TEST(CppRoutes, MethodNamesInEveryFrameworkSpelling) {
  HttpMethod m;
  ASSERT_TRUE(cpp::httpMethodFromName("POST", m));
  EXPECT_EQ(m, HttpMethod::Post);
  ASSERT_TRUE(cpp::httpMethodFromName("drogon::Put", m));
  EXPECT_EQ(m, HttpMethod::Put);
  ASSERT_TRUE(cpp::httpMethodFromName("boost::beast::http::verb::patch", m));
  EXPECT_EQ(m, HttpMethod::Patch);
  ASSERT_TRUE(cpp::httpMethodFromName("crow::HTTPMethod::Delete", m));
  EXPECT_EQ(m, HttpMethod::Delete);
  EXPECT_FALSE(cpp::httpMethodFromName("crow::HTTPMethod::Connect", m));
  EXPECT_FALSE(cpp::httpMethodFromName("", m));
}

}  // namespace
}  // namespace hg
