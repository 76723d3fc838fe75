#include "engine/taint_findings.h"

#include <algorithm>

#include "core/message_text.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

std::string routeText(const Program& program, const Route& route) {
  std::string handler = route.handler < program.functionCount() ? program.function(route.handler).name : "?";
  return handlerText(route, handler);
}

}  // namespace

std::optional<FlowOwner> flowOwner(RuleContext& ctx, const SinkHit& hit, const std::function<bool(size_t)>& accept) {
  FunctionId start = hit.root != kNoFunction ? hit.root : hit.function;
  std::vector<size_t> routes = ctx.taint().routesReaching(start);
  FlowOwner owner;
  if (routes.empty()) {
    if (accept) return std::nullopt;
    owner.handler = start;
    owner.text = "function " + quotedName(start < ctx.program.functionCount() ? ctx.program.function(start).name : "?");
    return owner;
  }
  for (size_t r : routes) {
    if (accept && !accept(r)) continue;
    owner.route = r;
    owner.handler = ctx.program.routes[r].handler;
    owner.text = routeText(ctx.program, ctx.program.routes[r]);
    return owner;
  }
  return std::nullopt;
}

std::string flowSourceText(const Program& program, const SinkHit& hit) {
  // A parameter bound to request data by its declaration is named as the first step does.
  if (!hit.trace.steps.empty() && hit.trace.steps.front().span == hit.label.origin &&
      hit.trace.steps.front().message.find(" parameter ") != std::string::npos &&
      hit.trace.steps.front().message.find(" of ") != std::string::npos) {
    std::string m = hit.trace.steps.front().message;
    size_t of = m.find(" of ");
    return of == std::string::npos ? m : m.substr(0, of);
  }
  std::string text = spanText(program, hit.label.origin, 50);
  if (text.empty()) return "request data";
  // The origin is the whole object read from the request; the message names the part that
  // reaches the sink, unless the origin's own text already shows it (`data["u"]`).
  if (hit.kind == SinkKind::Ssrf && !hit.fieldKey.empty() && text.find(hit.fieldKey) == std::string::npos)
    return "the \"" + hit.fieldKey + "\" field of " + text;
  return text;
}

Finding flowFinding(RuleContext& ctx, const SinkHit& hit, const FlowOwner& owner, std::string message,
                    std::string help) {
  Finding f;
  f.message = std::move(message);
  f.help = std::move(help);
  f.location = hit.span;
  f.flow = hit.trace.steps;
  if (hit.label.origin.valid() && hit.label.origin != hit.span)
    f.related.push_back({hit.label.origin, "value read from the request here"});
  if (owner.route) {
    const Route& route = ctx.program.routes[*owner.route];
    if (route.declaration.valid()) f.related.push_back({route.declaration, "route declared here"});
  }
  return f;
}

}  // namespace hg
