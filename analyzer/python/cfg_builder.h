// Builds one Function's control-flow graph while its statements are lowered in order: the
// current block, loop targets for break/continue, and the handlers an exception in the
// current try body reaches.
#pragma once

#include <vector>

#include "core/ir.h"

namespace hg::python {

class CfgBuilder {
 public:
  // Creates the entry block (0) and the synthetic exit block, and starts at the entry.
  explicit CfgBuilder(Function& fn);

  bool reachable() const { return current_ != kNoBlock; }
  // The block statements go to. After a return, raise or break the code that follows is
  // still lowered, into a fresh block nothing reaches, so rules can see it.
  BlockId current();
  // A new block; inside a try body it gets Exception edges to the handlers.
  BlockId newBlock();
  void moveTo(BlockId block) { current_ = block; }
  void edge(BlockId from, BlockId to, EdgeKind kind);
  // From the current block (when reachable) to `target`; the current block is then none.
  void jumpTo(BlockId target, EdgeKind kind = EdgeKind::Fallthrough);
  // Ends the current block with a two-way branch; returns {trueBlock, falseBlock} (new blocks).
  void branch(ExprId condition, BlockId trueTarget, BlockId falseTarget);

  // Appends a statement. Inside a try body each statement gets its own block, so that each
  // has its own Exception edges.
  void addStmt(Stmt stmt);
  void endWithReturn();  // the current block goes to exit
  void endAbruptly();    // raise or a call that never returns: Exception edges only
  void finish();         // the end of the body falls through to exit

  void pushLoop(BlockId continueTarget, BlockId breakTarget);
  void popLoop();
  bool breakLoop();     // false outside a loop
  bool continueLoop();  // false outside a loop

  // The handler blocks of the try statement whose body follows; `catchAll` stops an
  // exception from reaching enclosing handlers.
  void pushHandlers(std::vector<BlockId> handlers, bool catchAll);
  void popHandlers();
  bool inTryBody() const { return !tries_.empty(); }

 private:
  struct Loop {
    BlockId continueTarget;
    BlockId breakTarget;
  };
  struct Try {
    std::vector<BlockId> handlers;
    bool catchAll;
  };
  Function& fn_;
  BlockId current_ = kNoBlock;
  std::vector<Loop> loops_;
  std::vector<Try> tries_;
};

}  // namespace hg::python
