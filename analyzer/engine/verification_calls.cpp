#include "engine/verification_calls.h"

#include "engine/expr_walk.h"

namespace hg {

VerificationCalls::VerificationCalls(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                                     ValueFacts& values, SummaryLookup summaries)
    : program_(program), knowledge_(knowledge), calls_(calls), values_(values), summaries_(std::move(summaries)) {}

static const KnowledgeEntry* matchCall(const Knowledge& knowledge, std::string_view category, const Function& fn,
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
  ValueFlags a = values_.flags(fnId, lhs);
  ValueFlags b = values_.flags(fnId, rhs);
  bool lhsLiteral = fn.expr(lhs).kind == ExprKind::Literal;
  bool rhsLiteral = fn.expr(rhs).kind == ExprKind::Literal;
  auto macAgainstValue = [](ValueFlags mac, ValueFlags other, bool otherLiteral) {
    return (mac & (kMac | kDigest)) && !otherLiteral && other != 0;
  };
  auto headerAgainstToken = [](ValueFlags header, ValueFlags other) {
    return (header & kSignatureHeader) && !(other & kFromRequest) && other != 0;
  };
  auto namedAgainstSecret = [](ValueFlags named, ValueFlags other, bool otherLiteral) {
    return (named & (kSignatureNamed | kSecret)) && (other & kSecret) && !otherLiteral;
  };
  bool verifying = macAgainstValue(a, b, rhsLiteral) || macAgainstValue(b, a, lhsLiteral) ||
                   headerAgainstToken(a, b) || headerAgainstToken(b, a) || (headerAgainstToken(a, kSecret) && rhsLiteral) ||
                   (headerAgainstToken(b, kSecret) && lhsLiteral) || namedAgainstSecret(a, b, rhsLiteral) ||
                   namedAgainstSecret(b, a, lhsLiteral);
  if (!verifying) return {};
  return equal ? CondFacts{true, false} : CondFacts{false, true};
}

}  // namespace hg
