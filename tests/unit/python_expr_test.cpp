// Expression lowering in the Python front-end: literals decoded, f-strings split into parts,
// comparisons, calls with their argument names, and the other expression kinds.
#include <gtest/gtest.h>

#include "test_support.h"

namespace hg {
namespace {

// The value expression of `name = <expr>` in the module body.
ExprId assignedId(const Program& p, const std::string& name) {
  const Function& body = functionNamed(p, "m.<module>");
  for (const Block& b : body.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Assign || s.targets.empty()) continue;
      const Expr& t = body.exprs[s.targets[0]];
      if (t.kind == ExprKind::Name && t.text == name) return s.value;
    }
  }
  throw std::runtime_error("no assignment to " + name);
}

const Expr& assigned(const Program& p, const std::string& name, const Function** fnOut = nullptr) {
  const Function& body = functionNamed(p, "m.<module>");
  if (fnOut) *fnOut = &body;
  return body.exprs[assignedId(p, name)];
}

std::string rendered(const Program& p, const std::string& name) {
  return describeExpr(functionNamed(p, "m.<module>"), assignedId(p, name));
}

std::unique_ptr<Program> lowerOne(const std::string& source) { return lowerPythonSources({{"m.py", source}}); }

TEST(PythonExpr, StringLiteralsAreDecoded) {
  auto p = lowerOne(R"(a = "x\ty\x41\u00e9\101\\"
b = r"raw\n"
c = b"\xff\x00z"
d = "one" 'two' """three"""
e = u'caf\N{LATIN SMALL LETTER E WITH ACUTE}'
f = 'line\
continued'
g = B'\''
)");
  EXPECT_EQ(assigned(*p, "a").text, "x\tyA\xC3\xA9" "A\\");
  EXPECT_EQ(assigned(*p, "a").literal, LiteralKind::String);
  EXPECT_EQ(assigned(*p, "b").text, "raw\\n");
  EXPECT_EQ(assigned(*p, "c").literal, LiteralKind::Bytes);
  EXPECT_EQ(assigned(*p, "c").text, std::string("\xff\0z", 3));
  EXPECT_EQ(assigned(*p, "d").text, "onetwothree");
  EXPECT_EQ(assigned(*p, "e").text, "caf\\N{LATIN SMALL LETTER E WITH ACUTE}");
  EXPECT_EQ(assigned(*p, "f").text, "linecontinued");
  EXPECT_EQ(assigned(*p, "g").text, "'");
  EXPECT_EQ(assigned(*p, "g").literal, LiteralKind::Bytes);
}

TEST(PythonExpr, FormatStringsKeepConstantPartsAndInterpolations) {
  const Function* f = nullptr;
  auto p = lowerOne(R"(url = f"https://api.example.com/items/{item_id!r:>10}?q={{x}}&v={v}"
mixed = "pre-" f"{a}" "-post"
)");
  const Expr& url = assigned(*p, "url", &f);
  ASSERT_EQ(url.kind, ExprKind::FormatString);
  EXPECT_EQ(url.literalParts, (std::vector<std::string>{"https://api.example.com/items/", "?q={x}&v=", ""}));
  ASSERT_EQ(url.args.size(), 2u);
  EXPECT_EQ(f->exprs[url.args[0]].text, "item_id");
  EXPECT_EQ(f->exprs[url.args[1]].text, "v");
  const Expr& mixed = assigned(*p, "mixed", &f);
  ASSERT_EQ(mixed.kind, ExprKind::FormatString);
  EXPECT_EQ(mixed.literalParts, (std::vector<std::string>{"pre-", "-post"}));
}

TEST(PythonExpr, NumbersAndConstants) {
  auto p = lowerOne("a = 0x1F\nb = 1_000_000\nc = 0o17\nd = 0b101\ne = 1.5e3\nf = True\ng = None\nh = 99999999999999999999999\ni = 2j\n");
  EXPECT_EQ(assigned(*p, "a").text, "31");
  EXPECT_EQ(assigned(*p, "a").literal, LiteralKind::Integer);
  EXPECT_EQ(assigned(*p, "b").text, "1000000");
  EXPECT_EQ(assigned(*p, "c").text, "15");
  EXPECT_EQ(assigned(*p, "d").text, "5");
  EXPECT_EQ(assigned(*p, "e").literal, LiteralKind::Float);
  EXPECT_EQ(assigned(*p, "e").text, "1.5e3");
  EXPECT_EQ(assigned(*p, "f").literal, LiteralKind::True);
  EXPECT_EQ(assigned(*p, "g").literal, LiteralKind::NoneValue);
  EXPECT_EQ(assigned(*p, "h").text, "99999999999999999999999");
  EXPECT_EQ(assigned(*p, "i").literal, LiteralKind::Float);
}

