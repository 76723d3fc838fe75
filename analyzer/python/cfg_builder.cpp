#include "python/cfg_builder.h"

namespace hg::python {

CfgBuilder::CfgBuilder(Function& fn) : fn_(fn) {
  fn_.blocks.clear();
  fn_.blocks.emplace_back();  // entry
  fn_.blocks.emplace_back();  // exit
  fn_.exit = 1;
  current_ = 0;
}

BlockId CfgBuilder::current() {
  if (current_ == kNoBlock) current_ = newBlock();
  return current_;
}

BlockId CfgBuilder::newBlock() {
  auto id = static_cast<BlockId>(fn_.blocks.size());
  fn_.blocks.emplace_back();
  fn_.blocks[id].inLoop = !loops_.empty();
  // An exception goes to the innermost try's handlers, and on to the enclosing ones unless a
  // handler catches everything.
  for (auto it = tries_.rbegin(); it != tries_.rend(); ++it) {
    for (BlockId h : it->handlers) edge(id, h, EdgeKind::Exception);
    if (it->catchAll) break;
  }
  return id;
}

void CfgBuilder::edge(BlockId from, BlockId to, EdgeKind kind) {
  for (const Edge& e : fn_.blocks[from].successors) {
    if (e.target == to && e.kind == kind) return;
  }
  fn_.blocks[from].successors.push_back(Edge{to, kind});
}

void CfgBuilder::jumpTo(BlockId target, EdgeKind kind) {
  if (current_ != kNoBlock) edge(current_, target, kind);
  current_ = kNoBlock;
}

void CfgBuilder::branch(ExprId condition, BlockId trueTarget, BlockId falseTarget) {
  BlockId b = current();
  fn_.blocks[b].condition = condition;
  edge(b, trueTarget, EdgeKind::True);
  edge(b, falseTarget, EdgeKind::False);
  current_ = kNoBlock;
}

void CfgBuilder::addStmt(Stmt stmt) {
  BlockId b = current();
  if (!tries_.empty() && !fn_.blocks[b].stmts.empty()) {
    BlockId next = newBlock();
    edge(b, next, EdgeKind::Fallthrough);
    b = current_ = next;
  }
  fn_.blocks[b].stmts.push_back(std::move(stmt));
}

void CfgBuilder::endWithReturn() { jumpTo(fn_.exit); }

void CfgBuilder::endAbruptly() { current_ = kNoBlock; }

void CfgBuilder::finish() { jumpTo(fn_.exit); }

void CfgBuilder::pushLoop(BlockId continueTarget, BlockId breakTarget) {
  loops_.push_back(Loop{continueTarget, breakTarget});
}

void CfgBuilder::popLoop() { loops_.pop_back(); }

bool CfgBuilder::breakLoop() {
  if (loops_.empty()) return false;
  jumpTo(loops_.back().breakTarget);
  return true;
}

bool CfgBuilder::continueLoop() {
  if (loops_.empty()) return false;
  jumpTo(loops_.back().continueTarget, EdgeKind::LoopBack);
  return true;
}

void CfgBuilder::pushHandlers(std::vector<BlockId> handlers, bool catchAll) {
  tries_.push_back(Try{std::move(handlers), catchAll});
}

void CfgBuilder::popHandlers() { tries_.pop_back(); }

}  // namespace hg::python
