// Statements of a C++ body: blocks, branches, loops, switch, try/catch, return and throw, in
// the shapes the Python front-end gives the same constructs (core/ir.h).
#include <algorithm>

#include "clang/AST/DeclTemplate.h"
#include "cpp/lowering.h"

namespace hg::cpp {

using namespace clang;

// ---------------------------------------------------------------- CfgBuilder

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
  fn_.blocks[id].inLoop = loopDepth > 0;
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
  // Inside a try body each statement has its own block, so each has its own Exception edges.
  if (!tries_.empty() && !fn_.blocks[b].stmts.empty()) {
    BlockId next = newBlock();
    edge(b, next, EdgeKind::Fallthrough);
    b = current_ = next;
  }
  fn_.blocks[b].stmts.push_back(std::move(stmt));
}

void CfgBuilder::breakOut() {
  if (breaks_.empty()) {
    current_ = kNoBlock;
    return;
  }
  jumpTo(breaks_.back());
}

void CfgBuilder::continueLoop() {
  if (continues_.empty()) {
    current_ = kNoBlock;
    return;
  }
  jumpTo(continues_.back(), EdgeKind::LoopBack);
}

void CfgBuilder::pushHandlers(std::vector<BlockId> handlers, bool catchAll) {
  tries_.push_back(Try{std::move(handlers), catchAll});
}

// ---------------------------------------------------------------- BodyLowering: statements

namespace {

// Writes to each local after its declaration: a local written once names its value.
void countWrites(const clang::Stmt* body, std::map<const VarDecl*, int>& writes) {
  if (!body) return;
  auto target = [](const clang::Expr* e) -> const VarDecl* {
    if (!e) return nullptr;
    if (const auto* ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts())) return dyn_cast<VarDecl>(ref->getDecl());
    return nullptr;
  };
  std::vector<const clang::Stmt*> stack{body};
  size_t visited = 0;
  while (!stack.empty() && visited++ < 1000000) {
    const clang::Stmt* s = stack.back();
    stack.pop_back();
    if (!s) continue;
    const VarDecl* written = nullptr;
    if (const auto* b = dyn_cast<BinaryOperator>(s); b && b->isAssignmentOp()) written = target(b->getLHS());
    if (const auto* u = dyn_cast<UnaryOperator>(s); u && u->isIncrementDecrementOp()) written = target(u->getSubExpr());
    if (const auto* op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getNumArgs() > 0 &&
        (op->isAssignmentOp() || op->getOperator() == OO_PlusPlus || op->getOperator() == OO_MinusMinus))
      written = target(op->getArg(0));
    if (written) ++writes[written];
    for (const clang::Stmt* child : s->children()) stack.push_back(child);
  }
}

}  // namespace

BodyLowering::BodyLowering(FileLowering& file, FunctionId id, int depth)
    : file_(file), id_(id), cfg_(file.function(id)), depth_(depth) {}

void BodyLowering::run(const clang::Stmt* body) {
  countWrites(body, writes_);
  if (body) lowerStmt(body);
  cfg_.finish();
}

void BodyLowering::runFunction(const FunctionDecl* d) {
  countWrites(d->getBody(), writes_);
  if (const auto* ctor = dyn_cast<CXXConstructorDecl>(d)) {
    // `: secret_(std::move(s))` assigns this->secret_ before the body runs.
    for (const CXXCtorInitializer* init : ctor->inits()) {
      if (!init->isWritten() || !init->getInit()) continue;
      Span at = file_.span(init->getSourceRange());
      if (const FieldDecl* field = init->getMember()) {
        ExprId self = name(at, "this", file_.entityName(ctor->getParent()) + "()");
        Expr attr;
        attr.kind = ExprKind::Attribute;
        attr.text = field->getName().str();
        attr.span = at;
        attr.args.push_back(self);
        attr.qualified = file_.entityName(ctor->getParent()) + "()." + attr.text;
        ExprId target = add(std::move(attr));
        assign(target, lower(init->getInit()), at);
      } else {
        evaluate(lower(init->getInit()), at);
      }
    }
  }
  if (d->getBody()) lowerStmt(d->getBody());
  cfg_.finish();
}

