// Decides, for one route, conditions on the request's routing attributes
// (`request.path == "/health"`, `request.endpoint in ("a", "b")`, `request.method != "POST"`,
// `request.path.startswith("/webhooks/")`). A before_request hook that returns early for other
// paths still covers the routes its checks let through; evaluating those conditions per route
// tells which edges of the hook are feasible for it. The attributes are named by the
// `request_routing` knowledge category.
#pragma once

#include <optional>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg {

// The truth of `condition` when the request is served by `route`, or nullopt when it does
// not depend on routing alone (or cannot be decided from the route's declaration).
std::optional<bool> evaluateForRoute(const Program& program, const Knowledge& knowledge, const Function& fn,
                                     ExprId condition, const Route& route);

}  // namespace hg
