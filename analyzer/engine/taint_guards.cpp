#include "engine/taint_guards.h"

#include <algorithm>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/taint_origin.h"

namespace hg {

namespace {

constexpr int kMaxDepth = 32;

TaintFlags flagsForCategory(const nlohmann::json& attributes, TaintFlags fallback) {
  std::string concern = attributes.is_object() ? attributes.value("concern", std::string()) : std::string();
  if (concern == "host") return kHostValidated;
  if (concern == "schema") return kSchemaValidated;
  return fallback;
}

}  // namespace

std::vector<GuardFact> intersectFacts(const std::vector<GuardFact>& a, const std::vector<GuardFact>& b) {
  std::vector<GuardFact> out;
  for (const GuardFact& x : a) {
    for (const GuardFact& y : b) {
      if (x.path == y.path && (x.flags & y.flags)) out.push_back({x.path, static_cast<TaintFlags>(x.flags & y.flags)});
    }
  }
  return out;
}

void unionFacts(std::vector<GuardFact>& into, const std::vector<GuardFact>& more) {
  for (const GuardFact& m : more) {
    bool merged = false;
    for (GuardFact& f : into) {
      if (f.path == m.path) {
        f.flags |= m.flags;
        merged = true;
      }
    }
    if (!merged) into.push_back(m);
  }
}

TaintGuards::TaintGuards(const TaintCatalog& catalog, const Function& fn, GuardContext context)
    : catalog_(catalog), fn_(fn), context_(std::move(context)) {}

std::vector<GuardFact> TaintGuards::factsWhen(ExprId condition, bool outcome, const TaintState& state) const {
  return factsAt(condition, outcome, state, 0);
}

std::vector<GuardFact> TaintGuards::factsAt(ExprId id, bool outcome, const TaintState& state, int depth) const {
  id = stripAwait(fn_, id);
  if (depth > kMaxDepth || id >= fn_.exprs.size()) return {};
  const Expr& e = fn_.expr(id);
  switch (e.kind) {
    case ExprKind::Not:
      return e.args.empty() ? std::vector<GuardFact>{} : factsAt(e.args[0], !outcome, state, depth + 1);
    case ExprKind::BoolOp: {
      // and/true, or/false: every operand took that value. Otherwise any one of them did.
      bool all = (e.text == "and") == outcome;
      std::vector<GuardFact> out;
      for (size_t i = 0; i < e.args.size(); ++i) {
        std::vector<GuardFact> f = factsAt(e.args[i], outcome, state, depth + 1);
        if (all) {
          unionFacts(out, f);
        } else {
          out = i == 0 ? f : intersectFacts(out, f);
        }
      }
      return out;
    }
    case ExprKind::Compare: return compareFacts(e, outcome, state);
    case ExprKind::Call: return callFacts(id, outcome, state);
    case ExprKind::Attribute: {
      // `if parsed.netloc: reject`: a URL without a host is a path on this site.
      std::optional<UrlDerivation> d = outcome ? std::nullopt : derive(id, state);
      if (d && d->part == UrlPart::Host) return {{d->url, kHostValidated}};
      return rangeCheckFacts(id, outcome, state);
    }
    case ExprKind::Name: {
      std::vector<GuardFact> out = emptyUrlFacts(id, outcome, state);
      auto it = state.checks.find(e.text);
      if (it != state.checks.end() && it->second != id) unionFacts(out, factsAt(it->second, outcome, state, depth + 1));
      return out;
    }
    default: return {};
  }
}

std::vector<GuardFact> TaintGuards::emptyUrlFacts(ExprId id, bool outcome, const TaintState& state) const {
  // A falsy URL ("" or None) names no host: `if next and not is_safe(next): next = None`
  // leaves on its false edge either an empty target or a checked one.
  if (outcome) return {};
  std::optional<UrlDerivation> d = derive(id, state);
  if (!d || d->part != UrlPart::Whole) return {};
  return {{d->url, kHostValidated}};
}

std::vector<GuardFact> TaintGuards::compareFacts(const Expr& e, bool outcome, const TaintState& state) const {
  if (e.args.size() != 2) return {};
  const std::string& op = e.text;
  if (op == "in" || op == "not in") {
    if ((op == "in") != outcome) return {};
    // `host in ALLOWED`: a membership test on a collection the client does not control. A
    // string on the right is a substring test ("example.com" in url), which proves nothing.
    std::optional<UrlDerivation> d = derive(e.args[0], state);
    if (!d || (d->part != UrlPart::Whole && d->part != UrlPart::Host)) return {};
    if (context_.tainted(e.args[1], state) || context_.constantText(e.args[1], state)) return {};
    return {{d->url, kHostValidated}};
  }
  if (op == "==" || op == "!=") {
    if ((op == "==") != outcome) return {};
    for (int side = 0; side < 2; ++side) {
      std::optional<UrlDerivation> d = derive(e.args[side], state);
      if (!d || (d->part != UrlPart::Whole && d->part != UrlPart::Host)) continue;
      ExprId other = e.args[1 - side];
      if (context_.tainted(other, state)) continue;
      const Expr& o = fn_.expr(other);
      if (o.kind == ExprKind::Literal && o.literal == LiteralKind::NoneValue) continue;
      return {{d->url, kHostValidated}};
    }
  }
  return {};
}

std::optional<std::vector<std::string>> TaintGuards::constantStrings(ExprId expr, const TaintState& state) const {
  if (expr >= fn_.exprs.size()) return std::nullopt;
  const Expr& e = fn_.expr(expr);
  std::vector<std::string> out;
  if (e.kind == ExprKind::Container && (e.text == "tuple" || e.text == "list" || e.text == "set")) {
    for (ExprId item : e.args) {
      std::optional<std::string> text = context_.constantText(item, state);
      if (!text) return std::nullopt;
      out.push_back(*text);
    }
    return out.empty() ? std::nullopt : std::optional(out);
  }
  std::optional<std::string> text = context_.constantText(expr, state);
  if (!text) return std::nullopt;
  out.push_back(*text);
  return out;
}

bool TaintGuards::startsWithLabelBoundary(ExprId expr, const TaintState& state) const {
  if (expr >= fn_.exprs.size() || context_.tainted(expr, state)) return false;
  const Expr& e = fn_.expr(expr);
  if (e.kind == ExprKind::FormatString && !e.args.empty() && !e.literalParts.empty())
    return e.literalParts.front() == ".";
  if (e.kind == ExprKind::BinaryOp && e.text == "+" && e.args.size() == 2) {
    std::optional<std::string> head = context_.constantText(e.args[0], state);
    return head && *head == ".";
  }
  return false;
}

std::vector<GuardFact> TaintGuards::callFacts(ExprId call, bool outcome, const TaintState& state) const {
  const Expr& e = fn_.expr(call);
  ExprId callee = calleeOf(fn_, call);
  if (callee != kNoExpr && fn_.expr(callee).kind == ExprKind::Attribute && !fn_.expr(callee).args.empty()) {
    const Expr& method = fn_.expr(callee);
    ExprId receiver = method.args[0];
    bool prefixTest = catalog_.matchCall("url_prefix_checks", fn_, call).entry != nullptr;
    bool suffixTest = catalog_.matchCall("host_suffix_checks", fn_, call).entry != nullptr;
    if ((prefixTest || suffixTest) && e.args.size() == 2) {
      std::optional<UrlDerivation> d = derive(receiver, state);
      std::optional<std::vector<std::string>> texts = constantStrings(e.args[1], state);
      if (prefixTest && d && texts && d->part == UrlPart::Whole) {
        // `t.startswith("/") and not t.startswith(("//", "/\\"))`: a path on this site.
        auto all = [&](auto pred) { return std::all_of(texts->begin(), texts->end(), pred); };
        auto has = [&](std::string_view t) { return std::find(texts->begin(), texts->end(), t) != texts->end(); };
        if (outcome && all([](const std::string& t) { return t == "/"; })) return {{d->url, kRootPath}};
        if (!outcome && has("//") && has("/\\")) return {{d->url, kNoAuthority}};
      }
      if (!outcome) return {};
      // `.endswith(f".{base_domain}")`: a label boundary, then a name the code holds (its
      // configuration, a constant), so a host passing it is that domain or one under it.
      if (suffixTest && d && !texts && d->part == UrlPart::Host && startsWithLabelBoundary(e.args[1], state))
        return {{d->url, kHostValidated}};
      if (d && texts) {
        bool safe = true;
        for (const std::string& t : *texts) {
          // A prefix must pin scheme and host ("https://partner.example/"); a suffix must
          // start at a label boundary (".example.com").
          if (prefixTest) safe = safe && d->part == UrlPart::Whole && classifyUrlPrefix(t) == UrlPrefixKind::FixedOrigin;
          if (suffixTest) safe = safe && d->part == UrlPart::Host && t.size() > 1 && t[0] == '.';
        }
        if (safe) return {{d->url, kHostValidated}};
      }
      return {};
    }
  }
  std::vector<GuardFact> out = knownValidatorFacts(call, outcome, state);
  if (context_.callFacts) unionFacts(out, context_.callFacts(call, outcome, state));
  return out;
}

std::vector<GuardFact> TaintGuards::knownValidatorFacts(ExprId call, bool outcome, const TaintState& state) const {
  std::vector<GuardFact> out;
  for (const char* category : {"url_sanitizers", "schema_validators"}) {
    CatalogMatch m = catalog_.matchCall(category, fn_, call);
    if (!m) continue;
    std::string style = m.attributes().value("style", std::string());
    bool safeWhen;
    if (style == "bool") {
      safeWhen = true;
    } else if (style == "errors") {
      safeWhen = false;  // returns the errors: none means valid
    } else {
      continue;
    }
    if (outcome != safeWhen) continue;
    ArgumentSlot slot = argumentSlot(m.attributes(), "arg", "kw");
    ExprId arg = callArgument(fn_, call, slot.position < 0 ? 0 : static_cast<size_t>(slot.position), slot.keyword);
    if (arg == kNoExpr) continue;
    std::optional<UrlDerivation> d = derive(arg, state);
    if (!d) continue;
    TaintFlags flags = flagsForCategory(m.attributes(), std::string(category) == "url_sanitizers" ? kHostValidated
                                                                                                  : kSchemaValidated);
    unionFacts(out, {{d->url, flags}});
  }
  return out;
}

std::vector<GuardFact> TaintGuards::rangeCheckFacts(ExprId attribute, bool outcome, const TaintState& state) const {
  const Expr& e = fn_.expr(attribute);
  if (e.args.empty()) return {};
  std::string name = nameOf(fn_, attribute);
  if (name.empty()) name = "." + e.text;
  const KnowledgeEntry* entry = catalog_.knowledge().match("ip_range_checks", name);
  if (!entry) entry = catalog_.knowledge().match("ip_range_checks", "." + e.text);
  if (!entry) return {};
  bool safeWhen = entry->attributes.value("safe_when", false);
  if (outcome != safeWhen) return {};
  std::optional<UrlDerivation> d = derive(e.args[0], state);
  if (!d || d->part != UrlPart::Address) return {};
  return {{d->url, kHostValidated}};
}

std::optional<UrlDerivation> TaintGuards::derive(ExprId expr, const TaintState& state) const {
  return deriveAt(expr, state, 0);
}

std::optional<UrlDerivation> TaintGuards::deriveAt(ExprId id, const TaintState& state, int depth) const {
  id = stripAwait(fn_, id);
  if (depth > kMaxDepth || id >= fn_.exprs.size()) return std::nullopt;
  if (std::optional<std::string> path = accessPath(fn_, id)) {
    auto it = state.derivations.find(*path);
    if (it != state.derivations.end()) return it->second;
    const Expr& e = fn_.expr(id);
    // `parsed.hostname` where parsed is derived: fall through to the attribute case.
    bool derivedObject = e.kind == ExprKind::Attribute && !e.args.empty() && deriveAt(e.args[0], state, depth + 1) &&
                         deriveAt(e.args[0], state, depth + 1)->part != UrlPart::Whole;
    if (!derivedObject) return UrlDerivation{*path, UrlPart::Whole};
  }
  const Expr& e = fn_.expr(id);
  if (e.kind == ExprKind::Attribute && !e.args.empty()) {
    if (!catalog_.knowledge().matches("url_host_attributes", e.text)) return std::nullopt;
    std::optional<UrlDerivation> object = deriveAt(e.args[0], state, depth + 1);
    if (!object || object->part == UrlPart::Host || object->part == UrlPart::Address) return std::nullopt;
    return UrlDerivation{object->url, UrlPart::Host};
  }
  if (e.kind == ExprKind::Subscript && !e.args.empty()) {
    // netloc.split(":")[0], gethostbyname_ex(host)[2]
    std::optional<UrlDerivation> object = deriveAt(e.args[0], state, depth + 1);
    if (object && object->part != UrlPart::Whole) return object;
    return std::nullopt;
  }
  if (e.kind == ExprKind::BoolOp && e.text == "or" && !e.args.empty()) {
    // `urlparse(u).hostname or ""`: a constant fallback keeps what the first operand is.
    for (size_t i = 1; i < e.args.size(); ++i) {
      if (!context_.constantText(e.args[i], state)) return std::nullopt;
    }
    return deriveAt(e.args[0], state, depth + 1);
  }
  if (e.kind != ExprKind::Call) return std::nullopt;
  if (CatalogMatch m = catalog_.matchCall("url_parsers", fn_, id)) {
    ArgumentSlot slot = argumentSlot(m.attributes(), "arg", "kw");
    ExprId arg = callArgument(fn_, id, slot.position < 0 ? 0 : static_cast<size_t>(slot.position), slot.keyword);
    std::optional<UrlDerivation> d = deriveAt(arg, state, depth + 1);
    if (!d || d->part != UrlPart::Whole) return std::nullopt;
    return UrlDerivation{d->url, UrlPart::Parsed};
  }
  if (CatalogMatch m = catalog_.matchCall("url_joiners", fn_, id)) {
    // urljoin(request.host_url, target): the joined URL has target's host when target has one,
    // so checking the result's host checks target.
    ArgumentSlot slot = argumentSlot(m.attributes(), "path_arg", "path_kw");
    ExprId arg = callArgument(fn_, id, slot.position < 0 ? 1 : static_cast<size_t>(slot.position), slot.keyword);
    std::optional<UrlDerivation> d = deriveAt(arg, state, depth + 1);
    if (!d || d->part != UrlPart::Whole) return std::nullopt;
    return d;
  }
  if (CatalogMatch m = catalog_.matchCall("host_resolvers", fn_, id)) {
    ArgumentSlot slot = argumentSlot(m.attributes(), "arg", "kw");
    ExprId arg = callArgument(fn_, id, slot.position < 0 ? 0 : static_cast<size_t>(slot.position), slot.keyword);
    std::optional<UrlDerivation> d = deriveAt(arg, state, depth + 1);
    if (!d || d->part == UrlPart::Parsed) return std::nullopt;
    return UrlDerivation{d->url, UrlPart::Address};
  }
  if (catalog_.matchCall("string_normalizers", fn_, id)) {
    ExprId callee = calleeOf(fn_, id);
    if (callee == kNoExpr || fn_.expr(callee).kind != ExprKind::Attribute || fn_.expr(callee).args.empty())
      return std::nullopt;
    return deriveAt(fn_.expr(callee).args[0], state, depth + 1);
  }
  return std::nullopt;
}

}  // namespace hg
