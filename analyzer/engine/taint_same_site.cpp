// Values whose origin is fixed although their text is not known: URLs of this site
// (`same_site_urls` in taint.json: the request's own path, build_absolute_uri(location)) and
// the entries of a constant table of URLs. A redirect to one of them cannot leave for a host
// the client picks, and request data appended after them can only choose a path or query.
#include "engine/constant_folding.h"
#include "engine/taint_function.h"
#include "engine/taint_origin.h"

namespace hg {

namespace {

// Up to the first `{` or `%`: what a template fixes whatever is filled in.
std::string_view textBeforePlaceholder(std::string_view text) {
  return text.substr(0, text.find_first_of("{%"));
}

}  // namespace

std::optional<TaintValue> FunctionTaint::sameSiteAttribute(ExprId id, const TaintState& state, int depth) {
  const Expr& e = fn_.expr(id);
  if (e.qualified.empty() || e.args.empty() || !analysis_.catalog().knowledge().matches("same_site_urls", e.qualified))
    return std::nullopt;
  TaintValue out;
  out.labels = eval(e.args[0], state, depth + 1).labels;
  out.pinned = true;
  out.addFlags(kOriginFixed);
  return out;
}

std::optional<TaintValue> FunctionTaint::sameSiteCall(ExprId call, const TaintValue* receiver,
                                                      const std::vector<TaintValue>& args) {
  CatalogMatch m = analysis_.catalog().matchCall("same_site_urls", fn_, call);
  if (!m) return std::nullopt;
  TaintValue out;
  if (receiver) out.labels = receiver->labels;
  for (const TaintValue& a : args) out.mergeLabels(a);
  out.fieldKey.clear();
  ArgumentSlot slot = argumentSlot(m.attributes(), "location_arg", "location_kw");
  std::vector<ExprId> given;
  TaintValue location = slotValue(call, slot, args, &given);
  // build_absolute_uri("https://evil.example/") returns its argument unchanged: the result is
  // on this site only when the location is.
  out.pinned = given.empty() || leadsWithFixedOrigin(location);
  if (!given.empty()) out.pinnedByParameter = location.pinnedByParameter;
  if (out.pinned) out.addFlags(kOriginFixed);
  return out;
}

bool FunctionTaint::isPinnedTable(ExprId table) const {
  if (table >= fn_.exprs.size()) return false;
  const Expr& t = fn_.expr(table);
  // Locals and parameters are not qualified: only a module or class constant is a table.
  if ((t.kind != ExprKind::Name && t.kind != ExprKind::Attribute) || t.qualified.empty()) return false;
  auto cached = pinnedTables_.find(t.qualified);
  if (cached != pinnedTables_.end()) return cached->second;
  return pinnedTables_[t.qualified] = tableValuesFixTheirOrigin(t.qualified);
}

bool FunctionTaint::tableValuesFixTheirOrigin(const std::string& qualified) const {
  const ConstantFolder& constants = analysis_.constants();
  std::optional<ConstantDefinition> definition = constants.findDefinition(qualified);
  if (!definition || definition->function >= program_.functionCount()) return false;
  const Function& body = program_.function(definition->function);
  if (definition->value >= body.exprs.size()) return false;
  const Expr& dict = body.expr(definition->value);
  if (dict.kind != ExprKind::Container || dict.text != "dict" || dict.args.size() < 2) return false;
  for (size_t i = 1; i < dict.args.size(); i += 2) {
    ConstantValue v = constants.fold(body, dict.args[i]);
    if (v.kind != ConstantValue::Kind::String) return false;
    if (classifyUrlPrefix(textBeforePlaceholder(v.text)) == UrlPrefixKind::Open) return false;
  }
  return true;
}

std::optional<TaintValue> FunctionTaint::fillPinnedTemplate(const TaintValue& templ,
                                                            const std::vector<TaintValue>& args) const {
  if (templ.tainted() || !templ.pinned || (templ.prefixKnown && templ.complete)) return std::nullopt;
  // A known head with a placeholder in it could let an argument complete the host.
  if (templ.prefixKnown && textBeforePlaceholder(templ.prefix).size() != templ.prefix.size()) return std::nullopt;
  TaintValue out;
  for (TaintValue a : args) {
    a.addFlags(kOriginFixed);
    out.mergeLabels(a);
  }
  out.fieldKey.clear();
  out.pinned = true;
  return out;
}

std::optional<TaintValue> FunctionTaint::keepOrigin(ExprId call, const TaintValue* receiver,
                                                    const std::vector<TaintValue>& args) {
  if (!receiver || !receiver->pinned) return std::nullopt;
  CatalogMatch m = analysis_.catalog().matchCall("origin_keeping_methods", fn_, call);
  if (!m) return std::nullopt;
  for (const TaintValue& a : args) {
    if (a.tainted()) return std::nullopt;
  }
  ArgumentSlot slot = argumentSlot(m.attributes(), "new_arg", "new_kw");
  if (slot.position >= 0 || !slot.keyword.empty()) {
    // "/old/x".replace("/old", "/") is "//x": a replacement ending in a slash can make the
    // path scheme-relative.
    TaintValue replacement = slotValue(call, slot, args);
    if (!replacement.prefixKnown || !replacement.complete) return std::nullopt;
    if (replacement.prefix.ends_with('/') || replacement.prefix.ends_with('\\')) return std::nullopt;
  }
  TaintValue out;
  out.labels = receiver->labels;
  out.pinned = true;
  return out;
}

// `parts._replace(query=urlencode(params))` on a parsed URL: what goes into the query or the
// fragment cannot choose the host, whatever the URL is; any other part may (an empty netloc
// and a path "//evil.example" make another host).
std::optional<TaintValue> FunctionTaint::replaceUrlParts(ExprId call, const TaintValue* receiver,
                                                         const std::vector<TaintValue>& args) {
  CatalogMatch m = analysis_.catalog().matchCall("url_part_replacers", fn_, call);
  if (!m) return std::nullopt;
  const nlohmann::json parts = m.attributes().value("query_kws", nlohmann::json::array());
  const Expr& e = fn_.expr(call);
  TaintValue out;
  if (receiver) out.mergeLabels(*receiver);
  for (size_t i = 0; i < args.size(); ++i) {
    TaintValue part = args[i];
    const std::string name = i < e.argNames.size() ? e.argNames[i] : std::string();
    bool inQuery = false;
    for (const auto& kw : parts) inQuery = inQuery || (kw.is_string() && kw.get<std::string>() == name);
    if (inQuery) part.addFlags(kQueryOnly);
    out.mergeLabels(part);
  }
  out.fieldKey.clear();
  return out;
}

}  // namespace hg
