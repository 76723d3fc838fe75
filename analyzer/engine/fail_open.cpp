#include "engine/fail_open.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "engine/constant_folding.h"
#include "engine/expr_walk.h"
#include "engine/payload_uses.h"

namespace hg {

namespace {

// What the function does once it trusts the request, which decides what "going on" means.
enum class ExitStyle : uint8_t {
  Handler,  // a route handler: using the payload
  Hook,     // a before_request hook: returning None lets the request through
  Bool,     // a boolean verifier: returning true
  Plain,    // a raising verifier or a decorator wrapper: returning normally
};

// A 4xx/5xx status: a number, or a framework's name for one (`http::status::unauthorized`,
// knowledge `rejecting_statuses`).
bool isRejectingStatus(const Function& fn, ExprId root, const Knowledge& knowledge) {
  bool found = false;
  walkExpr(fn, root, [&](ExprId id) {
    const Expr& e = fn.expr(id);
    if (e.kind == ExprKind::Literal && e.literal == LiteralKind::Integer) {
      auto n = parseNumberLiteral(e.text);
      if (n && n->first >= 400 && n->first < 600) found = true;
    } else if ((e.kind == ExprKind::Name || e.kind == ExprKind::Attribute) && !e.qualified.empty() &&
               knowledge.matches("rejecting_statuses", e.qualified)) {
      found = true;
    }
    return !found && e.kind != ExprKind::Lambda;
  });
  return found;
}

struct Presence {
  ExprId subject = kNoExpr;
  bool positive = true;  // true: the test holds when the value is present
};

class FunctionScan {
 public:
  FunctionScan(RuleContext& ctx, FunctionId fn, ExitStyle style)
      : ctx_(ctx), id_(fn), fn_(ctx.program.function(fn)), style_(style), flow_(ctx.guards().flow(fn)) {
    sites_ = verificationSites(ctx, fn);
    size_t n = fn_.blocks.size();
    siteStmts_.assign(n, {});
    for (const VerificationSite& s : sites_) {
      if (s.block < n) siteStmts_[s.block].insert(s.stmt);
    }
    if (style_ == ExitStyle::Handler) {
      for (const PayloadUse& u : payloadUses(ctx, fn)) uses_.push_back(u);
    }
  }

  const std::vector<VerificationSite>& sites() const { return sites_; }
  const GuardFlow& flow() const { return flow_; }
  const Function& fn() const { return fn_; }

  bool hasSite(BlockId b, size_t stmt) const { return b < siteStmts_.size() && siteStmts_[b].count(stmt); }

  // The first trusted action reachable from `start` with no verification, rejection or
  // abort on the way, or nullopt.
  std::optional<Span> reachesTrusted(BlockId start) const {
    size_t n = fn_.blocks.size();
    // Per block and whether the path set a rejecting status on the way (`res.status = 403;`
    // then `return;` in a C++ helper that fills the response it is given).
    std::vector<bool> seen(2 * n, false);
    std::vector<std::pair<BlockId, bool>> todo{{start, false}};
    while (!todo.empty()) {
      auto [b, rejected] = todo.back();
      todo.pop_back();
      if (b >= n || seen[2 * b + rejected]) continue;
      seen[2 * b + rejected] = true;
      const Block& block = fn_.blocks[b];
      if (!flow_.stateBefore(b, 0).reached) continue;
      bool stopped = false;
      bool returned = false;
      for (size_t i = 0; i < block.stmts.size() && !stopped; ++i) {
        if (auto use = useAt(b, i)) return use;
        if (hasSite(b, i)) {
          stopped = true;
          break;
        }
        const Stmt& stmt = block.stmts[i];
        if (stmt.kind == StmtKind::Return) {
          returned = true;
          if (style_ != ExitStyle::Handler && !(rejected && style_ == ExitStyle::Plain) && isTrustingReturn(stmt) &&
              !flow_.stateBefore(b, i).verified)
            return stmt.span;
          stopped = true;
          break;
        }
        if ((stmt.kind == StmtKind::Assign || stmt.kind == StmtKind::Eval) && stmt.value != kNoExpr &&
            isRejectingStatus(fn_, stmt.value, ctx_.knowledge))
          rejected = true;
        if (!flow_.stateBefore(b, i + 1).reached) stopped = true;  // raise, abort()
      }
      if (stopped) continue;
      if (block.condition != kNoExpr) {
        if (auto use = useAt(b, conditionIndex(block))) return use;
        if (hasSite(b, conditionIndex(block))) continue;
      }
      for (const Edge& e : block.successors) {
        if (e.kind == EdgeKind::Exception) continue;
        if (e.target == fn_.exit && !returned && !rejected && fallsThroughTrusted() &&
            !flow_.stateBefore(b, conditionIndex(block)).verified) {
          return block.stmts.empty() ? fn_.defSpan : block.stmts.back().span;
        }
        todo.push_back({e.target, rejected});
      }
    }
    return std::nullopt;
  }

