// Helpers that always abort: `def reject(): abort(401)` makes `reject()` end its block in the
// caller, as a direct abort() does, so that a check failing into the helper guards what follows.
#include <vector>

#include "python/link_steps.h"

namespace hg::python {
namespace {

constexpr int kMaxRounds = 16;

bool exitReachable(const Function& f) {
  if (f.blocks.empty() || f.exit == kNoBlock) return true;
  std::vector<bool> seen(f.blocks.size(), false);
  std::vector<BlockId> stack{0};
  seen[0] = true;
  while (!stack.empty()) {
    BlockId b = stack.back();
    stack.pop_back();
    if (b == f.exit) return true;
    for (const Edge& e : f.blocks[b].successors) {
      if (e.target < seen.size() && !seen[e.target]) {
        seen[e.target] = true;
        stack.push_back(e.target);
      }
    }
  }
  return false;
}

// `raise NotImplementedError` marks an abstract method: subclasses override it, so calls to
// it are not taken to end the caller.
bool isAbstractStub(const Function& f) {
  for (const Block& b : f.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind == StmtKind::Raise && s.value != kNoExpr && f.exprs[s.value].qualified == "NotImplementedError") {
        return true;
      }
    }
  }
  return false;
}

const Expr* calledExpr(const Function& f, ExprId value) {
  if (value == kNoExpr) return nullptr;
  const Expr* e = &f.exprs[value];
  if (e->kind == ExprKind::Await && !e->args.empty()) e = &f.exprs[e->args[0]];
  return e->kind == ExprKind::Call ? e : nullptr;
}

// Splits blocks after calls to functions in `noreturn`; true when something changed.
bool splitAtCalls(Function& f, const std::vector<bool>& noreturn) {
  bool changed = false;
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    for (size_t i = 0; i < f.blocks[b].stmts.size(); ++i) {
      const Stmt& s = f.blocks[b].stmts[i];
      if (s.kind != StmtKind::Eval) continue;
      const Expr* call = calledExpr(f, s.value);
      if (!call || call->function == kNoFunction || call->function >= noreturn.size() || !noreturn[call->function]) {
        continue;
      }
      const bool last = i + 1 == f.blocks[b].stmts.size();
      bool onlyExceptions = true;
      for (const Edge& e : f.blocks[b].successors) onlyExceptions = onlyExceptions && e.kind == EdgeKind::Exception;
      if (last && f.blocks[b].condition == kNoExpr && onlyExceptions) break;  // already ends here
      // The rest of the block moves to a new block nothing reaches; the block keeps its
      // Exception edges only.
      Block rest;
      rest.stmts.assign(std::make_move_iterator(f.blocks[b].stmts.begin() + static_cast<long>(i) + 1),
                        std::make_move_iterator(f.blocks[b].stmts.end()));
      rest.condition = f.blocks[b].condition;
      rest.successors = f.blocks[b].successors;
      rest.inLoop = f.blocks[b].inLoop;
      Block& cut = f.blocks[b];
      cut.stmts.resize(i + 1);
      cut.condition = kNoExpr;
      std::vector<Edge> kept;
      for (const Edge& e : cut.successors) {
        if (e.kind == EdgeKind::Exception) kept.push_back(e);
      }
      cut.successors = std::move(kept);
      f.blocks.push_back(std::move(rest));
      changed = true;
      break;
    }
  }
  return changed;
}

}  // namespace

void endBlocksAtNoreturnCalls(LinkIndex& index) {
  Program& program = index.program;
  const std::vector<FunctionId> functions = index.functions();
  std::vector<bool> noreturn(program.functionCount(), false);
  for (int round = 0; round < kMaxRounds; ++round) {
    bool changed = false;
    for (FunctionId id : functions) {
      const Function& f = program.function(id);
      if (noreturn[id] || f.name.starts_with("<")) continue;
      if (!exitReachable(f) && !isAbstractStub(f)) {
        noreturn[id] = true;
        changed = true;
      }
    }
    for (FunctionId id : functions) changed = splitAtCalls(program.function(id), noreturn) || changed;
    if (!changed) break;
  }
}

}  // namespace hg::python
