// Expressions of a C++ body: names resolved to qualified names (see lowering.h), calls and
// member calls, overloaded operators lowered like the built-in ones they stand for (a
// std::string `==` is a Compare), constructors as calls of their class, implicit conversions
// and copies made transparent.
#include <cstdio>

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/NestedNameSpecifier.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Lex/Lexer.h"
#include "cpp/lowering.h"
#include "cpp/name_synthesis.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallString.h"

namespace hg::cpp {

using namespace clang;


ExprId BodyLowering::unknown(Span at, std::string text, std::vector<ExprId> args) {
  Expr e;
  e.kind = ExprKind::Unknown;
  e.span = at;
  e.text = std::move(text);
  e.args = std::move(args);
  return add(std::move(e));
}

ExprId BodyLowering::name(Span at, std::string text, std::string qualified, std::string binding,
                          FunctionId function) {
  Expr e;
  e.kind = ExprKind::Name;
  e.span = at;
  e.text = std::move(text);
  e.qualified = std::move(qualified);
  e.binding = std::move(binding);
  e.function = function;
  return add(std::move(e));
}

ExprId BodyLowering::compare(const std::string& op, ExprId lhs, ExprId rhs, Span at) {
  Expr e;
  e.kind = ExprKind::Compare;
  e.text = op;
  e.span = at;
  e.args = {lhs, rhs};
  return add(std::move(e));
}

std::string BodyLowering::valueNameOf(ExprId id) {
  const Expr& e = fn().expr(id);
  if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute) return e.qualified;
  if (e.kind == ExprKind::Call) return e.qualified.empty() ? std::string() : e.qualified + "()";
  return {};
}

std::string BodyLowering::bindingOf(const VarDecl* v) {
  if (v->isLocalVarDeclOrParm() || v->getParentFunctionOrMethod()) {
    FunctionId owner = file_.functionOwning(v->getDeclContext());
    const std::string& prefix = owner != kNoFunction ? file_.function(owner).qualified : fn().qualified;
    return prefix + ".<locals>." + v->getName().str();
  }
  return file_.entityName(v);
}

std::string BodyLowering::localQualified(const VarDecl* v) {
  auto value = values_.find(v);
  if (value != values_.end() && writes_[v] == 0) return value->second;
  std::string type = file_.typeName(v->getType());
  return type.empty() ? std::string() : type + "()";
}

std::string BodyLowering::qualifierText(const NestedNameSpecifier* nns) {
  std::vector<const NestedNameSpecifier*> chain;
  for (const NestedNameSpecifier* n = nns; n && chain.size() < 64; n = n->getPrefix()) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const NestedNameSpecifier* n = *it;
    std::string part;
    switch (n->getKind()) {
      case NestedNameSpecifier::Namespace:
        part = file_.entityName(n->getAsNamespace());
        out.clear();  // a namespace's name is already complete
        break;
      case NestedNameSpecifier::NamespaceAlias:
        part = file_.entityName(n->getAsNamespaceAlias()->getNamespace());
        out.clear();
        break;
      case NestedNameSpecifier::TypeSpec:
      case NestedNameSpecifier::TypeSpecWithTemplate:
        part = file_.typeName(QualType(n->getAsType(), 0));
        if (!part.empty()) out.clear();
        break;
      case NestedNameSpecifier::Identifier:
        part = n->getAsIdentifier()->getName().str();
        break;
      case NestedNameSpecifier::Global:
      case NestedNameSpecifier::Super:
        break;
    }
    if (part.empty()) continue;
    out = out.empty() ? part : out + "::" + part;
  }
  return out;
}

std::vector<ExprId> BodyLowering::callArguments(const clang::Expr* const* args, unsigned count) {
  std::vector<ExprId> out;
  for (unsigned i = 0; i < count; ++i) {
    if (isa<CXXDefaultArgExpr>(args[i])) break;  // defaults were not written
    out.push_back(lower(args[i]));
  }
  return out;
}

