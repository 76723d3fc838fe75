#include "python/method_decorators.h"

#include "python/class_lookup.h"
#include "python/route_values.h"

namespace hg::python {

std::optional<MethodDecoration> methodDecoration(const LinkIndex& index, const Knowledge& knowledge,
                                                 const Function& fn, ExprId decorator) {
  if (decorator >= fn.exprs.size()) return std::nullopt;
  const Expr& call = fn.exprs[decorator];
  if (call.kind != ExprKind::Call) return std::nullopt;
  const KnowledgeEntry* entry = knowledge.match("method_decorators", call.qualified);
  if (!entry) return std::nullopt;
  MethodDecoration out;
  ExprRef applied = callArgument(fn, call, entry->attributes, "decorator_arg", "decorator_kw");
  if (applied.valid()) {
    const Expr& a = applied.expr();
    // `method_decorator([csrf_exempt, verify], name="dispatch")` applies each, first outermost.
    if (a.kind == ExprKind::Container && (a.text == "list" || a.text == "tuple")) {
      for (ExprId element : a.args) {
        std::string name = decoratorName(fn, element);
        if (!name.empty()) out.decorators.push_back(std::move(name));
      }
    } else if (std::string name = decoratorName(fn, applied.id); !name.empty()) {
      out.decorators.push_back(std::move(name));
    }
  }
  ExprRef method = keywordArgument(fn, call, entry->attributes.value("name_kw", "name"));
  if (method.valid()) out.method = constantString(index, method).value_or("");
  return out;
}

std::vector<std::string> classMethodDecorators(const LinkIndex& index, const Knowledge& knowledge,
                                               const std::string& cls, const std::string& method,
                                               FunctionId handler, const std::string& dispatchMethod) {
  const Program& program = index.program;
  std::vector<std::string> out;
  anyBase(program, cls, [&](const std::string& base) {
    const ClassDef* c = program.findClass(base);
    if (!c || c->body == kNoFunction) return false;
    const Function& body = program.function(c->body);
    for (ExprId d : body.decorators) {
      std::optional<MethodDecoration> decoration = methodDecoration(index, knowledge, body, d);
      if (!decoration || !decoration->method) continue;
      // The dispatcher runs before every method, whoever overrides it (an override hands the
      // request on through super()); a method's decoration wraps the method this class has.
      bool applies = (!dispatchMethod.empty() && *decoration->method == dispatchMethod) ||
                     (*decoration->method == method && findMethod(program, base, method) == handler);
      if (applies) out.insert(out.end(), decoration->decorators.begin(), decoration->decorators.end());
    }
    return false;
  });
  return out;
}

}  // namespace hg::python
