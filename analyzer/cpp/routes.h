// Route and application discovery for C++ files, on the lowered model (no Clang here): the
// calls that register handlers are knowledge (`route_registrations`, `route_method_tests`,
// `applications` in rules/knowledge/cpp.json), matched by qualified name, so a registration
// reads the same whether its framework's headers were found or its names were synthesized.
//
//   cpp-httplib  svr.Post("/hook", handler)                   a registration call
//   Crow         CROW_ROUTE(app, "/hook").methods(...)(handler) a registration, then a chain
//   Drogon       app().registerHandler("/hook", handler, {Post}); controller METHOD_LIST
//                macros (registerMethod / registerSelf__ calls in initPathRouting)
//   Beast        a function testing req.method() == http::verb::post (a method test), with
//                the req.target() tested alongside it as the path
//   own servers  server.addHandler("POST", "/hook", handler) and the like: any call taking
//                one path, an HTTP method and a function (framework "custom")
#pragma once

#include <vector>

#include "core/ir.h"
#include "core/knowledge.h"
#include "core/program.h"

namespace hg::cpp {

struct FileRoutes {
  std::vector<Route> routes;              // FunctionIds are positions in `functions`
  std::vector<Application> applications;  // likewise
};

FileRoutes discoverRoutes(const std::vector<Function>& functions, const Module& module, const Knowledge& knowledge);

// "post" / "POST" / "Post" / "drogon::Post" / "http::verb::post" -> Post; false when the text
// names no HTTP method.
bool httpMethodFromName(std::string_view text, HttpMethod& out);

}  // namespace hg::cpp
