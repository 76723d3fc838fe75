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

ValueFlags ValueFacts::nameFlags(const std::string& identifier) const {
  if (identifier.empty()) return 0;
  std::string name = lower(identifier);
  ValueFlags flags = 0;
  for (const KnowledgeEntry& e : knowledge_.entries("secret_words")) {
    if (name.find(lower(e.pattern)) != std::string::npos) flags |= kSecret;
  }
  for (const KnowledgeEntry& e : knowledge_.entries("signature_words")) {
    std::string word = lower(e.pattern);
    // Short words ("sig", "mac") only as whole underscore-separated tokens: "magic" is no MAC.
    if (word.size() <= 3) {
      size_t pos = 0;
      while ((pos = name.find(word, pos)) != std::string::npos) {
        bool startOk = pos == 0 || !std::isalpha(static_cast<unsigned char>(name[pos - 1]));
        size_t end = pos + word.size();
        bool endOk = end == name.size() || !std::isalpha(static_cast<unsigned char>(name[end]));
        if (startOk && endOk) flags |= kSignatureNamed;
        pos = end;
      }
    } else if (name.find(word) != std::string::npos) {
      flags |= kSignatureNamed;
    }
  }
  return flags;
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
        flags |= nameFlags(e.text);
        return false;
      }
      case ExprKind::Attribute:
        flags |= nameFlags(e.text);
        return true;
      case ExprKind::Subscript:
        if (e.args.size() > 1) {
          if (const std::string* key = stringLiteral(fn, e.args[1])) flags |= nameFlags(*key) & kSecret;
        }
        return true;
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
        // `os.environ.get("WEBHOOK_SECRET")`, `config.get("github_token")`.
        for (size_t i = 1; i < e.args.size(); ++i) {
          if (const std::string* s = stringLiteral(fn, e.args[i])) flags |= nameFlags(*s) & kSecret;
        }
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
  for (const Parameter& p : fn.params) {
    ValueFlags f = nameFlags(p.name) & (kSecret | kSignatureNamed);
    if (f) result.locals[p.name] |= f;
  }
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