ExprId BodyLowering::callExpr(ExprId callee, std::vector<ExprId> args, Span at, FunctionId function) {
  Expr e;
  e.kind = ExprKind::Call;
  e.span = at;
  e.args.push_back(callee);
  for (ExprId a : args) {
    e.args.push_back(a);
    e.argNames.emplace_back();
  }
  const Expr& c = fn().expr(callee);
  e.qualified = c.qualified;
  e.function = function != kNoFunction ? function : c.function;
  return add(std::move(e));
}

ExprId BodyLowering::assignInExpression(ExprId target, ExprId value, Span at, std::string augOp) {
  assign(target, value, at, std::move(augOp));
  return target;
}

ExprId BodyLowering::lower(const clang::Expr* e) {
  if (!e) return unknown(Span{}, "?");
  DepthGuard guard(*this);
  if (guard.tooDeep()) {
    Span at = file_.span(e->getSourceRange());
    file_.noteTooDeep(at);
    return unknown(at, "too deep");
  }
  return lowerInner(e);
}

ExprId BodyLowering::lowerChildren(const clang::Stmt* s, std::string text) {
  std::vector<ExprId> args;
  for (const clang::Stmt* child : s->children()) {
    if (const auto* ce = dyn_cast_or_null<clang::Expr>(child)) args.push_back(lower(ce));
  }
  return unknown(file_.span(s->getSourceRange()), std::move(text), std::move(args));
}

