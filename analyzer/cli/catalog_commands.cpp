// `hookguard rules` and `hookguard explain`.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/rule_catalog.h"
#include "cli/terminal.h"

namespace hg {

int runRulesCommand(const RulesCommandOptions& options) {
  std::cout << renderRuleTable(options.format, ruleCatalog()) << std::flush;
  return std::cout ? kExitClean : kExitError;
}

int runExplainCommand(const ExplainCommandOptions& options) {
  const RuleMeta* rule = lookupRule(options.rule);
  if (rule == nullptr) {
    std::cerr << formatToolError("unknown rule '" + options.rule + "' (`hookguard rules` lists them)",
                                 shouldUseColor(ColorPolicy::Auto, STDERR_FILENO));
    return kExitError;
  }
  std::cout << ruleDocumentation(*rule) << std::flush;
  return std::cout ? kExitClean : kExitError;
}

}  // namespace hg
