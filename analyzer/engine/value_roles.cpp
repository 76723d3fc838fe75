#include "engine/value_roles.h"

#include <algorithm>
#include <cctype>

#include "engine/expr_walk.h"

namespace hg {

namespace {

// A function reading the same value many times in a row is re-run once when that value changes.
void addReader(std::vector<FunctionId>& readers, FunctionId reader) {
  if (readers.empty() || readers.back() != reader) readers.push_back(reader);
}

// Expression nesting the evaluator follows; deeper input is treated as unknown rather than
// walked (hostile files nest thousands of levels).
constexpr int kMaxDepth = 48;
// Rounds of the program-wide fixpoint; roles only grow, so this bounds hostile chains only.
constexpr int kMaxRounds = 12;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Splits an identifier or configuration key into lower-case words: "GITHUB_WEBHOOK_SECRET",
// "signingSecret", "webhook-secret" -> {github, webhook, secret}, {signing, secret}, ...
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool boundary = !std::isalnum(c);
    bool camel = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
    if ((boundary || camel) && !cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    if (!boundary) cur.push_back(static_cast<char>(std::tolower(c)));
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::pair<std::string, std::string> splitOwner(const std::string& qualified) {
  size_t dot = qualified.rfind('.');
  size_t colons = qualified.rfind("::");
  if (colons != std::string::npos && (dot == std::string::npos || colons + 1 > dot))
    return {qualified.substr(0, colons), qualified.substr(colons + 2)};
  if (dot == std::string::npos) return {"", qualified};
  return {qualified.substr(0, dot), qualified.substr(dot + 1)};
}

bool isSelfName(const std::string& name) { return name == "self" || name == "cls" || name == "this"; }

// An attribute of a knowledge entry; a bare-string entry has none.
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

}  // namespace

std::string describeRoles(RoleSet roles) {
  static const std::pair<ValueRole, const char*> kNames[] = {
      {ValueRole::Request, "request data"},   {ValueRole::RawBody, "raw body"},
      {ValueRole::ParsedBody, "parsed body"}, {ValueRole::Reencoded, "re-encoded body"},
      {ValueRole::HeaderMap, "headers"},      {ValueRole::SignatureHeader, "signature header"},
      {ValueRole::Timestamp, "timestamp"},    {ValueRole::Mac, "mac"},
      {ValueRole::Digest, "digest"},          {ValueRole::Secret, "secret"},
      {ValueRole::Payload, "payload"},        {ValueRole::SecretConstant, "secret constant"},
      {ValueRole::PasswordHash, "password hash"},
  };
  std::string out;
  for (const auto& [role, name] : kNames) {
    if (!roles.has(role)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "nothing" : out;
}

ValueRoles::ValueRoles(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests,
                       const CallResolver& calls, const ConstantFolder& constants)
    : program_(program), knowledge_(knowledge), requests_(&requests), calls_(calls), constants_(&constants) {}

ValueRoles::ValueRoles(const ValueRoles& computed, RequestUseAnalysis& requests, const ConstantFolder& constants)
    : ValueRoles(computed) {
  requests_ = &requests;
  constants_ = &constants;
}

void ValueRoles::precompute() { compute(); }

bool isSignatureEquality(RoleSet a, RoleSet b) {
  auto oneSide = [](RoleSet x, RoleSet y) {
    if (x.has(ValueRole::Mac) || x.has(ValueRole::PasswordHash)) return true;
    // A header against a value read from the request is two parts of one request.
    if (x.has(ValueRole::SignatureHeader) && (y.any(ValueRole::Mac | ValueRole::Digest | kAnySecret) || !y.has(ValueRole::Request)))
      return true;
    // A configured secret against a value that is not another secret; an unknown value
    // counts (a helper's parameter no scanned caller binds).
    if (x.has(ValueRole::Secret) && (y.empty() || !y.without(kAnySecret).empty())) return true;
    if (x.has(ValueRole::SecretConstant) && y.any(ValueRole::Request | ValueRole::SignatureHeader)) return true;
    return false;
  };
  return oneSide(a, b) || oneSide(b, a);
}

bool ValueRoles::isSecretName(std::string_view name) const {
  std::vector<std::string> parts = words(name);
  if (parts.empty()) return false;
  std::string whole = lower(name);
  // A public key, however named, is meant to be published.
  for (const KnowledgeEntry& e : knowledge_.entries("public_words")) {
    for (const std::string& part : parts) {
      if (part == lower(e.pattern)) return false;
    }
  }
  // "SECRET_NAME", "API_KEY_ID", "TOKEN_URL" name where a secret is, not the secret.
  for (const KnowledgeEntry& e : knowledge_.entries("secret_word_exclusions")) {
    if (lower(e.pattern) == parts.back()) return false;
  }
  for (const KnowledgeEntry& e : knowledge_.entries("secret_words")) {
    std::string word = lower(e.pattern);
    if (word.find('*') != std::string::npos) {
      if (globMatch(word, whole)) return true;
      continue;
    }
    for (const std::string& part : parts) {
      // A plural names a collection of them ("API_KEYS", "ISSUED_TOKENS").
      if (part == word || part == word + "s") return true;
    }
    // Long words also inside a run-together name ("webhooksecret"); short ones ("key") would
    // match "monkey" and "keyboard".
    if (word.size() >= 5 && whole.find(word) != std::string::npos) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Knowledge-driven call classification

ExprId ValueRoles::entryArgument(const Function& fn, ExprId call, std::string_view category, const char* argKey,
                                 const char* kwKey) const {
  const KnowledgeEntry* entry = knowledge_.match(category, calleeName(fn, call));
  if (!entry) return kNoExpr;
  const nlohmann::json& a = entry->attributes;
  std::string keyword = a.contains(kwKey) && a[kwKey].is_string() ? a[kwKey].get<std::string>() : std::string();
  if (a.contains(argKey) && a[argKey].is_number_integer()) {
    int index = a[argKey].get<int>();
    if (index >= 0) return callArgument(fn, call, static_cast<size_t>(index), keyword);
  }
  if (!keyword.empty()) return callArgument(fn, call, SIZE_MAX, keyword);
  return kNoExpr;
}

ExprId ValueRoles::keyArgument(const Function& fn, ExprId call) const {
  ExprId key = entryArgument(fn, call, "mac_functions", "key_arg", "key_kw");
  if (key == kNoExpr) key = entryArgument(fn, call, "verifier_arguments", "key_arg", "key_kw");
  return key;
}

ExprId ValueRoles::messageArgument(const Function& fn, ExprId call) const {
  ExprId message = entryArgument(fn, call, "mac_functions", "message_arg", "message_kw");
  if (message == kNoExpr) message = entryArgument(fn, call, "verifier_arguments", "payload_arg", "payload_kw");
  return message;
}

ExprId ValueRoles::digestArgument(const Function& fn, ExprId call) const {
  return entryArgument(fn, call, "mac_functions", "digest_arg", "digest_kw");
}

bool ValueRoles::isMacCall(const Function& fn, ExprId call) const {
  return fn.expr(call).kind == ExprKind::Call && knowledge_.matches("mac_functions", calleeName(fn, call));
}

bool ValueRoles::isHashCall(const Function& fn, ExprId call) const {
  return fn.expr(call).kind == ExprKind::Call && knowledge_.matches("hash_functions", calleeName(fn, call));
}

// The name a transform entry is matched against: the callee's name, or "?.method" for a
// method called on a value the front-end could not name (`compute().hexdigest()`).
static std::string transformName(const Function& fn, ExprId call) {
  std::string name = calleeName(fn, call);
  if (!name.empty()) return name;
  ExprId callee = calleeOf(fn, call);
  if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute) return "?." + fn.expr(callee).text;
  return "";
}

// The value a call entry works on: the object of a method (`"from": "object"`) or
// positional argument `"arg"` (default 0).
static ExprId entrySubject(const Function& fn, ExprId call, const KnowledgeEntry& entry) {
  ExprId callee = calleeOf(fn, call);
  if (attribute<std::string>(entry, "from", "") == "object") {
    if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Attribute || fn.expr(callee).args.empty()) return kNoExpr;
    return fn.expr(callee).args[0];
  }
  int index = attribute<int>(entry, "arg", 0);
  return callArgument(fn, call, static_cast<size_t>(std::max(index, 0)));
}

// The expression whose roles a transform call passes on, or kNoExpr when `call` is not one.
static ExprId transformSource(const Function& fn, ExprId call, const Knowledge& knowledge) {
  const KnowledgeEntry* entry = knowledge.match("value_transforms", transformName(fn, call));
  return entry ? entrySubject(fn, call, *entry) : kNoExpr;
}

ExprId ValueRoles::transformedOperand(const Function& fn, ExprId call) const {
  return fn.expr(call).kind == ExprKind::Call ? transformSource(fn, call, knowledge_) : kNoExpr;
}

// ---------------------------------------------------------------------------------------------
// Variable keys

std::string ValueRoles::scopeKey(FunctionId scope, const std::string& name) const {
  const Function& f = program_.function(scope);
  if (const Module* m = program_.moduleOf(f.file); m && m->body == scope) return m->name + "." + name;
  auto cls = classOfBody_.find(scope);
  if (cls != classOfBody_.end()) return cls->second + "." + name;
  std::string owner = f.qualified.empty() ? "#" + std::to_string(scope) : f.qualified;
  return owner + ".<locals>." + name;
}

std::string ValueRoles::parameterKey(FunctionId fn, size_t index) const {
  return scopeKey(fn, program_.function(fn).params[index].name);
}

bool ValueRoles::isKnownKey(const std::string& key) const {
  noteKeyRead(key);
  return assignments_.count(key) != 0 || parameters_.count(key) != 0 || variables_.count(key) != 0;
}

std::string ValueRoles::keyOfName(const Function& fn, const Expr& name) const {
  if (!name.binding.empty()) return name.binding;
  // Front-ends that record no binding: the innermost function binding the name, then the
  // module body, then an import.
  const Function* f = &fn;
  for (int hops = 0; f && hops < 32; ++hops) {
    if (f->id < bound_.size() && bound_[f->id].count(name.text)) return scopeKey(f->id, name.text);
    f = f->parent != kNoFunction && f->parent < program_.functionCount() ? &program_.function(f->parent) : nullptr;
  }
  if (const Module* m = program_.moduleOf(fn.file)) {
    if (m->body < bound_.size() && bound_[m->body].count(name.text)) return scopeKey(m->body, name.text);
    for (const Import& imp : m->imports) {
      if (imp.localName == name.text) return imp.target;
    }
  }
  return "";
}

std::string ValueRoles::keyOfQualified(const std::string& qualified, int depth) const {
  if (depth > kMaxDepth || qualified.empty()) return "";
  if (isKnownKey(qualified)) return qualified;
  auto [owner, attr] = splitOwner(qualified);
  if (owner.empty() || attr.empty()) return "";
  if (owner.size() > 2 && owner.ends_with("()")) {
    owner.resize(owner.size() - 2);
    if (isKnownKey(owner + "." + attr)) return owner + "." + attr;
  }
  if (const ClassDef* cls = program_.findClass(owner)) {
    for (const std::string& base : cls->bases) {
      if (base == owner) continue;
      std::string k = keyOfQualified(base + "." + attr, depth + 1);
      if (!k.empty()) return k;
    }
    return "";
  }
  if (const Module* m = program_.findModule(owner)) {
    for (const Import& imp : m->imports) {
      if (imp.localName == attr && imp.target != qualified) return keyOfQualified(imp.target, depth + 1);
    }
  }
  return "";
}

std::string ValueRoles::enclosingClass(const Function& fn) const {
  const Function* f = &fn;
  for (int hops = 0; f && hops < 8; ++hops) {
    if (!f->classQualified.empty()) return f->classQualified;
    f = f->parent != kNoFunction && f->parent < program_.functionCount() ? &program_.function(f->parent) : nullptr;
  }
  return "";
}

std::string ValueRoles::targetKey(const Function& fn, ExprId target) const {
  if (target == kNoExpr || target >= fn.exprs.size()) return "";
  const Expr& t = fn.expr(target);
  if (t.kind == ExprKind::Name) return keyOfName(fn, t);
  if (t.kind == ExprKind::Attribute && !t.args.empty()) {
    const Expr& object = fn.expr(t.args[0]);
    if (object.kind == ExprKind::Name && isSelfName(object.text)) {
      std::string cls = enclosingClass(fn);
      return cls.empty() ? "" : cls + "." + t.text;
    }
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Evaluation

RoleSet ValueRoles::headerRoles(const std::string& header) const {
  RoleSet out = ValueRole::Request;
  if (header.empty()) return out;
  // Signature headers and headers carrying a shared token are both the proof a sender sends.
  for (std::string_view category : {"signature_headers", "token_headers"}) {
    for (const KnowledgeEntry& h : knowledge_.entries(category)) {
      if (globMatch(lower(h.pattern), header)) out |= ValueRole::SignatureHeader;
    }
  }
  for (const KnowledgeEntry& h : knowledge_.entries("timestamp_headers")) {
    if (globMatch(lower(h.pattern), header)) out |= ValueRole::Timestamp;
  }
  return out;
}

RoleSet ValueRoles::requestRoles(const Function& fn, ExprId id) {
  const Expr& e = fn.expr(id);
  std::string qualified = e.qualified;
  bool part = false;  // a field or one header, not the whole source
  if (e.kind == ExprKind::Subscript) {
    if (e.args.empty()) return {};
    qualified = fn.expr(e.args[0]).qualified;
    part = true;
  }
  if (qualified.empty()) return {};
  const KnowledgeEntry* entry = nullptr;
  size_t level = 0;  // how many chain components beyond the matched source
  for (const std::string& prefix : qualifiedPrefixes(qualified)) {
    entry = knowledge_.match("request_sources", prefix);
    if (entry) break;
    ++level;
  }
  if (!entry) return {};
  part = part || level > 0;
  RoleSet roles = ValueRole::Request;
  RequestDataKind kind = requestDataKindFromName(attribute<std::string>(*entry, "kind", "other"));
  switch (kind) {
    case RequestDataKind::RawBody:
    case RequestDataKind::Stream:
      roles |= ValueRole::Payload;
      if (!part) roles |= ValueRole::RawBody;
      break;
    case RequestDataKind::Json:
    case RequestDataKind::Form:
      roles |= ValueRole::Payload;
      if (!part) roles |= ValueRole::ParsedBody;
      break;
    case RequestDataKind::Headers: {
      // One header: `headers["X"]`, `headers.get("X")` (one component past the mapping), or a
      // source that takes a header name itself (`get_header_value("X")`). Anything longer is a
      // method of a header value whose arguments name no header.
      bool oneHeader = (e.kind == ExprKind::Subscript && level == 0) ||
                       (e.kind == ExprKind::Call && level <= 1);
      std::string header = oneHeader ? headerNameOf(fn.id, id) : std::string();
      if (header.empty()) {
        if (!part) roles |= ValueRole::HeaderMap;
        break;
      }
      roles |= headerRoles(header);
      break;
    }
    default:
      break;
  }
  return roles;
}

std::string ValueRoles::headerNameOf(FunctionId fnId, ExprId id) {
  if (fnId >= program_.functionCount()) return "";
  const Function& fn = program_.function(fnId);
  if (id >= fn.exprs.size()) return "";
  const Expr& e = fn.expr(id);
  ExprId nameExpr = kNoExpr;
  if (e.kind == ExprKind::Call) {
    nameExpr = callArgument(fn, id, 0);
  } else if (e.kind == ExprKind::Subscript && e.args.size() > 1) {
    nameExpr = e.args[1];
  }
  if (nameExpr == kNoExpr) return "";
  // `request.headers.get(SIGNATURE_HEADER)` names the header through a constant.
  ConstantValue v = constants_->fold(fn, nameExpr);
  if (v.kind != ConstantValue::Kind::String || v.text.empty()) return "";
  return normalizeHeaderName(v.text);
}

bool ValueRoles::isSecretSourceRead(const Function& fn, ExprId id) {
  const Expr& e = fn.expr(id);
  ExprId container = kNoExpr;
  std::string key;
  if (e.kind == ExprKind::Subscript && e.args.size() > 1) {
    container = e.args[0];
    ConstantValue v = constants_->fold(fn, e.args[1]);
    if (v.kind == ConstantValue::Kind::String) key = v.text;
  } else if (e.kind == ExprKind::Attribute && !e.args.empty()) {
    container = e.args[0];
    key = e.text;
  } else if (e.kind == ExprKind::Call) {
    if (!knowledge_.matches("secret_sources", calleeName(fn, id))) return false;
    ExprId arg = callArgument(fn, id, 0);
    if (arg == kNoExpr) return false;
    ConstantValue v = constants_->fold(fn, arg);
    return v.kind == ConstantValue::Kind::String && isSecretName(v.text);
  }
  if (container == kNoExpr || key.empty()) return false;
  return knowledge_.matches("secret_sources", nameOf(fn, container)) && isSecretName(key);
}

RoleSet ValueRoles::eval(const Function& fn, ExprId id, int depth) {
  if (depth > kMaxDepth || id == kNoExpr || id >= fn.exprs.size()) return {};
  const Expr& e = fn.expr(id);
  switch (e.kind) {
    case ExprKind::Name: return evalName(fn, e, depth);
    case ExprKind::Attribute: return evalAttribute(fn, id, depth);
    case ExprKind::Subscript: return evalSubscript(fn, id, depth);
    case ExprKind::Call: return evalCall(fn, id, depth);
    case ExprKind::Await:
      return e.args.empty() ? RoleSet{} : eval(fn, e.args[0], depth + 1);
    case ExprKind::Conditional: {
      RoleSet r;
      if (e.args.size() > 0) r |= eval(fn, e.args[0], depth + 1);
      if (e.args.size() > 2) r |= eval(fn, e.args[2], depth + 1);
      return r;
    }
    case ExprKind::BinaryOp:
    case ExprKind::BoolOp:
    case ExprKind::FormatString:
    case ExprKind::Container: {
      // Concatenation, interpolation and collections carry every part: `secret + body` is
      // both; `f"v0:{ts}:{body}"` holds the timestamp and the body.
      RoleSet r;
      for (ExprId sub : e.args) r |= eval(fn, sub, depth + 1);
      // A string built from a whole body is a re-encoding of it, not the body as sent.
      if (e.kind == ExprKind::FormatString && r.has(ValueRole::ParsedBody)) r |= ValueRole::Reencoded;
      return r.without(ValueRole::HeaderMap);
    }
    case ExprKind::Comprehension:
      return e.args.empty() ? RoleSet{} : eval(fn, e.args[0], depth + 1);
    default:
      return {};
  }
}

RoleSet ValueRoles::evalName(const Function& fn, const Expr& e, int depth) {
  std::string key = keyOfName(fn, e);
  if (context_ && context_->function == fn.id) {
    if (std::optional<RoleSet> bound = contextVariable(key, e.text)) return *bound;
  }
  if (!key.empty() && isKnownKey(key)) return variableRoles(key);
  RoleSet r;
  if (!e.qualified.empty()) {
    r |= qualifiedRoles(e.qualified, depth + 1);
    for (const std::string& prefix : qualifiedPrefixes(e.qualified)) {
      if (knowledge_.matches("request_sources", prefix)) {
        r |= ValueRole::Request;
        break;
      }
    }
  }
  return r;
}

RoleSet ValueRoles::qualifiedRoles(const std::string& qualified, int depth) {
  std::string key = keyOfQualified(qualified, depth);
  if (!key.empty()) return variableRoles(key);
  return {};
}

RoleSet ValueRoles::classAttributeRoles(const std::string& classQualified, const std::string& attr, int depth) {
  if (depth > kMaxDepth) return {};
  RoleSet r = variableRoles(classQualified + "." + attr);
  if (const ClassDef* cls = program_.findClass(classQualified)) {
    for (const std::string& base : cls->bases) {
      if (base != classQualified) r |= classAttributeRoles(base, attr, depth + 1);
    }
  }
  return r;
}

RoleSet ValueRoles::evalAttribute(const Function& fn, ExprId id, int depth) {
  const Expr& e = fn.expr(id);
  RoleSet r = requestRoles(fn, id);
  if (!r.empty()) return r;
  if (!e.args.empty()) {
    const Expr& object = fn.expr(e.args[0]);
    if (object.kind == ExprKind::Name && isSelfName(object.text)) {
      std::string cls = enclosingClass(fn);
      if (!cls.empty()) return classAttributeRoles(cls, e.text, depth + 1);
    }
  }
  if (isSecretSourceRead(fn, id)) return ValueRole::Secret;
  if (!e.qualified.empty()) {
    r = qualifiedRoles(e.qualified, depth + 1);
    if (!r.empty()) return r;
  }
  if (e.args.empty()) return {};
  // A field of request data is request data; a field of a parsed body is not the whole body.
  RoleSet object = eval(fn, e.args[0], depth + 1);
  return object & (ValueRole::Request | ValueRole::Payload);
}

RoleSet ValueRoles::evalSubscript(const Function& fn, ExprId id, int depth) {
  const Expr& e = fn.expr(id);
  RoleSet r = requestRoles(fn, id);
  if (!r.empty()) return r;
  if (isSecretSourceRead(fn, id)) return ValueRole::Secret;
  if (e.args.empty()) return {};
  RoleSet object = eval(fn, e.args[0], depth + 1);
  if (object.has(ValueRole::HeaderMap)) {
    // `headers = request.headers; headers["X-Hub-Signature-256"]`
    return headerRoles(headerNameOf(fn.id, id));
  }
  // An element of a split signature header is still the signature (`parts[1]`); an element of
  // a parsed body is a field, not the body.
  return object.without(ValueRole::ParsedBody | ValueRole::RawBody).without(ValueRole::HeaderMap);
}

RoleSet ValueRoles::evalCall(const Function& fn, ExprId id, int depth) {
  std::string callee = calleeName(fn, id);
  if (!callee.empty() && knowledge_.matches("mac_functions", callee)) return ValueRole::Mac;
  if (!callee.empty() && knowledge_.matches("password_hash_functions", callee)) return ValueRole::PasswordHash;
  if (!callee.empty() && knowledge_.matches("hash_functions", callee)) {
    // A hash over a secret is a keyed hash, a (weak) MAC: comparing it leaks as much. WH106
    // reports the construction itself.
    const Expr& e = fn.expr(id);
    for (size_t k = 1; k < e.args.size(); ++k) {
      if (eval(fn, e.args[k], depth + 1).any(kAnySecret)) return ValueRole::Digest | ValueRole::Mac;
    }
    return ValueRole::Digest;
  }

  // A method of the project's own that shares a library transform's name (`self.digest()`)
  // is judged by its body, further down.
  ExprId source = transformSource(fn, id, knowledge_);
  if (source != kNoExpr && calls_.resolveCall(fn, id) == kNoFunction) return eval(fn, source, depth + 1);

  RoleSet r = requestRoles(fn, id);
  if (!r.empty()) return r;

  if (const KnowledgeEntry* parser = knowledge_.match("body_parsers", callee)) {
    RoleSet arg = eval(fn, entrySubject(fn, id, *parser), depth + 1);
    if (arg.any(ValueRole::Request | ValueRole::RawBody))
      return ValueRole::Request | ValueRole::ParsedBody | RoleSet(ValueRole::Payload);
    return {};
  }
  if (const KnowledgeEntry* serializer = knowledge_.match("body_serializers", callee)) {
    RoleSet arg = eval(fn, entrySubject(fn, id, *serializer), depth + 1);
    if (arg.has(ValueRole::ParsedBody)) return ValueRole::Request | ValueRole::Reencoded | RoleSet(ValueRole::Payload);
    return arg & (ValueRole::Request | ValueRole::Payload);
  }
  if (isSecretSourceRead(fn, id)) return ValueRole::Secret;

  FunctionId target = calls_.resolveCall(fn, id);
  if (target != kNoFunction && target < returns_.size()) return callResult(fn, id, target);

  ExprId calleeExpr = calleeOf(fn, id);
  if (calleeExpr != kNoExpr && fn.expr(calleeExpr).kind == ExprKind::Attribute && !fn.expr(calleeExpr).args.empty()) {
    RoleSet object = eval(fn, fn.expr(calleeExpr).args[0], depth + 1);
    // `headers.get("X-Hub-Signature-256")` on a header mapping held in a local.
    if (object.has(ValueRole::HeaderMap)) return headerRoles(headerNameOf(fn.id, id));
    // Any other method of request data (`data.get("id")`) yields request data.
    return object & (ValueRole::Request | ValueRole::Payload);
  }
  return {};
}

RoleSet ValueRoles::variableRoles(const std::string& key) {
  compute();
  noteKeyRead(key);
  auto it = variables_.find(key);
  return it == variables_.end() ? RoleSet{} : it->second;
}

RoleSet ValueRoles::variableRoles(FunctionId fn, const std::string& name) {
  compute();
  if (fn >= program_.functionCount()) return {};
  Expr probe;
  probe.kind = ExprKind::Name;
  probe.text = name;
  return variableRoles(keyOfName(program_.function(fn), probe));
}

RoleSet ValueRoles::roles(FunctionId fn, ExprId expr) {
  compute();
  if (fn >= program_.functionCount()) return {};
  return eval(program_.function(fn), expr, 0);
}

RoleSet ValueRoles::returnRoles(FunctionId fn) {
  compute();
  if (fn >= returns_.size()) return {};
  if (!returnDependsOnArguments(fn)) return returns_[fn];
  return evalInContext(fn, std::vector<RoleSet>(program_.function(fn).params.size()));
}

// ---------------------------------------------------------------------------------------------
// Helper returns per call site

// The argument a call site binds to parameter `index` of `callee`, or kNoExpr.
static ExprId argumentForParameter(const Program& program, const Function& caller, ExprId call, FunctionId calleeId,
                                   size_t index) {
  const Function& callee = program.function(calleeId);
  if (index >= callee.params.size()) return kNoExpr;
  const Parameter& param = callee.params[index];
  if (param.isVariadic || param.isKeywordVariadic) return kNoExpr;
  // A method called on an object binds its receiver to the first parameter.
  size_t offset = 0;
  ExprId calleeExpr = calleeOf(caller, call);
  if (!callee.classQualified.empty() && !callee.params.empty() && isSelfName(callee.params[0].name) &&
      calleeExpr != kNoExpr && caller.expr(calleeExpr).kind == ExprKind::Attribute) {
    offset = 1;
  }
  if (index < offset) return kNoExpr;
  ExprId byKeyword = callArgument(caller, call, SIZE_MAX, param.name);
  if (byKeyword != kNoExpr) return byKeyword;
  return callArgument(caller, call, index - offset);
}

namespace {

// Calls nested this deep inside evaluated helpers fall back to the union over all call sites.
constexpr int kMaxContextDepth = 4;

// Every Name mentioned in `root`, lambdas and comprehensions included.
void namesIn(const Function& fn, ExprId root, std::vector<std::string>& out) {
  if (root == kNoExpr || root >= fn.exprs.size()) return;
  walkExpr(fn, root, [&](ExprId id) {
    if (fn.expr(id).kind == ExprKind::Name) out.push_back(fn.expr(id).text);
    return true;
  });
}

}  // namespace

// Which parameters a function's return values can derive from, through its locals: a call of a
// helper whose return mentions none of them needs no evaluation of its own.
void ValueRoles::indexReturnParameters(FunctionId id) {
  const Function& fn = program_.function(id);
  std::map<std::string, std::vector<ExprId>> assigned;
  std::vector<std::string> todo;
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind == StmtKind::Return) namesIn(fn, stmt.value, todo);
      if (stmt.kind != StmtKind::Assign || stmt.value == kNoExpr) continue;
      std::vector<std::string> targets;
      for (ExprId target : stmt.targets) namesIn(fn, target, targets);
      for (const std::string& t : targets) assigned[t].push_back(stmt.value);
    }
  }
  std::vector<char>& flows = returnParameters_[id];
  flows.assign(fn.params.size(), 0);
  std::set<std::string> visited;
  while (!todo.empty()) {
    std::string name = std::move(todo.back());
    todo.pop_back();
    if (!visited.insert(name).second) continue;
    for (size_t i = 0; i < fn.params.size(); ++i) {
      if (fn.params[i].name == name) flows[i] = 1;
    }
    auto it = assigned.find(name);
    if (it == assigned.end()) continue;
    for (ExprId value : it->second) namesIn(fn, value, todo);
  }
  bool body = classOfBody_.count(id) != 0 || fn.name == "<module>";
  bool dependent = !body && std::find(flows.begin(), flows.end(), 1) != flows.end();
  returnDependent_[id] = dependent ? kDependent : kIndependent;
}

// Indexed on the first call that reaches the function: most functions are never called.
bool ValueRoles::returnDependsOnArguments(FunctionId fn) {
  if (returnDependent_[fn] == kUnindexed) indexReturnParameters(fn);
  return returnDependent_[fn] == kDependent;
}

void ValueRoles::noteReturnRead(FunctionId callee) {
  if (propagating_ == kNoFunction) return;
  addReader(returnReaders_[callee], propagating_);
}

bool ValueRoles::onContextChain(FunctionId fn) const {
  for (const CallContext* c = context_; c; c = c->outer) {
    if (c->function == fn) return true;
  }
  return false;
}

RoleSet ValueRoles::callResult(const Function& caller, ExprId call, FunctionId callee) {
  int depth = context_ ? context_->depth + 1 : 0;
  if (depth >= kMaxContextDepth || !returnDependsOnArguments(callee) || onContextChain(callee)) {
    noteReturnRead(callee);
    return returns_[callee];
  }
  const std::vector<char>& flows = returnParameters_[callee];
  std::vector<RoleSet> arguments(flows.size());
  for (size_t i = 0; i < flows.size(); ++i) {
    if (!flows[i]) continue;
    ExprId arg = argumentForParameter(program_, caller, call, callee, i);
    if (arg != kNoExpr) arguments[i] = eval(caller, arg, 0);
  }
  return evalInContext(callee, std::move(arguments));
}

// A result stays valid while no role changes. During the fixpoint it is reused only by the
// function that computed it: the variables read on the way were noted as that function's inputs.
RoleSet ValueRoles::evalInContext(FunctionId callee, std::vector<RoleSet> arguments) {
  int depth = context_ ? context_->depth + 1 : 0;
  std::vector<uint32_t> bits;
  bits.reserve(arguments.size());
  for (RoleSet r : arguments) bits.push_back(r.bits());
  auto key = std::make_pair(callee, std::move(bits));
  auto found = tabulated_.find(key);
  if (found != tabulated_.end()) {
    const Tabulated& t = found->second;
    bool sameReader = propagating_ == kNoFunction || t.reader == propagating_;
    if (t.generation == generation_ && sameReader && t.depth <= depth) return t.roles;
  }
  CallContext context{callee, std::move(arguments), context_, depth};
  RoleSet result = returnUnder(context);
  tabulated_[std::move(key)] = Tabulated{result, generation_, propagating_, depth};
  return result;
}

RoleSet ValueRoles::returnUnder(const CallContext& context) {
  const CallContext* saved = context_;
  context_ = &context;
  const Function& fn = program_.function(context.function);
  RoleSet out;
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind == StmtKind::Return && stmt.value != kNoExpr) out |= eval(fn, stmt.value, 0);
    }
  }
  context_ = saved;
  return out;
}

