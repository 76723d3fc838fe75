// WH203 weak-timestamp-window: a freshness check that lets replays through anyway, because it
// only bounds the age from one side (`now - ts < 300` accepts any timestamp from the future,
// which stays "fresh" for as long as the attacker likes) or because its window, after
// constant folding, is longer than EngineConfig::maxTimestampWindowSeconds.
#include <set>
#include <vector>

#include "core/message_text.h"
#include "engine/expr_walk.h"
#include "engine/replay_protection.h"
#include "engine/rule_context.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

class WeakTimestampWindow final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH203"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    ReplayAnalysis& replay = ctx.replay();
    const double maxWindow = ctx.config.maxTimestampWindowSeconds;
    for (const WebhookHandler& w : ctx.webhooks().handlers()) {
      const ReplayProtection& p = replay.forRoute(w.route);
      bool twoSided = false, stale = false, future = false;
      for (const TimestampCheck& t : p.freshness) {
        twoSided = twoSided || t.check.bound == FreshnessCheck::Bound::TwoSided;
        stale = stale || t.check.bound == FreshnessCheck::Bound::Stale;
        future = future || t.check.bound == FreshnessCheck::Bound::Future;
      }
      const Route& route = ctx.program.routes[w.route];
      const Function& fn = ctx.program.function(w.handler);
      std::set<Span> reported;
      for (const TimestampCheck& t : p.freshness) {
        const FreshnessCheck& c = t.check;
        std::vector<std::string> problems;
        if (c.bound == FreshnessCheck::Bound::Stale && !twoSided && !future)
          problems.push_back("accepts timestamps from the future (no abs() or lower bound)");
        if (c.bound == FreshnessCheck::Bound::Future && !twoSided && !stale)
          problems.push_back("only rejects timestamps from the future, so old ones are accepted");
        if (c.window && *c.window > maxWindow) {
          problems.push_back(c.bound == FreshnessCheck::Bound::Future
                                 ? "tolerates timestamps up to " + durationText(*c.window) + " ahead"
                                 : "allows a window of " + durationText(*c.window));
          problems.back() += ", more than the " + durationText(maxWindow) + " allowed";
        }
        if (problems.empty() || !reported.insert(c.span).second) continue;
        Finding f;
        f.message = handlerText(route, fn.name) + " checks the request timestamp with " +
                    spanText(ctx.program, c.span) + ", which " + joined(problems);
        f.location = c.span;
        if (const ValueOrigin* read = t.read()) f.related.push_back({read->span, "timestamp read here"});
        if (route.declaration.valid()) f.related.push_back({route.declaration, "route declared here"});
        f.help = "reject the request when abs(now - timestamp) exceeds " + durationText(std::min(maxWindow, 300.0)) +
                 ", which bounds both stale and future timestamps";
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeWeakTimestampWindow() { return std::make_unique<WeakTimestampWindow>(); }

}  // namespace hg::rules