ExprId BodyLowering::lowerInner(const clang::Expr* e) {
  // Wrappers that change nothing the rules care about, stripped in a loop (not recursion).
  for (int hops = 0; hops < 10000; ++hops) {
    if (const auto* c = dyn_cast<ImplicitCastExpr>(e)) {
      e = c->getSubExpr();
    } else if (const auto* p = dyn_cast<ParenExpr>(e)) {
      e = p->getSubExpr();
    } else if (const auto* f = dyn_cast<FullExpr>(e)) {
      e = f->getSubExpr();
    } else if (const auto* m = dyn_cast<MaterializeTemporaryExpr>(e)) {
      e = m->getSubExpr();
    } else if (const auto* b = dyn_cast<CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
    } else if (const auto* d = dyn_cast<CXXDefaultArgExpr>(e)) {
      e = d->getExpr();
    } else if (const auto* d = dyn_cast<CXXDefaultInitExpr>(e)) {
      e = d->getExpr();
    } else if (const auto* o = dyn_cast<OpaqueValueExpr>(e); o && o->getSourceExpr()) {
      e = o->getSourceExpr();
    } else if (const auto* s = dyn_cast<SubstNonTypeTemplateParmExpr>(e)) {
      e = s->getReplacement();
    } else if (const auto* l = dyn_cast<CXXStdInitializerListExpr>(e)) {
      e = l->getSubExpr();
    } else if (isa<CStyleCastExpr>(e) || isa<CXXNamedCastExpr>(e) || isa<BuiltinBitCastExpr>(e)) {
      e = cast<ExplicitCastExpr>(e)->getSubExpr();
    } else if (const auto* u = dyn_cast<UnaryOperator>(e);
               u && (u->getOpcode() == UO_Deref || u->getOpcode() == UO_AddrOf || u->getOpcode() == UO_Extension)) {
      e = u->getSubExpr();
    } else if (const auto* op = dyn_cast<CXXOperatorCallExpr>(e);
               op && op->getNumArgs() == 1 &&
               (op->getOperator() == OO_Arrow || op->getOperator() == OO_Star || op->getOperator() == OO_Amp)) {
      e = op->getArg(0);  // smart pointers and iterators: the object they reach
    } else {
      break;
    }
  }
  const Span at = file_.span(e->getSourceRange());

  if (const auto* cast = dyn_cast<CXXFunctionalCastExpr>(e)) {
    const clang::Expr* sub = cast->getSubExpr()->IgnoreImplicit();
    if (isa<CXXConstructExpr>(sub)) return lowerConstruct(cast_or_null<CXXConstructExpr>(sub));
    std::string type = file_.typeName(cast->getTypeAsWritten());
    if (type.empty()) return lower(cast->getSubExpr());
    return callExpr(name(at, type, type), {lower(cast->getSubExpr())}, at);
  }
  if (const auto* ref = dyn_cast<DeclRefExpr>(e)) return lowerDeclRef(ref);
  if (const auto* member = dyn_cast<MemberExpr>(e)) return lowerMember(member);
  if (const auto* op = dyn_cast<CXXOperatorCallExpr>(e)) return lowerOperatorCall(op);
  if (const auto* call = dyn_cast<CallExpr>(e)) return lowerCall(call);
  if (const auto* b = dyn_cast<BinaryOperator>(e)) return lowerBinary(b);
  if (const auto* u = dyn_cast<UnaryOperator>(e)) return lowerUnary(u);
  if (const auto* c = dyn_cast<CXXConstructExpr>(e)) return lowerConstruct(c);
  if (const auto* r = dyn_cast<RecoveryExpr>(e)) return lowerRecovery(r);
  if (const auto* l = dyn_cast<LambdaExpr>(e)) return lowerLambda(l);
  if (isa<StringLiteral>(e) || isa<IntegerLiteral>(e) || isa<FloatingLiteral>(e) || isa<CharacterLiteral>(e) ||
      isa<CXXBoolLiteralExpr>(e) || isa<CXXNullPtrLiteralExpr>(e) || isa<GNUNullExpr>(e))
    return lowerLiteral(e);
  if (const auto* c = dyn_cast<AbstractConditionalOperator>(e)) {
    Expr out;
    out.kind = ExprKind::Conditional;
    out.span = at;
    ExprId cond = lower(c->getCond());
    out.args = {lower(c->getTrueExpr()), cond, lower(c->getFalseExpr())};
    return add(std::move(out));
  }
  if (const auto* s = dyn_cast<ArraySubscriptExpr>(e)) {
    Expr out;
    out.kind = ExprKind::Subscript;
    out.span = at;
    out.args = {lower(s->getBase()), lower(s->getIdx())};
    return add(std::move(out));
  }
  if (const auto* list = dyn_cast<InitListExpr>(e)) {
    const InitListExpr* syntactic = list->isSemanticForm() && list->getSyntacticForm() ? list->getSyntacticForm() : list;
    Expr out;
    out.kind = ExprKind::Container;
    out.text = "list";
    out.span = at;
    for (const clang::Expr* init : syntactic->inits()) out.args.push_back(lower(init));
    return add(std::move(out));
  }
  if (const auto* d = dyn_cast<DesignatedInitExpr>(e)) return lower(d->getInit());
  if (isa<CXXThisExpr>(e)) {
    std::string type = file_.typeName(e->getType());
    return name(at, "this", type.empty() ? std::string() : type + "()");
  }
  if (const auto* u = dyn_cast<CXXUnresolvedConstructExpr>(e)) {
    std::string type = file_.typeName(u->getTypeAsWritten());
    std::vector<ExprId> args;
    for (const clang::Expr* a : u->arguments()) args.push_back(lower(a));
    return callExpr(name(at, type, type), std::move(args), at);
  }
  if (const auto* n = dyn_cast<CXXNewExpr>(e)) {
    std::string type = file_.typeName(n->getAllocatedType());
    std::vector<ExprId> args;
    if (const auto* ctor = dyn_cast_or_null<CXXConstructExpr>(n->getConstructExpr())) {
      args = callArguments(ctor->getArgs(), ctor->getNumArgs());
    } else if (n->getInitializer()) {
      args.push_back(lower(n->getInitializer()));
    }
    return callExpr(name(at, type, type), std::move(args), at);
  }
  if (const auto* t = dyn_cast<CXXThrowExpr>(e)) {
    std::vector<ExprId> args;
    if (t->getSubExpr()) args.push_back(lower(t->getSubExpr()));
    return unknown(at, "throw", std::move(args));
  }
  if (const auto* ul = dyn_cast<UnresolvedLookupExpr>(e)) {
    std::string text = ul->getName().getAsString();
    std::string prefix = qualifierText(ul->getQualifier());
    return name(at, text, prefix.empty() ? text : prefix + "::" + text);
  }
  if (const auto* dr = dyn_cast<DependentScopeDeclRefExpr>(e)) {
    std::string text = dr->getDeclName().getAsString();
    std::string prefix = qualifierText(dr->getQualifier());
    return name(at, text, prefix.empty() ? text : prefix + "::" + text);
  }
  if (const auto* dm = dyn_cast<CXXDependentScopeMemberExpr>(e)) {
    Expr out;
    out.kind = ExprKind::Attribute;
    out.span = at;
    out.text = dm->getMember().getAsString();
    ExprId object = dm->isImplicitAccess() ? name(at, "this", "") : lower(dm->getBase());
    out.args.push_back(object);
    out.qualified = memberQualified(dm->isImplicitAccess() ? nullptr : dm->getBase(), object, nullptr, out.text,
                                    dm->isArrow());
    return add(std::move(out));
  }
  if (const auto* um = dyn_cast<UnresolvedMemberExpr>(e)) {
    Expr out;
    out.kind = ExprKind::Attribute;
    out.span = at;
    out.text = um->getMemberName().getAsString();
    ExprId object = um->isImplicitAccess() ? name(at, "this", "") : lower(um->getBase());
    out.args.push_back(object);
    out.qualified = memberQualified(um->isImplicitAccess() ? nullptr : um->getBase(), object, nullptr, out.text,
                                    um->isArrow());
    return add(std::move(out));
  }
  if (const auto* p = dyn_cast<ParenListExpr>(e)) {
    Expr out;
    out.kind = ExprKind::Container;
    out.text = "tuple";
    out.span = at;
    for (const clang::Expr* x : const_cast<ParenListExpr*>(p)->exprs()) out.args.push_back(lower(x));
    return add(std::move(out));
  }
  if (isa<CXXScalarValueInitExpr>(e) || isa<ImplicitValueInitExpr>(e)) return unknown(at, "default");
  if (isa<UnaryExprOrTypeTraitExpr>(e) || isa<TypeTraitExpr>(e) || isa<SizeOfPackExpr>(e)) return unknown(at, "sizeof");
  return lowerChildren(e, e->getStmtClassName());
}

