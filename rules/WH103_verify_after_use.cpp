// WH103 verify-after-use: the handler parses or acts on the payload (parses it, passes it to a
// call, stores it, returns it) and only afterwards verifies the signature. Whatever ran first
// ran on unauthenticated data: a parser bug, a side effect, a log line of attacker content.
// Reading the raw bytes to feed the MAC is not a use. Handlers verified before they run (a
// decorator, a before_request hook) have nothing to report.
#include <set>

#include "engine/payload_uses.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class VerifyAfterUse final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH103"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<FunctionId> done;
    for (const WebhookHandler& w : ctx.webhooks().handlers()) {
      if (!done.insert(w.handler).second || ctx.guards().verifiedOnEntry(w.handler)) continue;
      std::vector<VerificationSite> sites = verificationSites(ctx, w.handler);
      if (sites.empty()) continue;
      const Function& fn = ctx.program.function(w.handler);
      for (const PayloadUse& use : payloadUses(ctx, w.handler)) {
        if (ctx.guards().isVerifiedAt(w.handler, use.block, use.stmt)) continue;
        if (!verificationReachableFrom(fn, sites, use.block, use.stmt)) continue;
        const VerificationSite* later = nullptr;
        for (const VerificationSite& s : sites) {
          if (!later || s.span < later->span) later = &s;
        }
        Finding f;
        f.location = use.span;
        f.message = handlerText(ctx.program.routes[w.route], fn.name) + " " + describeUse(use) +
                    " before verifying its signature";
        if (later) f.related.push_back({later->span, "signature verified here"});
        f.help = "verify the signature over the raw body first and reject the request on failure, then parse and "
                 "use the payload";
        out.push_back(std::move(f));
        break;  // the first use is the one to move after the check
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeVerifyAfterUse() { return std::make_unique<VerifyAfterUse>(); }

}  // namespace hg::rules
