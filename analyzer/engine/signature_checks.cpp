#include "engine/signature_checks.h"

#include <algorithm>
#include <cctype>

#include "engine/config_secrets.h"
#include "engine/constant_folding.h"
#include "engine/expr_walk.h"

namespace hg {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <typename T>
T attribute(const KnowledgeEntry& entry, const char* name, T fallback) {
  if (!entry.attributes.is_object()) return fallback;
  auto it = entry.attributes.find(name);
  if (it == entry.attributes.end()) return fallback;
  try {
    return it->template get<T>();
  } catch (const nlohmann::json::exception&) {
    return fallback;
  }
}

// The name a call entry of the knowledge is matched against; "?.method" for a method of a
// value the front-end could not name.
std::string callName(const Function& fn, ExprId call) {
  std::string name = calleeName(fn, call);
  if (!name.empty()) return name;
  ExprId callee = calleeOf(fn, call);
  if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute) return "?." + fn.expr(callee).text;
  return "";
}

ExprId methodObject(const Function& fn, ExprId call) {
  ExprId callee = calleeOf(fn, call);
  if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Attribute || fn.expr(callee).args.empty()) return kNoExpr;
  return fn.expr(callee).args[0];
}

constexpr RoleSet kProof = RoleSet(ValueRole::Mac) | RoleSet(ValueRole::SignatureHeader) | kAnySecret;

}  // namespace

// ---------------------------------------------------------------------------------------------
// WH102

namespace {

class ComparisonJudge {
 public:
  ComparisonJudge(RuleContext& ctx, FunctionId fn) : ctx_(ctx), fnId_(fn), fn_(ctx.program.function(fn)) {}

  // A fixed value written in the code: a literal, or a constant that folds to one and is not a
  // configured secret (`ALGORITHM = "sha256"`).
  bool isFixed(ExprId e, RoleSet roles) const {
    const Expr& x = fn_.expr(e);
    if (x.kind == ExprKind::Literal) return true;
    if (x.kind == ExprKind::Container) {
      for (ExprId a : x.args) {
        if (fn_.expr(a).kind != ExprKind::Literal) return false;
      }
      return true;
    }
    if (roles.any(kAnySecret)) return false;
    return ctx_.constants().fold(fn_, e).known();
  }

  // Whether the name the expression is read under (a variable, an attribute, a subscript key,
  // the function called) contains a `password_words` entry.
  bool namesPassword(ExprId e) const {
    const Expr& x = fn_.expr(e);
    std::string name;
    if (x.kind == ExprKind::Name || x.kind == ExprKind::Attribute) {
      name = x.text;
    } else if (x.kind == ExprKind::Subscript && x.args.size() == 2) {
      if (const std::string* key = stringLiteral(fn_, x.args[1])) name = *key;
    } else if (x.kind == ExprKind::Call) {
      ExprId callee = calleeOf(fn_, e);
      if (callee != kNoExpr) name = fn_.expr(callee).text;
    }
    if (name.empty()) return false;
    name = lower(name);
    for (const KnowledgeEntry& w : ctx_.knowledge.entries("password_words")) {
      if (name.find(lower(w.pattern)) != std::string::npos) return true;
    }
    return false;
  }

  bool membershipSensitive(RoleSet needle, RoleSet haystack) const {
    // `key in ISSUED_KEYS` (configured secrets): a value looked up among secrets, unless it is
    // a secret itself.
    if (haystack.has(ValueRole::Secret) && !needle.any(kAnySecret)) return true;
    if (!needle.any(kProof) || !haystack.any(kProof)) return false;
    // Two secrets, or two pieces of the same header, are no signature check.
    RoleSet both = needle | haystack;
    if (!both.has(ValueRole::Mac) && !(both.has(ValueRole::SignatureHeader) && both.any(kAnySecret))) return false;
    return true;
  }

  void judge(ExprId expr, const std::string& op, ExprId a, ExprId b, bool membership,
             std::vector<UnsafeComparison>& out) {
    if (a == kNoExpr || b == kNoExpr) return;
    a = stripAwait(fn_, a);
    b = stripAwait(fn_, b);
    RoleSet ra = ctx_.valueRoles().roles(fnId_, a);
    RoleSet rb = ctx_.valueRoles().roles(fnId_, b);
    if (isFixed(a, ra) || isFixed(b, rb)) return;
    bool sensitive = membership ? membershipSensitive(ra, rb) : isSignatureEquality(ra, rb);
    // A digest against a stored password (`md5(pw).hexdigest() == user.password`): the name of
    // the stored side is the evidence that the digest is a password hash.
    if (!sensitive && !membership)
      sensitive = (ra.has(ValueRole::Digest) && namesPassword(b)) || (rb.has(ValueRole::Digest) && namesPassword(a));
    if (sensitive) out.push_back({fnId_, expr, op, a, b, ra, rb});
  }