  // Whether `expr` is a presence test of a signature/token header or a secret.
  std::optional<Presence> presenceTest(ExprId expr, int depth = 0) const {
    if (depth > 8 || expr == kNoExpr || expr >= fn_.exprs.size()) return std::nullopt;
    expr = stripAwait(fn_, expr);
    const Expr& e = fn_.expr(expr);
    if (e.kind == ExprKind::Not && !e.args.empty()) {
      auto inner = presenceTest(e.args[0], depth + 1);
      if (inner) inner->positive = !inner->positive;
      return inner;
    }
    if (e.kind == ExprKind::Compare && e.args.size() == 2) {
      bool negative = e.text == "is" || e.text == "==";
      bool positive = e.text == "is not" || e.text == "!=";
      if (!negative && !positive) return std::nullopt;
      for (int side = 0; side < 2; ++side) {
        const Expr& lit = fn_.expr(e.args[side]);
        if (!isFalsyLiteral(lit)) continue;
        if (auto inner = subjectOf(e.args[1 - side])) return Presence{*inner, positive};
      }
      return std::nullopt;
    }
    if (e.kind == ExprKind::BoolOp) return conjunctionTest(e, depth);
    if (auto subject = subjectOf(expr)) return Presence{*subject, true};
    return std::nullopt;
  }

  // `if secret and sig:` (every operand present) or `if not secret or not sig:` (any one
  // absent) is a presence test of all its operands at once: the check it guards is skipped as
  // soon as one of them is missing. The first operand names the test, as it reads.
  std::optional<Presence> conjunctionTest(const Expr& e, int depth) const {
    bool positive = e.text == "and";
    if (!positive && e.text != "or") return std::nullopt;
    std::optional<Presence> first;
    for (ExprId a : e.args) {
      auto p = presenceTest(a, depth + 1);
      if (!p || p->positive != positive) return std::nullopt;
      if (!first) first = p;
    }
    return first;
  }

  // Presence tests among the operands of a boolean condition.
  std::vector<Presence> presenceOperands(ExprId expr, int depth = 0) const {
    std::vector<Presence> out;
    if (depth > 16 || expr == kNoExpr || expr >= fn_.exprs.size()) return out;
    const Expr& e = fn_.expr(expr);
    if (e.kind == ExprKind::BoolOp || e.kind == ExprKind::Not) {
      for (ExprId a : e.args) {
        auto sub = presenceOperands(a, depth + 1);
        out.insert(out.end(), sub.begin(), sub.end());
      }
      if (e.kind == ExprKind::Not) return out;
      return out;
    }
    if (auto p = presenceTest(expr)) out.push_back(*p);
    return out;
  }

  bool containsSite(ExprId root) const {
    bool found = false;
    walkExpr(fn_, root, [&](ExprId id) {
      for (const VerificationSite& s : sites_) {
        if (s.expr == id) found = true;
      }
      return !found;
    });
    return found;
  }

