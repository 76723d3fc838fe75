// Walking the IR's expression trees without recursion (inputs are hostile: a generated file
// can nest thousands of levels) and the small structural questions every analysis asks.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ir.h"
#include "core/program.h"

namespace hg {

// Visits `root` and its sub-expressions in pre-order. The visitor returns false to skip the
// children of the node it was given. Lambda bodies are separate Functions and are not entered.
void walkExpr(const Function& fn, ExprId root, const std::function<bool(ExprId)>& visit);

// The expressions a statement evaluates: its value, then its targets (subscript indexes and
// attribute objects in a target are evaluated too).
std::vector<ExprId> stmtRoots(const Stmt& stmt);
// Every statement's roots in order, then the block's condition: all the expressions a block evaluates.
std::vector<ExprId> blockRoots(const Block& block);

// Every Call expression evaluated by a statement, in pre-order.
std::vector<ExprId> callsIn(const Function& fn, ExprId root);

// The callee of a Call (kNoExpr when malformed).
ExprId calleeOf(const Function& fn, ExprId call);

// Positional argument `index` (0-based, after the callee) or keyword argument `keyword` of a
// call; kNoExpr when absent.
ExprId callArgument(const Function& fn, ExprId call, size_t index, std::string_view keyword = {});

// Strips Await wrappers: `await request.body()` is the call for every analysis here.
ExprId stripAwait(const Function& fn, ExprId id);

// The string value of a String/Bytes literal, or nullptr.
const std::string* stringLiteral(const Function& fn, ExprId id);

bool isFalsyLiteral(const Expr& e);  // False, None, 0, "", b""
bool isTrueLiteral(const Expr& e);

// The source text of a span, on one line (what messages quote), shortened to `maxChars`.
std::string spanText(const Program& program, const Span& span, size_t maxChars = 60);

// Splits a qualified name into its chain prefixes, longest first:
// "flask.request.get_json().get" -> itself, "flask.request.get_json()",
// "flask.request.get_json", "flask.request", "flask".
std::vector<std::string> qualifiedPrefixes(std::string_view qualified);

// The last dotted component of a name ("app.hooks.verify" -> "verify").
std::string_view lastComponent(std::string_view qualified);

}  // namespace hg
