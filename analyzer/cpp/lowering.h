// Lowering of one C++ translation unit's main file into the handler model (internal to the C++
// front-end; includes Clang headers). FileLowering owns the file's functions and module and
// the naming rules; BodyLowering turns one function body into blocks, statements and
// expressions (lower_stmt.cpp, lower_expr.cpp).
//
// Naming (the contract in rules/knowledge/README.md):
//   - an entity declared outside the file: its C++ name without template arguments or inline
//     namespaces ("CRYPTO_memcmp", "std::chrono::system_clock::now", "nlohmann::basic_json");
//     a type is named as written when a namespace-scope alias names it ("std::string",
//     "drogon::HttpRequestPtr", "crow::request" for a synthesized one);
//   - an entity defined in the file: module + its scopes, '.'-separated ("app.hooks.Hooks.stripe");
//   - a member of an object: the object's type name, "()", the member
//     ("httplib::Request().body"); for an object of unknown type, the object's own name;
//   - a local: the name of the value it was initialised from when never reassigned
//     ("httplib::Request().get_header_value()"), else its type's instance name.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "core/diagnostics.h"
#include "core/ir.h"
#include "core/knowledge.h"
#include "core/source.h"
#include "cpp/unit_symbols.h"

namespace hg::cpp {

class NameSynthesizer;

// The files of the scanned tree by canonical path: where a literal spelled outside the main
// file (a header's constant or macro) is located when it is one of them. System and
// third-party headers are not, and keep their use site.
struct ScannedFiles {
  const SourceSet* sources = nullptr;
  std::map<std::string, FileId> byPath;
};

// Deeper nesting of statements and expressions is lowered as Unknown: bounded recursion on
// hostile input.
inline constexpr int kMaxNestingDepth = 200;

class FileLowering {
 public:
  FileLowering(const SourceFile& source, FileId file, std::string moduleName, const Knowledge& knowledge,
               clang::ASTContext& context, const NameSynthesizer& names, const ScannedFiles* scanned = nullptr);

  // Declares every function, class and global of the main file, then lowers the bodies.
  void lowerTranslationUnit();
  std::vector<Function> takeFunctions();

  // --- naming
  std::string declName(const clang::NamedDecl* d) const;     // C++ name, '::'-separated
  std::string scannedName(const clang::NamedDecl* d) const;  // module-qualified, '.'-separated
  std::string entityName(const clang::NamedDecl* d) const;   // scannedName for the file's, else declName
  std::string typeName(clang::QualType t) const;             // "" when the type names nothing useful
  bool isUnknownType(clang::QualType t) const;
  bool definedHere(const clang::Decl* d) const;
  bool isSynthesized(const clang::Decl* d) const;

  // --- locations
  Span span(clang::SourceRange range) const;
  Span span(clang::SourceLocation begin, clang::SourceLocation endExclusive) const;
  Span headerSpan(clang::SourceLocation begin, const clang::Stmt* body, clang::SourceRange fallback) const;
  // Where the tokens from `begin` to the token at `end` are spelled (a macro's definition, a
  // header's declaration), when that is one file of the scanned tree; else invalid.
  Span spellingSpan(clang::SourceLocation begin, clang::SourceLocation end) const;

  // --- functions
  Function& function(FunctionId id) { return functions_[id]; }
  FunctionId functionFor(const clang::FunctionDecl* d) const;  // kNoFunction when not lowered here
  FunctionId functionOwning(const clang::DeclContext* dc) const;
  FunctionId declareLambda(const clang::LambdaExpr* lambda, FunctionId parent);
  void declareLocalClass(const clang::CXXRecordDecl* record, FunctionId parent);
  void lowerBody(FunctionId id, const clang::Stmt* body, int depth);
  void noteTooDeep(Span at);

