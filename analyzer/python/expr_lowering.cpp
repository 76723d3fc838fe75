#include "python/expr_lowering.h"

#include <utility>

#include "python/definitions.h"
#include "python/literals.h"
#include "python/node_util.h"

namespace hg::python {

std::string valueName(const Function& fn, ExprId id) {
  // Await chains are short in practice, but stay bounded on hostile input.
  for (int hops = 0; id != kNoExpr && id < fn.exprs.size() && hops < kMaxNestingDepth; ++hops) {
    const Expr& e = fn.exprs[id];
    switch (e.kind) {
      case ExprKind::Name:
      case ExprKind::Attribute:
        return e.qualified;
      case ExprKind::Call:
        return e.qualified.empty() ? std::string() : e.qualified + "()";
      case ExprKind::Await:
        id = e.args.empty() ? kNoExpr : e.args[0];
        continue;
      default:
        return {};
    }
  }
  return {};
}

ExprLowering::ExprLowering(FileLowering& file, FunctionId target, Scope& scope, FunctionId enclosing)
    : file_(file), target_(target), scope_(scope), enclosing_(enclosing) {}

ExprId ExprLowering::add(Expr e) { return fn().addExpr(std::move(e)); }

ExprId ExprLowering::unknown(TSNode at, std::string text, std::vector<ExprId> args) {
  Expr e;
  e.kind = ExprKind::Unknown;
  e.span = file_.span(at);
  e.text = std::move(text);
  e.args = std::move(args);
  return add(std::move(e));
}

ExprId ExprLowering::lowerChildren(TSNode n, std::string text) {
  std::vector<ExprId> args;
  for (TSNode c : namedChildren(n)) args.push_back(lower(c));
  return unknown(n, std::move(text), std::move(args));
}

ExprId ExprLowering::lower(TSNode n) {
  // Parentheses are transparent; unwrapping them in a loop keeps `((((x))))` flat.
  while (isType(n, "parenthesized_expression")) {
    std::vector<TSNode> inner = namedChildren(n);
    if (inner.size() != 1) break;
    n = inner[0];
  }
  if (ts_node_is_null(n)) {
    Expr e;
    return add(std::move(e));
  }
  Nesting nesting(*this);
  if (nesting.tooDeep()) {
    file_.nestingTooDeep(n);
    return unknown(n, "too deep");
  }
  const std::string_view type = nodeType(n);
  if (type == "identifier") return lowerName(n);
  if (type == "attribute") return lowerAttribute(n);
  if (type == "call") return lowerCall(n);
  if (type == "subscript") return lowerSubscript(n);
  if (type == "string" || type == "concatenated_string") return lowerStrings(n);
  if (type == "integer") return lowerNumber(n, false);
  if (type == "float") return lowerNumber(n, true);
  if (type == "true" || type == "false" || type == "none" || type == "ellipsis") {
    Expr e;
    e.kind = ExprKind::Literal;
    e.literal = type == "true" ? LiteralKind::True
                : type == "false" ? LiteralKind::False
                : type == "none" ? LiteralKind::NoneValue
                                 : LiteralKind::Ellipsis;
    e.span = file_.span(n);
    e.text = std::string(file_.text(n));
    return add(std::move(e));
  }
  if (type == "binary_operator") return lowerBinaryChain(n);
  if (type == "boolean_operator") return lowerBoolChain(n);
  if (type == "comparison_operator") return lowerCompare(n);
  if (type == "not_operator") {
    Expr e;
    e.kind = ExprKind::Not;
    e.span = file_.span(n);
    e.args.push_back(lower(field(n, "argument")));
    return add(std::move(e));
  }
  if (type == "unary_operator") {
    Expr e;
    e.kind = ExprKind::UnaryOp;
    e.span = file_.span(n);
    e.text = std::string(file_.text(field(n, "operator")));
    e.args.push_back(lower(field(n, "argument")));
    return add(std::move(e));
  }
  if (type == "conditional_expression") {
    std::vector<TSNode> parts = namedChildren(n);
    if (parts.size() != 3) return lowerChildren(n, "conditional");
    Expr e;
    e.kind = ExprKind::Conditional;
    e.span = file_.span(n);
    for (TSNode p : parts) e.args.push_back(lower(p));
    return add(std::move(e));
  }
  if (type == "list") return lowerContainer(n, "list");
  if (type == "set") return lowerContainer(n, "set");
  if (type == "tuple" || type == "expression_list" || type == "pattern_list" || type == "tuple_pattern") {
    return lowerContainer(n, "tuple");
  }
  if (type == "list_pattern") return lowerContainer(n, "list");
  if (type == "dictionary") return lowerDictionary(n);
  if (type == "list_comprehension") return lowerComprehension(n, "list");
  if (type == "set_comprehension") return lowerComprehension(n, "set");
  if (type == "dictionary_comprehension") return lowerComprehension(n, "dict");
  if (type == "generator_expression") return lowerComprehension(n, "generator");
  if (type == "lambda") return lowerLambda(n);
  if (type == "await") {
    std::vector<TSNode> parts = namedChildren(n);
    Expr e;
    e.kind = ExprKind::Await;
    e.span = file_.span(n);
    if (!parts.empty()) e.args.push_back(lower(parts[0]));
    return add(std::move(e));
  }
  if (type == "named_expression") {
    ExprId target = lowerTarget(field(n, "name"));
    ExprId value = lower(field(n, "value"));
    return unknown(n, ":=", {target, value});
  }
  if (type == "yield") {
    bool from = false;
    for (const Child& c : childrenOf(n)) from = from || (!c.named && nodeType(c.node) == "from");
    return lowerChildren(n, from ? "yield from" : "yield");
  }
  if (type == "list_splat" || type == "list_splat_pattern" || type == "parenthesized_list_splat") {
    return lowerChildren(n, "*");
  }
  if (type == "dictionary_splat" || type == "dictionary_splat_pattern") return lowerChildren(n, "**");
  if (type == "as_pattern" || type == "type" || type == "parenthesized_expression") {
    std::vector<TSNode> parts = namedChildren(n);
    if (!parts.empty()) return lower(parts[0]);
  }
  if (type == "slice") return lowerChildren(n, "slice");
  if (type == "ERROR") return lowerChildren(n, "error");
  return lowerChildren(n, std::string(type));
}

ExprId ExprLowering::lowerTarget(TSNode n) {
  while (isType(n, "parenthesized_expression")) {
    std::vector<TSNode> inner = namedChildren(n);
    if (inner.size() != 1) break;
    n = inner[0];
  }
  if (!isType(n, "identifier")) {
    const std::string_view type = nodeType(n);
    if (type == "tuple_pattern" || type == "pattern_list" || type == "tuple" || type == "expression_list" ||
        type == "list_pattern" || type == "list") {
      Nesting nesting(*this);
      if (nesting.tooDeep()) {
        file_.nestingTooDeep(n);
        return unknown(n, "too deep");
      }
      Expr e;
      e.kind = ExprKind::Container;
      e.text = type == "list_pattern" || type == "list" ? "list" : "tuple";
      e.span = file_.span(n);
      for (TSNode c : namedChildren(n)) e.args.push_back(lowerTarget(c));
      return add(std::move(e));
    }
    if (type == "list_splat_pattern" || type == "list_splat") {
      std::vector<TSNode> parts = namedChildren(n);
      std::vector<ExprId> args;
      if (!parts.empty()) args.push_back(lowerTarget(parts[0]));
      return unknown(n, "*", std::move(args));
    }
    return lower(n);
  }
  std::string name(file_.text(n));
  Resolution r = resolveName(scope_, name);
  Expr e;
  e.kind = ExprKind::Name;
  e.span = file_.span(n);
  e.text = name;
  e.binding = r.binding;
  // A written module global or class attribute is named by its identity; a local has none.
  if (r.scope && r.scope->kind != ScopeKind::Function) e.qualified = r.binding;
  return add(std::move(e));
}

ExprId ExprLowering::lowerName(TSNode n) {
  std::string name(file_.text(n));
  Resolution r = resolveName(scope_, name);
  Expr e;
  e.kind = ExprKind::Name;
  e.span = file_.span(n);
  e.text = std::move(name);
  e.qualified = std::move(r.qualified);
  e.binding = std::move(r.binding);
  e.function = r.function;
  return add(std::move(e));
}

ExprId ExprLowering::lowerAttribute(TSNode n) {
  ExprId object = lower(field(n, "object"));
  Expr e;
  e.kind = ExprKind::Attribute;
  e.span = file_.span(n);
  e.text = std::string(file_.text(field(n, "attribute")));
  e.args.push_back(object);
  std::string base = valueName(fn(), object);
  if (!base.empty() && !e.text.empty()) e.qualified = base + "." + e.text;
  return add(std::move(e));
}

ExprId ExprLowering::lowerCall(TSNode n) {
  Expr e;
  e.kind = ExprKind::Call;
  e.span = file_.span(n);
  ExprId callee = lower(field(n, "function"));
  e.args.push_back(callee);
  TSNode arguments = field(n, "arguments");
  if (isType(arguments, "generator_expression")) {
    e.args.push_back(lower(arguments));
    e.argNames.emplace_back();
  } else {
    for (TSNode a : namedChildren(arguments)) {
      const std::string_view type = nodeType(a);
      if (type == "keyword_argument") {
        e.argNames.emplace_back(file_.text(field(a, "name")));
        e.args.push_back(lower(field(a, "value")));
      } else if (type == "list_splat" || type == "dictionary_splat") {
        std::vector<TSNode> inner = namedChildren(a);
        e.argNames.emplace_back(type == "list_splat" ? "*" : "**");
        e.args.push_back(inner.empty() ? unknown(a, std::string(type)) : lower(inner[0]));
      } else {
        e.argNames.emplace_back();
        e.args.push_back(lower(a));
      }
    }
  }
  const Function& f = fn();
  e.qualified = valueName(f, callee);
  e.function = f.exprs[callee].function;
  return add(std::move(e));
}

ExprId ExprLowering::lowerSubscript(TSNode n) {
  Expr e;
  e.kind = ExprKind::Subscript;
  e.span = file_.span(n);
  e.args.push_back(lower(field(n, "value")));
  std::vector<TSNode> indexes = fieldChildren(n, "subscript");
  if (indexes.size() == 1) {
    e.args.push_back(lower(indexes[0]));
  } else {
    Expr tuple;
    tuple.kind = ExprKind::Container;
    tuple.text = "tuple";
    tuple.span = indexes.empty() ? e.span : file_.span(ts_node_start_byte(indexes.front()), ts_node_end_byte(indexes.back()));
    for (TSNode i : indexes) tuple.args.push_back(lower(i));
    e.args.push_back(add(std::move(tuple)));
  }
  return add(std::move(e));
}

ExprId ExprLowering::lowerNumber(TSNode n, bool isFloat) {
  std::string_view text = file_.text(n);
  Expr e;
  e.kind = ExprKind::Literal;
  e.span = file_.span(n);
  if (!text.empty() && (text.back() == 'j' || text.back() == 'J')) isFloat = true;  // imaginary
  e.literal = isFloat ? LiteralKind::Float : LiteralKind::Integer;
  e.text = isFloat ? normalizeFloat(text) : normalizeInteger(text);
  return add(std::move(e));
}

ExprId ExprLowering::lowerBinaryChain(TSNode n) {
  // `a + b + c + ...` nests to the left; walk that spine in a loop so a long sum does not
  // use up the nesting budget.
  std::vector<TSNode> spine;
  TSNode cur = n;
  while (isType(cur, "binary_operator") && spine.size() < 100000) {
    spine.push_back(cur);
    cur = field(cur, "left");
  }
  ExprId acc = lower(cur);
  for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
    ExprId rhs = lower(field(*it, "right"));
    Expr e;
    e.kind = ExprKind::BinaryOp;
    e.span = file_.span(*it);
    e.text = std::string(file_.text(field(*it, "operator")));
    e.args = {acc, rhs};
    acc = add(std::move(e));
  }
  return acc;
}