// A parameter or local of the helper being evaluated for one call, else nullopt. A variable
// used as a MAC key is a secret whatever the call passes.
std::optional<RoleSet> ValueRoles::contextVariable(const std::string& key, const std::string& name) {
  if (key.empty() || key != scopeKey(context_->function, name)) return std::nullopt;
  noteKeyRead(key);
  RoleSet out = markedKeys_.count(key) ? RoleSet(ValueRole::Secret) : RoleSet{};
  auto param = parameters_.find(key);
  if (param != parameters_.end() && param->second.function == context_->function) {
    auto intrinsic = parameterRoles_.find(key);
    if (intrinsic != parameterRoles_.end()) out |= intrinsic->second;
    if (param->second.index < context_->arguments.size()) out |= context_->arguments[param->second.index];
    return out;
  }
  auto assigned = assignments_.find(key);
  if (assigned == assignments_.end()) return std::nullopt;
  // `buf = buf + part`: the cycle contributes what its other assignments do.
  if (!inProgress_.insert(key).second) return out;
  for (const Assignment& a : assigned->second) {
    if (a.value != kNoExpr) out |= eval(program_.function(a.function), a.value, 0);
  }
  inProgress_.erase(key);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The program-wide fixpoint

void ValueRoles::noteKeyRead(const std::string& key) const {
  if (propagating_ == kNoFunction) return;
  addReader(keyReaders_[key], propagating_);
}

void ValueRoles::keyChanged(const std::string& key) {
  auto it = keyReaders_.find(key);
  if (it == keyReaders_.end()) return;
  for (FunctionId reader : it->second) dirty_[reader] = 1;
}

bool ValueRoles::addRoles(const std::string& key, RoleSet roles) {
  if (key.empty() || roles.empty()) return false;
  RoleSet& slot = variables_[key];
  RoleSet before = slot;
  slot |= roles;
  if (slot == before) return false;
  ++generation_;
  keyChanged(key);
  return true;
}

bool ValueRoles::assignTarget(const Function& fn, ExprId target, RoleSet roles, int depth) {
  if (depth > 16 || target == kNoExpr || target >= fn.exprs.size()) return false;
  const Expr& t = fn.expr(target);
  if (t.kind == ExprKind::Container) {
    // `scheme, sig = header.split("=")`: each element gets the value's roles.
    bool changed = false;
    for (ExprId sub : t.args) changed |= assignTarget(fn, sub, roles, depth + 1);
    return changed;
  }
  return addRoles(targetKey(fn, target), roles);
}

bool ValueRoles::bindArguments(const Function& fn, ExprId call, FunctionId callee) {
  bool changed = false;
  const Function& target = program_.function(callee);
  for (size_t i = 0; i < target.params.size(); ++i) {
    ExprId arg = argumentForParameter(program_, fn, call, callee, i);
    if (arg == kNoExpr) continue;
    changed |= addRoles(parameterKey(callee, i), eval(fn, arg, 0));
  }
  return changed;
}

bool ValueRoles::markKeyAsSecret(const Function& fn, ExprId key, int depth) {
  if (depth > 8 || key == kNoExpr || key >= fn.exprs.size()) return false;
  key = stripAwait(fn, key);
  const Expr& k = fn.expr(key);
  switch (k.kind) {
    case ExprKind::Name: {
      std::string name = keyOfName(fn, k);
      // A helper evaluated for one call reads the mark, not the union of its callers' values.
      if (!name.empty() && markedKeys_.insert(name).second) {
        ++generation_;
        keyChanged(name);
      }
      bool changed = addRoles(name, ValueRole::Secret);
      // A helper's key parameter: what its callers pass is the key too.
      auto param = parameters_.find(name);
      if (changed && param != parameters_.end()) {
        auto sites = callSites_.find(param->second.function);
        if (sites != callSites_.end()) {
          for (const auto& [caller, call] : sites->second) {
            const Function& callerFn = program_.function(caller);
            ExprId arg = argumentForParameter(program_, callerFn, call, param->second.function, param->second.index);
            if (arg != kNoExpr) markKeyAsSecret(callerFn, arg, depth + 1);
          }
        }
      }
      return changed;
    }
    case ExprKind::Attribute: {
      std::string target = targetKey(fn, key);
      if (target.empty()) target = keyOfQualified(k.qualified, 0);
      return addRoles(target, ValueRole::Secret);
    }
    case ExprKind::Call: {
      ExprId source = transformSource(fn, key, knowledge_);
      return source != kNoExpr && markKeyAsSecret(fn, source, depth + 1);
    }
    default:
      return false;
  }
}

bool ValueRoles::propagate(FunctionId fnId) {
  const Function& fn = program_.function(fnId);
  bool changed = false;
  auto visitCalls = [&](ExprId root) {
    for (ExprId call : callsIn(fn, root)) {
      FunctionId callee = calls_.resolveCall(fn, call);
      if (callee != kNoFunction && callee < program_.functionCount()) changed |= bindArguments(fn, call, callee);
      ExprId key = keyArgument(fn, call);
      if (key != kNoExpr) changed |= markKeyAsSecret(fn, key, 0);
    }
  };
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind == StmtKind::Assign && stmt.value != kNoExpr) {
        RoleSet value = eval(fn, stmt.value, 0);
        // A configuration constant named as a secret may hold one, even as a literal; a
        // function's local literal (`token = " * [would prune] "`) is a marker, not a credential.
        const Expr& v = fn.expr(stmt.value);
        bool literal = v.kind == ExprKind::Literal && (v.literal == LiteralKind::String || v.literal == LiteralKind::Bytes) &&
                       !v.text.empty();
        bool constantScope = fn.name == "<module>" || fn.name == "<class>" || fn.qualified.ends_with(".<class>");
        for (ExprId target : stmt.targets) {
          RoleSet roles = value;
          if (literal && constantScope && target < fn.exprs.size() && fn.expr(target).kind == ExprKind::Name &&
              isSecretName(fn.expr(target).text))
            roles |= ValueRole::SecretConstant;
          changed |= assignTarget(fn, target, roles, 0);
        }
      } else if (stmt.kind == StmtKind::Return && stmt.value != kNoExpr) {
        RoleSet r = eval(fn, stmt.value, 0);
        if ((returns_[fnId] | r) != returns_[fnId]) {
          returns_[fnId] |= r;
          ++generation_;
          changed = true;
          for (FunctionId reader : returnReaders_[fnId]) dirty_[reader] = 1;
        }
      }
      for (ExprId root : stmtRoots(stmt)) visitCalls(root);
    }
    if (block.condition != kNoExpr) visitCalls(block.condition);
  }
  return changed;
}

