// WH502 payload-object-reference: an identifier from a webhook's payload selects a database
// object (Model.query.get(x), filter_by(id=x), session.get(Model, x), get_object_or_404, a raw
// SQL parameter) and the same query is not scoped to the verified sender (no owner column —
// account, tenant, customer, installation, ... — compared with a value that does not come from
// the payload). The signature proves who sent the event, not that the object it names is theirs.
#include <set>

#include "engine/taint_findings.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class PayloadObjectReference final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH502"); }
  bool usesTaint() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const SinkHit& hit : ctx.taint().hits()) {
      if (hit.kind != SinkKind::DbLookup || !hit.label.isPayload() || reported.count(hit.span)) continue;
      std::optional<FlowOwner> owner =
          flowOwner(ctx, hit, [&](size_t r) { return ctx.webhooks().forRoute(r) != nullptr; });
      if (!owner) continue;
      reported.insert(hit.span);
      std::string what = hit.fieldKey.empty() ? "an identifier" : hit.fieldKey;
      out.push_back(flowFinding(ctx, hit, *owner,
                                owner->text + " looks up " + what + " from the payload with " + hit.sink +
                                    "() without scoping the query to the verified sender",
                                "add the sender's account to the query (filter_by(id=..., account_id=account.id)) "
                                "so an event cannot name another account's object"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makePayloadObjectReference() { return std::make_unique<PayloadObjectReference>(); }

}  // namespace hg::rules
