#include "python/body_lowering.h"

#include "python/definitions.h"
#include "python/imports.h"
#include "python/node_util.h"

namespace hg::python {
namespace {

FunctionId parentForDefinitions(const PendingBody& body, const Function& fn) {
  if (isType(body.node, "module")) return kNoFunction;
  if (isType(body.node, "class_definition")) return fn.parent;
  return body.function;
}

}  // namespace

BodyLowering::BodyLowering(FileLowering& file, const PendingBody& body)
    : file_(file),
      body_(body),
      fn_(file.function(body.function)),
      scope_(*body.scope),
      definitionParent_(parentForDefinitions(body, file.function(body.function))),
      exprs_(file, body.function, *body.scope, definitionParent_),
      cfg_(file.function(body.function)) {}

void BodyLowering::run() {
  TSNode node = body_.node;
  if (isType(node, "lambda")) {
    Stmt ret = makeStmt(StmtKind::Return, node);
    ret.value = exprs_.lower(field(node, "body"));
    cfg_.addStmt(std::move(ret));
    cfg_.endWithReturn();
    return;
  }
  if (isType(node, "module")) {
    lowerStatements(node);
  } else {
    lowerStatements(field(node, "body"));
  }
  cfg_.finish();
}

Stmt BodyLowering::makeStmt(StmtKind kind, TSNode at) const {
  Stmt s;
  s.kind = kind;
  s.span = file_.span(at);
  return s;
}

void BodyLowering::lowerStatements(TSNode container) {
  for (TSNode s : namedChildren(container)) lowerStatement(s);
}

void BodyLowering::lowerStatement(TSNode s) {
  file_.deadline.poll();
  ExprLowering::Nesting nesting(exprs_);
  if (nesting.tooDeep()) {
    file_.nestingTooDeep(s);
    return;
  }
  const std::string_view type = nodeType(s);
  if (type == "expression_statement") return lowerExpressionStatement(s);
  if (type == "return_statement") return lowerReturn(s);
  if (type == "raise_statement") return lowerRaise(s);
  if (type == "if_statement") return lowerIf(s);
  if (type == "while_statement") return lowerWhile(s);
  if (type == "for_statement") return lowerFor(s);
  if (type == "try_statement") return lowerTry(s);
  if (type == "with_statement") return lowerWith(s);
  if (type == "match_statement") return lowerMatch(s);
  if (type == "assert_statement") return lowerAssert(s);
  if (type == "import_statement" || type == "import_from_statement") return lowerImport(s);
  if (type == "delete_statement") return lowerDelete(s);
  if (type == "function_definition" || type == "class_definition") return lowerDefinition(s, TSNode{});
  if (type == "decorated_definition") return lowerDefinition(field(s, "definition"), s);
  if (type == "block") return lowerStatements(s);
  if (type == "break_statement") {
    cfg_.breakLoop();
    return;
  }
  if (type == "continue_statement") {
    cfg_.continueLoop();
    return;
  }
  if (type == "print_statement" || type == "exec_statement") {
    // Python 2: kept as an evaluation of its operands.
    std::vector<ExprId> args;
    for (TSNode c : namedChildren(s)) args.push_back(exprs_.lower(c));
    evaluate(exprs_.unknown(s, std::string(type.substr(0, type.find('_'))), std::move(args)), s);
    return;
  }
  if (type == "ERROR") {
    // What parsed inside an error: statements are lowered, fragments are not guessed at.
    for (TSNode c : namedChildren(s)) {
      const std::string_view t = nodeType(c);
      if (t.ends_with("_statement") || t.ends_with("_definition") || t == "block" || t == "ERROR") lowerStatement(c);
    }
    return;
  }
  // pass, global, nonlocal, future imports, type aliases: nothing runs that rules follow.
}

void BodyLowering::evaluate(ExprId value, TSNode statement) {
  Stmt eval = makeStmt(StmtKind::Eval, statement);
  eval.value = value;
  cfg_.addStmt(std::move(eval));
  if (neverReturns(value)) cfg_.endAbruptly();
}

bool BodyLowering::neverReturns(ExprId value) const {
  if (value == kNoExpr) return false;
  const Expr* e = &fn_.exprs[value];
  if (e->kind == ExprKind::Await && !e->args.empty()) e = &fn_.exprs[e->args[0]];
  return e->kind == ExprKind::Call && file_.knowledge.matches("noreturn", e->qualified);
}

void BodyLowering::lowerExpressionStatement(TSNode s) {
  for (TSNode c : namedChildren(s)) {
    const std::string_view type = nodeType(c);
    if (type == "assignment") {
      lowerAssignment(c, s);
    } else if (type == "augmented_assignment") {
      lowerAugmented(c, s);
    } else {
      evaluate(exprs_.lower(c), s);
    }
  }
}

void BodyLowering::recordAssignment(TSNode target, ExprId value, TSNode annotation) {
  if (!isType(target, "identifier")) return;
  Resolution r = resolveName(scope_, std::string(file_.text(target)));
  if (!r.scope) return;
  NameInfo& info = r.scope->names[std::string(file_.text(target))];
  if (!ts_node_is_null(annotation) && info.annotation.empty()) info.annotation = annotationType(file_, annotation, scope_);
  if (value != kNoExpr && info.assignments == 1 && !info.imported && !info.defined) {
    info.value = valueName(fn_, value);
  }
}

void BodyLowering::lowerAssignment(TSNode assignment, TSNode statement) {
  // `a = b = value` nests to the right: every left side is a target of the final value.
  std::vector<TSNode> targets;
  TSNode annotation{};
  TSNode cur = assignment;
  TSNode value{};
  while (isType(cur, "assignment") && targets.size() < 10000) {
    targets.push_back(field(cur, "left"));
    if (ts_node_is_null(annotation)) annotation = field(cur, "type");
    value = field(cur, "right");
    cur = value;
  }
  if (ts_node_is_null(value)) {
    // `x: T` declares without assigning.
    if (!targets.empty()) recordAssignment(targets[0], kNoExpr, annotation);
    return;
  }
  Stmt assign = makeStmt(StmtKind::Assign, statement);
  if (isType(value, "augmented_assignment")) {
    lowerAugmented(value, statement);
    assign.value = exprs_.lower(field(value, "left"));
  } else {
    assign.value = exprs_.lower(value);
  }
  for (TSNode t : targets) {
    assign.targets.push_back(exprs_.lowerTarget(t));
    recordAssignment(t, assign.value, annotation);
  }
  cfg_.addStmt(std::move(assign));
}

void BodyLowering::lowerAugmented(TSNode assignment, TSNode statement) {
  Stmt assign = makeStmt(StmtKind::Assign, statement);
  assign.augOp = std::string(file_.text(field(assignment, "operator")));
  assign.value = exprs_.lower(field(assignment, "right"));
  assign.targets.push_back(exprs_.lowerTarget(field(assignment, "left")));
  cfg_.addStmt(std::move(assign));
}

void BodyLowering::lowerReturn(TSNode s) {
  Stmt ret = makeStmt(StmtKind::Return, s);
  std::vector<TSNode> parts = namedChildren(s);
  if (!parts.empty()) ret.value = exprs_.lower(parts[0]);
  cfg_.addStmt(std::move(ret));
  cfg_.endWithReturn();
}

void BodyLowering::lowerRaise(TSNode s) {
  Stmt raise = makeStmt(StmtKind::Raise, s);
  for (const Child& c : childrenOf(s)) {
    if (!c.named || (c.field && std::string_view(c.field) == "cause")) continue;
    raise.value = exprs_.lower(c.node);
    break;
  }
  cfg_.addStmt(std::move(raise));
  cfg_.endAbruptly();
}

void BodyLowering::lowerAssert(TSNode s) {
  std::vector<TSNode> parts = namedChildren(s);
  if (parts.empty()) return;
  ExprId condition = exprs_.lower(parts[0]);
  BlockId ok = cfg_.newBlock();
  BlockId fail = cfg_.newBlock();
  cfg_.branch(condition, ok, fail);
  cfg_.moveTo(fail);
  // A failed assert raises AssertionError(message).
  Expr callee;
  callee.kind = ExprKind::Name;
  callee.text = callee.qualified = "AssertionError";
  callee.span = file_.span(s);
  Expr call;
  call.kind = ExprKind::Call;
  call.qualified = "AssertionError";
  call.span = callee.span;
  call.args.push_back(exprs_.add(std::move(callee)));
  if (parts.size() > 1) {
    call.args.push_back(exprs_.lower(parts[1]));
    call.argNames.emplace_back();
  }
  Stmt raise = makeStmt(StmtKind::Raise, s);
  raise.value = exprs_.add(std::move(call));
  cfg_.addStmt(std::move(raise));
  cfg_.endAbruptly();
  cfg_.moveTo(ok);
}

void BodyLowering::lowerDelete(TSNode s) {
  Stmt del = makeStmt(StmtKind::Delete, s);
  for (TSNode c : namedChildren(s)) {
    if (isType(c, "expression_list")) {
      for (TSNode t : namedChildren(c)) del.targets.push_back(exprs_.lowerTarget(t));
    } else {
      del.targets.push_back(exprs_.lowerTarget(c));
    }
  }
  cfg_.addStmt(std::move(del));
}

void BodyLowering::lowerImport(TSNode s) {
  Stmt imp = makeStmt(StmtKind::Import, s);
  const bool moduleLevel = scope_.kind == ScopeKind::Module;
  for (const ImportBinding& b : importBindings(s, file_.source, file_.packageName)) {
    if (moduleLevel) file_.module.imports.push_back(Import{b.star ? "*" : b.localName, b.target, file_.span(b.node)});
    if (b.star) continue;
    Expr name;
    name.kind = ExprKind::Name;
    name.text = b.localName;
    name.span = file_.span(b.node);
    Resolution r = resolveName(scope_, b.localName);
    name.binding = r.binding;
    name.qualified = r.qualified;
    imp.targets.push_back(exprs_.add(std::move(name)));
  }
  cfg_.addStmt(std::move(imp));
}

void BodyLowering::lowerDefinition(TSNode definition, TSNode decorated) {
  if (ts_node_is_null(definition)) return;
  if (scope_.depth >= kMaxNestingDepth) {
    file_.nestingTooDeep(definition);
    return;
  }
  TSNode nameNode = field(definition, "name");
  const TSNode at = ts_node_is_null(decorated) ? definition : decorated;
  Expr value;
  value.kind = ExprKind::Name;
  value.text = ts_node_is_null(nameNode) ? "<anonymous>" : std::string(file_.text(nameNode));
  value.span = file_.span(ts_node_is_null(nameNode) ? definition : nameNode);
  if (isType(definition, "class_definition")) {
    size_t index = declareClass(file_, definition, decorated, scope_, definitionParent_);
    value.qualified = file_.module.classes[index].qualified;
    value.function = file_.module.classes[index].body;
  } else {
    const size_t classIndex = isType(body_.node, "class_definition") ? body_.classIndex : SIZE_MAX;
    FunctionId id = declareFunction(file_, definition, decorated, scope_, definitionParent_, classIndex);
    if (classIndex != SIZE_MAX) file_.module.classes[classIndex].methods.push_back(id);
    value.qualified = file_.function(id).qualified;
    value.function = id;
    NameInfo& info = scope_.names[value.text];
    if (info.function == kNoFunction && info.defined) info.function = id;
  }
  Stmt assign = makeStmt(StmtKind::Assign, at);
  assign.span = file_.span(ts_node_start_byte(at), ts_node_end_byte(ts_node_is_null(nameNode) ? definition : nameNode));
  assign.value = exprs_.add(std::move(value));
  if (!ts_node_is_null(nameNode)) assign.targets.push_back(exprs_.lowerTarget(nameNode));
  cfg_.addStmt(std::move(assign));
}

}  // namespace hg::python