void ValueRoles::indexFunction(FunctionId id) {
  const Function& fn = program_.function(id);
  for (const Parameter& p : fn.params) bound_[id].insert(p.name);
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind != StmtKind::Assign) continue;
      for (ExprId target : stmt.targets) {
        walkExpr(fn, target, [&](ExprId t) {
          const Expr& e = fn.expr(t);
          if (e.kind == ExprKind::Name) bound_[id].insert(e.text);
          return e.kind == ExprKind::Container;
        });
      }
    }
  }
}

void ValueRoles::compute() {
  if (computed_) return;
  computed_ = true;
  size_t n = program_.functionCount();
  bound_.assign(n, {});
  returns_.assign(n, {});
  for (const Module& m : program_.modules) {
    for (const ClassDef& c : m.classes) {
      if (c.body != kNoFunction) classOfBody_[c.body] = c.qualified;
    }
  }
  for (FunctionId id = 0; id < n; ++id) indexFunction(id);
  returnParameters_.assign(n, {});
  returnDependent_.assign(n, kUnindexed);
  for (FunctionId id = 0; id < n; ++id) {
    const Function& fn = program_.function(id);
    for (size_t i = 0; i < fn.params.size(); ++i) parameters_[parameterKey(id, i)] = {id, i};
    auto recordCalls = [&](ExprId root) {
      for (ExprId call : callsIn(fn, root)) {
        FunctionId callee = calls_.resolveCall(fn, call);
        if (callee != kNoFunction && callee < n) callSites_[callee].emplace_back(id, call);
      }
    };
    for (const Block& block : fn.blocks) {
      for (const Stmt& stmt : block.stmts) {
        for (ExprId root : stmtRoots(stmt)) recordCalls(root);
        if (stmt.kind != StmtKind::Assign) continue;
        for (ExprId target : stmt.targets) {
          if (target >= fn.exprs.size()) continue;
          bool plain = stmt.augOp.empty() && fn.expr(target).kind != ExprKind::Container;
          std::vector<ExprId> leaves;
          walkExpr(fn, target, [&](ExprId t) {
            if (fn.expr(t).kind == ExprKind::Container) return true;
            leaves.push_back(t);
            return false;
          });
          for (ExprId leaf : leaves) {
            std::string key = targetKey(fn, leaf);
            if (!key.empty()) assignments_[key].push_back({id, stmt.value, stmt.span, plain});
          }
        }
      }
      if (block.condition != kNoExpr) recordCalls(block.condition);
    }
    // Header parameters (`x_signature: str = Header(None)`) are request reads.
    for (const RequestRead& read : requests_->reads(id)) {
      for (size_t i = 0; i < fn.params.size(); ++i) {
        if (read.expr == kNoExpr || fn.params[i].defaultValue != read.expr) continue;
        RoleSet r = headerRoles(read.headerName);
        if (read.kind == RequestDataKind::RawBody) r |= ValueRole::RawBody | ValueRole::Payload;
        if (read.isParsedBody()) r |= ValueRole::ParsedBody | ValueRole::Payload;
        variables_[parameterKey(id, i)] |= r;
        parameterRoles_[parameterKey(id, i)] |= r;
      }
    }
  }
  for (const Route& route : program_.routes) {
    if (route.handler >= n) continue;
    const Function& fn = program_.function(route.handler);
    for (size_t i = 0; i < fn.params.size(); ++i) {
      for (const std::string& p : route.pathParameters) {
        if (fn.params[i].name != p) continue;
        variables_[parameterKey(route.handler, i)] |= ValueRole::Request;
        parameterRoles_[parameterKey(route.handler, i)] |= ValueRole::Request;
      }
    }
  }
  // Rounds in function order as before, but a round visits only the functions whose inputs
  // changed since they were last propagated (all of them in the first).
  dirty_.assign(n, 1);
  returnReaders_.assign(n, {});
  for (int round = 0; round < kMaxRounds; ++round) {
    bool visited = false;
    for (FunctionId id = 0; id < n; ++id) {
      if (!dirty_[id]) continue;
      dirty_[id] = 0;
      visited = true;
      propagating_ = id;
      propagate(id);
    }
    if (!visited) break;
  }
  propagating_ = kNoFunction;
  keyReaders_.clear();
  returnReaders_.clear();
}