  const SourceFile& source;
  const FileId file;
  const std::string moduleName;
  const Knowledge& knowledge;
  clang::ASTContext& ast;
  clang::SourceManager& sm;
  const NameSynthesizer& names;
  Module module;
  bool nestingTooDeep = false;
  // Globals of the file initialised from an API value, never reassigned: that value's name.
  std::map<const clang::VarDecl*, std::string> globalValues;
  // What other translation units may link to, and what this one calls without a body.
  std::vector<ExportedName> exported;
  std::map<std::string, DeclaredCallee> declaredCallees;
  void noteDeclaredCallee(const std::string& qualified, const clang::FunctionDecl* callee);

 private:
  void collectDecls();
  FunctionId declareFunction(const clang::FunctionDecl* d, FunctionId parent);
  void declareClass(const clang::CXXRecordDecl* record, FunctionId parent);
  void addParameters(Function& f, const clang::FunctionDecl* d);
  void exportDefinition(FunctionId id, const clang::FunctionDecl* d);
  void lowerGlobals();
  void collectHeaderConstants();  // header_constants.cpp
  const SourceFile* scannedFile(clang::FileID id, FileId& out) const;

  const ScannedFiles* scanned_;
  mutable std::map<unsigned, std::pair<const SourceFile*, FileId>> scannedByClangFile_;
  // String constants of the tree's headers this unit reads, lowered as globals of the module.
  std::vector<const clang::VarDecl*> headerConstants_;

  std::deque<Function> functions_;
  std::map<const clang::FunctionDecl*, FunctionId> functionIds_;  // canonical decl -> definition's id
  std::map<const clang::FunctionDecl*, FunctionId> bodyOwners_;   // the decl whose body was lowered
  std::map<std::string, size_t> classIndex_;                       // scannedName -> module.classes
  std::vector<std::pair<FunctionId, const clang::FunctionDecl*>> pendingBodies_;
  std::map<FunctionId, std::vector<const clang::Decl*>> classMembers_;  // class body -> initialisers
  std::vector<const clang::VarDecl*> globals_;
  std::set<const clang::Decl*> declared_;
};

// Builds one Function's control-flow graph while statements are lowered in order.
class CfgBuilder {
 public:
  explicit CfgBuilder(Function& fn);
  BlockId current();
  BlockId newBlock();
  void moveTo(BlockId block) { current_ = block; }
  bool reachable() const { return current_ != kNoBlock; }
  void edge(BlockId from, BlockId to, EdgeKind kind);
  void jumpTo(BlockId target, EdgeKind kind = EdgeKind::Fallthrough);
  void branch(ExprId condition, BlockId trueTarget, BlockId falseTarget);
  void addStmt(Stmt stmt);
  void endWithReturn() { jumpTo(fn_.exit); }
  void endAbruptly() { current_ = kNoBlock; }
  void finish() { jumpTo(fn_.exit); }

  void pushBreak(BlockId target) { breaks_.push_back(target); }
  void popBreak() { breaks_.pop_back(); }
  void pushContinue(BlockId target) { continues_.push_back(target); }
  void popContinue() { continues_.pop_back(); }
  void breakOut();
  void continueLoop();
  void pushHandlers(std::vector<BlockId> handlers, bool catchAll);
  void popHandlers() { tries_.pop_back(); }
  int loopDepth = 0;

 private:
  struct Try {
    std::vector<BlockId> handlers;
    bool catchAll;
  };
  Function& fn_;
  BlockId current_ = kNoBlock;
  std::vector<BlockId> breaks_;
  std::vector<BlockId> continues_;
  std::vector<Try> tries_;
};

// Lowers one body into its Function.
class BodyLowering {
 public:
  BodyLowering(FileLowering& file, FunctionId id, int depth);
  void run(const clang::Stmt* body);
  void runFunction(const clang::FunctionDecl* d);               // member initialisers, then the body
  void runGlobals(const std::vector<const clang::VarDecl*>& headerConstants,
                  const std::vector<const clang::VarDecl*>& globals);
  void runMembers(const std::vector<const clang::Decl*>& members);

