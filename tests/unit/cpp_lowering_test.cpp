// Lowering of C++ handler bodies: the CFG shapes (branches, early returns, throw, loops,
// try/catch), the qualified names the knowledge files use, and source spans.
#include <gtest/gtest.h>

#include <algorithm>

#include "cpp_fixture.h"

namespace hg {
namespace {

using testing::CppScan;
using testing::exprsNamed;

constexpr const char* kHandler = R"(#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

static std::string compute(const std::string& body) {
  unsigned char mac[32];
  unsigned int len = 0;
  HMAC(EVP_sha256(), "k", 1, reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &len);
  return std::string(reinterpret_cast<char*>(mac), len);
}

void handler(const httplib::Request& req, httplib::Response& res) {
  std::string sig = req.get_header_value("X-Signature");
  std::string mac = compute(req.body);
  if (sig != mac) {
    res.status = 401;
    return;
  }
  if (CRYPTO_memcmp(sig.data(), mac.data(), mac.size()) != 0) throw std::runtime_error("bad signature");
  if (std::memcmp(sig.data(), mac.data(), 4) == 0 || std::strcmp(sig.c_str(), "x") == 0) res.status = 202;
  if (sig.compare(mac) == 0) res.status = 203;
  auto event = nlohmann::json::parse(req.body);
  std::string url = event["callback"].get<std::string>();
  std::string full = "https://" + url + "/hook";
  for (int i = 0; i < 3; ++i) {
    if (i == 1) continue;
  }
  try {
    res.set_content(full, "text/plain");
  } catch (const std::exception& e) {
    res.status = 500;
  }
}

int main() {
  httplib::Server svr;
  svr.Post("/webhook", handler);
  svr.Put("/webhook/early", [](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_header("X-Signature")) return res.status = 401;
    return res.status = 200;
  });
}
)";

const Block* blockWithCondition(const Function& fn, ExprKind kind, const std::string& text) {
  for (const Block& b : fn.blocks) {
    if (b.condition != kNoExpr && fn.expr(b.condition).kind == kind && fn.expr(b.condition).text == text) return &b;
  }
  return nullptr;
}

const Edge* edgeOf(const Block& b, EdgeKind kind) {
  for (const Edge& e : b.successors) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

// 1-based line and code-point column of the first occurrence of `needle` in `text`.
std::pair<uint32_t, uint32_t> positionOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

class CppLowering : public ::testing::Test {
 protected:
  void SetUp() override { program_ = &scan_.analyze("hooks/github.cpp", kHandler); }
  const Function& handler() { return functionNamed(*program_, "hooks.github.handler"); }
  CppScan scan_;
  Program* program_ = nullptr;
};

TEST_F(CppLowering, ModuleAndFunctions) {
  ASSERT_EQ(program_->modules.size(), 1u);
  const Module& m = program_->modules[0];
  EXPECT_EQ(m.name, "hooks.github");
  EXPECT_EQ(m.language, Language::Cpp);
  EXPECT_EQ(program_->function(m.body).name, "<module>");
  const Function& h = handler();
  EXPECT_EQ(h.name, "handler");
  ASSERT_EQ(h.params.size(), 2u);
  EXPECT_EQ(h.params[0].name, "req");
  EXPECT_EQ(h.params[0].annotation, "httplib::Request");
  EXPECT_EQ(h.defSpan.line, 15u);
  EXPECT_EQ(h.span.endLine, 36u);
  EXPECT_EQ(scan_.diagnosticText().find("error"), std::string::npos) << scan_.diagnosticText();
}

TEST_F(CppLowering, RequestReadsAndMacsAreNamed) {
  const Function& h = handler();
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "httplib::Request().get_header_value").size(), 1u) << describeCfg(h);
  EXPECT_EQ(exprsNamed(h, ExprKind::Attribute, "httplib::Request().body").size(), 2u) << describeCfg(h);
  const Function& compute = functionNamed(*program_, "hooks.github.compute");
  EXPECT_EQ(exprsNamed(compute, ExprKind::Call, "HMAC").size(), 1u) << describeCfg(compute);
  EXPECT_EQ(exprsNamed(compute, ExprKind::Call, "EVP_sha256").size(), 1u);
  // A call to a function of the file points at it.
  std::vector<ExprId> calls = exprsNamed(h, ExprKind::Call, "hooks.github.compute");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(h.expr(calls[0]).function, compute.id);
  // A local initialised from an API value carries that value's name, and its binding.
  for (const Block& b : h.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Assign || h.expr(s.targets[0]).text != "sig") continue;
      EXPECT_EQ(h.expr(s.targets[0]).qualified, "httplib::Request().get_header_value()");
      EXPECT_EQ(h.expr(s.targets[0]).binding, "hooks.github.handler.<locals>.sig");
    }
  }
}

