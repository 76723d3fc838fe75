// Sinks: where a tainted value is reported — outbound request URLs, redirect targets and
// Location headers, code execution and deserialisation, database lookup keys. Which calls and
// which of their arguments is data (taint.json); the conditions that make a call dangerous
// (shell=True, a yaml loader that is not safe) are attributes of the entry.
#include <algorithm>
#include <cctype>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/taint_function.h"
#include "engine/taint_origin.h"

namespace hg {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string stepMessage(SinkKind kind, const std::string& sink, const std::string& detail) {
  switch (kind) {
    case SinkKind::Ssrf: return "used as the URL of " + sink + "()";
    case SinkKind::PartialSsrf: return "used in the path of the URL of " + sink + "()";
    case SinkKind::Redirect: return detail.empty() ? "used as the redirect target of " + sink + "()" : "sent as the " + detail;
    case SinkKind::Code: return "reaches " + sink + "()" + (detail.empty() ? "" : " (" + detail + ")");
    case SinkKind::DbLookup: return "selects a record in " + sink + "()";
    case SinkKind::FieldRead: return "payload field read here";
  }
  return "reaches " + sink;
}

bool hasPayloadSource(const TaintValue& v) {
  return std::any_of(v.labels.begin(), v.labels.end(), [](const auto& l) { return l.first.isPayload(); });
}

}  // namespace

void FunctionTaint::report(SinkKind kind, ExprId at, const std::string& sink, const std::string& detail,
                           const TaintValue& value, TaintFlags suppressing, const std::string& fieldKey) {
  if (!recording_ || at >= fn_.exprs.size()) return;
  for (const auto& [label, trace] : value.labels) {
    const SinkKind labelKind = sinkKindFor(kind, trace.flags);
    if (trace.flags & (labelKind == kind ? suppressing : suppressingFlags(labelKind))) continue;
    if ((kind == SinkKind::FieldRead || kind == SinkKind::DbLookup) && label.isSource() && !label.isPayload()) continue;
    if (!reported_.insert({static_cast<int>(labelKind), id_, at, label}).second) continue;
    SinkHit hit;
    hit.kind = labelKind;
    hit.function = id_;
    hit.expr = at;
    hit.span = fn_.expr(at).span;
    hit.sink = sink;
    hit.detail = detail;
    hit.fieldKey = fieldKey;
    hit.label = label;
    hit.trace = trace;
    appendStep(hit.trace, hit.span, stepMessage(kind, sink, detail));
    if (label.isSource()) {
      hit.root = id_;
      analysis_.recordSourceHit(std::move(hit));
    } else {
      summary_.parameterHits.push_back(std::move(hit));
    }
  }
}

TaintValue FunctionTaint::slotValue(ExprId call, const ArgumentSlot& slot, const std::vector<TaintValue>& args,
                                    std::vector<ExprId>* exprs) const {
  const Expr& e = fn_.expr(call);
  TaintValue out;
  bool first = true;
  int position = 0;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string name = k < e.argNames.size() ? e.argNames[k] : std::string();
    bool take = slot.any;
    if (name.empty()) {
      take = take || position == slot.position || (slot.fromPosition >= 0 && position >= slot.fromPosition);
      ++position;
    } else if (name == "*") {
      take = take || slot.position >= position || slot.fromPosition >= 0;
    } else if (name == "**") {
      take = take || !slot.keyword.empty() || slot.allKeywords;
    } else {
      take = take || name == slot.keyword || slot.allKeywords;
    }
    if (!take) continue;
    if (exprs && k + 1 < e.args.size()) exprs->push_back(e.args[k + 1]);
    if (first) {
      out = args[k];
      first = false;
    } else {
      out.mergeLabels(args[k]);
      out.prefixKnown = out.complete = false;
      out.prefix.clear();
    }
  }
  return out;
}

