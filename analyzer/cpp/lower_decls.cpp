// FileLowering: what the main file defines (functions, classes, globals), how entities are
// named, and where they are.
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "cpp/lowering.h"
#include "cpp/name_synthesis.h"

namespace hg::cpp {

using namespace clang;

namespace {

// Lexical nesting of namespaces and classes followed when collecting definitions.
constexpr size_t kMaxDeclContexts = 100000;

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

FileLowering::FileLowering(const SourceFile& src, FileId fileId, std::string module_, const Knowledge& k,
                           ASTContext& context, const NameSynthesizer& synthesized, const ScannedFiles* scanned)
    : source(src),
      file(fileId),
      moduleName(std::move(module_)),
      knowledge(k),
      ast(context),
      sm(context.getSourceManager()),
      names(synthesized),
      scanned_(scanned) {
  module.name = moduleName;
  module.file = file;
  module.language = Language::Cpp;
}

// ---------------------------------------------------------------- naming

bool FileLowering::isSynthesized(const Decl* d) const { return d && names.isSynthesized(d); }

bool FileLowering::definedHere(const Decl* d) const {
  if (!d || isSynthesized(d)) return false;
  return sm.isInMainFile(sm.getExpansionLoc(d->getLocation()));
}

bool FileLowering::isUnknownType(QualType t) const {
  if (t.isNull()) return false;
  t = t.getNonReferenceType();
  if (const auto* p = t->getAs<PointerType>()) t = p->getPointeeType();
  return names.isUnknownClass(t->getAsCXXRecordDecl());
}

namespace {

std::string ownName(const NamedDecl* d) {
  if (const auto* r = dyn_cast<CXXRecordDecl>(d); r && r->isLambda()) return "<lambda>";
  if (d->getDeclName().isEmpty()) return "<anonymous>";
  return d->getNameAsString();
}

// Scopes of `d` from the innermost out, as written in names: inline and anonymous namespaces
// and unscoped enumerations do not appear. Stops at a function (a local entity), returned in
// `function`.
std::vector<std::string> scopesOf(const NamedDecl* d, const FunctionDecl*& function) {
  std::vector<std::string> parts;
  function = nullptr;
  for (const DeclContext* c = d->getDeclContext(); c && !c->isTranslationUnit(); c = c->getParent()) {
    if (const auto* ns = dyn_cast<NamespaceDecl>(c)) {
      if (!ns->isInline() && !ns->isAnonymousNamespace()) parts.push_back(ns->getName().str());
    } else if (const auto* r = dyn_cast<RecordDecl>(c)) {
      if (r->getIdentifier()) parts.push_back(r->getName().str());
    } else if (const auto* e = dyn_cast<EnumDecl>(c)) {
      if (e->isScoped()) parts.push_back(e->getName().str());
    } else if (const auto* f = dyn_cast<FunctionDecl>(c)) {
      function = f;
      break;
    }
  }
  return parts;
}

}  // namespace

std::string FileLowering::declName(const NamedDecl* d) const {
  if (!d) return {};
  const FunctionDecl* function = nullptr;
  std::vector<std::string> parts = scopesOf(d, function);
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += *it + "::";
  return out + ownName(d);
}

std::string FileLowering::scannedName(const NamedDecl* d) const {
  if (!d) return {};
  const FunctionDecl* function = nullptr;
  std::vector<std::string> parts = scopesOf(d, function);
  std::string out = function ? scannedName(function) + ".<locals>" : moduleName;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += "." + *it;
  return out + "." + ownName(d);
}

std::string FileLowering::entityName(const NamedDecl* d) const { return definedHere(d) ? scannedName(d) : declName(d); }

std::string FileLowering::typeName(QualType t) const {
  for (int step = 0; step < 64 && !t.isNull(); ++step) {
    const Type* type = t.getTypePtr();
    if (type->isReferenceType() || type->isPointerType()) {
      t = type->getPointeeType();
      continue;
    }
    if (const auto* td = dyn_cast<TypedefType>(type)) {
      const TypedefNameDecl* decl = td->getDecl();
      if (isSynthesized(decl)) return declName(decl);
      // A namespace-scope alias of a class is the name users write ("std::string"); a
      // member typedef ("basic_json::reference") or an alias of int is not worth keeping.
      QualType under = decl->getUnderlyingType();
      if (decl->getDeclContext()->isFileContext() && under->getAsCXXRecordDecl() &&
          !names.isUnknownClass(under->getAsCXXRecordDecl()) && !under->getAsCXXRecordDecl()->isLambda())
        return entityName(decl);
      t = td->desugar();
      continue;
    }
    if (const auto* el = dyn_cast<ElaboratedType>(type)) {
      t = el->getNamedType();
      continue;
    }
    if (const auto* ts = dyn_cast<TemplateSpecializationType>(type)) {
      if (const TemplateDecl* tmpl = ts->getTemplateName().getAsTemplateDecl()) {
        if (isSynthesized(tmpl) || isa<ClassTemplateDecl>(tmpl) ||
            (isa<TypeAliasTemplateDecl>(tmpl) && tmpl->getDeclContext()->isFileContext()))
          return entityName(tmpl);
      }
      if (!ts->isSugared()) return {};
      t = ts->desugar();
      continue;
    }
    if (const auto* rt = dyn_cast<RecordType>(type)) {
      const auto* record = dyn_cast<CXXRecordDecl>(rt->getDecl());
      if (record && (record->isLambda() || names.isUnknownClass(record))) return {};
      return entityName(rt->getDecl());
    }
    if (const auto* inj = dyn_cast<InjectedClassNameType>(type)) return entityName(inj->getDecl());
    if (const auto* en = dyn_cast<EnumType>(type)) return entityName(en->getDecl());
    QualType next = t.getSingleStepDesugaredType(ast);
    if (next == t) return {};
    t = next;
  }
  return {};
}

// ---------------------------------------------------------------- locations

Span FileLowering::span(SourceLocation begin, SourceLocation endExclusive) const {
  if (begin.isInvalid() || endExclusive.isInvalid()) return {};
  FileID main = sm.getMainFileID();
  if (sm.getFileID(begin) != main || sm.getFileID(endExclusive) != main) return {};
  size_t b = sm.getFileOffset(begin);
  size_t e = sm.getFileOffset(endExclusive);
  if (b > source.text.size() || e > source.text.size()) return {};
  return source.span(b, std::max(b, e), file);
}

Span FileLowering::span(SourceRange range) const {
  SourceLocation b = range.getBegin();
  SourceLocation e = range.getEnd().isValid() ? range.getEnd() : b;
  if (b.isInvalid()) return {};
  const FileID main = sm.getMainFileID();
  // Through macros: the spelling in the user's file when the tokens are written there (macro
  // arguments), else the macro invocation.
  SourceLocation fb = sm.getFileLoc(b);
  SourceLocation fe = sm.getFileLoc(e);
  if (sm.getFileID(fb) != main || sm.getFileID(fe) != main || sm.getFileOffset(fe) < sm.getFileOffset(fb)) {
    CharSourceRange expansion = sm.getExpansionRange(SourceRange(b, e));
    fb = expansion.getBegin();
    fe = expansion.getEnd();
    if (sm.getFileID(fb) != main || sm.getFileID(fe) != main) return {};
    if (!expansion.isTokenRange()) return span(fb, fe);
  }
  SourceLocation end = Lexer::getLocForEndOfToken(fe, 0, sm, ast.getLangOpts());
  return span(fb, end.isValid() ? end : fe);
}

Span FileLowering::headerSpan(SourceLocation begin, const clang::Stmt* body, SourceRange fallback) const {
  if (!body) return span(fallback);
  SourceLocation b = sm.getFileLoc(begin);
  SourceLocation e = sm.getFileLoc(body->getBeginLoc());
  if (b.isInvalid() || e.isInvalid() || sm.getFileID(b) != sm.getMainFileID() || sm.getFileID(e) != sm.getMainFileID())
    return span(fallback);
  size_t from = sm.getFileOffset(b);
  size_t to = sm.getFileOffset(e);
  if (to <= from || to > source.text.size()) return span(fallback);
  while (to > from && isWhitespace(source.text[to - 1])) --to;
  return source.span(from, to, file);
}

// ---------------------------------------------------------------- functions

FunctionId FileLowering::functionFor(const FunctionDecl* d) const {
  if (!d) return kNoFunction;
  auto it = functionIds_.find(d->getCanonicalDecl());
  return it == functionIds_.end() ? kNoFunction : it->second;
}

FunctionId FileLowering::functionOwning(const DeclContext* dc) const {
  for (; dc; dc = dc->getParent()) {
    if (const auto* f = dyn_cast<FunctionDecl>(dc)) {
      auto it = bodyOwners_.find(f);
      if (it != bodyOwners_.end()) return it->second;
      return functionFor(f);
    }
  }
  return kNoFunction;
}

void FileLowering::addParameters(Function& f, const FunctionDecl* d) {
  for (const ParmVarDecl* p : d->parameters()) {
    Parameter param;
    param.name = p->getName().str();
    std::string type = typeName(p->getType());
    param.annotation = type.empty() ? p->getType().getAsString(ast.getPrintingPolicy()) : type;
    param.isVariadic = p->isParameterPack();
    param.span = span(p->getSourceRange());
    f.params.push_back(std::move(param));
  }
}

FunctionId FileLowering::declareFunction(const FunctionDecl* d, FunctionId parent) {
  const FunctionDecl* canonical = d->getCanonicalDecl();
  auto known = functionIds_.find(canonical);
  if (known != functionIds_.end()) return known->second;
  Function f;
  f.name = d->getNameAsString();
  f.qualified = scannedName(d);
  f.file = file;
  const Decl* outer = d->getDescribedFunctionTemplate() ? static_cast<const Decl*>(d->getDescribedFunctionTemplate()) : d;
  f.span = span(outer->getSourceRange());
  f.defSpan = headerSpan(outer->getBeginLoc(), d->getBody(), d->getSourceRange());
  f.parent = parent;
  if (const auto* method = dyn_cast<CXXMethodDecl>(d)) f.classQualified = entityName(method->getParent());
  addParameters(f, d);
  const auto id = static_cast<FunctionId>(functions_.size());
  f.id = id;
  functions_.push_back(std::move(f));
  functionIds_[canonical] = id;
  bodyOwners_[d] = id;
  module.functions.push_back(id);
  if (const auto* method = dyn_cast<CXXMethodDecl>(d)) {
    auto cls = classIndex_.find(scannedName(method->getParent()));
    if (cls != classIndex_.end()) module.classes[cls->second].methods.push_back(id);
  }
  pendingBodies_.emplace_back(id, d);
  exportDefinition(id, d);
  return id;
}

void FileLowering::exportDefinition(FunctionId id, const FunctionDecl* d) {
  // Internal linkage (static, anonymous namespace) and local classes are invisible to other
  // translation units: a same-named function elsewhere is another function.
  if (!d->isExternallyVisible() || d->getParentFunctionOrMethod() || d->isMain()) return;
  const size_t params = d->getNumParams();
  exported.push_back({id, declName(d), params});
  if (const auto* method = dyn_cast<CXXMethodDecl>(d); method && !method->isStatic()) {
    exported.push_back({id, declName(method->getParent()) + "()." + ownName(d), params});
  }
}

void FileLowering::noteDeclaredCallee(const std::string& qualified, const FunctionDecl* callee) {
  if (qualified.empty() || !callee || isSynthesized(callee) || declaredCallees.count(qualified)) return;
  DeclaredCallee info;
  info.name = ownName(callee);
  info.returnsBool = callee->getReturnType()->isBooleanType();
  info.systemHeader = sm.isInSystemHeader(sm.getExpansionLoc(callee->getLocation()));
  for (const ParmVarDecl* p : callee->parameters()) {
    Parameter param;
    param.name = p->getName().str();
    std::string type = typeName(p->getType());
    param.annotation = type.empty() ? p->getType().getAsString(ast.getPrintingPolicy()) : type;
    info.params.push_back(std::move(param));
  }
  declaredCallees.emplace(qualified, std::move(info));
}

FunctionId FileLowering::declareLambda(const LambdaExpr* lambda, FunctionId parent) {
  const CXXMethodDecl* op = lambda->getCallOperator();
  Function f;
  f.name = "<lambda>";
  f.qualified = (parent == kNoFunction ? moduleName : functions_[parent].qualified) + ".<locals>.<lambda>";
  f.file = file;
  f.span = span(lambda->getSourceRange());
  f.defSpan = headerSpan(lambda->getBeginLoc(), lambda->getBody(), lambda->getSourceRange());
  f.parent = parent;
  if (op) addParameters(f, op);
  const auto id = static_cast<FunctionId>(functions_.size());
  f.id = id;
  functions_.push_back(std::move(f));
  if (op) {
    functionIds_[op->getCanonicalDecl()] = id;
    bodyOwners_[op] = id;
  }
  module.functions.push_back(id);
  return id;
}

void FileLowering::declareClass(const CXXRecordDecl* record, FunctionId parent) {
  if (!record->isThisDeclarationADefinition() || record->isLambda() || declared_.count(record)) return;
  declared_.insert(record);
  ClassDef cls;
  cls.name = ownName(record);
  cls.qualified = scannedName(record);
  cls.file = file;
  cls.span = span(record->getSourceRange());
  // GCC sees a null `this` in Clang's lazy base-list pointer that is never null for a
  // definition; the warning is about the header, not this code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnonnull"
  for (const CXXBaseSpecifier& base : record->bases()) {
    std::string b = typeName(base.getType());
    cls.bases.push_back(b.empty() ? base.getType().getAsString(ast.getPrintingPolicy()) : b);
  }
#pragma GCC diagnostic pop
  Function body;
  body.name = "<class>";
  body.qualified = cls.qualified + ".<class>";
  body.file = file;
  body.span = cls.span;
  body.defSpan = headerSpan(record->getBeginLoc(), nullptr, SourceRange(record->getBeginLoc(), record->getLocation()));
  body.parent = parent;
  body.classQualified = cls.qualified;
  const auto bodyId = static_cast<FunctionId>(functions_.size());
  body.id = bodyId;
  functions_.push_back(std::move(body));
  module.functions.push_back(bodyId);
  cls.body = bodyId;
  classIndex_[cls.qualified] = module.classes.size();
  module.classes.push_back(std::move(cls));

  // The class body holds what initialises members: static members and default member
  // initialisers, in declaration order.
  std::vector<const Decl*> members;
  for (const Decl* d : record->decls()) {
    if (d->isImplicit()) continue;
    if (const auto* v = dyn_cast<VarDecl>(d); v && v->hasInit()) members.push_back(v);
    if (const auto* fd = dyn_cast<FieldDecl>(d); fd && fd->hasInClassInitializer()) members.push_back(fd);
  }
  classMembers_[bodyId] = std::move(members);

  for (const Decl* d : record->decls()) {
    if (d->isImplicit()) continue;
    const Decl* inner = d;
    if (const auto* t = dyn_cast<FunctionTemplateDecl>(d)) inner = t->getTemplatedDecl();
    if (const auto* t = dyn_cast<ClassTemplateDecl>(d)) inner = t->getTemplatedDecl();
    if (const auto* m = dyn_cast<FunctionDecl>(inner); m && m->doesThisDeclarationHaveABody()) {
      declareFunction(m, parent);
    } else if (const auto* nested = dyn_cast<CXXRecordDecl>(inner)) {
      declareClass(nested, parent);
    }
  }
}

void FileLowering::declareLocalClass(const CXXRecordDecl* record, FunctionId parent) {
  declareClass(record, parent);
}

void FileLowering::collectDecls() {
  std::vector<const DeclContext*> stack{ast.getTranslationUnitDecl()};
  size_t visited = 0;
  while (!stack.empty() && visited++ < kMaxDeclContexts) {
    const DeclContext* dc = stack.back();
    stack.pop_back();
    for (const Decl* d : dc->decls()) {
      if (d->isImplicit() || isSynthesized(d)) continue;
      if (!sm.isInMainFile(sm.getExpansionLoc(d->getLocation()))) continue;
      if (isa<NamespaceDecl>(d) || isa<LinkageSpecDecl>(d) || isa<ExportDecl>(d)) {
        stack.push_back(cast<DeclContext>(d));
        continue;
      }
      const Decl* inner = d;
      if (const auto* t = dyn_cast<FunctionTemplateDecl>(d)) inner = t->getTemplatedDecl();
      if (const auto* t = dyn_cast<ClassTemplateDecl>(d)) inner = t->getTemplatedDecl();
      if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(inner);
          spec && spec->getSpecializationKind() == TSK_ImplicitInstantiation)
        continue;
      if (const auto* record = dyn_cast<CXXRecordDecl>(inner)) {
        declareClass(record, kNoFunction);
      } else if (const auto* fn = dyn_cast<FunctionDecl>(inner)) {
        if (fn->doesThisDeclarationHaveABody() && !fn->isTemplateInstantiation()) declareFunction(fn, kNoFunction);
      } else if (const auto* var = dyn_cast<VarDecl>(inner)) {
        if (var->isFileVarDecl() && !isa<VarTemplateSpecializationDecl>(var)) globals_.push_back(var);
      }
    }
  }
}

void FileLowering::noteTooDeep(Span) { nestingTooDeep = true; }

void FileLowering::lowerTranslationUnit() {
  Function body;
  body.name = "<module>";
  body.qualified = moduleName + ".<module>";
  body.file = file;
  body.span = source.span(0, source.text.size(), file);
  body.defSpan = source.span(0, 0, file);
  body.id = 0;
  functions_.push_back(std::move(body));
  module.body = 0;
  module.functions.push_back(0);

  collectDecls();
  collectHeaderConstants();
  {
    BodyLowering globals(*this, 0, 0);
    globals.runGlobals(headerConstants_, globals_);
  }
  // Bodies are lowered after every definition is declared, so calls to functions defined
  // later in the file resolve; lambdas found on the way are declared and lowered in place.
  for (size_t i = 0; i < pendingBodies_.size(); ++i) {
    BodyLowering lowering(*this, pendingBodies_[i].first, 0);
    lowering.runFunction(pendingBodies_[i].second);
  }
  for (const auto& [id, members] : classMembers_) {
    BodyLowering lowering(*this, id, 0);
    lowering.runMembers(members);
  }
}

void FileLowering::lowerBody(FunctionId id, const clang::Stmt* body, int depth) {
  BodyLowering lowering(*this, id, depth);
  lowering.run(body);
}

std::vector<Function> FileLowering::takeFunctions() {
  std::vector<Function> out;
  out.reserve(functions_.size());
  for (Function& f : functions_) {
    if (f.blocks.empty()) {
      // A declared body that could not be lowered still gets the entry/exit shape.
      f.blocks.resize(2);
      f.exit = 1;
      f.blocks[0].successors.push_back(Edge{1, EdgeKind::Fallthrough});
    }
    out.push_back(std::move(f));
  }
  functions_.clear();
  return out;
}

}  // namespace hg::cpp