TEST_F(CppLowering, ComparisonsKeepTheirNature) {
  const Function& h = handler();
  // std::string's operator!= is a comparison, like Python's !=.
  const Block* unequal = blockWithCondition(h, ExprKind::Compare, "!=");
  ASSERT_NE(unequal, nullptr) << describeCfg(h);
  EXPECT_EQ(describeExpr(h, unequal->condition), "(sig != mac)");
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "CRYPTO_memcmp").size(), 1u);
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "memcmp").size(), 1u) << describeCfg(h);
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "strcmp").size(), 1u);
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "std::string().compare").size(), 1u) << describeCfg(h);
  const Block* either = blockWithCondition(h, ExprKind::BoolOp, "or");
  ASSERT_NE(either, nullptr);
  EXPECT_EQ(h.expr(either->condition).args.size(), 2u);
}

TEST_F(CppLowering, JsonFieldsAndConcatenation) {
  const Function& h = handler();
  EXPECT_EQ(exprsNamed(h, ExprKind::Call, "nlohmann::basic_json::parse").size(), 1u) << describeCfg(h);
  std::vector<ExprId> get = exprsNamed(h, ExprKind::Call, "nlohmann::basic_json().get");
  ASSERT_EQ(get.size(), 1u) << describeCfg(h);
  EXPECT_EQ(describeExpr(h, get[0]), "event['callback'].get()");
  bool concatenation = false;
  for (const Expr& e : h.exprs) concatenation = concatenation || (e.kind == ExprKind::BinaryOp && e.text == "+");
  EXPECT_TRUE(concatenation);
}

TEST_F(CppLowering, EarlyReturnAndThrowShapeTheGraph) {
  const Function& h = handler();
  const Block* unequal = blockWithCondition(h, ExprKind::Compare, "!=");
  ASSERT_NE(unequal, nullptr);
  const Edge* taken = edgeOf(*unequal, EdgeKind::True);
  ASSERT_NE(taken, nullptr);
  ASSERT_NE(edgeOf(*unequal, EdgeKind::False), nullptr);
  const Block& reject = h.blocks[taken->target];
  ASSERT_EQ(reject.stmts.size(), 2u) << describeCfg(h);
  EXPECT_EQ(describeStmt(h, reject.stmts[0]), "assign res.status = 401");
  EXPECT_EQ(h.expr(reject.stmts[0].targets[0]).qualified, "httplib::Response().status");
  EXPECT_EQ(reject.stmts[1].kind, StmtKind::Return);
  ASSERT_EQ(reject.successors.size(), 1u);
  EXPECT_EQ(reject.successors[0].target, h.exit);

  bool raised = false;
  for (const Block& b : h.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Raise) continue;
      raised = true;
      EXPECT_EQ(describeExpr(h, s.value), "std::runtime_error('bad signature')");
      EXPECT_TRUE(b.successors.empty()) << "a throw outside a try leaves the function";
    }
  }
  EXPECT_TRUE(raised) << describeCfg(h);
}

TEST_F(CppLowering, ReturnOfAnAssignedStatusIsAnEarlyExit) {
  const Route* early = nullptr;
  for (const Route& r : program_->routes) {
    if (r.path == "/webhook/early") early = &r;
  }
  ASSERT_NE(early, nullptr);
  const Function& fn = program_->function(early->handler);
  const Block* test = blockWithCondition(fn, ExprKind::Not, "");
  ASSERT_NE(test, nullptr) << describeCfg(fn);
  const Block& reject = fn.blocks[edgeOf(*test, EdgeKind::True)->target];
  ASSERT_EQ(reject.stmts.size(), 2u) << describeCfg(fn);
  EXPECT_EQ(describeStmt(fn, reject.stmts[0]), "assign res.status = 401");
  EXPECT_EQ(describeStmt(fn, reject.stmts[1]), "return 401");
}

TEST_F(CppLowering, LoopsAndHandlers) {
  const Function& h = handler();
  bool loopBack = false, inLoop = false;
  for (const Block& b : h.blocks) {
    inLoop = inLoop || b.inLoop;
    for (const Edge& e : b.successors) loopBack = loopBack || e.kind == EdgeKind::LoopBack;
  }
  EXPECT_TRUE(loopBack) << describeCfg(h);
  EXPECT_TRUE(inLoop);
  BlockId handlerBlock = kNoBlock;
  for (BlockId b = 0; b < h.blocks.size(); ++b) {
    if (h.blocks[b].isHandler) handlerBlock = b;
  }
  ASSERT_NE(handlerBlock, kNoBlock) << describeCfg(h);
  EXPECT_EQ(h.blocks[handlerBlock].caughtTypes, std::vector<std::string>{"std::exception"});
  bool reaches = false;
  for (const Block& b : h.blocks) {
    for (const Edge& e : b.successors) reaches = reaches || (e.kind == EdgeKind::Exception && e.target == handlerBlock);
  }
  EXPECT_TRUE(reaches) << describeCfg(h);
}

