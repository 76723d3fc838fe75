// Calls: a function of the scanned tree is applied through its summary; a library call through
// what the knowledge says about it (validators, URL joins, string formatting, calls whose result
// carries nothing); anything else passes its receiver's and arguments' data to its result.
#include <algorithm>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/taint_function.h"
#include "engine/taint_origin.h"
#include "engine/taint_strings.h"

namespace hg {

namespace {

bool hasDecorator(const Function& fn, std::string_view name) {
  for (ExprId d : fn.decorators) {
    if (d >= fn.exprs.size()) continue;
    std::string n = nameOf(fn, d);
    if (n == name || n.ends_with("." + std::string(name))) return true;
  }
  return false;
}

}  // namespace

std::string FunctionTaint::calleeText(ExprId call) const {
  ExprId callee = calleeOf(fn_, call);
  std::string text = callee == kNoExpr ? codeText(call) : codeText(callee, 40);
  return text.empty() ? std::string("the call") : text;
}

TaintValue FunctionTaint::evalCall(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  ExprId callee = calleeOf(fn_, id);
  TaintValue receiver;
  bool hasReceiver = false;
  if (callee != kNoExpr) {
    const Expr& c = fn_.expr(callee);
    if (c.kind == ExprKind::Attribute && !c.args.empty()) {
      receiver = eval(c.args[0], state, depth + 1);
      hasReceiver = true;
    } else if (c.kind != ExprKind::Name) {
      eval(callee, state, depth + 1);
    }
  }
  std::vector<TaintValue> args;
  for (size_t i = 1; i < e.args.size(); ++i) args.push_back(eval(e.args[i], state, depth + 1));
  const TaintValue* recv = hasReceiver ? &receiver : nullptr;

  checkCallSinks(id, recv, args, state);
  if (analysis_.catalog().matchCall("noreturn", fn_, id)) pendingNoReturn_ = true;

  FunctionId target = analysis_.calls().resolveCall(fn_, id);
  if (target != kNoFunction && target != id_ && target < program_.functionCount()) {
    if (analysis_.calleeSummary(target)) return applySummary(target, id, recv, args, state);
  }
  return knownCallResult(id, recv, args, state);
}

bool FunctionTaint::isBoundMethodCall(const Function& callee, ExprId call) const {
  if (callee.classQualified.empty() || callee.params.empty()) return false;
  if (hasDecorator(callee, "staticmethod")) return false;
  ExprId c = calleeOf(fn_, call);
  if (c == kNoExpr || fn_.expr(c).kind != ExprKind::Attribute || fn_.expr(c).args.empty()) return false;
  // Class.method(obj, ...) passes self explicitly; Class.classmethod(...) binds cls.
  std::string object = nameOf(fn_, fn_.expr(c).args[0]);
  if (object == callee.classQualified && !hasDecorator(callee, "classmethod")) return false;
  return true;
}

std::vector<std::vector<int>> FunctionTaint::bindingSlots(const Function& callee, ExprId call) const {
  const size_t n = callee.params.size();
  std::vector<std::vector<int>> slots(n);
  if (n == 0) return slots;
  const Expr& e = fn_.expr(call);
  size_t next = 0;
  if (isBoundMethodCall(callee, call)) {
    slots[0].push_back(-1);
    next = 1;
  }
  auto variadic = [&]() -> int {
    for (size_t i = 0; i < n; ++i) {
      if (callee.params[i].isVariadic) return static_cast<int>(i);
    }
    return -1;
  };
  auto keywordVariadic = [&]() -> int {
    for (size_t i = 0; i < n; ++i) {
      if (callee.params[i].isKeywordVariadic) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t k = 0; k + 1 < e.args.size(); ++k) {
    const std::string name = k < e.argNames.size() ? e.argNames[k] : std::string();
    int slot = static_cast<int>(k);
    if (name.empty()) {
      while (next < n && callee.params[next].isKeywordVariadic) ++next;
      if (next < n && !callee.params[next].isVariadic) {
        slots[next++].push_back(slot);
      } else if (int v = variadic(); v >= 0) {
        slots[static_cast<size_t>(v)].push_back(slot);
      }
    } else if (name == "*" || name == "**") {
      // Unpacked: any parameter not yet bound may receive it.
      for (size_t i = next; i < n; ++i) slots[i].push_back(slot);
    } else {
      bool bound = false;
      for (size_t i = 0; i < n; ++i) {
        if (callee.params[i].name == name) {
          slots[i].push_back(slot);
          bound = true;
        }
      }
      if (!bound) {
        if (int kv = keywordVariadic(); kv >= 0) slots[static_cast<size_t>(kv)].push_back(slot);
      }
    }
  }
  return slots;
}

ExprId FunctionTaint::slotExpression(ExprId call, int slot) const {
  const Expr& e = fn_.expr(call);
  if (slot < 0) {
    ExprId c = calleeOf(fn_, call);
    return c != kNoExpr && !fn_.expr(c).args.empty() ? fn_.expr(c).args[0] : kNoExpr;
  }
  size_t index = static_cast<size_t>(slot) + 1;
  return index < e.args.size() ? e.args[index] : kNoExpr;
}

std::vector<TaintValue> FunctionTaint::bindArguments(const Function& callee, ExprId call, const TaintValue* receiver,
                                                     const std::vector<TaintValue>& args) const {
  std::vector<std::vector<int>> slots = bindingSlots(callee, call);
  std::vector<TaintValue> bound(slots.size());
  for (size_t i = 0; i < slots.size(); ++i) {
    bool first = true;
    for (int slot : slots[i]) {
      const TaintValue* v = slot < 0 ? receiver : (static_cast<size_t>(slot) < args.size() ? &args[slot] : nullptr);
      if (!v) continue;
      if (first) {
        bound[i] = *v;
        first = false;
      } else {
        bound[i].mergeLabels(*v);
        bound[i].prefixKnown = bound[i].complete = false;
      }
    }
  }
  return bound;
}

void FunctionTaint::materialize(SinkHit inner, const TaintValue& argument, const FlowStep& callStep) {
  if (!recording_) return;
  for (const auto& [label, outer] : argument.labels) {
    TaintTrace trace = outer;
    appendStep(trace, callStep.span, callStep.message);
    trace = concatTraces(trace, inner.trace);
    const SinkKind kind = sinkKindFor(inner.kind, trace.flags);
    if (trace.flags & suppressingFlags(kind)) continue;
    if ((kind == SinkKind::FieldRead || kind == SinkKind::DbLookup) && label.isSource() && !label.isPayload())
      continue;
    if (!reported_.insert({static_cast<int>(kind), inner.function, inner.expr, label}).second) continue;
    SinkHit hit = inner;
    hit.kind = kind;
    hit.label = label;
    hit.trace = std::move(trace);
    if (label.isSource()) {
      hit.root = id_;
      analysis_.recordSourceHit(std::move(hit));
    } else {
      summary_.parameterHits.push_back(std::move(hit));
    }
  }
}

TaintValue FunctionTaint::applySummary(FunctionId calleeId, ExprId call, const TaintValue* receiver,
                                       const std::vector<TaintValue>& args, const TaintState& state) {
  const TaintSummary* summary = analysis_.calleeSummary(calleeId);
  if (!summary) return {};
  const Function& callee = program_.function(calleeId);
  std::vector<std::vector<int>> slots = bindingSlots(callee, call);
  std::vector<TaintValue> bound = bindArguments(callee, call, receiver, args);
  auto stepFor = [&](size_t param) {
    ExprId at = call;
    if (param < slots.size() && !slots[param].empty()) {
      ExprId arg = slotExpression(call, slots[param].front());
      if (arg != kNoExpr) at = arg;
    }
    std::string paramName = param < callee.params.size() ? callee.params[param].name : "?";
    return FlowStep{fn_.expr(at).span, "passed to " + callee.name + "() as parameter " + paramName};
  };

  for (const SinkHit& hit : summary->parameterHits) {
    size_t p = hit.label.parameter;
    if (p < bound.size() && bound[p].tainted()) materialize(hit, bound[p], stepFor(p));
  }

  TaintValue out;
  for (const auto& [label, inner] : summary->returns.labels) {
    if (label.isSource()) {
      out.mergeLabels(TaintValue{{{label, inner}}, "", false, false, ""});
      continue;
    }
    if (label.parameter >= bound.size()) continue;
    FlowStep step = stepFor(label.parameter);
    for (const auto& [outerLabel, outer] : bound[label.parameter].labels) {
      TaintTrace trace = outer;
      appendStep(trace, step.span, step.message);
      TaintValue part;
      part.labels.emplace(outerLabel, concatTraces(trace, inner));
      out.mergeLabels(part);
    }
  }
  if (!out.tainted() && summary->returns.prefixKnown) {
    out.prefix = summary->returns.prefix;
    out.prefixKnown = true;
    out.complete = summary->returns.complete;
  }
  out.pinned = summary->returns.pinned;
  if (int32_t p = summary->returns.pinnedByParameter; p >= 0 && static_cast<size_t>(p) < bound.size()) {
    out.pinned = out.pinned || leadsWithFixedOrigin(bound[p]);
    out.pinnedByParameter = bound[p].pinnedByParameter;
  }

  // Checks the callee performs on its parameters before returning (ensure_safe(url)).
  for (size_t p = 0; p < slots.size() && p < summary->flagsOnExit.size(); ++p) {
    if (!summary->flagsOnExit[p]) continue;
    for (int slot : slots[p]) queueArgumentFacts(slotExpression(call, slot), summary->flagsOnExit[p], state);
  }
  if (!summary->returnsNormally) pendingNoReturn_ = true;
  return out;
}

void FunctionTaint::queueArgumentFacts(ExprId argument, TaintFlags flags, const TaintState& state) {
  if (argument == kNoExpr || !flags) return;
  if (std::optional<UrlDerivation> d = guards_.derive(argument, state)) pendingFacts_.push_back({d->url, flags});
}

std::vector<GuardFact> FunctionTaint::calleeGuardFacts(ExprId call, bool outcome, const TaintState& state) {
  if (!outcome) return {};
  FunctionId target = analysis_.calls().resolveCall(fn_, call);
  if (target == kNoFunction || target == id_ || target >= program_.functionCount()) return {};
  const TaintSummary* summary = analysis_.calleeSummary(target);
  if (!summary) return {};
  const Function& callee = program_.function(target);
  std::vector<std::vector<int>> slots = bindingSlots(callee, call);
  std::vector<GuardFact> facts;
  for (size_t p = 0; p < slots.size() && p < summary->flagsWhenTrue.size(); ++p) {
    TaintFlags flags = summary->flagsWhenTrue[p];
    if (!flags) continue;
    for (int slot : slots[p]) {
      if (std::optional<UrlDerivation> d = guards_.derive(slotExpression(call, slot), state))
        unionFacts(facts, {{d->url, flags}});
    }
  }
  return facts;
}

TaintValue FunctionTaint::formatCall(ExprId call, const TaintValue& receiver, const std::vector<TaintValue>& args) {
  const Expr& e = fn_.expr(call);
  std::vector<std::string> literals, fields;
  std::vector<TaintValue> values;
  bool ok = splitBraceTemplate(receiver.prefix, literals, fields);
  std::vector<size_t> positional;
  for (size_t k = 0; k < args.size(); ++k) {
    std::string name = k < e.argNames.size() ? e.argNames[k] : std::string();
    if (name.empty()) positional.push_back(k);
    if (name == "*" || name == "**") ok = false;
  }
  size_t automatic = 0;
  for (const std::string& field : fields) {
    if (!ok) break;
    size_t index = SIZE_MAX;
    if (field.empty()) {
      if (automatic < positional.size()) index = positional[automatic++];
    } else if (std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      size_t n = static_cast<size_t>(std::stoul(field.substr(0, 6)));
      if (n < positional.size()) index = positional[n];
    } else {
      for (size_t k = 0; k < args.size() && k < e.argNames.size(); ++k) {
        if (e.argNames[k] == field) index = k;
      }
    }
    if (index == SIZE_MAX) ok = false;
    else values.push_back(args[index]);
  }
  if (ok) return interpolateValues(literals, values);
  TaintValue out;
  for (const TaintValue& a : args) out.mergeLabels(a);
  out.fieldKey.clear();
  return out;
}

TaintValue FunctionTaint::knownCallResult(ExprId call, const TaintValue* receiver, const std::vector<TaintValue>& args,
                                          const TaintState& state) {
  const TaintCatalog& catalog = analysis_.catalog();
  if (catalog.matchCall("taint_cleansers", fn_, call)) return {};
  if (std::optional<TaintValue> local = sameSiteCall(call, receiver, args)) return *local;
  // A record the database returns holds what was stored, not what this request sent; the
  // lookup itself is checked as a sink (WH502).
  if (CatalogMatch m = catalog.matchCall("db_lookups", fn_, call); m && !m.attributes().contains("sql_arg")) return {};

  for (const char* category : {"schema_validators", "url_sanitizers"}) {
    CatalogMatch m = catalog.matchCall(category, fn_, call);
    if (!m) continue;
    TaintFlags flag = std::string(category) == "schema_validators" ? kSchemaValidated : kHostValidated;
    std::string concern = m.attributes().value("concern", std::string());
    if (concern == "host") flag = kHostValidated;
    if (concern == "schema") flag = kSchemaValidated;
    std::string style = m.attributes().value("style", std::string("returns"));
    ArgumentSlot slot = argumentSlot(m.attributes(), "arg", "kw");
    if (style == "returns") {
      // The result is the checked value: a model instance, a verified event, a safe URL.
      TaintValue out = slot.position >= 0 || !slot.keyword.empty() ? slotValue(call, slot, args) : TaintValue{};
      if (slot.position < 0 && slot.keyword.empty()) {
        for (const TaintValue& a : args) out.mergeLabels(a);
        if (receiver) out.mergeLabels(*receiver);
      }
      out.addFlags(flag);
      out.fieldKey.clear();
      if (m.attributes().value("same_site", false)) {
        // reverse("view") is a path of this application, whatever the view's name reads.
        out.prefix.clear();
        out.prefixKnown = out.complete = false;
        out.pinned = true;
      }
      return out;
    }
    if (style == "raises") {
      std::vector<ExprId> exprs;
      slotValue(call, slot.position < 0 && slot.keyword.empty() ? ArgumentSlot{0, "", false, -1, false} : slot, args,
                &exprs);
      for (ExprId x : exprs) queueArgumentFacts(x, flag, state);
    }
    return {};
  }

  if (CatalogMatch m = catalog.matchCall("url_joiners", fn_, call)) {
    ArgumentSlot baseSlot = argumentSlot(m.attributes(), "base_arg", "base_kw");
    ArgumentSlot pathSlot = argumentSlot(m.attributes(), "path_arg", "path_kw");
    TaintValue base = slotValue(call, baseSlot, args);
    TaintValue path = slotValue(call, pathSlot, args);
    TaintValue out;
    std::optional<std::string> origin;
    if (!base.tainted() && base.prefixKnown && base.complete) origin = joinedOrigin(base.prefix);
    // An absolute or scheme-relative second argument replaces the base's host: only a path the
    // code starts keeps it.
    if (origin && path.tainted() && !(path.prefixKnown && joinKeepsOrigin(path.prefix))) origin.reset();
    if (origin) path.addFlags(kOriginFixed);
    out.mergeLabels(base);
    out.mergeLabels(path);
    out.fieldKey.clear();
    if (origin) {
      out.prefix = *origin;
      out.prefixKnown = true;
    }
    return out;
  }

  if (receiver && receiver->prefixKnown && receiver->complete && !receiver->tainted() &&
      catalog.matchCall("string_formatters", fn_, call))
    return formatCall(call, *receiver, args);
  if (receiver && receiver->pinned && catalog.matchCall("string_formatters", fn_, call)) {
    if (std::optional<TaintValue> filled = fillPinnedTemplate(*receiver, args)) return *filled;
  }
  if (std::optional<TaintValue> kept = keepOrigin(call, receiver, args)) return *kept;
  if (std::optional<TaintValue> replaced = replaceUrlParts(call, receiver, args)) return *replaced;

  // The response of an outbound request is the remote server's data, not the client's.
  if (catalog.matchCall("ssrf_sinks", fn_, call)) return {};

  if (receiver && catalog.matchCall("container_mutators", fn_, call)) {
    ExprId callee = calleeOf(fn_, call);
    if (std::optional<std::string> path = accessPath(fn_, fn_.expr(callee).args[0])) {
      TaintValue stored;
      for (const TaintValue& a : args) stored.mergeLabels(a);
      if (stored.tainted()) pendingStores_.emplace_back(*path, std::move(stored));
    }
  }

  TaintValue out;
  if (receiver) out = TaintValue{receiver->labels, "", false, false, receiver->fieldKey};
  const bool lookup = receiver && catalog.matchCall("mapping_getters", fn_, call);
  // A lookup's result is what the mapping (or the default) holds: a key the client picks only
  // chooses among values the code wrote (`FEEDS.get(request.args["feed"])`).
  for (size_t k = lookup ? 1 : 0; k < args.size(); ++k) out.mergeLabels(args[k]);
  out.fieldKey = receiver ? receiver->fieldKey : std::string();
  if (lookup && isPinnedTable(fn_.expr(calleeOf(fn_, call)).args[0]))
    out.pinned = args.size() < 2 || leadsWithFixedOrigin(args[1]);
  if (lookup) {
    if (const std::string* key = stringLiteral(fn_, callArgument(fn_, call, 0))) {
      out.fieldKey = *key;
      TaintValue field{receiver->labels, "", false, false, *key};
      report(SinkKind::FieldRead, call, codeText(call), *key, field, suppressingFlags(SinkKind::FieldRead), *key);
    }
  }
  return out;
}

}  // namespace hg
