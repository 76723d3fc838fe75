#include "python/route_discovery.h"

#include <algorithm>

#include "python/class_lookup.h"
#include "python/link_steps.h"
#include "python/loop_tables.h"
#include "python/method_decorators.h"

namespace hg::python {
namespace {

const std::vector<HttpMethod> kAnyMethod{HttpMethod::Any};

}  // namespace

RouteCollector::RouteCollector(LinkIndex& index, const Knowledge& knowledge)
    : index_(index), knowledge_(knowledge), sites_(index) {
  for (const Application& a : index.program.applications) applications_.insert(a.qualified);
}

std::string RouteCollector::applicationIdentity(const std::string& identity) const {
  const Program& program = index_.program;
  std::string current = identity;
  for (int hop = 0; hop < 4 && !applications_.count(current); ++hop) {
    const LinkIndex::Constant* c = index_.constant(current);
    if (!c) break;
    const Function& holder = program.function(c->function);
    const Expr& value = holder.exprs[c->value];
    if (value.kind != ExprKind::Call || value.function == kNoFunction) break;
    // The factory's returns must all name one variable.
    const Function& factory = program.function(value.function);
    std::string returned;
    bool consistent = true;
    for (const Block& b : factory.blocks) {
      for (const Stmt& st : b.stmts) {
        if (st.kind != StmtKind::Return) continue;
        std::string r = st.value == kNoExpr ? std::string() : identityOf(factory, st.value);
        consistent = consistent && !r.empty() && (returned.empty() || r == returned);
        returned = r;
      }
    }
    if (!consistent || returned.empty()) break;
    current = returned;
  }
  return applications_.count(current) ? current : identity;
}

std::string RouteCollector::prefixOf(const std::string& registeredOn) const {
  auto it = prefixes_.find(registeredOn);
  return it == prefixes_.end() ? std::string() : it->second;
}

void RouteCollector::collectPrefixes() {
  Program& program = index_.program;
  const std::vector<FunctionId> functions = index_.functions();
  for (FunctionId id : functions) {
    const Function& f = program.function(id);
    for (const Block& b : f.blocks) {
      for (const Stmt& s : b.stmts) {
        if (s.kind != StmtKind::Assign || s.value == kNoExpr) continue;
        const Expr& value = f.exprs[s.value];
        if (value.kind != ExprKind::Call) continue;
        const KnowledgeEntry* entry = applicationEntry(program, knowledge_, value.qualified);
        if (!entry || !entry->attributes.contains("prefix_kw")) continue;
        ExprRef arg = keywordArgument(f, value, entry->attributes.value("prefix_kw", ""));
        std::optional<std::string> prefix = arg.valid() ? constantString(index_, arg) : std::nullopt;
        if (!prefix) continue;
        for (ExprId t : s.targets) {
          std::string identity = identityOf(f, t);
          if (!identity.empty()) prefixes_[identity] = *prefix;
        }
      }
    }
  }
  for (FunctionId id : functions) {
    const Function& f = program.function(id);
    for (const Expr& e : f.exprs) {
      if (e.kind != ExprKind::Call) continue;
      const KnowledgeEntry* entry = knowledge_.match("prefix_registrations", e.qualified);
      if (!entry) continue;
      ExprRef child = positionalArgument(f, e, 0);
      ExprRef arg = keywordArgument(f, e, entry->attributes.value("prefix_kw", ""));
      if (!child.valid() || !arg.valid()) continue;
      std::optional<std::string> prefix = constantString(index_, arg);
      std::string identity = identityOf(f, child.id);
      if (!prefix || identity.empty()) continue;
      // Flask's register_blueprint(url_prefix=) replaces the blueprint's own prefix;
      // FastAPI's include_router(prefix=) goes in front of the router's.
      prefixes_[identity] = entry->attributes.value("replaces", false) ? *prefix : joinPath(*prefix, prefixOf(identity));
    }
  }
}

std::vector<std::string> RouteCollector::decoratorNames(const Function& handler, bool keepRouteDecorators) const {
  std::vector<std::string> out;
  for (ExprId d : handler.decorators) {
    const Expr& e = handler.exprs[d];
    if (!keepRouteDecorators && e.kind == ExprKind::Call && knowledge_.matches("route_decorators", e.qualified)) {
      continue;
    }
    // `@method_decorator(verify)` applies `verify` to the method.
    if (std::optional<MethodDecoration> m = methodDecoration(index_, knowledge_, handler, d); m && !m->method) {
      out.insert(out.end(), m->decorators.begin(), m->decorators.end());
      continue;
    }
    std::string name = decoratorName(handler, d);
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

std::optional<std::vector<HttpMethod>> RouteCollector::djangoMethods(const Function& handler) const {
  for (ExprId d : handler.decorators) {
    const Expr& e = handler.exprs[d];
    const KnowledgeEntry* entry = knowledge_.match("django_method_decorators", e.qualified);
    if (!entry) continue;
    if (entry->attributes.contains("methods")) return methodsFromJson(entry->attributes["methods"]);
    if (entry->attributes.contains("methods_arg") && e.kind == ExprKind::Call) {
      ExprRef arg = positionalArgument(handler, e, entry->attributes.value("methods_arg", 0u));
      if (!arg.valid()) arg = keywordArgument(handler, e, "request_method_list");
      return arg.valid() ? constantMethods(index_, arg).value_or(kAnyMethod) : kAnyMethod;
    }
  }
  return std::nullopt;
}

void RouteCollector::addRoute(Route route, FunctionId handler, std::vector<HttpMethod> methods,
                              const std::vector<std::string>& extraDecorators, bool django) {
  const Function& fn = index_.program.function(handler);
  route.handler = handler;
  route.methods = std::move(methods);
  route.pathParameters = pathParameters(route.path);
  route.decoratorNames = extraDecorators;
  for (std::string& n : decoratorNames(fn, django)) route.decoratorNames.push_back(std::move(n));
  routedHandlers_.insert(handler);
  routes_.push_back(std::move(route));
}

Route RouteCollector::declaredRoute(const KnowledgeEntry& entry, const Function& owner, const Expr& registration,
                                    const std::optional<std::string>& path, const Span& declaration) const {
  Route r;
  r.framework = entry.attributes.value("framework", "");
  r.registeredOn = applicationIdentity(calleeObjectIdentity(owner, registration));
  r.path = joinPath(prefixOf(r.registeredOn), path.value_or(""));
  r.declaration = declaration;
  return r;
}

void RouteCollector::collectDecoratorRoutes() {
  Program& program = index_.program;
  for (FunctionId id : index_.functions()) {
    const Function& h = program.function(id);
    for (ExprId d : h.decorators) {
      const Expr& call = h.exprs[d];
      if (call.kind != ExprKind::Call) continue;
      const KnowledgeEntry* entry = knowledge_.match("route_decorators", call.qualified);
      if (!entry) continue;
      ExprRef pathArg = callArgument(h, call, entry->attributes, "path_arg", "path_kw");
      std::optional<std::string> path = pathArg.valid() ? constantString(index_, pathArg) : std::nullopt;
      if (!pathAcceptable(*entry, path)) continue;
      addRoute(declaredRoute(*entry, h, call, path, call.span), id, entryMethods(index_, h, call, *entry), {}, false);
    }
  }
}

void RouteCollector::collectRegistrations() {
  Program& program = index_.program;
  for (FunctionId id : index_.functions()) {
    const Function& f = program.function(id);
    for (const Expr& call : f.exprs) {
      if (call.kind != ExprKind::Call) continue;
      if (!call.args.empty() && f.exprs[call.args[0]].kind == ExprKind::Call) addDecoratorCallRoute(f, call);
      const KnowledgeEntry* entry = knowledge_.match("route_registrations", call.qualified);
      const bool django = !entry && (entry = knowledge_.match("django_route_functions", call.qualified)) != nullptr;
      const bool known = entry != nullptr;
      std::vector<Mount> mounts;
      if (!django) mounts = mountsThroughSites(id, call, entry);
      if (!entry || (mounts.empty() && !known)) continue;
      ExprRef pathArg = callArgument(f, call, entry->attributes, "path_arg", "path_kw");
      ExprRef viewArg = callArgument(f, call, entry->attributes, "view_arg", "view_kw");
      if (!viewArg.valid()) continue;
      // A registration in a loop over a table: one mount per entry, each with its own view.
      std::vector<ExprRef> views;
      if (mounts.empty()) {
        const std::string identity = django ? std::string() : applicationIdentity(calleeObjectIdentity(f, call));
        std::vector<LoopEntry> entries = loopEntries(index_, f, viewArg);
        if (entries.empty()) entries = loopEntries(index_, f, pathArg);
        for (const LoopEntry& e : entries) {
          std::optional<std::string> path = pathArg.valid() ? constantStringIn(index_, pathArg, e) : std::nullopt;
          if (!pathAcceptable(*entry, path)) continue;
          mounts.push_back({identity, path});
          views.push_back(boundValue(e, viewArg));
        }
        if (entries.empty()) {
          std::optional<std::string> path = pathArg.valid() ? constantString(index_, pathArg) : std::nullopt;
          if (!pathAcceptable(*entry, path)) continue;
          mounts.push_back({identity, path});
        }
      }
      for (size_t m = 0; m < mounts.size(); ++m) {
        const Mount& mount = mounts[m];
        ViewTemplate view;
        view.django = django;
        view.route.framework = django ? "django" : entry->attributes.value("framework", "");
        view.route.registeredOn = mount.registeredOn;
        view.route.path = joinPath(prefixOf(view.route.registeredOn), mount.path.value_or(""));
        view.route.declaration = call.span;
        const nlohmann::json& attrs = entry->attributes;
        if (attrs.contains("methods_kw") && attrs["methods_kw"].is_string()) {
          ExprRef arg = keywordArgument(f, call, attrs["methods_kw"].get<std::string>());
          if (arg.valid()) view.explicitMethods = constantMethods(index_, arg).value_or(kAnyMethod);
        }
        view.defaultMethods =
            django ? kAnyMethod : methodsFromJson(attrs.value("default_methods", nlohmann::json::array()));
        addViewRoutes(std::move(view), m < views.size() ? views[m] : viewArg);
      }
    }
  }
}

// `app.add_url_rule(endpoint, ...)` in a library class, `app` and `endpoint` being parameters
// (or `self.app`, `self` for a Blueprint subclass): one mount per place that constructs or
// calls it with an application, the path taken from the same place (else the default).
std::vector<RouteCollector::Mount> RouteCollector::mountsThroughSites(FunctionId fnId, const Expr& call,
                                                                      const KnowledgeEntry*& entry) const {
  std::vector<Mount> out;
  const Function& f = index_.program.function(fnId);
  if (call.args.empty()) return out;
  const Expr& callee = f.exprs[call.args[0]];
  if (callee.kind != ExprKind::Attribute || callee.args.empty() || !sites_.dependsOnSites(fnId, callee.args[0])) {
    return out;
  }
  // An untyped parameter's method has no qualified name; match it by its attribute alone.
  if (!entry && call.qualified.empty()) entry = knowledge_.match("route_registrations", "?." + callee.text);
  if (!entry) return out;
  ExprRef pathArg = callArgument(f, call, entry->attributes, "path_arg", "path_kw");
  std::set<std::pair<std::string, std::string>> seen;
  for (const SiteValue& app : sites_.resolve(fnId, callee.args[0])) {
    std::string identity = app.instance;
    if (identity.empty() && app.value.valid()) identity = identityOf(*app.value.fn, app.value.id);
    if (identity.empty()) continue;
    std::optional<std::string> path;
    if (pathArg.valid()) {
      for (const SiteValue& p : sites_.resolve(fnId, pathArg.id, app.chain)) {
        if (p.value.valid() && (path = constantString(index_, p.value))) break;
      }
    }
    identity = applicationIdentity(identity);
    // A fallback entry guards against unknown objects; an application of the tree is known.
    if (!applications_.count(identity) && !pathAcceptable(*entry, path)) continue;
    if (!seen.insert({identity, path.value_or("")}).second) continue;
    out.push_back({identity, path});
  }
  return out;
}

// `app.route("/hook", methods=["POST"])(handler)`: the decorator applied by hand.
void RouteCollector::addDecoratorCallRoute(const Function& f, const Expr& outer) {
  const Expr& decorator = f.exprs[outer.args[0]];
  const KnowledgeEntry* entry = knowledge_.match("route_decorators", decorator.qualified);
  if (!entry) return;
  ExprRef pathArg = callArgument(f, decorator, entry->attributes, "path_arg", "path_kw");
  std::optional<std::string> path = pathArg.valid() ? constantString(index_, pathArg) : std::nullopt;
  if (!pathAcceptable(*entry, path)) return;
  ExprRef viewArg = positionalArgument(f, outer, 0);
  if (!viewArg.valid()) return;
  ViewTemplate view;
  view.route.framework = entry->attributes.value("framework", "");
  view.route.registeredOn = applicationIdentity(calleeObjectIdentity(f, decorator));
  view.route.path = joinPath(prefixOf(view.route.registeredOn), path.value_or(""));
  view.route.declaration = outer.span;
  view.explicitMethods = entryMethods(index_, f, decorator, *entry);
  addViewRoutes(std::move(view), viewArg);
}

void RouteCollector::addViewRoutes(ViewTemplate view, ExprRef viewExpr) {
  const Program& program = index_.program;
  // `csrf_exempt(views.hook)`, `require_sig(handler)`: a wrapper applied in the registration
  // counts as a decorator of the view it wraps.
  for (int depth = 0; depth < 8 && viewExpr.valid(); ++depth) {
    const Expr& v = viewExpr.expr();
    if (v.kind == ExprKind::Call && !v.args.empty()) {
      const Expr& callee = viewExpr.fn->exprs[v.args[0]];
      if (callee.kind == ExprKind::Attribute && callee.text == "as_view" && !callee.args.empty()) {
        std::string cls = viewExpr.fn->exprs[callee.args[0]].qualified;
        if (!cls.empty()) addClassViewRoutes(view, cls);
        return;
      }
      view.extraDecorators.push_back(decoratorName(*viewExpr.fn, v.args[0]));
      viewExpr = positionalArgument(*viewExpr.fn, v, 0);
      continue;
    }
    // `api.add_resource(Thing, "/things")`: the class itself is the view.
    if ((v.kind == ExprKind::Name || v.kind == ExprKind::Attribute) && !v.qualified.empty() &&
        program.findClass(v.qualified)) {
      addClassViewRoutes(view, v.qualified);
      return;
    }
    // `login = LoginView.as_view()` in views.py, `path("login/", views.login)` in urls.py: linking
    // named the constant after its value.
    if (v.function == kNoFunction && (v.kind == ExprKind::Name || v.kind == ExprKind::Attribute) &&
        v.qualified.ends_with(".as_view()")) {
      const std::string cls = v.qualified.substr(0, v.qualified.size() - std::string_view(".as_view()").size());
      if (program.findClass(cls)) addClassViewRoutes(view, cls);
      return;
    }
    FunctionId handler = v.function;
    if (handler == kNoFunction || program.function(handler).name.starts_with("<class")) return;
    std::vector<HttpMethod> methods;
    if (view.django) {
      methods = djangoMethods(program.function(handler)).value_or(kAnyMethod);
    } else {
      methods = view.explicitMethods.value_or(view.defaultMethods);
    }
    addRoute(view.route, handler, std::move(methods), view.extraDecorators, view.django);
    return;
  }
}

void RouteCollector::addClassViewRoutes(const ViewTemplate& view, const std::string& cls) {
  const Program& program = index_.program;
  const KnowledgeEntry* style = nullptr;
  anyBase(program, cls, [&](const std::string& base) {
    style = knowledge_.match("method_views", base);
    return style != nullptr;
  });
  if (!style) return;
  if (style->attributes.value("style", "") == "dispatch") {
    FunctionId handler = findMethod(program, cls, style->attributes.value("dispatch_method", "dispatch_request"));
    if (handler == kNoFunction) return;
    std::optional<std::vector<HttpMethod>> methods = view.explicitMethods;
    if (!methods) {
      // The view class's `methods = [...]`, inherited like any class attribute.
      anyBase(program, cls, [&](const std::string& base) {
        const LinkIndex::Constant* c = index_.constant(base + ".methods");
        if (!c) return false;
        methods = constantMethods(index_, ExprRef{&program.function(c->function), c->value});
        return true;
      });
    }
    if (!methods) methods = methodsFromJson(style->attributes.value("default_methods", nlohmann::json::array()));
    // The handler is the dispatcher itself, run on the registered class.
    Route route = view.route;
    route.viewClass = cls;
    route.dispatchMethod = style->attributes.value("dispatch_method", "dispatch_request");
    addRoute(std::move(route), handler, *methods, view.extraDecorators, view.django);
    return;
  }
  // One route per HTTP method the class (or a scanned base) handles; the framework's
  // dispatcher, which a subclass may override to verify first, runs before it.
  ViewTemplate perMethod = view;
  perMethod.route.viewClass = cls;
  perMethod.route.dispatchMethod = style->attributes.value("dispatch_method", "");
  if (!perMethod.route.dispatchMethod.empty())
    perMethod.route.dispatchOverride = findMethod(program, cls, perMethod.route.dispatchMethod);
  static const std::pair<const char*, HttpMethod> kVerbs[] = {{"get", HttpMethod::Get},
                                                             {"post", HttpMethod::Post},
                                                             {"put", HttpMethod::Put},
                                                             {"patch", HttpMethod::Patch},
                                                             {"delete", HttpMethod::Delete}};
  for (const auto& [verb, method] : kVerbs) {
    FunctionId handler = findMethod(program, cls, verb);
    if (handler == kNoFunction) continue;
    if (view.explicitMethods) {
      const auto& allowed = *view.explicitMethods;
      if (std::find(allowed.begin(), allowed.end(), method) == allowed.end() &&
          std::find(allowed.begin(), allowed.end(), HttpMethod::Any) == allowed.end()) {
        continue;
      }
    }
    // `@method_decorator(verify, name="dispatch")` on the class or a base wraps what runs
    // before this method, as the registration's wrappers do.
    std::vector<std::string> decorators = view.extraDecorators;
    for (std::string& d : classMethodDecorators(index_, knowledge_, cls, verb, handler, perMethod.route.dispatchMethod))
      decorators.push_back(std::move(d));
    addRoute(perMethod.route, handler, {method}, decorators, view.django);
  }
}

void RouteCollector::collectDjangoDecoratedViews() {
  Program& program = index_.program;
  for (FunctionId id : index_.functions()) {
    if (routedHandlers_.count(id)) continue;
    const Function& h = program.function(id);
    for (ExprId d : h.decorators) {
      if (!knowledge_.matches("django_method_decorators", h.exprs[d].qualified)) continue;
      Route r;
      r.framework = "django";
      r.declaration = h.exprs[d].span;
      addRoute(std::move(r), id, djangoMethods(h).value_or(kAnyMethod), {}, true);
      break;
    }
  }
}

std::vector<Route> RouteCollector::take() {
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const Route& a, const Route& b) { return a.declaration < b.declaration; });
  return std::move(routes_);
}

void discoverRoutes(LinkIndex& index, const Knowledge& knowledge) {
  RouteCollector collector(index, knowledge);
  collector.collectPrefixes();
  collector.collectDecoratorRoutes();
  collector.collectRegistrations();
  collector.collectFactoryRoutes();
  collector.collectDjangoDecoratedViews();
  for (Route& r : collector.take()) index.program.routes.push_back(std::move(r));
}

}  // namespace hg::python
