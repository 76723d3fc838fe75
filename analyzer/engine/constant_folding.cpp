#include "engine/knowledge_attributes.h"
#include "engine/constant_folding.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace hg {
namespace {

// Deep enough for `A = B * C` chains across a few modules; shallow enough that a hostile
// input (a thousand chained constants, a cycle through imports) costs nothing.
constexpr int kMaxDepth = 24;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Splits "pkg.mod.NAME" or "ns::NAME" at the last separator.
std::pair<std::string, std::string> splitOwner(const std::string& qualified) {
  size_t dot = qualified.rfind('.');
  size_t colons = qualified.rfind("::");
  if (colons != std::string::npos && (dot == std::string::npos || colons + 1 > dot))
    return {qualified.substr(0, colons), qualified.substr(colons + 2)};
  if (dot == std::string::npos) return {"", qualified};
  return {qualified.substr(0, dot), qualified.substr(dot + 1)};
}

bool truthy(const ConstantValue& v, bool& known) {
  known = true;
  switch (v.kind) {
    case ConstantValue::Kind::Number:
    case ConstantValue::Kind::Bool:
    case ConstantValue::Kind::Duration: return v.number != 0;
    case ConstantValue::Kind::String: return !v.text.empty();
    case ConstantValue::Kind::None: return false;
    case ConstantValue::Kind::Unknown: break;
  }
  known = false;
  return false;
}

bool isWhole(double v) { return std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9.0e15; }

}  // namespace

std::optional<double> ConstantValue::asSeconds() const {
  if (kind == Kind::Number || kind == Kind::Duration) return number;
  return std::nullopt;
}

std::optional<double> ConstantValue::asNumber() const {
  if (kind == Kind::Number || kind == Kind::Bool) return number;
  return std::nullopt;
}

ConstantValue ConstantValue::ofNumber(double v, bool integral) {
  if (!std::isfinite(v)) return {};
  ConstantValue c;
  c.kind = Kind::Number;
  c.number = v;
  c.integral = integral && isWhole(v);
  return c;
}

ConstantValue ConstantValue::ofDuration(double seconds, double unitSeconds) {
  if (!std::isfinite(seconds) || !(unitSeconds > 0)) return {};
  ConstantValue c;
  c.kind = Kind::Duration;
  c.number = seconds;
  c.unitSeconds = unitSeconds;
  return c;
}

ConstantValue ConstantValue::ofString(std::string s) {
  ConstantValue c;
  c.kind = Kind::String;
  c.text = std::move(s);
  return c;
}

ConstantValue ConstantValue::ofNone() {
  ConstantValue c;
  c.kind = Kind::None;
  return c;
}

ConstantValue ConstantValue::ofBool(bool b) {
  ConstantValue c;
  c.kind = Kind::Bool;
  c.number = b ? 1 : 0;
  c.integral = true;
  return c;
}

std::optional<std::pair<double, bool>> parseNumberLiteral(const std::string& raw) {
  std::string t;
  for (char c : raw) {
    if (c != '_' && c != '\'' && !std::isspace(static_cast<unsigned char>(c))) t.push_back(c);
  }
  t = lower(t);
  if (t.empty()) return std::nullopt;
  auto parseInt = [](const std::string& digits, int base) -> std::optional<std::pair<double, bool>> {
    if (digits.empty()) return std::nullopt;
    double v = 0;
    for (char c : digits) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : 99;
      if (d >= base) return std::nullopt;
      v = v * base + d;
    }
    return std::make_pair(v, true);
  };
  auto stripIntSuffix = [](std::string s) {
    while (!s.empty() && (s.back() == 'u' || s.back() == 'l' || s.back() == 'z')) s.pop_back();
    return s;
  };
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o' || t[1] == 'b')) {
    int base = t[1] == 'x' ? 16 : t[1] == 'o' ? 8 : 2;
    return parseInt(stripIntSuffix(t.substr(2)), base);
  }
  bool isFloat = t.find('.') != std::string::npos || t.find('e') != std::string::npos;
  if (isFloat) {
    while (!t.empty() && (t.back() == 'f' || t.back() == 'l')) t.pop_back();
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return std::make_pair(v, false);
  }
  t = stripIntSuffix(t);
  // A leading zero with more digits is C++ octal; Python forbids that spelling.
  if (t.size() > 1 && t[0] == '0') return parseInt(t.substr(1), 8);
  return parseInt(t, 10);
}