  void scan(std::vector<UnsafeComparison>& out) {
    for (ExprId id = 0; id < fn_.exprs.size(); ++id) {
      const Expr& e = fn_.expr(id);
      if (e.kind == ExprKind::Compare && e.args.size() == 2) {
        const std::string& op = e.text;
        if (op == "==" || op == "!=" || op == "is" || op == "is not") judge(id, op, e.args[0], e.args[1], false, out);
        else if (op == "in" || op == "not in") judge(id, op, e.args[0], e.args[1], true, out);
        continue;
      }
      if (e.kind != ExprKind::Call) continue;
      const KnowledgeEntry* entry = ctx_.knowledge.match("timing_unsafe_compares", callName(fn_, id));
      if (!entry || !entry->attributes.is_object()) continue;
      auto operands = entry->attributes.find("operands");
      if (operands == entry->attributes.end() || !operands->is_array() || operands->size() != 2) continue;
      ExprId sides[2] = {kNoExpr, kNoExpr};
      for (size_t i = 0; i < 2; ++i) {
        const nlohmann::json& o = (*operands)[i];
        if (o.is_string() && o.get<std::string>() == "object") sides[i] = methodObject(fn_, id);
        else if (o.is_number_integer() && o.get<int>() >= 0) sides[i] = callArgument(fn_, id, o.get<size_t>());
      }
      judge(id, std::string(lastComponent(entry->pattern)), sides[0], sides[1], false, out);
    }
  }

 private:
  RuleContext& ctx_;
  FunctionId fnId_;
  const Function& fn_;
};

}  // namespace

