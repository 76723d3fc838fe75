// From a taint hit to a finding: who the message names (the route and handler the flow belongs
// to), what it quotes (the request read the data came from), and the flow itself as SARIF
// codeFlow steps. Shared by the flow and payload rules so their findings read alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "engine/rule_context.h"
#include "engine/taint_analysis.h"

namespace hg {

// "GET /preview handler preview" for a route handler (or a function one calls), "function
// fetch" when no route reaches it.
struct FlowOwner {
  std::optional<size_t> route;  // index into Program::routes
  FunctionId handler = kNoFunction;
  std::string text;
};

// The owner of a hit: among the routes reaching the function where the flow starts, the first
// one for which `accept` holds (every route when null); nullopt when routes reach it but none
// is accepted.
std::optional<FlowOwner> flowOwner(RuleContext& ctx, const SinkHit& hit,
                                   const std::function<bool(size_t route)>& accept = nullptr);

// The request read a flow starts from, as written ("request.args.get('url')"), or "route
// parameter x".
std::string flowSourceText(const Program& program, const SinkHit& hit);

// A finding located at the sink, with the flow and the source and route as related locations.
Finding flowFinding(RuleContext& ctx, const SinkHit& hit, const FlowOwner& owner, std::string message,
                    std::string help);

}  // namespace hg