ExprId BodyLowering::lowerLiteral(const clang::Expr* e) {
  Expr out;
  out.kind = ExprKind::Literal;
  out.span = file_.span(e->getSourceRange());
  if (const auto* s = dyn_cast<StringLiteral>(e)) {
    // A string written in a macro's definition or a header's constant is located there (the
    // fix goes there), when that file is in the scanned tree.
    SourceLocation begin = s->getBeginLoc();
    bool elsewhere = begin.isMacroID() ? !file_.sm.isMacroArgExpansion(begin) : !file_.sm.isInMainFile(begin);
    if (elsewhere) {
      Span spelled = file_.spellingSpan(begin, s->getEndLoc());
      if (spelled.valid()) out.span = spelled;
    }
    out.literal = LiteralKind::String;
    if (s->getCharByteWidth() == 1) out.text = s->getString().str();
  } else if (const auto* i = dyn_cast<IntegerLiteral>(e)) {
    out.literal = LiteralKind::Integer;
    llvm::SmallString<32> digits;
    i->getValue().toString(digits, 10, /*Signed=*/false);
    out.text = digits.str().str();
  } else if (const auto* c = dyn_cast<CharacterLiteral>(e)) {
    out.literal = LiteralKind::Integer;
    out.text = std::to_string(c->getValue());
  } else if (const auto* f = dyn_cast<FloatingLiteral>(e)) {
    out.literal = LiteralKind::Float;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", f->getValueAsApproximateDouble());
    out.text = buffer;
  } else if (const auto* b = dyn_cast<CXXBoolLiteralExpr>(e)) {
    out.literal = b->getValue() ? LiteralKind::True : LiteralKind::False;
    out.text = b->getValue() ? "true" : "false";
  } else {
    out.literal = LiteralKind::NoneValue;
    out.text = "nullptr";
  }
  return add(std::move(out));
}