void BodyLowering::runGlobals(const std::vector<const VarDecl*>& headerConstants,
                              const std::vector<const VarDecl*>& globals) {
  // A header's constant is assigned where the header declares it, under the C++ name every
  // unit reading it uses: `relay::kSigningKey = "..."`.
  for (const VarDecl* v : headerConstants) {
    Span at = file_.spellingSpan(v->getSourceRange().getBegin(), v->getSourceRange().getEnd());
    if (!at.valid()) continue;
    Span nameAt = file_.spellingSpan(v->getLocation(), v->getLocation());
    std::string qualified = file_.declName(v);
    ExprId value = lower(v->getInit());
    assign(name(nameAt.valid() ? nameAt : at, v->getName().str(), qualified, qualified), value, at);
  }
  for (const VarDecl* v : globals) lowerVar(v, file_.span(v->getSourceRange()));
  cfg_.finish();
}

void BodyLowering::runMembers(const std::vector<const Decl*>& members) {
  for (const Decl* d : members) {
    Span at = file_.span(d->getSourceRange());
    if (const auto* v = dyn_cast<VarDecl>(d)) {
      lowerVar(v, at);
    } else if (const auto* f = dyn_cast<FieldDecl>(d)) {
      ExprId target = name(file_.span(f->getLocation()), f->getName().str(), file_.scannedName(f), file_.scannedName(f));
      assign(target, lower(f->getInClassInitializer()), at);
    }
  }
  cfg_.finish();
}

void BodyLowering::evaluate(ExprId value, Span at) {
  Stmt eval;
  eval.kind = StmtKind::Eval;
  eval.span = at;
  eval.value = value;
  cfg_.addStmt(std::move(eval));
  const Expr& e = fn().expr(value);
  if (e.kind == ExprKind::Call && file_.knowledge.matches("noreturn", e.qualified)) cfg_.endAbruptly();
}

void BodyLowering::assign(ExprId target, ExprId value, Span at, std::string augOp) {
  Stmt s;
  s.kind = StmtKind::Assign;
  s.span = at;
  s.targets.push_back(target);
  s.value = value;
  s.augOp = std::move(augOp);
  cfg_.addStmt(std::move(s));
}


void BodyLowering::lowerStmt(const clang::Stmt* s) {
  if (!s) return;
  DepthGuard guard(*this);
  Span at = file_.span(s->getSourceRange());
  if (guard.tooDeep()) {
    file_.noteTooDeep(at);
    return;
  }
  if (const auto* e = dyn_cast<clang::Expr>(s)) return lowerExprStmt(e, at);
  switch (s->getStmtClass()) {
    case clang::Stmt::CompoundStmtClass:
      return lowerCompound(cast<CompoundStmt>(s));
    case clang::Stmt::DeclStmtClass:
      return lowerDecl(cast<DeclStmt>(s));
    case clang::Stmt::ReturnStmtClass:
      return lowerReturn(cast<ReturnStmt>(s));
    case clang::Stmt::CoreturnStmtClass: {
      Stmt ret;
      ret.kind = StmtKind::Return;
      ret.span = at;
      if (const clang::Expr* operand = cast<CoreturnStmt>(s)->getOperand()) ret.value = lower(operand);
      cfg_.addStmt(std::move(ret));
      cfg_.endWithReturn();
      return;
    }
    case clang::Stmt::IfStmtClass:
      return lowerIf(cast<IfStmt>(s));
    case clang::Stmt::WhileStmtClass:
      return lowerWhile(cast<WhileStmt>(s));
    case clang::Stmt::DoStmtClass:
      return lowerDo(cast<DoStmt>(s));
    case clang::Stmt::ForStmtClass:
      return lowerFor(cast<ForStmt>(s));
    case clang::Stmt::CXXForRangeStmtClass:
      return lowerRangeFor(cast<CXXForRangeStmt>(s));
    case clang::Stmt::SwitchStmtClass:
      return lowerSwitch(cast<SwitchStmt>(s));
    case clang::Stmt::CXXTryStmtClass:
      return lowerTry(cast<CXXTryStmt>(s));
    case clang::Stmt::BreakStmtClass:
      return cfg_.breakOut();
    case clang::Stmt::ContinueStmtClass:
      return cfg_.continueLoop();
    case clang::Stmt::GotoStmtClass:
      return cfg_.jumpTo(labelBlock(cast<GotoStmt>(s)->getLabel()));
    case clang::Stmt::LabelStmtClass: {
      const auto* label = cast<LabelStmt>(s);
      BlockId target = labelBlock(label->getDecl());
      cfg_.jumpTo(target);
      cfg_.moveTo(target);
      return lowerStmt(label->getSubStmt());
    }
    case clang::Stmt::AttributedStmtClass:
      return lowerStmt(cast<AttributedStmt>(s)->getSubStmt());
    case clang::Stmt::CaseStmtClass:
    case clang::Stmt::DefaultStmtClass:
      // Reached only outside lowerSwitch's own walk (a label nested in a block): the body.
      return lowerStmt(cast<SwitchCase>(s)->getSubStmt());
    default:
      // null statements, asm, and the like: nothing the rules follow.
      return;
  }
}

