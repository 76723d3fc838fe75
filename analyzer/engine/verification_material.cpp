#include "engine/verification_material.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/freshness_checks.h"

namespace hg {

namespace {

// A hostile file can chain thousands of assignments; past this many climbs the value is
// treated as used, which only keeps a WH501 finding.
constexpr size_t kMaxClimbs = 4096;

// Where an expression tree of a function hangs: each node's parent, and for each tree's root
// the statement (or block condition) that evaluates it.
struct FunctionShape {
  struct Owner {
    BlockId block = kNoBlock;
    const Stmt* stmt = nullptr;  // nullptr: the block's condition
  };
  std::vector<ExprId> parent;
  std::map<ExprId, Owner> owners;
  std::map<std::string, std::vector<ExprId>> readsOf;  // variable -> Names reading it

  explicit FunctionShape(const Function& fn) : parent(fn.exprs.size(), kNoExpr) {
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      for (ExprId child : fn.exprs[id].args) {
        if (child < parent.size()) parent[child] = id;
      }
    }
    std::set<ExprId> targets;
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      const Block& block = fn.blocks[b];
      for (const Stmt& stmt : block.stmts) {
        for (ExprId root : stmtRoots(stmt)) owners[root] = {b, &stmt};
        if (stmt.kind == StmtKind::Assign || stmt.kind == StmtKind::Import) {
          for (ExprId t : stmt.targets) targets.insert(t);
        }
      }
      if (block.condition != kNoExpr) owners[block.condition] = {b, nullptr};
    }
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      if (fn.exprs[id].kind == ExprKind::Name && !targets.count(id)) readsOf[variableKey(fn.exprs[id])].push_back(id);
    }
  }

  static std::string variableKey(const Expr& name) { return name.binding.empty() ? "?" + name.text : name.binding; }
};

class MaterialCheck {
 public:
  MaterialCheck(RuleContext& ctx, FunctionId fnId)
      : ctx_(ctx),
        fnId_(fnId),
        fn_(ctx.program.function(fnId)),
        shape_(fn_),
        freshness_(ctx.program, ctx.knowledge, ctx.constants()) {}

  bool onlyVerifies(ExprId value) {
    std::vector<ExprId> todo{value};
    std::set<std::string> followed;
    size_t climbs = 0;
    while (!todo.empty()) {
      if (++climbs > kMaxClimbs) return false;
      ExprId next = todo.back();
      todo.pop_back();
      std::vector<std::string> assigned;
      if (!climb(next, assigned)) return false;
      for (const std::string& variable : assigned) {
        if (!followed.insert(variable).second) continue;
        auto reads = shape_.readsOf.find(variable);
        if (reads != shape_.readsOf.end()) todo.insert(todo.end(), reads->second.begin(), reads->second.end());
      }
    }
    return true;
  }

 private:
  // Follows `value` up its expression tree. True when it ends in verification (or is
  // discarded); `assigned` receives the variables it is stored in, whose reads must qualify too.
  bool climb(ExprId value, std::vector<std::string>& assigned) {
    ExprId cur = value;
    while (true) {
      ExprId up = cur < shape_.parent.size() ? shape_.parent[cur] : kNoExpr;
      if (up == kNoExpr) return atRoot(cur, assigned);
      const Expr& e = fn_.expr(up);
      switch (e.kind) {
        case ExprKind::Await:
        case ExprKind::BinaryOp:
        case ExprKind::UnaryOp:
        case ExprKind::FormatString:
        case ExprKind::BoolOp:
        case ExprKind::Not:
        case ExprKind::Container: break;
        case ExprKind::Conditional:
          if (e.args.size() == 3 && e.args[1] == cur) return testOnly(up);
          break;
        case ExprKind::Subscript:
          // A field of the field (Mailgun's JSON `signature` object); used as an index, it selects data.
          if (e.args.empty() || e.args[0] != cur) return false;
          break;
        case ExprKind::Attribute: {
          // Only a method called on the value: reading an attribute of it is a use.
          ExprId call = shape_.parent[up];
          if (call == kNoExpr || fn_.expr(call).kind != ExprKind::Call || calleeOf(fn_, call) != up) return false;
          if (!callPassesOn(call, cur)) return callVerifies(call);
          up = call;
          break;
        }
        case ExprKind::Call:
          if (callVerifies(up)) return true;
          if (!callPassesOn(up, cur)) return false;
          break;
        case ExprKind::Compare: return comparisonVerifies(up);
        default: return false;
      }
      cur = up;
    }
  }

