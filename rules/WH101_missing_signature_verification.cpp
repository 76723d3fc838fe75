// WH101 missing-signature-verification: a webhook handler uses the request and no verification
// exists on any path through that use (handler, helpers, decorators, before_request hooks,
// FastAPI dependencies).
//
// "On any path through the use": a use is excused when a verification attempt can run before
// it or after it. The attempt's success and placement are other rules' business (WH103
// verify-after-use, WH105 fail-open), so a handler that reads the raw body to check its MAC is
// not reported here, and a check that covers only one branch leaves the other branch's uses
// reported.
#include <algorithm>
#include <set>

#include "core/message_text.h"
#include "engine/dependencies.h"
#include "engine/expr_walk.h"
#include "engine/rule_context.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

struct Site {
  BlockId block = kNoBlock;
  size_t stmt = 0;
  Span span;
  std::string what;  // source text of the read, or "helper()" for a read through a call
  bool directRead = false;
  bool bodyRead = false;
};

// Every root expression a block evaluates, with its statement index.
template <typename Visit>
void forEachRoot(const Function& fn, BlockId b, Visit visit) {
  const Block& block = fn.blocks[b];
  for (size_t s = 0; s < block.stmts.size(); ++s) {
    for (ExprId root : stmtRoots(block.stmts[s])) visit(s, root);
  }
  if (block.condition != kNoExpr) visit(conditionIndex(block), block.condition);
}

class HandlerScan {
 public:
  HandlerScan(RuleContext& context, FunctionId handler) : ctx_(context), id_(handler), fn_(context.program.function(handler)) {}

  void collect() {
    for (const RequestRead& r : ctx_.requestReads(id_)) {
      if (!r.readsInput()) continue;
      uses_.push_back({r.block, r.stmt, r.span, spanText(ctx_.program, r.span), !r.viaAlias, r.isBody()});
    }
    // What a dependency that reads the request returns (`body: bytes = Depends(raw_body)`)
    // reaches the handler before its first statement.
    for (const Dependency& d : dependenciesOf(ctx_.program, ctx_.knowledge, id_)) {
      if (!fn_.blocks.empty() && ctx_.summaries().summary(d.function).readsRequest)
        uses_.push_back({0, 0, d.declaredAt, ctx_.program.function(d.function).name + "()", false, false});
    }
    for (BlockId b = 0; b < fn_.blocks.size(); ++b) {
      forEachRoot(fn_, b, [&](size_t s, ExprId root) { scanRoot(b, s, root); });
    }
  }

  // A use is unverified when no verification attempt shares a path with it.
  std::vector<Site> unverifiedUses() const {
    std::vector<bool> excused(fn_.blocks.size(), false);
    if (!attemptBlocks_.empty()) {
      markReachable(excused, /*forward=*/true);
      markReachable(excused, /*forward=*/false);
    }
    std::vector<Site> out;
    for (const Site& u : uses_) {
      if (u.block < excused.size() && !excused[u.block]) out.push_back(u);
    }
    return out;
  }

  bool anyAttempt() const { return !attemptBlocks_.empty(); }
  const std::vector<Site>& uses() const { return uses_; }

 private:
  void scanRoot(BlockId b, size_t s, ExprId root) {
    walkExpr(fn_, root, [&](ExprId id) {
      const Expr& e = fn_.expr(id);
      if (e.kind == ExprKind::Call) {
        CallVerdict v = ctx_.verificationCalls().classifyCall(id_, id);
        if (v.attempt) attemptBlocks_.insert(b);
        FunctionId callee = ctx_.calls().resolveCall(fn_, id);
        if (callee != kNoFunction && callee != id_ && ctx_.summaries().summary(callee).readsRequest) {
          uses_.push_back({b, s, e.span, std::string(ctx_.program.function(callee).name) + "()", false, false});
        }
      } else if (e.kind == ExprKind::Compare) {
        if (ctx_.verificationCalls().isVerifyingComparison(id_, id)) attemptBlocks_.insert(b);
      } else if (e.kind == ExprKind::Name && (ctx_.values().localFlags(id_, e.text) & kFromRequest)) {
        // A local holding request data (`event = json.loads(body)`) used here.
        uses_.push_back({b, s, e.span, e.text, false, false});
      }
      return e.kind != ExprKind::Lambda;
    });
  }

