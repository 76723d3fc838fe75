// WH503 payload-code-injection: request data reaches deserialisation or code execution —
// pickle/marshal loads, yaml.load without a safe loader, eval/exec, a shell command
// (os.system, subprocess with shell=True). Applies to every route. Nothing sanitizes these
// sinks: there is no safe way to unpickle or eval what a client sends.
#include <set>

#include "engine/taint_findings.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class PayloadCodeInjection final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH503"); }
  bool usesTaint() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const SinkHit& hit : ctx.taint().hits()) {
      if (hit.kind != SinkKind::Code || !hit.label.isSource() || reported.count(hit.span)) continue;
      std::optional<FlowOwner> owner = flowOwner(ctx, hit);
      if (!owner) continue;
      reported.insert(hit.span);
      std::string message = owner->text + " passes " + flowSourceText(ctx.program, hit) + " to " + hit.sink + "()";
      if (!hit.detail.empty()) message += " (" + hit.detail + ")";
      out.push_back(flowFinding(ctx, hit, *owner, std::move(message),
                                "parse the payload as data (json.loads, yaml.safe_load), never as code; pass "
                                "command arguments as a list without shell=True"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makePayloadCodeInjection() { return std::make_unique<PayloadCodeInjection>(); }

}  // namespace hg::rules
