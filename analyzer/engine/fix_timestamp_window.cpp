// WH203, one-sided window: `now - ts > W` -> `abs(now - ts) > W`, which bounds the age in
// both directions. Only when the comparison is the freshness check the rule saw, one side is
// the difference of the clock and the timestamp and the other holds neither, and the window
// is within the configured maximum (otherwise the finding would stay).
#include "engine/fix_generators.h"

#include "engine/constant_folding.h"
#include "engine/freshness_checks.h"

namespace hg::fixes {

std::optional<Fix> twoSidedWindowFix(const FixContext& ctx, const Finding& finding) {
  std::optional<Located> at = pythonExprAt(ctx.program, finding.location, ExprKind::Compare);
  if (!at) return std::nullopt;
  const SourceFile& file = *at->file;
  const Function& fn = *at->fn;
  const Expr& compare = at->node();
  if (compare.args.size() != 2) return std::nullopt;

  ConstantFolder constants(ctx.program, ctx.knowledge);
  FreshnessChecks checks(ctx.program, ctx.knowledge, constants);
  std::optional<FreshnessCheck> check = checks.classify(at->function, at->expr);
  if (!check || check->bound != FreshnessCheck::Bound::Stale) return std::nullopt;
  if (check->window && *check->window > ctx.config.maxTimestampWindowSeconds) return std::nullopt;
  if (check->now == kNoExpr || check->timestamp == kNoExpr) return std::nullopt;

  auto holdsBoth = [&](ExprId side) { return contains(fn, side, check->now) && contains(fn, side, check->timestamp); };
  auto holdsEither = [&](ExprId side) { return contains(fn, side, check->now) || contains(fn, side, check->timestamp); };
  ExprId age = kNoExpr;
  if (holdsBoth(compare.args[0]) && !holdsEither(compare.args[1])) age = compare.args[0];
  else if (holdsBoth(compare.args[1]) && !holdsEither(compare.args[0])) age = compare.args[1];
  if (age == kNoExpr) return std::nullopt;

  const FileId id = finding.location.file;
  ByteRange range = bytesOf(file, fn.expr(age).span);
  if (range.end <= range.begin) return std::nullopt;
  std::string replacement = "abs(" + std::string(file.text.substr(range.begin, range.end - range.begin)) + ")";
  Fix fix;
  fix.description = "compare abs(now - timestamp) with the window";
  fix.applicability = FixApplicability::Safe;
  fix.edits.push_back(edit(id, range, std::move(replacement)));
  return fix;
}

}  // namespace hg::fixes
