// The language-neutral program model that both front-ends lower into and every rule reads.
//
// A function body is a control-flow graph of basic blocks holding simple statements over
// expression trees. Expressions keep their source structure (calls, attributes, subscripts,
// operators) because the knowledge files name APIs by qualified name ("flask.request.get_json",
// "hmac.compare_digest", "httplib.Request.body"); the front-end resolves names through imports,
// scopes and types so that rules compare strings, never parse trees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source.h"

namespace hg {

using ExprId = uint32_t;
using BlockId = uint32_t;
using FunctionId = uint32_t;
inline constexpr ExprId kNoExpr = UINT32_MAX;
inline constexpr BlockId kNoBlock = UINT32_MAX;
inline constexpr FunctionId kNoFunction = UINT32_MAX;

enum class ExprKind : uint8_t {
  Name,       // text = identifier
  Attribute,  // text = attribute name; args[0] = object
  Call,       // args[0] = callee; args[1..] = arguments; argNames parallel to args[1..]
  Subscript,  // args[0] = object; args[1] = index (a slice is Unknown)
  Literal,    // literal = kind, text = decoded value (string contents, digits, ...)
  BinaryOp,   // text = operator ("+", "-", "*", "/", "//", "%", "**", "|", "&", ...); args = [lhs, rhs]
  UnaryOp,    // text = operator ("-", "+", "~"); args = [operand]
  Compare,    // text = operator ("==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not");
              // args = [lhs, rhs]; a chain a < b < c is lowered to BoolOp and of two compares
  BoolOp,     // text = "and" | "or"; args = operands (two or more)
  Not,        // args = [operand]
  FormatString,  // f"..."/ "%"-less interpolation: args = interpolated expressions;
                 // literalParts = the constant text between them (size args.size() + 1)
  Container,  // text = "list" | "tuple" | "set" | "dict"; dict args alternate key, value
  Comprehension,  // args[0] = element expression (dict: key, value), then iterables/conditions
  Conditional,    // a if c else b: args = [a, c, b]
  Lambda,         // function = the lowered lambda body
  Await,          // args = [operand]; transparent for most analyses
  Unknown,        // anything else; args = sub-expressions still worth visiting
};

enum class LiteralKind : uint8_t { None, String, Bytes, Integer, Float, True, False, NoneValue, Ellipsis };

struct Expr {
  ExprKind kind = ExprKind::Unknown;
  LiteralKind literal = LiteralKind::None;
  Span span;
  std::string text;
  std::vector<ExprId> args;
  // Call only: one entry per argument after the callee: "" positional, a keyword's name,
  // "*" for *args, "**" for **kwargs.
  std::vector<std::string> argNames;
  // FormatString only.
  std::vector<std::string> literalParts;
  // The resolved dotted name of a Name/Attribute chain or a Call's callee, when known:
  // "flask.request.headers.get", "app.utils.verify_signature", "fastapi.Request.body".
  // Names that denote an instance of a known class are prefixed by the class's qualified
  // name ("starlette.requests.Request"). Empty for locals and for unresolved names.
  std::string qualified;
  // Lambda only; also set on a Name/Attribute/Call-callee that resolves to a function
  // defined in the scanned tree.
  FunctionId function = kNoFunction;
};

enum class StmtKind : uint8_t {
  Assign,     // targets = [target...] (each a Name/Attribute/Subscript/Container for unpacking);
              // value = the assigned expression; augmented assignment has augOp set
  Eval,       // value = an expression evaluated for its effect (a call, usually)
  Return,     // value = returned expression or kNoExpr; always ends its block
  Raise,      // value = raised expression or kNoExpr (bare re-raise); always ends its block
  Delete,     // targets = deleted expressions
  Import,     // recorded for completeness; resolution lives in Module::imports
};

struct Stmt {
  StmtKind kind = StmtKind::Eval;
  Span span;
  std::vector<ExprId> targets;
  ExprId value = kNoExpr;
  std::string augOp;  // "+=" etc. for augmented assignment
};

enum class EdgeKind : uint8_t {
  Fallthrough,  // unconditional
  True,         // taken when Block::condition is truthy
  False,        // taken when Block::condition is falsy
  Exception,    // an exception raised in the source block is caught by the target handler
  LoopBack,     // back edge of a loop
};

struct Edge {
  BlockId target = kNoBlock;
  EdgeKind kind = EdgeKind::Fallthrough;
};

struct Block {
  std::vector<Stmt> stmts;
  // When set, the block ends with a branch: successors carry True/False edges.
  ExprId condition = kNoExpr;
  std::vector<Edge> successors;
  // Set for a block that begins an except/catch handler. caughtTypes holds the qualified
  // names of the caught exception types (empty = catch-all).
  bool isHandler = false;
  std::vector<std::string> caughtTypes;
  // Set for blocks inside a loop body, so "for every item" effects are not taken as
  // "once, before the code after the loop".
  bool inLoop = false;
};

struct Parameter {
  std::string name;
  std::string annotation;  // qualified type name when resolvable, else its source text
  ExprId defaultValue = kNoExpr;
  bool isVariadic = false;  // *args
  bool isKeywordVariadic = false;  // **kwargs
  Span span;
};

struct Function {
  FunctionId id = kNoFunction;
  std::string name;       // "stripe_webhook", "<module>" for module-level code, "<lambda>"
  std::string qualified;  // "app.hooks.stripe_webhook", "app.hooks.Handler.post",
                          // "app.hooks.require_sig.<locals>.wrapper"
  FileId file = kNoFile;
  Span span;      // the whole definition
  Span defSpan;   // the header line(s): "def name(...)" — where handler-level findings go
  std::vector<Parameter> params;
  std::vector<ExprId> decorators;  // in source order (outermost first)
  std::string classQualified;      // enclosing class, for methods
  FunctionId parent = kNoFunction; // enclosing function, for nested definitions and lambdas
  bool isAsync = false;

  std::vector<Expr> exprs;    // arena; ExprId indexes into it
  std::vector<Block> blocks;  // blocks[0] is the entry
  BlockId exit = kNoBlock;    // the single synthetic exit block (returns and falls off the end)

  const Expr& expr(ExprId id) const { return exprs[id]; }
  ExprId addExpr(Expr e) {
    exprs.push_back(std::move(e));
    return static_cast<ExprId>(exprs.size() - 1);
  }
};

struct ClassDef {
  std::string name;
  std::string qualified;
  std::vector<std::string> bases;  // qualified where resolvable
  std::vector<FunctionId> methods;
  // Class-level constant assignments: attribute name -> expression index in `body`.
  FunctionId body = kNoFunction;   // class body lowered like a function (its assignments)
  FileId file = kNoFile;
  Span span;
};

struct Import {
  std::string localName;  // name bound in the module ("hmac", "verify", "utils")
  std::string target;     // fully qualified ("hmac", "app.security.verify", "app.utils")
  Span span;
};

struct Module {
  std::string name;  // dotted module name relative to the scan root ("app.hooks")
  FileId file = kNoFile;
  Language language = Language::Python;
  FunctionId body = kNoFunction;  // module-level statements as a function named "<module>"
  std::vector<FunctionId> functions;  // every function defined in this module (nested too)
  std::vector<ClassDef> classes;
  std::vector<Import> imports;
};

}  // namespace hg
