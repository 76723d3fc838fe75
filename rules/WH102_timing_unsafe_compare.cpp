// WH102 timing-unsafe-compare: a signature, MAC, digest or shared token compared with an
// operation whose running time depends on how many leading bytes match (`==`, `in`,
// `startswith`, `memcmp`, `strcmp`, `std::string::compare`). Which values are signatures comes
// from the value-role analysis (where a value came from, not what it is called); the finding
// is reported wherever the comparison lives, helpers included.
#include <set>

#include "engine/signature_checks.h"
#include "rules/auth_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class TimingUnsafeCompare final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH102"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<Span> reported;
    for (const UnsafeComparison& c : findUnsafeComparisons(ctx)) {
      const Function& fn = ctx.program.function(c.function);
      const Span& span = fn.expr(c.expr).span;
      if (!reported.insert(span).second) continue;
      Finding f;
      f.location = span;
      f.message = functionLabel(ctx, c.function) + " compares " +
                  describeValue(ctx.program, fn, c.lhs, c.lhsRoles) + " with " +
                  describeValue(ctx.program, fn, c.rhs, c.rhsRoles) + " using " + c.op +
                  ", which is not constant-time";
      f.help = fn.file < ctx.program.sources.size() && ctx.program.sources.get(fn.file).language == Language::Cpp
                   ? "compare the two values with CRYPTO_memcmp (or sodium_memcmp) after checking their lengths"
                   : "compare the two values with hmac.compare_digest(a, b)";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeTimingUnsafeCompare() { return std::make_unique<TimingUnsafeCompare>(); }

}  // namespace hg::rules
