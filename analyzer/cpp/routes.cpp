#include "cpp/routes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

namespace hg::cpp {

namespace {

std::string lowerCase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The last component of "a::b::c" or "a.b.c".
std::string_view lastName(std::string_view s) {
  size_t cut = s.find_last_of(".:");
  return cut == std::string_view::npos ? s : s.substr(cut + 1);
}

const Expr* at(const Function& fn, ExprId id) { return id < fn.exprs.size() ? &fn.exprs[id] : nullptr; }

// Argument `index` of a call (after the callee).
const Expr* argument(const Function& fn, const Expr& call, int index) {
  if (index < 0 || static_cast<size_t>(index) + 1 >= call.args.size()) return nullptr;
  return at(fn, call.args[static_cast<size_t>(index) + 1]);
}

int intAttribute(const KnowledgeEntry& entry, const char* key) {
  auto it = entry.attributes.find(key);
  return it != entry.attributes.end() && it->is_number_integer() ? it->get<int>() : -1;
}

std::string stringAttribute(const KnowledgeEntry& entry, const char* key) {
  auto it = entry.attributes.find(key);
  return it != entry.attributes.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Discovery {
 public:
  Discovery(const std::vector<Function>& functions, const Module& module, const Knowledge& knowledge)
      : functions_(functions), module_(module), knowledge_(knowledge) {
    collectConstants();
  }

  FileRoutes run() {
    for (const Function& fn : functions_) {
      for (ExprId id = 0; id < fn.exprs.size(); ++id) {
        const Expr& e = fn.exprs[id];
        if (e.kind == ExprKind::Call) {
          if (!registration(fn, e)) customRegistration(fn, e);
          chain(fn, e);
          singletonApplication(fn, e);
        } else if (e.kind == ExprKind::Compare) {
          methodTest(fn, id, e);
        }
      }
      for (const Block& block : fn.blocks) {
        for (const Stmt& s : block.stmts) constructedApplication(fn, s);
      }
      pairMethodAndTarget(fn);
    }
    routesFromMethodTests();
    return std::move(out_);
  }

 private:
  // String constants of the file (`const char* kPath = "/hook";`), by binding.
  void collectConstants() {
    for (const Function& fn : functions_) {
      for (const Block& block : fn.blocks) {
        for (const Stmt& s : block.stmts) {
          if (s.kind != StmtKind::Assign || s.targets.size() != 1 || !s.augOp.empty()) continue;
          const Expr* target = at(fn, s.targets[0]);
          const Expr* value = at(fn, s.value);
          if (!target || !value || target->kind != ExprKind::Name || target->binding.empty()) continue;
          if (value->kind == ExprKind::Literal && value->literal == LiteralKind::String) {
            auto [it, fresh] = constants_.emplace(target->binding, value->text);
            if (!fresh && it->second != value->text) it->second.clear();  // reassigned: unknown
          }
        }
      }
    }
  }

  std::string stringValue(const Function& fn, const Expr* e) const {
    for (int hops = 0; e && hops < 8; ++hops) {
      if (e->kind == ExprKind::Literal && e->literal == LiteralKind::String) return e->text;
      if (e->kind == ExprKind::Name) {
        auto it = constants_.find(e->binding);
        return it == constants_.end() ? std::string() : it->second;
      }
      // std::string("/hook"), a conversion call of one argument.
      if (e->kind == ExprKind::Call && e->args.size() == 2) {
        e = at(fn, e->args[1]);
        continue;
      }
      break;
    }
    return {};
  }

  // What an expression names as the object a route is registered on.
  static std::string objectName(const Expr* e) {
    if (!e) return {};
    if (e->kind == ExprKind::Name) return e->binding.empty() ? e->qualified : e->binding;
    if (e->kind == ExprKind::Call && !e->qualified.empty()) return e->qualified + "()";
    return e->qualified;
  }

  std::string receiverOf(const Function& fn, const Expr& call, const KnowledgeEntry& entry) const {
    std::string fixed = stringAttribute(entry, "registered_on");
    if (!fixed.empty()) return fixed;
    int receiverArg = intAttribute(entry, "receiver_arg");
    if (receiverArg >= 0) return objectName(argument(fn, call, receiverArg));
    const Expr* callee = call.args.empty() ? nullptr : at(fn, call.args[0]);
    if (callee && callee->kind == ExprKind::Attribute && !callee->args.empty()) return objectName(at(fn, callee->args[0]));
    return {};
  }

  void addMethods(const Function& fn, const Expr* e, std::vector<HttpMethod>& methods, int depth = 0) const {
    if (!e || depth > 8) return;
    HttpMethod m;
    switch (e->kind) {
      case ExprKind::Literal:
        if (e->literal == LiteralKind::String && httpMethodFromName(e->text, m)) methods.push_back(m);
        return;
      case ExprKind::Name:
      case ExprKind::Attribute:
        if (httpMethodFromName(e->qualified.empty() ? e->text : e->qualified, m) ||
            httpMethodFromName(e->text, m))
          methods.push_back(m);
        return;
      case ExprKind::Container:
        for (ExprId a : e->args) addMethods(fn, at(fn, a), methods, depth + 1);
        return;
      case ExprKind::Call:
        // "POST"_method, or a constraint wrapping the method.
        for (size_t i = 1; i < e->args.size(); ++i) addMethods(fn, at(fn, e->args[i]), methods, depth + 1);
        return;
      default:
        return;
    }
  }

  void defaultMethods(const KnowledgeEntry& entry, std::vector<HttpMethod>& methods) const {
    auto it = entry.attributes.find("default_methods");
    if (it == entry.attributes.end() || !it->is_array()) return;
    for (const auto& m : *it) {
      HttpMethod method;
      if (m.is_string() && httpMethodFromName(m.get<std::string>(), method)) methods.push_back(method);
    }
  }

  const ClassDef* classNamed(const std::string& qualified) const {
    for (const ClassDef& c : module_.classes) {
      if (c.qualified == qualified) return &c;
    }
    return nullptr;
  }

  FunctionId methodOf(const ClassDef& cls, std::string_view name) const {
    for (FunctionId m : cls.methods) {
      if (m < functions_.size() && functions_[m].name == name) return m;
    }
    return kNoFunction;
  }

  // The function a handler argument denotes: a lambda, a function or member function, a local
  // holding one, a function object of a class of the file, std::bind of one.
  FunctionId handlerOf(const Function& fn, const Expr* e, int depth = 0) const {
    if (!e || depth > 8) return kNoFunction;
    if (e->function != kNoFunction && e->function < functions_.size() &&
        (e->kind == ExprKind::Lambda || e->kind == ExprKind::Name || e->kind == ExprKind::Attribute))
      return e->function;
    if (e->kind == ExprKind::Name && !e->binding.empty()) {
      for (const Block& block : fn.blocks) {
        for (const Stmt& s : block.stmts) {
          if (s.kind != StmtKind::Assign || s.targets.size() != 1) continue;
          const Expr* target = at(fn, s.targets[0]);
          if (target && target->kind == ExprKind::Name && target->binding == e->binding) {
            FunctionId f = handlerOf(fn, at(fn, s.value), depth + 1);
            if (f != kNoFunction) return f;
          }
        }
      }
      if (const ClassDef* cls = classNamed(e->qualified.ends_with("()") ? e->qualified.substr(0, e->qualified.size() - 2) : "")) {
        return methodOf(*cls, "operator()");
      }
    }
    if (e->kind == ExprKind::Call) {
      if (const ClassDef* cls = classNamed(e->qualified)) return methodOf(*cls, "operator()");
      if (knowledge_.matches("handler_adapters", e->qualified)) return handlerOf(fn, argument(fn, *e, 0), depth + 1);
    }
    return kNoFunction;
  }

  void addRoute(Route route) {
    for (const Route& r : out_.routes) {
      if (r.handler == route.handler && r.declaration == route.declaration && r.path == route.path) return;
    }
    out_.routes.push_back(std::move(route));
  }

  // svr.Post("/hook", handler), app().registerHandler(...), registerMethod(&C::m, ...).
  // Whether the knowledge describes the call (a route or not).
  bool registration(const Function& fn, const Expr& call) {
    const KnowledgeEntry* entry = knowledge_.match("route_registrations", call.qualified);
    if (!entry) return false;
    if (entry->attributes.value("chain", false)) return true;
    Route route;
    route.framework = stringAttribute(*entry, "framework");
    route.declaration = call.span;
    route.registeredOn = receiverOf(fn, call, *entry);
    route.path = stringValue(fn, argument(fn, call, intAttribute(*entry, "path_arg")));
    std::string handlerMethod = stringAttribute(*entry, "handler_method");
    if (!handlerMethod.empty()) {
      const ClassDef* cls = classNamed(fn.classQualified);
      route.handler = cls ? methodOf(*cls, handlerMethod) : kNoFunction;
    } else {
      route.handler = handlerOf(fn, argument(fn, call, intAttribute(*entry, "view_arg")));
    }
    if (route.handler == kNoFunction) return true;
    for (const auto& m : entry->attributes.value("methods", nlohmann::json::array())) {
      HttpMethod method;
      if (m.is_string() && httpMethodFromName(m.get<std::string>(), method)) route.methods.push_back(method);
    }
    addMethods(fn, argument(fn, call, intAttribute(*entry, "methods_arg")), route.methods);
    if (route.methods.empty()) defaultMethods(*entry, route.methods);
    // Drogon's METHOD_ADD: the controller's path (its namespaces and name) prefixes the pattern.
    const Expr* prefixed = argument(fn, call, intAttribute(*entry, "class_prefix_arg"));
    if (prefixed && prefixed->kind == ExprKind::Literal && prefixed->literal == LiteralKind::True) {
      route.path = classPath(functions_[route.handler].classQualified) + "/" + route.path;
      while (route.path.find("//") != std::string::npos) route.path.replace(route.path.find("//"), 2, "/");
    }
    addRoute(std::move(route));
    return true;
  }

  // A project's own server, which no knowledge entry names: `server.addHandler("POST",
  // "/hooks/x", handler)`, `router.post("/x", &Hooks::onX)`, `srv.route(Method::Put, "/x",
  // std::bind(...))`. The shape is what counts: exactly one argument is a path (a string
  // starting with '/'), an HTTP method is named by an argument or by the callee itself, and an
  // argument is a function taking parameters (the request). A path and a callable alone
  // (`every("/jobs/x", 60, job)`) are no route: nothing says the function serves HTTP.
  void customRegistration(const Function& fn, const Expr& call) {
    const Expr* callee = call.args.empty() ? nullptr : at(fn, call.args[0]);
    if (!callee || (callee->kind != ExprKind::Attribute && callee->kind != ExprKind::Name)) return;
    int paths = 0;
    std::string path;
    std::vector<HttpMethod> methods;
    FunctionId handler = kNoFunction;
    for (size_t i = 1; i < call.args.size(); ++i) {
      const Expr* a = at(fn, call.args[i]);
      if (!a) continue;
      const std::string text = stringValue(fn, a);
      if (!text.empty() && text.front() == '/') {
        ++paths;
        path = text;
        continue;
      }
      if (a->kind == ExprKind::Literal || a->kind == ExprKind::Name || a->kind == ExprKind::Attribute ||
          a->kind == ExprKind::Container) {
        const size_t before = methods.size();
        addMethods(fn, a, methods);
        if (methods.size() > before) continue;
      }
      if (handler == kNoFunction) handler = handlerOf(fn, a);
    }
    if (paths != 1 || handler == kNoFunction || functions_[handler].params.empty()) return;
    if (methods.empty()) methodsFromCalleeName(callee->text, methods);
    if (methods.empty()) return;
    Route route;
    route.framework = "custom";
    route.declaration = call.span;
    route.path = path;
    route.handler = handler;
    route.methods = methods;
    const Expr* object = callee->kind == ExprKind::Attribute && !callee->args.empty() ? at(fn, callee->args[0]) : nullptr;
    route.registeredOn = objectName(object);
    addRoute(std::move(route));
  }

  // `post`, `Put`, `addPostHandler`, `on_patch`: the whole name names any method; a word of a
  // longer name only a method that carries a body (`getHandler` looks a handler up).
  static void methodsFromCalleeName(const std::string& name, std::vector<HttpMethod>& methods) {
    HttpMethod m;
    if (httpMethodFromName(name, m) && m != HttpMethod::Any) {
      methods.push_back(m);
      return;
    }
    std::string word;
    auto flush = [&] {
      if (httpMethodFromName(word, m) && (m == HttpMethod::Post || m == HttpMethod::Put || m == HttpMethod::Patch))
        methods.push_back(m);
      word.clear();
    };
    for (size_t i = 0; i < name.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(name[i]);
      if (!std::isalnum(c) || (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))) flush();
      if (std::isalnum(c)) word += static_cast<char>(c);
    }
    flush();
  }

  std::string classPath(const std::string& classQualified) const {
    std::string rest = classQualified;
    if (rest.starts_with(module_.name + ".")) rest.erase(0, module_.name.size() + 1);
    std::string out = "/";
    for (char c : rest) out += c == '.' ? '/' : c;
    return out;
  }

  // CROW_ROUTE(app, "/hook").methods("POST"_method)(handler): the outer call takes the handler,
  // its callee chain leads to the registration.
  void chain(const Function& fn, const Expr& call) {
    const Expr* callee = call.args.empty() ? nullptr : at(fn, call.args[0]);
    if (!callee || callee->kind != ExprKind::Call) return;
    std::vector<HttpMethod> methods;
    const Expr* cur = callee;
    const KnowledgeEntry* entry = nullptr;
    for (int hops = 0; cur && hops < 32; ++hops) {
      if (cur->kind != ExprKind::Call) return;
      entry = knowledge_.match("route_registrations", cur->qualified);
      if (entry && entry->attributes.value("chain", false)) break;
      entry = nullptr;
      const Expr* method = cur->args.empty() ? nullptr : at(fn, cur->args[0]);
      if (!method || method->kind != ExprKind::Attribute || method->args.empty()) return;
      if (method->text == "methods") {
        for (size_t i = 1; i < cur->args.size(); ++i) addMethods(fn, at(fn, cur->args[i]), methods);
      }
      cur = at(fn, method->args[0]);  // .name("x"), .middlewares<...>() and the like pass through
    }
    if (!entry || !cur) return;
    Route route;
    route.framework = stringAttribute(*entry, "framework");
    route.declaration = call.span;
    route.path = stringValue(fn, argument(fn, *cur, intAttribute(*entry, "path_arg")));
    route.registeredOn = receiverOf(fn, *cur, *entry);
    route.handler = handlerOf(fn, argument(fn, call, 0));
    if (route.handler == kNoFunction) return;
    route.methods = methods;
    if (route.methods.empty()) defaultMethods(*entry, route.methods);
    addRoute(std::move(route));
  }

  // Beast and hand-written routers: `req.method() == http::verb::post` in a function.
  void methodTest(const Function& fn, ExprId id, const Expr& cmp) {
    if ((cmp.text != "==" && cmp.text != "!=") || cmp.args.size() != 2) return;
    for (int side = 0; side < 2; ++side) {
      const Expr* probe = at(fn, cmp.args[side]);
      const Expr* other = at(fn, cmp.args[1 - side]);
      if (!probe || !other) continue;
      const KnowledgeEntry* entry = knowledge_.match("route_method_tests", probe->qualified);
      if (entry) {
        HttpMethod m;
        std::string text = other->kind == ExprKind::Literal ? other->text
                                                            : (other->qualified.empty() ? other->text : other->qualified);
        if (!httpMethodFromName(text, m)) continue;
        tests_.push_back({fn.id, m, cmp.span, entry, id, {}});
        return;
      }
      entry = knowledge_.match("route_target_tests", probe->qualified);
      if (entry && other->kind == ExprKind::Literal && other->literal == LiteralKind::String) {
        // `!=` is the same test written as a guard (`if (m != post || t != "/hook") return`).
        targets_[fn.id].insert(other->text);
        targetTests_[fn.id][id] = other->text;
        return;
      }
    }
  }

  // A request loop tests method and target together (`m == post && t == "/hook"`, or the
  // guard `m != post || t != "/hook"`): that target is the path of that method's branch, even
  // when the loop serves several.
  void pairMethodAndTarget(const Function& fn) {
    auto tests = targetTests_.find(fn.id);
    if (tests == targetTests_.end()) return;
    for (const Expr& e : fn.exprs) {
      if (e.kind != ExprKind::BoolOp || e.args.size() != 2) continue;
      std::vector<ExprId> leaves;
      collectOperands(fn, e, e.text, leaves, 0);
      std::vector<MethodTest*> methods;
      std::set<std::string> paths;
      for (ExprId leaf : leaves) {
        for (MethodTest& t : tests_) {
          if (t.function == fn.id && t.compare == leaf) methods.push_back(&t);
        }
        auto target = tests->second.find(leaf);
        if (target != tests->second.end()) paths.insert(target->second);
      }
      if (methods.size() != 1 || paths.size() != 1) continue;
      if (methods[0]->pairedPath.empty()) methods[0]->pairedPath = *paths.begin();
    }
  }

  // The operands of a chain of one boolean operator (`a && b && c`), bounded.
  void collectOperands(const Function& fn, const Expr& op, const std::string& text, std::vector<ExprId>& out,
                       int depth) const {
    if (depth > 16) return;
    for (ExprId a : op.args) {
      const Expr* operand = at(fn, a);
      if (!operand) continue;
      if (operand->kind == ExprKind::BoolOp && operand->text == text) {
        collectOperands(fn, *operand, text, out, depth + 1);
      } else {
        out.push_back(a);
      }
    }
  }

  void routesFromMethodTests() {
    // A registered handler that tests the method (`if (req.method == "POST")` in an httplib
    // lambda) is already the route; the test does not make it another.
    std::set<FunctionId> registered;
    for (const Route& r : out_.routes) registered.insert(r.handler);
    for (const MethodTest& t : tests_) {
      if (t.function >= functions_.size() || registered.count(t.function)) continue;
      Route route;
      route.framework = stringAttribute(*t.entry, "framework");
      route.handler = t.function;
      route.methods = {t.method};
      route.declaration = t.span;
      const std::set<std::string>& paths = targets_[t.function];
      // One target compared in the function is the path it serves; several are a router's.
      if (!t.pairedPath.empty()) {
        route.path = t.pairedPath;
      } else if (paths.size() == 1) {
        route.path = *paths.begin();
      }
      addRoute(std::move(route));
    }
  }

  void constructedApplication(const Function& fn, const Stmt& s) {
    if (s.kind != StmtKind::Assign || s.targets.size() != 1) return;
    const Expr* value = at(fn, s.value);
    const Expr* target = at(fn, s.targets[0]);
    if (!value || !target || value->kind != ExprKind::Call || target->kind != ExprKind::Name) return;
    const KnowledgeEntry* entry = knowledge_.match("applications", value->qualified);
    if (!entry || entry->attributes.value("singleton", false)) return;
    Application app;
    app.framework = stringAttribute(*entry, "framework");
    app.kind = stringAttribute(*entry, "kind").empty() ? "app" : stringAttribute(*entry, "kind");
    app.qualified = target->binding;
    app.definedIn = fn.id;
    app.construction = s.span;
    out_.applications.push_back(std::move(app));
  }

  // drogon::app() is the application wherever it is first reached.
  void singletonApplication(const Function& fn, const Expr& call) {
    const KnowledgeEntry* entry = knowledge_.match("applications", call.qualified);
    if (!entry || !entry->attributes.value("singleton", false)) return;
    const std::string name = call.qualified + "()";
    for (const Application& a : out_.applications) {
      if (a.qualified == name) return;
    }
    Application app;
    app.framework = stringAttribute(*entry, "framework");
    app.kind = "app";
    app.qualified = name;
    app.definedIn = fn.id;
    app.construction = call.span;
    out_.applications.push_back(std::move(app));
  }

  struct MethodTest {
    FunctionId function;
    HttpMethod method;
    Span span;
    const KnowledgeEntry* entry;
    ExprId compare;
    std::string pairedPath;  // the target tested with it, when one is
  };

  const std::vector<Function>& functions_;
  const Module& module_;
  const Knowledge& knowledge_;
  std::map<std::string, std::string> constants_;
  std::vector<MethodTest> tests_;
  std::map<FunctionId, std::set<std::string>> targets_;
  std::map<FunctionId, std::map<ExprId, std::string>> targetTests_;  // compare -> target
  FileRoutes out_;
};

}  // namespace

bool httpMethodFromName(std::string_view text, HttpMethod& out) {
  static const std::map<std::string, HttpMethod> kMethods = {
      {"get", HttpMethod::Get},     {"head", HttpMethod::Head},       {"post", HttpMethod::Post},
      {"put", HttpMethod::Put},     {"patch", HttpMethod::Patch},     {"delete", HttpMethod::Delete},
      {"del", HttpMethod::Delete},  {"options", HttpMethod::Options}, {"any", HttpMethod::Any},
  };
  auto it = kMethods.find(lowerCase(lastName(text)));
  if (it == kMethods.end()) return false;
  out = it->second;
  return true;
}

FileRoutes discoverRoutes(const std::vector<Function>& functions, const Module& module, const Knowledge& knowledge) {
  return Discovery(functions, module, knowledge).run();
}

}  // namespace hg::cpp