  bool atRoot(ExprId root, std::vector<std::string>& assigned) {
    auto owner = shape_.owners.find(root);
    if (owner == shape_.owners.end()) return false;
    const Stmt* stmt = owner->second.stmt;
    if (stmt == nullptr) return true;  // a branch on the value itself: a presence test
    if (stmt->value != root) return false;
    switch (stmt->kind) {
      case StmtKind::Eval: return true;  // evaluated and dropped
      case StmtKind::Assign:
        for (ExprId target : stmt->targets) {
          const Expr& t = fn_.expr(target);
          if (t.kind != ExprKind::Name) return false;  // a store into an object, or unpacking
          assigned.push_back(FunctionShape::variableKey(t));
        }
        return true;
      default: return false;
    }
  }

  // The value reaches a conditional's test: fine when the whole conditional is itself only a test.
  bool testOnly(ExprId conditional) {
    std::vector<std::string> assigned;
    return climb(conditional, assigned) && assigned.empty();
  }

  // A MAC or hash over the value, a verifier or a verifying helper taking it, or a method of
  // a MAC object (`mac.update(token)`).
  bool callVerifies(ExprId call) {
    ValueRoles& roles = ctx_.valueRoles();
    if (roles.isMacCall(fn_, call) || roles.isHashCall(fn_, call)) return true;
    if (ctx_.verificationCalls().classifyCall(fnId_, call).attempt) return true;
    ExprId callee = calleeOf(fn_, call);
    if (callee == kNoExpr || fn_.expr(callee).kind != ExprKind::Attribute || fn_.expr(callee).args.empty()) return false;
    return roles.roles(fnId_, fn_.expr(callee).args[0]).any(ValueRole::Mac | ValueRole::Digest);
  }

  // Whether `call` hands on the value `arg` as its own result: a conversion (`int(ts)`,
  // `ts.encode()`), `abs()`, or string building on a literal (`"{}{}".format(ts, token)`,
  // `"".join([ts, token])`).
  bool callPassesOn(ExprId call, ExprId arg) {
    ExprId operand = ctx_.valueRoles().transformedOperand(fn_, call);
    if (operand != kNoExpr) return operand == arg;
    std::string callee = calleeName(fn_, call);
    if (callee == "abs" || callee == "builtins.abs") return true;
    ExprId calleeExpr = calleeOf(fn_, call);
    if (calleeExpr == kNoExpr || fn_.expr(calleeExpr).kind != ExprKind::Attribute) return false;
    const Expr& method = fn_.expr(calleeExpr);
    if (method.text != "format" && method.text != "join") return false;
    return !method.args.empty() && method.args[0] != arg && stringLiteral(fn_, method.args[0]) != nullptr;
  }

  bool comparisonVerifies(ExprId compare) {
    if (ctx_.verificationCalls().isVerifyingComparison(fnId_, compare)) return true;
    if (freshness_.classify(fnId_, compare)) return true;
    const Expr& e = fn_.expr(compare);
    if ((e.text == "is" || e.text == "is not") && e.args.size() == 2) {
      for (ExprId side : e.args) {
        if (fn_.expr(side).kind == ExprKind::Literal && fn_.expr(side).literal == LiteralKind::NoneValue) return true;
      }
    }
    return false;
  }

  RuleContext& ctx_;
  FunctionId fnId_;
  const Function& fn_;
  FunctionShape shape_;
  FreshnessChecks freshness_;
};

}  // namespace

bool onlyVerifiesRequest(RuleContext& ctx, FunctionId fn, ExprId value) {
  if (fn == kNoFunction || value == kNoExpr) return false;
  return MaterialCheck(ctx, fn).onlyVerifies(value);
}

}  // namespace hg
