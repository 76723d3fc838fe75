// WH403 outbound-request-without-timeout: while handling a request (in any route's handler, a
// decorator or hook covering it, or any function they call) an outbound request is made with no
// timeout. A hung upstream holds a worker whatever the route is, so every route counts.
// Which calls take a timeout, and how it is passed, is data (knowledge "outbound_timeouts":
// `timeout_kw`, `timeout_arg`). `timeout=None` is no timeout; `**options` may carry one and is
// not reported.
#include "core/message_text.h"
#include "engine/expr_walk.h"
#include "engine/route_scope.h"
#include "engine/rule_context.h"
#include "engine/taint_catalog.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

bool passesTimeout(const Function& fn, ExprId call, const nlohmann::json& attrs) {
  const Expr& e = fn.expr(call);
  for (const std::string& name : e.argNames) {
    if (name == "**") return true;
  }
  std::string keyword = attrs.value("timeout_kw", std::string("timeout"));
  size_t position = attrs.contains("timeout_arg") && attrs["timeout_arg"].is_number_integer()
                        ? attrs["timeout_arg"].get<size_t>()
                        : SIZE_MAX;
  ExprId timeout = callArgument(fn, call, position, keyword);
  if (timeout == kNoExpr) return false;
  const Expr& t = fn.expr(timeout);
  return !(t.kind == ExprKind::Literal && t.literal == LiteralKind::NoneValue);
}

class OutboundRequestWithoutTimeout final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH403"); }
  bool splitsByFunction() const override { return true; }

  // A call that serves several routes gives one finding per route; the engine keeps one per
  // location, the same one whichever part of the program each route was judged in.
  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    RouteScopes& scopes = ctx.scopes();
    const TaintCatalog& catalog = ctx.taintCatalog();
    for (size_t r = 0; r < ctx.program.routes.size(); ++r) {
      const Route& route = ctx.program.routes[r];
      if (route.handler >= ctx.program.functionCount() || !ctx.owns(route.handler)) continue;
      const std::string owner = handlerText(route, ctx.program.function(route.handler).name);
      const RouteScope& scope = scopes.scope(r);
      for (FunctionId id : scope.functions) {
        const Function& fn = ctx.program.function(id);
        for (BlockId b = 0; b < fn.blocks.size(); ++b) {
          if (!scope.blockRuns(id, b)) continue;
          const Block& block = fn.blocks[b];
          std::vector<ExprId> roots;
          for (const Stmt& s : block.stmts) {
            for (ExprId r : stmtRoots(s)) roots.push_back(r);
          }
          if (block.condition != kNoExpr) roots.push_back(block.condition);
          for (ExprId root : roots) {
            for (ExprId call : callsIn(fn, root)) {
              CatalogMatch m = catalog.matchCall("outbound_timeouts", fn, call);
              if (!m || passesTimeout(fn, call, m.attributes())) continue;
              const Span& at = fn.expr(call).span;
              ExprId callee = calleeOf(fn, call);
              std::string name = spanText(ctx.program, callee == kNoExpr ? at : fn.expr(callee).span, 40);
              Finding f;
              f.message = owner + " calls " + name + "() without a timeout";
              if (id != route.handler) f.message += " (in " + quotedName(fn.name) + ")";
              f.location = at;
              if (route.declaration.valid()) f.related.push_back({route.declaration, "route declared here"});
              f.help = "pass timeout= (for example timeout=10) so a slow or hanging server cannot hold the "
                       "worker that serves the request";
              out.push_back(std::move(f));
            }
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeOutboundRequestWithoutTimeout() { return std::make_unique<OutboundRequestWithoutTimeout>(); }

}  // namespace hg::rules
