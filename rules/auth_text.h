// Wording shared by the authentication rules' messages (WH102-WH107): how a function and a
// value are named, so that every message says them the same way.
#pragma once

#include <string>

#include "core/message_text.h"
#include "engine/expr_walk.h"
#include "engine/rule_context.h"
#include "engine/value_roles.h"
#include "rules/rule_text.h"

namespace hg::rules {

// "POST /webhook/github handler github_webhook", "function verify_signature", "module app.hooks".
inline std::string functionLabel(const RuleContext& ctx, FunctionId fnId) {
  const Program& program = ctx.program;
  const Function& fn = program.function(fnId);
  // A handler copied for its route's view class (Function::specializationOf) is that route's
  // handler too: the per-function rules meet the original first.
  for (const Route& route : program.routes) {
    if (route.handler == fnId ||
        (route.handler < program.functionCount() && program.function(route.handler).specializationOf == fnId))
      return handlerText(route, fn.name);
  }
  if (fn.name == "<module>") {
    const Module* m = program.moduleOf(fn.file);
    return "module " + (m ? m->name : std::string("code"));
  }
  if (fn.name == "<class>" || fn.qualified.ends_with(".<class>")) return "class " + quotedName(fn.classQualified);
  return "function " + quotedName(fn.name);
}

// "the computed mac `expected`", "the signature header `sig`", "`value`".
inline std::string describeValue(const Program& program, const Function& fn, ExprId expr, RoleSet roles) {
  std::string text = "`" + spanText(program, fn.expr(expr).span, 50) + "`";
  if (roles.has(ValueRole::Mac)) return "the computed mac " + text;
  if (roles.has(ValueRole::PasswordHash)) return "the password hash " + text;
  if (roles.has(ValueRole::SignatureHeader)) return "the signature header " + text;
  if (roles.any(kAnySecret)) return "the secret " + text;
  if (roles.has(ValueRole::Digest)) return "the digest " + text;
  if (roles.has(ValueRole::Request)) return "request data " + text;
  return text;
}

}  // namespace hg::rules