std::string writtenName(const Function& function, ExprId expr) {
  std::vector<std::string> parts;
  ExprId cur = expr;
  for (int guard = 0; guard < 64 && cur != kNoExpr && cur < function.exprs.size(); ++guard) {
    const Expr& e = function.expr(cur);
    if (e.kind == ExprKind::Name) {
      parts.push_back(e.text);
      std::string out;
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty()) out += '.';
        out += *it;
      }
      return out;
    }
    if (e.kind != ExprKind::Attribute || e.args.empty()) return "";
    parts.push_back(e.text);
    cur = e.args[0];
  }
  return "";
}

std::string nameOf(const Function& function, ExprId expr) {
  if (expr == kNoExpr || expr >= function.exprs.size()) return "";
  const Expr& e = function.expr(expr);
  if (!e.qualified.empty()) return e.qualified;
  return writtenName(function, expr);
}

std::string calleeName(const Function& function, ExprId call) {
  if (call == kNoExpr || call >= function.exprs.size()) return "";
  const Expr& e = function.expr(call);
  if (e.kind != ExprKind::Call || e.args.empty()) return "";
  if (!e.qualified.empty()) return e.qualified;
  return nameOf(function, e.args[0]);
}

ConstantFolder::ConstantFolder(const Program& program, const Knowledge& knowledge)
    : program_(program), knowledge_(knowledge) {}

const ConstantFolder::Assignments& ConstantFolder::assignmentsOf(const Function& function) const {
  auto it = assignmentCache_.find(function.id);
  if (it != assignmentCache_.end()) return it->second;
  Assignments a;
  auto markOther = [&](const Function& f, ExprId target, auto& self, int depth) -> void {
    if (target == kNoExpr || target >= f.exprs.size() || depth > 16) return;
    const Expr& t = f.expr(target);
    if (t.kind == ExprKind::Name) {
      a.otherWrites[t.text]++;
    } else if (t.kind == ExprKind::Container) {
      for (ExprId sub : t.args) self(f, sub, self, depth + 1);
    }
  };
  for (const Block& b : function.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind == StmtKind::Assign) {
        for (ExprId target : s.targets) {
          if (target >= function.exprs.size()) continue;
          const Expr& t = function.expr(target);
          if (t.kind == ExprKind::Name && s.augOp.empty()) {
            a.values[t.text].emplace_back(s.value, s.span);
          } else {
            markOther(function, target, markOther, 0);
          }
        }
      } else if (s.kind == StmtKind::Delete) {
        for (ExprId target : s.targets) markOther(function, target, markOther, 0);
      }
    }
  }
  return assignmentCache_.emplace(function.id, std::move(a)).first->second;
}

ExprId ConstantFolder::singleAssignment(const Function& function, const std::string& name) const {
  const Assignments& a = assignmentsOf(function);
  auto it = a.values.find(name);
  if (it == a.values.end() || it->second.size() != 1) return kNoExpr;
  if (a.otherWrites.count(name)) return kNoExpr;
  return it->second.front().first;
}

ConstantValue ConstantFolder::fold(const Function& function, ExprId expr) const {
  return foldAt(function, expr, 0);
}

ConstantValue ConstantFolder::fold(FunctionId function, ExprId expr) const {
  if (function == kNoFunction || function >= program_.functionCount()) return {};
  return foldAt(program_.function(function), expr, 0);
}

ConstantValue ConstantFolder::foldQualified(const std::string& qualified) const {
  return foldQualifiedAt(qualified, 0);
}

