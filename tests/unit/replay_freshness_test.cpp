// Freshness checks: which comparisons compare a value with the clock, which side they bound,
// and the window after constant folding.
#include "engine/expr_walk.h"
#include "engine/freshness_checks.h"
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class FreshnessTest : public EngineFixture {
 protected:
  void loadBody(const std::string& body) {
    load("import os, time\n"
         "from datetime import datetime, timedelta, timezone\n"
         "from flask import request, abort\n"
         "WINDOW = 24 * 60 * 60\n"
         "TOLERANCE = int(os.environ.get('TOLERANCE', '300'))\n"
         "ALLOWED_DRIFT = timedelta(days=1)\n"
         "def f(ts, ts_ms, sent, config_window, count):\n" +
         body);
  }

  // The freshness check of the first comparison on the line containing `text`.
  std::optional<FreshnessCheck> checkAt(const std::string& text) {
    const Function& f = function("app.hooks.f");
    const SourceFile& file = program().sources.get(f.file);
    ConstantFolder folder(program(), knowledge_);
    FreshnessChecks checks(program(), knowledge_, folder);
    std::optional<FreshnessCheck> found;
    bool sawCompare = false;
    auto scan = [&](ExprId root) {
      walkExpr(f, root, [&](ExprId id) {
        const Expr& e = f.expr(id);
        if (!sawCompare && e.kind == ExprKind::Compare && file.line(e.span.line).find(text) != std::string_view::npos) {
          sawCompare = true;
          found = checks.classify(f.id, id);
        }
        return true;
      });
    };
    for (const Block& b : f.blocks) {
      for (const Stmt& s : b.stmts) {
        for (ExprId r : stmtRoots(s)) scan(r);
      }
      if (b.condition != kNoExpr) scan(b.condition);
    }
    EXPECT_TRUE(sawCompare) << "no comparison on a line containing " << text << "\n" << cfg("app.hooks.f");
    return found;
  }
};

using Bound = FreshnessCheck::Bound;

TEST_F(FreshnessTest, AbsoluteDifferenceIsTwoSided) {
  loadBody("    if abs(time.time() - int(ts)) > 300:\n        abort(400)\n");
  auto c = checkAt("abs(time.time()");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->bound, Bound::TwoSided);
  EXPECT_EQ(c->window, 300);
}

TEST_F(FreshnessTest, OneSidedAgeBoundsInEitherSpelling) {
  loadBody("    if time.time() - int(ts) > 60 * 5:\n        abort(400)\n"
           "    if int(ts) < time.time() - 120:\n        abort(400)\n"
           "    if time.time() - int(ts) <= 45:\n        pass\n");
  auto a = checkAt("time.time() - int(ts) > 60");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->bound, Bound::Stale);
  EXPECT_EQ(a->window, 300);
  auto b = checkAt("int(ts) < time.time() - 120");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->bound, Bound::Stale);
  EXPECT_EQ(b->window, 120);
  auto c = checkAt("<= 45");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->bound, Bound::Stale) << "the accepting form bounds the same side";
  EXPECT_EQ(c->window, 45);
}

TEST_F(FreshnessTest, FutureBound) {
  loadBody("    if int(ts) > time.time() + 30:\n        abort(400)\n");
  auto c = checkAt("time.time() + 30");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->bound, Bound::Future);
  EXPECT_EQ(c->window, 30);
}

TEST_F(FreshnessTest, ThroughLocalsAndModuleConstants) {
  loadBody("    now = time.time()\n    age = now - float(ts)\n    if age > WINDOW:\n        abort(400)\n");
  auto c = checkAt("age > WINDOW");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->bound, Bound::Stale);
  EXPECT_EQ(c->window, 86400);
}

TEST_F(FreshnessTest, DatetimeDurations) {
  loadBody("    if datetime.utcnow() - sent > timedelta(minutes=10):\n        abort(400)\n"
           "    if (datetime.utcnow() - sent).total_seconds() > 600:\n        abort(400)\n"
           "    sent_at = datetime.fromtimestamp(int(ts), tz=timezone.utc)\n"
           "    if abs(datetime.now(timezone.utc) - sent_at) > ALLOWED_DRIFT:\n        abort(400)\n");
  auto a = checkAt("timedelta(minutes=10)");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->bound, Bound::Stale);
  EXPECT_EQ(a->window, 600);
  auto b = checkAt("total_seconds");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->window, 600);
  auto c = checkAt("ALLOWED_DRIFT");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->bound, Bound::TwoSided);
  EXPECT_EQ(c->window, 86400);
}

TEST_F(FreshnessTest, UnitsFromScaling) {
  loadBody("    if int(time.time() * 1000) - int(ts_ms) > 300000:\n        abort(400)\n"
           "    if (time.time() - int(ts)) / 60 > 5:\n        abort(400)\n"
           "    if time.time_ns() - int(ts) > 10:\n        abort(400)\n");
  auto a = checkAt("300000");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->window, 300) << "a millisecond clock compared with milliseconds";
  auto b = checkAt("/ 60 > 5");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->window, 300);
  auto c = checkAt("time_ns");
  ASSERT_TRUE(c.has_value());
  EXPECT_NEAR(*c->window, 1e10, 1) << "time_ns counts nanoseconds";
}

TEST_F(FreshnessTest, UnknownWindows) {
  loadBody("    if abs(time.time() - int(ts)) > TOLERANCE:\n        abort(400)\n"
           "    if time.time() - int(ts) > config_window:\n        abort(400)\n");
  auto a = checkAt("TOLERANCE");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->bound, Bound::TwoSided);
  EXPECT_FALSE(a->window.has_value()) << "a window from the environment is not judged";
  auto b = checkAt("config_window");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->bound, Bound::Stale);
  EXPECT_FALSE(b->window.has_value());
}

TEST_F(FreshnessTest, NotFreshnessChecks) {
  loadBody("    start = time.time()\n"
           "    if time.time() - start > 5:\n        pass\n"
           "    if count > 5:\n        pass\n"
           "    if time.time() > 5:\n        pass\n"
           "    if ts - sent > 5:\n        pass\n");
  EXPECT_FALSE(checkAt("- start > 5").has_value()) << "the clock against the clock";
  EXPECT_FALSE(checkAt("count > 5").has_value());
  EXPECT_FALSE(checkAt("time.time() > 5").has_value()) << "the clock against a constant";
  EXPECT_FALSE(checkAt("ts - sent").has_value()) << "no clock";
}

}  // namespace
}  // namespace hg::testing
