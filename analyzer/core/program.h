// Everything the front-ends found in one scan: files, modules, functions, routes. Rules get a
// const Program and compute what they need from it through the engine's analyses.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/ir.h"
#include "core/source.h"

namespace hg {

enum class HttpMethod : uint8_t { Get, Head, Post, Put, Patch, Delete, Options, Any };
const char* methodName(HttpMethod m);

struct Route {
  std::string framework;  // "flask", "fastapi", "django", "httplib", "crow", "drogon", "beast"
  std::string path;       // "/webhook/stripe"; empty when unknown
  std::vector<HttpMethod> methods;
  FunctionId handler = kNoFunction;
  // Where the route is declared (decorator, add_url_rule call, svr.Post call): a related
  // location in every handler-level finding.
  Span declaration;
  // The object the route is registered on, qualified: "app.hooks.app", "app.hooks.bp".
  std::string registeredOn;
  // Path parameters bound to handler parameters ("/<url>" -> "url").
  std::vector<std::string> pathParameters;
  // Decorators on the handler besides the route decorator, qualified ("flask_login.login_required").
  std::vector<std::string> decoratorNames;
  // A class-based view's route: the class registered (`PaymentWebhook.as_view()`), which may
  // inherit its handler method from a base in another module, and the method the framework
  // calls first with every request (Django's `dispatch`, Flask's `dispatch_request`). An
  // override of it in the registered class or a base between it and the handler's runs first.
  std::string viewClass;
  std::string dispatchMethod;
  // That dispatch method when the scanned tree defines it for the registered class (an
  // override, as it runs on that class), else kNoFunction.
  FunctionId dispatchOverride = kNoFunction;

  bool acceptsBody() const;  // POST, PUT, PATCH or Any
  // How every message names the route: "POST /webhook/stripe", "ANY hooks/paypal" (a view any
  // method reaches), "GET route" when the path is unknown. A body-accepting method is named
  // before the others: the one a webhook arrives by.
  std::string label() const;
};

// An application or router object: Flask(...), Blueprint(...), FastAPI(), APIRouter(),
// httplib::Server. Front-ends record their construction; the body-limit rules read the
// configuration statements from the model.
struct Application {
  std::string framework;
  std::string kind;       // "app" or "blueprint"/"router"
  std::string qualified;  // "app.hooks.app", or "app.factory.create_app.<locals>.app"
  FunctionId definedIn = kNoFunction;  // the function (or "<module>") holding the construction
  Span construction;
};

class Program {
 public:
  SourceSet sources;
  std::deque<Module> modules;
  std::vector<Route> routes;
  std::vector<Application> applications;

  FunctionId addFunction(Function f);
  // Appends a front-end's functions of one file at once. Inside `batch`, FunctionIds
  // (Function::parent, Expr::function) are positions in the batch; they are rebased onto
  // program ids. Returns the id given to batch[0]. Thread-safe, like addFunction.
  FunctionId addFunctions(std::vector<Function> batch);
  // Appends a module; thread-safe (front-ends lower files concurrently).
  Module& addModule(Module m);
  Function& function(FunctionId id) { return *functions_[id]; }
  const Function& function(FunctionId id) const { return *functions_[id]; }
  size_t functionCount() const { return functions_.size(); }

  // Looks a function or class up by its qualified name across all modules.
  FunctionId findFunction(const std::string& qualified) const;
  const ClassDef* findClass(const std::string& qualified) const;
  const Module* findModule(const std::string& name) const;
  const Module* moduleOf(FileId file) const;

  // Must be called after all front-ends ran and before rules run.
  void buildIndexes();

 private:
  std::vector<std::unique_ptr<Function>> functions_;
  std::map<std::string, FunctionId> functionsByName_;
  std::map<std::string, const ClassDef*> classesByName_;
  std::map<std::string, const Module*> modulesByName_;
  std::map<FileId, const Module*> modulesByFile_;
  std::mutex addMutex_;
};

}  // namespace hg