ExprId BodyLowering::lowerDeclRef(const DeclRefExpr* e) {
  const Span at = file_.span(e->getSourceRange());
  const ValueDecl* d = e->getDecl();
  std::string text = e->getNameInfo().getAsString();
  if (const auto* f = dyn_cast<FunctionDecl>(d)) {
    const FunctionDecl* def = f->getDefinition() ? f->getDefinition() : f;
    FunctionId id = file_.functionFor(def);
    // Only declared here (a prototype at the top of the file): its body is elsewhere, so the
    // C++ name, which the definition's translation unit exports, is what links it.
    std::string qualified = id != kNoFunction ? file_.function(id).qualified : file_.declName(f);
    return name(at, text, qualified, {}, id);
  }
  if (const auto* v = dyn_cast<VarDecl>(d)) {
    if (file_.isSynthesized(v)) {
      // A member of an unknown class named through its scope (`HttpResponse::newHttpResponse`)
      // takes the scope as written; a namespace member its own name.
      std::string qualified = file_.declName(v);
      if (v->getDeclContext()->isRecord()) {
        std::string prefix = qualifierText(e->getQualifier());
        qualified = prefix.empty() ? text : prefix + "::" + text;
      }
      return name(at, text, qualified);
    }
    if (v->isLocalVarDeclOrParm() || v->getParentFunctionOrMethod()) {
      return name(at, text, localQualified(v), bindingOf(v));
    }
    if (file_.definedHere(v)) {
      auto value = file_.globalValues.find(v);
      std::string binding = file_.scannedName(v);
      return name(at, text, value != file_.globalValues.end() ? value->second : binding, binding);
    }
    std::string qualified = file_.declName(v);
    return name(at, text, qualified, qualified);
  }
  if (const auto* b = dyn_cast<BindingDecl>(d)) {
    FunctionId owner = file_.functionOwning(b->getDeclContext());
    std::string prefix = owner != kNoFunction ? file_.function(owner).qualified : fn().qualified;
    return name(at, text, {}, prefix + ".<locals>." + text);
  }
  return name(at, text, file_.entityName(d));
}

std::string BodyLowering::memberQualified(const clang::Expr* base, ExprId object, const ValueDecl* member,
                                          const std::string& memberName, bool arrow) {
  (void)member;
  (void)arrow;
  if (base) {
    // The object's declared type names the member: `req.body` is "httplib::Request().body".
    // Implicit conversions (a const view of the object) would lose the type's written name.
    std::string type = file_.typeName(base->IgnoreParenImpCasts()->getType());
    if (!type.empty()) return type + "()." + memberName;
    // `req->x` through an unknown smart pointer: the pointer's own declared type.
    const clang::Expr* inner = base->IgnoreParenImpCasts();
    if (const auto* op = dyn_cast<CXXOperatorCallExpr>(inner); op && op->getOperator() == OO_Arrow && op->getNumArgs() == 1) {
      type = file_.typeName(op->getArg(0)->getType());
      if (!type.empty()) return type + "()." + memberName;
    }
  }
  std::string value = valueNameOf(object);
  return value.empty() ? std::string() : value + "." + memberName;
}

ExprId BodyLowering::lowerMember(const MemberExpr* e) {
  const Span at = file_.span(e->getSourceRange());
  const clang::Expr* base = e->getBase();
  ExprId object;
  if (const auto* self = dyn_cast<CXXThisExpr>(base->IgnoreParenImpCasts()); self && self->isImplicit()) {
    std::string type = file_.typeName(self->getType());
    object = name(file_.span(e->getMemberLoc()), "this", type.empty() ? std::string() : type + "()");
  } else {
    object = lower(base);
  }
  Expr out;
  out.kind = ExprKind::Attribute;
  out.span = at;
  out.text = e->getMemberNameInfo().getAsString();
  out.args.push_back(object);
  out.qualified = memberQualified(base, object, e->getMemberDecl(), out.text, e->isArrow());
  if (const auto* method = dyn_cast<CXXMethodDecl>(e->getMemberDecl())) {
    out.function = file_.functionFor(method->getDefinition() ? method->getDefinition() : method);
  }
  return add(std::move(out));
}

