// WH107 hardcoded-webhook-secret: a string or bytes literal is the key of a MAC or of a
// provider verifier, directly or through constants, `.encode()`, helpers and their
// parameters. The finding is at the literal's assignment, where the fix goes. Values read from
// the environment, configuration or files are never literals, even with a literal default.
#include <set>

#include "engine/signature_checks.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class HardcodedWebhookSecret final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH107"); }

  bool splitsByFunction() const override { return true; }

  // A literal used as the key by several functions gives one finding per use; the engine keeps
  // one per location, the same one whichever part of the program each use was found in.
  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const HardcodedKey& k : findHardcodedKeys(ctx)) {
      const Function& fn = ctx.program.function(k.function);
      std::string use = k.api == "==" || k.api == "!=" ? "compared with a signature header" : "the key of " + k.api;
      Finding f;
      f.location = k.literal.location;
      if (k.literal.name.empty()) {
        f.message = "a hard-coded string literal is " + use + " in " + functionLabel(ctx, k.function);
      } else {
        f.message = "webhook secret " + k.literal.name + " is hard-coded in the source and is " + use + " in " +
                    functionLabel(ctx, k.function);
      }
      f.related.push_back({fn.expr(k.call).span, "used as a secret here"});
      f.help = "load the secret at run time (os.environ[\"WEBHOOK_SECRET\"], a secrets manager) and rotate the "
               "leaked value";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeHardcodedWebhookSecret() { return std::make_unique<HardcodedWebhookSecret>(); }

}  // namespace hg::rules