  RoleSet rolesOf(ExprId e) const { return ctx_.valueRoles().roles(id_, e); }

 private:
  std::optional<Span> useAt(BlockId b, size_t stmt) const {
    for (const PayloadUse& u : uses_) {
      if (u.block == b && u.stmt == stmt && !flow_.isVerifiedAt(b, stmt)) return u.span;
    }
    return std::nullopt;
  }

  std::optional<ExprId> subjectOf(ExprId expr) const {
    const Expr& e = fn_.expr(expr);
    if (e.kind != ExprKind::Name && e.kind != ExprKind::Attribute && e.kind != ExprKind::Subscript && e.kind != ExprKind::Call)
      return std::nullopt;
    if (e.kind == ExprKind::Call && ctx_.verificationCalls().classifyCall(id_, expr).attempt) return std::nullopt;
    RoleSet r = rolesOf(expr);
    // A computed MAC always has a value, so testing it says nothing, unless the computation
    // yields None when no secret is configured (`... if self.secret else None`): then the test
    // is the secret's presence in disguise.
    if (r.has(ValueRole::Mac)) return mayBeNone(id_, expr, 0) ? std::optional<ExprId>(expr) : std::nullopt;
    if (r.any(RoleSet(ValueRole::SignatureHeader) | kAnySecret)) return expr;
    // A header whose name the code does not spell (`request.headers.get(self.header)`) is the
    // signature all the same when the function's own check compares it.
    if (r.has(ValueRole::Request) && !r.has(ValueRole::Payload) && comparedByASite(e)) return expr;
    return std::nullopt;
  }

  // Whether `expr` in `fnId` can evaluate to None: the literal, a conditional with a None
  // branch, a variable assigned one, or a call of a scanned function returning one (or
  // falling off its end with a bare return).
  bool mayBeNone(FunctionId fnId, ExprId expr, int depth) const {
    if (depth > 4 || fnId >= ctx_.program.functionCount()) return false;
    const Function& fn = ctx_.program.function(fnId);
    if (expr == kNoExpr || expr >= fn.exprs.size()) return false;
    expr = stripAwait(fn, expr);
    const Expr& e = fn.expr(expr);
    switch (e.kind) {
      case ExprKind::Literal: return e.literal == LiteralKind::NoneValue;
      case ExprKind::Conditional:
        return e.args.size() == 3 && (mayBeNone(fnId, e.args[0], depth + 1) || mayBeNone(fnId, e.args[2], depth + 1));
      case ExprKind::Name:
        for (const Block& block : fn.blocks) {
          for (const Stmt& stmt : block.stmts) {
            if (stmt.kind != StmtKind::Assign || stmt.targets.size() != 1 || stmt.value == kNoExpr) continue;
            const Expr& t = fn.expr(stmt.targets[0]);
            if (t.kind != ExprKind::Name || t.text != e.text || t.binding != e.binding) continue;
            if (mayBeNone(fnId, stmt.value, depth + 1)) return true;
          }
        }
        return false;
      case ExprKind::Call: {
        FunctionId callee = ctx_.calls().resolveCall(fn, expr);
        if (callee == kNoFunction || callee == fnId || callee >= ctx_.program.functionCount()) return false;
        const Function& target = ctx_.program.function(callee);
        for (const Block& block : target.blocks) {
          for (const Stmt& stmt : block.stmts) {
            if (stmt.kind != StmtKind::Return) continue;
            if (stmt.value == kNoExpr || mayBeNone(callee, stmt.value, depth + 1)) return true;
          }
        }
        return false;
      }
      default: return false;
    }
  }

  bool comparedByASite(const Expr& variable) const {
    if (variable.kind != ExprKind::Name) return false;
    for (const VerificationSite& s : sites_) {
      bool found = false;
      walkExpr(fn_, s.expr, [&](ExprId id) {
        const Expr& x = fn_.expr(id);
        if (x.kind == ExprKind::Name && x.text == variable.text && x.binding == variable.binding) found = true;
        return !found && x.kind != ExprKind::Lambda;
      });
      if (found) return true;
    }
    return false;
  }