ConstantValue ConstantFolder::foldAt(const Function& f, ExprId id, int depth) const {
  if (depth > kMaxDepth || id == kNoExpr || id >= f.exprs.size()) return {};
  const Expr& e = f.expr(id);
  switch (e.kind) {
    case ExprKind::Literal:
      switch (e.literal) {
        case LiteralKind::Integer:
        case LiteralKind::Float: {
          auto n = parseNumberLiteral(e.text);
          return n ? ConstantValue::ofNumber(n->first, n->second) : ConstantValue{};
        }
        case LiteralKind::String:
        case LiteralKind::Bytes: return ConstantValue::ofString(e.text);
        case LiteralKind::True: return ConstantValue::ofBool(true);
        case LiteralKind::False: return ConstantValue::ofBool(false);
        case LiteralKind::NoneValue: return ConstantValue::ofNone();
        default: return {};
      }
    case ExprKind::Name: return foldName(f, e, depth);
    case ExprKind::Attribute: return foldAttribute(f, e, depth);
    case ExprKind::Call: return foldCall(f, id, depth);
    case ExprKind::BinaryOp:
      if (e.args.size() != 2) return {};
      return foldBinary(e.text, foldAt(f, e.args[0], depth + 1), foldAt(f, e.args[1], depth + 1));
    case ExprKind::UnaryOp: {
      if (e.args.size() != 1) return {};
      ConstantValue v = foldAt(f, e.args[0], depth + 1);
      if (e.text == "+") return v;
      if (e.text == "-") {
        if (v.kind == ConstantValue::Kind::Number || v.kind == ConstantValue::Kind::Bool)
          return ConstantValue::ofNumber(-v.number, v.integral);
        if (v.kind == ConstantValue::Kind::Duration) return ConstantValue::ofDuration(-v.number, v.unitSeconds);
        return {};
      }
      if (e.text == "~" && v.kind == ConstantValue::Kind::Number && v.integral)
        return ConstantValue::ofNumber(-v.number - 1, true);
      return {};
    }
    case ExprKind::Conditional: {
      if (e.args.size() != 3) return {};
      bool known = false;
      bool cond = truthy(foldAt(f, e.args[1], depth + 1), known);
      if (!known) return {};
      return foldAt(f, cond ? e.args[0] : e.args[2], depth + 1);
    }
    case ExprKind::Await:
      return e.args.empty() ? ConstantValue{} : foldAt(f, e.args[0], depth + 1);
    default: return {};
  }
}

ConstantValue ConstantFolder::foldName(const Function& f, const Expr& e, int depth) const {
  if (e.text == "None" || e.text == "nullptr") return ConstantValue::ofNone();
  if (e.text == "True" || e.text == "true") return ConstantValue::ofBool(true);
  if (e.text == "False" || e.text == "false") return ConstantValue::ofBool(false);
  // Locals first, then enclosing functions (closures), as the language resolves them.
  const Function* scope = &f;
  for (int hops = 0; scope && hops < 8; ++hops) {
    const Assignments& a = assignmentsOf(*scope);
    auto it = a.values.find(e.text);
    if (it != a.values.end() || a.otherWrites.count(e.text)) {
      if (a.otherWrites.count(e.text) || it->second.empty()) return {};
      // Several assignments of the same constant (both branches of a DEBUG switch, say)
      // still give one value; different values give none.
      ConstantValue first = foldAt(*scope, it->second.front().first, depth + 1);
      for (size_t i = 1; i < it->second.size() && first.known(); ++i) {
        ConstantValue other = foldAt(*scope, it->second[i].first, depth + 1);
        if (other.kind != first.kind || other.number != first.number || other.text != first.text) return {};
      }
      return first;
    }
    for (const Parameter& p : scope->params) {
      if (p.name == e.text) return {};
    }
    scope = scope->parent != kNoFunction && scope->parent < program_.functionCount()
                ? &program_.function(scope->parent)
                : nullptr;
  }
  if (!e.qualified.empty()) {
    // A global assigned from a call is named after the call ("datetime.timedelta()"), which
    // folds to nothing: its own assignment still may.
    ConstantValue v = foldQualifiedAt(e.qualified, depth + 1);
    if (v.known() || !e.qualified.ends_with("()")) return v;
  }
  // An unresolved global: the module-level assignment of the file the function lives in.
  if (const Module* m = program_.moduleOf(f.file)) {
    if (m->body != kNoFunction && m->body != f.id && m->body < program_.functionCount()) {
      const Function& body = program_.function(m->body);
      ExprId v = singleAssignment(body, e.text);
      if (v != kNoExpr) return foldAt(body, v, depth + 1);
    }
    for (const Import& imp : m->imports) {
      if (imp.localName == e.text) return foldQualifiedAt(imp.target, depth + 1);
    }
  }
  return {};
}