BlockId BodyLowering::labelBlock(const LabelDecl* label) {
  auto it = labels_.find(label);
  if (it != labels_.end()) return it->second;
  BlockId b = cfg_.newBlock();
  labels_[label] = b;
  return b;
}

void BodyLowering::lowerCompound(const CompoundStmt* s) {
  for (const clang::Stmt* child : s->body()) lowerStmt(child);
}

void BodyLowering::lowerDecl(const DeclStmt* s) {
  for (const Decl* d : s->decls()) {
    if (const auto* v = dyn_cast<VarDecl>(d)) {
      lowerVar(v, file_.span(v->getSourceRange()));
    } else if (const auto* r = dyn_cast<CXXRecordDecl>(d)) {
      file_.declareLocalClass(r, id_);
    } else if (const auto* t = dyn_cast<ClassTemplateDecl>(d)) {
      file_.declareLocalClass(t->getTemplatedDecl(), id_);
    }
  }
}

void BodyLowering::lowerVar(const VarDecl* v, Span at) {
  const clang::Expr* init = v->getInit();
  if (!init) return;
  if (const auto* construct = dyn_cast<CXXConstructExpr>(init->IgnoreImplicit());
      construct && construct->getNumArgs() == 0 && file_.typeName(v->getType()).empty()) {
    return;  // default construction of a type with no name worth keeping
  }
  ExprId value = lower(init);
  if (!v->getDeclName().isEmpty()) {
    std::string valueName = valueNameOf(value);
    if (v->isFileVarDecl() || v->isStaticDataMember()) {
      if (!valueName.empty()) file_.globalValues[v] = valueName;
    } else if (!valueName.empty() && writes_[v] == 0) {
      values_[v] = valueName;
    }
  }
  Span nameSpan = file_.span(v->getLocation());
  ExprId target = name(nameSpan.valid() ? nameSpan : at, v->getName().str(), localQualified(v), bindingOf(v));
  if (const auto* decomposition = dyn_cast<DecompositionDecl>(v)) {
    // `auto [a, b] = f();` unpacks into a tuple of names.
    Expr tuple;
    tuple.kind = ExprKind::Container;
    tuple.text = "tuple";
    tuple.span = at;
    for (const BindingDecl* b : decomposition->bindings()) {
      tuple.args.push_back(name(file_.span(b->getLocation()), b->getName().str(), "",
                                fn().qualified + ".<locals>." + b->getName().str()));
    }
    target = add(std::move(tuple));
  }
  assign(target, value, at);
}

void BodyLowering::lowerExprStmt(const clang::Expr* e, Span at) {
  const clang::Expr* inner = e->IgnoreImplicit();
  if (const auto* cleanups = dyn_cast<ExprWithCleanups>(inner)) inner = cleanups->getSubExpr()->IgnoreImplicit();
  inner = inner->IgnoreParens();
  if (const auto* t = dyn_cast<CXXThrowExpr>(inner)) return lowerThrow(t, at);
  // Assignments are statements of their own; the value they yield is unused here.
  if (const auto* b = dyn_cast<BinaryOperator>(inner); b && b->isAssignmentOp()) {
    ExprId value = lower(b->getRHS());
    ExprId target = lower(b->getLHS());
    std::string op = b->isCompoundAssignmentOp() ? b->getOpcodeStr().str() : std::string();
    assign(target, value, at, op);
    return;
  }
  if (const auto* op = dyn_cast<CXXOperatorCallExpr>(inner); op && op->isAssignmentOp() && op->getNumArgs() == 2) {
    ExprId value = lower(op->getArg(1));
    ExprId target = lower(op->getArg(0));
    std::string aug = op->getOperator() == OO_Equal ? std::string() : std::string(getOperatorSpelling(op->getOperator()));
    assign(target, value, at, aug);
    return;
  }
  ExprId value = lower(e);
  // An increment as a statement already became an assignment.
  const Expr& lowered = fn().expr(value);
  if (lowered.kind == ExprKind::Name || lowered.kind == ExprKind::Attribute || lowered.kind == ExprKind::Subscript) {
    if (isa<UnaryOperator>(inner) || isa<CXXOperatorCallExpr>(inner)) return;
  }
  evaluate(value, at);
}

