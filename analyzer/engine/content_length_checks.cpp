#include "engine/content_length_checks.h"

#include <tuple>

#include "engine/expr_walk.h"

namespace hg {

namespace {

bool before(const Span& a, const Span& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); }

}  // namespace

ContentLengthChecks::ContentLengthChecks(const Program& program, const Knowledge& knowledge,
                                         RequestUseAnalysis& requests, ValueOrigins& origins)
    : program_(program), knowledge_(knowledge), requests_(requests), origins_(origins) {}

bool ContentLengthChecks::comparesContentLength(const RouteScope& scope, FunctionId fn, ExprId compare) {
  const Expr& e = program_.function(fn).expr(compare);
  if (e.kind != ExprKind::Compare || e.args.size() != 2) return false;
  if (e.text != "<" && e.text != "<=" && e.text != ">" && e.text != ">=") return false;
  for (ExprId side : e.args) {
    for (const ValueOrigin& o : origins_.trace(scope, fn, side)) {
      if (o.kind != ValueOrigin::Kind::Request) continue;
      if (o.requestKind == RequestDataKind::ContentLength) return true;
      if (!o.headerName.empty() && knowledge_.matches("content_length_headers", o.headerName)) return true;
    }
  }
  return false;
}

std::optional<Span> ContentLengthChecks::firstBodyRead(FunctionId handler) {
  std::optional<Span> first;
  for (const RequestRead& r : requests_.reads(handler)) {
    if (!r.isBody()) continue;
    if (!first || before(r.span, *first)) first = r.span;
  }
  return first;
}

std::optional<Span> ContentLengthChecks::boundingCheck(const RouteScope& scope, FunctionId handler) {
  std::optional<Span> bodyRead = firstBodyRead(handler);
  auto runsBeforeRead = [&](FunctionId fn, const Span& at) {
    if (!bodyRead) return true;
    if (fn == handler) return before(at, *bodyRead);
    const std::vector<CallSite>& sites = scope.callSitesOf(fn);
    bool calledByHandler = false;
    for (const CallSite& site : sites) {
      if (site.caller != handler) continue;
      calledByHandler = true;
      if (before(program_.function(handler).expr(site.call).span, *bodyRead)) return true;
    }
    // Decorators and hooks run before the handler; deeper helpers are taken as called early.
    return !calledByHandler;
  };
  for (FunctionId fn : scope.functions) {
    const Function& f = program_.function(fn);
    std::optional<Span> found;
    auto scan = [&](ExprId root) {
      walkExpr(f, root, [&](ExprId id) {
        if (found) return false;
        const Expr& e = f.expr(id);
        if (e.kind == ExprKind::Compare && comparesContentLength(scope, fn, id) && runsBeforeRead(fn, e.span))
          found = e.span;
        return e.kind != ExprKind::Lambda;
      });
    };
    for (BlockId b = 0; b < f.blocks.size(); ++b) {
      if (!scope.blockRuns(fn, b)) continue;
      const Block& block = f.blocks[b];
      for (const Stmt& stmt : block.stmts) {
        for (ExprId root : stmtRoots(stmt)) scan(root);
      }
      if (block.condition != kNoExpr) scan(block.condition);
    }
    if (found) return found;
  }
  return std::nullopt;
}

}  // namespace hg
