// The control-flow graphs the Python front-end builds (the shapes core/ir.h promises).
#include <gtest/gtest.h>

#include "test_support.h"

namespace hg {
namespace {

// The block holding a statement whose rendering (describeStmt) is `text`.
BlockId blockWith(const Function& f, const std::string& text) {
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    for (const Stmt& s : f.blocks[b].stmts) {
      if (describeStmt(f, s) == text) return b;
    }
  }
  ADD_FAILURE() << "no statement `" << text << "` in\n" << describeCfg(f);
  return kNoBlock;
}

bool hasEdge(const Function& f, BlockId from, BlockId to, EdgeKind kind) {
  if (from >= f.blocks.size()) return false;
  for (const Edge& e : f.blocks[from].successors) {
    if (e.target == to && e.kind == kind) return true;
  }
  return false;
}

// Whether `to` can be reached from `from` following every edge kind.
bool reaches(const Function& f, BlockId from, BlockId to) {
  std::vector<bool> seen(f.blocks.size());
  std::vector<BlockId> stack{from};
  while (!stack.empty()) {
    BlockId b = stack.back();
    stack.pop_back();
    if (b == to) return true;
    if (b >= f.blocks.size() || seen[b]) continue;
    seen[b] = true;
    for (const Edge& e : f.blocks[b].successors) stack.push_back(e.target);
  }
  return false;
}

std::unique_ptr<Program> lowerOne(const std::string& source) { return lowerPythonSources({{"m.py", source}}); }

TEST(PythonCfg, EntryAndSingleExit) {
  auto p = lowerOne("def f():\n    a = 1\n    b = 2\n");
  const Function& f = functionNamed(*p, "m.f");
  ASSERT_GE(f.blocks.size(), 2u);
  EXPECT_EQ(describeStmt(f, f.blocks[0].stmts.at(0)), "assign a = 1");
  EXPECT_NE(f.exit, 0u);
  EXPECT_TRUE(f.blocks[f.exit].stmts.empty());
  EXPECT_TRUE(f.blocks[f.exit].successors.empty());
  EXPECT_TRUE(hasEdge(f, 0, f.exit, EdgeKind::Fallthrough));
}

TEST(PythonCfg, IfElseBranchesAndJoins) {
  auto p = lowerOne(R"(def f(x):
    if x > 1 and not x:
        a = 1
    elif x:
        a = 2
    else:
        a = 3
    done()
)");
  const Function& f = functionNamed(*p, "m.f");
  ASSERT_NE(f.blocks[0].condition, kNoExpr);
  // Short-circuit operators stay inside the condition.
  EXPECT_EQ(describeExpr(f, f.blocks[0].condition), "((x > 1) and (not x))");
  BlockId a1 = blockWith(f, "assign a = 1"), a2 = blockWith(f, "assign a = 2"), a3 = blockWith(f, "assign a = 3");
  BlockId done = blockWith(f, "eval done()");
  EXPECT_TRUE(hasEdge(f, 0, a1, EdgeKind::True));
  BlockId elif = kNoBlock;
  for (const Edge& e : f.blocks[0].successors) {
    if (e.kind == EdgeKind::False) elif = e.target;
  }
  ASSERT_NE(elif, kNoBlock);
  EXPECT_EQ(describeExpr(f, f.blocks[elif].condition), "x");
  EXPECT_TRUE(hasEdge(f, elif, a2, EdgeKind::True));
  EXPECT_TRUE(hasEdge(f, elif, a3, EdgeKind::False));
  for (BlockId b : {a1, a2, a3}) EXPECT_TRUE(hasEdge(f, b, done, EdgeKind::Fallthrough)) << describeCfg(f);
}

TEST(PythonCfg, EarlyReturnRaiseAndAbortEndTheirBlocks) {
  auto p = lowerOne(R"(from flask import abort, request
def f(sig):
    if not sig:
        return "missing", 400
    if sig == "x":
        raise ValueError("bad")
    if sig == "y":
        abort(401)
        unreachable()
    use(request.data)
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId ret = blockWith(f, "return ('missing', 400)");
  ASSERT_EQ(f.blocks[ret].successors.size(), 1u);
  EXPECT_TRUE(hasEdge(f, ret, f.exit, EdgeKind::Fallthrough));

  BlockId raise = blockWith(f, "raise ValueError('bad')");
  EXPECT_TRUE(f.blocks[raise].successors.empty());  // outside a try nothing catches it

  BlockId abortBlock = blockWith(f, "eval abort(401)");
  EXPECT_TRUE(f.blocks[abortBlock].successors.empty());
  EXPECT_EQ(f.blocks[abortBlock].stmts.size(), 1u);
  BlockId after = blockWith(f, "eval unreachable()");
  EXPECT_NE(after, abortBlock);
  EXPECT_FALSE(reaches(f, 0, after));

  BlockId use = blockWith(f, "eval use(request.data)");
  EXPECT_TRUE(reaches(f, 0, use));
  EXPECT_FALSE(reaches(f, ret, use));
  EXPECT_FALSE(reaches(f, abortBlock, use));
}

TEST(PythonCfg, HelperThatAlwaysAbortsEndsTheCallersBlock) {
  auto p = lowerPythonSources({{"pkg/checks.py", R"(from flask import abort
def reject(code):
    abort(code)

def maybe(code):
    if code:
        abort(code)
)"},
                               {"pkg/hooks.py", R"(from .checks import reject, maybe
def hook(ok):
    if not ok:
        reject(401)
    maybe(1)
    process()
)"}});
  const Function& f = functionNamed(*p, "pkg.hooks.hook");
  BlockId call = blockWith(f, "eval reject(401)");
  EXPECT_TRUE(f.blocks[call].successors.empty()) << describeCfg(f);
  BlockId maybe = blockWith(f, "eval maybe(1)");
  EXPECT_EQ(maybe, blockWith(f, "eval process()"));  // maybe() can return
}

TEST(PythonCfg, TryExceptGivesEachStatementExceptionEdges) {
  auto p = lowerOne(R"(import stripe
def f(payload, sig):
    try:
        event = stripe.Webhook.construct_event(payload, sig, "s")
        log(event)
    except (ValueError, stripe.error.SignatureVerificationError) as e:
        return "bad", 400
    except Exception:
        raise
    else:
        handled()
    finally:
        cleanup()
    return "ok"
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId construct = blockWith(f, "assign event = stripe.Webhook.construct_event(payload, sig, 's')");
  BlockId log = blockWith(f, "eval log(event)");
  EXPECT_NE(construct, log);
  std::vector<BlockId> handlers;
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    if (f.blocks[b].isHandler) handlers.push_back(b);
  }
  ASSERT_EQ(handlers.size(), 2u);
  EXPECT_EQ(f.blocks[handlers[0]].caughtTypes,
            (std::vector<std::string>{"ValueError", "stripe.error.SignatureVerificationError"}));
  EXPECT_EQ(f.blocks[handlers[1]].caughtTypes, (std::vector<std::string>{"Exception"}));
  for (BlockId b : {construct, log}) {
    for (BlockId h : handlers) EXPECT_TRUE(hasEdge(f, b, h, EdgeKind::Exception)) << describeCfg(f);
  }
  EXPECT_EQ(describeStmt(f, f.blocks[handlers[0]].stmts.at(0)), "assign e = caught<>");
  BlockId reraise = blockWith(f, "raise");
  EXPECT_TRUE(f.blocks[reraise].successors.empty());
  BlockId handled = blockWith(f, "eval handled()");
  for (BlockId h : handlers) EXPECT_FALSE(hasEdge(f, handled, h, EdgeKind::Exception));  // else is outside the try
  BlockId cleanup = blockWith(f, "eval cleanup()");
  EXPECT_TRUE(reaches(f, handled, cleanup));
  EXPECT_FALSE(reaches(f, handlers[0], cleanup));  // that handler returns
}

TEST(PythonCfg, NestedTryReachesOuterHandlersUnlessCaughtByAll) {
  auto p = lowerOne(R"(def f():
    try:
        try:
            a()
        except KeyError:
            b()
    except ValueError:
        c()
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId a = blockWith(f, "eval a()");
  BlockId b = blockWith(f, "eval b()");
  BlockId c = blockWith(f, "eval c()");
  EXPECT_TRUE(hasEdge(f, a, b, EdgeKind::Exception));
  EXPECT_TRUE(hasEdge(f, a, c, EdgeKind::Exception));  // a ValueError passes the inner handler
  EXPECT_TRUE(hasEdge(f, b, c, EdgeKind::Exception));  // the inner handler is in the outer try
}

TEST(PythonCfg, WhileLoopWithBreakAndContinue) {
  auto p = lowerOne(R"(def f(items):
    while items:
        x = items.pop()
        if x:
            break
        continue
    after()
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId body = blockWith(f, "assign x = items.pop()");
  BlockId after = blockWith(f, "eval after()");
  EXPECT_TRUE(f.blocks[body].inLoop);
  EXPECT_FALSE(f.blocks[after].inLoop);
  BlockId header = kNoBlock;
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    if (hasEdge(f, b, body, EdgeKind::True)) header = b;
  }
  ASSERT_NE(header, kNoBlock);
  EXPECT_EQ(describeExpr(f, f.blocks[header].condition), "items");
  EXPECT_TRUE(hasEdge(f, header, after, EdgeKind::False));
  int backEdges = 0;
  for (const Block& b : f.blocks) {
    for (const Edge& e : b.successors) backEdges += e.kind == EdgeKind::LoopBack && e.target == header;
  }
  EXPECT_GE(backEdges, 1);
  EXPECT_TRUE(reaches(f, body, after));
}

TEST(PythonCfg, WhileTrueLeavesOnlyThroughBreak) {
  auto p = lowerOne("def f():\n    while True:\n        work()\n    after()\n");
  const Function& f = functionNamed(*p, "m.f");
  EXPECT_FALSE(reaches(f, 0, blockWith(f, "eval after()")));
  EXPECT_FALSE(reaches(f, 0, f.exit));
}

TEST(PythonCfg, ForLoopAssignsTheTargetFromIter) {
  auto p = lowerOne(R"(def f(request):
    for item in request.json["items"]:
        handle(item)
    else:
        none()
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId body = blockWith(f, "assign item = iter<request.json['items']>");
  EXPECT_TRUE(f.blocks[body].inLoop);
  EXPECT_EQ(body, blockWith(f, "eval handle(item)"));
  BlockId elseBlock = blockWith(f, "eval none()");
  EXPECT_FALSE(f.blocks[elseBlock].inLoop);
  BlockId header = kNoBlock;
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    if (hasEdge(f, b, body, EdgeKind::True)) header = b;
  }
  ASSERT_NE(header, kNoBlock);
  EXPECT_TRUE(hasEdge(f, header, elseBlock, EdgeKind::False));
  EXPECT_TRUE(reaches(f, body, header));
}

TEST(PythonCfg, AssertWithAndMatch) {
  auto p = lowerOne(R"(def f(ok, kind):
    assert ok, "signature"
    with open("x") as fh, lock:
        data = fh.read()
    match kind:
        case "a":
            a()
        case other if other:
            b()
        case _:
            c()
)");
  const Function& f = functionNamed(*p, "m.f");
  BlockId raise = blockWith(f, "raise AssertionError('signature')");
  EXPECT_TRUE(f.blocks[raise].successors.empty());
  EXPECT_TRUE(hasEdge(f, 0, raise, EdgeKind::False));
  EXPECT_EQ(describeExpr(f, f.blocks[0].condition), "ok");
  BlockId with = blockWith(f, "assign fh = open('x')");
  EXPECT_EQ(with, blockWith(f, "eval lock"));
  EXPECT_EQ(with, blockWith(f, "assign data = fh.read()"));
  BlockId a = blockWith(f, "eval a()"), b = blockWith(f, "eval b()"), c = blockWith(f, "eval c()");
  EXPECT_TRUE(reaches(f, with, a));
  EXPECT_TRUE(reaches(f, with, b));
  EXPECT_TRUE(reaches(f, with, c));
  EXPECT_FALSE(reaches(f, a, b));
}

TEST(PythonCfg, NestedDefinitionsLambdasAndDecorators) {
  auto p = lowerOne(R"(import functools
def require_sig(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)
    return wrapper

class Handler:
    LIMIT = 10
    def post(self):
        return sorted([], key=lambda x: x.id)
)");
  const Function& outer = functionNamed(*p, "m.require_sig");
  const Function& wrapper = functionNamed(*p, "m.require_sig.<locals>.wrapper");
  EXPECT_EQ(wrapper.parent, outer.id);
  ASSERT_EQ(wrapper.decorators.size(), 1u);
  EXPECT_EQ(describeExpr(wrapper, wrapper.decorators[0]), "functools.wraps(view)");
  EXPECT_EQ(wrapper.exprs[wrapper.decorators[0]].qualified, "functools.wraps");
  ASSERT_EQ(wrapper.params.size(), 2u);
  EXPECT_TRUE(wrapper.params[0].isVariadic);
  EXPECT_TRUE(wrapper.params[1].isKeywordVariadic);

  BlockId def = blockWith(outer, "assign wrapper = wrapper");
  const Stmt& assign = outer.blocks[def].stmts.at(0);
  EXPECT_EQ(outer.exprs[assign.value].function, wrapper.id);
  // `return wrapper` reads the local bound to the nested function.
  BlockId ret = blockWith(outer, "return wrapper");
  EXPECT_EQ(outer.exprs[outer.blocks[ret].stmts.at(0).value].function, wrapper.id);

  const Function& post = functionNamed(*p, "m.Handler.post");
  EXPECT_EQ(post.classQualified, "m.Handler");
  const Function& lambda = functionNamed(*p, "m.Handler.post.<locals>.<lambda>");
  EXPECT_EQ(lambda.parent, post.id);
  EXPECT_EQ(describeStmt(lambda, lambda.blocks[0].stmts.at(0)), "return x.id");
  const ClassDef* cls = p->findClass("m.Handler");
  ASSERT_NE(cls, nullptr);
  ASSERT_EQ(cls->methods.size(), 1u);
  EXPECT_EQ(cls->methods[0], post.id);
  EXPECT_EQ(describeStmt(p->function(cls->body), p->function(cls->body).blocks[0].stmts.at(0)), "assign LIMIT = 10");
}

TEST(PythonCfg, ModuleBodyAndImportStatements) {
  auto p = lowerPythonSources({{"pkg/mod.py", "import os\nfrom . import sibling\nX = os.environ.get('X')\n"}});
  const Module* m = p->findModule("pkg.mod");
  ASSERT_NE(m, nullptr);
  const Function& body = p->function(m->body);
  EXPECT_EQ(body.name, "<module>");
  EXPECT_EQ(body.qualified, "pkg.mod.<module>");
  EXPECT_EQ(describeStmt(body, body.blocks[0].stmts.at(0)), "import os");
  EXPECT_EQ(describeStmt(body, body.blocks[0].stmts.at(2)), "assign X = os.environ.get('X')");
  EXPECT_EQ(m->functions.size(), 1u);
}

}  // namespace
}  // namespace hg
