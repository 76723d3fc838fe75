// The guard analysis of one function: a forward must-dataflow over its CFG answering "is a
// successful verification guaranteed before this statement?".
//
// The state is "verified" plus, for locals holding a verification result (`ok =
// hmac.compare_digest(a, b)`), what their truth implies. Branches refine it through
// Block::condition (not/and/or, comparisons, verifier calls, result locals); joins keep only
// what holds on every incoming path. An exception edge carries the state from before the
// block's first statement, so `try: verify() except: pass` does not verify. Calls that never
// return (abort, a deny() helper) and raises end a path.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/verification_calls.h"

namespace hg {

struct GuardState {
  bool reached = false;  // false: no path gets here (the lattice's top)
  bool verified = false;
  std::map<std::string, CondFacts> results;  // local -> what its truth implies

  static GuardState entry(bool verified) {
    GuardState s;
    s.reached = true;
    s.verified = verified;
    return s;
  }
  void joinWith(const GuardState& other);
  friend bool operator==(const GuardState&, const GuardState&) = default;
};

struct GuardFlowOptions {
  bool entryVerified = false;  // a decorator or hook already verified
  // When set, conditions on request.path / endpoint / method are decided for this route
  // (before_request hooks that skip other paths).
  const Route* route = nullptr;
  // In a before_request hook, returning a value rejects the request; only `return None` and
  // falling off the end let the request through.
  bool valueReturnRejects = false;
};

class GuardFlow {
 public:
  GuardFlow(const Program& program, const Knowledge& knowledge, FunctionId fn, VerificationCalls& calls,
            GuardFlowOptions options);

  // State before statement `stmt` of `block`; stmt == conditionIndex(block) is the state
  // before the branch condition is evaluated (after the block's statements).
  GuardState stateBefore(BlockId block, size_t stmt) const;
  bool isVerifiedAt(BlockId block, size_t stmt) const {
    GuardState s = stateBefore(block, stmt);
    return !s.reached || s.verified;
  }
  // The state with which the function returns normally; unreached when it never does.
  const GuardState& exitState() const { return exit_; }

  struct ReturnSite {
    BlockId block;
    size_t stmt;
    GuardState before;
  };
  // Every reachable `return` statement, with the state before it.
  std::vector<ReturnSite> returnSites() const;

  // What the truth of `expr` implies in `state`.
  CondFacts condFacts(ExprId expr, const GuardState& state) const;

 private:
  void run();
  void applyStmt(GuardState& state, const Stmt& stmt) const;
  void applyEffects(GuardState& state, ExprId root, int depth = 0) const;
  bool returnsNormally(const Stmt& stmt) const;

  const Program& program_;
  const Knowledge& knowledge_;
  FunctionId fnId_;
  const Function& fn_;
  VerificationCalls& calls_;
  GuardFlowOptions options_;
  std::vector<GuardState> in_;
  GuardState exit_;
};

}  // namespace hg
