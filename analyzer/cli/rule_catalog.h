// The rule catalog as the command line shows it: `hookguard rules`, `hookguard explain`, and
// the rule selectors of --select/--ignore. The metadata itself belongs to the rules.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_meta.h"

namespace hg {

enum class RuleTableFormat : uint8_t { Text, Markdown, Json };

std::vector<const RuleMeta*> ruleCatalog();  // the whole catalog, in id order

// A rule by id (any case: "wh101") or by name ("missing-signature-verification"); nullptr if none.
const RuleMeta* lookupRule(std::string_view idOrName);

// Turns selectors into rule ids. A selector is an id, a rule name, or an id prefix naming a
// group ("WH1" = the authentication rules). Returns false with `error` set for a selector that
// matches no rule.
bool resolveRuleSelectors(const std::vector<std::string>& selectors, std::set<std::string>& ids,
                          std::string& error);

std::string renderRuleTable(RuleTableFormat format, const std::vector<const RuleMeta*>& rules);

// The rule's documentation (its embedded .md), ending in a newline.
std::string ruleDocumentation(const RuleMeta& rule);

}  // namespace hg