ExprId BodyLowering::lowerCall(const CallExpr* e) {
  const Span at = file_.span(e->getSourceRange());
  if (const auto* literal = dyn_cast<UserDefinedLiteral>(e)) {
    // `"POST"_method`: a call of the literal operator on the literal.
    std::string op = "operator\"\"" + std::string(literal->getUDSuffix() ? literal->getUDSuffix()->getName() : "");
    std::vector<ExprId> args;
    if (const clang::Expr* cooked = literal->getCookedLiteral()) args.push_back(lower(cooked));
    return callExpr(name(at, op, op), std::move(args), at);
  }
  if (const auto* member = dyn_cast<CXXMemberCallExpr>(e); member && isa_and_nonnull<CXXConversionDecl>(member->getMethodDecl())) {
    // An implicit conversion operator: the converted object.
    return lower(member->getImplicitObjectArgument());
  }
  ExprId callee = lower(e->getCallee());
  std::vector<ExprId> args = callArguments(e->getArgs(), e->getNumArgs());
  FunctionId function = kNoFunction;
  const FunctionDecl* direct = e->getDirectCallee();
  if (direct) function = file_.functionFor(direct->getDefinition() ? direct->getDefinition() : direct);
  ExprId id = callExpr(callee, std::move(args), at, function);
  // Its body is in another translation unit, or nowhere in the scan: linked after all files.
  if (direct && fn().expr(id).function == kNoFunction) file_.noteDeclaredCallee(fn().expr(id).qualified, direct);
  return id;
}

ExprId BodyLowering::lowerOperatorCall(const CXXOperatorCallExpr* e) {
  const Span at = file_.span(e->getSourceRange());
  const OverloadedOperatorKind op = e->getOperator();
  const unsigned n = e->getNumArgs();
  auto binary = [&](ExprKind kind, const char* text) {
    Expr out;
    out.kind = kind;
    out.text = text;
    out.span = at;
    out.args = {lower(e->getArg(0)), lower(e->getArg(1))};
    return add(std::move(out));
  };
  switch (op) {
    case OO_Call: {
      ExprId callee = lower(e->getArg(0));
      std::vector<ExprId> args = callArguments(e->getArgs() + 1, n - 1);
      FunctionId function = kNoFunction;
      if (const FunctionDecl* direct = e->getDirectCallee()) {
        function = file_.functionFor(direct->getDefinition() ? direct->getDefinition() : direct);
      }
      return callExpr(callee, std::move(args), at, function);
    }
    case OO_Subscript:
      return binary(ExprKind::Subscript, "");
    case OO_EqualEqual:
      return binary(ExprKind::Compare, "==");
    case OO_ExclaimEqual:
      return binary(ExprKind::Compare, "!=");
    case OO_Less:
      return n == 2 ? binary(ExprKind::Compare, "<") : lowerChildren(e, "<");
    case OO_Greater:
      return n == 2 ? binary(ExprKind::Compare, ">") : lowerChildren(e, ">");
    case OO_LessEqual:
      return binary(ExprKind::Compare, "<=");
    case OO_GreaterEqual:
      return binary(ExprKind::Compare, ">=");
    case OO_Spaceship:
      return binary(ExprKind::Compare, "<=>");
    case OO_AmpAmp:
      return binary(ExprKind::BoolOp, "and");
    case OO_PipePipe:
      return binary(ExprKind::BoolOp, "or");
    case OO_Exclaim: {
      Expr out;
      out.kind = ExprKind::Not;
      out.span = at;
      out.args.push_back(lower(e->getArg(0)));
      return add(std::move(out));
    }
    case OO_Plus:
    case OO_Minus:
    case OO_Tilde:
      if (n == 1) {
        Expr out;
        out.kind = ExprKind::UnaryOp;
        out.text = getOperatorSpelling(op);
        out.span = at;
        out.args.push_back(lower(e->getArg(0)));
        return add(std::move(out));
      }
      [[fallthrough]];
    case OO_Star:
    case OO_Slash:
    case OO_Percent:
    case OO_Amp:
    case OO_Pipe:
    case OO_Caret:
    case OO_LessLess:
    case OO_GreaterGreater:
      if (n == 2) return binary(ExprKind::BinaryOp, getOperatorSpelling(op));
      return lower(e->getArg(0));
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_PercentEqual:
    case OO_AmpEqual:
    case OO_PipeEqual:
    case OO_CaretEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
      if (n == 2) {
        ExprId value = lower(e->getArg(1));
        assign(lower(e->getArg(0)), value, at, op == OO_Equal ? std::string() : std::string(getOperatorSpelling(op)));
        return lower(e->getArg(0));
      }
      break;
    case OO_PlusPlus:
    case OO_MinusMinus: {
      Expr one;
      one.kind = ExprKind::Literal;
      one.literal = LiteralKind::Integer;
      one.text = "1";
      one.span = at;
      assign(lower(e->getArg(0)), add(std::move(one)), at, op == OO_PlusPlus ? "+=" : "-=");
      return lower(e->getArg(0));
    }
    case OO_Comma:
      if (n == 2) {
        evaluate(lower(e->getArg(0)), at);
        return lower(e->getArg(1));
      }
      break;
    default:
      break;
  }
  return lowerChildren(e, std::string("operator") + getOperatorSpelling(op));
}