ConstantValue ConstantFolder::foldAttribute(const Function& f, const Expr& e, int depth) const {
  if (!e.qualified.empty()) {
    ConstantValue v = foldQualifiedAt(e.qualified, depth + 1);
    if (v.known()) return v;
  }
  if (e.args.empty()) return {};
  const Expr& object = f.expr(e.args[0]);
  // self.X / cls.X inside a method: the class attribute, through base classes.
  if (object.kind == ExprKind::Name && (object.text == "self" || object.text == "cls" || object.text == "this")) {
    const Function* scope = &f;
    for (int hops = 0; scope && scope->classQualified.empty() && hops < 8; ++hops) {
      scope = scope->parent != kNoFunction ? &program_.function(scope->parent) : nullptr;
    }
    if (scope) {
      if (const ClassDef* cls = program_.findClass(scope->classQualified)) return foldClassAttribute(*cls, e.text, depth + 1);
    }
    return {};
  }
  std::string owner = nameOf(f, e.args[0]);
  if (owner.empty()) return {};
  if (owner.size() > 2 && owner.ends_with("()")) owner.resize(owner.size() - 2);
  return foldQualifiedAt(owner + "." + e.text, depth + 1);
}

ConstantValue ConstantFolder::foldCall(const Function& f, ExprId id, int depth) const {
  const Expr& e = f.expr(id);
  if (e.args.empty()) return {};
  std::string callee = calleeName(f, id);
  const Expr& calleeExpr = f.expr(e.args[0]);

  if (const KnowledgeEntry* ctor = knowledge_.match("duration_constructors", callee)) {
    const auto& attrs = ctor->attributes;
    if (!attrs.contains("unit_seconds") || !attrs["unit_seconds"].is_object()) return {};
    std::vector<std::string> positional = stringListAttribute(*ctor, "positional");
    double seconds = 0;
    double firstUnit = 0;
    size_t position = 0;
    for (size_t i = 1; i < e.args.size(); ++i) {
      std::string unit = i - 1 < e.argNames.size() ? e.argNames[i - 1] : "";
      if (unit == "*" || unit == "**") return {};
      if (unit.empty()) {
        if (position >= positional.size()) return {};
        unit = positional[position++];
      }
      const auto& scale = attrs["unit_seconds"];
      if (!scale.contains(unit) || !scale[unit].is_number()) return {};
      auto n = foldAt(f, e.args[i], depth + 1).asNumber();
      if (!n) return {};
      double perUnit = scale[unit].get<double>();
      if (firstUnit == 0) firstUnit = perUnit;
      seconds += *n * perUnit;
    }
    if (firstUnit == 0 && !positional.empty() && attrs["unit_seconds"].contains(positional.front()) &&
        attrs["unit_seconds"][positional.front()].is_number())
      firstUnit = attrs["unit_seconds"][positional.front()].get<double>();
    return ConstantValue::ofDuration(seconds, firstUnit > 0 ? firstUnit : 1);
  }

  // An accessor on a duration value: `.total_seconds()` (seconds) or `.count()` (units).
  if (calleeExpr.kind == ExprKind::Attribute && !calleeExpr.args.empty() && e.args.size() == 1) {
    std::string accessorName = callee.empty() ? "." + calleeExpr.text : callee;
    if (const KnowledgeEntry* acc = knowledge_.match("duration_accessors", accessorName)) {
      ConstantValue d = foldAt(f, calleeExpr.args[0], depth + 1);
      if (d.kind != ConstantValue::Kind::Duration) return {};
      if (stringAttribute(*acc, "result", "seconds") == "units")
        return ConstantValue::ofNumber(d.number / d.unitSeconds, isWhole(d.number / d.unitSeconds));
      return ConstantValue::ofNumber(d.number, false);
    }
  }

  if (e.args.size() == 2 && (e.argNames.empty() || e.argNames[0].empty())) {
    if (const KnowledgeEntry* conv = knowledge_.match("value_conversions", callee)) {
      std::string result = stringAttribute(*conv, "numeric");
      if (result.empty()) return {};
      ConstantValue v = foldAt(f, e.args[1], depth + 1);
      std::optional<double> n = v.asNumber();
      if (!n && v.kind == ConstantValue::Kind::String) {
        auto parsed = parseNumberLiteral(v.text);
        if (parsed) n = parsed->first;
      }
      if (!n) return {};
      if (result == "int") return ConstantValue::ofNumber(std::trunc(*n), true);
      return ConstantValue::ofNumber(*n, false);
    }
    if (knowledge_.matches("absolute_value_functions", callee)) {
      ConstantValue v = foldAt(f, e.args[1], depth + 1);
      if (v.kind == ConstantValue::Kind::Number) return ConstantValue::ofNumber(std::fabs(v.number), v.integral);
      if (v.kind == ConstantValue::Kind::Duration) return ConstantValue::ofDuration(std::fabs(v.number), v.unitSeconds);
    }
  }
  return {};
}

