// WH501 unvalidated-payload: a webhook handler reads payload fields (data["x"], data.get("x"))
// with no schema validation on the path to the read. Validation is a call to a schema validator
// (jsonschema, pydantic, marshmallow, voluptuous, cerberus, typed converters) that raises on
// failure or whose result is used instead of the raw payload, or a bool check guarding the
// read; a provider SDK's parsed event (Stripe's construct_event) counts as validated. A field
// that only feeds the verification (Mailgun's signed timestamp and token) is no use of the
// payload. One finding per handler, at the first unvalidated field read (the handler's own
// first, else one in a function it calls).
#include <map>
#include <utility>
#include <tuple>

#include "engine/taint_findings.h"
#include "engine/verification_material.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class UnvalidatedPayload final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH501"); }
  bool usesTaint() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::map<size_t, const SinkHit*> firstRead;  // webhook route -> its first unvalidated read
    std::map<std::pair<FunctionId, ExprId>, bool> verifies;
    auto onlyVerifies = [&](const SinkHit& h) {
      auto [it, fresh] = verifies.try_emplace({h.function, h.expr}, false);
      if (fresh) it->second = onlyVerifiesRequest(ctx, h.function, h.expr);
      return it->second;
    };
    auto rank = [&](size_t route, const SinkHit& h) {
      return std::make_tuple(h.function == ctx.program.routes[route].handler ? 0 : 1, h.span);
    };
    for (const SinkHit& hit : ctx.taint().hits()) {
      if (hit.kind != SinkKind::FieldRead || !hit.label.isPayload()) continue;
      for (size_t r : ctx.taint().routesReaching(hit.root)) {
        if (!ctx.webhooks().forRoute(r)) continue;
        auto it = firstRead.find(r);
        if (it != firstRead.end() && !(rank(r, hit) < rank(r, *it->second))) continue;
        if (onlyVerifies(hit)) continue;
        firstRead[r] = &hit;
      }
    }
    for (const auto& entry : firstRead) {
      // Named, not a structured binding: Clang 14 cannot capture bindings in a lambda.
      const size_t route = entry.first;
      const auto* hit = entry.second;
      std::optional<FlowOwner> owner = flowOwner(ctx, *hit, [&](size_t r) { return r == route; });
      if (!owner) continue;
      Finding f = flowFinding(ctx, *hit, *owner,
                              owner->text + " reads payload field " + hit->sink +
                                  " without validating the payload against a schema",
                              "validate the parsed payload first (jsonschema.validate, a pydantic model's "
                              "model_validate, a marshmallow schema's load) and read fields from the result");
      f.flow.clear();  // a field read, not a flow to a sink
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeUnvalidatedPayload() { return std::make_unique<UnvalidatedPayload>(); }

}  // namespace hg::rules