TEST_F(CppLowering, SpansArePreciseAndEndExclusive) {
  const Function& h = handler();
  std::vector<ExprId> reads = exprsNamed(h, ExprKind::Call, "httplib::Request().get_header_value");
  ASSERT_EQ(reads.size(), 1u);
  const Span& s = h.expr(reads[0]).span;
  auto [line, column] = positionOf(kHandler, "req.get_header_value(");
  EXPECT_EQ(s.line, line);
  EXPECT_EQ(s.column, column);
  EXPECT_EQ(s.endLine, line);
  EXPECT_EQ(s.endColumn, column + std::string("req.get_header_value(\"X-Signature\")").size());
  // The lambda handler's header runs from `[` to the closing parenthesis of its parameters.
  const Function& lambda = program_->function(program_->routes[1].handler);
  auto [lline, lcolumn] = positionOf(kHandler, "[](const httplib::Request& req, httplib::Response& res) {\n    if");
  EXPECT_EQ(lambda.defSpan.line, lline);
  EXPECT_EQ(lambda.defSpan.column, lcolumn);
}

TEST(CppLoweringSpans, ThroughMacrosAndMultiByteText) {
  CppScan scan;
  const std::string text = R"(#include <httplib.h>
#define REQUIRE(cond) if (!(cond)) return
void h(const httplib::Request& req, httplib::Response& res) {
  REQUIRE(req.has_header("X-Sig"));
  const char* note = "ééé"; auto n = req.body.size();
  res.status = note[0] + static_cast<int>(n);
}
)";
  Program& program = scan.analyze("m.cpp", text);
  const Function& h = functionNamed(program, "m.h");
  std::vector<ExprId> has = exprsNamed(h, ExprKind::Call, "httplib::Request().has_header");
  ASSERT_EQ(has.size(), 1u) << describeCfg(h);
  auto [line, column] = positionOf(text, "req.has_header");
  EXPECT_EQ(h.expr(has[0]).span.line, line);
  EXPECT_EQ(h.expr(has[0]).span.column, column) << "the macro argument's spelling, in the user's file";
  std::vector<ExprId> body = exprsNamed(h, ExprKind::Attribute, "httplib::Request().body");
  ASSERT_EQ(body.size(), 1u);
  auto [bline, bcolumn] = positionOf(text, "req.body");
  EXPECT_EQ(h.expr(body[0]).span.column, bcolumn) << "columns count code points, not bytes";
  EXPECT_EQ(h.expr(body[0]).span.endColumn, bcolumn + 8);
  EXPECT_EQ(h.expr(body[0]).span.line, bline);
}

TEST(CppLoweringNames, StdStringMembersAndStaticsOfTheFile) {
  CppScan scan;
  Program& program = scan.analyze("n.cpp", R"(#include <string>
#include <chrono>
#include <ctime>
namespace hooks {
struct Verifier {
  std::string secret = "x";
  bool check(const std::string& sig) const { return sig.size() == secret.size(); }
};
const std::string kName = "stripe";
bool fresh(long ts) {
  auto now = std::chrono::system_clock::now();
  return std::time(nullptr) - ts < 300 && now.time_since_epoch().count() > 0;
}
bool run(const std::string& sig) {
  Verifier v;
  return v.check(sig) && fresh(1) && kName.empty();
}
}
)");
  const Function& run = functionNamed(program, "n.hooks.run");
  std::vector<ExprId> check = exprsNamed(run, ExprKind::Call, "n.hooks.Verifier().check");
  ASSERT_EQ(check.size(), 1u) << describeCfg(run);
  EXPECT_EQ(run.expr(check[0]).function, functionNamed(program, "n.hooks.Verifier.check").id);
  EXPECT_EQ(exprsNamed(run, ExprKind::Name, "n.hooks.kName").size(), 1u) << describeCfg(run);
  const Function& fresh = functionNamed(program, "n.hooks.fresh");
  EXPECT_EQ(exprsNamed(fresh, ExprKind::Call, "std::chrono::system_clock::now").size(), 1u) << describeCfg(fresh);
  EXPECT_EQ(exprsNamed(fresh, ExprKind::Call, "time").size(), 1u) << describeCfg(fresh);
  ASSERT_EQ(program.modules[0].classes.size(), 1u);
  EXPECT_EQ(program.modules[0].classes[0].qualified, "n.hooks.Verifier");
  EXPECT_EQ(program.function(program.modules[0].classes[0].methods.at(0)).classQualified, "n.hooks.Verifier");
}

}  // namespace
}  // namespace hg