  bool isTrustingReturn(const Stmt& stmt) const {
    const Expr* v = stmt.value == kNoExpr ? nullptr : &fn_.expr(stmt.value);
    switch (style_) {
      case ExitStyle::Hook: return !v || (v->kind == ExprKind::Literal && v->literal == LiteralKind::NoneValue);
      case ExitStyle::Bool: return v && isTrueLiteral(*v);
      case ExitStyle::Plain:
        if (!v) return true;
        if (isFalsyLiteral(*v)) return false;
        return !isRejectingStatus(fn_, stmt.value, ctx_.knowledge);
      case ExitStyle::Handler: return false;
    }
    return false;
  }

  bool fallsThroughTrusted() const { return style_ == ExitStyle::Hook || style_ == ExitStyle::Plain; }

  RuleContext& ctx_;
  FunctionId id_;
  const Function& fn_;
  ExitStyle style_;
  const GuardFlow& flow_;
  std::vector<VerificationSite> sites_;
  std::vector<std::set<size_t>> siteStmts_;
  std::vector<PayloadUse> uses_;
};

std::vector<bool> reachableBlocks(const Function& fn, BlockId start) {
  size_t n = fn.blocks.size();
  std::vector<bool> seen(n, false);
  std::vector<BlockId> todo{start};
  while (!todo.empty()) {
    BlockId b = todo.back();
    todo.pop_back();
    if (b >= n || seen[b]) continue;
    seen[b] = true;
    for (const Edge& e : fn.blocks[b].successors) {
      if (e.kind != EdgeKind::Exception) todo.push_back(e.target);
    }
  }
  return seen;
}

BlockId successorOn(const Block& block, EdgeKind kind) {
  for (const Edge& e : block.successors) {
    if (e.kind == kind) return e.target;
  }
  return kNoBlock;
}

class FailOpenFinder {
 public:
  explicit FailOpenFinder(RuleContext& ctx) : ctx_(ctx) {
    for (const Route& r : ctx.program.routes) handlers_.insert(r.handler);
    for (const auto& h : ctx.coverage().hooks()) hooks_.insert(h.hook);
  }

  std::vector<FailOpenCheck> run() {
    for (FunctionId id = 0; id < ctx_.program.functionCount(); ++id) {
      if (!ctx_.owns(id) || verificationSites(ctx_, id).empty()) continue;
      FunctionScan scan(ctx_, id, styleOf(id));
      presenceInCondition(scan);
      presenceAroundCheck(scan);
      ignoredResults(scan);
      failureContinues(scan);
      swallowedExceptions(scan);
    }
    stubVerifiers();
    return std::move(out_);
  }

 private:
  ExitStyle styleOf(FunctionId id) {
    if (handlers_.count(id)) return ExitStyle::Handler;
    if (hooks_.count(id)) return ExitStyle::Hook;
    if (ctx_.summaries().summary(id).returnsVerificationResult) return ExitStyle::Bool;
    const Function& fn = ctx_.program.function(id);
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) {
        if (s.kind != StmtKind::Return || s.value == kNoExpr) continue;
        const Expr& v = fn.expr(s.value);
        if (v.kind == ExprKind::Literal && (v.literal == LiteralKind::True || v.literal == LiteralKind::False))
          return ExitStyle::Bool;
      }
    }
    return ExitStyle::Plain;
  }

  void add(FailOpenCheck::Kind kind, const FunctionScan& scan, Span location, std::string subject, Span related = {}) {
    out_.push_back({kind, scan.fn().id, location, std::move(subject), related});
  }

