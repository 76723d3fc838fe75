#include "python/site_values.h"

#include "python/class_lookup.h"

namespace hg::python {
namespace {

// Sites followed outwards; library code rarely forwards an app more than a few levels.
constexpr int kMaxDepth = 4;
// Bounds the fan-out of a parameter taking many values (a helper called from everywhere).
constexpr size_t kMaxValues = 64;

}  // namespace

SiteValues::SiteValues(const LinkIndex& index) : index_(index), program_(index.program) {
  for (FunctionId id : index_.functions()) {
    const Function& f = program_.function(id);
    for (ExprId e = 0; e < f.exprs.size(); ++e) {
      const Expr& call = f.exprs[e];
      if (call.kind != ExprKind::Call) continue;
      if (!call.qualified.empty() && program_.findClass(call.qualified)) {
        FunctionId init = findMethod(program_, call.qualified, "__init__");
        if (init != kNoFunction) sites_[init].push_back({id, e, true});
        continue;
      }
      if (call.function == kNoFunction || program_.function(call.function).name.starts_with("<")) continue;
      sites_[call.function].push_back({id, e, false});
    }
    for (const Block& b : f.blocks) {
      for (const Stmt& s : b.stmts) {
        if (s.kind != StmtKind::Assign || s.value == kNoExpr || !s.augOp.empty()) continue;
        if (f.exprs[s.value].kind != ExprKind::Call) continue;
        for (ExprId t : s.targets) {
          std::string identity = identityOf(f, t);
          if (!identity.empty()) assignedTo_[{id, s.value}] = identity;
        }
      }
    }
  }
}

bool SiteValues::isSelf(const Function& fn, ExprId expr) const {
  if (fn.classQualified.empty() || fn.params.empty() || expr == kNoExpr) return false;
  const Expr& e = fn.exprs[expr];
  return e.kind == ExprKind::Name && e.text == fn.params[0].name;
}

int SiteValues::parameterIndex(const Function& fn, ExprId expr) const {
  if (expr == kNoExpr) return -1;
  const Expr& e = fn.exprs[expr];
  if (e.kind != ExprKind::Name) return -1;
  const size_t first = fn.classQualified.empty() ? 0 : 1;
  for (size_t i = first; i < fn.params.size(); ++i) {
    const Parameter& p = fn.params[i];
    if (p.name == e.text && !p.isVariadic && !p.isKeywordVariadic) return static_cast<int>(i);
  }
  return -1;
}

bool SiteValues::dependsOnSites(FunctionId fnId, ExprId expr) const {
  const Function& fn = program_.function(fnId);
  if (isSelf(fn, expr) || parameterIndex(fn, expr) >= 0) return true;
  if (expr == kNoExpr) return false;
  const Expr& e = fn.exprs[expr];
  return e.kind == ExprKind::Attribute && !e.args.empty() && isSelf(fn, e.args[0]);
}

std::vector<SiteValue> SiteValues::resolve(FunctionId fn, ExprId expr, const std::vector<CallSite>& chain) const {
  std::vector<SiteValue> out;
  resolveInto(fn, expr, chain, {}, 0, out);
  return out;
}

void SiteValues::resolveInto(FunctionId fnId, ExprId expr, const std::vector<CallSite>& restrict,
                             std::vector<CallSite> built, int depth, std::vector<SiteValue>& out) const {
  if (out.size() >= kMaxValues) return;
  const Function& fn = program_.function(fnId);
  if (depth <= kMaxDepth) {
    if (isSelf(fn, expr)) {
      resolveParameter(fnId, 0, restrict, std::move(built), depth, out);
      return;
    }
    int param = parameterIndex(fn, expr);
    if (param >= 0) {
      resolveParameter(fnId, static_cast<size_t>(param), restrict, std::move(built), depth, out);
      return;
    }
    const Expr& e = fn.exprs[expr];
    if (e.kind == ExprKind::Attribute && !e.args.empty() && isSelf(fn, e.args[0])) {
      resolveSelfAttribute(fnId, e.text, depth, out);
      return;
    }
  }
  out.push_back({ExprRef{&fn, expr}, {}, std::move(built)});
}

void SiteValues::resolveParameter(FunctionId fnId, size_t param, const std::vector<CallSite>& restrict,
                                  std::vector<CallSite> built, int depth, std::vector<SiteValue>& out) const {
  const Function& fn = program_.function(fnId);
  const Parameter& p = fn.params[param];
  auto it = sites_.find(fnId);
  std::vector<CallSite> sites = it == sites_.end() ? std::vector<CallSite>{} : it->second;
  const size_t position = built.size();
  if (position < restrict.size()) {
    const CallSite& wanted = restrict[position];
    for (const CallSite& s : sites) {
      if (s.caller == wanted.caller && s.call == wanted.call) {
        sites = {s};
        break;
      }
    }
  }
  if (sites.empty()) {
    if (p.defaultValue != kNoExpr) out.push_back({ExprRef{&fn, p.defaultValue}, {}, built});
    return;
  }
  const bool method = !fn.classQualified.empty();
  for (const CallSite& site : sites) {
    const Function& caller = program_.function(site.caller);
    const Expr& call = caller.exprs[site.call];
    const Expr* callee = call.args.empty() ? nullptr : &caller.exprs[call.args[0]];
    const bool bound = method && (site.constructs || (callee && callee->kind == ExprKind::Attribute));
    std::vector<CallSite> next = built;
    next.push_back(site);
    if (bound && param == 0) {
      if (site.constructs) {
        auto target = assignedTo_.find({site.caller, site.call});
        out.push_back({ExprRef{&caller, site.call}, target == assignedTo_.end() ? "" : target->second, next});
      } else if (callee && !callee->args.empty()) {
        resolveInto(site.caller, callee->args[0], restrict, std::move(next), depth + 1, out);
      }
      continue;
    }
    ExprRef arg = keywordArgument(caller, call, p.name);
    if (!arg.valid()) {
      const size_t offset = bound ? 1 : 0;
      if (param >= offset) arg = positionalArgument(caller, call, param - offset);
    }
    if (!arg.valid()) {
      if (p.defaultValue != kNoExpr) out.push_back({ExprRef{&fn, p.defaultValue}, {}, next});
      continue;
    }
    resolveInto(site.caller, arg.id, restrict, std::move(next), depth + 1, out);
  }
}

void SiteValues::resolveSelfAttribute(FunctionId fnId, const std::string& attr, int depth,
                                      std::vector<SiteValue>& out) const {
  const Function& fn = program_.function(fnId);
  anyBase(program_, fn.classQualified, [&](const std::string& cls) {
    const ClassDef* c = program_.findClass(cls);
    if (!c) return false;
    for (FunctionId m : c->methods) {
      const Function& method = program_.function(m);
      if (method.params.empty()) continue;
      for (const Block& b : method.blocks) {
        for (const Stmt& s : b.stmts) {
          if (s.kind != StmtKind::Assign || s.value == kNoExpr || !s.augOp.empty()) continue;
          for (ExprId t : s.targets) {
            const Expr& target = method.exprs[t];
            if (target.kind != ExprKind::Attribute || target.text != attr || target.args.empty()) continue;
            if (!isSelf(method, target.args[0])) continue;
            resolveInto(m, s.value, {}, {}, depth + 1, out);
          }
        }
      }
    }
    return false;
  });
}

}  // namespace hg::python
