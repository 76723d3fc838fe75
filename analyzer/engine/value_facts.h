// Per-function facts about where a value came from (the request, a signature header, a MAC or
// digest call, the raw or parsed body), used to decide which routes read webhook-like data.
// Locals are tracked flow-insensitively (the union over every assignment in the function);
// helpers' return values are summarised. Which comparisons are signature checks is decided by
// the whole-program value roles (engine/value_roles.h), not here.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/request_uses.h"

namespace hg {

enum ValueFlag : uint32_t {
  kFromRequest = 1u << 0,      // client-controlled data
  kSignatureHeader = 1u << 1,  // a signature/token header (signature_headers)
  kMac = 1u << 2,              // output of a MAC (mac_functions)
  kDigest = 1u << 3,           // output of a plain hash (hash_functions)
  kRawBody = 1u << 6,          // the raw request bytes
  kParsedBody = 1u << 7,       // the parsed body (JSON, form)
};
using ValueFlags = uint32_t;

class ValueFacts {
 public:
  ValueFacts(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests,
             const CallResolver& calls);

  ValueFlags flags(FunctionId fn, ExprId expr);
  ValueFlags localFlags(FunctionId fn, const std::string& name);
  // The union of the flags of every value `fn` returns.
  ValueFlags returnFlags(FunctionId fn);

  bool isSignatureHeader(const std::string& lowerCaseHeaderName) const;

 private:
  struct FunctionFacts {
    std::map<std::string, ValueFlags> locals;
    ValueFlags returns = 0;
  };
  const FunctionFacts& facts(FunctionId fn);
  ValueFlags exprFlags(FunctionId fn, const FunctionFacts& locals, ExprId expr);

  const Program& program_;
  const Knowledge& knowledge_;
  RequestUseAnalysis& requests_;
  const CallResolver& calls_;
  std::map<FunctionId, FunctionFacts> cache_;
  std::map<FunctionId, bool> inProgress_;
  int activeDepth_ = 0;
};

}  // namespace hg