  FailOpenCheck::Kind presenceKind(const FunctionScan& scan, ExprId subject) const {
    RoleSet roles = scan.rolesOf(subject);
    if (roles.has(ValueRole::SignatureHeader)) return FailOpenCheck::Kind::SkippedWhenHeaderMissing;
    if (roles.has(ValueRole::Mac)) return FailOpenCheck::Kind::SkippedWhenMacMissing;
    return FailOpenCheck::Kind::SkippedWhenSecretMissing;
  }

  // `if sig and not valid(...): abort()`: the check is an operand of a condition whose outcome
  // says nothing about verification, because a missing header or secret short-circuits it.
  void presenceInCondition(const FunctionScan& scan) {
    const Function& fn = scan.fn();
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      const Block& block = fn.blocks[b];
      if (block.condition == kNoExpr || !scan.containsSite(block.condition)) continue;
      GuardState state = scan.flow().stateBefore(b, conditionIndex(block));
      if (!state.reached || state.verified) continue;
      if (scan.flow().condFacts(block.condition, state).any()) continue;
      std::vector<Presence> tests = scan.presenceOperands(block.condition);
      if (tests.empty()) continue;
      add(presenceKind(scan, tests[0].subject), scan, fn.expr(block.condition).span,
          spanText(ctx_.program, fn.expr(tests[0].subject).span, 40));
    }
  }

  // `if sig: verify(...)` / `if SECRET: verify()` / `if not sig: return True`: one branch of a
  // presence test verifies, the other goes on without.
  void presenceAroundCheck(const FunctionScan& scan) {
    const Function& fn = scan.fn();
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      const Block& block = fn.blocks[b];
      if (block.condition == kNoExpr || scan.containsSite(block.condition)) continue;
      auto test = scan.presenceTest(block.condition);
      if (!test) continue;
      GuardState state = scan.flow().stateBefore(b, conditionIndex(block));
      if (!state.reached || state.verified) continue;
      BlockId present = successorOn(block, test->positive ? EdgeKind::True : EdgeKind::False);
      BlockId absent = successorOn(block, test->positive ? EdgeKind::False : EdgeKind::True);
      if (present == kNoBlock || absent == kNoBlock) continue;
      std::vector<bool> viaPresent = reachableBlocks(fn, present);
      std::vector<bool> viaAbsent = reachableBlocks(fn, absent);
      bool presentVerifies = false;
      for (const VerificationSite& s : scan.sites()) {
        if (s.block < viaPresent.size() && viaPresent[s.block] && !viaAbsent[s.block]) presentVerifies = true;
      }
      if (!presentVerifies) continue;
      auto trusted = scan.reachesTrusted(absent);
      if (!trusted) continue;
      add(presenceKind(scan, test->subject), scan, fn.expr(block.condition).span,
          spanText(ctx_.program, fn.expr(test->subject).span, 40), *trusted);
    }
  }

  bool isLoggingCall(const Function& fn, ExprId call) const {
    return fn.expr(call).kind == ExprKind::Call && ctx_.knowledge.matches("logging_calls", calleeName(fn, call));
  }

  // A boolean verifier whose result is discarded, or read only by logging calls.
  void ignoredResults(const FunctionScan& scan) {
    const Function& fn = scan.fn();
    std::vector<ExprId> parent(fn.exprs.size(), kNoExpr);
    for (ExprId id = 0; id < fn.exprs.size(); ++id) {
      for (ExprId a : fn.expr(id).args) {
        if (a < parent.size()) parent[a] = id;
      }
    }
    for (const VerificationSite& site : scan.sites()) {
      if (site.comparison || site.verdict.verifies || !site.verdict.result.any()) continue;
      if (site.block >= fn.blocks.size() || site.stmt >= fn.blocks[site.block].stmts.size()) continue;
      GuardState state = scan.flow().stateBefore(site.block, site.stmt);
      if (!state.reached || state.verified) continue;
      const Stmt& stmt = fn.blocks[site.block].stmts[site.stmt];
      std::string subject = spanText(ctx_.program, fn.expr(calleeOf(fn, site.expr)).span, 60);
      ExprId up = parent[site.expr];
      while (up != kNoExpr && fn.expr(up).kind == ExprKind::Await) up = parent[up];
      if (stmt.kind == StmtKind::Eval && stripAwait(fn, stmt.value) == site.expr) {
        add(FailOpenCheck::Kind::ResultIgnored, scan, site.span, subject);
      } else if (up != kNoExpr && isLoggingCall(fn, up)) {
        add(FailOpenCheck::Kind::ResultOnlyLogged, scan, site.span, subject);
      } else if (stmt.kind == StmtKind::Assign && stripAwait(fn, stmt.value) == site.expr && stmt.targets.size() == 1 &&
                 fn.expr(stmt.targets[0]).kind == ExprKind::Name) {
        const Expr& target = fn.expr(stmt.targets[0]);
        bool read = false, checked = false;
        for (ExprId id = 0; id < fn.exprs.size(); ++id) {
          const Expr& e = fn.expr(id);
          if (id == stmt.targets[0] || e.kind != ExprKind::Name || e.text != target.text) continue;
          if (!target.binding.empty() && e.binding != target.binding) continue;
          read = true;
          ExprId p = parent[id];
          while (p != kNoExpr && fn.expr(p).kind != ExprKind::Call) p = parent[p];
          if (p == kNoExpr || !isLoggingCall(fn, p)) checked = true;
        }
        if (!checked) add(read ? FailOpenCheck::Kind::ResultOnlyLogged : FailOpenCheck::Kind::ResultIgnored, scan,
                          site.span, subject);
      }
    }
  }

  // `if not valid: log.warning(...)` and on: the failing branch of a check does not reject.
  void failureContinues(const FunctionScan& scan) {
    const Function& fn = scan.fn();
    for (BlockId b = 0; b < fn.blocks.size(); ++b) {
      const Block& block = fn.blocks[b];
      // A check inside a loop usually looks for one matching signature among several; the
      // loop's exit, not the branch, is where a failure is decided.
      if (block.condition == kNoExpr || block.inLoop) continue;
      GuardState state = scan.flow().stateBefore(b, conditionIndex(block));
      if (!state.reached || state.verified) continue;
      CondFacts facts = scan.flow().condFacts(block.condition, state);
      if (facts.ifTrue == facts.ifFalse) continue;
      BlockId failing = successorOn(block, facts.ifTrue ? EdgeKind::False : EdgeKind::True);
      if (failing == kNoBlock) continue;
      auto trusted = scan.reachesTrusted(failing);
      if (!trusted) continue;
      add(FailOpenCheck::Kind::FailureContinues, scan, fn.expr(block.condition).span,
          spanText(ctx_.program, fn.expr(block.condition).span, 60), *trusted);
    }
  }

  bool catchesVerificationErrors(const Block& handler) const {
    if (handler.caughtTypes.empty()) return true;
    for (const std::string& type : handler.caughtTypes) {
      if (ctx_.knowledge.matches("verification_exceptions", type)) return true;
      std::string_view last = lastComponent(type);
      if (ctx_.knowledge.matches("verification_exceptions", last)) return true;
    }
    return false;
  }

  // try: construct_event(...) except Exception: log(...) — and the handler goes on.
  void swallowedExceptions(const FunctionScan& scan) {
    const Function& fn = scan.fn();
    for (BlockId h = 0; h < fn.blocks.size(); ++h) {
      const Block& handler = fn.blocks[h];
      if (!handler.isHandler || !catchesVerificationErrors(handler)) continue;
      const VerificationSite* raising = nullptr;
      for (const VerificationSite& s : scan.sites()) {
        if (!s.verdict.verifies || s.block >= fn.blocks.size()) continue;
        for (const Edge& e : fn.blocks[s.block].successors) {
          if (e.kind == EdgeKind::Exception && e.target == h && !raising) raising = &s;
        }
      }
      if (!raising) continue;
      auto trusted = scan.reachesTrusted(h);
      if (!trusted) continue;
      add(FailOpenCheck::Kind::ExceptionSwallowed, scan, raising->span,
          spanText(ctx_.program, fn.expr(calleeOf(fn, raising->expr)).span, 60), *trusted);
    }
  }

  // A function named like a verifier, called, that accepts everything.
  void stubVerifiers() {
    const Program& program = ctx_.program;
    std::map<FunctionId, std::vector<std::pair<FunctionId, ExprId>>> callers;
    for (FunctionId id = 0; id < program.functionCount(); ++id) {
      const Function& fn = program.function(id);
      for (ExprId e = 0; e < fn.exprs.size(); ++e) {
        if (fn.expr(e).kind != ExprKind::Call) continue;
        FunctionId callee = ctx_.calls().resolveCall(fn, e);
        if (callee != kNoFunction && callee != id) callers[callee].emplace_back(id, e);
      }
    }
    for (const auto& [id, sites] : callers) {
      const Function& fn = program.function(id);
      if (!ctx_.owns(id) || handlers_.count(id) || !namedAsVerifier(fn.name)) continue;
      bool returnsTrue = false, returnsValue = false;
      if (!acceptsEverything(fn, returnsTrue, returnsValue)) continue;
      bool calledAsStatement = false;
      for (const auto& [caller, call] : sites) {
        const Function& c = program.function(caller);
        for (const Block& b : c.blocks) {
          for (const Stmt& s : b.stmts) {
            if (s.kind == StmtKind::Eval && s.value != kNoExpr && stripAwait(c, s.value) == call) calledAsStatement = true;
          }
        }
      }
      // A stub returning None rejects when tested (`if not verify(): abort()`); it lets
      // everything through when called for its exception.
      if (!returnsTrue && !(calledAsStatement && !returnsValue)) continue;
      out_.push_back({FailOpenCheck::Kind::StubVerifier, id, fn.defSpan.valid() ? fn.defSpan : fn.span, fn.name,
                      program.function(sites.front().first).expr(sites.front().second).span});
    }
  }

  bool namedAsVerifier(const std::string& name) const {
    std::string lowerName(name);
    std::transform(lowerName.begin(), lowerName.end(), lowerName.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ctx_.knowledge.matches("verifier_names", lowerName);
  }

  // No comparison, no verifier, no raise or abort, and every return says yes.
  bool acceptsEverything(const Function& fn, bool& returnsTrue, bool& returnsValue) {
    for (ExprId e = 0; e < fn.exprs.size(); ++e) {
      const Expr& x = fn.expr(e);
      if (x.kind == ExprKind::Compare || x.kind == ExprKind::Lambda) return false;
      if (x.kind == ExprKind::Call) {
        CallVerdict v = ctx_.verificationCalls().classifyCall(fn.id, e);
        if (v.attempt || v.noReturn) return false;
      }
    }
    for (const Block& b : fn.blocks) {
      if (b.condition != kNoExpr) return false;
      for (const Stmt& s : b.stmts) {
        if (s.kind == StmtKind::Raise) return false;
        if (s.kind != StmtKind::Return || s.value == kNoExpr) continue;
        const Expr& v = fn.expr(s.value);
        if (isTrueLiteral(v)) {
          returnsTrue = true;
        } else if (v.kind == ExprKind::Literal && v.literal == LiteralKind::NoneValue) {
          continue;
        } else {
          return false;
        }
        returnsValue = true;
      }
    }
    return true;
  }

  RuleContext& ctx_;
  std::set<FunctionId> handlers_;
  std::set<FunctionId> hooks_;
  std::vector<FailOpenCheck> out_;
};

}  // namespace

std::vector<FailOpenCheck> findFailOpenChecks(RuleContext& ctx) { return FailOpenFinder(ctx).run(); }

}  // namespace hg