TEST(PythonExpr, ComparisonChainsBecomeConjunctions) {
  const Function* f = nullptr;
  auto p = lowerOne("a = 0 < x <= 10\nb = k not in d\nc = s is not None\nd = x == y\n");
  EXPECT_EQ(rendered(*p, "a"), "((0 < x) and (x <= 10))");
  const Expr& a = assigned(*p, "a", &f);
  ASSERT_EQ(a.kind, ExprKind::BoolOp);
  EXPECT_EQ(a.text, "and");
  EXPECT_EQ(f->exprs[a.args[0]].kind, ExprKind::Compare);
  EXPECT_EQ(f->exprs[a.args[1]].text, "<=");
  EXPECT_EQ(assigned(*p, "b").text, "not in");
  EXPECT_EQ(assigned(*p, "c").text, "is not");
  EXPECT_EQ(assigned(*p, "d").kind, ExprKind::Compare);
  EXPECT_EQ(assigned(*p, "d").text, "==");
}

TEST(PythonExpr, CallsRecordArgumentNames) {
  const Function* f = nullptr;
  auto p = lowerOne("import requests\nr = requests.post(url, data, timeout=5, *args, **kwargs)\n");
  const Expr& call = assigned(*p, "r", &f);
  ASSERT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(call.qualified, "requests.post");
  EXPECT_EQ(call.argNames, (std::vector<std::string>{"", "", "timeout", "*", "**"}));
  ASSERT_EQ(call.args.size(), 6u);
  EXPECT_EQ(f->exprs[call.args[0]].qualified, "requests.post");
  EXPECT_EQ(f->exprs[call.args[3]].text, "5");
  EXPECT_EQ(f->exprs[call.args[4]].text, "args");
}

TEST(PythonExpr, OtherKinds) {
  const Function* f = nullptr;
  auto p = lowerOne(R"(a = x if c else y
b = [i for i in items if i]
c = {k: v for k, v in d.items()}
e = {"a": 1, **rest}
g = -x
h = (n := compute())
i = data["key"]
j = data[1:2]
k = lambda q: q
l = not x
m = a + b * c
o = x or y or z
)");
  EXPECT_EQ(assigned(*p, "a", &f).kind, ExprKind::Conditional);
  const Expr& b = assigned(*p, "b");
  EXPECT_EQ(b.kind, ExprKind::Comprehension);
  EXPECT_EQ(b.text, "list");
  EXPECT_EQ(b.args.size(), 3u);  // element, iterable, condition
  EXPECT_EQ(assigned(*p, "c").text, "dict");
  EXPECT_EQ(assigned(*p, "c").args.size(), 3u);  // key, value, iterable
  const Expr& e = assigned(*p, "e");
  EXPECT_EQ(e.kind, ExprKind::Container);
  EXPECT_EQ(e.text, "dict");
  EXPECT_EQ(e.args.size(), 4u);
  EXPECT_EQ(assigned(*p, "g").kind, ExprKind::UnaryOp);
  EXPECT_EQ(assigned(*p, "h").kind, ExprKind::Unknown);
  EXPECT_EQ(assigned(*p, "h").text, ":=");
  EXPECT_EQ(assigned(*p, "i").kind, ExprKind::Subscript);
  EXPECT_EQ(describeExpr(*f, assigned(*p, "i").args[1]), "'key'");
  EXPECT_EQ(f->exprs[assigned(*p, "j").args[1]].text, "slice");
  EXPECT_EQ(assigned(*p, "k").kind, ExprKind::Lambda);
  EXPECT_NE(assigned(*p, "k").function, kNoFunction);
  EXPECT_EQ(assigned(*p, "l").kind, ExprKind::Not);
  EXPECT_EQ(rendered(*p, "m"), "(a + (b * c))");
  const Expr& o = assigned(*p, "o");
  EXPECT_EQ(o.kind, ExprKind::BoolOp);
  EXPECT_EQ(o.args.size(), 3u);
}

TEST(PythonExpr, AwaitAndSpans) {
  auto p = lowerOne("async def f(request):\n    body = await request.body()\n");
  const Function& f = functionNamed(*p, "m.f");
  EXPECT_TRUE(f.isAsync);
  const Stmt& s = f.blocks[0].stmts.at(0);
  const Expr& value = f.exprs[s.value];
  EXPECT_EQ(value.kind, ExprKind::Await);
  EXPECT_EQ(value.span.line, 2u);
  EXPECT_EQ(value.span.column, 12u);
  EXPECT_EQ(value.span.endColumn, 32u);  // exclusive
  EXPECT_EQ(f.defSpan.line, 1u);
  EXPECT_EQ(f.defSpan.column, 1u);
  EXPECT_EQ(f.defSpan.endColumn, 21u);  // through the parameter list
}

TEST(PythonExpr, ColumnsCountCodePoints) {
  auto p = lowerOne("s = \"\xC3\xA9\xC3\xA9\"; t = x\n");
  const Function& body = functionNamed(*p, "m.<module>");
  const Stmt& second = body.blocks[0].stmts.at(1);
  EXPECT_EQ(body.exprs[second.value].span.column, 15u);  // each é is one column
}

}  // namespace
}  // namespace hg