  void markReachable(std::vector<bool>& mark, bool forward) const {
    size_t n = fn_.blocks.size();
    std::vector<std::vector<BlockId>> next(n);
    for (BlockId b = 0; b < n; ++b) {
      for (const Edge& e : fn_.blocks[b].successors) {
        if (e.target >= n) continue;
        if (forward) next[b].push_back(e.target);
        else next[e.target].push_back(b);
      }
    }
    std::vector<BlockId> todo(attemptBlocks_.begin(), attemptBlocks_.end());
    std::vector<bool> seen(n, false);
    while (!todo.empty()) {
      BlockId b = todo.back();
      todo.pop_back();
      if (b >= n || seen[b]) continue;
      seen[b] = true;
      mark[b] = true;
      for (BlockId t : next[b]) todo.push_back(t);
    }
  }

  RuleContext& ctx_;
  FunctionId id_;
  const Function& fn_;
  std::vector<Site> uses_;
  std::set<BlockId> attemptBlocks_;
};

// The construct the message names: the first direct read of the body, else of anything, else a
// helper that reads the request.
const Site* primaryRead(const std::vector<Site>& sites) {
  const Site* best = nullptr;
  auto rank = [](const Site& s) { return s.directRead ? (s.bodyRead ? 0 : 1) : (s.what.ends_with("()") ? 2 : 3); };
  for (const Site& s : sites) {
    if (!best || std::make_tuple(rank(s), s.span.line, s.span.column) <
                     std::make_tuple(rank(*best), best->span.line, best->span.column))
      best = &s;
  }
  return best;
}

std::string signatureHeaderRead(RuleContext& ctx, FunctionId handler) {
  for (const RequestRead& r : ctx.requestReads(handler)) {
    if (ctx.values().isSignatureHeader(r.headerName)) return r.headerName;
  }
  return {};
}

class MissingSignatureVerification final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH101"); }

  bool splitsByFunction() const override { return true; }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const WebhookHandler& w : ctx.webhooks().handlers()) {
      if (ctx.coverage().coverage(w.route).attempted) continue;
      const Route& route = ctx.program.routes[w.route];
      const Function& fn = ctx.program.function(w.handler);
      HandlerScan scan(ctx, w.handler);
      scan.collect();
      std::vector<Site> unverified = scan.unverifiedUses();
      if (unverified.empty()) continue;
      const Site* read = primaryRead(scan.anyAttempt() ? unverified : scan.uses());
      if (!read) continue;

      Finding f;
      std::string construct = read->directRead ? read->what : "the request through " + read->what;
      if (!read->directRead && !read->what.ends_with("()")) construct = "request data (" + read->what + ")";
      f.message = handlerText(route, fn.name) + " reads " + construct + " without verifying a signature";
      if (scan.anyAttempt()) f.message += " on every path";
      f.location = fn.defSpan.valid() ? fn.defSpan : fn.span;
      if (route.declaration.valid()) f.related.push_back({route.declaration, "route declared here"});
      f.related.push_back({read->span, scan.anyAttempt() ? "used here on a path that skips verification"
                                                         : "request read here"});
      std::string header = signatureHeaderRead(ctx, w.handler);
      f.help = header.empty()
                   ? "verify the sender's signature (an HMAC of the raw body compared with hmac.compare_digest, or "
                     "the provider SDK's verifier) and reject the request before using the payload"
                   : "compare an HMAC of the raw body with the " + header +
                         " header using hmac.compare_digest and reject the request on mismatch before using the payload";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeMissingSignatureVerification() { return std::make_unique<MissingSignatureVerification>(); }

}  // namespace hg::rules