// ---------------------------------------------------------------------------------------------
// Literal keys

// "WEBHOOK_SECRET" for a module global, "Config.SECRET" for a class attribute, "secret" for a
// local: what a message calls the constant.
static std::string displayNameOf(const std::string& key) {
  size_t locals = key.rfind(".<locals>.");
  if (locals != std::string::npos) return key.substr(locals + 10);
  size_t dot = key.rfind('.');
  if (dot == std::string::npos) return key;
  std::string last = key.substr(dot + 1);
  size_t prev = key.rfind('.', dot - 1);
  std::string owner = key.substr(prev == std::string::npos ? 0 : prev + 1, dot - (prev == std::string::npos ? 0 : prev + 1));
  // A class name is capitalised by convention; a module name is not.
  if (!owner.empty() && std::isupper(static_cast<unsigned char>(owner[0]))) return owner + "." + last;
  return last;
}

// A parameter reached from a call of its function: the argument that call passes. A parameter
// reached otherwise (the MAC is computed inside the helper): what each of its callers passes.
void ValueRoles::collectParameterLiterals(const ParameterSlot& param, int depth, const CallPath* path,
                                          LiteralSearch& search) {
  auto follow = [&](FunctionId caller, ExprId call, const CallPath* outer) {
    ExprId arg = argumentForParameter(program_, program_.function(caller), call, param.function, param.index);
    if (arg != kNoExpr) collectLiterals(caller, arg, depth + 1, outer, search);
  };
  if (path && path->callee == param.function) {
    follow(path->caller, path->call, path->outer);
    return;
  }
  auto sites = callSites_.find(param.function);
  if (sites == callSites_.end()) return;
  for (const auto& [caller, call] : sites->second) follow(caller, call, nullptr);
}

