#include "engine/route_conditions.h"

#include <string>
#include <vector>

#include "engine/expr_walk.h"

namespace hg {

namespace {

enum class Attr { None, Path, Rule, Endpoint, Method };

struct Evaluator {
  const Program& program;
  const Knowledge& knowledge;
  const Function& fn;
  const Route& route;

  Attr routingAttribute(ExprId id) const {
    id = stripAwait(fn, id);
    if (id >= fn.exprs.size()) return Attr::None;
    const KnowledgeEntry* entry = knowledge.match("request_routing", fn.expr(id).qualified);
    if (!entry) return Attr::None;
    std::string kind = entry->attributes.value("kind", std::string());
    if (kind == "path") return Attr::Path;
    if (kind == "rule") return Attr::Rule;
    if (kind == "endpoint") return Attr::Endpoint;
    if (kind == "method") return Attr::Method;
    return Attr::None;
  }

  std::string handlerName() const {
    return route.handler < program.functionCount() ? program.function(route.handler).name : std::string();
  }

  // The part of the route path before its first variable segment: only that is certain.
  std::string staticPrefix() const {
    size_t var = route.path.find_first_of("<{:");
    return var == std::string::npos ? route.path : route.path.substr(0, var);
  }
  bool pathHasVariables() const { return route.path.find_first_of("<{:") != std::string::npos; }

  std::optional<bool> equals(Attr attr, const std::string& literal) const {
    switch (attr) {
      case Attr::Path:
        if (route.path.empty()) return std::nullopt;
        if (!pathHasVariables()) return literal == route.path;
        // A concrete path can only equal a parameterised route when it shares the prefix.
        if (!literal.starts_with(staticPrefix())) return false;
        return std::nullopt;
      case Attr::Rule:
        // The URL rule is the route's declared pattern, variables and all.
        if (route.path.empty()) return std::nullopt;
        return literal == route.path;
      case Attr::Endpoint: {
        std::string name = handlerName();
        if (name.empty()) return std::nullopt;
        // Blueprint endpoints are "blueprint.function".
        return literal == name || literal.ends_with("." + name);
      }
      case Attr::Method: {
        bool any = false;
        bool all = !route.methods.empty();
        for (HttpMethod m : route.methods) {
          if (m == HttpMethod::Any) return std::nullopt;
          bool same = literal == methodName(m);
          any = any || same;
          all = all && same;
        }
        if (all) return true;
        if (!any) return false;
        return std::nullopt;  // the route serves several methods: depends on the request
      }
      case Attr::None: break;
    }
    return std::nullopt;
  }

  std::optional<bool> prefixTest(Attr attr, const std::string& literal, bool suffix) const {
    if (attr != Attr::Path || route.path.empty()) return std::nullopt;
    if (suffix) {
      if (pathHasVariables()) return std::nullopt;
      return route.path.ends_with(literal);
    }
    std::string known = staticPrefix();
    if (literal.size() <= known.size()) return known.starts_with(literal);
    if (!pathHasVariables()) return false;
    return literal.starts_with(known) ? std::nullopt : std::optional<bool>(false);
  }

  std::vector<std::string> literalSet(ExprId id) const {
    std::vector<std::string> out;
    if (id >= fn.exprs.size()) return out;
    const Expr& e = fn.expr(id);
    if (const std::string* s = stringLiteral(fn, id)) {
      out.push_back(*s);
      return out;
    }
    if (e.kind != ExprKind::Container) return out;
    for (ExprId item : e.args) {
      const std::string* s = stringLiteral(fn, item);
      if (!s) return {};  // a non-literal member makes the set unknown
      out.push_back(*s);
    }
    return out;
  }

  std::optional<bool> compare(const Expr& e) const {
    if (e.args.size() != 2) return std::nullopt;
    Attr attr = routingAttribute(e.args[0]);
    ExprId other = e.args[1];
    if (attr == Attr::None) {
      attr = routingAttribute(e.args[1]);
      other = e.args[0];
    }
    if (attr == Attr::None) return std::nullopt;
    bool negate = e.text == "!=" || e.text == "not in" || e.text == "is not";
    bool membership = e.text == "in" || e.text == "not in";
    if (!membership && e.text != "==" && e.text != "!=") return std::nullopt;
    std::vector<std::string> literals = literalSet(other);
    if (literals.empty()) return std::nullopt;
    if (!membership && literals.size() != 1) return std::nullopt;
    bool unknown = false;
    bool result = false;
    for (const std::string& lit : literals) {
      std::optional<bool> r = equals(attr, lit);
      if (!r) unknown = true;
      else if (*r) result = true;
    }
    if (!result && unknown) return std::nullopt;
    return negate ? !result : result;
  }

  std::optional<bool> call(const Expr& e, ExprId id) const {
    ExprId callee = calleeOf(fn, id);
    if (callee == kNoExpr) return std::nullopt;
    const Expr& c = fn.expr(callee);
    if (c.kind != ExprKind::Attribute || c.args.empty()) return std::nullopt;
    bool suffix = c.text == "endswith";
    if (c.text != "startswith" && !suffix) return std::nullopt;
    Attr attr = routingAttribute(c.args[0]);
    if (attr == Attr::None || e.args.size() < 2) return std::nullopt;
    std::vector<std::string> literals = literalSet(e.args[1]);  // str.startswith accepts a tuple
    if (literals.empty()) return std::nullopt;
    bool unknown = false;
    for (const std::string& lit : literals) {
      std::optional<bool> r = prefixTest(attr, lit, suffix);
      if (!r) unknown = true;
      else if (*r) return true;
    }
    if (unknown) return std::nullopt;
    return false;
  }

  // Bounded recursion: conditions nest a handful of levels; hostile depth yields "unknown".
  std::optional<bool> eval(ExprId id, int depth) const {
    if (depth > 64 || id >= fn.exprs.size()) return std::nullopt;
    const Expr& e = fn.expr(id);
    switch (e.kind) {
      case ExprKind::Not: {
        if (e.args.empty()) return std::nullopt;
        auto r = eval(e.args[0], depth + 1);
        if (!r) return std::nullopt;
        return !*r;
      }
      case ExprKind::BoolOp: {
        bool isAnd = e.text == "and";
        bool unknown = false;
        for (ExprId a : e.args) {
          auto r = eval(a, depth + 1);
          if (!r) unknown = true;
          else if (*r != isAnd) return !isAnd;  // a false operand decides `and`, a true one `or`
        }
        if (unknown) return std::nullopt;
        return isAnd;
      }
      case ExprKind::Compare: return compare(e);
      case ExprKind::Call: return call(e, id);
      case ExprKind::Await: return e.args.empty() ? std::nullopt : eval(e.args[0], depth + 1);
      default: return std::nullopt;
    }
  }
};

}  // namespace

std::optional<bool> evaluateForRoute(const Program& program, const Knowledge& knowledge, const Function& fn,
                                     ExprId condition, const Route& route) {
  Evaluator ev{program, knowledge, fn, route};
  return ev.eval(condition, 0);
}

}  // namespace hg
