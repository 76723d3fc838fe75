#include "engine/value_facts.h"

#include <algorithm>
#include <cctype>

#include "engine/expr_walk.h"

namespace hg {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool matchesPrefix(const Knowledge& knowledge, std::string_view category, const std::string& qualified) {
  for (const std::string& prefix : qualifiedPrefixes(qualified)) {
    if (knowledge.matches(category, prefix)) return true;
  }
  return false;
}

}  // namespace

ValueFacts::ValueFacts(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests,
                       const CallResolver& calls)
    : program_(program), knowledge_(knowledge), requests_(requests), calls_(calls) {}

bool ValueFacts::isSignatureHeader(const std::string& lowerCaseHeaderName) const {
  if (lowerCaseHeaderName.empty()) return false;
  for (const KnowledgeEntry& e : knowledge_.entries("signature_headers")) {
    if (globMatch(lower(e.pattern), lowerCaseHeaderName)) return true;
  }
  return false;
}

ValueFlags ValueFacts::exprFlags(FunctionId fnId, const FunctionFacts& facts, ExprId root) {
  const Function& fn = program_.function(fnId);
  ValueFlags flags = 0;
  walkExpr(fn, root, [&](ExprId id) {
    const Expr& e = fn.expr(id);
    if (const RequestRead* read = requests_.readAt(fnId, id)) {
      flags |= kFromRequest;
      if (read->kind == RequestDataKind::RawBody || read->kind == RequestDataKind::Stream) flags |= kRawBody;
      if (read->isParsedBody()) flags |= kParsedBody;
      if (isSignatureHeader(read->headerName)) flags |= kSignatureHeader;
      if (e.kind == ExprKind::Name) {
        auto it = facts.locals.find(e.text);
        if (it != facts.locals.end()) flags |= it->second;
      }
      // Arguments of the read (a header name) say nothing about the value, but values
      // nested in a subscript's object were already accounted for by the read.
      return false;
    }
    switch (e.kind) {
      case ExprKind::Name: {
        auto it = facts.locals.find(e.text);
        if (it != facts.locals.end()) flags |= it->second;
        return false;
      }
      case ExprKind::Call: {
        if (matchesPrefix(knowledge_, "mac_functions", e.qualified)) {
          flags |= kMac;
          return false;
        }
        if (matchesPrefix(knowledge_, "hash_functions", e.qualified)) {
          flags |= kDigest;
          return false;
        }
        FunctionId callee = calls_.resolveCall(fn, id);
        if (callee != kNoFunction) flags |= returnFlags(callee);
        // The callee's own name does not describe the value ("verify_signature(...)").
        for (size_t i = 1; i < e.args.size(); ++i) flags |= exprFlags(fnId, facts, e.args[i]);
        if (!e.args.empty() && fn.expr(e.args[0]).kind == ExprKind::Attribute) {
          // A method on a value keeps the value's nature: `body.decode()`, `sig.lower()`.
          const Expr& callee_expr = fn.expr(e.args[0]);
          if (!callee_expr.args.empty()) flags |= exprFlags(fnId, facts, callee_expr.args[0]);
        }
        return false;
      }
      case ExprKind::Compare:
      case ExprKind::BoolOp:
      case ExprKind::Not:
        // A truth value, not the data it was computed from.
        return false;
      case ExprKind::Lambda:
        return false;
      default:
        return true;
    }
  });
  return flags;
}

const ValueFacts::FunctionFacts& ValueFacts::facts(FunctionId fnId) {
  auto it = cache_.find(fnId);
  if (it != cache_.end()) return it->second;
  static const FunctionFacts empty;
  // Recursion, or a helper chain deeper than any real code (hostile input): assume nothing
  // about the callee.
  if (inProgress_[fnId] || activeDepth_ > 128) return empty;
  inProgress_[fnId] = true;
  ++activeDepth_;
  const Function& fn = program_.function(fnId);
  FunctionFacts result;
  // Flow-insensitive fixpoint over assignments; the lattice is finite (flags only grow), and
  // the round limit bounds hostile chains.
  for (int round = 0; round < 16; ++round) {
    bool changed = false;
    for (const Block& block : fn.blocks) {
      for (const Stmt& stmt : block.stmts) {
        if (stmt.kind != StmtKind::Assign || stmt.value == kNoExpr) continue;
        ValueFlags value = exprFlags(fnId, result, stmt.value);
        if (!value) continue;
        for (ExprId target : stmt.targets) {
          walkExpr(fn, target, [&](ExprId id) {
            const Expr& t = fn.expr(id);
            if (t.kind == ExprKind::Name) {
              ValueFlags& slot = result.locals[t.text];
              if ((slot | value) != slot) {
                slot |= value;
                changed = true;
              }
              return false;
            }
            return t.kind == ExprKind::Container;  // tuple unpacking
          });
        }
      }
    }
    if (!changed) break;
  }
  for (const Block& block : fn.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind == StmtKind::Return && stmt.value != kNoExpr) result.returns |= exprFlags(fnId, result, stmt.value);
    }
  }
  --activeDepth_;
  inProgress_[fnId] = false;
  return cache_.emplace(fnId, std::move(result)).first->second;
}

ValueFlags ValueFacts::flags(FunctionId fn, ExprId expr) { return exprFlags(fn, facts(fn), expr); }

ValueFlags ValueFacts::localFlags(FunctionId fn, const std::string& name) {
  const FunctionFacts& f = facts(fn);
  auto it = f.locals.find(name);
  return it == f.locals.end() ? 0 : it->second;
}

ValueFlags ValueFacts::returnFlags(FunctionId fn) { return facts(fn).returns; }

}  // namespace hg
