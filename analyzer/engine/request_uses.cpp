#include "engine/request_uses.h"

#include <algorithm>
#include <cctype>

#include "engine/expr_walk.h"

namespace hg {

namespace {

struct KindName {
  RequestDataKind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {
    {RequestDataKind::RawBody, "raw_body"},   {RequestDataKind::Json, "json"},
    {RequestDataKind::Form, "form"},          {RequestDataKind::Form, "files"},
    {RequestDataKind::Form, "values"},        {RequestDataKind::Args, "args"},
    {RequestDataKind::Headers, "headers"},    {RequestDataKind::Headers, "header"},
    {RequestDataKind::Cookies, "cookies"},    {RequestDataKind::Stream, "stream"},
    {RequestDataKind::ContentLength, "content_length"},
    {RequestDataKind::PathParameter, "path_parameter"},
};

}  // namespace

const char* requestDataKindName(RequestDataKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "other";
}

RequestDataKind requestDataKindFromName(const std::string& name) {
  for (const KindName& k : kKindNames) {
    if (name == k.name) return k.kind;
  }
  return RequestDataKind::Other;
}

bool RequestRead::isBody() const {
  return kind == RequestDataKind::RawBody || kind == RequestDataKind::Json || kind == RequestDataKind::Form ||
         kind == RequestDataKind::Stream;
}

bool RequestRead::isParsedBody() const { return kind == RequestDataKind::Json || kind == RequestDataKind::Form; }

std::string normalizeHeaderName(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return c == '_' ? '-' : static_cast<char>(std::tolower(c));
  });
  if (name.starts_with("http-")) name.erase(0, 5);
  return name;
}

RequestUseAnalysis::RequestUseAnalysis(const Program& program, const Knowledge& knowledge)
    : program_(program), knowledge_(knowledge) {}

bool RequestUseAnalysis::matchSource(const Function& fn, ExprId id, RequestRead& out) const {
  const Expr& e = fn.expr(id);
  if (e.kind != ExprKind::Name && e.kind != ExprKind::Attribute && e.kind != ExprKind::Call &&
      e.kind != ExprKind::Subscript)
    return false;
  std::string qualified = e.qualified;
  if (e.kind == ExprKind::Subscript && qualified.empty()) {
    // `request.headers["X"]`: the subscript is the read, so the header name is known.
    if (e.args.empty() || e.args[0] >= fn.exprs.size()) return false;
    qualified = fn.expr(e.args[0]).qualified;
    if (qualified.empty()) return false;
  }
  for (const std::string& prefix : qualifiedPrefixes(qualified)) {
    const KnowledgeEntry* entry = knowledge_.match("request_sources", prefix);
    if (!entry) continue;
    out.expr = id;
    out.source = entry->pattern;
    out.kind = requestDataKindFromName(entry->attributes.value("kind", std::string("other")));
    out.span = e.span;
    // A Name whose qualified name ends differently from its text stands for a value read
    // earlier (`data` qualified "flask.request.get_json()").
    out.viaAlias = e.kind == ExprKind::Name && lastComponent(qualified) != e.text;
    if (e.kind == ExprKind::Subscript) {
      const Expr& object = fn.expr(e.args[0]);
      out.viaAlias = object.kind == ExprKind::Name && lastComponent(qualified) != object.text;
    }
    return true;
  }
  return false;
}

// The header a read names: the first string argument of `headers.get("X")`, the index of
// `headers["X"]`, or a Django META key.
static std::string headerNameOf(const Function& fn, ExprId id) {
  const Expr& e = fn.expr(id);
  const std::string* literal = nullptr;
  if (e.kind == ExprKind::Call) {
    literal = stringLiteral(fn, callArgument(fn, id, 0));
  } else if (e.kind == ExprKind::Subscript && e.args.size() > 1) {
    literal = stringLiteral(fn, e.args[1]);
  }
  return literal ? normalizeHeaderName(*literal) : std::string();
}

std::vector<RequestRead> RequestUseAnalysis::compute(const Function& fn) const {
  std::vector<RequestRead> out;
  auto scan = [&](BlockId b, size_t stmt, ExprId statementRoot) {
    // Parents are visited first: a matched chain is recorded and its object/callee part
    // skipped, but the arguments of a matched call or subscript are searched as new roots
    // (`request.headers.get(request.args["name"])` reads twice).
    std::vector<ExprId> roots{statementRoot};
    while (!roots.empty()) {
      ExprId root = roots.back();
      roots.pop_back();
      walkExpr(fn, root, [&](ExprId id) {
        RequestRead read;
        if (!matchSource(fn, id, read)) return true;
        read.block = b;
        read.stmt = stmt;
        if (read.kind == RequestDataKind::Headers) read.headerName = headerNameOf(fn, id);
        out.push_back(read);
        const Expr& e = fn.expr(id);
        for (size_t i = 1; i < e.args.size(); ++i) roots.push_back(e.args[i]);
        return false;
      });
    }
  };
  for (BlockId b = 0; b < fn.blocks.size(); ++b) {
    const Block& block = fn.blocks[b];
    for (size_t s = 0; s < block.stmts.size(); ++s) {
      for (ExprId root : stmtRoots(block.stmts[s])) scan(b, s, root);
    }
    if (block.condition != kNoExpr) scan(b, conditionIndex(block), block.condition);
  }
  // FastAPI-style header parameters: `x_hub_signature: str = Header(None)`.
  for (const Parameter& p : fn.params) {
    if (p.defaultValue == kNoExpr || p.defaultValue >= fn.exprs.size()) continue;
    const Expr& def = fn.expr(p.defaultValue);
    if (def.kind != ExprKind::Call) continue;
    const KnowledgeEntry* entry = knowledge_.match("request_parameters", def.qualified);
    if (!entry) continue;
    RequestRead read;
    read.expr = p.defaultValue;
    read.block = 0;
    read.stmt = 0;
    read.kind = requestDataKindFromName(entry->attributes.value("kind", std::string("other")));
    read.source = entry->pattern;
    if (read.kind == RequestDataKind::Headers) {
      const std::string* alias = stringLiteral(fn, callArgument(fn, p.defaultValue, 99, "alias"));
      read.headerName = normalizeHeaderName(alias ? *alias : p.name);
    }
    read.span = p.span;
    out.push_back(read);
  }
  return out;
}

const RequestUseAnalysis::FunctionReads& RequestUseAnalysis::entry(FunctionId fn) {
  auto it = cache_.find(fn);
  if (it != cache_.end()) return it->second;
  FunctionReads computed;
  computed.reads = compute(program_.function(fn));
  for (size_t i = 0; i < computed.reads.size(); ++i) computed.byExpr.emplace(computed.reads[i].expr, i);
  return cache_.emplace(fn, std::move(computed)).first->second;
}

const std::vector<RequestRead>& RequestUseAnalysis::reads(FunctionId fn) { return entry(fn).reads; }

const RequestRead* RequestUseAnalysis::readAt(FunctionId fn, ExprId expr) {
  const FunctionReads& e = entry(fn);
  auto it = e.byExpr.find(expr);
  return it == e.byExpr.end() ? nullptr : &e.reads[it->second];
}

}  // namespace hg
