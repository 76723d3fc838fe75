// Django's method_decorator: a function decorator applied to a class-based view's method, on
// the method (`@method_decorator(verify)`) or on the class naming the method
// (`@method_decorator(verify, name="dispatch")`, a list or tuple of decorators in one). The
// knowledge category method_decorators names it (rules/knowledge/frameworks.json).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "python/link_index.h"

namespace hg::python {

struct MethodDecoration {
  std::vector<std::string> decorators;  // what decoratorName() calls each decorator applied
  std::optional<std::string> method;    // the method named by `name=`; none on a method itself
};

// The decoration `decorator` (an expression of `fn`'s arena) makes, or nullopt when it is no
// method_decorators call.
std::optional<MethodDecoration> methodDecoration(const LinkIndex& index, const Knowledge& knowledge,
                                                 const Function& fn, ExprId decorator);

// The decorators the class decorators of `cls` and of its bases apply to its method `method`,
// outermost class first. `handler` is the function serving that method for `cls`: a decoration
// of a base's `post` reaches it only when no class in between defines its own `post`. A
// decoration of the dispatcher (`dispatchMethod`, Django's `dispatch`) reaches every method.
std::vector<std::string> classMethodDecorators(const LinkIndex& index, const Knowledge& knowledge,
                                               const std::string& cls, const std::string& method,
                                               FunctionId handler, const std::string& dispatchMethod);

}  // namespace hg::python
