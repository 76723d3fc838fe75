// Which calls and comparisons verify a request, and what their result means. The names come
// from the knowledge files (`verifiers`, `noreturn`, `mac_functions`); helpers of the scanned
// tree are judged by their VerificationSummary.
#pragma once

#include <functional>
#include <string>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/value_roles.h"
#include "engine/verification_summary.h"

namespace hg {

// What the truth of a value says: verified when it is truthy / when it is falsy.
struct CondFacts {
  bool ifTrue = false;
  bool ifFalse = false;
  bool any() const { return ifTrue || ifFalse; }
  CondFacts negated() const { return {ifFalse, ifTrue}; }
  friend bool operator==(const CondFacts&, const CondFacts&) = default;
};

struct CallVerdict {
  bool verifies = false;   // once it returns, a successful verification happened
  bool noReturn = false;   // it never returns normally (abort, sys.exit, a deny() helper)
  CondFacts result;        // what its return value says
  bool attempt = false;    // it is (or contains) a verification, whatever its outcome
  bool tolerance = false;  // the verifier also enforces a timestamp tolerance
  std::string verifier;    // the matched knowledge pattern or helper's qualified name
};

// The entry of `category` a call's qualified name, or its callee's, matches; nullptr for none.
const KnowledgeEntry* matchCall(const Knowledge& knowledge, std::string_view category, const Function& fn,
                                ExprId call);

class VerificationCalls {
 public:
  using SummaryLookup = std::function<const VerificationSummary*(FunctionId)>;
  VerificationCalls(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                    ValueRoles& roles, SummaryLookup summaries);

  CallVerdict classifyCall(FunctionId fn, ExprId call);
  // For a Compare: whether it is a signature check (isSignatureEquality of the two sides'
  // value roles, or a signature header against a token written in the code), and what its
  // truth says.
  CondFacts comparisonFacts(FunctionId fn, ExprId compare);
  bool isVerifyingComparison(FunctionId fn, ExprId compare) { return comparisonFacts(fn, compare).any(); }

 private:
  const Program& program_;
  const Knowledge& knowledge_;
  const CallResolver& calls_;
  ValueRoles& roles_;
  SummaryLookup summaries_;
};

}  // namespace hg
