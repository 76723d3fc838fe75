// Where a function acts on the request payload, and where it verifies the request: the two
// ends of "is the payload used before the verification that guards it?" (WH103) and of "can a
// path reach a use without a successful check?" (WH105).
//
// A use is parsing the body (`request.get_json()`, `json.loads(body)`, a helper returning the
// parsed body), passing payload data to a call, storing it in an attribute or a subscript, or
// returning it. Reading the raw bytes is not a use, nor is what feeds a verification: the MAC
// and hash calls, the verifier's own arguments, encodings of the bytes (`body.decode()`), and
// the inspections the `payload_inspections` knowledge lists (`len(body)`).
#pragma once

#include <string>
#include <vector>

#include "core/program.h"
#include "engine/rule_context.h"

namespace hg {

struct PayloadUse {
  enum class Kind : uint8_t { Parse, Call, Store, Return };
  Kind kind = Kind::Call;
  BlockId block = kNoBlock;
  size_t stmt = 0;  // conditionIndex(block) for a use in the branch condition
  ExprId expr = kNoExpr;
  Span span;
  std::string what;  // "request.get_json()", "process_event()", "self.cache"
};

struct VerificationSite {
  BlockId block = kNoBlock;
  size_t stmt = 0;
  ExprId expr = kNoExpr;  // the verifier call or the verifying comparison
  Span span;
  CallVerdict verdict;    // empty for a comparison
  bool comparison = false;
};

// Payload uses in `fn` itself, in source order.
std::vector<PayloadUse> payloadUses(RuleContext& ctx, FunctionId fn);

// Verification attempts in `fn` itself (verifier calls, helpers that verify, MAC comparisons),
// in block/statement order.
std::vector<VerificationSite> verificationSites(RuleContext& ctx, FunctionId fn);

// "started with 'Parse'" wording for messages: "parses the payload with request.get_json()".
std::string describeUse(const PayloadUse& use);

// Whether a verification site can run after statement `stmt` of `block` on some path.
bool verificationReachableFrom(const Function& fn, const std::vector<VerificationSite>& sites, BlockId block,
                               size_t stmt);

}  // namespace hg
