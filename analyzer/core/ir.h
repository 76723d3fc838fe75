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
  Literal,    // literal = kind, text = decoded value: string contents with escapes and
              // prefixes applied (bytes hold raw bytes; implicit concatenation "a" "b" is one
              // literal), integers in decimal ("0x1F" -> "31"), floats without underscores
  BinaryOp,   // text = operator ("+", "-", "*", "/", "//", "%", "**", "|", "&", ...); args = [lhs, rhs]
  UnaryOp,    // text = operator ("-", "+", "~"); args = [operand]
  Compare,    // text = operator ("==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not");
              // args = [lhs, rhs]; a chain a < b < c is lowered to BoolOp and of two compares
  BoolOp,     // text = "and" | "or"; args = operands (two or more)
  Not,        // args = [operand]
  FormatString,  // f"..."/ "%"-less interpolation: args = interpolated expressions;
                 // literalParts = the constant text between them (size args.size() + 1)
  Container,  // text = "list" | "tuple" | "set" | "dict"; dict args alternate key, value
              // (`**rest` in a dict: key Unknown "**", value rest)
  Comprehension,  // text = "list" | "set" | "dict" | "generator"; args[0] = element expression
                  // (dict: key, value), then iterables/conditions
  Conditional,    // a if c else b: args = [a, c, b]
  Lambda,         // function = the lowered lambda body
  Await,          // args = [operand]; transparent for most analyses
  Unknown,        // anything else; args = sub-expressions still worth visiting. Python's
                  // front-end uses these texts: "iter" (the item a for loop binds, args =
                  // [iterable]), "has next" (a for loop header's condition), ":=" (args =
                  // [target Name, value]), "caught" (the exception `except E as e` binds), "case"
                  // (a match case's pattern test), "*" / "**" (splats), "slice", "yield",
                  // "yield from", "too deep" (nesting past the front-end's limit), "error"
                  // (a syntax error's fragment), else the grammar's node type
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
  // "flask.request.headers.get", "app.utils.verify_signature", "fastapi.Request().body".
  // Names that denote an instance of a known class are prefixed by the class's qualified
  // name and "()" ("starlette.requests.Request().json"); a call's result is its callee's name
  // and "()" ("hmac.new().hexdigest"). Empty for locals and for unresolved names, except that a
  // local assigned exactly once from a value with a name takes that name (`data =
  // request.get_json()` makes `data` "flask.request.get_json()"), an annotated local or
  // parameter is an instance of its annotation, and a builtin is its own name ("len", "eval").
  // Names are canonical across the scanned tree: a name re-exported by a scanned module, a
  // global assigned once from an API value, or a scanned function that always returns one
  // value are replaced by what they denote. An assignment target Name has its binding as
  // qualified name when it is a module global or class attribute, else none.
  std::string qualified;
  // Name only: the identity of the variable read or written, whatever its value: a module
  // global "pkg.mod.app", a local or parameter "pkg.mod.create_app.<locals>.app", a class
  // attribute "pkg.mod.Handler.methods", an imported name its import target. Two Names with
  // the same binding denote the same variable (Application::qualified and
  // Route::registeredOn use the same identities). Empty for builtins and unresolved names.
  std::string binding;
  // Lambda only; also set on a Name/Attribute/Call-callee that resolves to a function
  // defined in the scanned tree (across modules, `self.method` and instances through base
  // classes, `super().method`), and on the Call itself (its callee's function).
  FunctionId function = kNoFunction;
};

enum class StmtKind : uint8_t {
  Assign,     // targets = [target...] (each a Name/Attribute/Subscript/Container for unpacking);
              // value = the assigned expression; augmented assignment has augOp set.
              // Python also binds through Assign: `def f`/`class C` (value = a Name whose
              // `function` is the definition, a class's body for a class), `for x in it`
              // (value = Unknown "iter"), `with e as x` (value = e), `except E as x`
              // (value = Unknown "caught"); `a = b = v` is one Assign with two targets
  Eval,       // value = an expression evaluated for its effect (a call, usually). A call
              // that never returns (knowledge category "noreturn", or a scanned function
              // whose exit is unreachable) ends its block like a Raise
  Return,     // value = returned expression or kNoExpr; always ends its block
  Raise,      // value = raised expression or kNoExpr (bare re-raise); always ends its block:
              // its successors are the Exception edges of the enclosing try, none outside
              // one. A failed `assert c, msg` raises Call AssertionError(msg)
  Delete,     // targets = deleted expressions
  Import,     // recorded for completeness; resolution lives in Module::imports; targets =
              // the Names bound (qualified and binding = the import target)
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
  Exception,    // an exception raised in the source block is caught by the target handler.
                // Every statement of a try body has its own block with an edge to each
                // handler of the innermost try, and on to enclosing tries' handlers unless
                // one catches everything (bare except, Exception, BaseException)
  LoopBack,     // back edge of a loop
};