ExprId BodyLowering::lowerBinary(const BinaryOperator* b) {
  const Span at = file_.span(b->getSourceRange());
  const BinaryOperatorKind op = b->getOpcode();
  if (b->isAssignmentOp()) {
    ExprId value = lower(b->getRHS());
    assign(lower(b->getLHS()), value, at, b->isCompoundAssignmentOp() ? b->getOpcodeStr().str() : std::string());
    return lower(b->getLHS());
  }
  if (b->isComparisonOp()) return compare(b->getOpcodeStr().str(), lower(b->getLHS()), lower(b->getRHS()), at);
  if (op == BO_LAnd || op == BO_LOr) {
    // `a && b && c` nests to the left: one BoolOp over every operand, collected without recursion.
    std::vector<const clang::Expr*> operands;
    const clang::Expr* left = b;
    while (const auto* chain = dyn_cast<BinaryOperator>(left->IgnoreParens())) {
      if (chain->getOpcode() != op) break;
      operands.push_back(chain->getRHS());
      left = chain->getLHS();
      if (operands.size() > 10000) break;
    }
    operands.push_back(left);
    Expr out;
    out.kind = ExprKind::BoolOp;
    out.text = op == BO_LAnd ? "and" : "or";
    out.span = at;
    for (auto it = operands.rbegin(); it != operands.rend(); ++it) out.args.push_back(lower(*it));
    return add(std::move(out));
  }
  if (op == BO_Comma) {
    evaluate(lower(b->getLHS()), at);
    return lower(b->getRHS());
  }
  if (op == BO_PtrMemD || op == BO_PtrMemI) return lowerChildren(b, "member pointer");
  Expr out;
  out.kind = ExprKind::BinaryOp;
  out.text = b->getOpcodeStr().str();
  out.span = at;
  out.args = {lower(b->getLHS()), lower(b->getRHS())};
  return add(std::move(out));
}

ExprId BodyLowering::lowerUnary(const UnaryOperator* u) {
  const Span at = file_.span(u->getSourceRange());
  switch (u->getOpcode()) {
    case UO_LNot: {
      Expr out;
      out.kind = ExprKind::Not;
      out.span = at;
      out.args.push_back(lower(u->getSubExpr()));
      return add(std::move(out));
    }
    case UO_Minus:
    case UO_Plus:
    case UO_Not: {
      Expr out;
      out.kind = ExprKind::UnaryOp;
      out.text = UnaryOperator::getOpcodeStr(u->getOpcode()).str();
      out.span = at;
      out.args.push_back(lower(u->getSubExpr()));
      return add(std::move(out));
    }
    case UO_PreInc:
    case UO_PostInc:
    case UO_PreDec:
    case UO_PostDec: {
      Expr one;
      one.kind = ExprKind::Literal;
      one.literal = LiteralKind::Integer;
      one.text = "1";
      one.span = at;
      assign(lower(u->getSubExpr()), add(std::move(one)), at, u->isIncrementOp() ? "+=" : "-=");
      return lower(u->getSubExpr());
    }
    default:
      return lower(u->getSubExpr());
  }
}