void ValueRoles::collectKeyLiterals(const std::string& key, int depth, const CallPath* path, LiteralSearch& search) {
  if (key.empty() || depth > 24) return;
  auto param = parameters_.find(key);
  if (param != parameters_.end()) {
    collectParameterLiterals(param->second, depth, path, search);
    return;
  }
  auto it = assignments_.find(key);
  if (it == assignments_.end() || it->second.empty()) return;
  // Every assignment must be a literal: a constant that may also come from the environment
  // (`SECRET = os.environ.get(...)` in one branch) is not reported.
  std::vector<LiteralSecret> found;
  for (const Assignment& a : it->second) {
    if (!a.plain) return;
    std::vector<LiteralSecret> one;
    std::vector<LiteralSecret>* outer = std::exchange(search.out, &one);
    // A local of the helper on the path is still evaluated for that call; anything else is
    // the same for every caller.
    bool local = path && a.function == path->callee;
    collectLiterals(a.function, a.value, depth + 1, local ? path : nullptr, search);
    search.out = outer;
    if (one.empty()) return;
    for (LiteralSecret& l : one) {
      if (l.name.empty()) {
        l.name = displayNameOf(key);
        l.location = a.statement;
      }
      found.push_back(l);
    }
  }
  search.out->insert(search.out->end(), found.begin(), found.end());
}

