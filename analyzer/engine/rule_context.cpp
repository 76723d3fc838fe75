#include "engine/rule_context.h"

#include <system_error>

#include "engine/background_taint.h"
#include "engine/body_limits.h"
#include "engine/replay_protection.h"
#include "engine/route_scope.h"
#include "engine/taint_analysis.h"
#include "engine/taint_catalog.h"

namespace hg {

RuleContext::RuleContext(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                         Diagnostics& diags)
    : program(program), knowledge(knowledge), config(config), diagnostics(diags), part() {}

RuleContext::RuleContext(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                         Diagnostics& diags, const CallResolver& sharedCalls, FunctionRange part)
    : program(program), knowledge(knowledge), config(config), diagnostics(diags), part(part),
      sharedCalls_(&sharedCalls) {}

RuleContext::~RuleContext() = default;

const CallResolver& RuleContext::calls() {
  if (sharedCalls_) return *sharedCalls_;
  if (!calls_) calls_ = std::make_unique<CallResolver>(program);
  return *calls_;
}

RequestUseAnalysis& RuleContext::requestUses() {
  if (!requests_) requests_ = std::make_unique<RequestUseAnalysis>(program, knowledge);
  return *requests_;
}

ValueFacts& RuleContext::values() {
  if (!values_) values_ = std::make_unique<ValueFacts>(program, knowledge, requestUses(), calls());
  return *values_;
}

VerificationSummaries& RuleContext::summaries() {
  if (!summaries_) summaries_ = std::make_unique<VerificationSummaries>(program, knowledge, calls(), requestUses(), valueRoles());
  return *summaries_;
}

RouteCoverageAnalysis& RuleContext::coverage() {
  if (!coverage_)
    coverage_ = std::make_unique<RouteCoverageAnalysis>(program, knowledge, calls(), summaries(), requestUses(), values());
  return *coverage_;
}

GuardAnalysis& RuleContext::guards() {
  if (!guards_) guards_ = std::make_unique<GuardAnalysis>(program, knowledge, summaries(), coverage());
  return *guards_;
}

WebhookClassifier& RuleContext::webhooks() {
  if (!webhooks_)
    webhooks_ = std::make_unique<WebhookClassifier>(program, knowledge, config, calls(), summaries(), requestUses(),
                                                    values(), coverage(), part);
  return *webhooks_;
}

const ConstantFolder& RuleContext::constants() {
  if (!constants_) constants_ = std::make_unique<ConstantFolder>(program, knowledge);
  return *constants_;
}

ValueRoles& RuleContext::valueRoles() {
  if (!valueRoles_) valueRoles_ = std::make_unique<ValueRoles>(program, knowledge, requestUses(), calls(), constants());
  return *valueRoles_;
}

void RuleContext::adoptValueRoles(const ValueRoles& computed) {
  valueRoles_ = std::make_unique<ValueRoles>(computed, requestUses(), constants());
}

TaintAnalysis& RuleContext::taint() {
  if (taintInUse_) return *taintInUse_;
  if (backgroundTaint_) taintInUse_ = backgroundTaint_->wait();
  if (!taintInUse_) {
    taint_ = std::make_unique<TaintAnalysis>(program, knowledge, calls(), requestUses());
    taintInUse_ = taint_.get();
  }
  return *taintInUse_;
}

const TaintCatalog& RuleContext::taintCatalog() {
  if (!taintCatalog_) taintCatalog_ = std::make_unique<TaintCatalog>(program, knowledge);
  return *taintCatalog_;
}

void RuleContext::startTaintInBackground() {
  if (taintInUse_ || backgroundTaint_) return;
  try {
    backgroundTaint_ = std::make_unique<BackgroundTaint>(program, knowledge, calls());
  } catch (const std::system_error&) {
    // No thread to be had: taint() computes the analysis in the open, as with one job.
  }
}

RouteScopes& RuleContext::scopes() {
  if (!scopes_) scopes_ = std::make_unique<RouteScopes>(*this);
  return *scopes_;
}

ReplayAnalysis& RuleContext::replay() {
  if (!replay_) replay_ = std::make_unique<ReplayAnalysis>(*this);
  return *replay_;
}

BodyLimitAnalysis& RuleContext::bodyLimits() {
  if (!bodyLimits_) bodyLimits_ = std::make_unique<BodyLimitAnalysis>(program, knowledge, calls(), constants());
  return *bodyLimits_;
}

}  // namespace hg