ConstantValue ConstantFolder::foldBinary(const std::string& op, const ConstantValue& a, const ConstantValue& b) const {
  using K = ConstantValue::Kind;
  if (a.kind == K::String && b.kind == K::String && op == "+") return ConstantValue::ofString(a.text + b.text);
  bool aNum = a.kind == K::Number || a.kind == K::Bool;
  bool bNum = b.kind == K::Number || b.kind == K::Bool;
  bool integral = a.integral && b.integral;
  if (aNum && bNum) {
    double x = a.number, y = b.number;
    if (op == "+") return ConstantValue::ofNumber(x + y, integral);
    if (op == "-") return ConstantValue::ofNumber(x - y, integral);
    if (op == "*") return ConstantValue::ofNumber(x * y, integral);
    if (op == "/") {
      if (y == 0) return {};
      // C++ integer division truncates; Python's `/` does not. The difference only matters
      // for windows with fractions of a second, so both read as true division.
      return ConstantValue::ofNumber(x / y, false);
    }
    if (op == "//") return y == 0 ? ConstantValue{} : ConstantValue::ofNumber(std::floor(x / y), integral);
    if (op == "%") return y == 0 ? ConstantValue{} : ConstantValue::ofNumber(x - y * std::floor(x / y), integral);
    if (op == "**") {
      if (std::fabs(y) > 1024) return {};
      return ConstantValue::ofNumber(std::pow(x, y), integral && y >= 0);
    }
    if (integral && (op == "<<" || op == ">>")) {
      if (y < 0 || y > 62) return {};
      double scale = std::ldexp(1.0, static_cast<int>(y));
      return ConstantValue::ofNumber(op == "<<" ? x * scale : std::floor(x / scale), true);
    }
    if (integral && (op == "|" || op == "&" || op == "^") && x >= 0 && y >= 0 && x < 9.0e15 && y < 9.0e15) {
      auto ix = static_cast<uint64_t>(x), iy = static_cast<uint64_t>(y);
      uint64_t r = op == "|" ? (ix | iy) : op == "&" ? (ix & iy) : (ix ^ iy);
      return ConstantValue::ofNumber(static_cast<double>(r), true);
    }
    return {};
  }
  if (a.kind == K::Duration && b.kind == K::Duration) {
    if (op == "+") return ConstantValue::ofDuration(a.number + b.number, std::min(a.unitSeconds, b.unitSeconds));
    if (op == "-") return ConstantValue::ofDuration(a.number - b.number, std::min(a.unitSeconds, b.unitSeconds));
    if (op == "/" && b.number != 0) return ConstantValue::ofNumber(a.number / b.number, false);
    return {};
  }
  if (a.kind == K::Duration && bNum) {
    if (op == "*") return ConstantValue::ofDuration(a.number * b.number, a.unitSeconds);
    if ((op == "/" || op == "//") && b.number != 0) return ConstantValue::ofDuration(a.number / b.number, a.unitSeconds);
    return {};
  }
  if (aNum && b.kind == K::Duration && op == "*") return ConstantValue::ofDuration(a.number * b.number, b.unitSeconds);
  return {};
}

