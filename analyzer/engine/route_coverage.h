// Verification that happens around a route's handler rather than in it: decorators applied to
// the handler (a wrapper that verifies before calling the wrapped view; decorator factories
// with arguments; functools.wraps), Flask before_request hooks registered on the application
// or blueprint serving the route (`@app.before_request`, `app.before_request(f)`, blueprint
// and app-wide blueprint hooks), a class-based view's dispatch_request override in the view
// class or its bases, and FastAPI dependencies declared by the handler's parameters
// (`Depends(verify)`, `Security(verify)`, and theirs in turn).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/guard_flow.h"
#include "engine/verification_summaries.h"

namespace hg {

struct CoverageSource {
  enum class Kind : uint8_t { Decorator, BeforeRequestHook, Dispatch, Dependency };
  Kind kind = Kind::Decorator;
  FunctionId function = kNoFunction;  // the decorator (or factory), hook or dispatch method
  Span span;                          // where it is applied or registered
  bool verifies = false;              // every request reaching the handler passed it verified
  bool attempts = false;              // it contains a verification, whatever it guards
  bool tolerance = false;             // its verifier also rejects stale timestamps
  bool readsSignatureHeader = false;  // it reads a signature/token header
};

struct RouteCoverage {
  bool verified = false;   // some source verifies every request before the handler runs
  bool attempted = false;  // some source attempts a verification
  std::vector<CoverageSource> sources;
};

const char* coverageKindName(CoverageSource::Kind kind);

class RouteCoverageAnalysis {
 public:
  RouteCoverageAnalysis(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                        VerificationSummaries& summaries, RequestUseAnalysis& requests, ValueFacts& values);

  const RouteCoverage& coverage(size_t routeIndex);

  struct HookRegistration {
    FunctionId hook = kNoFunction;
    std::vector<std::string> objectKeys;  // names the registering app/blueprint is known by
    bool appWide = false;                 // Blueprint.before_app_request
    Span span;
  };
  const std::vector<HookRegistration>& hooks();
  // The before_request hooks that run for `route` (its app or blueprint, app-wide hooks).
  std::vector<HookRegistration> hooksFor(const Route& route);

 private:
  RouteCoverage compute(size_t routeIndex);
  void addDecorators(const Route& route, RouteCoverage& out);
  void addHooks(const Route& route, RouteCoverage& out);
  void addDispatch(const Route& route, RouteCoverage& out);
  void addDependencies(const Route& route, RouteCoverage& out);
  // Judges a decorator function (or factory) applied to a view.
  CoverageSource judgeDecorator(FunctionId decorator);
  bool readsSignatureHeader(FunctionId fn);
  std::vector<std::string> routeObjectKeys(const Route& route) const;
  void collectHooks();

  const Program& program_;
  const Knowledge& knowledge_;
  const CallResolver& calls_;
  VerificationSummaries& summaries_;
  RequestUseAnalysis& requests_;
  ValueFacts& values_;
  std::map<size_t, RouteCoverage> cache_;
  std::map<FunctionId, CoverageSource> decoratorCache_;
  bool hooksCollected_ = false;
  std::vector<HookRegistration> hooks_;
  // register_blueprint: blueprint key -> application keys it is registered on.
  std::multimap<std::string, std::string> blueprintParents_;
};

// The method a class-based view's framework runs before the route's handler when the scanned
// tree overrides it: the registered class's (Route::dispatchOverride, as run on that class),
// else for a route without one the handler's class's dispatch_request. kNoFunction when there
// is none or the handler is that method.
FunctionId dispatchOverrideOf(const Program& program, const CallResolver& calls, const Route& route);

// The names an object expression (`app`, `bp`, `self.app`) may be recorded under as a route's
// registeredOn: its qualified name and its scope-qualified local name.
std::vector<std::string> objectKeysOf(const Program& program, const Function& fn, ExprId object);

}  // namespace hg
