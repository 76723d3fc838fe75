#include "engine/payload_uses.h"

#include <algorithm>
#include <tuple>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

template <typename Visit>
void forEachRoot(const Function& fn, Visit visit) {
  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    const Block& block = fn.blocks[b];
    for (size_t s = 0; s < block.stmts.size(); ++s) {
      for (ExprId root : stmtRoots(block.stmts[s])) visit(b, s, root);
    }
    if (block.condition != kNoExpr) visit(b, conditionIndex(block), block.condition);
  }
}

// "process_event()", "db.session.add()": the callee as written, for messages.
std::string calleeLabel(const Program& program, const Function& fn, ExprId call) {
  std::string written = writtenName(fn, calleeOf(fn, call));
  if (!written.empty()) return written + "()";
  return spanText(program, fn.expr(call).span, 40);
}

bool computesMac(const Program& program, ValueRoles& roles, FunctionId target) {
  if (roles.returnRoles(target).has(ValueRole::Mac)) return true;
  const Function& helper = program.function(target);
  for (ExprId id = 0; id < helper.exprs.size(); ++id) {
    if (roles.isMacCall(helper, id)) return true;
  }
  return false;
}

}  // namespace

std::vector<PayloadUse> payloadUses(RuleContext& ctx, FunctionId fnId) {
  const Program& program = ctx.program;
  const Function& fn = program.function(fnId);
  ValueRoles& roles = ctx.valueRoles();
  std::vector<PayloadUse> out;
  auto isPayload = [&](ExprId e) { return e != kNoExpr && roles.roles(fnId, e).has(ValueRole::Payload); };

  forEachRoot(fn, [&](BlockId b, size_t s, ExprId root) {
    walkExpr(fn, root, [&](ExprId id) {
      const Expr& e = fn.expr(id);
      if (e.kind == ExprKind::Lambda) return false;
      if (const RequestRead* read = ctx.requestUses().readAt(fnId, id)) {
        // Parsing the whole body is a use; reading one field (`request.form["token"]`, which
        // a Mailgun-style MAC is computed over) is not until the value is acted on.
        if (read->isParsedBody() && !read->viaAlias && roles.roles(fnId, id).has(ValueRole::ParsedBody)) {
          out.push_back({PayloadUse::Kind::Parse, b, s, id, e.span, spanText(program, e.span, 40)});
          return false;
        }
      }
      if (e.kind != ExprKind::Call) return true;
      // What feeds a verification is not a use of the payload.
      if (ctx.verificationCalls().classifyCall(fnId, id).attempt) return false;
      if (roles.isMacCall(fn, id) || roles.isHashCall(fn, id)) return false;
      std::string callee = calleeName(fn, id);
      if (ctx.knowledge.matches("payload_inspections", callee)) return false;
      // Logging the body before the check decides nothing on it; the check still comes first
      // for every trust decision.
      if (ctx.knowledge.matches("logging_calls", callee)) return false;
      if (ctx.knowledge.matches("value_transforms", callee)) return true;
      if (ctx.knowledge.matches("body_parsers", callee)) {
        if (isPayload(callArgument(fn, id, 0))) {
          out.push_back({PayloadUse::Kind::Parse, b, s, id, e.span, spanText(program, e.span, 40)});
          return false;
        }
        return true;
      }
      FunctionId target = ctx.calls().resolveCall(fn, id);
      if (target != kNoFunction && target != fnId && roles.roles(fnId, id).has(ValueRole::ParsedBody)) {
        out.push_back({PayloadUse::Kind::Parse, b, s, id, e.span, calleeLabel(program, fn, id)});
        return false;
      }
      // A helper computing a MAC (returning it, or its hex text built by hand) produces the
      // verification's input, as hmac.new() itself does.
      if (target != kNoFunction && target != fnId && computesMac(program, roles, target)) return false;
      for (size_t i = 1; i < e.args.size(); ++i) {
        if (isPayload(e.args[i])) {
          out.push_back({PayloadUse::Kind::Call, b, s, id, e.span, calleeLabel(program, fn, id)});
          break;
        }
      }
      return true;
    });
  });

  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    const Block& block = fn.blocks[b];
    for (size_t s = 0; s < block.stmts.size(); ++s) {
      const Stmt& stmt = block.stmts[s];
      if (stmt.kind == StmtKind::Return && isPayload(stmt.value)) {
        out.push_back({PayloadUse::Kind::Return, b, s, stmt.value, stmt.span, "return"});
      } else if (stmt.kind == StmtKind::Assign && isPayload(stmt.value)) {
        for (ExprId target : stmt.targets) {
          if (target >= fn.exprs.size()) continue;
          const Expr& t = fn.expr(target);
          if (t.kind != ExprKind::Attribute && t.kind != ExprKind::Subscript) continue;
          out.push_back({PayloadUse::Kind::Store, b, s, target, t.span, spanText(program, t.span, 40)});
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const PayloadUse& a, const PayloadUse& b) {
    return std::tie(a.span.line, a.span.column) < std::tie(b.span.line, b.span.column);
  });
  return out;
}

std::vector<VerificationSite> verificationSites(RuleContext& ctx, FunctionId fnId) {
  const Function& fn = ctx.program.function(fnId);
  std::vector<VerificationSite> out;
  forEachRoot(fn, [&](BlockId b, size_t s, ExprId root) {
    walkExpr(fn, root, [&](ExprId id) {
      const Expr& e = fn.expr(id);
      if (e.kind == ExprKind::Lambda) return false;
      if (e.kind == ExprKind::Call) {
        CallVerdict v = ctx.verificationCalls().classifyCall(fnId, id);
        if (v.attempt) out.push_back({b, s, id, e.span, v, false});
      } else if (e.kind == ExprKind::Compare && ctx.verificationCalls().isVerifyingComparison(fnId, id)) {
        out.push_back({b, s, id, e.span, CallVerdict{}, true});
      }
      return true;
    });
  });
  return out;
}

std::string describeUse(const PayloadUse& use) {
  switch (use.kind) {
    case PayloadUse::Kind::Parse: return "parses the payload with " + use.what;
    case PayloadUse::Kind::Call: return "passes the payload to " + use.what;
    case PayloadUse::Kind::Store: return "stores the payload in " + use.what;
    case PayloadUse::Kind::Return: return "returns the payload";
  }
  return "uses the payload";
}

bool verificationReachableFrom(const Function& fn, const std::vector<VerificationSite>& sites, BlockId block,
                               size_t stmt) {
  size_t n = fn.blocks.size();
  std::vector<bool> hasSite(n, false);
  for (const VerificationSite& site : sites) {
    if (site.block == block && site.stmt > stmt) return true;
    if (site.block < n) hasSite[site.block] = true;
  }
  if (block >= n) return false;
  std::vector<bool> seen(n, false);
  std::vector<BlockId> todo;
  for (const Edge& e : fn.blocks[block].successors) todo.push_back(e.target);
  while (!todo.empty()) {
    BlockId b = todo.back();
    todo.pop_back();
    if (b >= n || seen[b]) continue;
    seen[b] = true;
    if (hasSite[b]) return true;
    for (const Edge& e : fn.blocks[b].successors) todo.push_back(e.target);
  }
  return false;
}

}  // namespace hg