void FunctionTaint::checkCallSinks(ExprId call, const TaintValue* /*receiver*/, const std::vector<TaintValue>& args,
                                   const TaintState& state) {
  if (!recording_) return;
  const TaintCatalog& catalog = analysis_.catalog();
  const std::string sink = calleeText(call);

  if (CatalogMatch m = catalog.matchCall("ssrf_sinks", fn_, call)) {
    const auto& attrs = m.attributes();
    bool selected = true;
    if (attrs.contains("option_arg") && attrs["option_arg"].is_number_integer()) {
      // setopt(pycurl.URL, u), curl_easy_setopt(h, CURLOPT_URL, u): only the URL option.
      ExprId option = callArgument(fn_, call, attrs["option_arg"].get<size_t>());
      std::string optionName = option == kNoExpr ? "" : nameOf(fn_, option);
      if (optionName.empty() && option != kNoExpr) optionName = fn_.expr(option).text;
      selected = globMatch(attrs.value("option", std::string("*URL")), optionName);
    }
    if (selected) {
      TaintValue url = slotValue(call, argumentSlot(attrs, "url_arg", "url_kw"), args);
      if (url.prefixKnown && classifyUrlPrefix(url.prefix) == UrlPrefixKind::FixedOrigin) url.addFlags(kOriginFixed);
      report(SinkKind::Ssrf, call, sink, "", url, suppressingFlags(SinkKind::Ssrf), url.fieldKey);
    }
  }

  if (CatalogMatch m = catalog.matchCall("redirect_sinks", fn_, call)) {
    TaintValue target = slotValue(call, argumentSlot(m.attributes(), "url_arg", "url_kw"), args);
    if (!leadsWithFixedOrigin(target)) report(SinkKind::Redirect, call, sink, "", target, suppressingFlags(SinkKind::Redirect));
  }

  if (CatalogMatch m = catalog.matchCall("header_sinks", fn_, call)) {
    // resp.headers.set("Location", url), res.set_header("Location", url)
    ArgumentSlot nameSlot = argumentSlot(m.attributes(), "name_arg", "name_kw");
    ExprId nameExpr = callArgument(fn_, call, nameSlot.position < 0 ? 0 : static_cast<size_t>(nameSlot.position),
                                   nameSlot.keyword);
    std::optional<std::string> headerName = constantText(nameExpr, state);
    if (headerName && lower(*headerName) == "location") {
      TaintValue target = slotValue(call, argumentSlot(m.attributes(), "value_arg", "value_kw"), args);
      if (!leadsWithFixedOrigin(target))
        report(SinkKind::Redirect, call, sink, "Location header", target, suppressingFlags(SinkKind::Redirect));
    }
  }

  if (CatalogMatch m = catalog.matchCall("response_constructors", fn_, call)) {
    // Response(body, 302, headers={"Location": url})
    ArgumentSlot headers = argumentSlot(m.attributes(), "headers_arg", "headers_kw");
    ExprId mapping = callArgument(fn_, call, headers.position < 0 ? 99 : static_cast<size_t>(headers.position),
                                  headers.keyword);
    if (mapping != kNoExpr && fn_.expr(mapping).kind == ExprKind::Container && fn_.expr(mapping).text == "dict") {
      const Expr& dict = fn_.expr(mapping);
      for (size_t i = 0; i + 1 < dict.args.size(); i += 2) {
        const std::string* key = stringLiteral(fn_, dict.args[i]);
        if (!key || lower(*key) != "location") continue;
        TaintValue target = peek(dict.args[i + 1], state);
        if (!leadsWithFixedOrigin(target))
          report(SinkKind::Redirect, dict.args[i + 1], sink, "Location header", target,
                 suppressingFlags(SinkKind::Redirect));
      }
    }
  }

  if (CatalogMatch m = catalog.matchCall("code_sinks", fn_, call)) {
    const auto& attrs = m.attributes();
    bool dangerous = true;
    std::string detail = attrs.value("label", std::string());
    if (attrs.contains("requires_kw") && attrs["requires_kw"].is_string()) {
      // subprocess.run(cmd, shell=True): only with the flag set.
      std::string kw = attrs["requires_kw"].get<std::string>();
      ExprId flag = callArgument(fn_, call, SIZE_MAX, kw);
      dangerous = flag != kNoExpr && !isFalsyLiteral(fn_.expr(flag));
      if (dangerous) detail = kw + "=" + codeText(flag, 20);
    }
    if (dangerous && attrs.contains("safe_loaders") && attrs["safe_loaders"].is_array()) {
      // yaml.load(data, Loader=yaml.SafeLoader) is safe; no loader or another one is not.
      ArgumentSlot loaderSlot = argumentSlot(attrs, "loader_arg", "loader_kw");
      ExprId loader = callArgument(fn_, call, loaderSlot.position < 0 ? SIZE_MAX : static_cast<size_t>(loaderSlot.position),
                                   loaderSlot.keyword);
      std::string loaderName = loader == kNoExpr ? "" : nameOf(fn_, loader);
      for (const auto& safe : attrs["safe_loaders"]) {
        if (safe.is_string() && !loaderName.empty() && globMatch(safe.get<std::string>(), loaderName)) dangerous = false;
      }
      if (dangerous) detail = loaderName.empty() ? "no safe Loader" : "Loader=" + codeText(loader, 30);
    }
    if (dangerous) {
      TaintValue v = slotValue(call, argumentSlot(attrs, "arg", "kw"), args);
      report(SinkKind::Code, call, sink, detail, v, suppressingFlags(SinkKind::Code));
    }
  }

  if (CatalogMatch m = catalog.matchCall("db_lookups", fn_, call)) checkDbLookup(call, m, args, state);
}

