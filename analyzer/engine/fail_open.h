// Verifications that exist but can be bypassed (WH105), found on the guard flow of every
// function that attempts one (handlers, helpers, decorator wrappers, before_request hooks):
//
//   - a check skipped when its input is absent: `if sig and not valid: abort()`, `if sig:
//     verify()`, `if SECRET: verify()`, `if not sig: return True`;
//   - a result nobody acts on: a boolean verifier called for nothing, its result only logged,
//     or a failed check whose branch goes on as if it had passed;
//   - an exception of a raising verifier caught and execution continued;
//   - a function named and called as a verifier that never compares anything.
//
// "Goes on" means reaching, without a successful verification and without rejecting (raise,
// abort, a 4xx or falsy return), what the function does once the request is trusted: a use
// of the payload in a handler, letting the request through in a before_request hook, calling
// the view in a decorator, returning true from a boolean verifier.
#pragma once

#include <string>
#include <vector>

#include "core/program.h"
#include "engine/rule_context.h"

namespace hg {

struct FailOpenCheck {
  enum class Kind : uint8_t {
    SkippedWhenHeaderMissing,  // the check runs only when the signature/token is present
    SkippedWhenSecretMissing,  // the check runs only when the secret is configured
    SkippedWhenMacMissing,     // ... only when a MAC, None without a secret, was computed
    ResultIgnored,             // a boolean verifier's result is discarded
    ResultOnlyLogged,          // ... or only logged
    FailureContinues,          // a failed check's branch does not reject
    ExceptionSwallowed,        // a raising verifier's exception is caught and execution goes on
    StubVerifier,              // a verifier that never compares anything
  };
  Kind kind = Kind::ResultIgnored;
  FunctionId function = kNoFunction;
  Span location;       // the faulty check
  std::string subject; // the header/secret tested, the verifier called, the stub's name
  Span related;        // where the bypass leads (a payload use, the return), when known
};

std::vector<FailOpenCheck> findFailOpenChecks(RuleContext& ctx);

}  // namespace hg
