// Recognises a timestamp freshness check and evaluates its window.
//
// A comparison is read as a linear inequality over two unknowns, the current time (a
// `time_functions` call, through locals and conversions) and one other value, the timestamp:
// `time.time() - int(ts) > 300`, `ts < now - 60 * 5`, `abs(now - ts) > WINDOW`,
// `(datetime.utcnow() - sent).total_seconds() > 300`, `now - ts > timedelta(minutes=5)`,
// `int(time.time() * 1000) - ts_ms > 300000`. Normalised to `age = now - ts` against a
// threshold, a positive threshold rejects stale timestamps, a non-positive one rejects
// timestamps from the future, and `abs(...)` does both. Constants are folded
// (ConstantFolder); a window read from configuration stays unknown.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/constant_folding.h"

namespace hg {

struct FreshnessCheck {
  enum class Bound : uint8_t {
    TwoSided,  // abs(now - ts) against a window: stale and future timestamps both rejected
    Stale,     // rejects old timestamps only: the future is open
    Future,    // rejects timestamps ahead of the clock only
  };
  Bound bound = Bound::Stale;
  // Seconds: the maximum age for TwoSided/Stale, the tolerated clock skew for Future.
  // nullopt when the window is not a constant.
  std::optional<double> window;
  FunctionId function = kNoFunction;
  ExprId compare = kNoExpr;
  ExprId timestamp = kNoExpr;  // the operand holding the request's timestamp
  ExprId now = kNoExpr;        // the clock read
  Span span;                   // the comparison
};

class FreshnessChecks {
 public:
  FreshnessChecks(const Program& program, const Knowledge& knowledge, const ConstantFolder& constants);

  // The check a comparison performs, if it compares a value with the clock.
  std::optional<FreshnessCheck> classify(FunctionId fn, ExprId compare) const;
  // Every such comparison in a function (branch conditions, assignments, returns), in the
  // blocks `runs` accepts (all when it is empty).
  std::vector<FreshnessCheck> checksIn(FunctionId fn, const std::function<bool(BlockId)>& runs = {}) const;

  // Whether an expression reads the current time (through conversions and locals); returns
  // the seconds one unit of the value stands for (1 for time.time(), 1e-9 for time_ns), or 0.
  double clockScale(const Function& fn, ExprId expr, int depth = 0) const;

 private:
  struct Term {
    ExprId expr = kNoExpr;
    double coefficient = 0;
  };
  // value = nowCoefficient * now + sum(terms) + constant; `absolute` when wrapped in abs().
  struct Linear {
    bool ok = true;
    bool absolute = false;
    double now = 0;
    ExprId nowExpr = kNoExpr;
    double constant = 0;
    std::vector<Term> terms;
  };
  Linear linear(const Function& fn, ExprId expr, int depth) const;
  static Linear combine(const Linear& a, const Linear& b, double sign);
  static Linear scaled(Linear a, double factor);
  bool isWindowLike(const Function& fn, ExprId expr) const;
  bool isTransparentAccessor(const Function& fn, ExprId expr) const;

  const Program& program_;
  const Knowledge& knowledge_;
  const ConstantFolder& constants_;
};

}  // namespace hg
