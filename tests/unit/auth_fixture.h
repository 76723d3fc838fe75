// Shared by the authentication rules' tests: lines and messages of one rule's findings over
// Python snippets lowered with the real front-end.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine_fixture.h"

namespace hg::testing {

class AuthRuleFixture : public EngineFixture {
 protected:
  // The 1-based lines the rule reports, in the (single) file loaded.
  std::set<uint32_t> linesOf(const std::string& ruleId) {
    std::set<uint32_t> out;
    for (const Finding& f : findings(ruleId)) out.insert(f.location.line);
    return out;
  }
  std::vector<std::string> messagesOf(const std::string& ruleId) {
    std::vector<std::string> out;
    for (const Finding& f : findings(ruleId)) out.push_back(f.message);
    return out;
  }
};

using Lines = std::set<uint32_t>;

}  // namespace hg::testing
