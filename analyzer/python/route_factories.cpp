// Routes declared through a decorator factory of the project:
//
//   def post_route(rule):                           def webhook(path):
//       return app.route(rule, methods=["POST"])        def register(fn):
//                                                           app.add_url_rule(path, view_func=fn, methods=["POST"])
//   @post_route("/hooks/slack")                             return fn
//   def slack(): ...                                    return register
//
//                                                   @webhook("/hooks/stripe")
//                                                   def stripe(): ...
//
// The factory's parameters take the arguments of the decorator call, so each decorated
// function is a route with the path its decorator names.
#include <map>

#include "python/route_discovery.h"

namespace hg::python {
namespace {

// The index of `owner`'s parameter that a Name read in `reader` (`owner` or a function nested
// in it) denotes: the nearest enclosing function with a parameter of that name must be `owner`.
std::optional<size_t> parameterOf(const Program& program, const Function& owner, const Function& reader,
                                  ExprRef name) {
  if (!name.valid() || name.expr().kind != ExprKind::Name) return std::nullopt;
  const std::string& text = name.expr().text;
  for (const Function* f = &reader; f;) {
    for (size_t i = 0; i < f->params.size(); ++i) {
      if (f->params[i].name == text) return f == &owner ? std::optional<size_t>(i) : std::nullopt;
    }
    if (f == &owner || f->parent == kNoFunction) return std::nullopt;
    f = &program.function(f->parent);
  }
  return std::nullopt;
}

// What a decorator call passes for the factory's parameter `index`. A method called on an
// object (`@hooks.route("/x")`) binds that object to its first parameter.
ExprRef argumentFor(const Function& decorated, const Expr& call, const Function& factory, size_t index) {
  ExprRef keyword = keywordArgument(decorated, call, factory.params[index].name);
  if (keyword.valid()) return keyword;
  const bool bound = !factory.classQualified.empty() && !call.args.empty() &&
                     decorated.exprs[call.args[0]].kind == ExprKind::Attribute;
  if (bound && index == 0) return {};
  return positionalArgument(decorated, call, bound ? index - 1 : index);
}

std::vector<ExprId> returnedValues(const Function& fn) {
  std::vector<ExprId> out;
  for (const Block& b : fn.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind == StmtKind::Return && s.value != kNoExpr) out.push_back(s.value);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> RouteCollector::factoryPath(const Function& factory, const Function& reader, ExprRef pathArg,
                                                       const Function& decorated, const Expr& decorator) const {
  if (!pathArg.valid()) return std::nullopt;
  if (std::optional<size_t> p = parameterOf(index_.program, factory, reader, pathArg)) {
    ExprRef given = argumentFor(decorated, decorator, factory, *p);
    if (!given.valid()) given = ExprRef{&factory, factory.params[*p].defaultValue};
    return given.valid() ? constantString(index_, given) : std::nullopt;
  }
  return constantString(index_, pathArg);
}

void RouteCollector::collectFactoryRoutes() {
  const Program& program = index_.program;
  std::map<FunctionId, std::vector<std::pair<FunctionId, ExprId>>> applications;
  for (FunctionId id : index_.functions()) {
    const Function& h = program.function(id);
    for (ExprId d : h.decorators) {
      const Expr& call = h.exprs[d];
      if (call.kind != ExprKind::Call || call.function == kNoFunction || call.function == id) continue;
      if (knowledge_.matches("route_decorators", call.qualified)) continue;
      applications[call.function].emplace_back(id, d);
    }
  }
  for (const auto& [factoryId, uses] : applications) {
    const Function& factory = program.function(factoryId);
    for (ExprId returned : returnedValues(factory)) {
      const Expr& value = factory.exprs[returned];
      if (value.kind == ExprKind::Call) {
        const KnowledgeEntry* entry = knowledge_.match("route_decorators", value.qualified);
        if (!entry) continue;
        ExprRef pathArg = callArgument(factory, value, entry->attributes, "path_arg", "path_kw");
        for (const auto& [decoratedId, decorator] : uses) {
          const Function& decorated = program.function(decoratedId);
          const Expr& call = decorated.exprs[decorator];
          std::optional<std::string> path = factoryPath(factory, factory, pathArg, decorated, call);
          if (!pathAcceptable(*entry, path)) continue;
          addRoute(declaredRoute(*entry, factory, value, path, call.span), decoratedId,
                   entryMethods(index_, factory, value, *entry), {}, false);
        }
      } else if (value.kind == ExprKind::Name && value.function != kNoFunction &&
                 program.function(value.function).parent == factoryId) {
        addRegisteringDecoratorRoutes(factory, program.function(value.function), uses);
      }
    }
  }
}

// `register(fn)` registers the function it decorates: `app.add_url_rule(path, view_func=fn)`.
void RouteCollector::addRegisteringDecoratorRoutes(const Function& factory, const Function& inner,
                                                   const std::vector<std::pair<FunctionId, ExprId>>& uses) {
  const Program& program = index_.program;
  for (const Expr& call : inner.exprs) {
    if (call.kind != ExprKind::Call) continue;
    const KnowledgeEntry* entry = knowledge_.match("route_registrations", call.qualified);
    if (!entry) continue;
    ExprRef viewArg = callArgument(inner, call, entry->attributes, "view_arg", "view_kw");
    if (!parameterOf(program, inner, inner, viewArg)) continue;
    ExprRef pathArg = callArgument(inner, call, entry->attributes, "path_arg", "path_kw");
    for (const auto& [decoratedId, decorator] : uses) {
      const Function& decorated = program.function(decoratedId);
      std::optional<std::string> path = factoryPath(factory, inner, pathArg, decorated, decorated.exprs[decorator]);
      if (!pathAcceptable(*entry, path)) continue;
      addRoute(declaredRoute(*entry, inner, call, path, decorated.exprs[decorator].span), decoratedId,
                   entryMethods(index_, inner, call, *entry), {}, false);
    }
  }
}

}  // namespace hg::python
