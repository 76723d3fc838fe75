// Secrets an application reads from its configuration, followed to the config class or module
// that defines them: `hmac.new(current_app.config["HOOK_SECRET"].encode(), ...)` with
// `app.config.from_object("svc.config.Production")` and `HOOK_SECRET = "..."` on that class
// (or a base) is a hard-coded secret, reported at the class attribute (WH107). So is a string
// literal assigned to that key in a committed file loaded with `app.config.from_pyfile(...)`
// (instance/app.cfg: `HOOK_SECRET = "..."`), reported in that file; the scan added it to the
// sources (cli/config_file_sources.h).
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
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
  // The configuration keys `expr` reads, through transforms, single assignments and the
  // arguments callers bind to a helper's parameter.
  void configKeysRead(FunctionId fn, ExprId expr, int depth, std::set<std::string>& out) const;
  void addFileLiteral(FileId file, const std::string& key, std::vector<LiteralSecret>& out) const;
  void addObjectLiterals(const std::string& key, std::vector<LiteralSecret>& out) const;

  RuleContext& ctx_;
  std::vector<std::string> objects_;  // qualified config classes and modules loaded by from_object
  std::vector<FileId> files_;         // sources loaded by from_pyfile
  std::map<FunctionId, std::vector<std::pair<FunctionId, ExprId>>> callSites_;  // callee -> (caller, call)
};

}  // namespace hg