void BodyLowering::lowerReturn(const ReturnStmt* s) {
  Span at = file_.span(s->getSourceRange());
  Stmt ret;
  ret.kind = StmtKind::Return;
  ret.span = at;
  if (const clang::Expr* value = s->getRetValue()) {
    const clang::Expr* inner = value->IgnoreImplicit();
    if (const auto* cleanups = dyn_cast<ExprWithCleanups>(inner)) inner = cleanups->getSubExpr()->IgnoreImplicit();
    inner = inner->IgnoreParens();
    // `return res.status = 401;`: the assignment, then a return of the assigned value.
    if (const auto* b = dyn_cast<BinaryOperator>(inner); b && b->getOpcode() == BO_Assign) {
      ExprId v = lower(b->getRHS());
      assign(lower(b->getLHS()), v, at);
      ret.value = v;
    } else if (const auto* op = dyn_cast<CXXOperatorCallExpr>(inner);
               op && op->getOperator() == OO_Equal && op->getNumArgs() == 2) {
      ExprId v = lower(op->getArg(1));
      assign(lower(op->getArg(0)), v, at);
      ret.value = v;
    } else {
      ret.value = lower(value);
    }
  }
  cfg_.addStmt(std::move(ret));
  cfg_.endWithReturn();
}

void BodyLowering::lowerThrow(const CXXThrowExpr* e, Span at) {
  Stmt raise;
  raise.kind = StmtKind::Raise;
  raise.span = at;
  if (e->getSubExpr()) raise.value = lower(e->getSubExpr());
  cfg_.addStmt(std::move(raise));
  cfg_.endAbruptly();
}

ExprId BodyLowering::lowerCondition(const clang::Stmt* init, const DeclStmt* conditionVar, const clang::Expr* cond) {
  if (init) lowerStmt(init);
  if (conditionVar) {
    // `if (auto x = f())` tests x after assigning it.
    lowerDecl(conditionVar);
    if (const auto* v = dyn_cast_or_null<VarDecl>(conditionVar->getSingleDecl())) {
      return name(file_.span(v->getLocation()), v->getName().str(), localQualified(v), bindingOf(v));
    }
  }
  if (!cond) return unknown(Span{}, "true");
  return lower(cond);
}

void BodyLowering::lowerIf(const IfStmt* s) {
  if (s->isConsteval()) {
    lowerStmt(s->getThen());
    return;
  }
  ExprId condition = lowerCondition(s->getInit(), s->getConditionVariableDeclStmt(), s->getCond());
  BlockId thenBlock = cfg_.newBlock();
  BlockId join = cfg_.newBlock();
  BlockId elseBlock = s->getElse() ? cfg_.newBlock() : join;
  cfg_.branch(condition, thenBlock, elseBlock);
  cfg_.moveTo(thenBlock);
  lowerStmt(s->getThen());
  cfg_.jumpTo(join);
  if (s->getElse()) {
    cfg_.moveTo(elseBlock);
    lowerStmt(s->getElse());
    cfg_.jumpTo(join);
  }
  cfg_.moveTo(join);
}

void BodyLowering::lowerWhile(const WhileStmt* s) {
  BlockId header = cfg_.newBlock();
  cfg_.jumpTo(header);
  BlockId after = cfg_.newBlock();
  cfg_.moveTo(header);
  ++cfg_.loopDepth;
  ExprId condition = lowerCondition(nullptr, s->getConditionVariableDeclStmt(), s->getCond());
  BlockId body = cfg_.newBlock();
  const Expr& c = fn().expr(condition);
  if (c.kind == ExprKind::Literal && (c.literal == LiteralKind::True || (c.literal == LiteralKind::Integer && c.text != "0"))) {
    cfg_.jumpTo(body);  // while (true): left only by break, return or throw
  } else {
    cfg_.branch(condition, body, after);
  }
  cfg_.pushBreak(after);
  cfg_.pushContinue(header);
  cfg_.moveTo(body);
  lowerStmt(s->getBody());
  cfg_.jumpTo(header, EdgeKind::LoopBack);
  cfg_.popContinue();
  cfg_.popBreak();
  --cfg_.loopDepth;
  cfg_.moveTo(after);
}

