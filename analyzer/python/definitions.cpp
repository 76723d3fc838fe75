#include "python/definitions.h"

#include <vector>

#include "python/expr_lowering.h"
#include "python/node_util.h"

namespace hg::python {
namespace {

bool endsWithName(const std::string& qualified, std::string_view name) {
  if (qualified == name) return true;
  return qualified.size() > name.size() && qualified.ends_with(name) &&
         qualified[qualified.size() - name.size() - 1] == '.';
}

struct ParameterNode {
  TSNode name;        // identifier (or a pattern)
  TSNode annotation;  // type, may be null
  TSNode value;       // default, may be null
  bool variadic = false;
  bool keywordVariadic = false;
};

// One entry per parameter of a `parameters` or `lambda_parameters` node; the bare `*` and
// `/` separators are not parameters.
std::vector<ParameterNode> parameterNodes(TSNode parameters) {
  std::vector<ParameterNode> out;
  TSNode none{};
  for (TSNode p : namedChildren(parameters)) {
    const std::string_view type = nodeType(p);
    ParameterNode pn{p, none, none};
    TSNode inner = p;
    if (type == "typed_parameter") {
      pn.annotation = field(p, "type");
      std::vector<TSNode> parts = namedChildren(p);
      inner = parts.empty() ? p : parts[0];
    } else if (type == "default_parameter" || type == "typed_default_parameter") {
      inner = field(p, "name");
      pn.annotation = field(p, "type");
      pn.value = field(p, "value");
    } else if (type == "keyword_separator" || type == "positional_separator") {
      continue;
    }
    if (isType(inner, "list_splat_pattern") || isType(inner, "dictionary_splat_pattern")) {
      pn.variadic = isType(inner, "list_splat_pattern");
      pn.keywordVariadic = !pn.variadic;
      std::vector<TSNode> parts = namedChildren(inner);
      inner = parts.empty() ? inner : parts[0];
    }
    pn.name = inner;
    out.push_back(pn);
  }
  return out;
}

enum class MethodKind : uint8_t { NotAMethod, Instance, Static, Class };

MethodKind methodKind(const Function& fn, const Scope& enclosing) {
  if (enclosing.kind != ScopeKind::Class) return MethodKind::NotAMethod;
  for (ExprId d : fn.decorators) {
    const std::string& q = fn.exprs[d].qualified;
    if (q == "staticmethod") return MethodKind::Static;
    if (q == "classmethod") return MethodKind::Class;
  }
  return MethodKind::Instance;
}

bool hasDjangoDecorator(const Function& fn) {
  for (ExprId d : fn.decorators) {
    // A call's qualified name is its callee's: `@require_http_methods([...])` counts too.
    if (fn.exprs[d].qualified.starts_with("django.")) return true;
  }
  return false;
}

void declareParameters(FileLowering& file, FunctionId id, TSNode parameters, Scope& enclosing, Scope& scope,
                       FunctionId parent) {
  ExprLowering defaults(file, id, enclosing, parent);
  const MethodKind method = methodKind(file.function(id), enclosing);
  const bool djangoView = method == MethodKind::NotAMethod && hasDjangoDecorator(file.function(id));
  std::vector<ParameterNode> nodes = parameterNodes(parameters);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ParameterNode& pn = nodes[i];
    Parameter p;
    p.name = std::string(file.text(pn.name));
    p.span = file.span(pn.name);
    p.isVariadic = pn.variadic;
    p.isKeywordVariadic = pn.keywordVariadic;
    if (!ts_node_is_null(pn.value)) p.defaultValue = defaults.lower(pn.value);
    NameInfo& info = scope.names[p.name];
    info.assignments += 1;
    if (!ts_node_is_null(pn.annotation)) {
      std::string type = annotationType(file, pn.annotation, enclosing);
      p.annotation = type.empty() ? std::string(file.text(pn.annotation)) : type;
      info.annotation = type;
    } else if (i == 0 && method == MethodKind::Instance) {
      p.annotation = info.annotation = enclosing.qualified;  // self
    } else if (i == 0 && method == MethodKind::Class) {
      info.defined = true;  // cls denotes the class itself
      info.value = enclosing.qualified;
    } else if (!pn.variadic && !pn.keywordVariadic &&
               ((i == 0 && djangoView) || (file.importsDjango && p.name == "request"))) {
      // Django passes the HttpRequest as a view's first argument; by convention it is named
      // `request` in views and in class-based views' handlers.
      p.annotation = info.annotation = "django.http.HttpRequest";
    }
    file.function(id).params.push_back(std::move(p));
  }
}

void lowerDecorators(FileLowering& file, FunctionId id, TSNode decorated, Scope& enclosing, FunctionId parent) {
  if (ts_node_is_null(decorated)) return;
  ExprLowering lowering(file, id, enclosing, parent);
  for (TSNode d : namedChildren(decorated)) {
    if (!isType(d, "decorator")) continue;
    std::vector<TSNode> parts = namedChildren(d);
    if (parts.empty()) continue;
    ExprId e = lowering.lower(parts[0]);
    file.function(id).decorators.push_back(e);
  }
}

uint32_t endOf(TSNode n) { return ts_node_end_byte(n); }

}  // namespace