void FunctionTaint::checkDbLookup(ExprId call, const CatalogMatch& match, const std::vector<TaintValue>& args,
                                  const TaintState& state) {
  const auto& attrs = match.attributes();
  const Expr& e = fn_.expr(call);
  const std::string sink = calleeText(call);
  ArgumentSlot key = argumentSlot(attrs, "key_arg", "key_kw");
  int position = 0;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string name = k < e.argNames.size() ? e.argNames[k] : std::string();
    ExprId argExpr = e.args[k + 1];
    bool isKey = false;
    std::string keyName;
    if (name.empty()) {
      isKey = position == key.position || (key.fromPosition >= 0 && position >= key.fromPosition);
      ++position;
      keyName = args[k].fieldKey;
    } else if (name != "*" && name != "**") {
      // filter_by(id=x): a keyword names the column; only identifier columns select an object.
      isKey = name == key.keyword || (key.allKeywords && (isIdentifierName(name) || isIdentifierName(args[k].fieldKey)));
      keyName = isIdentifierName(name) ? name : args[k].fieldKey;
    }
    if (attrs.value("compare_args", false)) {
      // filter(Order.id == x)
      const Expr& a = fn_.expr(argExpr);
      if (a.kind == ExprKind::Compare && a.text == "==" && a.args.size() == 2 &&
          fn_.expr(a.args[0]).kind == ExprKind::Attribute && isIdentifierName(fn_.expr(a.args[0]).text)) {
        TaintValue v = peek(a.args[1], state);
        if (v.tainted() && !lookupIsScoped(call, argExpr, state))
          report(SinkKind::DbLookup, call, sink, fn_.expr(a.args[0]).text, v, 0, fn_.expr(a.args[0]).text);
      }
    }
    if (!isKey || !args[k].tainted()) continue;
    if (lookupIsScoped(call, argExpr, state)) return;
    report(SinkKind::DbLookup, call, sink, name, args[k], 0, keyName);
  }

  if (attrs.contains("params_arg")) {
    // cursor.execute("SELECT ... WHERE id = %s", (order_id,)): scoped when the statement also
    // filters on an owner column.
    ArgumentSlot params = argumentSlot(attrs, "params_arg", "params_kw");
    ArgumentSlot sql = argumentSlot(attrs, "sql_arg", "sql_kw");
    TaintValue values = slotValue(call, params, args);
    if (!values.tainted()) return;
    std::vector<ExprId> sqlExprs;
    slotValue(call, sql, args, &sqlExprs);
    std::optional<std::string> text = sqlExprs.empty() ? std::nullopt : constantText(sqlExprs.front(), state);
    std::string statement = text ? lower(*text) : std::string();
    size_t where = statement.find("where");
    std::string condition = where == std::string::npos ? std::string() : statement.substr(where);
    if (!condition.empty() && analysis_.catalog().isOwnershipField(condition)) return;
    if (condition.find("id") == std::string::npos && !isIdentifierName(values.fieldKey)) return;
    report(SinkKind::DbLookup, call, sink, "SQL parameter", values, 0, values.fieldKey);
  }
}