void BodyLowering::lowerDo(const DoStmt* s) {
  ++cfg_.loopDepth;
  BlockId body = cfg_.newBlock();
  BlockId test = cfg_.newBlock();
  BlockId after = cfg_.newBlock();
  cfg_.jumpTo(body);
  cfg_.pushBreak(after);
  cfg_.pushContinue(test);
  cfg_.moveTo(body);
  lowerStmt(s->getBody());
  cfg_.jumpTo(test);
  cfg_.popContinue();
  cfg_.popBreak();
  cfg_.moveTo(test);
  ExprId condition = lower(s->getCond());
  BlockId back = cfg_.newBlock();
  cfg_.branch(condition, back, after);
  cfg_.moveTo(back);
  cfg_.jumpTo(body, EdgeKind::LoopBack);
  --cfg_.loopDepth;
  cfg_.moveTo(after);
}

void BodyLowering::lowerFor(const ForStmt* s) {
  if (s->getInit()) lowerStmt(s->getInit());
  BlockId header = cfg_.newBlock();
  cfg_.jumpTo(header);
  BlockId after = cfg_.newBlock();
  cfg_.moveTo(header);
  ++cfg_.loopDepth;
  BlockId body = cfg_.newBlock();
  BlockId step = cfg_.newBlock();
  if (s->getCond() || s->getConditionVariableDeclStmt()) {
    ExprId condition = lowerCondition(nullptr, s->getConditionVariableDeclStmt(), s->getCond());
    cfg_.branch(condition, body, after);
  } else {
    cfg_.jumpTo(body);
  }
  cfg_.pushBreak(after);
  cfg_.pushContinue(step);
  cfg_.moveTo(body);
  lowerStmt(s->getBody());
  cfg_.jumpTo(step);
  cfg_.popContinue();
  cfg_.popBreak();
  cfg_.moveTo(step);
  if (s->getInc()) lowerStmt(s->getInc());
  cfg_.jumpTo(header, EdgeKind::LoopBack);
  --cfg_.loopDepth;
  cfg_.moveTo(after);
}

void BodyLowering::lowerRangeFor(const CXXForRangeStmt* s) {
  if (s->getInit()) lowerStmt(s->getInit());
  Span at = file_.span(s->getSourceRange());
  ExprId range = lower(s->getRangeInit());
  BlockId header = cfg_.newBlock();
  cfg_.jumpTo(header);
  BlockId after = cfg_.newBlock();
  cfg_.moveTo(header);
  ++cfg_.loopDepth;
  // As for Python's for: the header tests "is there a next item", which no expression spells.
  ExprId hasNext = unknown(at, "has next");
  BlockId body = cfg_.newBlock();
  cfg_.branch(hasNext, body, after);
  cfg_.pushBreak(after);
  cfg_.pushContinue(header);
  cfg_.moveTo(body);
  if (const VarDecl* v = s->getLoopVariable()) {
    Span vs = file_.span(v->getSourceRange());
    ExprId item = unknown(file_.span(s->getRangeInit()->getSourceRange()), "iter", {range});
    ExprId target = name(file_.span(v->getLocation()), v->getName().str(), localQualified(v), bindingOf(v));
    assign(target, item, vs);
  }
  lowerStmt(s->getBody());
  cfg_.jumpTo(header, EdgeKind::LoopBack);
  cfg_.popContinue();
  cfg_.popBreak();
  --cfg_.loopDepth;
  cfg_.moveTo(after);
}