FunctionId declareFunction(FileLowering& file, TSNode definition, TSNode decorated, Scope& enclosing,
                           FunctionId parent, size_t classIndex) {
  TSNode nameNode = field(definition, "name");
  TSNode parameters = field(definition, "parameters");
  TSNode returnType = field(definition, "return_type");
  Function f;
  f.name = ts_node_is_null(nameNode) ? "<anonymous>" : std::string(file.text(nameNode));
  f.qualified = enclosing.bindingOf(f.name);
  f.file = file.file;
  f.span = file.span(ts_node_is_null(decorated) ? definition : decorated);
  uint32_t headerEnd = !ts_node_is_null(returnType)   ? endOf(returnType)
                       : !ts_node_is_null(parameters) ? endOf(parameters)
                       : !ts_node_is_null(nameNode)   ? endOf(nameNode)
                                                      : endOf(definition);
  f.defSpan = file.span(ts_node_start_byte(definition), headerEnd);
  f.parent = parent;
  f.isAsync = file.text(definition).starts_with("async");
  if (classIndex != SIZE_MAX) f.classQualified = file.module.classes[classIndex].qualified;
  const std::string qualified = f.qualified;
  FunctionId id = file.addFunction(std::move(f));
  Scope& scope = file.newScope(ScopeKind::Function, qualified, &enclosing);
  lowerDecorators(file, id, decorated, enclosing, parent);
  declareParameters(file, id, parameters, enclosing, scope, parent);
  file.schedule(PendingBody{definition, id, &scope});
  return id;
}

FunctionId declareLambda(FileLowering& file, TSNode lambda, Scope& enclosing, FunctionId parent) {
  Function f;
  f.name = "<lambda>";
  f.qualified = enclosing.bindingOf(f.name);
  f.file = file.file;
  f.span = f.defSpan = file.span(lambda);
  f.parent = parent;
  const std::string qualified = f.qualified;
  FunctionId id = file.addFunction(std::move(f));
  Scope& scope = file.newScope(ScopeKind::Function, qualified, &enclosing);
  declareParameters(file, id, field(lambda, "parameters"), enclosing, scope, parent);
  file.schedule(PendingBody{lambda, id, &scope});
  return id;
}