ConstantValue ConstantFolder::foldClassAttribute(const ClassDef& cls, const std::string& attr, int depth) const {
  if (depth > kMaxDepth) return {};
  if (cls.body != kNoFunction && cls.body < program_.functionCount()) {
    const Function& body = program_.function(cls.body);
    ExprId v = singleAssignment(body, attr);
    if (v != kNoExpr) return foldAt(body, v, depth + 1);
    if (assignmentsOf(body).values.count(attr)) return {};
  }
  for (const std::string& base : cls.bases) {
    if (const ClassDef* b = program_.findClass(base); b && b != &cls) {
      ConstantValue v = foldClassAttribute(*b, attr, depth + 1);
      if (v.known()) return v;
    }
  }
  return {};
}

ConstantValue ConstantFolder::foldQualifiedAt(const std::string& qualified, int depth) const {
  if (depth > kMaxDepth || qualified.empty() || qualified.ends_with("()")) return {};
  auto [owner, attr] = splitOwner(qualified);
  if (owner.empty() || attr.empty()) return {};
  if (owner.size() > 2 && owner.ends_with("()")) owner.resize(owner.size() - 2);
  if (const ClassDef* cls = program_.findClass(owner)) return foldClassAttribute(*cls, attr, depth + 1);
  if (const Module* m = program_.findModule(owner)) {
    if (m->body != kNoFunction && m->body < program_.functionCount()) {
      const Function& body = program_.function(m->body);
      ExprId v = singleAssignment(body, attr);
      if (v != kNoExpr) return foldAt(body, v, depth + 1);
    }
    for (const Import& imp : m->imports) {
      if (imp.localName == attr && imp.target != qualified) return foldQualifiedAt(imp.target, depth + 1);
    }
  }
  return {};
}

std::optional<ConstantDefinition> ConstantFolder::findDefinition(const std::string& qualified) const {
  return definitionAt(qualified, 0);
}

std::optional<ConstantDefinition> ConstantFolder::definitionAt(const std::string& qualified, int depth) const {
  if (depth > kMaxDepth || qualified.empty()) return std::nullopt;
  // Named, not a structured binding: Clang 14 (the fuzzing build) cannot capture those.
  const auto split = splitOwner(qualified);
  const auto& owner = split.first;
  const auto& attr = split.second;
  if (owner.empty() || attr.empty()) return std::nullopt;
  auto fromBody = [&](FunctionId bodyId) -> std::optional<ConstantDefinition> {
    if (bodyId == kNoFunction || bodyId >= program_.functionCount()) return std::nullopt;
    const Function& body = program_.function(bodyId);
    const Assignments& a = assignmentsOf(body);
    auto it = a.values.find(attr);
    if (it == a.values.end() || it->second.empty()) return std::nullopt;
    // The last assignment is the one in force after the body ran.
    return ConstantDefinition{bodyId, it->second.back().first, it->second.back().second};
  };
  if (const ClassDef* cls = program_.findClass(owner)) {
    if (auto d = fromBody(cls->body)) return d;
    for (const std::string& base : cls->bases) {
      if (base == owner) continue;
      if (auto d = definitionAt(base + "." + attr, depth + 1)) return d;
    }
    return std::nullopt;
  }
  if (const Module* m = program_.findModule(owner)) {
    if (auto d = fromBody(m->body)) return d;
    for (const Import& imp : m->imports) {
      if (imp.localName == attr && imp.target != qualified) return definitionAt(imp.target, depth + 1);
    }
  }
  return std::nullopt;
}

}  // namespace hg
