#include "engine/knowledge_attributes.h"
#include "engine/replay_protection.h"

#include <algorithm>
#include <cctype>

#include "engine/expr_walk.h"
#include "engine/rule_context.h"
#include "engine/value_roles.h"

namespace hg {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool matchesLowerCase(const Knowledge& knowledge, std::string_view category, const std::string& name) {
  if (name.empty()) return false;
  std::string lowered = lower(name);
  for (const KnowledgeEntry& e : knowledge.entries(category)) {
    if (globMatch(lower(e.pattern), lowered)) return true;
  }
  return false;
}

bool isConstantContainer(const Function& fn, ExprId id) {
  if (id >= fn.exprs.size()) return false;
  const Expr& e = fn.expr(id);
  if (e.kind != ExprKind::Container) return false;
  for (ExprId item : e.args) {
    if (item >= fn.exprs.size() || fn.expr(item).kind != ExprKind::Literal) return false;
  }
  return true;
}

// The name a call is matched under in knowledge: its resolved or written callee name, else
// "?.method" for a method called on a value nobody could name.
std::string callMatchName(const Function& fn, ExprId call) {
  std::string name = calleeName(fn, call);
  if (!name.empty()) return name;
  ExprId callee = calleeOf(fn, call);
  if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute) return "?." + fn.expr(callee).text;
  return "";
}

}  // namespace

const ValueOrigin* TimestampCheck::read() const {
  const ValueOrigin* best = nullptr;
  for (const ValueOrigin& o : origins) {
    if (o.kind != ValueOrigin::Kind::Request) continue;
    if (!best || (best->viaAlias && !o.viaAlias)) best = &o;
  }
  return best;
}

ReplayAnalysis::ReplayAnalysis(RuleContext& context)
    : ctx_(context),
      constants_(context.constants()),
      freshness_(context.program, context.knowledge, constants_),
      scopes_(context.scopes()),
      origins_(context.program, context.calls(), context.requestUses()),
      roles_(context.valueRoles()) {}

ReplayAnalysis::~ReplayAnalysis() = default;

const ReplayProtection& ReplayAnalysis::forRoute(size_t routeIndex) {
  auto it = cache_.find(routeIndex);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(routeIndex, compute(routeIndex)).first->second;
}

ReplayProtection ReplayAnalysis::compute(size_t routeIndex) {
  ReplayProtection out;
  const RouteScope& scope = scopes_.scope(routeIndex);
  for (FunctionId fn : scope.functions) scanFunction(scope, fn, out);
  // A decorator or hook whose verifier enforces a tolerance (judged by the engine's coverage).
  if (!out.tolerance) {
    for (const CoverageSource& s : ctx_.coverage().coverage(routeIndex).sources) {
      if (s.tolerance) {
        out.tolerance = ToleranceSite{s.span, ctx_.program.function(s.function).name};
        break;
      }
    }
  }
  return out;
}

void ReplayAnalysis::scanFunction(const RouteScope& scope, FunctionId fnId, ReplayProtection& out) {
  const Function& fn = ctx_.program.function(fnId);
  for (const RequestRead& r : ctx_.requestReads(fnId)) {
    if (r.headerName.empty() || r.viaAlias || !scope.blockRuns(fnId, r.block)) continue;
    if (matchesLowerCase(ctx_.knowledge, "timestamp_headers", r.headerName))
      out.timestampHeaderReads.push_back({r.headerName, r.span});
    if (matchesLowerCase(ctx_.knowledge, "delivery_headers", r.headerName))
      out.deliveryHeaderReads.push_back({r.headerName, r.span});
  }
  for (const FreshnessCheck& check : freshness_.checksIn(fnId, [&](BlockId b) { return scope.blockRuns(fnId, b); })) {
    TimestampCheck t{check, origins_.trace(scope, fnId, check.timestamp)};
    // A comparison of the clock with a value the client did not send (a cached token's
    // expiry, a start time) says nothing about the request's age.
    if (ValueOrigins::hasRequestOrigin(t.origins)) out.freshness.push_back(std::move(t));
  }
  auto scan = [&](ExprId root) {
    walkExpr(fn, root, [&](ExprId id) {
      const Expr& e = fn.expr(id);
      if (e.kind == ExprKind::Call) scanCall(scope, fnId, id, out);
      else if (e.kind == ExprKind::Compare) scanMembership(scope, fnId, id, out);
      return e.kind != ExprKind::Lambda;
    });
  };
  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    if (!scope.blockRuns(fnId, b)) continue;
    const Block& block = fn.blocks[b];
    for (const Stmt& stmt : block.stmts) {
      for (ExprId root : stmtRoots(stmt)) scan(root);
    }
    if (block.condition != kNoExpr) scan(block.condition);
  }
}

