// Crow is not installed here: its header is missing, and the handler is still found from the
// route macro's names. The GitHub event is acted on without checking X-Hub-Signature-256.
#include "crow.h"

#include <string>

int main() {
  crow::SimpleApp app;  // expect: WH301
  CROW_ROUTE(app, "/github/events").methods("POST"_method)([](const crow::request& req) {  // expect: WH101, WH201
    auto event = crow::json::load(req.body);
    if (!event) return crow::response(400);
    std::string action = event["action"].s();  // expect: WH501
    return crow::response(202, action);
  });
  app.port(18080).run();
}
