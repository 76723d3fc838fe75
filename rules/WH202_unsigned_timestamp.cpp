// WH202 unsigned-timestamp: the timestamp a freshness check compares with the clock is not
// one of the inputs of the MAC the route computes, so an attacker who captured one request
// can send its body and signature again with a fresh timestamp. Reported at the read of the
// timestamp (the header or payload field it comes from).
#include <set>

#include "core/message_text.h"
#include "engine/expr_walk.h"
#include "engine/replay_protection.h"
#include "engine/rule_context.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class UnsignedTimestamp final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH202"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    ReplayAnalysis& replay = ctx.replay();
    for (const WebhookHandler& w : ctx.webhooks().handlers()) {
      const ReplayProtection& p = replay.forRoute(w.route);
      if (p.macInputs.empty()) continue;
      const Route& route = ctx.program.routes[w.route];
      const Function& fn = ctx.program.function(w.handler);
      std::set<Span> reported;
      for (const TimestampCheck& t : p.freshness) {
        if (replay.timestampSigned(p, t)) continue;
        const ValueOrigin* read = t.read();
        if (!read || !reported.insert(read->span).second) continue;
        std::string what = !read->headerName.empty() ? "the " + read->headerName + " header"
                                                      : spanText(ctx.program, read->span);
        Finding f;
        f.message = handlerText(route, fn.name) + " checks the freshness of " + what +
                    ", which is not part of the signed message";
        f.location = read->span;
        f.related.push_back({t.check.span, "compared with the current time here"});
        const MacInput& mac = p.macInputs.front();
        f.related.push_back({ctx.program.function(mac.function).expr(mac.call).span, "MAC computed here without it"});
        if (route.declaration.valid()) f.related.push_back({route.declaration, "route declared here"});
        f.help = "include the timestamp in the signed message (for example f\"{timestamp}.{body}\") so that a "
                 "replayed body cannot be paired with a new timestamp";
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeUnsignedTimestamp() { return std::make_unique<UnsignedTimestamp>(); }

}  // namespace hg::rules
