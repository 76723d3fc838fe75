// Secrets an application reads from its configuration, followed to the config class or module
// that defines them: `hmac.new(current_app.config["HOOK_SECRET"].encode(), ...)` with
// `app.config.from_object("svc.config.Production")` and `HOOK_SECRET = "..."` on that class
// (or a base) is a hard-coded secret, reported at the class attribute (WH107).
#pragma once

#include <string>
#include <vector>

#include "engine/rule_context.h"
#include "engine/value_roles.h"

namespace hg {

class ConfigSecretSources {
 public:
  explicit ConfigSecretSources(RuleContext& ctx);

  // The literals defining the configuration key `expr` reads (through `.encode()`-style
  // transforms and single local assignments); empty when it reads no configuration.
  std::vector<LiteralSecret> literalsFor(FunctionId fn, ExprId expr) const;

 private:
  std::string configKeyRead(const Function& fn, ExprId expr) const;

  RuleContext& ctx_;
  std::vector<std::string> objects_;  // qualified config classes and modules loaded by from_object
};

}  // namespace hg