ExprId ExprLowering::lowerBoolChain(TSNode n) {
  const std::string op(file_.text(field(n, "operator")));
  std::vector<TSNode> rights;
  TSNode cur = n;
  while (isType(cur, "boolean_operator") && file_.text(field(cur, "operator")) == op) {
    rights.push_back(field(cur, "right"));
    cur = field(cur, "left");
  }
  Expr e;
  e.kind = ExprKind::BoolOp;
  e.span = file_.span(n);
  e.text = op;
  e.args.push_back(lower(cur));
  for (auto it = rights.rbegin(); it != rights.rend(); ++it) e.args.push_back(lower(*it));
  return add(std::move(e));
}

ExprId ExprLowering::lowerCompare(TSNode n) {
  std::vector<TSNode> operands;
  std::vector<std::string> operators;
  std::string pending;
  for (const Child& c : childrenOf(n)) {
    if (c.named) {
      if (!operands.empty()) operators.push_back(pending.empty() ? "?" : pending);
      pending.clear();
      operands.push_back(c.node);
    } else {
      // "not in" and "is not" may arrive as one token or as two.
      if (!pending.empty()) pending += ' ';
      pending += file_.text(c.node);
    }
  }
  if (operands.size() < 2) return lowerChildren(n, "compare");
  std::vector<ExprId> values;
  for (TSNode o : operands) values.push_back(lower(o));
  std::vector<ExprId> compares;
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    Expr c;
    c.kind = ExprKind::Compare;
    c.text = operators[i];
    c.args = {values[i], values[i + 1]};
    c.span = values.size() == 2 ? file_.span(n)
                                : file_.span(ts_node_start_byte(operands[i]), ts_node_end_byte(operands[i + 1]));
    compares.push_back(add(std::move(c)));
  }
  if (compares.size() == 1) return compares[0];
  Expr all;
  all.kind = ExprKind::BoolOp;
  all.text = "and";
  all.span = file_.span(n);
  all.args = std::move(compares);
  return add(std::move(all));
}

