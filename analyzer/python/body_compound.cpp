// Compound statements: if/elif/else, while, for, try/except/else/finally, with, match.
#include "python/body_lowering.h"
#include "python/definitions.h"
#include "python/node_util.h"

namespace hg::python {
namespace {

bool isLiteralTrue(const Function& fn, ExprId id) {
  const Expr& e = fn.exprs[id];
  return e.kind == ExprKind::Literal &&
         (e.literal == LiteralKind::True || (e.literal == LiteralKind::Integer && e.text != "0"));
}

// `case _:` and `case name:` match anything.
bool isCapturePattern(TSNode casePattern) {
  std::vector<TSNode> parts = namedChildren(casePattern);
  if (parts.empty()) return true;  // `_` has no named child
  if (parts.size() != 1) return false;
  if (isType(parts[0], "identifier")) return true;
  return isType(parts[0], "dotted_name") && namedChildren(parts[0]).size() == 1;
}

TSNode blockChild(TSNode clause) {
  for (TSNode c : namedChildren(clause)) {
    if (isType(c, "block")) return c;
  }
  return TSNode{};
}

}  // namespace

void BodyLowering::lowerIf(TSNode s) {
  ExprId condition = exprs_.lower(field(s, "condition"));
  std::vector<TSNode> alternatives = fieldChildren(s, "alternative");
  BlockId thenBlock = cfg_.newBlock();
  BlockId join = cfg_.newBlock();
  BlockId next = alternatives.empty() ? join : cfg_.newBlock();
  cfg_.branch(condition, thenBlock, next);
  cfg_.moveTo(thenBlock);
  lowerStatements(field(s, "consequence"));
  cfg_.jumpTo(join);
  for (size_t i = 0; i < alternatives.size(); ++i) {
    TSNode alt = alternatives[i];
    cfg_.moveTo(next);
    if (isType(alt, "elif_clause")) {
      ExprId c = exprs_.lower(field(alt, "condition"));
      BlockId body = cfg_.newBlock();
      next = i + 1 < alternatives.size() ? cfg_.newBlock() : join;
      cfg_.branch(c, body, next);
      cfg_.moveTo(body);
      lowerStatements(field(alt, "consequence"));
    } else {
      lowerStatements(field(alt, "body"));
    }
    cfg_.jumpTo(join);
  }
  cfg_.moveTo(join);
}

void BodyLowering::lowerWhile(TSNode s) {
  BlockId header = cfg_.newBlock();
  cfg_.jumpTo(header);
  BlockId after = cfg_.newBlock();
  TSNode alternative = field(s, "alternative");
  BlockId elseBlock = ts_node_is_null(alternative) ? after : cfg_.newBlock();
  cfg_.moveTo(header);
  ExprId condition = exprs_.lower(field(s, "condition"));
  cfg_.pushLoop(header, after);
  BlockId body = cfg_.newBlock();
  if (isLiteralTrue(fn_, condition)) {
    // `while True:` leaves only through break, return or raise.
    cfg_.jumpTo(body);
  } else {
    cfg_.branch(condition, body, elseBlock);
  }
  cfg_.moveTo(body);
  lowerStatements(field(s, "body"));
  cfg_.jumpTo(header, EdgeKind::LoopBack);
  cfg_.popLoop();
  if (!ts_node_is_null(alternative)) {
    cfg_.moveTo(elseBlock);
    lowerStatements(field(alternative, "body"));
    cfg_.jumpTo(after);
  }
  cfg_.moveTo(after);
}

void BodyLowering::lowerFor(TSNode s) {
  ExprId iterable = exprs_.lower(field(s, "right"));
  BlockId header = cfg_.newBlock();
  cfg_.jumpTo(header);
  BlockId after = cfg_.newBlock();
  TSNode alternative = field(s, "alternative");
  BlockId elseBlock = ts_node_is_null(alternative) ? after : cfg_.newBlock();
  cfg_.moveTo(header);
  // The header branches on "is there a next item", which no expression of the source spells.
  ExprId hasNext = exprs_.unknown(s, "has next");
  cfg_.pushLoop(header, after);
  BlockId body = cfg_.newBlock();
  cfg_.branch(hasNext, body, elseBlock);
  cfg_.moveTo(body);
  Stmt assign = makeStmt(StmtKind::Assign, field(s, "left"));
  assign.value = exprs_.unknown(field(s, "right"), "iter", {iterable});
  assign.targets.push_back(exprs_.lowerTarget(field(s, "left")));
  cfg_.addStmt(std::move(assign));
  lowerStatements(field(s, "body"));
  cfg_.jumpTo(header, EdgeKind::LoopBack);
  cfg_.popLoop();
  if (!ts_node_is_null(alternative)) {
    cfg_.moveTo(elseBlock);
    lowerStatements(field(alternative, "body"));
    cfg_.jumpTo(after);
  }
  cfg_.moveTo(after);
}

std::vector<std::string> BodyLowering::caughtTypes(TSNode typeExpression) {
  std::vector<std::string> out;
  std::vector<TSNode> types;
  TSNode t = typeExpression;
  while (isType(t, "parenthesized_expression") && namedChildren(t).size() == 1) t = namedChildren(t)[0];
  if (isType(t, "tuple") || isType(t, "expression_list")) {
    types = namedChildren(t);
  } else if (!ts_node_is_null(t)) {
    types.push_back(t);
  }
  for (TSNode type : types) {
    std::string q = dottedNameOf(file_, type, scope_);
    out.push_back(q.empty() ? std::string(file_.text(type)) : q);
  }
  return out;
}

void BodyLowering::lowerTry(TSNode s) {
  std::vector<TSNode> handlers;
  TSNode elseClause{}, finallyClause{};
  for (TSNode c : namedChildren(s)) {
    if (isType(c, "except_clause") || isType(c, "except_group_clause")) handlers.push_back(c);
    if (isType(c, "else_clause")) elseClause = c;
    if (isType(c, "finally_clause")) finallyClause = c;
  }
  // Handler blocks exist before the body so that the body's blocks can point at them; an
  // exception inside a handler goes to the enclosing try's handlers, not to its siblings.
  std::vector<BlockId> handlerBlocks;
  bool catchAll = false;
  for (TSNode h : handlers) {
    BlockId b = cfg_.newBlock();
    fn_.blocks[b].isHandler = true;
    TSNode typeNode = isType(h, "except_clause") ? field(h, "value") : TSNode{};
    if (isType(h, "except_group_clause")) {
      for (TSNode c : namedChildren(h)) {
        if (!isType(c, "block")) {
          typeNode = c;
          break;
        }
      }
    }
    if (isType(typeNode, "as_pattern")) {
      std::vector<TSNode> parts = namedChildren(typeNode);
      typeNode = parts.empty() ? TSNode{} : parts.front();
    }
    fn_.blocks[b].caughtTypes = caughtTypes(typeNode);
    for (const std::string& t : fn_.blocks[b].caughtTypes) catchAll = catchAll || t == "Exception" || t == "BaseException";
    catchAll = catchAll || fn_.blocks[b].caughtTypes.empty();
    handlerBlocks.push_back(b);
  }
  BlockId join = cfg_.newBlock();

  cfg_.pushHandlers(handlerBlocks, catchAll);
  BlockId bodyStart = cfg_.newBlock();
  cfg_.jumpTo(bodyStart);
  cfg_.moveTo(bodyStart);
  lowerStatements(field(s, "body"));
  cfg_.popHandlers();
  if (!ts_node_is_null(elseClause)) {
    // The else body runs after the try body, outside its handlers' reach.
    BlockId elseBlock = cfg_.newBlock();
    cfg_.jumpTo(elseBlock);
    cfg_.moveTo(elseBlock);
    lowerStatements(field(elseClause, "body"));
  }
  cfg_.jumpTo(join);

  for (size_t i = 0; i < handlers.size(); ++i) lowerHandler(handlers[i], handlerBlocks[i], join);

  cfg_.moveTo(join);
  // The finally body runs on the normal path out of the statement; the paths that leave by
  // return or raise do not run it in this model.
  if (!ts_node_is_null(finallyClause)) lowerStatements(blockChild(finallyClause));
}

void BodyLowering::lowerHandler(TSNode clause, BlockId handler, BlockId join) {
  cfg_.moveTo(handler);
  TSNode alias = isType(clause, "except_clause") ? field(clause, "alias") : TSNode{};
  if (isType(clause, "except_group_clause")) {
    for (TSNode c : namedChildren(clause)) {
      if (isType(c, "as_pattern")) alias = field(c, "alias");
    }
  }
  if (!ts_node_is_null(field(clause, "value")) && isType(field(clause, "value"), "as_pattern")) {
    alias = field(field(clause, "value"), "alias");
  }
  if (!ts_node_is_null(alias)) {
    // `except E as e`: e is bound to the caught exception.
    TSNode target = isType(alias, "as_pattern_target") && !namedChildren(alias).empty() ? namedChildren(alias)[0] : alias;
    Stmt assign = makeStmt(StmtKind::Assign, alias);
    assign.value = exprs_.unknown(alias, "caught");
    assign.targets.push_back(exprs_.lowerTarget(target));
    cfg_.addStmt(std::move(assign));
  }
  lowerStatements(blockChild(clause));
  cfg_.jumpTo(join);
}

void BodyLowering::lowerWith(TSNode s) {
  for (TSNode clause : namedChildren(s)) {
    if (!isType(clause, "with_clause")) continue;
    for (TSNode item : namedChildren(clause)) {
      if (!isType(item, "with_item")) continue;
      TSNode value = field(item, "value");
      if (isType(value, "as_pattern")) {
        std::vector<TSNode> parts = namedChildren(value);
        TSNode alias = field(value, "alias");
        std::vector<TSNode> targets = namedChildren(alias);
        Stmt assign = makeStmt(StmtKind::Assign, item);
        assign.value = exprs_.lower(parts.empty() ? value : parts[0]);
        if (!targets.empty()) {
          assign.targets.push_back(exprs_.lowerTarget(targets[0]));
          recordAssignment(targets[0], assign.value, TSNode{});
        }
        cfg_.addStmt(std::move(assign));
      } else {
        evaluate(exprs_.lower(value), item);
      }
    }
  }
  lowerStatements(field(s, "body"));
}

void BodyLowering::lowerMatch(TSNode s) {
  for (TSNode subject : fieldChildren(s, "subject")) evaluate(exprs_.lower(subject), subject);
  BlockId join = cfg_.newBlock();
  std::vector<TSNode> cases;
  for (TSNode c : namedChildren(field(s, "body"))) {
    if (isType(c, "case_clause")) cases.push_back(c);
  }
  for (TSNode c : cases) {
    std::vector<TSNode> patterns;
    for (TSNode p : namedChildren(c)) {
      if (isType(p, "case_pattern")) patterns.push_back(p);
    }
    TSNode guard = field(c, "guard");
    const bool irrefutable = patterns.size() == 1 && ts_node_is_null(guard) && isCapturePattern(patterns[0]);
    BlockId body = cfg_.newBlock();
    if (irrefutable) {
      cfg_.jumpTo(body);
      cfg_.moveTo(body);
      lowerStatements(field(c, "consequence"));
      cfg_.jumpTo(join);
      break;  // later cases are unreachable
    }
    ExprId condition = exprs_.unknown(patterns.empty() ? c : patterns[0], "case");
    if (!ts_node_is_null(guard)) {
      std::vector<TSNode> g = namedChildren(guard);
      if (!g.empty()) {
        Expr both;
        both.kind = ExprKind::BoolOp;
        both.text = "and";
        both.span = file_.span(c);
        both.args = {condition, exprs_.lower(g[0])};
        condition = exprs_.add(std::move(both));
      }
    }
    BlockId next = cfg_.newBlock();
    cfg_.branch(condition, body, next);
    cfg_.moveTo(body);
    lowerStatements(field(c, "consequence"));
    cfg_.jumpTo(join);
    cfg_.moveTo(next);
  }
  cfg_.jumpTo(join);
  cfg_.moveTo(join);
}

}  // namespace hg::python