void ReplayAnalysis::scanCall(const RouteScope& scope, FunctionId fnId, ExprId call, ReplayProtection& out) {
  const Function& fn = ctx_.program.function(fnId);
  const Expr& e = fn.expr(call);
  std::string name = callMatchName(fn, call);

  if (!out.tolerance) {
    CallVerdict verdict = ctx_.verificationCalls().classifyCall(fnId, call);
    if (verdict.tolerance) out.tolerance = ToleranceSite{e.span, verdict.verifier};
  }

  if (roles_.isMacCall(fn, call)) {
    ExprId message = roles_.messageArgument(fn, call);
    if (message != kNoExpr) out.macInputs.push_back({fnId, call, message, origins_.trace(scope, fnId, message)});
  } else if (const KnowledgeEntry* update = ctx_.knowledge.match("mac_updates", name)) {
    int index = static_cast<int>(numberAttribute(*update, "message_arg", 0));
    ExprId message = callArgument(fn, call, static_cast<size_t>(std::max(index, 0)));
    if (message != kNoExpr) out.macInputs.push_back({fnId, call, message, origins_.trace(scope, fnId, message)});
  }

  if (name.empty() || ctx_.knowledge.matches("dedup_exclusions", name)) return;
  const KnowledgeEntry* dedup = ctx_.knowledge.match("dedup_calls", name);
  if (!dedup) return;
  if (stringAttribute(*dedup, "role", "lookup") == "record") {
    // Writing the id without checking it first is bookkeeping, not de-duplication, unless
    // the write itself fails on a repeat (`set(key, 1, nx=True)`).
    std::string atomic = stringAttribute(*dedup, "atomic_keyword");
    bool present = !atomic.empty() && std::find(e.argNames.begin(), e.argNames.end(), atomic) != e.argNames.end();
    if (!present) return;
  }
  std::vector<ExprId> keys;
  for (size_t i = 1; i < e.args.size(); ++i) {
    ExprId arg = e.args[i];
    // SQLAlchemy filters pass a comparison: `Delivery.id == delivery_id`.
    if (arg < fn.exprs.size() && (fn.expr(arg).kind == ExprKind::Compare || fn.expr(arg).kind == ExprKind::BoolOp)) {
      for (ExprId side : fn.expr(arg).args) keys.push_back(side);
    } else {
      keys.push_back(arg);
    }
  }
  for (ExprId key : keys) {
    std::string id = deliveryId(origins_.trace(scope, fnId, key));
    if (id.empty()) continue;
    out.dedups.push_back({fnId, call, e.span, name, id});
    return;
  }
}

void ReplayAnalysis::scanMembership(const RouteScope& scope, FunctionId fnId, ExprId compare, ReplayProtection& out) {
  const Function& fn = ctx_.program.function(fnId);
  const Expr& e = fn.expr(compare);
  if ((e.text != "in" && e.text != "not in") || e.args.size() != 2) return;
  if (isConstantContainer(fn, e.args[1]) || stringLiteral(fn, e.args[1])) return;
  std::string id = deliveryId(origins_.trace(scope, fnId, e.args[0]));
  if (!id.empty()) out.dedups.push_back({fnId, compare, e.span, e.text, id});
}

bool ReplayAnalysis::isDeliveryIdName(const std::string& name) const {
  return matchesLowerCase(ctx_.knowledge, "delivery_id_names", name);
}

std::string ReplayAnalysis::deliveryId(const std::vector<ValueOrigin>& origins) const {
  if (!ValueOrigins::hasRequestOrigin(origins)) return "";
  for (const ValueOrigin& o : origins) {
    if (o.kind == ValueOrigin::Kind::Request && matchesLowerCase(ctx_.knowledge, "delivery_headers", o.headerName))
      return o.headerName + " header";
  }
  for (const ValueOrigin& o : origins) {
    if (o.kind == ValueOrigin::Kind::Field && isDeliveryIdName(o.name)) return "payload field " + o.name;
  }
  for (const ValueOrigin& o : origins) {
    if (o.kind == ValueOrigin::Kind::Variable && isDeliveryIdName(o.name)) return o.name;
  }
  return "";
}

bool ReplayAnalysis::timestampSigned(const ReplayProtection& protection, const TimestampCheck& check) const {
  if (protection.macInputs.empty()) return true;
  for (const MacInput& mac : protection.macInputs) {
    if (ValueOrigins::shareData(check.origins, mac.origins)) return true;
  }
  return false;
}

}  // namespace hg
