#include "engine/knowledge_attributes.h"
#include "engine/freshness_checks.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/expr_walk.h"

namespace hg {

namespace {

constexpr int kMaxDepth = 24;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool isOrdering(const std::string& op) { return op == "<" || op == "<=" || op == ">" || op == ">="; }

// ALL_CAPS names are constants by convention in both languages (`MAX_SKEW`, `kMax` is not).
bool isConstantStyle(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

double sign(double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

}  // namespace

FreshnessChecks::FreshnessChecks(const Program& program, const Knowledge& knowledge, const ConstantFolder& constants)
    : program_(program), knowledge_(knowledge), constants_(constants) {}

bool FreshnessChecks::isTransparentAccessor(const Function& fn, ExprId id) const {
  if (id >= fn.exprs.size()) return false;
  const Expr& e = fn.expr(id);
  const Expr* attr = nullptr;
  std::string name;
  if (e.kind == ExprKind::Call) {
    ExprId callee = calleeOf(fn, id);
    if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Attribute) return false;
    attr = &fn.expr(callee);
    name = calleeName(fn, id);
  } else if (e.kind == ExprKind::Attribute) {
    attr = &e;
    name = nameOf(fn, id);
  } else {
    return false;
  }
  if (attr->args.empty()) return false;
  if (name.empty()) name = "?." + attr->text;
  return knowledge_.matches("time_accessors", name) || knowledge_.matches("time_accessors", "?." + attr->text);
}

double FreshnessChecks::clockScale(const Function& fn, ExprId id, int depth) const {
  if (depth > kMaxDepth) return 0;
  id = stripAwait(fn, id);
  if (id >= fn.exprs.size()) return 0;
  const Expr& e = fn.expr(id);
  auto scaleOf = [](const KnowledgeEntry* entry) {
    double s = numberAttribute(*entry, "scale", 1.0);
    return s > 0 ? s : 1.0;
  };
  if (e.kind == ExprKind::Call) {
    std::string callee = calleeName(fn, id);
    if (const KnowledgeEntry* clock = knowledge_.match("time_functions", callee)) return scaleOf(clock);
    if (knowledge_.matches("value_conversions", callee)) {
      ExprId arg = callArgument(fn, id, 0);
      return arg == kNoExpr ? 0 : clockScale(fn, arg, depth + 1);
    }
    if (isTransparentAccessor(fn, id)) return clockScale(fn, fn.expr(calleeOf(fn, id)).args[0], depth + 1);
    return 0;
  }
  if (e.kind == ExprKind::Name) {
    // The front-end names a local after the API value it holds ("time.time()").
    if (e.qualified.size() > 2 && e.qualified.ends_with("()")) {
      if (const KnowledgeEntry* clock = knowledge_.match("time_functions", e.qualified.substr(0, e.qualified.size() - 2)))
        return scaleOf(clock);
    }
    ExprId value = constants_.singleAssignment(fn, e.text);
    if (value != kNoExpr) return clockScale(fn, value, depth + 1);
    return 0;
  }
  if (e.kind == ExprKind::Attribute && isTransparentAccessor(fn, id)) return clockScale(fn, e.args[0], depth + 1);
  return 0;
}

FreshnessChecks::Linear FreshnessChecks::scaled(Linear a, double factor) {
  a.now *= factor;
  a.constant *= factor;
  for (Term& t : a.terms) t.coefficient *= factor;
  return a;
}

FreshnessChecks::Linear FreshnessChecks::combine(const Linear& a, const Linear& b, double sign) {
  Linear out;
  if (!a.ok || !b.ok || a.absolute || b.absolute) {
    out.ok = false;
    return out;
  }
  out.now = a.now + sign * b.now;
  out.nowExpr = a.nowExpr != kNoExpr ? a.nowExpr : b.nowExpr;
  out.constant = a.constant + sign * b.constant;
  out.terms = a.terms;
  for (Term t : b.terms) {
    t.coefficient *= sign;
    out.terms.push_back(t);
  }
  return out;
}

FreshnessChecks::Linear FreshnessChecks::linear(const Function& fn, ExprId id, int depth) const {
  Linear out;
  if (depth > kMaxDepth) {
    out.ok = false;
    return out;
  }
  id = stripAwait(fn, id);
  if (id >= fn.exprs.size()) {
    out.ok = false;
    return out;
  }
  const Expr& e = fn.expr(id);
  auto opaque = [&] {
    Linear t;
    t.terms.push_back({id, 1});
    return t;
  };

  ConstantValue folded = constants_.fold(fn, id);
  if (auto seconds = folded.asSeconds()) {
    out.constant = *seconds;
    return out;
  }
  if (double scale = clockScale(fn, id); scale > 0) {
    out.now = scale;
    out.nowExpr = id;
    return out;
  }
  switch (e.kind) {
    case ExprKind::BinaryOp: {
      if (e.args.size() != 2) return opaque();
      Linear a = linear(fn, e.args[0], depth + 1);
      Linear b = linear(fn, e.args[1], depth + 1);
      auto isConstant = [](const Linear& l) { return l.ok && !l.absolute && l.now == 0 && l.terms.empty(); };
      if (e.text == "+" || e.text == "-") {
        // A sum of two unrelated opaque values is not a clock comparison we can read.
        Linear sum = combine(a, b, e.text == "+" ? 1 : -1);
        return sum;
      }
      if (e.text == "*") {
        if (isConstant(b) && !a.absolute) return scaled(a, b.constant);
        if (isConstant(a) && !b.absolute) return scaled(b, a.constant);
        return opaque();
      }
      if ((e.text == "/" || e.text == "//") && isConstant(b) && b.constant != 0 && !a.absolute)
        return scaled(a, 1.0 / b.constant);
      return opaque();
    }
    case ExprKind::UnaryOp:
      if (e.args.size() != 1) return opaque();
      if (e.text == "-") {
        Linear inner = linear(fn, e.args[0], depth + 1);
        if (inner.absolute) inner.ok = false;
        return scaled(inner, -1);
      }
      if (e.text == "+") return linear(fn, e.args[0], depth + 1);
      return opaque();
    case ExprKind::Call: {
      std::string callee = calleeName(fn, id);
      ExprId first = callArgument(fn, id, 0);
      if (knowledge_.matches("absolute_value_functions", callee) && first != kNoExpr) {
        Linear inner = linear(fn, first, depth + 1);
        inner.absolute = true;
        return inner;
      }
      if (knowledge_.matches("value_conversions", callee) && first != kNoExpr) return linear(fn, first, depth + 1);
      if (isTransparentAccessor(fn, id)) return linear(fn, fn.expr(calleeOf(fn, id)).args[0], depth + 1);
      return opaque();
    }
    case ExprKind::Attribute:
      if (isTransparentAccessor(fn, id)) return linear(fn, e.args[0], depth + 1);
      return opaque();
    case ExprKind::Name: {
      // `age = now - int(ts)` then `if age > 300`: the comparison reads through the local.
      ExprId value = constants_.singleAssignment(fn, e.text);
      if (value != kNoExpr) {
        Linear through = linear(fn, value, depth + 1);
        if (through.ok && (through.now != 0 || through.absolute)) return through;
      }
      return opaque();
    }
    default: return opaque();
  }
}

bool FreshnessChecks::isWindowLike(const Function& fn, ExprId id) const {
  if (id >= fn.exprs.size()) return false;
  const Expr& e = fn.expr(id);
  std::string name;
  if (e.kind == ExprKind::Call) name = calleeName(fn, id);
  else if (e.kind == ExprKind::Subscript && !e.args.empty()) {
    name = nameOf(fn, e.args[0]);
    if (const std::string* key = e.args.size() > 1 ? stringLiteral(fn, e.args[1]) : nullptr) name += "." + *key;
  } else name = nameOf(fn, id);
  if (name.empty()) return false;
  if (isConstantStyle(lastComponent(name))) return true;
  std::string lowered = lower(name);
  for (const KnowledgeEntry& w : knowledge_.entries("window_words")) {
    if (lowered.find(lower(w.pattern)) != std::string::npos) return true;
  }
  return false;
}

std::optional<FreshnessCheck> FreshnessChecks::classify(FunctionId fnId, ExprId compare) const {
  if (fnId >= program_.functionCount()) return std::nullopt;
  const Function& fn = program_.function(fnId);
  if (compare >= fn.exprs.size()) return std::nullopt;
  const Expr& c = fn.expr(compare);
  if (c.kind != ExprKind::Compare || c.args.size() != 2 || !isOrdering(c.text)) return std::nullopt;
  Linear lhs = linear(fn, c.args[0], 0);
  Linear rhs = linear(fn, c.args[1], 0);
  if (!lhs.ok || !rhs.ok) return std::nullopt;

  FreshnessCheck check;
  check.function = fnId;
  check.compare = compare;
  check.span = c.span;

  if (lhs.absolute != rhs.absolute) {
    const Linear& inside = lhs.absolute ? lhs : rhs;
    const Linear& limit = lhs.absolute ? rhs : lhs;
    if (inside.now == 0 || inside.terms.size() != 1 || sign(inside.terms[0].coefficient) != -sign(inside.now)) return std::nullopt;
    if (limit.now != 0) return std::nullopt;
    check.bound = FreshnessCheck::Bound::TwoSided;
    check.timestamp = inside.terms[0].expr;
    check.now = inside.nowExpr;
    if (limit.terms.empty()) check.window = std::fabs(limit.constant / inside.now);
    return check;
  }
  if (lhs.absolute) return std::nullopt;

  // lhs OP rhs  <=>  lhs - rhs OP 0  <=>  now·n + Σ terms + k OP 0.
  Linear d = combine(lhs, rhs, -1);
  if (!d.ok || d.now == 0 || d.terms.empty() || d.terms.size() > 2) return std::nullopt;
  const Term* timestamp = nullptr;
  const Term* window = nullptr;
  if (d.terms.size() == 1) {
    timestamp = &d.terms[0];
  } else {
    bool firstWindow = isWindowLike(fn, d.terms[0].expr);
    bool secondWindow = isWindowLike(fn, d.terms[1].expr);
    if (firstWindow == secondWindow) return std::nullopt;
    timestamp = firstWindow ? &d.terms[1] : &d.terms[0];
    window = firstWindow ? &d.terms[0] : &d.terms[1];
  }
  // The timestamp enters with the opposite sign of the clock: the expression measures an age.
  if (sign(timestamp->coefficient) != -sign(d.now)) return std::nullopt;
  check.timestamp = timestamp->expr;
  check.now = d.nowExpr;
  // Threshold on age = now - ts, in seconds.
  if (window) {
    double thresholdSign = -sign(window->coefficient) / sign(d.now);
    check.bound = thresholdSign > 0 ? FreshnessCheck::Bound::Stale : FreshnessCheck::Bound::Future;
    return check;
  }
  double threshold = -d.constant / d.now;
  if (threshold > 0) {
    check.bound = FreshnessCheck::Bound::Stale;
    check.window = threshold;
  } else {
    check.bound = FreshnessCheck::Bound::Future;
    check.window = -threshold;
  }
  return check;
}

std::vector<FreshnessCheck> FreshnessChecks::checksIn(FunctionId fnId, const std::function<bool(BlockId)>& runs) const {
  std::vector<FreshnessCheck> out;
  if (fnId >= program_.functionCount()) return out;
  const Function& fn = program_.function(fnId);
  auto scan = [&](ExprId root) {
    walkExpr(fn, root, [&](ExprId id) {
      const Expr& e = fn.expr(id);
      if (e.kind == ExprKind::Compare) {
        if (auto check = classify(fnId, id)) out.push_back(*check);
      }
      return e.kind != ExprKind::Lambda;
    });
  };
  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    if (runs && !runs(b)) continue;
    const Block& block = fn.blocks[b];
    for (const Stmt& stmt : block.stmts) {
      for (ExprId root : stmtRoots(stmt)) scan(root);
    }
    if (block.condition != kNoExpr) scan(block.condition);
  }
  return out;
}

}  // namespace hg
