// What a value is for the authentication rules, known from where it came from: a MAC computed
// by a mac_functions call (and its digest, hex or base64 form), a request header that carries a
// signature or shared token, a configured secret, a request timestamp, the raw body or the body
// parsed/re-encoded. Roles follow values through local assignments, tuple unpacking, helper
// parameters, helper returns, module and class constants, and `self.attr` fields. The analysis
// is flow-insensitive: the role of a variable is the union over all its assignments, which is
// what "is this comparison a MAC check?" needs.
//
// Inside a helper a parameter holds what any call site passes. Its return value is not summed
// up that way: a conversion helper used once on a MAC and elsewhere on a realm name would make
// every conversion a MAC. A call of a helper whose return derives from its parameters is
// evaluated with the arguments of that call (tabulated per argument roles); what the helper's
// body creates itself (an HMAC it computes) is part of the result at every site.
//
// Names of variables are not roles. The one place a name counts is a configuration key or a
// configuration constant (`os.environ["GITHUB_SECRET"]`, `WEBHOOK_SECRET = b"..."`): there the
// name *is* where the value came from. A value used as the key of a MAC is a secret whatever it
// is called.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/constant_folding.h"
#include "engine/request_uses.h"

namespace hg {

enum class ValueRole : uint32_t {
  Request = 1u << 0,          // client-controlled data of any kind
  RawBody = 1u << 1,          // the body bytes as sent (or a decode/encode of them)
  ParsedBody = 1u << 2,       // the whole body parsed: JSON document, form mapping
  Reencoded = 1u << 3,        // parsed data serialised again (json.dumps, str(), urlencode)
  HeaderMap = 1u << 4,        // the request's header mapping itself
  SignatureHeader = 1u << 5,  // a header carrying a signature or a shared token
  Timestamp = 1u << 6,        // a header carrying the request's signing timestamp
  Mac = 1u << 7,              // a MAC/HMAC object or digest, or an encoding of one
  Digest = 1u << 8,           // a plain hash object or digest
  Secret = 1u << 9,           // a configured secret: environment, config, constant, MAC key
  Payload = 1u << 10,         // derived from the body in any form: raw, parsed, a field of it
  // A literal module or class constant whose name says it is a secret (`VERIFY_TOKEN = "..."`).
  // Its name is the only evidence, so it is kept apart from Secret: an enum member named
  // `...Key...` or a marker string `DONE_TOKEN = "done."` is no credential until it meets
  // request data or a MAC.
  SecretConstant = 1u << 11,
  // The output of a password hashing function (PBKDF2, scrypt, bcrypt): what a stored password
  // hash is checked against, as sensitive to a timing leak as a MAC.
  PasswordHash = 1u << 12,
};

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(ValueRole r) : bits_(static_cast<uint32_t>(r)) {}  // NOLINT: implicit by design
  static constexpr RoleSet fromBits(uint32_t bits) {
    RoleSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr bool has(ValueRole r) const { return (bits_ & static_cast<uint32_t>(r)) != 0; }
  constexpr bool any(RoleSet other) const { return (bits_ & other.bits_) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr uint32_t bits() const { return bits_; }
  constexpr RoleSet operator|(RoleSet o) const { return fromBits(bits_ | o.bits_); }
  constexpr RoleSet operator&(RoleSet o) const { return fromBits(bits_ & o.bits_); }
  constexpr RoleSet without(RoleSet o) const { return fromBits(bits_ & ~o.bits_); }
  RoleSet& operator|=(RoleSet o) {
    bits_ |= o.bits_;
    return *this;
  }
  friend constexpr bool operator==(RoleSet, RoleSet) = default;

 private:
  uint32_t bits_ = 0;
};

inline constexpr RoleSet operator|(ValueRole a, ValueRole b) { return RoleSet(a) | RoleSet(b); }

// A secret of either kind: configured (or used as a key), or a constant named as one.
inline constexpr RoleSet kAnySecret = ValueRole::Secret | ValueRole::SecretConstant;

// Whether testing two values with these roles for equality is a signature or shared-token
// check: a MAC against anything; a signature/token header against something computed or
// configured; a configured secret against anything but another secret; a secret constant
// against request data. WH102 reports such a test made with a timing-unsafe operator, and
// the guard analysis counts it as a verification, so both agree on what a check is.
bool isSignatureEquality(RoleSet a, RoleSet b);

// "mac", "signature header", ... for messages and test output.
std::string describeRoles(RoleSet roles);

// A string/bytes literal that ends up as a key: where it is written and under which name.
struct LiteralSecret {
  Span location;     // the assignment statement of the constant, or the literal itself
  std::string name;  // "WEBHOOK_SECRET", "Config.SECRET"; empty for an inline literal
  Span literal;      // the literal expression
};

class ValueRoles {
 public:
  ValueRoles(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests,
             const CallResolver& calls, const ConstantFolder& constants);
  // A copy of an analysis for another thread: the fixpoint over the whole program is done once
  // and handed to each part of a split rule phase (engine.cpp), which asks its own request and
  // constant caches (they fill as they are asked and are not thread-safe). The program, the
  // knowledge and the call resolver are only read.
  ValueRoles(const ValueRoles& computed, RequestUseAnalysis& requests, const ConstantFolder& constants);
  ValueRoles& operator=(const ValueRoles&) = delete;

  // Runs the whole-program fixpoint now rather than at the first question.
  void precompute();

  // The roles of `expr` evaluated in function `fn`.
  RoleSet roles(FunctionId fn, ExprId expr);
  // The roles of the values `fn` returns whatever its callers pass: what its body creates.
  RoleSet returnRoles(FunctionId fn);
  // The roles a variable (local, parameter, or a module/class-body name) seen from `fn` holds.
  RoleSet variableRoles(FunctionId fn, const std::string& name);
  // The roles of a variable by its key (a Name's binding: "pkg.mod.SECRET").
  RoleSet variableRoles(const std::string& key);

  // The string/bytes literals `expr` evaluates to when used as a key: directly, through
  // `.encode()`/`bytes()`/`base64` decoding, locals assigned once, module and class constants
  // (across imports), `self.X` fields, and helper parameters bound to literals at a call site.
  // A helper's return reached from a call is followed back to that call's arguments only.
  // Values read from the environment, configuration or files are not literals.
  std::vector<LiteralSecret> literalOrigins(FunctionId fn, ExprId expr);

  // The header name a request read of one header names (lower case, normalised), else "".
  std::string headerNameOf(FunctionId fn, ExprId expr);

  // The key argument of a call that takes a webhook secret (mac_functions `key_arg`/`key_kw`,
  // verifier_arguments `key_arg`/`key_kw`), or kNoExpr.
  ExprId keyArgument(const Function& fn, ExprId call) const;
  // The signed-message argument (mac_functions `message_arg`/`message_kw`,
  // verifier_arguments `payload_arg`/`payload_kw`), or kNoExpr.
  ExprId messageArgument(const Function& fn, ExprId call) const;
  // The digest argument of a mac_functions call (`digest_arg`/`digest_kw`), or kNoExpr.
  ExprId digestArgument(const Function& fn, ExprId call) const;

  // The operand whose value a conversion call passes on (`value_transforms`: `int(ts)`,
  // `token.encode()`), or kNoExpr when `call` is no conversion.
  ExprId transformedOperand(const Function& fn, ExprId call) const;

  bool isMacCall(const Function& fn, ExprId call) const;
  bool isHashCall(const Function& fn, ExprId call) const;

  // Whether a configuration key or constant name says it holds a secret (knowledge
  // "secret_words", matched against the name's words).
  bool isSecretName(std::string_view name) const;

 private:
  ValueRoles(const ValueRoles&) = default;

  struct Assignment {
    FunctionId function = kNoFunction;
    ExprId value = kNoExpr;
    Span statement;
    bool plain = true;  // `x = value`; false for augmented assignment and unpacking
  };
  struct ParameterSlot {
    FunctionId function = kNoFunction;
    size_t index = 0;
  };

  void compute();
  void indexFunction(FunctionId fn);
  bool propagate(FunctionId fn);
  RoleSet eval(const Function& fn, ExprId expr, int depth);
  RoleSet evalName(const Function& fn, const Expr& e, int depth);
  RoleSet evalAttribute(const Function& fn, ExprId id, int depth);
  RoleSet evalSubscript(const Function& fn, ExprId id, int depth);
  RoleSet evalCall(const Function& fn, ExprId id, int depth);
  RoleSet requestRoles(const Function& fn, ExprId id);
  RoleSet headerRoles(const std::string& header) const;
  RoleSet qualifiedRoles(const std::string& qualified, int depth);
  RoleSet classAttributeRoles(const std::string& classQualified, const std::string& attr, int depth);
  bool isSecretSourceRead(const Function& fn, ExprId id);

  // Variables are identified by a key: the front-end's binding of a Name ("pkg.mod.SECRET",
  // "pkg.mod.verify.<locals>.sig", an import's target), "pkg.mod.Class.attr" for class
  // attributes and `self.attr` fields. A Name without a binding gets the same spelling from
  // the scope that binds it (enclosing functions, the module body, imports).
  std::string keyOfName(const Function& fn, const Expr& name) const;
  std::string keyOfQualified(const std::string& qualified, int depth) const;
  std::string scopeKey(FunctionId scope, const std::string& name) const;
  std::string parameterKey(FunctionId fn, size_t index) const;
  bool isKnownKey(const std::string& key) const;
  std::string enclosingClass(const Function& fn) const;

  bool addRoles(const std::string& key, RoleSet roles);
  bool assignTarget(const Function& fn, ExprId target, RoleSet roles, int depth);
  bool bindArguments(const Function& fn, ExprId call, FunctionId callee);
  bool markKeyAsSecret(const Function& fn, ExprId key, int depth);
  std::string targetKey(const Function& fn, ExprId target) const;

  // The call sites a backwards walk entered helpers through, innermost last.
  struct CallPath {
    FunctionId callee = kNoFunction;
    FunctionId caller = kNoFunction;
    ExprId call = kNoExpr;
    const CallPath* outer = nullptr;
  };
  struct LiteralSearch {
    std::vector<LiteralSecret>* out;
    // An expression is visited once per call site it was entered through.
    std::set<std::tuple<FunctionId, ExprId, FunctionId, ExprId>> seen;
  };
  void collectLiterals(FunctionId fn, ExprId expr, int depth, const CallPath* path, LiteralSearch& search);
  void collectKeyLiterals(const std::string& key, int depth, const CallPath* path, LiteralSearch& search);
  void collectParameterLiterals(const ParameterSlot& param, int depth, const CallPath* path, LiteralSearch& search);
  ExprId entryArgument(const Function& fn, ExprId call, std::string_view category, const char* argKey,
                       const char* kwKey) const;

  const Program& program_;
  const Knowledge& knowledge_;
  RequestUseAnalysis* requests_;
  const CallResolver& calls_;
  const ConstantFolder* constants_;
  bool computed_ = false;
  std::map<std::string, RoleSet> variables_;
  std::map<std::string, std::vector<Assignment>> assignments_;
  std::map<std::string, ParameterSlot> parameters_;
  std::vector<std::set<std::string>> bound_;  // names each function assigns or takes
  std::vector<RoleSet> returns_;
  std::map<FunctionId, std::string> classOfBody_;  // class body function -> class
  std::map<FunctionId, std::vector<std::pair<FunctionId, ExprId>>> callSites_;

  // Context-sensitive helper returns. While a helper's return is evaluated for one call, its
  // parameters hold the roles that call passes and its locals are evaluated from their
  // assignments under the same binding.
  struct CallContext {
    FunctionId function = kNoFunction;
    std::vector<RoleSet> arguments;  // by parameter index
    const CallContext* outer = nullptr;
    int depth = 0;
  };
  struct Tabulated {
    RoleSet roles;
    uint64_t generation = 0;
    FunctionId reader = kNoFunction;
    int depth = 0;
  };
  void indexReturnParameters(FunctionId fn);
  bool returnDependsOnArguments(FunctionId fn);
  RoleSet callResult(const Function& caller, ExprId call, FunctionId callee);
  RoleSet evalInContext(FunctionId callee, std::vector<RoleSet> arguments);
  RoleSet returnUnder(const CallContext& context);
  std::optional<RoleSet> contextVariable(const std::string& key, const std::string& name);
  bool onContextChain(FunctionId fn) const;
  void noteReturnRead(FunctionId callee);
  const CallContext* context_ = nullptr;
  std::vector<std::vector<char>> returnParameters_;  // per function: parameters its return derives from
  enum : char { kUnindexed, kIndependent, kDependent };
  std::vector<char> returnDependent_;
  std::map<std::string, RoleSet> parameterRoles_;  // header defaults and path parameters
  std::set<std::string> markedKeys_;               // variables used as a MAC key
  std::set<std::string> inProgress_;               // locals being evaluated under a context
  std::map<std::pair<FunctionId, std::vector<uint32_t>>, Tabulated> tabulated_;
  uint64_t generation_ = 0;

  // The fixpoint revisits only the functions that read what changed: while a function is
  // propagated, each key it looks up and each callee whose returns it uses is noted.
  void noteKeyRead(const std::string& key) const;
  void keyChanged(const std::string& key);
  FunctionId propagating_ = kNoFunction;
  std::vector<char> dirty_;
  mutable std::unordered_map<std::string, std::vector<FunctionId>> keyReaders_;
  std::vector<std::vector<FunctionId>> returnReaders_;
};

}  // namespace hg
