// Whether a value read from the request serves only to verify the request. Some providers sign
// fields of the payload rather than the body: Mailgun's form carries `timestamp`, `token` and
// `signature`, and the receiver computes an HMAC over the first two and compares it with the
// third. Reading those fields is the verification itself; no schema makes it safer, so WH501
// must not ask for one.
//
// A value is verification material when every place it goes is one of: the input of a MAC or
// hash (`hmac.new(key, ts + token, ...)`, `mac.update(token)`), a verifier call or a helper that
// verifies (`hmac.compare_digest`, `verify(ts, token, sig)`), a comparison the guard analysis
// counts as a signature check, a freshness check against the clock (`time.time() - int(ts) >
// 300`), or a presence test (`if not token:`, `sig is None`). It may pass through conversions
// and string building on the way (`int()`, `.encode()`, `+`, f-strings, `.format`, `.join`) and
// through local variables, each of whose uses must qualify in turn. Anything else (a call of
// another function, a store, a return, a comparison with a literal) is a use of the data.
#pragma once

#include "core/program.h"
#include "engine/rule_context.h"

namespace hg {

bool onlyVerifiesRequest(RuleContext& ctx, FunctionId fn, ExprId value);

}  // namespace hg
