#include "python/route_values.h"

#include <cctype>

namespace hg::python {
namespace {

constexpr int kMaxConstantHops = 8;

}  // namespace

ExprRef throughConstant(const LinkIndex& index, ExprRef ref) {
  for (int hop = 0; hop < kMaxConstantHops && ref.valid(); ++hop) {
    const Expr& e = ref.expr();
    if (e.kind != ExprKind::Name) return ref;
    const std::string& key = !e.binding.empty() ? e.binding : e.qualified;
    const LinkIndex::Constant* c = index.constant(key);
    if (!c) return ref;
    ref = ExprRef{&index.program.function(c->function), c->value};
  }
  return ref;
}

ExprRef keywordArgument(const Function& fn, const Expr& call, std::string_view name) {
  for (size_t i = 0; i + 1 < call.args.size() && i < call.argNames.size(); ++i) {
    if (call.argNames[i] == name) return ExprRef{&fn, call.args[i + 1]};
  }
  return {};
}

ExprRef positionalArgument(const Function& fn, const Expr& call, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i + 1 < call.args.size() && i < call.argNames.size(); ++i) {
    if (!call.argNames[i].empty()) {
      if (call.argNames[i] == "*") return {};  // positions past a *args are unknown
      continue;
    }
    if (seen++ == index) return ExprRef{&fn, call.args[i + 1]};
  }
  return {};
}

ExprRef callArgument(const Function& fn, const Expr& call, const nlohmann::json& attrs, const char* positionKey,
                     const char* keywordKey) {
  if (attrs.contains(keywordKey) && attrs[keywordKey].is_string()) {
    ExprRef r = keywordArgument(fn, call, attrs[keywordKey].get<std::string>());
    if (r.valid()) return r;
  }
  if (attrs.contains(positionKey) && attrs[positionKey].is_number_unsigned()) {
    return positionalArgument(fn, call, attrs[positionKey].get<size_t>());
  }
  return {};
}

std::optional<std::string> constantString(const LinkIndex& index, ExprRef ref) {
  // Concatenations nest to the left; walk them with an explicit stack.
  std::string out;
  std::vector<ExprRef> stack{ref};
  int budget = 256;
  while (!stack.empty()) {
    if (--budget < 0) return std::nullopt;
    ExprRef r = throughConstant(index, stack.back());
    stack.pop_back();
    if (!r.valid()) return std::nullopt;
    const Expr& e = r.expr();
    if (e.kind == ExprKind::Literal && (e.literal == LiteralKind::String || e.literal == LiteralKind::Bytes)) {
      out += e.text;
    } else if (e.kind == ExprKind::FormatString) {
      for (size_t i = 0; i < e.literalParts.size(); ++i) {
        out += e.literalParts[i];
        if (i + 1 < e.literalParts.size()) out += "{}";
      }
    } else if (e.kind == ExprKind::BinaryOp && e.text == "+" && e.args.size() == 2) {
      stack.push_back(ExprRef{r.fn, e.args[1]});
      stack.push_back(ExprRef{r.fn, e.args[0]});
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::optional<HttpMethod> methodFromName(std::string_view name) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "GET") return HttpMethod::Get;
  if (upper == "HEAD") return HttpMethod::Head;
  if (upper == "POST") return HttpMethod::Post;
  if (upper == "PUT") return HttpMethod::Put;
  if (upper == "PATCH") return HttpMethod::Patch;
  if (upper == "DELETE") return HttpMethod::Delete;
  if (upper == "OPTIONS") return HttpMethod::Options;
  if (upper == "ANY" || upper == "*") return HttpMethod::Any;
  return std::nullopt;
}

std::vector<HttpMethod> methodsFromJson(const nlohmann::json& names) {
  std::vector<HttpMethod> out;
  if (!names.is_array()) return out;
  for (const auto& n : names) {
    if (!n.is_string()) continue;
    if (auto m = methodFromName(n.get<std::string>())) out.push_back(*m);
  }
  return out;
}

std::optional<std::vector<HttpMethod>> constantMethods(const LinkIndex& index, ExprRef ref) {
  ref = throughConstant(index, ref);
  if (!ref.valid()) return std::nullopt;
  const Expr& e = ref.expr();
  std::vector<HttpMethod> out;
  if (e.kind == ExprKind::Container && e.text != "dict") {
    for (ExprId element : e.args) {
      std::optional<std::string> name = constantString(index, ExprRef{ref.fn, element});
      if (!name) return std::nullopt;
      std::optional<HttpMethod> m = methodFromName(*name);
      if (!m) continue;  // an unknown verb ("PROPFIND") adds nothing a rule looks at
      bool seen = false;
      for (HttpMethod x : out) seen = seen || x == *m;
      if (!seen) out.push_back(*m);
    }
    return out;
  }
  if (std::optional<std::string> single = constantString(index, ref)) {
    if (auto m = methodFromName(*single)) return std::vector<HttpMethod>{*m};
  }
  return std::nullopt;
}

std::vector<std::string> pathParameters(const std::string& path) {
  std::vector<std::string> out;
  auto add = [&](std::string name) {
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
    if (name.empty()) return;
    for (const std::string& n : out) {
      if (n == name) return;
    }
    out.push_back(std::move(name));
  };
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '<') {
      // Flask "<conv:name>", Django "<int:pk>", regex "(?P<name>...)".
      size_t close = path.find('>', i);
      if (close == std::string::npos) break;
      std::string inner = path.substr(i + 1, close - i - 1);
      size_t colon = inner.rfind(':');
      add(colon == std::string::npos ? inner : inner.substr(colon + 1));
      i = close;
    } else if (path[i] == '{') {
      // FastAPI/Starlette "{name}" and "{name:path}".
      size_t close = path.find('}', i);
      if (close == std::string::npos) break;
      std::string inner = path.substr(i + 1, close - i - 1);
      add(inner.substr(0, inner.find(':')));
      i = close;
    }
  }
  return out;
}

