// How a signature is computed and compared, judged from value roles: a signature compared
// with a timing-unsafe operation (WH102), a MAC computed over a parsed or re-encoded body
// (WH104), a weak digest or a plain keyed hash (WH106), a literal used as the key (WH107).
// Each finder scans every function of the program, helpers included.
#pragma once

#include <string>
#include <vector>

#include "core/program.h"
#include "engine/rule_context.h"
#include "engine/value_roles.h"

namespace hg {

struct UnsafeComparison {
  FunctionId function = kNoFunction;
  ExprId expr = kNoExpr;       // the Compare or the comparing call
  std::string op;              // "==", "in", "startswith", "memcmp"
  ExprId lhs = kNoExpr;
  ExprId rhs = kNoExpr;
  RoleSet lhsRoles, rhsRoles;
};

// Comparisons of a MAC, a signature/token header or a secret with a non-constant-time
// operator (`==`, `!=`, `is`, `in`) or call (`timing_unsafe_compares`: startswith, memcmp,
// strcmp, compare). A comparison with a literal (`scheme != "sha256"`, `sig is None`) is not
// a signature check.
std::vector<UnsafeComparison> findUnsafeComparisons(RuleContext& ctx);

struct SignedMessage {
  FunctionId function = kNoFunction;
  ExprId call = kNoExpr;     // the MAC call, the `.update()` call or the SDK verifier call
  ExprId message = kNoExpr;  // the signed-message argument
  RoleSet roles;             // of the message
  std::string api;           // "hmac.new", "stripe.Webhook.construct_event", "update"
};

// MACs (and SDK verifiers) whose message is the parsed body or a re-encoding of it.
std::vector<SignedMessage> findMacsOverParsedBody(RuleContext& ctx);

struct WeakSignature {
  enum class Kind : uint8_t { WeakDigest, PlainKeyedHash };
  Kind kind = Kind::WeakDigest;
  FunctionId function = kNoFunction;
  ExprId call = kNoExpr;   // the MAC or hash call
  std::string algorithm;   // "sha1", "md5", "sha256"
};

// MACs with MD5/SHA-1 digests, and plain hashes over a secret and request data (directly or
// through `.update()` calls on the hash object).
std::vector<WeakSignature> findWeakSignatures(RuleContext& ctx);

struct HardcodedKey {
  FunctionId function = kNoFunction;
  ExprId call = kNoExpr;  // the MAC / verifier call taking the key
  std::string api;
  LiteralSecret literal;
};

// Literals reaching the key of a MAC or a provider verifier, or compared with a signature
// header by a constant-time verifier.
std::vector<HardcodedKey> findHardcodedKeys(RuleContext& ctx);

// The digest an expression names, when a knowledge entry or a digest name recognises it:
// "sha1" for `hashlib.sha1`, `"SHA1"`, `EVP_sha1()`, `hashlib.new("sha1")`, a constant
// holding one. `weak` tells whether it is MD5/SHA-1 class.
struct DigestName {
  std::string name;
  bool weak = false;
};
DigestName digestNamed(RuleContext& ctx, FunctionId fn, ExprId expr);

}  // namespace hg
