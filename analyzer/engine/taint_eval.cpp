// Expressions: what taint and text a value carries, given the state before it is evaluated.
#include "engine/expr_walk.h"
#include "engine/taint_function.h"
#include "engine/taint_strings.h"

namespace hg {

namespace {

// Expression trees in hostile input can nest thousands of levels; deeper parts are ignored.
constexpr int kMaxEvalDepth = 96;

TaintValue labelsOnly(const TaintValue& v) {
  TaintValue out;
  out.labels = v.labels;
  return out;
}

}  // namespace

std::string FunctionTaint::codeText(ExprId id, size_t maxChars) const {
  if (id >= fn_.exprs.size()) return {};
  return spanText(program_, fn_.expr(id).span, maxChars);
}

TaintValue FunctionTaint::peek(ExprId id, const TaintState& state) {
  bool savedRecording = recording_;
  bool savedNoReturn = pendingNoReturn_;
  std::vector<GuardFact> savedFacts = pendingFacts_;
  auto savedStores = pendingStores_;
  recording_ = false;
  TaintValue v = eval(id, state);
  recording_ = savedRecording;
  pendingNoReturn_ = savedNoReturn;
  pendingFacts_ = std::move(savedFacts);
  pendingStores_ = std::move(savedStores);
  return v;
}

std::optional<std::string> FunctionTaint::constantText(ExprId id, const TaintState& state) {
  if (id >= fn_.exprs.size()) return std::nullopt;
  TaintValue v = peek(id, state);
  if (v.tainted() || !v.prefixKnown || !v.complete) return std::nullopt;
  return v.prefix;
}

bool FunctionTaint::readsThroughLocal(ExprId id, const TaintState& state) const {
  ExprId cur = id;
  for (int guard = 0; guard < 64 && cur < fn_.exprs.size(); ++guard) {
    const Expr& e = fn_.expr(cur);
    switch (e.kind) {
      case ExprKind::Name: {
        for (const std::string& p : parameterNames_) {
          if (p == e.text) return false;  // a request object passed in: its reads are reads
        }
        return state.lookup(e.text).has_value();
      }
      case ExprKind::Call:
      case ExprKind::Attribute:
      case ExprKind::Subscript:
      case ExprKind::Await:
        if (e.args.empty()) return false;
        cur = e.args[0];
        break;
      default: return false;
    }
  }
  return false;
}

TaintValue FunctionTaint::sourceValue(const RequestRead& read) {
  TaintValue v;
  TaintTrace trace;
  appendStep(trace, read.span, "read from the request: " + codeText(read.expr));
  TaintLabel label = TaintLabel::source(read.span, read.kind);
  v.labels.emplace(label, std::move(trace));
  // A read that selects one field (request.form["x"], request.json.get("x")).
  const Expr& e = fn_.expr(read.expr);
  const std::string* key = nullptr;
  if (e.kind == ExprKind::Subscript && e.args.size() == 2) key = stringLiteral(fn_, e.args[1]);
  if (e.kind == ExprKind::Call && analysis_.catalog().matchCall("mapping_getters", fn_, read.expr))
    key = stringLiteral(fn_, callArgument(fn_, read.expr, 0));
  if (key) {
    v.fieldKey = *key;
    report(SinkKind::FieldRead, read.expr, codeText(read.expr), *key, v, suppressingFlags(SinkKind::FieldRead), *key);
  }
  return v;
}

TaintValue FunctionTaint::eval(ExprId id, const TaintState& state, int depth) {
  if (id == kNoExpr || id >= fn_.exprs.size() || depth > kMaxEvalDepth) return {};
  const Expr& e = fn_.expr(id);
  if (const RequestRead* read = analysis_.requests().readAt(id_, id)) {
    if (read->kind == RequestDataKind::ContentLength) return {};
    if (!readsThroughLocal(id, state)) return sourceValue(*read);
  }
  switch (e.kind) {
    case ExprKind::Name: return evalName(id, state);
    case ExprKind::Attribute: return evalAttribute(id, state, depth);
    case ExprKind::Subscript: return evalSubscript(id, state, depth);
    case ExprKind::Call: return evalCall(id, state, depth);
    case ExprKind::Literal:
      if (e.literal == LiteralKind::String || e.literal == LiteralKind::Bytes) return TaintValue::constant(e.text);
      return {};
    case ExprKind::BinaryOp: return evalBinary(id, state, depth);
    case ExprKind::FormatString: {
      std::vector<TaintValue> parts;
      for (ExprId a : e.args) parts.push_back(eval(a, state, depth + 1));
      return interpolateValues(e.literalParts, parts);
    }
    case ExprKind::Compare:
    case ExprKind::Not:
      // A truth value: no request data survives in it.
      for (ExprId a : e.args) eval(a, state, depth + 1);
      return {};
    case ExprKind::BoolOp:
    case ExprKind::Conditional: {
      // The result is one of the operands (for a conditional, not the test).
      TaintValue out;
      bool first = true;
      for (size_t i = 0; i < e.args.size(); ++i) {
        TaintValue v = eval(e.args[i], state, depth + 1);
        if (e.kind == ExprKind::Conditional && i == 1) continue;
        if (first) {
          out = std::move(v);
          first = false;
        } else {
          out.joinWith(v);
        }
      }
      return out;
    }
    case ExprKind::Comprehension: return evalComprehension(id, state, depth);
    case ExprKind::Lambda: return {};
    case ExprKind::Await: return e.args.empty() ? TaintValue{} : eval(e.args[0], state, depth + 1);
    case ExprKind::Container:
    case ExprKind::UnaryOp:
    case ExprKind::Unknown: {
      TaintValue out;
      for (ExprId a : e.args) out.mergeLabels(eval(a, state, depth + 1));
      out.fieldKey.clear();
      return out;
    }
  }
  return {};
}

TaintValue FunctionTaint::evalName(ExprId id, const TaintState& state) {
  const Expr& e = fn_.expr(id);
  if (std::optional<TaintValue> v = state.lookup(e.text)) return *v;
  // Comprehension variables are not lowered as assignments: an unknown local inside a
  // comprehension's element stands for an item of what it iterates.
  if (!comprehensionItems_.empty() && e.qualified.empty()) return comprehensionItems_.back();
  ConstantValue c = analysis_.constants().fold(fn_, id);
  if (c.kind == ConstantValue::Kind::String) return TaintValue::constant(c.text);
  return {};
}

TaintValue FunctionTaint::evalAttribute(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  if (std::optional<TaintValue> local = sameSiteAttribute(id, state, depth)) return *local;
  if (std::optional<std::string> path = accessPath(fn_, id)) {
    if (std::optional<TaintValue> v = state.lookup(*path)) {
      if (v->tainted() && v->fieldKey.empty()) v->fieldKey = e.text;
      return *v;
    }
  }
  TaintValue object = e.args.empty() ? TaintValue{} : eval(e.args[0], state, depth + 1);
  if (object.tainted()) {
    // An attribute of a payload object (event.data.object.url) carries its data.
    TaintValue v = labelsOnly(object);
    v.fieldKey = e.text;
    return v;
  }
  ConstantValue c = analysis_.constants().fold(fn_, id);
  if (c.kind == ConstantValue::Kind::String) return TaintValue::constant(c.text);
  return {};
}

TaintValue FunctionTaint::evalSubscript(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  if (e.args.empty()) return {};
  TaintValue v;
  std::optional<std::string> path = accessPath(fn_, id);
  std::optional<TaintValue> stored = path ? state.lookup(*path) : std::nullopt;
  if (stored) {
    v = *stored;
  } else {
    TaintValue object = eval(e.args[0], state, depth + 1);
    v = labelsOnly(object);
    // A key the client picks only chooses among the table's URLs.
    v.pinned = isPinnedTable(e.args[0]);
  }
  if (e.args.size() < 2) return v;
  eval(e.args[1], state, depth + 1);  // an index can hold a sink of its own
  if (const std::string* key = stringLiteral(fn_, e.args[1])) {
    v.fieldKey = *key;
    report(SinkKind::FieldRead, id, codeText(id), *key, v, suppressingFlags(SinkKind::FieldRead), *key);
  }
  return v;
}

TaintValue FunctionTaint::evalBinary(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  if (e.args.size() != 2) return {};
  TaintValue lhs = eval(e.args[0], state, depth + 1);
  TaintValue rhs = eval(e.args[1], state, depth + 1);
  if (e.text == "+") return concatValues(lhs, rhs);
  if (e.text == "%") {
    if (std::optional<TaintValue> filled = fillPinnedTemplate(lhs, {rhs})) return *filled;
  }
  if (e.text == "%" && lhs.prefixKnown && lhs.complete && !lhs.tainted()) {
    std::vector<std::string> literals;
    if (splitPercentTemplate(lhs.prefix, literals)) {
      std::vector<TaintValue> values;
      const Expr& r = fn_.expr(e.args[1]);
      if (r.kind == ExprKind::Container && r.text == "tuple") {
        for (ExprId item : r.args) values.push_back(eval(item, state, depth + 1));
      } else {
        values.push_back(rhs);
      }
      if (values.size() + 1 == literals.size()) return interpolateValues(literals, values);
    }
  }
  TaintValue out = labelsOnly(lhs);
  out.mergeLabels(rhs);
  out.fieldKey.clear();
  return out;
}

TaintValue FunctionTaint::evalComprehension(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  size_t elements = e.text == "dict" ? 2 : 1;
  TaintValue items;
  for (size_t i = elements; i < e.args.size(); ++i) items.mergeLabels(eval(e.args[i], state, depth + 1));
  items = labelsOnly(items);
  comprehensionItems_.push_back(items);
  TaintValue out;
  for (size_t i = 0; i < elements && i < e.args.size(); ++i) out.mergeLabels(eval(e.args[i], state, depth + 1));
  comprehensionItems_.pop_back();
  out.fieldKey.clear();
  return out;
}

}  // namespace hg