std::string joinPath(const std::string& prefix, const std::string& path) {
  if (prefix.empty()) return path;
  std::string p = prefix;
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (path.empty()) return p.empty() ? "/" : p;
  return path.front() == '/' ? p + path : p + "/" + path;
}

std::string decoratorName(const Function& fn, ExprId decorator) {
  if (decorator == kNoExpr) return {};
  const Expr* e = &fn.exprs[decorator];
  if (!e->qualified.empty()) return e->qualified;
  if (e->kind == ExprKind::Call && !e->args.empty()) e = &fn.exprs[e->args[0]];
  std::vector<std::string> parts;
  for (int hop = 0; hop < 64; ++hop) {
    if (e->kind == ExprKind::Name) {
      parts.push_back(e->text);
      break;
    }
    if (e->kind != ExprKind::Attribute || e->args.empty()) return {};
    parts.push_back(e->text);
    e = &fn.exprs[e->args[0]];
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : ".") + *it;
  return out;
}

std::string identityOf(const Function& fn, ExprId id) {
  if (id == kNoExpr) return {};
  const Expr& e = fn.exprs[id];
  if (e.kind == ExprKind::Name && !e.binding.empty()) return e.binding;
  return e.qualified;
}

std::string calleeObjectIdentity(const Function& fn, const Expr& call) {
  if (call.args.empty()) return {};
  const Expr& callee = fn.exprs[call.args[0]];
  if (callee.kind != ExprKind::Attribute || callee.args.empty()) return {};
  return identityOf(fn, callee.args[0]);
}

std::vector<HttpMethod> entryMethods(const LinkIndex& index, const Function& fn, const Expr& call,
                                     const KnowledgeEntry& entry) {
  const nlohmann::json& attrs = entry.attributes;
  if (attrs.contains("methods")) return methodsFromJson(attrs["methods"]);
  if (attrs.contains("methods_kw") && attrs["methods_kw"].is_string()) {
    ExprRef arg = keywordArgument(fn, call, attrs["methods_kw"].get<std::string>());
    if (arg.valid()) return constantMethods(index, arg).value_or(std::vector<HttpMethod>{HttpMethod::Any});
  }
  return methodsFromJson(attrs.value("default_methods", nlohmann::json::array()));
}

bool pathAcceptable(const KnowledgeEntry& entry, const std::optional<std::string>& path) {
  if (!entry.attributes.value("requires_path_literal", false)) return true;
  return path && path->starts_with("/");
}

}  // namespace hg::python