size_t declareClass(FileLowering& file, TSNode definition, TSNode decorated, Scope& enclosing, FunctionId parent) {
  TSNode nameNode = field(definition, "name");
  TSNode superclasses = field(definition, "superclasses");
  ClassDef cls;
  cls.name = ts_node_is_null(nameNode) ? "<anonymous>" : std::string(file.text(nameNode));
  cls.qualified = enclosing.bindingOf(cls.name);
  cls.file = file.file;
  cls.span = file.span(ts_node_is_null(decorated) ? definition : decorated);
  for (TSNode base : namedChildren(superclasses)) {
    if (isType(base, "keyword_argument")) continue;  // metaclass=...
    std::string q = dottedNameOf(file, base, enclosing);
    cls.bases.push_back(q.empty() ? std::string(file.text(base)) : q);
  }

  Function body;
  body.name = "<class>";
  body.qualified = cls.qualified + ".<class>";
  body.file = file.file;
  body.span = cls.span;
  uint32_t headerEnd = !ts_node_is_null(superclasses) ? endOf(superclasses)
                       : !ts_node_is_null(nameNode)   ? endOf(nameNode)
                                                      : endOf(definition);
  body.defSpan = file.span(ts_node_start_byte(definition), headerEnd);
  body.parent = parent;
  body.classQualified = cls.qualified;
  FunctionId bodyId = file.addFunction(std::move(body));
  cls.body = bodyId;
  const size_t index = file.module.classes.size();
  Scope& scope = file.newScope(ScopeKind::Class, cls.qualified, &enclosing);
  file.module.classes.push_back(std::move(cls));
  lowerDecorators(file, bodyId, decorated, enclosing, parent);
  file.schedule(PendingBody{definition, bodyId, &scope, index});
  return index;
}

std::string dottedNameOf(FileLowering& file, TSNode expression, Scope& scope) {
  std::vector<std::string_view> attributes;
  TSNode n = expression;
  while (isType(n, "attribute") && attributes.size() < 1000) {
    attributes.push_back(file.text(field(n, "attribute")));
    n = field(n, "object");
  }
  if (!isType(n, "identifier")) return {};
  std::string q = resolveName(scope, std::string(file.text(n))).qualified;
  if (q.empty()) return {};
  for (auto it = attributes.rbegin(); it != attributes.rend(); ++it) {
    q += '.';
    q += *it;
  }
  return q;
}

std::string annotationType(FileLowering& file, TSNode annotation, Scope& scope) {
  TSNode n = annotation;
  for (int step = 0; step < 64 && !ts_node_is_null(n); ++step) {
    const std::string_view type = nodeType(n);
    if (type == "type" || type == "parenthesized_expression") {
      std::vector<TSNode> parts = namedChildren(n);
      if (parts.empty()) return {};
      n = parts[0];
    } else if (type == "identifier" || type == "attribute") {
      return dottedNameOf(file, n, scope);
    } else if (type == "string") {
      // A forward reference: "Request" or "fastapi.Request".
      std::string_view text = file.text(n);
      size_t open = text.find_first_of("\"'");
      size_t close = text.find_last_of("\"'");
      if (open == std::string_view::npos || close <= open) return {};
      std::string inner(text.substr(open + 1, close - open - 1));
      size_t dot = inner.find('.');
      std::string head = inner.substr(0, dot);
      std::string q = resolveName(scope, head).qualified;
      if (q.empty()) return {};
      return dot == std::string::npos ? q : q + inner.substr(dot);
    } else if (type == "subscript" || type == "generic_type") {
      std::vector<TSNode> parts = namedChildren(n);
      if (parts.empty()) return {};
      TSNode base = type == "subscript" ? field(n, "value") : parts.front();
      std::string baseName = dottedNameOf(file, base, scope);
      std::vector<TSNode> params;
      if (type == "subscript") {
        params = fieldChildren(n, "subscript");
      } else {
        for (TSNode c : namedChildren(n)) {
          if (isType(c, "type_parameter")) params = namedChildren(c);
        }
      }
      const bool wrapper = endsWithName(baseName, "Optional") || endsWithName(baseName, "Annotated") ||
                           endsWithName(baseName, "Union");
      if (!wrapper || params.empty()) return baseName;
      n = params[0];
      for (TSNode p : params) {
        if (!isType(p, "none") && file.text(p) != "None") {
          n = p;
          break;
        }
      }
    } else if (type == "binary_operator" || type == "union_type") {
      // `X | None`: the non-None side.
      std::vector<TSNode> parts = namedChildren(n);
      if (parts.empty()) return {};
      TSNode left = type == "binary_operator" ? field(n, "left") : parts.front();
      TSNode right = type == "binary_operator" ? field(n, "right") : parts.back();
      n = file.text(left) == "None" ? right : left;
    } else {
      return {};
    }
  }
  return {};
}

}  // namespace hg::python