bool FunctionTaint::lookupIsScoped(ExprId call, ExprId keyArgument, const TaintState& state) {
  // The query chain: receivers (Order.query.filter_by(account_id=a).get(x)) and the calls made
  // on the result (filter_by(id=x).filter_by(account_id=a).first()).
  std::vector<ExprId> chain{call};
  for (ExprId cur = call; chain.size() < 16;) {
    ExprId callee = calleeOf(fn_, cur);
    if (callee == kNoExpr || fn_.expr(callee).kind != ExprKind::Attribute || fn_.expr(callee).args.empty()) break;
    ExprId object = stripAwait(fn_, fn_.expr(callee).args[0]);
    if (fn_.expr(object).kind != ExprKind::Call) break;
    chain.push_back(object);
    cur = object;
  }
  for (ExprId cur = call; chain.size() < 32;) {
    ExprId next = kNoExpr;
    for (ExprId attr : parents_[cur]) {
      if (fn_.expr(attr).kind != ExprKind::Attribute) continue;
      for (ExprId p : parents_[attr]) {
        if (fn_.expr(p).kind == ExprKind::Call && calleeOf(fn_, p) == attr) next = p;
      }
    }
    if (next == kNoExpr) break;
    chain.push_back(next);
    cur = next;
  }
  const TaintCatalog& catalog = analysis_.catalog();
  auto ownerValue = [&](ExprId value) { return !hasPayloadSource(peek(value, state)); };
  for (ExprId c : chain) {
    const Expr& e = fn_.expr(c);
    for (size_t k = 1; k < e.args.size(); ++k) {
      if (e.args[k] == keyArgument) continue;
      const std::string name = k - 1 < e.argNames.size() ? e.argNames[k - 1] : std::string();
      if (!name.empty() && name != "*" && name != "**" && catalog.isOwnershipField(name) && ownerValue(e.args[k]))
        return true;
      bool scoped = false;
      walkExpr(fn_, e.args[k], [&](ExprId id) {
        const Expr& x = fn_.expr(id);
        if (scoped || x.kind == ExprKind::Lambda) return false;
        if (x.kind == ExprKind::Compare && x.text == "==" && x.args.size() == 2 &&
            fn_.expr(x.args[0]).kind == ExprKind::Attribute && catalog.isOwnershipField(fn_.expr(x.args[0]).text) &&
            ownerValue(x.args[1]))
          scoped = true;
        return !scoped;
      });
      if (scoped) return true;
    }
  }
  return false;
}

void FunctionTaint::checkLocationAssignment(ExprId target, const TaintValue& value) {
  if (!recording_) return;
  const Expr& t = fn_.expr(target);
  if (t.kind != ExprKind::Subscript || t.args.size() != 2) return;
  const std::string* key = stringLiteral(fn_, t.args[1]);
  if (!key || lower(*key) != "location") return;
  std::string mapName = nameOf(fn_, t.args[0]);
  if (mapName.empty() && fn_.expr(t.args[0]).kind == ExprKind::Attribute) mapName = "." + fn_.expr(t.args[0]).text;
  if (!analysis_.catalog().knowledge().matches("response_header_maps", mapName)) return;
  if (leadsWithFixedOrigin(value)) return;
  report(SinkKind::Redirect, target, codeText(t.args[0], 30), "Location header", value,
         suppressingFlags(SinkKind::Redirect));
}

void FunctionTaint::checkLocationReturn(ExprId valueExpr, const TaintState& state) {
  // Flask's `return body, 302, {"Location": url}`.
  if (valueExpr >= fn_.exprs.size()) return;
  const Expr& v = fn_.expr(valueExpr);
  if (v.kind != ExprKind::Container || v.text != "tuple") return;
  for (ExprId item : v.args) {
    const Expr& dict = fn_.expr(item);
    if (dict.kind != ExprKind::Container || dict.text != "dict") continue;
    for (size_t i = 0; i + 1 < dict.args.size(); i += 2) {
      const std::string* key = stringLiteral(fn_, dict.args[i]);
      if (!key || lower(*key) != "location") continue;
      TaintValue target = peek(dict.args[i + 1], state);
      if (!leadsWithFixedOrigin(target))
        report(SinkKind::Redirect, dict.args[i + 1], "the response", "Location header", target,
               suppressingFlags(SinkKind::Redirect));
    }
  }
}

}  // namespace hg
