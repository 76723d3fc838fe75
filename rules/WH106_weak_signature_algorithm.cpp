// WH106 weak-signature-algorithm: the webhook MAC uses MD5 or SHA-1, or the "signature" is a
// plain hash over the secret and the request (`sha256(secret + body)`), which an attacker can
// extend without knowing the secret (length extension) and which no provider specifies.
#include <set>

#include "engine/signature_checks.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class WeakSignatureAlgorithm final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH106"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const WeakSignature& w : findWeakSignatures(ctx)) {
      const Function& fn = ctx.program.function(w.function);
      const Span& span = fn.expr(w.call).span;
      if (!reported.insert(span).second) continue;
      std::string call = calleeName(fn, w.call);
      std::string algorithm = w.algorithm.empty() ? "a hash" : w.algorithm;
      Finding f;
      f.location = span;
      if (w.kind == WeakSignature::Kind::WeakDigest) {
        f.message = functionLabel(ctx, w.function) + " computes the signature mac with " + algorithm + " (" + call +
                    "), a broken hash for signatures";
        f.help = "use HMAC-SHA256: hmac.new(key, body, hashlib.sha256)";
      } else {
        f.message = functionLabel(ctx, w.function) + " signs with a plain " + algorithm + " hash of the secret and "
                    "the request (" + call + ") instead of an hmac, which allows length extension";
        f.help = "compute hmac.new(secret, body, hashlib.sha256) instead of hashing the secret with the body";
      }
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeWeakSignatureAlgorithm() { return std::make_unique<WeakSignatureAlgorithm>(); }

}  // namespace hg::rules
