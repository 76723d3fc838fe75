// The table of implemented rules. A rule appears here once its check is real; the catalog's
// metadata for every rule lives in rules/catalog.cpp.
#include <algorithm>

#include "rules/rules.h"

namespace hg {

const std::vector<std::unique_ptr<Rule>>& allRules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    using Factory = std::unique_ptr<Rule> (*)();
    const Factory table[] = {
        &rules::makeMissingSignatureVerification,
        &rules::makeTimingUnsafeCompare,
        &rules::makeVerifyAfterUse,
        &rules::makeSignatureOverParsedBody,
        &rules::makeFailOpenVerification,
        &rules::makeWeakSignatureAlgorithm,
        &rules::makeHardcodedWebhookSecret,
        &rules::makeMissingReplayProtection,
        &rules::makeUnsignedTimestamp,
        &rules::makeWeakTimestampWindow,
        &rules::makeMissingBodySizeLimit,
        &rules::makeExcessiveBodySizeLimit,
        &rules::makeSsrfUnvalidatedUrl,
        &rules::makeOpenRedirect,
        &rules::makeOutboundRequestWithoutTimeout,
        &rules::makeUnvalidatedPayload,
        &rules::makePayloadObjectReference,
        &rules::makePayloadCodeInjection,
    };
    std::vector<std::unique_ptr<Rule>> out;
    for (Factory make : table) out.push_back(make());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->meta().id < b->meta().id; });
    return out;
  }();
  return rules;
}

const Rule* findRule(const std::string& id) {
  for (const auto& rule : allRules()) {
    if (rule->meta().id == id) return rule.get();
  }
  return nullptr;
}

}  // namespace hg
