// WH401 ssrf-unvalidated-url: request data reaches the URL or host of an outbound request with
// no host validation guarding it. Applies to every route (and to any function reading the
// request). The flow comes from the taint analysis: sources, propagation, sanitizers (host
// allowlists, IP-range checks, validating helpers) and fixed-origin URLs are decided there.
#include <set>

#include "engine/taint_findings.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class SsrfUnvalidatedUrl final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH401"); }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const SinkHit& hit : ctx.taint().hits()) {
      if (hit.kind != SinkKind::Ssrf || !hit.label.isSource() || reported.count(hit.span)) continue;
      std::optional<FlowOwner> owner = flowOwner(ctx, hit);
      if (!owner) continue;
      reported.insert(hit.span);
      std::string message = owner->text + " passes " + flowSourceText(ctx.program, hit) + " to " + hit.sink +
                            "() without validating the host";
      out.push_back(flowFinding(ctx, hit, *owner, std::move(message),
                                "parse the URL and check its hostname against an allowlist "
                                "(urlparse(url).hostname in ALLOWED_HOSTS) or reject private addresses before "
                                "fetching; or build the URL from a fixed origin"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeSsrfUnvalidatedUrl() { return std::make_unique<SsrfUnvalidatedUrl>(); }

}  // namespace hg::rules
