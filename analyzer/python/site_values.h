// What a method's parameter or `self.attr` stands for at the places that construct or call it.
//
// Libraries mount their endpoints on an app they are handed: `Receiver(app, endpoint="/x")`
// in one module, `app.add_url_rule(endpoint, ...)` in the class's `__init__` (or in an
// `init_app(self, app)` it calls, through `self.app = app`). Inside the class the app and the
// path are parameters; only the call sites say which application and which path. SiteValues
// follows a parameter outwards through constructor calls, method calls and helper calls to
// the expressions passed in (a parameter's default when the argument is absent), keeping the
// chain of sites so that two parameters resolved along the same chain pair up per
// instantiation.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/program.h"
#include "python/link_index.h"
#include "python/route_values.h"

namespace hg::python {

struct CallSite {
  FunctionId caller = kNoFunction;
  ExprId call = kNoExpr;
  bool constructs = false;  // `Cls(...)` reaching Cls.__init__: `self` is the new object
};

struct SiteValue {
  ExprRef value;                // the expression the parameter takes (kNoExpr for a new object)
  std::string instance;         // for `self` at a construction: the identity assigned the object
  std::vector<CallSite> chain;  // sites crossed, innermost first
};

class SiteValues {
 public:
  explicit SiteValues(const LinkIndex& index);

  // Whether `expr` in `fn` is a parameter, `self`, or `self.attr` of a method: something only
  // the call sites determine.
  bool dependsOnSites(FunctionId fn, ExprId expr) const;
  // The values `expr` takes; for an expression that depends on no site, itself. `chain`
  // restricts the first sites to those of an earlier resolution (innermost first).
  std::vector<SiteValue> resolve(FunctionId fn, ExprId expr, const std::vector<CallSite>& chain = {}) const;

 private:
  // `built`: the sites crossed so far; `restrict`: the chain to stay on where it applies.
  void resolveInto(FunctionId fn, ExprId expr, const std::vector<CallSite>& restrict, std::vector<CallSite> built,
                   int depth, std::vector<SiteValue>& out) const;
  void resolveParameter(FunctionId fn, size_t param, const std::vector<CallSite>& restrict,
                        std::vector<CallSite> built, int depth, std::vector<SiteValue>& out) const;
  void resolveSelfAttribute(FunctionId fn, const std::string& attr, int depth, std::vector<SiteValue>& out) const;
  int parameterIndex(const Function& fn, ExprId expr) const;
  bool isSelf(const Function& fn, ExprId expr) const;

  const LinkIndex& index_;
  const Program& program_;
  std::map<FunctionId, std::vector<CallSite>> sites_;
  std::map<std::pair<FunctionId, ExprId>, std::string> assignedTo_;  // call -> target identity
};

}  // namespace hg::python
