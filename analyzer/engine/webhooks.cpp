#include "engine/webhooks.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/dependencies.h"
#include "engine/engine.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

// Splits an identifier or path into lower-case words: "/hooks/stripeEvents_v2" ->
// hooks, stripe, events, v2.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    if (std::isupper(c) && !current.empty() && std::islower(static_cast<unsigned char>(current.back()))) flush();
    current.push_back(static_cast<char>(std::tolower(c)));
  }
  flush();
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

WebhookClassifier::WebhookClassifier(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
                                     const CallResolver& calls, VerificationSummaries& summaries,
                                     RequestUseAnalysis& requests, ValueFacts& values, RouteCoverageAnalysis& coverage,
                                     FunctionRange part)
    : program_(program),
      knowledge_(knowledge),
      config_(config),
      calls_(calls),
      summaries_(summaries),
      requests_(requests),
      values_(values),
      coverage_(coverage),
      part_(part),
      browserFlows_(program, knowledge, requests) {}

bool WebhookClassifier::hasWebhookWord(std::string_view text) const {
  std::vector<std::string> tokens = words(text);
  for (const KnowledgeEntry& e : knowledge_.entries("webhook_words")) {
    std::string word = lower(e.pattern);
    for (const std::string& token : tokens) {
      if (token == word || token == word + "s") return true;
      // Long words also inside run-together names ("stripewebhook"); short ones ("ipn",
      // "hook") only as whole words, so "shipping" is no "ipn".
      if (word.size() >= 6 && token.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

const std::vector<FunctionId>& WebhookClassifier::reachableFunctions(FunctionId from) {
  auto cached = reachable_.find(from);
  if (cached != reachable_.end()) return cached->second;
  std::vector<FunctionId> order;
  std::set<FunctionId> seen{from};
  std::vector<FunctionId> todo{from};
  while (!todo.empty() && order.size() < 256) {
    FunctionId f = todo.back();
    todo.pop_back();
    order.push_back(f);
    const Function& fn = program_.function(f);
    for (const Block& block : fn.blocks) {
      const std::vector<ExprId> roots = blockRoots(block);
      for (ExprId root : roots) {
        for (ExprId call : callsIn(fn, root)) {
          FunctionId callee = calls_.resolveCall(fn, call);
          if (callee != kNoFunction && seen.insert(callee).second) todo.push_back(callee);
        }
      }
    }
  }
  return reachable_.emplace(from, std::move(order)).first->second;
}

bool WebhookClassifier::readsRequest(const Route& route) {
  if (route.handler >= program_.functionCount()) return false;
  if (summaries_.summary(route.handler).readsRequest) return true;
  // A FastAPI handler may see the request only through what its dependencies return.
  for (const Dependency& d : dependenciesOf(program_, knowledge_, route.handler)) {
    if (summaries_.summary(d.function).readsRequest) return true;
  }
  return false;
}

bool WebhookClassifier::readsSignatureHeader(size_t routeIndex) {
  const Route& route = program_.routes[routeIndex];
  for (FunctionId f : reachableFunctions(route.handler)) {
    for (const RequestRead& r : requests_.reads(f)) {
      if (values_.isSignatureHeader(r.headerName)) return true;
    }
  }
  for (const CoverageSource& s : coverage_.coverage(routeIndex).sources) {
    if (s.readsSignatureHeader) return true;
  }
  return false;
}

// The body as a machine sends it (raw bytes, a stream, JSON), not a browser's form post: what
// makes a route in a module named "webhooks" look like one.
bool WebhookClassifier::readsMachineBody(size_t routeIndex) {
  for (FunctionId f : reachableFunctions(program_.routes[routeIndex].handler)) {
    for (const RequestRead& r : requests_.reads(f)) {
      if (r.kind == RequestDataKind::RawBody || r.kind == RequestDataKind::Json || r.kind == RequestDataKind::Stream)
        return true;
    }
  }
  return false;
}

// A page a browser posts back: it answers with a rendered page, reads what a form sends (no raw
// body, JSON or stream) and keeps the CSRF protection a machine sender could not pass. Only
// Django checks CSRF unless told otherwise: a Flask route rendering an XML reply template for a
// form-encoded callback may well be a webhook.
bool WebhookClassifier::browserForm(size_t routeIndex) {
  const Route& route = program_.routes[routeIndex];
  if (route.framework != "django") return false;
  if (decoratorMatches(route, "csrf_exempt") || readsMachineBody(routeIndex)) return false;
  return !browserFlows_.pageRenderer(reachableFunctions(route.handler)).empty();
}

bool WebhookClassifier::decoratorMatches(const Route& route, std::string_view category) const {
  for (const std::string& name : route.decoratorNames) {
    for (const std::string& prefix : qualifiedPrefixes(name)) {
      if (knowledge_.matches(category, prefix)) return true;
    }
  }
  const Function& fn = program_.function(route.handler);
  for (ExprId d : fn.decorators) {
    if (d >= fn.exprs.size()) continue;
    // `@jwt_required()` is a call; its callee names the decorator.
    ExprId named = fn.expr(d).kind == ExprKind::Call ? calleeOf(fn, d) : d;
    if (named == kNoExpr) continue;
    if (knowledge_.matches(category, fn.expr(named).qualified) || knowledge_.matches(category, fn.expr(d).qualified))
      return true;
  }
  return false;
}

bool WebhookClassifier::behindUserAuthentication(size_t routeIndex) {
  const Route& route = program_.routes[routeIndex];
  if (decoratorMatches(route, "auth_decorators")) return true;
  // A current_user / JWT identity check in the handler or a hook that runs for it.
  std::vector<FunctionId> checked{route.handler};
  for (const auto& h : coverage_.hooksFor(route)) checked.push_back(h.hook);
  for (FunctionId f : checked) {
    const Function& fn = program_.function(f);
    for (const Expr& e : fn.exprs) {
      if (e.qualified.empty()) continue;
      for (const std::string& prefix : qualifiedPrefixes(e.qualified)) {
        if (knowledge_.matches("auth_checks", prefix)) return true;
      }
    }
  }
  return false;
}

std::vector<std::string> WebhookClassifier::webhookReasons(size_t routeIndex) {
  std::vector<std::string> reasons;
  const Route& route = program_.routes[routeIndex];
  const Function& fn = program_.function(route.handler);
  if (config_.allPostRoutes) reasons.push_back("all POST routes are checked");
  for (const std::string& pattern : config_.webhookRoutes) {
    if (globMatch(pattern, route.path) || globMatch(pattern, fn.qualified)) {
      reasons.push_back("configured as a webhook");
      break;
    }
  }
  // A sign-in callback or an RPC endpoint shows in its code who calls it; its name, module and
  // CSRF exemption are then no evidence. What only a webhook sender does still counts.
  bool calledByOthers =
      !browserFlows_.notWebhookEvidence(reachableFunctions(route.handler)).empty() || browserForm(routeIndex);
  if (readsSignatureHeader(routeIndex)) reasons.push_back("reads a signature header");
  if (calledByOthers) return reasons;
  if (hasWebhookWord(route.path)) reasons.push_back("path " + route.path);
  if (hasWebhookWord(fn.name)) reasons.push_back("function " + fn.name);
  if (!fn.classQualified.empty() && hasWebhookWord(lastComponent(fn.classQualified)))
    reasons.push_back("class " + std::string(lastComponent(fn.classQualified)));
  // The class registered (`StripeEvents.as_view()`) names the route as much as the base its
  // post() is inherited from.
  if (!route.viewClass.empty() && route.viewClass != fn.classQualified && hasWebhookWord(lastComponent(route.viewClass)))
    reasons.push_back("class " + std::string(lastComponent(route.viewClass)));
  // The module's or file's name is a weak hint: a sign-in form in webhooks.py is no webhook. It
  // counts for a handler that reads the body the way a machine sends it.
  const Module* module = program_.moduleOf(fn.file);
  std::string place;
  if (module && hasWebhookWord(module->name)) place = "module " + module->name;
  else if (fn.file < program_.sources.size() && hasWebhookWord(program_.sources.get(fn.file).displayPath))
    place = "file " + program_.sources.get(fn.file).displayPath;
  if (!place.empty() && readsMachineBody(routeIndex)) reasons.push_back(place + " and reads the body");
  if (!route.registeredOn.empty() && hasWebhookWord(lastComponent(route.registeredOn)))
    reasons.push_back("registered on " + std::string(lastComponent(route.registeredOn)));
  if (decoratorMatches(route, "csrf_exempt")) reasons.push_back("exempt from CSRF");
  return reasons;
}

void WebhookClassifier::classify() {
  classified_ = true;
  for (size_t i = 0; i < program_.routes.size(); ++i) {
    const Route& route = program_.routes[i];
    if (route.handler >= program_.functionCount() || !route.acceptsBody()) continue;
    if (!part_.contains(route.handler) || !readsRequest(route)) continue;
    if (behindUserAuthentication(i)) continue;
    std::vector<std::string> reasons = webhookReasons(i);
    if (reasons.empty()) continue;
    byRoute_[i] = handlers_.size();
    handlers_.push_back({i, route.handler, std::move(reasons)});
  }
}

void WebhookClassifier::adopt(std::vector<WebhookHandler> handlers) {
  classified_ = true;
  handlers_ = std::move(handlers);
  byRoute_.clear();
  for (size_t i = 0; i < handlers_.size(); ++i) byRoute_[handlers_[i].route] = i;
}

const std::vector<WebhookHandler>& WebhookClassifier::handlers() {
  if (!classified_) classify();
  return handlers_;
}

const WebhookHandler* WebhookClassifier::forRoute(size_t routeIndex) {
  if (!classified_) classify();
  auto it = byRoute_.find(routeIndex);
  return it == byRoute_.end() ? nullptr : &handlers_[it->second];
}

bool WebhookClassifier::isWebhookHandler(FunctionId fn) {
  for (const WebhookHandler& h : handlers()) {
    if (h.handler == fn) return true;
  }
  return false;
}

}  // namespace hg