struct Edge {
  BlockId target = kNoBlock;
  EdgeKind kind = EdgeKind::Fallthrough;
};

struct Block {
  std::vector<Stmt> stmts;
  // When set, the block ends with a branch: successors carry True/False edges. `and`/`or`/
  // `not` stay inside the condition (no block per operand). Loop headers hold the loop's
  // condition (a for loop's is Unknown "has next"; `while True:` has none, so only break,
  // return or raise leave it); elif chains are condition blocks reached by False edges.
  ExprId condition = kNoExpr;
  std::vector<Edge> successors;
  // Set for a block that begins an except/catch handler. caughtTypes holds the qualified
  // names of the caught exception types (empty = catch-all).
  bool isHandler = false;
  std::vector<std::string> caughtTypes;
  // Set for blocks inside a loop body, so "for every item" effects are not taken as
  // "once, before the code after the loop".
  // Headers are outside the body; a loop's else clause is not in the loop.
  bool inLoop = false;
};
// Shapes the Python front-end does not model: a finally body is lowered once, on the normal
// path out of its try (return and raise paths skip it); `with` does not catch exceptions.
// Code after a return/raise/break is still lowered, into blocks no edge reaches.

struct Parameter {
  std::string name;
  std::string annotation;  // qualified type name when resolvable, else its source text;
                           // also the type the front-end infers for an unannotated `self`
                           // (the class) and a Django view's request
                           // ("django.http.HttpRequest")
  ExprId defaultValue = kNoExpr;  // in the function's own arena
  bool isVariadic = false;  // *args
  bool isKeywordVariadic = false;  // **kwargs
  Span span;
};

struct Function {
  FunctionId id = kNoFunction;
  std::string name;       // "stripe_webhook", "<module>" for module-level code, "<lambda>",
                          // "<class>" for a class body
  std::string qualified;  // "app.hooks.stripe_webhook", "app.hooks.Handler.post",
                          // "app.hooks.require_sig.<locals>.wrapper", "app.hooks.<module>",
                          // "app.hooks.Handler.<class>", "app.hooks.f.<locals>.<lambda>"
  FileId file = kNoFile;
  Span span;      // the whole definition
  Span defSpan;   // the header line(s): "def name(...)" — where handler-level findings go
  std::vector<Parameter> params;
  // In source order (outermost first), lowered into this function's own arena but resolved
  // in the enclosing scope, where Python evaluates them.
  std::vector<ExprId> decorators;
  std::string classQualified;      // enclosing class, for methods
  // Enclosing function, for nested definitions and lambdas: a method's parent is the function
  // around its class (none at module level); code at module level has none.
  FunctionId parent = kNoFunction;
  bool isAsync = false;
  // A copy of a method as it runs on an instance of `receiverClass`, a subclass of the class
  // defining it: its calls on `self` reach that subclass's overrides. The Python front-end
  // makes one for a class-based view's route whose registered class overrides what its
  // inherited handler calls (python/view_specialization.cpp). It keeps the original's name,
  // qualified name and spans; `specializationOf` is the original.
  FunctionId specializationOf = kNoFunction;
  std::string receiverClass;

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
  FunctionId body = kNoFunction;   // class body lowered like a function (its assignments);
                                   // the class's decorators are that function's decorators
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
  // Every function defined in this module (nested too), with the module body, class bodies
  // and lambdas.
  std::vector<FunctionId> functions;
  std::vector<ClassDef> classes;
  std::vector<Import> imports;  // module-level only; `from m import *` has localName "*"
};

}  // namespace hg
