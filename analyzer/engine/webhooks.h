// Which routes are webhook handlers, as the catalog defines them: a route accepting a body
// (POST/PUT/PATCH) that reads request input (in the handler or in what it calls), looks like a
// webhook (webhook_words in its path, function, module or file path, or app/blueprint name;
// a signature header read; a csrf_exempt decorator; the user's configuration), and is not
// behind user authentication (auth_decorators, auth_checks such as flask_login.current_user)
// nor a browser's form post (browser_flows.h).
// EngineConfig::allPostRoutes drops the "looks like a webhook" test.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/browser_flows.h"
#include "engine/call_resolution.h"
#include "engine/function_range.h"
#include "engine/route_coverage.h"
#include "engine/verification_summaries.h"

namespace hg {

struct EngineConfig;

struct WebhookHandler {
  size_t route = 0;  // index into Program::routes
  FunctionId handler = kNoFunction;
  std::vector<std::string> reasons;  // why it is taken as a webhook ("path /hooks/stripe", ...)
};

class WebhookClassifier {
 public:
  WebhookClassifier(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                    const CallResolver& calls, VerificationSummaries& summaries, RequestUseAnalysis& requests,
                    ValueFacts& values, RouteCoverageAnalysis& coverage, FunctionRange part = {});

  // Every webhook handler whose function lies in the classifier's part of the program, in route
  // order (a function serving two webhook routes appears twice).
  const std::vector<WebhookHandler>& handlers();
  // Takes the handlers the classifiers of the parts found (engine.cpp), instead of classifying
  // the routes again; `handlers` in route order.
  void adopt(std::vector<WebhookHandler> handlers);
  const WebhookHandler* forRoute(size_t routeIndex);
  bool isWebhookHandler(FunctionId fn);

  // The parts of the definition, for rules and tests.
  bool readsRequest(const Route& route);
  bool behindUserAuthentication(size_t routeIndex);
  std::vector<std::string> webhookReasons(size_t routeIndex);
  // Whether a name (path, identifier, module) contains a webhook word (webhook_words).
  bool hasWebhookWord(std::string_view text) const;

 private:
  void classify();
  bool readsSignatureHeader(size_t routeIndex);
  bool readsMachineBody(size_t routeIndex);
  bool browserForm(size_t routeIndex);
  // Memoized: several parts of the definition walk the same handler's calls.
  const std::vector<FunctionId>& reachableFunctions(FunctionId from);
  bool decoratorMatches(const Route& route, std::string_view category) const;

  const Program& program_;
  const Knowledge& knowledge_;
  const EngineConfig& config_;
  const CallResolver& calls_;
  VerificationSummaries& summaries_;
  RequestUseAnalysis& requests_;
  ValueFacts& values_;
  RouteCoverageAnalysis& coverage_;
  const FunctionRange part_;
  BrowserFlowEvidence browserFlows_;
  std::map<FunctionId, std::vector<FunctionId>> reachable_;
  bool classified_ = false;
  std::vector<WebhookHandler> handlers_;
  std::map<size_t, size_t> byRoute_;
};

}  // namespace hg
