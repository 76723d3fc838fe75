// Lowering of expression nodes into a Function's expression arena, resolving names in a
// given scope. Decorators and parameter defaults are lowered into the defined function's
// arena but resolved in the enclosing scope, where Python evaluates them.
#pragma once

#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "core/ir.h"
#include "python/file_lowering.h"
#include "python/scope.h"

namespace hg::python {

// The name of what an expression evaluates to, when known: a Name's or Attribute's qualified
// name, a Call's callee name followed by "()" ("flask.request.get_json()"), an awaited call's.
std::string valueName(const Function& fn, ExprId id);

class ExprLowering {
 public:
  ExprLowering(FileLowering& file, FunctionId target, Scope& scope, FunctionId enclosing);

  ExprId lower(TSNode n);
  // An assignment target: names are resolved as writes (their binding, no value name).
  ExprId lowerTarget(TSNode n);
  ExprId add(Expr e);
  ExprId unknown(TSNode at, std::string text, std::vector<ExprId> args = {});
  Function& fn() { return file_.function(target_); }
  FunctionId target() const { return target_; }
  Scope& scope() { return scope_; }
  FileLowering& file() { return file_; }

  // Statements share the nesting budget with expressions.
  class Nesting {
   public:
    explicit Nesting(ExprLowering& l) : l_(l) { ++l_.depth_; }
    ~Nesting() { --l_.depth_; }
    bool tooDeep() const { return l_.depth_ > kMaxNestingDepth; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    ExprLowering& l_;
  };

 private:
  ExprId lowerName(TSNode n);
  ExprId lowerAttribute(TSNode n);
  ExprId lowerCall(TSNode n);
  ExprId lowerSubscript(TSNode n);
  ExprId lowerStrings(TSNode n);  // string or concatenated_string
  ExprId lowerNumber(TSNode n, bool isFloat);
  ExprId lowerBinaryChain(TSNode n);
  ExprId lowerBoolChain(TSNode n);
  ExprId lowerCompare(TSNode n);
  ExprId lowerContainer(TSNode n, const char* kind);
  ExprId lowerDictionary(TSNode n);
  ExprId lowerComprehension(TSNode n, const char* kind);
  ExprId lowerLambda(TSNode n);
  ExprId lowerChildren(TSNode n, std::string text);

  struct StringParts;
  void appendString(TSNode string, StringParts& parts);

  FileLowering& file_;
  FunctionId target_;
  Scope& scope_;
  FunctionId enclosing_;  // the function whose code this is (parent of lambdas)
  int depth_ = 0;
};

}  // namespace hg::python
