// The constant folder: literals as both languages write them, arithmetic, locals, module and
// class constants across modules and base classes, durations and their accessors.
#include <cmath>

#include "engine/constant_folding.h"
#include "engine_fixture.h"

namespace hg::testing {
namespace {

class ConstantFoldingTest : public EngineFixture {
 protected:
  // The value of the statement on the line containing `text` in `qualified`.
  ConstantValue foldAt(const std::string& qualified, const std::string& text) {
    auto [b, s] = stmtAt(qualified, text);
    if (b == kNoBlock) return {};
    const Function& f = function(qualified);
    ConstantFolder folder(program(), knowledge_);
    return folder.fold(f, f.blocks[b].stmts[s].value);
  }
  std::optional<double> secondsAt(const std::string& qualified, const std::string& text) {
    return foldAt(qualified, text).asSeconds();
  }
};

TEST(NumberLiteral, PythonAndCppSpellings) {
  EXPECT_EQ(parseNumberLiteral("300")->first, 300);
  EXPECT_EQ(parseNumberLiteral("10_000")->first, 10000);
  EXPECT_EQ(parseNumberLiteral("10'000")->first, 10000);
  EXPECT_EQ(parseNumberLiteral("0x1F")->first, 31);
  EXPECT_EQ(parseNumberLiteral("0o17")->first, 15);
  EXPECT_EQ(parseNumberLiteral("0b101")->first, 5);
  EXPECT_EQ(parseNumberLiteral("1024ULL")->first, 1024);
  EXPECT_EQ(parseNumberLiteral("017")->first, 15);  // C++ octal
  EXPECT_DOUBLE_EQ(parseNumberLiteral("1e6")->first, 1e6);
  EXPECT_DOUBLE_EQ(parseNumberLiteral("2.5f")->first, 2.5);
  EXPECT_TRUE(parseNumberLiteral("300")->second);
  EXPECT_FALSE(parseNumberLiteral("2.5")->second);
  EXPECT_FALSE(parseNumberLiteral("abc").has_value());
  EXPECT_FALSE(parseNumberLiteral("0x").has_value());
  EXPECT_FALSE(parseNumberLiteral("").has_value());
}

TEST_F(ConstantFoldingTest, Arithmetic) {
  load(R"(
def f():
    a = 60 * 5
    b = 16 << 20
    c = 2 ** 10 + 1
    d = 7 // 2
    e = -(3 - 10)
    g = 10 / 4
    h = 1 / 0
    i = 2 ** 100000
    j = 86400 if True else 60
    k = "ab" + "cd"
    n = None
)");
  EXPECT_EQ(secondsAt("app.hooks.f", "a = "), 300);
  EXPECT_EQ(secondsAt("app.hooks.f", "b = "), 16 * 1024 * 1024);
  EXPECT_EQ(secondsAt("app.hooks.f", "c = "), 1025);
  EXPECT_EQ(secondsAt("app.hooks.f", "d = "), 3);
  EXPECT_EQ(secondsAt("app.hooks.f", "e = "), 7);
  EXPECT_EQ(secondsAt("app.hooks.f", "g = "), 2.5);
  EXPECT_FALSE(foldAt("app.hooks.f", "h = ").known());
  EXPECT_FALSE(foldAt("app.hooks.f", "i = ").known());
  EXPECT_EQ(secondsAt("app.hooks.f", "j = "), 86400);
  EXPECT_EQ(foldAt("app.hooks.f", "k = ").text, "abcd");
  EXPECT_EQ(foldAt("app.hooks.f", "n = ").kind, ConstantValue::Kind::None);
}

TEST_F(ConstantFoldingTest, LocalsModuleConstantsAndReassignment) {
  load(R"(
import os
MINUTE = 60
WINDOW = 5 * MINUTE
FROM_ENV = int(os.environ.get("WINDOW", "300"))
def f():
    limit = WINDOW * 2
    twice = 1
    twice = 2
    x = limit
    y = twice
    z = FROM_ENV
)");
  EXPECT_EQ(secondsAt("app.hooks.f", "x = "), 600);
  EXPECT_FALSE(foldAt("app.hooks.f", "y = ").known()) << "a local assigned two values has no constant value";
  EXPECT_FALSE(foldAt("app.hooks.f", "z = ").known()) << "a value from the environment is not constant";
}

TEST_F(ConstantFoldingTest, ConstantsAcrossModulesAndClasses) {
  load({{"pkg/__init__.py", ""},
        {"pkg/settings.py", "TOLERANCE = 60 * 15\nclass Base:\n    MAX_BODY = 4 * 1024 * 1024\n"
                            "class Prod(Base):\n    DEBUG = False\n"},
        {"pkg/hooks.py", "from pkg.settings import TOLERANCE, Prod\nfrom pkg import settings\n"
                         "class Handler:\n    WINDOW = TOLERANCE + 60\n"
                         "    def post(self):\n        w = self.WINDOW\n        return w\n"
                         "def f():\n    a = TOLERANCE\n    b = Prod.MAX_BODY\n    c = settings.TOLERANCE\n"}});
  EXPECT_EQ(secondsAt("pkg.hooks.f", "a = "), 900);
  EXPECT_EQ(secondsAt("pkg.hooks.f", "b = "), 4 * 1024 * 1024) << "inherited from a base class";
  EXPECT_EQ(secondsAt("pkg.hooks.f", "c = "), 900);
  EXPECT_EQ(secondsAt("pkg.hooks.Handler.post", "w = "), 960);

  ConstantFolder folder(program(), knowledge_);
  EXPECT_EQ(folder.foldQualified("pkg.settings.Prod.MAX_BODY").asNumber(), 4 * 1024 * 1024);
  auto def = folder.findDefinition("pkg.settings.Prod.MAX_BODY");
  ASSERT_TRUE(def.has_value());
  EXPECT_EQ(def->statement.line, 3u) << "located at the base class's assignment";
}

TEST_F(ConstantFoldingTest, DurationsAndAccessors) {
  load(R"(
from datetime import timedelta
def f():
    a = timedelta(minutes=5)
    b = timedelta(1)
    c = timedelta(hours=1, seconds=30).total_seconds()
    d = timedelta(minutes=2) * 3
    e = timedelta(days=1) / timedelta(hours=1)
    g = timedelta(minutes=x)
)");
  ConstantValue a = foldAt("app.hooks.f", "a = ");
  EXPECT_EQ(a.kind, ConstantValue::Kind::Duration);
  EXPECT_EQ(a.asSeconds(), 300);
  EXPECT_EQ(secondsAt("app.hooks.f", "b = "), 86400) << "the first positional argument is days";
  ConstantValue c = foldAt("app.hooks.f", "c = ");
  EXPECT_EQ(c.kind, ConstantValue::Kind::Number);
  EXPECT_EQ(c.asNumber(), 3630);
  EXPECT_EQ(secondsAt("app.hooks.f", "d = "), 360);
  EXPECT_EQ(foldAt("app.hooks.f", "e = ").asNumber(), 24);
  EXPECT_FALSE(foldAt("app.hooks.f", "g = ").known());
}

// The C++ front-end names std::chrono types by their qualified C++ names; the folder reads
// them through the same knowledge.
TEST(ConstantFoldingIr, ChronoDurationsAndCount) {
  Program program;
  Knowledge knowledge = Knowledge::builtin();
  Function f;
  f.name = "handler";
  f.qualified = "handler";
  auto add = [&](Expr e) { return f.addExpr(std::move(e)); };
  Expr callee;
  callee.kind = ExprKind::Name;
  callee.text = "minutes";
  callee.qualified = "std::chrono::minutes";
  ExprId calleeId = add(callee);
  Expr five;
  five.kind = ExprKind::Literal;
  five.literal = LiteralKind::Integer;
  five.text = "5";
  ExprId fiveId = add(five);
  Expr call;
  call.kind = ExprKind::Call;
  call.args = {calleeId, fiveId};
  call.argNames = {""};
  call.qualified = "std::chrono::minutes";
  ExprId callId = add(call);
  Expr count;
  count.kind = ExprKind::Attribute;
  count.text = "count";
  count.args = {callId};
  ExprId countAttr = add(count);
  Expr countCall;
  countCall.kind = ExprKind::Call;
  countCall.args = {countAttr};
  ExprId countCallId = add(countCall);
  FunctionId id = program.addFunction(std::move(f));
  program.buildIndexes();

  ConstantFolder folder(program, knowledge);
  EXPECT_EQ(folder.fold(id, callId).asSeconds(), 300);
  EXPECT_EQ(folder.fold(id, countCallId).asNumber(), 5) << "count() is in the duration's own units";
  EXPECT_FALSE(folder.fold(id, kNoExpr).known());
  EXPECT_FALSE(folder.fold(kNoFunction, callId).known());
}

TEST_F(ConstantFoldingTest, CyclesAndDeepChainsTerminate) {
  std::string source = "A0 = B0\nB0 = A0\n";
  for (int i = 1; i < 200; ++i) source += "C" + std::to_string(i) + " = C" + std::to_string(i - 1) + " + 1\n";
  source += "C0 = 1\ndef f():\n    a = A0\n    c = C199\n";
  load(source);
  EXPECT_FALSE(foldAt("app.hooks.f", "a = ").known());
  EXPECT_FALSE(foldAt("app.hooks.f", "c = ").known()) << "chains deeper than the limit stay unknown";
}

}  // namespace
}  // namespace hg::testing
