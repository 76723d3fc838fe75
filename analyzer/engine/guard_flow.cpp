#include "engine/guard_flow.h"

#include <deque>

#include "engine/expr_walk.h"
#include "engine/request_uses.h"
#include "engine/route_conditions.h"

namespace hg {

void GuardState::joinWith(const GuardState& other) {
  if (!other.reached) return;
  if (!reached) {
    *this = other;
    return;
  }
  verified = verified && other.verified;
  for (auto it = results.begin(); it != results.end();) {
    auto o = other.results.find(it->first);
    CondFacts merged{};
    if (o != other.results.end()) merged = {it->second.ifTrue && o->second.ifTrue, it->second.ifFalse && o->second.ifFalse};
    if (merged.any()) {
      it->second = merged;
      ++it;
    } else {
      it = results.erase(it);
    }
  }
}

GuardFlow::GuardFlow(const Program& program, const Knowledge& knowledge, FunctionId fn, VerificationCalls& calls,
                     GuardFlowOptions options)
    : program_(program),
      knowledge_(knowledge),
      fnId_(fn),
      fn_(program.function(fn)),
      calls_(calls),
      options_(options) {
  run();
}

CondFacts GuardFlow::condFacts(ExprId id, const GuardState& state) const {
  if (state.verified) return {true, true};
  // Conditions nest a few levels; an explicit bound keeps hostile input from recursing deep.
  struct Frame {
    static CondFacts eval(const GuardFlow& self, ExprId id, const GuardState& state, int depth) {
      const Function& fn = self.fn_;
      if (depth > 64 || id >= fn.exprs.size()) return {};
      const Expr& e = fn.expr(id);
      switch (e.kind) {
        case ExprKind::Await:
          return e.args.empty() ? CondFacts{} : eval(self, e.args[0], state, depth + 1);
        case ExprKind::Not:
          return e.args.empty() ? CondFacts{} : eval(self, e.args[0], state, depth + 1).negated();
        case ExprKind::BoolOp: {
          bool isAnd = e.text == "and";
          // `a and b` true: both true, either may imply verification; false: any may be the
          // false one, so all must imply it. `or` is the dual.
          CondFacts out{!isAnd, isAnd};
          for (ExprId a : e.args) {
            CondFacts f = eval(self, a, state, depth + 1);
            if (isAnd) {
              out.ifTrue = out.ifTrue || f.ifTrue;
              out.ifFalse = out.ifFalse && f.ifFalse;
            } else {
              out.ifTrue = out.ifTrue && f.ifTrue;
              out.ifFalse = out.ifFalse || f.ifFalse;
            }
          }
          if (e.args.empty()) return {};
          return out;
        }
        case ExprKind::Name: {
          auto it = state.results.find(e.text);
          return it == state.results.end() ? CondFacts{} : it->second;
        }
        case ExprKind::Call:
          return self.calls_.classifyCall(self.fnId_, id).result;
        case ExprKind::Compare: {
          if (e.args.size() != 2) return {};
          const std::string& op = e.text;
          bool eq = op == "==" || op == "is";
          bool ne = op == "!=" || op == "is not";
          // `verify(x) is True`, `verify(x) == False`, `CRYPTO_memcmp(a, b, n) == 0`.
          for (int side = 0; side < 2 && (eq || ne); ++side) {
            const Expr& lit = fn.expr(e.args[side]);
            ExprId other = e.args[1 - side];
            if (isTrueLiteral(lit)) {
              CondFacts f = eval(self, other, state, depth + 1);
              return eq ? f : f.negated();
            }
            if (isFalsyLiteral(lit) && lit.literal != LiteralKind::String && lit.literal != LiteralKind::Bytes) {
              CondFacts f = eval(self, other, state, depth + 1);
              return eq ? f.negated() : f;
            }
          }
          return self.calls_.comparisonFacts(self.fnId_, id);
        }
        default:
          return {};
      }
    }
  };
  return Frame::eval(*this, id, state, 0);
}

void GuardFlow::applyEffects(GuardState& state, ExprId root, int depth) const {
  // Nested calls recurse; past the bound their effects are ignored (conservative for a
  // must-analysis: a skipped verifier only makes the state less verified).
  if (depth > 48) return;
  // Calls evaluated unconditionally by this expression, in order. Operands after the first of
  // and/or and the branches of a conditional expression may not run: their effects are not
  // guaranteed, so they are not applied.
  walkExpr(fn_, root, [&](ExprId id) {
    if (!state.reached) return false;
    const Expr& e = fn_.expr(id);
    if (e.kind == ExprKind::BoolOp) {
      if (!e.args.empty()) applyEffects(state, e.args[0], depth + 1);
      return false;
    }
    if (e.kind == ExprKind::Conditional) {
      if (e.args.size() > 1) applyEffects(state, e.args[1], depth + 1);
      return false;
    }
    if (e.kind == ExprKind::Lambda || e.kind == ExprKind::Comprehension) return false;
    if (e.kind != ExprKind::Call) return true;
    // Arguments are evaluated before the call.
    for (size_t i = 1; i < e.args.size(); ++i) applyEffects(state, e.args[i], depth + 1);
    if (!e.args.empty()) applyEffects(state, e.args[0], depth + 1);
    if (!state.reached) return false;
    CallVerdict v = calls_.classifyCall(fnId_, id);
    if (v.noReturn) {
      state = GuardState{};
    } else if (v.verifies) {
      state.verified = true;
    }
    return false;
  });
}

bool GuardFlow::returnsNormally(const Stmt& stmt) const {
  if (!options_.valueReturnRejects || stmt.value == kNoExpr) return true;
  const Expr& v = fn_.expr(stmt.value);
  return v.kind == ExprKind::Literal && v.literal == LiteralKind::NoneValue;
}

void GuardFlow::applyStmt(GuardState& state, const Stmt& stmt) const {
  for (ExprId root : stmtRoots(stmt)) applyEffects(state, root);
  if (!state.reached) return;
  switch (stmt.kind) {
    case StmtKind::Assign: {
      CondFacts facts = stmt.value != kNoExpr && stmt.augOp.empty() ? condFacts(stmt.value, state) : CondFacts{};
      for (ExprId target : stmt.targets) {
        walkExpr(fn_, target, [&](ExprId id) {
          const Expr& t = fn_.expr(id);
          if (t.kind == ExprKind::Name) {
            bool single = stmt.targets.size() == 1 && id == target;
            if (single && facts.any()) state.results[t.text] = facts;
            else state.results.erase(t.text);
            return false;
          }
          return t.kind == ExprKind::Container;
        });
      }
      break;
    }
    case StmtKind::Delete:
      for (ExprId target : stmt.targets) {
        if (target < fn_.exprs.size() && fn_.expr(target).kind == ExprKind::Name) state.results.erase(fn_.expr(target).text);
      }
      break;
    case StmtKind::Raise:
      state = GuardState{};
      break;
    case StmtKind::Return:
      if (!returnsNormally(stmt)) state = GuardState{};
      break;
    default:
      break;
  }
}

void GuardFlow::run() {
  size_t n = fn_.blocks.size();
  in_.assign(n, GuardState{});
  exit_ = GuardState{};
  if (n == 0) return;
  in_[0] = GuardState::entry(options_.entryVerified);
  std::deque<BlockId> work{0};
  std::vector<bool> queued(n, false);
  queued[0] = true;
  // Each block's state only descends a finite lattice (verified, then facts dropped), so the
  // worklist terminates; the visit cap guards against a malformed graph.
  size_t budget = n * 64 + 1024;
  auto propagate = [&](BlockId target, const GuardState& s) {
    if (target >= n || !s.reached) return;
    GuardState merged = in_[target];
    merged.joinWith(s);
    if (merged == in_[target]) return;
    in_[target] = std::move(merged);
    if (!queued[target]) {
      queued[target] = true;
      work.push_back(target);
    }
  };
  while (!work.empty() && budget-- > 0) {
    BlockId b = work.front();
    work.pop_front();
    queued[b] = false;
    const Block& block = fn_.blocks[b];
    GuardState state = in_[b];
    if (!state.reached) continue;
    for (const Stmt& stmt : block.stmts) {
      applyStmt(state, stmt);
      if (!state.reached) break;
    }
    CondFacts facts;
    std::optional<bool> decided;
    if (state.reached && block.condition != kNoExpr) {
      applyEffects(state, block.condition);
      if (state.reached) {
        facts = condFacts(block.condition, state);
        const Expr& c = fn_.expr(block.condition);
        if (isTrueLiteral(c)) decided = true;
        else if (c.kind == ExprKind::Literal && isFalsyLiteral(c)) decided = false;
        else if (options_.route) decided = evaluateForRoute(program_, knowledge_, fn_, block.condition, *options_.route);
      }
    }
    for (const Edge& edge : block.successors) {
      if (edge.kind == EdgeKind::Exception) {
        // An uncaught exception is no normal return.
        if (edge.target != fn_.exit) propagate(edge.target, in_[b]);
        continue;
      }
      if (!state.reached) continue;
      GuardState out = state;
      if (edge.kind == EdgeKind::True || edge.kind == EdgeKind::False) {
        bool taken = edge.kind == EdgeKind::True;
        if (decided && *decided != taken) continue;
        if (taken ? facts.ifTrue : facts.ifFalse) out.verified = true;
      }
      propagate(edge.target, out);
    }
  }
  if (fn_.exit < n) exit_ = in_[fn_.exit];
}

GuardState GuardFlow::stateBefore(BlockId block, size_t stmt) const {
  if (block >= in_.size()) return {};
  GuardState state = in_[block];
  const Block& b = fn_.blocks[block];
  for (size_t i = 0; i < stmt && i < b.stmts.size() && state.reached; ++i) applyStmt(state, b.stmts[i]);
  return state;
}

std::vector<GuardFlow::ReturnSite> GuardFlow::returnSites() const {
  std::vector<ReturnSite> out;
  for (BlockId b = 0; b < fn_.blocks.size(); ++b) {
    GuardState state = in_[b];
    const Block& block = fn_.blocks[b];
    for (size_t i = 0; i < block.stmts.size() && state.reached; ++i) {
      if (block.stmts[i].kind == StmtKind::Return) {
        GuardState before = state;
        // The returned expression's own effects (a raising verifier) happen before returning.
        if (block.stmts[i].value != kNoExpr) applyEffects(before, block.stmts[i].value);
        if (before.reached) out.push_back({b, i, before});
      }
      applyStmt(state, block.stmts[i]);
    }
  }
  return out;
}

}  // namespace hg
