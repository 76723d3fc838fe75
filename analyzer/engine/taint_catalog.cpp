#include "engine/taint_catalog.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"

namespace hg {

const char* sinkKindName(SinkKind kind) {
  switch (kind) {
    case SinkKind::Ssrf: return "ssrf";
    case SinkKind::PartialSsrf: return "partial_ssrf";
    case SinkKind::Redirect: return "redirect";
    case SinkKind::Code: return "code";
    case SinkKind::DbLookup: return "db_lookup";
    case SinkKind::FieldRead: return "field_read";
  }
  return "?";
}

ArgumentSlot argumentSlot(const nlohmann::json& attributes, const char* positionKey, const char* keywordKey) {
  ArgumentSlot slot;
  if (!attributes.is_object()) return slot;
  if (attributes.contains(positionKey)) {
    const auto& p = attributes[positionKey];
    if (p.is_number_integer()) slot.position = p.get<int>();
    if (p.is_string() && p.get<std::string>() == "any") slot.any = true;
  }
  if (attributes.contains(keywordKey)) {
    const auto& k = attributes[keywordKey];
    if (k.is_string()) {
      slot.keyword = k.get<std::string>();
      if (slot.keyword == "*") {
        slot.allKeywords = true;
        slot.keyword.clear();
      }
    }
  }
  std::string from = std::string(positionKey) + "s_from";
  if (attributes.contains(from) && attributes[from].is_number_integer()) slot.fromPosition = attributes[from].get<int>();
  return slot;
}

TaintCatalog::TaintCatalog(const Program& program, const Knowledge& knowledge)
    : program_(program), knowledge_(knowledge) {}

std::vector<std::string> TaintCatalog::viaBases(const std::string& qualified) const {
  std::vector<std::string> out;
  for (const std::string& prefix : qualifiedPrefixes(qualified)) {
    std::string cls = prefix;
    bool instance = false;
    if (cls.size() > 2 && cls.ends_with("()")) {
      cls.resize(cls.size() - 2);
      instance = true;
    }
    const ClassDef* def = program_.findClass(cls);
    if (!def) continue;
    std::string rest = qualified.substr(prefix.size());
    // Breadth-first over the hierarchy; hostile input may declare cycles.
    std::vector<std::string> queue(def->bases.begin(), def->bases.end());
    std::set<std::string> seen{cls};
    for (size_t i = 0; i < queue.size() && i < 64; ++i) {
      const std::string base = queue[i];
      if (!seen.insert(base).second) continue;
      out.push_back(base + (instance ? "()" : "") + rest);
      if (const ClassDef* b = program_.findClass(base)) queue.insert(queue.end(), b->bases.begin(), b->bases.end());
    }
    break;
  }
  return out;
}

std::vector<std::string> TaintCatalog::calleeNames(const Function& fn, ExprId call) const {
  std::vector<std::string> names;
  if (call >= fn.exprs.size() || fn.expr(call).kind != ExprKind::Call) return names;
  auto add = [&](const std::string& n) {
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  const Expr& e = fn.expr(call);
  ExprId callee = calleeOf(fn, call);
  std::string qualified = !e.qualified.empty() ? e.qualified : (callee != kNoExpr ? fn.expr(callee).qualified : "");
  add(qualified);
  for (const std::string& alt : viaBases(qualified)) add(alt);
  if (callee != kNoExpr) {
    add(writtenName(fn, callee));
    const Expr& c = fn.expr(callee);
    if (c.kind == ExprKind::Attribute) add("." + c.text);
  }
  return names;
}

CatalogMatch TaintCatalog::matchCall(std::string_view category, const Function& fn, ExprId call) const {
  for (const std::string& name : calleeNames(fn, call)) {
    if (const KnowledgeEntry* e = knowledge_.match(category, name)) return CatalogMatch{e, name};
  }
  return {};
}

CatalogMatch TaintCatalog::matchName(std::string_view category, const std::string& name) const {
  if (const KnowledgeEntry* e = knowledge_.match(category, name)) return CatalogMatch{e, name};
  for (const std::string& alt : viaBases(name)) {
    if (const KnowledgeEntry* e = knowledge_.match(category, alt)) return CatalogMatch{e, alt};
  }
  return {};
}

bool TaintCatalog::isOwnershipField(std::string_view name) const {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const KnowledgeEntry& e : knowledge_.entries("ownership_fields")) {
    if (globMatch(e.pattern, lower)) return true;
  }
  return false;
}

}  // namespace hg
