// What the code of one route does against replayed requests: the freshness checks of a request
// timestamp (FreshnessChecks, kept when the compared value comes from the request), the
// de-duplication of a delivery / event / nonce id (a cache, set, Redis or database lookup or
// an atomic insert keyed by it, or `id in seen`), a verifier that enforces a tolerance itself,
// and the inputs of the MACs computed, against which a timestamp is "signed" or not. Searched
// over the route's whole scope (RouteScopes): handler, helpers in any module, decorators,
// before_request hooks.
//
// Names come from the knowledge files: `time_functions`, `dedup_calls`, `delivery_headers`,
// `delivery_id_names`, `timestamp_headers`, `mac_functions` and `mac_updates`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/constant_folding.h"
#include "engine/freshness_checks.h"
#include "engine/route_scope.h"
#include "engine/value_origins.h"

namespace hg {

class RuleContext;
class ValueRoles;

struct TimestampCheck {
  FreshnessCheck check;
  std::vector<ValueOrigin> origins;  // of the timestamp operand
  // The request read the timestamp comes from (a header, a body field): WH202's location.
  const ValueOrigin* read() const;
};

struct DedupSite {
  FunctionId function = kNoFunction;
  ExprId expr = kNoExpr;  // the call or the membership test
  Span span;
  std::string operation;  // "cache.get", "redis.Redis().set", "in"
  std::string idSource;   // "X-GitHub-Delivery header", "payload field id", "delivery_id"
};

struct MacInput {
  FunctionId function = kNoFunction;
  ExprId call = kNoExpr;
  ExprId message = kNoExpr;
  std::vector<ValueOrigin> origins;
};

struct ToleranceSite {
  Span span;
  std::string verifier;
};

struct HeaderReadSite {
  std::string header;  // lower case
  Span span;
};

struct ReplayProtection {
  std::vector<TimestampCheck> freshness;
  std::vector<DedupSite> dedups;
  std::vector<MacInput> macInputs;
  std::optional<ToleranceSite> tolerance;
  std::vector<HeaderReadSite> timestampHeaderReads;
  std::vector<HeaderReadSite> deliveryHeaderReads;

  bool protects() const { return !freshness.empty() || !dedups.empty() || tolerance.has_value(); }
};

class ReplayAnalysis {
 public:
  explicit ReplayAnalysis(RuleContext& context);
  ~ReplayAnalysis();

  const ReplayProtection& forRoute(size_t routeIndex);
  // True when the timestamp is one of the inputs of a MAC computed on the route (or the route
  // computes no MAC itself, so there is nothing to compare against).
  bool timestampSigned(const ReplayProtection& protection, const TimestampCheck& check) const;

  const ConstantFolder& constants() const { return constants_; }
  RouteScopes& scopes() { return scopes_; }

 private:
  ReplayProtection compute(size_t routeIndex);
  void scanFunction(const RouteScope& scope, FunctionId fn, ReplayProtection& out);
  void scanCall(const RouteScope& scope, FunctionId fn, ExprId call, ReplayProtection& out);
  void scanMembership(const RouteScope& scope, FunctionId fn, ExprId compare, ReplayProtection& out);
  // Describes the delivery id among the origins ("X-GitHub-Delivery header"), or "".
  std::string deliveryId(const std::vector<ValueOrigin>& origins) const;
  bool isDeliveryIdName(const std::string& name) const;

  RuleContext& ctx_;
  const ConstantFolder& constants_;
  FreshnessChecks freshness_;
  RouteScopes& scopes_;
  ValueOrigins origins_;
  ValueRoles& roles_;
  std::map<size_t, ReplayProtection> cache_;
};

}  // namespace hg
