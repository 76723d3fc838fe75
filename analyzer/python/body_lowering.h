// Lowering of one body (module, function, class body or lambda) into its Function's CFG:
// statements become Stmts in blocks, compound statements become branches, loops and
// exception edges (see core/ir.h for the shapes).
#pragma once

#include <tree_sitter/api.h>

#include "core/ir.h"
#include "python/cfg_builder.h"
#include "python/expr_lowering.h"
#include "python/file_lowering.h"
#include "python/scope.h"

namespace hg::python {

class BodyLowering {
 public:
  BodyLowering(FileLowering& file, const PendingBody& body);
  // Lowers the pending body's statements and closes the CFG.
  void run();

 private:
  void lowerStatements(TSNode container);
  void lowerStatement(TSNode s);
  void lowerExpressionStatement(TSNode s);
  void lowerAssignment(TSNode assignment, TSNode statement);
  void lowerAugmented(TSNode assignment, TSNode statement);
  void lowerReturn(TSNode s);
  void lowerRaise(TSNode s);
  void lowerIf(TSNode s);
  void lowerWhile(TSNode s);
  void lowerFor(TSNode s);
  void lowerTry(TSNode s);
  void lowerHandler(TSNode clause, BlockId handler, BlockId join);
  void lowerWith(TSNode s);
  void lowerMatch(TSNode s);
  void lowerAssert(TSNode s);
  void lowerImport(TSNode s);
  void lowerDelete(TSNode s);
  void lowerDefinition(TSNode definition, TSNode decorated);

  Stmt makeStmt(StmtKind kind, TSNode at) const;
  void evaluate(ExprId value, TSNode statement);  // an Eval, ending the block after a noreturn call
  void recordAssignment(TSNode target, ExprId value, TSNode annotation);
  bool neverReturns(ExprId value) const;
  std::vector<std::string> caughtTypes(TSNode typeExpression);

  FileLowering& file_;
  const PendingBody body_;
  Function& fn_;
  Scope& scope_;
  // The function definitions and lambdas in this body belong to: this function, or for a
  // class body the function around the class, or none at module level.
  FunctionId definitionParent_;
  ExprLowering exprs_;
  CfgBuilder cfg_;
};

}  // namespace hg::python
