// WH201 missing-replay-protection: a webhook handler accepts a request without either
// checking a timestamp's freshness or de-duplicating a delivery / event / nonce id, anywhere
// in the code that runs for its route (helpers in other modules, decorators, before_request
// hooks). A verifier that enforces a tolerance itself (Stripe, Svix, Slack's SDK) counts.
#include "core/message_text.h"
#include "engine/replay_protection.h"
#include "engine/rule_context.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class MissingReplayProtection final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH201"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    ReplayAnalysis& replay = ctx.replay();
    for (const WebhookHandler& w : ctx.webhooks().handlers()) {
      const ReplayProtection& p = replay.forRoute(w.route);
      if (p.protects()) continue;
      const Route& route = ctx.program.routes[w.route];
      const Function& fn = ctx.program.function(w.handler);

      Finding f;
      f.message = handlerText(route, fn.name) +
                  " has no timestamp freshness check or delivery id de-duplication";
      if (!p.timestampHeaderReads.empty()) {
        f.message += ": it reads " + p.timestampHeaderReads.front().header +
                     " but never compares it with the current time";
        f.related.push_back({p.timestampHeaderReads.front().span, "timestamp read here"});
      } else if (!p.deliveryHeaderReads.empty()) {
        f.message += ": it reads " + p.deliveryHeaderReads.front().header +
                     " but never looks it up among deliveries already processed";
        f.related.push_back({p.deliveryHeaderReads.front().span, "delivery id read here"});
      }
      f.location = fn.defSpan.valid() ? fn.defSpan : fn.span;
      if (route.declaration.valid()) f.related.insert(f.related.begin(), {route.declaration, "route declared here"});
      f.help = "reject requests whose signed timestamp is older than a few minutes "
               "(abs(time.time() - int(ts)) > 300), or record each delivery id and reject ids already seen";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeMissingReplayProtection() { return std::make_unique<MissingReplayProtection>(); }

}  // namespace hg::rules
