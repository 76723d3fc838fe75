// Checks that sanitize a value on one side of a branch. Given a branch condition and which way
// it went, the guards say which access paths are then known to be checked:
//
//   urlparse(url).hostname in ALLOWED       host allowlist (also ==, and endswith(".example.com"))
//   url.startswith("https://partner.example/")  a prefix that pins scheme and host
//   ipaddress.ip_address(host).is_private   IP-range checks (safe when false; is_global when true)
//   is_safe_url(url)                        a helper or library validator returning a bool
//   if not url / if url: ... else           a falsy URL ("" or None) names no host
//
// and `not`, `and`, `or` combine them: `and` taken true (or `or` taken false) gives every
// operand's facts, the other way only the facts all operands agree on. A local that holds a
// part of a URL (`host = urlparse(url).hostname`) leads back to the URL it came from.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/program.h"
#include "engine/taint_catalog.h"
#include "engine/taint_state.h"

namespace hg {

struct GuardFact {
  std::string path;
  TaintFlags flags = 0;
  friend bool operator==(const GuardFact&, const GuardFact&) = default;
};

// What the guards need from the analysis running them.
struct GuardContext {
  // Whether an expression carries request (or parameter) data in `state`.
  std::function<bool(ExprId, const TaintState&)> tainted;
  // The constant text of an expression, when it has one.
  std::function<std::optional<std::string>(ExprId, const TaintState&)> constantText;
  // Facts a call implies when its result is truthy (outcome true) or falsy: helpers of the
  // scanned tree, through their summaries.
  std::function<std::vector<GuardFact>(ExprId, bool, const TaintState&)> callFacts;
};

class TaintGuards {
 public:
  TaintGuards(const TaintCatalog& catalog, const Function& fn, GuardContext context);

  // Facts that hold when `condition` evaluates to `outcome`.
  std::vector<GuardFact> factsWhen(ExprId condition, bool outcome, const TaintState& state) const;

  // The URL an expression is (a part of), or nullopt.
  std::optional<UrlDerivation> derive(ExprId expr, const TaintState& state) const;

  // Facts of a library validator (url_sanitizers / schema_validators) with a bool result.
  std::vector<GuardFact> knownValidatorFacts(ExprId call, bool outcome, const TaintState& state) const;

 private:
  std::vector<GuardFact> factsAt(ExprId condition, bool outcome, const TaintState& state, int depth) const;
  std::vector<GuardFact> emptyUrlFacts(ExprId id, bool outcome, const TaintState& state) const;
  std::vector<GuardFact> compareFacts(const Expr& e, bool outcome, const TaintState& state) const;
  std::vector<GuardFact> callFacts(ExprId call, bool outcome, const TaintState& state) const;
  std::vector<GuardFact> rangeCheckFacts(ExprId attribute, bool outcome, const TaintState& state) const;
  std::optional<UrlDerivation> deriveAt(ExprId expr, const TaintState& state, int depth) const;
  // Whether an expression the client does not control is "." followed by a non-constant
  // name (`f".{domain}"`, `"." + domain`).
  bool startsWithLabelBoundary(ExprId expr, const TaintState& state) const;
  // The constant strings an argument holds: one, or each element of a tuple/list literal.
  std::optional<std::vector<std::string>> constantStrings(ExprId expr, const TaintState& state) const;

  const TaintCatalog& catalog_;
  const Function& fn_;
  GuardContext context_;
};

// Intersection / union of fact lists (a path's flags combine bitwise).
std::vector<GuardFact> intersectFacts(const std::vector<GuardFact>& a, const std::vector<GuardFact>& b);
void unionFacts(std::vector<GuardFact>& into, const std::vector<GuardFact>& more);

}  // namespace hg