std::vector<UnsafeComparison> findUnsafeComparisons(RuleContext& ctx) {
  std::vector<UnsafeComparison> out;
  for (FunctionId id = 0; id < ctx.program.functionCount(); ++id) {
    if (ctx.owns(id)) ComparisonJudge(ctx, id).scan(out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// WH104

std::vector<SignedMessage> findMacsOverParsedBody(RuleContext& ctx) {
  std::vector<SignedMessage> out;
  ValueRoles& roles = ctx.valueRoles();
  constexpr RoleSet kParsed = RoleSet(ValueRole::ParsedBody) | RoleSet(ValueRole::Reencoded);
  for (FunctionId fnId = 0; fnId < ctx.program.functionCount(); ++fnId) {
    if (!ctx.owns(fnId)) continue;
    const Function& fn = ctx.program.function(fnId);
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      if (fn.expr(id).kind != ExprKind::Call) continue;
      ExprId message = kNoExpr;
      std::string api = calleeName(fn, id);
      if (roles.isHashCall(fn, id)) {
        // A keyed plain hash is meant as a MAC too (its weakness is WH106's).
        ExprId input = callArgument(fn, id, 0);
        if (input != kNoExpr && roles.roles(fnId, input).any(kAnySecret)) message = input;
      } else {
        message = roles.messageArgument(fn, id);
      }
      if (message == kNoExpr) {
        // Incremental MACs: `mac.update(data)`, `HMAC_Update(ctx, data, len)`.
        if (const KnowledgeEntry* update = ctx.knowledge.match("mac_updates", api)) {
          message = callArgument(fn, id, static_cast<size_t>(std::max(attribute(*update, "message_arg", 0), 0)));
          api = "update";
        }
      }
      ExprId object = methodObject(fn, id);
      if (message == kNoExpr && object != kNoExpr && fn.expr(calleeOf(fn, id)).text == "update" &&
          roles.roles(fnId, object).has(ValueRole::Mac)) {
        message = callArgument(fn, id, 0);
        api = "update";
      }
      if (message == kNoExpr) continue;
      RoleSet r = roles.roles(fnId, message);
      if (r.any(kParsed)) out.push_back({fnId, id, message, r, api});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// WH106

static DigestName digestFromText(RuleContext& ctx, const std::string& text) {
  std::string name = lower(text);
  if (const KnowledgeEntry* e = ctx.knowledge.match("digest_names", name)) return {name, attribute(*e, "weak", false)};
  return {};
}

static DigestName digestAt(RuleContext& ctx, const Function& fn, ExprId expr, int depth) {
  if (depth > 8 || expr == kNoExpr || expr >= fn.exprs.size()) return {};
  expr = stripAwait(fn, expr);
  const Expr& e = fn.expr(expr);
  auto fromEntry = [&](const KnowledgeEntry& entry) {
    std::string name = lower(lastComponent(entry.pattern));
    if (name.starts_with("evp_")) name = name.substr(4);
    return DigestName{name, attribute(entry, "weak", false)};
  };
  switch (e.kind) {
    case ExprKind::Literal:
      return e.literal == LiteralKind::String || e.literal == LiteralKind::Bytes ? digestFromText(ctx, e.text) : DigestName{};
    case ExprKind::Call: {
      const KnowledgeEntry* entry = ctx.knowledge.match("hash_functions", calleeName(fn, expr));
      if (!entry) return {};
      // `hashlib.new("sha1")` names its digest in its first argument.
      if (const std::string* named = stringLiteral(fn, callArgument(fn, expr, 0))) {
        DigestName d = digestFromText(ctx, *named);
        if (!d.name.empty()) return d;
      }
      return fromEntry(*entry);
    }
    case ExprKind::Name:
    case ExprKind::Attribute: {
      if (const KnowledgeEntry* entry = ctx.knowledge.match("hash_functions", nameOf(fn, expr))) return fromEntry(*entry);
      if (e.kind == ExprKind::Name) {
        ExprId value = ctx.constants().singleAssignment(fn, e.text);
        if (value != kNoExpr) return digestAt(ctx, fn, value, depth + 1);
      }
      ConstantValue v = ctx.constants().fold(fn, expr);
      if (v.kind == ConstantValue::Kind::String) return digestFromText(ctx, v.text);
      return {};
    }
    default:
      return {};
  }
}

DigestName digestNamed(RuleContext& ctx, FunctionId fn, ExprId expr) {
  if (fn >= ctx.program.functionCount()) return {};
  return digestAt(ctx, ctx.program.function(fn), expr, 0);
}

// The roles of what a hash object is fed: its constructor's data argument and, when it is
// held in a local, the arguments of that local's `.update()` calls.
static RoleSet hashInput(RuleContext& ctx, const Function& fn, ExprId call) {
  ValueRoles& roles = ctx.valueRoles();
  ExprId data = callArgument(fn, call, 0);
  if (stringLiteral(fn, data) && !digestFromText(ctx, *stringLiteral(fn, data)).name.empty()) data = callArgument(fn, call, 1);
  RoleSet input = data == kNoExpr ? RoleSet{} : roles.roles(fn.id, data);
  std::string holder;
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind == StmtKind::Assign && stmt.value == call && stmt.targets.size() == 1 &&
          fn.expr(stmt.targets[0]).kind == ExprKind::Name)
        holder = fn.expr(stmt.targets[0]).text;
    }
  }
  if (holder.empty()) return input;
  for (ExprId id = 0; id < fn.exprs.size(); ++id) {
    if (fn.expr(id).kind != ExprKind::Call) continue;
    ExprId object = methodObject(fn, id);
    if (object == kNoExpr || fn.expr(calleeOf(fn, id)).text != "update") continue;
    if (fn.expr(object).kind != ExprKind::Name || fn.expr(object).text != holder) continue;
    ExprId arg = callArgument(fn, id, 0);
    if (arg != kNoExpr) input |= roles.roles(fn.id, arg);
  }
  return input;
}

std::vector<WeakSignature> findWeakSignatures(RuleContext& ctx) {
  std::vector<WeakSignature> out;
  ValueRoles& roles = ctx.valueRoles();
  constexpr RoleSet kRequestData = RoleSet(ValueRole::Request) | RoleSet(ValueRole::Payload) | RoleSet(ValueRole::RawBody);
  for (FunctionId fnId = 0; fnId < ctx.program.functionCount(); ++fnId) {
    if (!ctx.owns(fnId)) continue;
    const Function& fn = ctx.program.function(fnId);
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      if (fn.expr(id).kind != ExprKind::Call) continue;
      if (roles.isMacCall(fn, id)) {
        ExprId digest = roles.digestArgument(fn, id);
        DigestName d = digest == kNoExpr ? DigestName{} : digestAt(ctx, fn, digest, 0);
        if (d.weak) out.push_back({WeakSignature::Kind::WeakDigest, fnId, id, d.name});
        continue;
      }
      if (!roles.isHashCall(fn, id)) continue;
      RoleSet input = hashInput(ctx, fn, id);
      if (input.any(kAnySecret) && input.any(kRequestData)) {
        out.push_back({WeakSignature::Kind::PlainKeyedHash, fnId, id, digestAt(ctx, fn, id, 0).name});
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// WH107

namespace {

// The literal's value as written, without prefix and quotes; empty when it spans lines.
std::string literalText(const Program& program, const Span& span) {
  if (!span.valid() || span.file >= program.sources.size() || span.endLine != span.line) return {};
  std::string_view line = program.sources.get(span.file).line(span.line);
  if (span.column == 0 || span.endColumn <= span.column || span.endColumn - 1 > line.size()) return {};
  std::string_view text = line.substr(span.column - 1, span.endColumn - span.column);
  size_t open = text.find_first_of("'\"");
  if (open == std::string_view::npos || text.size() < open + 2) return {};
  return std::string(text.substr(open + 1, text.size() - open - 2));
}

// "changeme", "<your secret>", "xxx": a value left for the deployer to fill in, no leak.
bool isPlaceholder(const Knowledge& knowledge, const Program& program, const LiteralSecret& l) {
  std::string text = literalText(program, l.literal);
  if (text.empty()) return false;
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return knowledge.matches("placeholder_secrets", text);
}

std::vector<HardcodedKey> hardcodedKeyCandidates(RuleContext& ctx) {
  std::vector<HardcodedKey> out;
  ValueRoles& roles = ctx.valueRoles();
  const ConfigSecretSources configured(ctx);
  for (FunctionId fnId = 0; fnId < ctx.program.functionCount(); ++fnId) {
    if (!ctx.owns(fnId)) continue;
    const Function& fn = ctx.program.function(fnId);
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      const Expr& e = fn.expr(id);
      if (e.kind == ExprKind::Call) {
        std::string api = calleeName(fn, id);
        ExprId key = roles.keyArgument(fn, id);
        if (key != kNoExpr) {
          for (const LiteralSecret& l : roles.literalOrigins(fnId, key)) out.push_back({fnId, id, api, l});
          for (const LiteralSecret& l : configured.literalsFor(fnId, key)) out.push_back({fnId, id, api, l});
          continue;
        }
        // A constant-time comparison of a request value with a shared token written in the code.
        const KnowledgeEntry* verifier = ctx.knowledge.match("verifiers", api);
        if (!verifier || attribute<std::string>(*verifier, "style", "") != "compare") continue;
        ExprId sides[2] = {callArgument(fn, id, 0), callArgument(fn, id, 1)};
        for (int i = 0; i < 2; ++i) {
          if (sides[0] == kNoExpr || sides[1] == kNoExpr) break;
          RoleSet mine = roles.roles(fnId, sides[i]);
          RoleSet other = roles.roles(fnId, sides[1 - i]);
          if (!mine.any(kAnySecret) || !other.any(ValueRole::SignatureHeader | ValueRole::Request)) continue;
          for (const LiteralSecret& l : roles.literalOrigins(fnId, sides[i])) out.push_back({fnId, id, api, l});
          for (const LiteralSecret& l : configured.literalsFor(fnId, sides[i])) out.push_back({fnId, id, api, l});
        }
      } else if (e.kind == ExprKind::Compare && e.args.size() == 2 && (e.text == "==" || e.text == "!=")) {
        for (int i = 0; i < 2; ++i) {
          RoleSet mine = roles.roles(fnId, e.args[i]);
          RoleSet other = roles.roles(fnId, e.args[1 - i]);
          if (!mine.any(kAnySecret) || !other.has(ValueRole::SignatureHeader)) continue;
          for (const LiteralSecret& l : roles.literalOrigins(fnId, e.args[i])) out.push_back({fnId, id, e.text, l});
          for (const LiteralSecret& l : configured.literalsFor(fnId, e.args[i])) out.push_back({fnId, id, e.text, l});
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<HardcodedKey> findHardcodedKeys(RuleContext& ctx) {
  std::vector<HardcodedKey> out = hardcodedKeyCandidates(ctx);
  std::erase_if(out, [&](const HardcodedKey& k) { return isPlaceholder(ctx.knowledge, ctx.program, k.literal); });
  return out;
}

}  // namespace hg
