// Reading route declarations' arguments out of the lowered model: which argument is the path,
// the view or the methods list, and their constant values (a literal, or a module or class
// constant assigned once).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/program.h"
#include "python/link_index.h"

namespace hg::python {

struct ExprRef {
  const Function* fn = nullptr;
  ExprId id = kNoExpr;
  bool valid() const { return fn && id != kNoExpr; }
  const Expr& expr() const { return fn->exprs[id]; }
};

// The call's argument at position attrs[positionKey] (counting positional arguments only)
// or named attrs[keywordKey]; invalid when absent.
ExprRef callArgument(const Function& fn, const Expr& call, const nlohmann::json& attrs, const char* positionKey,
                     const char* keywordKey);
ExprRef keywordArgument(const Function& fn, const Expr& call, std::string_view name);
ExprRef positionalArgument(const Function& fn, const Expr& call, size_t index);

// What a Name stands for when it is a module or class constant assigned once (followed through
// a few such names); `ref` itself otherwise.
ExprRef throughConstant(const LinkIndex& index, ExprRef ref);

// A string literal, a constant name bound to one, a concatenation of those; f-strings give
// their constant parts with "{}" for each interpolation.
std::optional<std::string> constantString(const LinkIndex& index, ExprRef ref);

// The methods a list/tuple/set of method names denotes (through constants); nullopt when it
// is not a constant.
std::optional<std::vector<HttpMethod>> constantMethods(const LinkIndex& index, ExprRef ref);
std::optional<HttpMethod> methodFromName(std::string_view name);
std::vector<HttpMethod> methodsFromJson(const nlohmann::json& names);

// "/hooks/<int:id>/{name:path}/(?P<slug>...)" -> ["id", "name", "slug"].
std::vector<std::string> pathParameters(const std::string& path);
std::string joinPath(const std::string& prefix, const std::string& path);

// What to call a decorator: its qualified name (a call's callee's), else its dotted source
// text ("auth.login_required").
std::string decoratorName(const Function& fn, ExprId decorator);

// The identity of the object an expression denotes: a Name's binding, else its qualified name.
std::string identityOf(const Function& fn, ExprId id);

// The identity of the object a method call is made on (`app` of `app.route(...)`), or "".
std::string calleeObjectIdentity(const Function& fn, const Expr& call);

// The methods of a route declaration: fixed by the entry, read from its methods keyword, or
// its defaults.
std::vector<HttpMethod> entryMethods(const LinkIndex& index, const Function& fn, const Expr& call,
                                     const KnowledgeEntry& entry);

// A fallback entry (`*.add_url_rule`) only counts when the path is a literal that looks like one.
bool pathAcceptable(const KnowledgeEntry& entry, const std::optional<std::string>& path);

}  // namespace hg::python
