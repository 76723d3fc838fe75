// WH401 ssrf-unvalidated-url: request data reaches the URL or host of an outbound request with
// no host validation guarding it (full SSRF), or the path of a URL whose scheme and host are
// fixed (partial SSRF, one level below the rule's). Applies to every route of any method (and to any
// function reading the request). The flow comes from the taint analysis: sources, propagation, sanitizers (host
// allowlists, IP-range checks, validating helpers) and fixed-origin URLs are decided there.
#include <set>

#include "engine/taint_findings.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class SsrfUnvalidatedUrl final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH401"); }
  bool usesTaint() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    // Full flows first: where one sink has both, the host the client picks is what matters.
    for (SinkKind kind : {SinkKind::Ssrf, SinkKind::PartialSsrf}) {
      for (const SinkHit& hit : ctx.taint().hits()) {
        if (hit.kind != kind || !hit.label.isSource() || reported.count(hit.span)) continue;
        std::optional<FlowOwner> owner = flowOwner(ctx, hit);
        if (!owner) continue;
        reported.insert(hit.span);
        out.push_back(kind == SinkKind::Ssrf ? fullFinding(ctx, hit, *owner) : partialFinding(ctx, hit, *owner));
      }
    }
  }

 private:
  static Finding fullFinding(RuleContext& ctx, const SinkHit& hit, const FlowOwner& owner) {
    std::string message = owner.text + " passes " + flowSourceText(ctx.program, hit) + " to " + hit.sink +
                          "() without validating the host";
    return flowFinding(ctx, hit, owner, std::move(message),
                       "parse the URL and check its hostname against an allowlist "
                       "(urlparse(url).hostname in ALLOWED_HOSTS) or reject private addresses before "
                       "fetching; or build the URL from a fixed origin");
  }

  // Partial SSRF: the server is fixed, the endpoint on it is not. Less severe than a free host,
  // so it is reported one level below the rule's (a warning by default).
  static Finding partialFinding(RuleContext& ctx, const SinkHit& hit, const FlowOwner& owner) {
    std::string message = owner.text + " puts " + flowSourceText(ctx.program, hit) + " into the path of the URL of " +
                          hit.sink + "() (partial SSRF: the host is fixed, the endpoint is not)";
    Finding f = flowFinding(ctx, hit, owner, std::move(message),
                            "pass the value as a query parameter (params=...), convert it (int(...)), or "
                            "quote it with urllib.parse.quote(value, safe=\"\") and reject \"..\" so it cannot "
                            "reach another endpoint");
    f.belowRuleLevel = true;
    return f;
  }
};

}  // namespace

std::unique_ptr<Rule> makeSsrfUnvalidatedUrl() { return std::make_unique<SsrfUnvalidatedUrl>(); }

}  // namespace hg::rules
