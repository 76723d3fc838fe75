// Rules as the editor shows them: the catalog entry a word names, and the address of its
// documentation for a diagnostic's codeDescription.
#pragma once

#include <string>
#include <string_view>

#include "core/rule_meta.h"

namespace hg::lsp {

// The catalog entry for an id in any case ("wh101") or a rule name
// ("missing-signature-verification"); nullptr when the word names no rule.
const RuleMeta* ruleNamedBy(std::string_view word);

// The rule's document (rules/WHnnn_name.md) under the project's information URI, the same base
// SARIF's tool.driver.informationUri uses.
std::string ruleDocumentationUri(const RuleMeta& rule);

}  // namespace hg::lsp
