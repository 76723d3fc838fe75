// A class-based view's handler inherited from a base runs on an instance of the registered
// class: `self.handle(event)` in the base's post() reaches the subclass's handle(). The
// linker resolved such calls in the class that defines the method, which is right for that
// class only, and one base post() serves every subclass registered. So each route whose
// registered class changes what a `self` call reaches gets a copy of its handler (and of the
// inherited methods it calls on `self`, transitively) with those calls resolved in that class:
// every analysis keyed by function then sees each route's own code, and the copies keep the
// original's spans and names, so findings land where the code is.
#include <map>
#include <set>

#include "python/class_lookup.h"
#include "python/link_steps.h"

namespace hg::python {
namespace {

// Bounds on hostile input: a chain of self calls this deep, or this many copies, is cut (the
// rest resolve as the linker resolved them).
constexpr int kMaxDepth = 16;
constexpr size_t kMaxCopies = 4096;

class Specializer {
 public:
  explicit Specializer(Program& program) : program_(program) {}

  // `fn` as it runs on an instance of `cls`: a copy when that changes a call, else `fn`.
  FunctionId specialize(FunctionId fn, const std::string& cls, int depth) {
    auto key = std::make_pair(fn, cls);
    if (auto it = done_.find(key); it != done_.end()) return it->second;
    if (depth > kMaxDepth || copies_ >= kMaxCopies || !inProgress_.insert(key).second) return fn;
    const Function& original = program_.function(fn);
    std::map<ExprId, FunctionId> retargeted;
    for (ExprId e = 0; e < original.exprs.size(); ++e) {
      FunctionId target = targetOnInstance(original, e, cls);
      if (target == kNoFunction) continue;
      target = specialize(target, cls, depth + 1);
      if (target != original.exprs[e].function) retargeted[e] = target;
    }
    inProgress_.erase(key);
    FunctionId result = retargeted.empty() ? fn : copy(fn, cls, retargeted);
    done_[key] = result;
    return result;
  }

 private:
  // The receiver a method's calls on itself go through: `self`, or `cls` in a classmethod;
  // the linker named it after the defining class.
  static bool isReceiver(const Function& fn, const Expr& object) {
    if (object.kind != ExprKind::Name || fn.params.empty() || object.text != fn.params[0].name) return false;
    return object.qualified == fn.classQualified + "()" || object.qualified == fn.classQualified;
  }

  static bool isSuperCall(const Function& fn, const Expr& object) {
    if (object.kind != ExprKind::Call || object.args.empty()) return false;
    const Expr& callee = fn.exprs[object.args[0]];
    return callee.kind == ExprKind::Name && callee.text == "super";
  }

  // What `self.m` (looked up from `cls`) or `super().m` (the next class after the method's
  // own, which the linker already found) reaches on an instance of `cls`; kNoFunction for
  // any other expression.
  FunctionId targetOnInstance(const Function& fn, ExprId e, const std::string& cls) const {
    const Expr& x = fn.exprs[e];
    if (x.kind != ExprKind::Attribute || x.args.empty() || fn.classQualified.empty()) return kNoFunction;
    const Expr& object = fn.exprs[x.args[0]];
    if (isReceiver(fn, object)) return findMethod(program_, cls, x.text);
    if (isSuperCall(fn, object)) return x.function;
    return kNoFunction;
  }

  FunctionId copy(FunctionId fn, const std::string& cls, const std::map<ExprId, FunctionId>& retargeted) {
    Function f = program_.function(fn);
    f.specializationOf = fn;
    f.receiverClass = cls;
    for (const auto& [e, target] : retargeted) {
      Expr& x = f.exprs[e];
      const std::string before = x.qualified;
      // `self.handle` names the registered class's method, as it would written in that class.
      const Expr& object = f.exprs[x.args[0]];
      if (isReceiver(f, object)) x.qualified = cls + (object.qualified.ends_with("()") ? "()." : ".") + x.text;
      x.function = target;
      for (Expr& call : f.exprs) {
        if (call.kind != ExprKind::Call || call.args.empty() || call.args[0] != e) continue;
        call.function = target;
        if (call.qualified == before) call.qualified = x.qualified;
      }
    }
    ++copies_;
    return program_.addFunction(std::move(f));
  }

  Program& program_;
  std::map<std::pair<FunctionId, std::string>, FunctionId> done_;
  std::set<std::pair<FunctionId, std::string>> inProgress_;
  size_t copies_ = 0;
};

}  // namespace

void specializeClassViewHandlers(LinkIndex& index) {
  Program& program = index.program;
  Specializer specializer(program);
  for (Route& route : program.routes) {
    if (route.viewClass.empty() || route.handler == kNoFunction) continue;
    route.handler = specializer.specialize(route.handler, route.viewClass, 0);
    if (route.dispatchOverride != kNoFunction)
      route.dispatchOverride = specializer.specialize(route.dispatchOverride, route.viewClass, 0);
  }
}

}  // namespace hg::python
