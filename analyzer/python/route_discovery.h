// Route discovery over the linked model. Every name that makes something a route comes from
// the knowledge categories route_decorators, route_registrations, method_views,
// django_route_functions, django_method_decorators, applications (url prefixes) and
// prefix_registrations (rules/knowledge/frameworks.json).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "python/link_index.h"
#include "python/route_values.h"
#include "python/site_values.h"

namespace hg::python {

class RouteCollector {
 public:
  RouteCollector(LinkIndex& index, const Knowledge& knowledge);

  void collectPrefixes();
  void collectDecoratorRoutes();
  void collectRegistrations();
  // Decorators made by a factory of the project that returns a route decorator or registers
  // the function it decorates (route_factories.cpp).
  void collectFactoryRoutes();
  void collectDjangoDecoratedViews();
  std::vector<Route> take();

 private:
  struct ViewTemplate {
    Route route;  // framework, path, declaration, registeredOn filled in
    std::optional<std::vector<HttpMethod>> explicitMethods;
    std::vector<HttpMethod> defaultMethods;
    bool django = false;
    std::vector<std::string> extraDecorators;  // wrappers applied in the registration
  };
  struct Mount {
    std::string registeredOn;
    std::optional<std::string> path;
  };
  std::vector<Mount> mountsThroughSites(FunctionId fn, const Expr& call, const KnowledgeEntry*& entry) const;
  void addViewRoutes(ViewTemplate view, ExprRef viewExpr);
  void addDecoratorCallRoute(const Function& f, const Expr& outerCall);
  void addClassViewRoutes(const ViewTemplate& view, const std::string& cls);
  void addRoute(Route route, FunctionId handler, std::vector<HttpMethod> methods,
                const std::vector<std::string>& extraDecorators, bool django);
  // A route declared by `registration` (a call in `owner` matching `entry`), on the object the
  // call is made on, at `path` under that object's prefix.
  Route declaredRoute(const KnowledgeEntry& entry, const Function& owner, const Expr& registration,
                      const std::optional<std::string>& path, const Span& declaration) const;
  std::optional<std::string> factoryPath(const Function& factory, const Function& reader, ExprRef pathArg,
                                         const Function& decorated, const Expr& decorator) const;
  void addRegisteringDecoratorRoutes(const Function& factory, const Function& inner,
                                     const std::vector<std::pair<FunctionId, ExprId>>& uses);
  std::vector<std::string> decoratorNames(const Function& handler, bool keepRouteDecorators) const;
  std::optional<std::vector<HttpMethod>> djangoMethods(const Function& handler) const;
  std::string prefixOf(const std::string& registeredOn) const;
  // `application = create_app()`: the identity of the application the factory returns, so
  // that routes registered on the global name meet the Application built in the factory.
  std::string applicationIdentity(const std::string& identity) const;

  LinkIndex& index_;
  const Knowledge& knowledge_;
  SiteValues sites_;
  std::map<std::string, std::string> prefixes_;
  std::set<std::string> applications_;  // Application::qualified of every application
  std::set<FunctionId> routedHandlers_;
  std::vector<Route> routes_;
};

}  // namespace hg::python
