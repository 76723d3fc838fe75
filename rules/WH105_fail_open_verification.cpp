// WH105 fail-open-verification: a verification exists but a request can get past it: the
// check is skipped when the signature header or the secret is missing, its result is ignored
// or only logged, a failed check's branch carries on, its exception is swallowed, or the
// "verifier" is a stub that never compares anything. The shapes are found on the guard flow
// (engine/fail_open.h); this file words them.
#include <set>

#include "engine/fail_open.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

std::string describe(const RuleContext& ctx, const FailOpenCheck& c) {
  std::string where = functionLabel(ctx, c.function);
  const std::string& s = c.subject;
  switch (c.kind) {
    case FailOpenCheck::Kind::SkippedWhenHeaderMissing:
      return where + " skips signature verification when `" + s + "` is missing, so a request without the header "
             "is accepted";
    case FailOpenCheck::Kind::SkippedWhenSecretMissing:
      return where + " verifies the signature only when the secret `" + s + "` is set, so without it every "
             "request is accepted";
    case FailOpenCheck::Kind::SkippedWhenMacMissing:
      return where + " verifies the signature only when `" + s + "` is set, but it is None when no secret is "
             "configured, so without the secret every request is accepted";
    case FailOpenCheck::Kind::ResultIgnored:
      return where + " calls " + s + " but ignores its result";
    case FailOpenCheck::Kind::ResultOnlyLogged:
      return where + " only logs the result of " + s + " and does not reject the request";
    case FailOpenCheck::Kind::FailureContinues:
      return where + " does not reject the request when the check `" + s + "` fails";
    case FailOpenCheck::Kind::ExceptionSwallowed:
      return where + " catches the exception raised by " + s + " and continues without rejecting the request";
    case FailOpenCheck::Kind::StubVerifier:
      return "function " + quotedName(s) + " is called as a signature verifier but never compares anything, so it accepts "
             "every request";
  }
  return where + " can skip signature verification";
}

class FailOpenVerification final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH105"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const FailOpenCheck& c : findFailOpenChecks(ctx)) {
      if (!reported.insert(c.location).second) continue;
      Finding f;
      f.location = c.location;
      f.message = describe(ctx, c);
      if (c.related.valid()) {
        f.related.push_back({c.related, c.kind == FailOpenCheck::Kind::StubVerifier ? "called as a verifier here"
                                                                                     : "reached without verification here"});
      }
      f.help = "reject the request (abort(401) or raise) whenever the signature is missing, the secret is unset or "
               "the check fails";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeFailOpenVerification() { return std::make_unique<FailOpenVerification>(); }

}  // namespace hg::rules