void BodyLowering::lowerSwitch(const SwitchStmt* s) {
  ExprId subject = lowerCondition(s->getInit(), s->getConditionVariableDeclStmt(), s->getCond());
  // Each case label gets a block; a chain of `subject == value` tests dispatches to them, so
  // a case on `http::verb::post` reads as the comparison it is.
  std::vector<const SwitchCase*> cases;
  for (const SwitchCase* c = s->getSwitchCaseList(); c; c = c->getNextSwitchCase()) cases.push_back(c);
  std::reverse(cases.begin(), cases.end());  // the list is in reverse source order
  std::map<const SwitchCase*, BlockId> blocks;
  for (const SwitchCase* c : cases) blocks[c] = cfg_.newBlock();
  BlockId after = cfg_.newBlock();
  BlockId defaultBlock = after;
  for (const SwitchCase* c : cases) {
    if (isa<DefaultStmt>(c)) defaultBlock = blocks[c];
  }
  for (const SwitchCase* c : cases) {
    const auto* kase = dyn_cast<CaseStmt>(c);
    if (!kase) continue;
    ExprId value = lower(kase->getLHS());
    ExprId test = compare("==", subject, value, file_.span(kase->getLHS()->getSourceRange()));
    BlockId next = cfg_.newBlock();
    cfg_.branch(test, blocks[c], next);
    cfg_.moveTo(next);
  }
  cfg_.jumpTo(defaultBlock);

  // The body in source order: reaching a label falls through into its block.
  cfg_.pushBreak(after);
  cfg_.moveTo(kNoBlock);
  if (const auto* body = dyn_cast_or_null<CompoundStmt>(s->getBody())) {
    for (const clang::Stmt* child : body->body()) {
      const clang::Stmt* st = child;
      // `case A: case B: stmt` nests labels.
      while (const auto* label = dyn_cast_or_null<SwitchCase>(st)) {
        auto it = blocks.find(label);
        if (it != blocks.end()) {
          cfg_.jumpTo(it->second);
          cfg_.moveTo(it->second);
        }
        st = label->getSubStmt();
      }
      lowerStmt(st);
    }
  } else if (s->getBody()) {
    const clang::Stmt* st = s->getBody();
    while (const auto* label = dyn_cast_or_null<SwitchCase>(st)) {
      auto it = blocks.find(label);
      if (it != blocks.end()) {
        cfg_.jumpTo(it->second);
        cfg_.moveTo(it->second);
      }
      st = label->getSubStmt();
    }
    lowerStmt(st);
  }
  cfg_.jumpTo(after);
  cfg_.popBreak();
  cfg_.moveTo(after);
}

void BodyLowering::lowerTry(const CXXTryStmt* s) {
  std::vector<BlockId> handlers;
  bool catchAll = false;
  for (unsigned i = 0; i < s->getNumHandlers(); ++i) {
    const CXXCatchStmt* h = s->getHandler(i);
    BlockId b = cfg_.newBlock();
    Block& block = fn().blocks[b];
    block.isHandler = true;
    if (const VarDecl* v = h->getExceptionDecl()) {
      std::string type = file_.typeName(v->getType());
      block.caughtTypes.push_back(type.empty() ? v->getType().getNonReferenceType().getUnqualifiedType().getAsString(
                                                     file_.ast.getPrintingPolicy())
                                               : type);
      catchAll = catchAll || type == "std::exception";
    } else if (!h->getCaughtType().isNull()) {
      block.caughtTypes.push_back(file_.typeName(h->getCaughtType()));
    } else {
      catchAll = true;  // catch (...)
    }
    handlers.push_back(b);
  }
  BlockId join = cfg_.newBlock();
  cfg_.pushHandlers(handlers, catchAll);
  BlockId bodyStart = cfg_.newBlock();
  cfg_.jumpTo(bodyStart);
  cfg_.moveTo(bodyStart);
  lowerStmt(s->getTryBlock());
  cfg_.popHandlers();
  cfg_.jumpTo(join);
  for (unsigned i = 0; i < s->getNumHandlers(); ++i) {
    const CXXCatchStmt* h = s->getHandler(i);
    cfg_.moveTo(handlers[i]);
    if (const VarDecl* v = h->getExceptionDecl(); v && !v->getDeclName().isEmpty()) {
      ExprId target = name(file_.span(v->getLocation()), v->getName().str(), localQualified(v), bindingOf(v));
      assign(target, unknown(file_.span(v->getSourceRange()), "caught"), file_.span(v->getSourceRange()));
    }
    lowerStmt(h->getHandlerBlock());
    cfg_.jumpTo(join);
  }
  cfg_.moveTo(join);
}

}  // namespace hg::cpp