  // Expressions (lower_expr.cpp).
  ExprId lower(const clang::Expr* e);
  ExprId add(Expr e) { return fn().addExpr(std::move(e)); }
  ExprId unknown(Span at, std::string text, std::vector<ExprId> args = {});
  ExprId name(Span at, std::string text, std::string qualified, std::string binding = {},
              FunctionId function = kNoFunction);

 private:
  Function& fn() { return file_.function(id_); }
  // Statements (lower_stmt.cpp).
  void lowerStmt(const clang::Stmt* s);
  void lowerCompound(const clang::CompoundStmt* s);
  void lowerDecl(const clang::DeclStmt* s);
  void lowerVar(const clang::VarDecl* v, Span at);
  void lowerExprStmt(const clang::Expr* e, Span at);
  void lowerReturn(const clang::ReturnStmt* s);
  void lowerIf(const clang::IfStmt* s);
  void lowerWhile(const clang::WhileStmt* s);
  void lowerDo(const clang::DoStmt* s);
  void lowerFor(const clang::ForStmt* s);
  void lowerRangeFor(const clang::CXXForRangeStmt* s);
  void lowerSwitch(const clang::SwitchStmt* s);
  void lowerTry(const clang::CXXTryStmt* s);
  void lowerThrow(const clang::CXXThrowExpr* e, Span at);
  ExprId lowerCondition(const clang::Stmt* init, const clang::DeclStmt* conditionVar, const clang::Expr* cond);
  void evaluate(ExprId value, Span at);
  void assign(ExprId target, ExprId value, Span at, std::string augOp = {});
  BlockId labelBlock(const clang::LabelDecl* label);

  // Expression helpers (lower_expr.cpp).
  ExprId lowerInner(const clang::Expr* e);
  ExprId lowerDeclRef(const clang::DeclRefExpr* e);
  ExprId lowerMember(const clang::MemberExpr* e);
  ExprId lowerCall(const clang::CallExpr* e);
  ExprId lowerOperatorCall(const clang::CXXOperatorCallExpr* e);
  ExprId lowerBinary(const clang::BinaryOperator* e);
  ExprId lowerUnary(const clang::UnaryOperator* e);
  ExprId lowerConstruct(const clang::CXXConstructExpr* e);
  ExprId lowerLiteral(const clang::Expr* e);
  ExprId lowerRecovery(const clang::RecoveryExpr* e);
  ExprId lowerLambda(const clang::LambdaExpr* e);
  ExprId lowerChildren(const clang::Stmt* s, std::string text);
  ExprId compare(const std::string& op, ExprId lhs, ExprId rhs, Span at);
  ExprId assignInExpression(ExprId target, ExprId value, Span at, std::string augOp);
  std::vector<ExprId> callArguments(const clang::Expr* const* args, unsigned count);
  ExprId callExpr(ExprId callee, std::vector<ExprId> args, Span at, FunctionId function = kNoFunction);
  std::string memberQualified(const clang::Expr* base, ExprId object, const clang::ValueDecl* member,
                              const std::string& memberName, bool arrow);
  std::string valueNameOf(ExprId id);
  std::string tokenAfter(const clang::Expr* e);  // the punctuation written after e ("(", "==", ...)
  std::string qualifierText(const clang::NestedNameSpecifier* nns);
  std::string localQualified(const clang::VarDecl* v);
  std::string bindingOf(const clang::VarDecl* v);

  FileLowering& file_;
  FunctionId id_;
  CfgBuilder cfg_;
  int depth_;
  std::map<const clang::VarDecl*, int> writes_;           // assignments after the declaration
  std::map<const clang::VarDecl*, std::string> values_;  // value name of a never-reassigned local
  std::map<const clang::LabelDecl*, BlockId> labels_;

  friend class DepthGuard;
};

// Counts one level of statement or expression nesting for the duration of a lowering call.
class DepthGuard {
 public:
  explicit DepthGuard(BodyLowering& l) : l_(l) { ++l_.depth_; }
  ~DepthGuard() { --l_.depth_; }
  bool tooDeep() const { return l_.depth_ > kMaxNestingDepth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  BodyLowering& l_;
};

}  // namespace hg::cpp