void ValueRoles::collectLiterals(FunctionId fnId, ExprId id, int depth, const CallPath* path, LiteralSearch& search) {
  if (depth > 24 || fnId >= program_.functionCount()) return;
  const Function& fn = program_.function(fnId);
  if (id == kNoExpr || id >= fn.exprs.size() || !search.seen.emplace(fnId, id, path ? path->caller : kNoFunction, path ? path->call : kNoExpr).second) return;
  id = stripAwait(fn, id);
  const Expr& e = fn.expr(id);
  switch (e.kind) {
    case ExprKind::Literal:
      if ((e.literal == LiteralKind::String || e.literal == LiteralKind::Bytes) && !e.text.empty())
        search.out->push_back(LiteralSecret{e.span, "", e.span});
      return;
    case ExprKind::Call: {
      ExprId source = transformSource(fn, id, knowledge_);
      if (source != kNoExpr) {
        collectLiterals(fnId, source, depth + 1, path, search);
        return;
      }
      // `get_secret()` returning a literal, `to_bytes(key)` returning its argument.
      FunctionId callee = calls_.resolveCall(fn, id);
      if (callee == kNoFunction || callee >= program_.functionCount()) return;
      CallPath entered{callee, fnId, id, path};
      const Function& target = program_.function(callee);
      for (const Block& block : target.blocks) {
        for (const Stmt& stmt : block.stmts) {
          if (stmt.kind == StmtKind::Return && stmt.value != kNoExpr) collectLiterals(callee, stmt.value, depth + 1, &entered, search);
        }
      }
      return;
    }
    case ExprKind::Name: {
      std::string key = keyOfName(fn, e);
      if (key.empty() || !isKnownKey(key)) key = keyOfQualified(e.qualified, 0);
      collectKeyLiterals(key, depth, path, search);
      return;
    }
    case ExprKind::Attribute: {
      std::string key = targetKey(fn, id);
      if (!key.empty() && !isKnownKey(key)) {
        // `self.SECRET` defined on a base class.
        key = keyOfQualified(key, 0);
      }
      if (key.empty()) key = keyOfQualified(e.qualified, 0);
      collectKeyLiterals(key, depth, nullptr, search);
      return;
    }
    default:
      return;
  }
}

std::vector<LiteralSecret> ValueRoles::literalOrigins(FunctionId fn, ExprId expr) {
  compute();
  std::vector<LiteralSecret> out;
  LiteralSearch search{&out, {}};
  collectLiterals(fn, expr, 0, nullptr, search);
  std::sort(out.begin(), out.end(), [](const LiteralSecret& a, const LiteralSecret& b) { return a.location < b.location; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const LiteralSecret& a, const LiteralSecret& b) { return a.location == b.location; }),
            out.end());
  return out;
}

}  // namespace hg
