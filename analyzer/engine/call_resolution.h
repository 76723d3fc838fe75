// Which function of the scanned tree a call reaches: the front-end's direct link
// (Expr::function), else the qualified name ("app.security.verify"), else a method through the
// class hierarchy ("app.views.Base().verify" -> Base.verify or a base class's verify,
// "super().verify" inside a method -> the first base class defining it).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/program.h"

namespace hg {

class CallResolver {
 public:
  explicit CallResolver(const Program& program);

  // The function a Call expression of `fn` calls, or kNoFunction (library call, dynamic call).
  FunctionId resolveCall(const Function& fn, ExprId call) const;
  // The function a Name/Attribute (callee, decorator, view_func=...) denotes, or kNoFunction.
  FunctionId resolveReference(const Function& fn, ExprId ref) const;
  // Method `name` of class `classQualified` or of its bases (depth-first, in declaration
  // order, as Python's MRO does for single inheritance).
  FunctionId findMethod(const std::string& classQualified, const std::string& name) const;

  // Functions whose Function::parent is `fn` (nested defs, lambdas).
  const std::vector<FunctionId>& nestedFunctions(FunctionId fn) const;

 private:
  FunctionId resolveQualified(const std::string& qualified) const;
  const Program& program_;
  std::map<FunctionId, std::vector<FunctionId>> children_;
};

}  // namespace hg
