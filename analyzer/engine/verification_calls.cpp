#include "engine/verification_calls.h"

#include "engine/expr_walk.h"
#include "engine/token_lookups.h"

namespace hg {

VerificationCalls::VerificationCalls(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                                     ValueRoles& roles, SummaryLookup summaries)
    : program_(program), knowledge_(knowledge), calls_(calls), roles_(roles), summaries_(std::move(summaries)) {}

const KnowledgeEntry* matchCall(const Knowledge& knowledge, std::string_view category, const Function& fn,
                                ExprId call) {
  const Expr& e = fn.expr(call);
  if (const KnowledgeEntry* entry = knowledge.match(category, e.qualified)) return entry;
  ExprId callee = calleeOf(fn, call);
  if (callee != kNoExpr && fn.expr(callee).qualified != e.qualified)
    return knowledge.match(category, fn.expr(callee).qualified);
  return nullptr;
}

CallVerdict VerificationCalls::classifyCall(FunctionId fnId, ExprId call) {
  CallVerdict verdict;
  const Function& fn = program_.function(fnId);
  if (call >= fn.exprs.size() || fn.expr(call).kind != ExprKind::Call) return verdict;
  if (matchCall(knowledge_, "noreturn", fn, call)) {
    verdict.noReturn = true;
    return verdict;
  }
  if (const KnowledgeEntry* entry = matchCall(knowledge_, "verifiers", fn, call)) {
    // `itsdangerous` loads only checks freshness when given max_age: the entry says which
    // keyword makes the call a verification.
    std::string required = entry->attributes.value("requires_keyword", std::string());
    if (!required.empty() && callArgument(fn, call, SIZE_MAX, required) == kNoExpr) return verdict;
    std::string style = entry->attributes.value("style", std::string("bool"));
    verdict.attempt = true;
    verdict.verifier = entry->pattern;
    verdict.tolerance = entry->attributes.value("tolerance", false);
    if (style == "raises") {
      verdict.verifies = true;
      verdict.result = {true, true};
    } else if (style == "compare" && entry->attributes.value("equal_when", std::string("true")) == "zero") {
      verdict.result = {false, true};
    } else {
      verdict.result = {true, false};
    }
    return verdict;
  }
  if (std::optional<CallVerdict> lookup = tokenLookupVerdict(knowledge_, roles_, fn, call)) return *lookup;
  FunctionId callee = calls_.resolveCall(fn, call);
  if (callee == kNoFunction || callee == fnId) return verdict;
  const VerificationSummary* summary = summaries_(callee);
  if (!summary) return verdict;
  verdict.verifier = program_.function(callee).qualified;
  verdict.noReturn = summary->neverReturns;
  verdict.verifies = summary->verifiesOrAborts;
  verdict.attempt = summary->attemptsVerification;
  verdict.tolerance = summary->enforcesTolerance;
  if (summary->verifiesOrAborts) verdict.result = {true, true};
  else if (summary->returnsVerificationResult) verdict.result = {true, false};
  return verdict;
}

CondFacts VerificationCalls::comparisonFacts(FunctionId fnId, ExprId compare) {
  const Function& fn = program_.function(fnId);
  if (compare >= fn.exprs.size()) return {};
  const Expr& e = fn.expr(compare);
  if (e.kind != ExprKind::Compare || e.args.size() != 2) return {};
  bool equal = e.text == "==";
  if (!equal && e.text != "!=") return {};
  ExprId lhs = stripAwait(fn, e.args[0]);
  ExprId rhs = stripAwait(fn, e.args[1]);
  RoleSet a = roles_.roles(fnId, lhs);
  RoleSet b = roles_.roles(fnId, rhs);
  const Expr& lhsExpr = fn.expr(lhs);
  const Expr& rhsExpr = fn.expr(rhs);
  bool verifying = false;
  if (lhsExpr.kind == ExprKind::Literal || rhsExpr.kind == ExprKind::Literal) {
    // A token written in the code (`x_token == "s3cr3t"`) is still a check of the header;
    // against "" or None it only tests presence.
    const Expr& literal = lhsExpr.kind == ExprKind::Literal ? lhsExpr : rhsExpr;
    RoleSet other = lhsExpr.kind == ExprKind::Literal ? b : a;
    verifying = other.has(ValueRole::SignatureHeader) && !isFalsyLiteral(literal);
  } else {
    verifying = isSignatureEquality(a, b);
  }
  if (!verifying) return {};
  return equal ? CondFacts{true, false} : CondFacts{false, true};
}

}  // namespace hg
