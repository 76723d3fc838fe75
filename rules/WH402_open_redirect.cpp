// WH402 open-redirect: request data becomes a redirect target (redirect(...), a Location
// header) without host validation. Applies to every route. A target that keeps the site's own
// path ("/account/" + x) or a fixed origin does not fire.
#include <set>

#include "engine/taint_findings.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class OpenRedirect final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH402"); }
  bool usesTaint() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const SinkHit& hit : ctx.taint().hits()) {
      if (hit.kind != SinkKind::Redirect || !hit.label.isSource() || reported.count(hit.span)) continue;
      std::optional<FlowOwner> owner = flowOwner(ctx, hit);
      if (!owner) continue;
      reported.insert(hit.span);
      std::string source = flowSourceText(ctx.program, hit);
      std::string message = hit.detail.empty()
                                ? owner->text + " redirects to " + source + " through " + hit.sink +
                                      "() without validating the target"
                                : owner->text + " sets the Location header from " + source +
                                      " without validating the target";
      out.push_back(flowFinding(ctx, hit, *owner, std::move(message),
                                "redirect only to a path of this site or to an allowlisted host "
                                "(url_has_allowed_host_and_scheme, urlparse(url).hostname in ALLOWED_HOSTS); "
                                "otherwise redirect to a fixed page"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeOpenRedirect() { return std::make_unique<OpenRedirect>(); }

}  // namespace hg::rules