ExprId BodyLowering::lowerConstruct(const CXXConstructExpr* c) {
  const Span at = file_.span(c->getSourceRange());
  const unsigned n = c->getNumArgs();
  if (n >= 1 && isa<CXXStdInitializerListExpr>(c->getArg(0)->IgnoreImplicit()) &&
      (n == 1 || isa<CXXDefaultArgExpr>(c->getArg(1))))
    return lower(c->getArg(0));  // `{Post, Put}`: the list itself
  std::vector<ExprId> args = callArguments(c->getArgs(), n);
  const CXXConstructorDecl* ctor = c->getConstructor();
  if (args.size() == 1 && ctor && ctor->isCopyOrMoveConstructor()) return args[0];
  const bool written = isa<CXXTemporaryObjectExpr>(c) || c->getParenOrBraceRange().isValid();
  if (args.size() == 1 && !written) return args[0];  // an implicit conversion
  std::string type = file_.typeName(c->getType());
  if (type.empty()) {
    if (args.size() == 1) return args[0];
    return unknown(at, "construct", std::move(args));
  }
  return callExpr(name(at, type, type), std::move(args), at);
}

ExprId BodyLowering::lowerRecovery(const RecoveryExpr* r) {
  const Span at = file_.span(r->getSourceRange());
  std::vector<const clang::Expr*> subs;
  for (const clang::Expr* s : const_cast<RecoveryExpr*>(r)->subExpressions()) subs.push_back(s);
  // What Clang kept of an expression it could not resolve: a call's callee then arguments, or
  // an operator's operands. The source between the first operand and the next tells which.
  if (!subs.empty()) {
    const clang::Expr* first = subs[0]->IgnoreParenImpCasts();
    const std::string follows = tokenAfter(first);
    const bool calleeLike = isa<OverloadExpr>(first) || isa<DeclRefExpr>(first) || isa<MemberExpr>(first) ||
                            isa<CXXDependentScopeMemberExpr>(first) || isa<DependentScopeDeclRefExpr>(first);
    if (calleeLike && follows == "(") {
      ExprId callee = lower(first);
      std::vector<ExprId> args;
      for (size_t i = 1; i < subs.size(); ++i) args.push_back(lower(subs[i]));
      return callExpr(callee, std::move(args), at);
    }
    if (subs.size() == 2 && !follows.empty() && follows != "(") {
      static const char* const kCompares[] = {"==", "!=", "<", ">", "<=", ">="};
      for (const char* c : kCompares) {
        if (follows == c) return compare(follows, lower(subs[0]), lower(subs[1]), at);
      }
      Expr out;
      out.kind = follows == "&&" || follows == "||" ? ExprKind::BoolOp : ExprKind::BinaryOp;
      out.text = follows == "&&" ? "and" : follows == "||" ? "or" : follows;
      out.span = at;
      out.args = {lower(subs[0]), lower(subs[1])};
      return add(std::move(out));
    }
  }
  std::vector<ExprId> args;
  for (const clang::Expr* s : subs) args.push_back(lower(s));
  return unknown(at, "unresolved", std::move(args));
}

std::string BodyLowering::tokenAfter(const clang::Expr* e) {
  SourceLocation end = file_.sm.getFileLoc(e->getEndLoc());
  if (end.isInvalid()) return {};
  end = Lexer::getLocForEndOfToken(end, 0, file_.sm, file_.ast.getLangOpts());
  if (end.isInvalid() || file_.sm.getFileID(end) != file_.sm.getMainFileID()) return {};
  const std::string& text = file_.source.text;
  size_t i = file_.sm.getFileOffset(end);
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size()) return {};
  if (text[i] == '(') return "(";
  std::string op;
  while (i < text.size() && op.size() < 3 && std::string_view("=!<>+-*/%&|^").find(text[i]) != std::string_view::npos) {
    op += text[i++];
  }
  return op;
}

ExprId BodyLowering::lowerLambda(const LambdaExpr* e) {
  FunctionId id = file_.declareLambda(e, id_);
  file_.lowerBody(id, e->getBody(), depth_);
  Expr out;
  out.kind = ExprKind::Lambda;
  out.text = "<lambda>";
  out.span = file_.span(e->getSourceRange());
  out.function = id;
  return add(std::move(out));
}

}  // namespace hg::cpp