ExprId ExprLowering::lowerContainer(TSNode n, const char* kind) {
  Expr e;
  e.kind = ExprKind::Container;
  e.text = kind;
  e.span = file_.span(n);
  for (TSNode c : namedChildren(n)) e.args.push_back(lower(c));
  return add(std::move(e));
}

ExprId ExprLowering::lowerDictionary(TSNode n) {
  Expr e;
  e.kind = ExprKind::Container;
  e.text = "dict";
  e.span = file_.span(n);
  for (TSNode c : namedChildren(n)) {
    if (isType(c, "pair")) {
      e.args.push_back(lower(field(c, "key")));
      e.args.push_back(lower(field(c, "value")));
    } else {
      // `**other`: a "**" marker in the key position, the spread mapping as the value.
      std::vector<TSNode> inner = namedChildren(c);
      e.args.push_back(unknown(c, "**"));
      e.args.push_back(inner.empty() ? unknown(c, "?") : lower(inner[0]));
    }
  }
  return add(std::move(e));
}

ExprId ExprLowering::lowerComprehension(TSNode n, const char* kind) {
  Expr e;
  e.kind = ExprKind::Comprehension;
  e.text = kind;
  e.span = file_.span(n);
  TSNode body = field(n, "body");
  if (isType(body, "pair")) {
    e.args.push_back(lower(field(body, "key")));
    e.args.push_back(lower(field(body, "value")));
  } else {
    e.args.push_back(lower(body));
  }
  for (TSNode c : namedChildren(n)) {
    if (isType(c, "for_in_clause")) {
      for (TSNode r : fieldChildren(c, "right")) {
        if (ts_node_is_named(r)) e.args.push_back(lower(r));
      }
    } else if (isType(c, "if_clause")) {
      std::vector<TSNode> cond = namedChildren(c);
      if (!cond.empty()) e.args.push_back(lower(cond[0]));
    }
  }
  return add(std::move(e));
}

ExprId ExprLowering::lowerLambda(TSNode n) {
  if (scope_.depth >= kMaxNestingDepth) {
    // Each level's qualified name contains the enclosing ones': unbounded nesting would cost
    // quadratic memory.
    file_.nestingTooDeep(n);
    return unknown(n, "too deep");
  }
  Expr e;
  e.kind = ExprKind::Lambda;
  e.span = file_.span(n);
  e.text = "<lambda>";
  e.function = declareLambda(file_, n, scope_, enclosing_);
  return add(std::move(e));
}

}  // namespace hg::python
