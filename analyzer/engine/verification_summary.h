// What a function does about request verification, as seen by its callers. Computed once per
// function by VerificationSummaries; recursion and call cycles see "no verification".
#pragma once

#include <vector>

#include "core/source.h"

namespace hg {

struct VerificationSummary {
  // Returns normally only after a successful verification (it raises or aborts otherwise):
  // a caller is verified once the call returns.
  bool verifiesOrAborts = false;
  // Every truthy value it returns implies a successful verification
  // (`return hmac.compare_digest(a, b)`, `return expected == sig`, `if bad: return False`).
  bool returnsVerificationResult = false;
  // No path returns normally (`def deny(): abort(401)`).
  bool neverReturns = false;
  // A verification is attempted somewhere in it or in what it calls, successful or not.
  bool attemptsVerification = false;
  // Reads request input (body or headers), itself or through what it calls.
  bool readsRequest = false;
  // A verifier it relies on also rejects stale timestamps (SDKs with a tolerance).
  bool enforcesTolerance = false;
  // Where it verifies (its own verifier calls and MAC comparisons).
  std::vector<Span> verificationSites;
};

}  // namespace hg
