// WH104 signature-over-parsed-body: the MAC (or a provider SDK's verifier) is fed the parsed
// body or a re-serialisation of it (`json.dumps(request.json)`, `str(request.get_json())`,
// `urlencode(request.form)`) instead of the bytes the sender signed. Key order, whitespace and
// number formatting differ after a round trip, so genuine requests fail and the check gets
// "fixed" by weakening it; worse, what is verified is no longer what was received.
#include <set>

#include "engine/signature_checks.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class SignatureOverParsedBody final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH104"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const SignedMessage& m : findMacsOverParsedBody(ctx)) {
      const Function& fn = ctx.program.function(m.function);
      const Span& span = fn.expr(m.call).span;
      if (!reported.insert(span).second) continue;
      std::string message = "`" + spanText(ctx.program, fn.expr(m.message).span, 50) + "`";
      std::string kind = m.roles.has(ValueRole::Reencoded) ? "a re-encoding of the parsed body" : "the parsed body";
      bool sdk = !ctx.valueRoles().isMacCall(fn, m.call) && !ctx.valueRoles().isHashCall(fn, m.call) && m.api != "update";
      Finding f;
      f.location = span;
      if (sdk) {
        f.message = functionLabel(ctx, m.function) + " passes " + message + " (" + kind + ") to " + m.api +
                    " instead of the raw request bytes";
      } else {
        f.message = functionLabel(ctx, m.function) + " computes the mac over " + message + " (" + kind +
                    ") instead of the raw request bytes";
      }
      f.related.push_back({fn.expr(m.message).span, "signed message built here"});
      f.help = "sign and verify the body exactly as received: request.get_data() (Flask), await request.body() "
               "(FastAPI), request.body (Django)";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeSignatureOverParsedBody() { return std::make_unique<SignatureOverParsedBody>(); }

}  // namespace hg::rules
