#include "cpp/name_synthesis.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/DeclSpec.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/Scope.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/TypoCorrection.h"
#include "cpp/fallback_headers.h"

namespace hg::cpp {

using namespace clang;

namespace {

// Bounds for hostile input: how far a template argument list is followed, how many tokens are
// read after a name outside the main file, how deep namespaces nest.
constexpr size_t kMaxTemplateScan = 256;
constexpr unsigned kForwardTokens = 64;
constexpr int kMaxNamespaceDepth = 32;

bool isIdentifier(int kind) { return kind == tok::identifier; }

class ReentryGuard {
 public:
  explicit ReentryGuard(bool& flag) : flag_(flag) { flag_ = true; }
  ~ReentryGuard() { flag_ = false; }
  ReentryGuard(const ReentryGuard&) = delete;
  ReentryGuard& operator=(const ReentryGuard&) = delete;

 private:
  bool& flag_;
};

}  // namespace

NameSynthesizer::Kind NameSynthesizer::decide(unsigned uses) {
  if (uses & kNamespace) return Kind::Namespace;
  if (uses & kTemplate) return Kind::Template;
  if (uses & kType) return Kind::Type;
  if ((uses & kScope) && !(uses & (kCall | kValue))) return Kind::Namespace;
  // A name used both as a scope and as a value is a class with static members.
  if (uses & kScope) return Kind::Type;
  return Kind::Value;
}

void NameSynthesizer::start(Sema& sema) {
  sema_ = &sema;
  scanMainFile();
}

void NameSynthesizer::scanMainFile() {
  SourceManager& sm = sema_->getSourceManager();
  Preprocessor& pp = sema_->getPreprocessor();
  FileID main = sm.getMainFileID();
  llvm::StringRef buffer = sm.getBufferData(main);
  Lexer lexer(sm.getLocForStartOfFile(main), sema_->getLangOpts(), buffer.begin(), buffer.begin(), buffer.end());
  bool inDirective = false;
  for (;;) {
    clang::Token t;
    lexer.LexFromRawLexer(t);
    if (t.is(tok::eof)) break;
    // Preprocessor lines (#include <crow.h>) are not uses of names.
    if (t.isAtStartOfLine()) inDirective = t.is(tok::hash);
    if (inDirective) continue;
    Token out;
    out.offset = sm.getFileOffset(t.getLocation());
    if (t.is(tok::raw_identifier)) {
      out.text = t.getRawIdentifier().str();
      out.kind = pp.getIdentifierInfo(out.text)->getTokenID();
    } else {
      out.kind = t.getKind();
      out.text = std::string(buffer.substr(out.offset, t.getLength()));
    }
    tokenAtOffset_[out.offset] = tokens_.size();
    tokens_.push_back(std::move(out));
  }
  for (size_t i = 0; i < tokens_.size(); ++i) {
    // `namespace http = boost::beast::http;` and `using namespace drogon;` name namespaces.
    if (tokens_[i].kind == tok::kw_namespace && i + 2 < tokens_.size() && isIdentifier(tokens_[i + 1].kind) &&
        tokens_[i + 2].kind == tok::equal) {
      std::string target;
      size_t j = i + 3;
      while (j < tokens_.size() && (isIdentifier(tokens_[j].kind) || tokens_[j].kind == tok::coloncolon)) {
        target += tokens_[j++].text;
      }
      if (target.starts_with("::")) target.erase(0, 2);
      if (!target.empty()) {
        namespaceAliases_[tokens_[i + 1].text] = target;
        uses_[target] |= kNamespace;
      }
    }
  }
  // `namespace beast = boost::beast; namespace http = beast::http;`: targets in full.
  for (int round = 0; round < 8; ++round) {
    bool changed = false;
    for (auto& [alias, target] : namespaceAliases_) {
      size_t sep = target.find("::");
      auto inner = namespaceAliases_.find(target.substr(0, sep));
      if (inner == namespaceAliases_.end() || inner->first == alias) continue;
      target = inner->second + (sep == std::string::npos ? "" : target.substr(sep));
      uses_[target] |= kNamespace;
      changed = true;
    }
    if (!changed) break;
  }
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!isIdentifier(tokens_[i].kind)) continue;
    if (i > 0 && tokens_[i - 1].kind == tok::coloncolon && i > 1 && isIdentifier(tokens_[i - 2].kind)) continue;
    size_t last = i;
    while (last + 2 < tokens_.size() && tokens_[last + 1].kind == tok::coloncolon) {
      size_t next = last + 2;
      if (tokens_[next].kind == tok::kw_template && next + 1 < tokens_.size()) ++next;
      if (!isIdentifier(tokens_[next].kind)) break;
      last = next;
    }
    recordPath(i, last);
    i = last;
  }
}

void NameSynthesizer::recordPath(size_t first, size_t last) {
  // Member names (`req.body`) are not looked up by name: no use of a path.
  size_t start = first > 0 && tokens_[first - 1].kind == tok::coloncolon ? first - 1 : first;
  if (start > 0) {
    int prev = tokens_[start - 1].kind;
    bool member = prev == tok::period || prev == tok::arrow;
    bool trailingReturn = prev == tok::arrow && last + 1 < tokens_.size() && tokens_[last + 1].kind == tok::l_brace;
    if (member && first == last && !trailingReturn) return;
  }
  std::string path;
  std::vector<std::string> prefixes;
  for (size_t i = first; i <= last; ++i) {
    if (!isIdentifier(tokens_[i].kind)) continue;
    if (!path.empty()) {
      prefixes.push_back(path);
      path += "::";
    }
    path += tokens_[i].text;
  }
  const unsigned uses = usesAt(tokens_, first, last);
  auto record = [&](const std::string& p, unsigned bits) {
    uses_[p] |= bits;
    // Through a namespace alias the same name has a second spelling.
    size_t sep = p.find("::");
    std::string head = p.substr(0, sep);
    auto alias = namespaceAliases_.find(head);
    if (alias != namespaceAliases_.end()) {
      uses_[alias->second + (sep == std::string::npos ? "" : p.substr(sep))] |= bits;
    }
  };
  for (const std::string& p : prefixes) record(p, kScope);
  record(path, uses);
}

unsigned NameSynthesizer::usesAt(const std::vector<Token>& tokens, size_t first, size_t last) const {
  auto kindAt = [&](size_t i) { return i < tokens.size() ? tokens[i].kind : static_cast<int>(tok::eof); };
  size_t start = first > 0 && tokens[first - 1].kind == tok::coloncolon ? first - 1 : first;
  const int prev = start > 0 ? tokens[start - 1].kind : static_cast<int>(tok::unknown);
  const int prev2 = start > 1 ? tokens[start - 2].kind : static_cast<int>(tok::unknown);
  const int next = kindAt(last + 1);
  const int next2 = kindAt(last + 2);

  if (next == tok::coloncolon) return kScope;
  if (prev == tok::kw_case) return kValue | kCaseLabel;
  if (prev == tok::kw_namespace && prev2 == tok::kw_using) return kNamespace;
  if (prev == tok::kw_struct || prev == tok::kw_class || prev == tok::kw_union || prev == tok::kw_enum ||
      prev == tok::kw_typename || prev == tok::kw_const || prev == tok::kw_volatile || prev == tok::kw_new ||
      prev == tok::kw_public || prev == tok::kw_private || prev == tok::kw_protected || prev == tok::kw_virtual ||
      prev == tok::kw_typedef)
    return next == tok::less ? kTemplate : kType;
  if (prev == tok::arrow && next == tok::l_brace) return kType;  // trailing return type
  if (next == tok::less) {
    // A template argument list closes and is followed by what can follow a template-id.
    int depth = 0;
    for (size_t i = last + 1; i < tokens.size() && i < last + kMaxTemplateScan; ++i) {
      int k = tokens[i].kind;
      if (k == tok::less) ++depth;
      if (k == tok::greater) --depth;
      if (k == tok::greatergreater) depth -= 2;
      if (k == tok::semi || k == tok::l_brace || k == tok::r_brace) break;
      if (depth <= 0) {
        int after = kindAt(i + 1);
        if (after == tok::l_paren || after == tok::l_brace || after == tok::coloncolon || isIdentifier(after) ||
            after == tok::amp || after == tok::ampamp || after == tok::star || after == tok::greater ||
            after == tok::greatergreater || after == tok::comma || after == tok::r_paren || after == tok::semi ||
            after == tok::ellipsis || after == tok::kw_const)
          return kTemplate;
        break;
      }
    }
    return kValue;
  }
  if (isIdentifier(next) || next == tok::kw_const || next == tok::kw_volatile || next == tok::kw_operator)
    return kType;
  if (next == tok::amp || next == tok::ampamp || next == tok::star) {
    if (next2 == tok::comma || next2 == tok::r_paren || next2 == tok::greater || next2 == tok::ellipsis) return kType;
    if (isIdentifier(next2) || next2 == tok::kw_const) {
      int after = kindAt(last + 3);
      if (after == tok::comma || after == tok::r_paren || after == tok::equal || after == tok::semi ||
          after == tok::l_brace || after == tok::l_paren || after == tok::l_square || after == tok::colon)
        return kType;
    }
    return kValue;
  }
  if (next == tok::l_brace) return kType;
  if (next == tok::l_paren) return kCall;
  if ((prev == tok::less || prev == tok::comma) && (next == tok::greater || next == tok::greatergreater)) return kType;
  return kValue;
}

unsigned NameSynthesizer::usesOfOccurrence(SourceLocation loc) const {
  SourceManager& sm = sema_->getSourceManager();
  SourceLocation spelling = sm.getSpellingLoc(loc);
  if (spelling.isInvalid()) return 0;
  if (sm.getFileID(spelling) == sm.getMainFileID()) {
    auto it = tokenAtOffset_.find(sm.getFileOffset(spelling));
    if (it != tokenAtOffset_.end()) return usesAt(tokens_, it->second, it->second);
    return 0;
  }
  // Outside the main file (a stand-in's macro, a header): only what follows is at hand.
  bool invalid = false;
  llvm::StringRef buffer = sm.getBufferData(sm.getFileID(spelling), &invalid);
  if (invalid) return 0;
  const char* at = buffer.begin() + sm.getFileOffset(spelling);
  Lexer lexer(spelling, sema_->getLangOpts(), buffer.begin(), at, buffer.end());
  std::vector<Token> ahead;
  Preprocessor& pp = sema_->getPreprocessor();
  for (unsigned n = 0; n < kForwardTokens; ++n) {
    clang::Token t;
    lexer.LexFromRawLexer(t);
    if (t.is(tok::eof)) break;
    Token out;
    if (t.is(tok::raw_identifier)) {
      out.text = t.getRawIdentifier().str();
      out.kind = pp.getIdentifierInfo(out.text)->getTokenID();
    } else {
      out.kind = t.getKind();
    }
    ahead.push_back(std::move(out));
  }
  if (ahead.empty()) return 0;
  return usesAt(ahead, 0, 0);
}

CXXRecordDecl* NameSynthesizer::unknownClass() {
  if (unknown_ || !sema_) return unknown_;
  ASTContext& ctx = sema_->Context;
  for (NamedDecl* d : ctx.getTranslationUnitDecl()->lookup(&ctx.Idents.get(kUnknownClassName))) {
    if (auto* record = dyn_cast<CXXRecordDecl>(d)) {
      if (record->getDefinition()) unknown_ = record->getDefinition();
    }
  }
  // Members of the unknown class are declared as they are looked up (FindExternalVisibleDeclsByName):
  // no typo correction, so no diagnostic and no delayed correction inside a condition.
  if (unknown_) unknown_->setHasExternalVisibleStorage(true);
  return unknown_;
}

bool NameSynthesizer::isUnknownClass(const CXXRecordDecl* record) const {
  return record && unknown_ && record->getCanonicalDecl() == unknown_->getCanonicalDecl();
}

bool NameSynthesizer::allowedAt(SourceLocation loc) const {
  if (!sema_ || loc.isInvalid()) return false;
  SourceManager& sm = sema_->getSourceManager();
  return !sm.isInSystemHeader(sm.getExpansionLoc(loc));
}

NamedDecl* NameSynthesizer::findIn(DeclContext* dc, IdentifierInfo* name) const {
  for (NamedDecl* d : dc->noload_lookup(name)) {
    if (synthesized_.count(d)) return d;
  }
  return nullptr;
}

std::string NameSynthesizer::fullPath(const DeclContext* dc) const {
  std::vector<std::string> parts;
  for (const DeclContext* c = dc; c && !c->isTranslationUnit(); c = c->getParent()) {
    if (const auto* ns = dyn_cast<NamespaceDecl>(c)) {
      if (!ns->isInline() && !ns->isAnonymousNamespace()) parts.push_back(ns->getName().str());
    } else if (const auto* r = dyn_cast<RecordDecl>(c)) {
      parts.push_back(r->getName().str());
    }
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "::") + *it;
  return out;
}

std::string NameSynthesizer::writtenPath(const CXXScopeSpec& ss) const {
  SourceManager& sm = sema_->getSourceManager();
  CharSourceRange range = CharSourceRange::getTokenRange(ss.getRange());
  bool invalid = false;
  llvm::StringRef text = Lexer::getSourceText(range, sm, sema_->getLangOpts(), &invalid);
  if (invalid) return {};
  std::string out;
  int angle = 0;
  for (char c : text) {
    if (c == '<') ++angle;
    if (c == '>') --angle;
    if (angle > 0 || c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += c;
  }
  while (out.starts_with("::")) out.erase(0, 2);
  while (out.ends_with("::")) out.resize(out.size() - 2);
  return out;
}

NamespaceDecl* NameSynthesizer::createNamespace(DeclContext* dc, IdentifierInfo* name, SourceLocation loc) {
  ASTContext& ctx = sema_->Context;
  auto* ns = NamespaceDecl::Create(ctx, dc, /*Inline=*/false, loc, loc, name, /*PrevDecl=*/nullptr);
  ns->setImplicit();
  dc->addDecl(ns);
  synthesized_.insert(ns);
  synthesizedNamespaces_.insert(ns);
  populateNamespace(ns, loc);
  return ns;
}

void NameSynthesizer::populateNamespace(NamespaceDecl* ns, SourceLocation loc) {
  int depth = 0;
  for (const DeclContext* c = ns; c && !c->isTranslationUnit(); c = c->getParent()) ++depth;
  if (depth > kMaxNamespaceDepth) return;
  // The names the file uses inside this namespace, by its full name or by the name it was
  // first written with (`http::` for boost::beast::http reached through a using-directive).
  std::set<std::string> parents{fullPath(ns), ns->getName().str()};
  for (const auto& [alias, target] : namespaceAliases_) {
    if (parents.count(target)) parents.insert(alias);
  }
  std::map<std::string, unsigned> children;
  for (const auto& [path, uses] : uses_) {
    size_t sep = path.rfind("::");
    if (sep == std::string::npos || !parents.count(path.substr(0, sep))) continue;
    children[path.substr(sep + 2)] |= uses;
  }
  ASTContext& ctx = sema_->Context;
  for (const auto& [child, uses] : children) {
    IdentifierInfo* id = &ctx.Idents.get(child);
    if (!ns->noload_lookup(id).empty()) continue;
    create(ns, id, decide(uses), loc, (uses & kCaseLabel) != 0);
  }
}

NamedDecl* NameSynthesizer::create(DeclContext* dc, IdentifierInfo* name, Kind kind, SourceLocation loc,
                                   bool caseLabel) {
  CXXRecordDecl* unknown = unknownClass();
  if (!unknown) return nullptr;
  ASTContext& ctx = sema_->Context;
  if (kind == Kind::Namespace) {
    if (dc->isFileContext()) return createNamespace(dc, name, loc);
    kind = Kind::Type;  // no namespace inside a class: a nested class serves the same uses
  }
  QualType type = ctx.getRecordType(unknown);
  NamedDecl* d = nullptr;
  if (kind == Kind::Type) {
    d = TypedefDecl::Create(ctx, dc, loc, loc, name, ctx.getTrivialTypeSourceInfo(type, loc));
  } else if (kind == Kind::Template) {
    auto* parameter = TemplateTypeParmDecl::Create(ctx, dc, loc, loc, /*Depth=*/0, /*Position=*/0,
                                                   /*Id=*/nullptr, /*Typename=*/true, /*ParameterPack=*/true);
    auto* parameters = TemplateParameterList::Create(ctx, loc, loc, {parameter}, loc, nullptr);
    auto* alias = TypeAliasDecl::Create(ctx, dc, loc, loc, name, ctx.getTrivialTypeSourceInfo(type, loc));
    auto* tmpl = TypeAliasTemplateDecl::Create(ctx, dc, loc, DeclarationName(name), parameters, alias);
    alias->setDescribedAliasTemplate(tmpl);
    if (dc->isRecord()) alias->setAccess(AS_public);
    synthesized_.insert(alias);
    d = tmpl;
  } else if (caseLabel) {
    // A distinct constant per name, so that `case a:` and `case b:` do not collide.
    QualType integer = ctx.LongLongTy.withConst();
    auto* v = VarDecl::Create(ctx, dc, loc, loc, name, integer, ctx.getTrivialTypeSourceInfo(integer, loc),
                              dc->isRecord() ? SC_Static : SC_None);
    v->setConstexpr(true);
    const uint64_t value = (uint64_t{1} << 40) + synthesized_.size();
    v->setInit(IntegerLiteral::Create(ctx, llvm::APInt(64, value), ctx.LongLongTy, loc));
    SmallVector<PartialDiagnosticAt, 1> notes;
    v->checkForConstantInitialization(notes);  // what Sema records for a written constexpr
    d = v;
  } else {
    d = VarDecl::Create(ctx, dc, loc, loc, name, type, ctx.getTrivialTypeSourceInfo(type, loc),
                        dc->isRecord() ? SC_Static : SC_Extern);
  }
  if (dc->isRecord()) d->setAccess(AS_public);
  d->setImplicit();
  dc->addDecl(d);
  synthesized_.insert(d);
  return d;
}

DeclContext* NameSynthesizer::contextForUnqualified(Scope* scope) {
  // With exactly one using-directive naming a synthesized namespace in scope, the name most
  // likely comes from it (`using namespace drogon;` then `HttpRequestPtr`).
  std::set<DeclContext*> candidates;
  for (Scope* s = scope; s; s = s->getParent()) {
    for (UsingDirectiveDecl* u : s->using_directives()) {
      DeclContext* ns = u->getNominatedNamespace();
      if (ns && synthesizedNamespaces_.count(ns)) candidates.insert(ns);
    }
  }
  TranslationUnitDecl* tu = sema_->Context.getTranslationUnitDecl();
  for (UsingDirectiveDecl* u : tu->using_directives()) {
    DeclContext* ns = u->getNominatedNamespace();
    if (ns && synthesizedNamespaces_.count(ns)) candidates.insert(ns);
  }
  return candidates.size() == 1 ? *candidates.begin() : tu;
}

bool NameSynthesizer::FindExternalVisibleDeclsByName(const DeclContext* dc, DeclarationName name) {
  if (!sema_ || busy_ || !unknown_ || dc != unknown_ || name.getNameKind() != DeclarationName::Identifier) {
    return false;
  }
  IdentifierInfo* id = name.getAsIdentifierInfo();
  if (!id || id->getName().startswith("__")) return false;
  // Unqualified lookup inside a class derived from an unknown base also comes here; a name
  // the file only uses as a type or namespace is left to LookupUnqualified.
  auto known = uses_.find(id->getName().str());
  if (known != uses_.end() && !(known->second & (kValue | kCall))) return false;
  ReentryGuard guard(busy_);
  // Used as `obj.name`, `obj->name(...)` or `Type::name(...)`: a static member of unknown type
  // serves all three.
  ASTContext& ctx = sema_->Context;
  QualType type = ctx.getRecordType(unknown_);
  SourceLocation loc = unknown_->getLocation();
  auto* member = VarDecl::Create(ctx, unknown_, loc, loc, id, type, ctx.getTrivialTypeSourceInfo(type, loc), SC_Static);
  member->setAccess(AS_public);
  member->setImplicit();
  unknown_->addHiddenDecl(member);
  synthesized_.insert(member);
  SetExternalVisibleDeclsForName(dc, name, {member});
  return true;
}

bool NameSynthesizer::LookupUnqualified(LookupResult& result, Scope* scope) {
  if (!sema_ || busy_ || result.isForRedeclaration()) return false;
  ReentryGuard guard(busy_);
  const Sema::LookupNameKind lookupKind = result.getLookupKind();
  if (lookupKind != Sema::LookupOrdinaryName && lookupKind != Sema::LookupNestedNameSpecifierName &&
      lookupKind != Sema::LookupNamespaceName)
    return false;
  const SourceLocation loc = result.getNameLoc();
  if (!allowedAt(loc) || !unknownClass()) return false;
  // Clang's own typo correction looks the name up unqualified after we declined it qualified.
  if (declined_.count(loc.getRawEncoding())) return false;
  DeclarationName name = result.getLookupName();
  ASTContext& ctx = sema_->Context;

  if (name.getNameKind() == DeclarationName::CXXLiteralOperatorName && lookupKind == Sema::LookupOrdinaryName) {
    // `"POST"_method`: one overload per literal form, all yielding an unknown value.
    TranslationUnitDecl* tu = ctx.getTranslationUnitDecl();
    QualType unknown = ctx.getRecordType(unknownClass());
    std::vector<std::vector<QualType>> forms{{ctx.getPointerType(ctx.CharTy.withConst()), ctx.getSizeType()},
                                             {ctx.UnsignedLongLongTy},
                                             {ctx.LongDoubleTy},
                                             {ctx.CharTy}};
    for (const std::vector<QualType>& params : forms) {
      QualType fnType = ctx.getFunctionType(unknown, params, FunctionProtoType::ExtProtoInfo());
      auto* fn = FunctionDecl::Create(ctx, tu, loc, loc, name, fnType, ctx.getTrivialTypeSourceInfo(fnType, loc),
                                      SC_None);
      std::vector<ParmVarDecl*> parms;
      for (QualType p : params) {
        parms.push_back(ParmVarDecl::Create(ctx, fn, loc, loc, nullptr, p, ctx.getTrivialTypeSourceInfo(p, loc),
                                            SC_None, nullptr));
      }
      fn->setParams(parms);
      fn->setImplicit();
      tu->addDecl(fn);
      synthesized_.insert(fn);
      result.addDecl(fn);
    }
    result.resolveKind();
    return true;
  }
  if (name.getNameKind() != DeclarationName::Identifier) return false;
  IdentifierInfo* id = name.getAsIdentifierInfo();
  if (!id || id->getName().startswith("__") || id->getName() == llvm::StringRef(kUnknownClassName.data(), kUnknownClassName.size())) return false;

  unsigned uses = usesOfOccurrence(loc);
  auto known = uses_.find(id->getName().str());
  if (known != uses_.end()) uses |= known->second;
  Kind kind = decide(uses);
  if (lookupKind == Sema::LookupNamespaceName) kind = Kind::Namespace;
  if (lookupKind == Sema::LookupNestedNameSpecifierName && kind == Kind::Value) kind = Kind::Namespace;
  // In a template, an unknown callee may be found by argument-dependent lookup at
  // instantiation: leave it to Clang.
  if (kind == Kind::Value && (uses & kCall) && sema_->CurContext && sema_->CurContext->isDependentContext())
    return false;

  DeclContext* dc = contextForUnqualified(scope);
  NamedDecl* d = findIn(dc, id);
  if (!d) d = create(dc, id, kind, loc, (uses & kCaseLabel) != 0);
  if (!d) return false;
  result.addDecl(d);
  result.resolveKind();
  return true;
}

TypoCorrection NameSynthesizer::CorrectTypo(const DeclarationNameInfo& typo, int lookupKind, Scope* scope,
                                            CXXScopeSpec* ss, CorrectionCandidateCallback& ccc,
                                            DeclContext* memberContext, bool /*enteringContext*/,
                                            const ObjCObjectPointerType* /*objcType*/) {
  if (!sema_ || busy_) return {};
  ReentryGuard guard(busy_);
  IdentifierInfo* id = typo.getName().getAsIdentifierInfo();
  const SourceLocation loc = typo.getLoc();
  if (!id || id->getName().startswith("__") || !allowedAt(loc) || !unknownClass()) return {};

  auto unknownRelated = [&](const DeclContext* dc) {
    const auto* record = dyn_cast_or_null<CXXRecordDecl>(dc);
    for (int hops = 0; record && record->hasDefinition() && hops < 16; ++hops) {
      if (isUnknownClass(record)) return true;
      const CXXRecordDecl* next = nullptr;
      // GCC sees a null `this` in Clang's lazy base-list pointer, never null for a definition.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnonnull"
      for (const CXXBaseSpecifier& base : record->bases()) {
        if (const CXXRecordDecl* b = base.getType()->getAsCXXRecordDecl()) next = b;
        if (next && isUnknownClass(next)) return true;
      }
#pragma GCC diagnostic pop
      record = next;
    }
    return false;
  };

  DeclContext* target = nullptr;
  Kind kind = Kind::Value;
  unsigned uses = 0;
  NestedNameSpecifier* qualifier = nullptr;
  // Clang passes the namespace of a qualified template name as "member context" too.
  if (memberContext && memberContext->isRecord()) {
    if (!unknownRelated(memberContext)) return {};
    target = unknown_;
  } else if ((ss && ss->isSet()) || memberContext) {
    DeclContext* dc = memberContext ? memberContext : sema_->computeDeclContext(*ss, false);
    if (!dc && ss && ss->getScopeRep()) {
      const NestedNameSpecifier* nns = ss->getScopeRep();
      if (NamespaceDecl* ns = nns->getAsNamespace()) dc = ns;
      if (NamespaceAliasDecl* alias = nns->getAsNamespaceAlias()) dc = alias->getNamespace();
      if (const Type* t = nns->getAsType()) dc = t->getAsCXXRecordDecl();
    }
    if (!dc) return {};
    const bool intoUnknown = unknownRelated(dc);
    // A name missing from a real namespace (`std::function` without <functional>, which a
    // missing framework header would have brought) is declared too, but only for the file's
    // own code: headers that compile are never changed.
    SourceManager& sm = sema_->getSourceManager();
    const bool fromFile = sm.isInMainFile(sm.getExpansionLoc(loc));
    if (!intoUnknown && !synthesizedNamespaces_.count(dc) && !(fromFile && dc->isNamespace())) {
      declined_.insert(loc.getRawEncoding());
      return {};
    }
    target = intoUnknown ? static_cast<DeclContext*>(unknown_) : dc;
    qualifier = ss && ss->isSet() ? ss->getScopeRep() : nullptr;
    uses = usesOfOccurrence(loc);
    for (const std::string& path : {(ss && ss->isSet() ? writtenPath(*ss) : fullPath(dc)) + "::" + id->getName().str(),
                                    fullPath(dc) + "::" + id->getName().str()}) {
      auto it = uses_.find(path);
      if (it != uses_.end()) uses |= it->second;
    }
    kind = uses ? decide(uses) : (ccc.WantTypeSpecifiers && !ccc.WantExpressionKeywords ? Kind::Type : Kind::Value);
  } else {
    if (lookupKind != Sema::LookupOrdinaryName && lookupKind != Sema::LookupNestedNameSpecifierName) return {};
    target = contextForUnqualified(scope);
    uses = usesOfOccurrence(loc);
    kind = uses ? decide(uses) : (ccc.WantTypeSpecifiers && !ccc.WantExpressionKeywords ? Kind::Type : Kind::Value);
  }

  // The kind read from the source first, then the others the context may accept.
  std::vector<Kind> order{kind};
  for (Kind k : {Kind::Value, Kind::Type, Kind::Template}) {
    if (k != kind && !(memberContext && memberContext->isRecord() && k != Kind::Value)) order.push_back(k);
  }
  for (Kind k : order) {
    NamedDecl* existing = findIn(target, id);
    NamedDecl* d = existing ? existing : create(target, id, k, loc, (uses & kCaseLabel) != 0);
    if (!d) return {};
    TypoCorrection correction(d, qualifier);
    correction.setCorrectionRange(ss, typo);  // where Clang reports the "did you mean"
    if (ccc.ValidateCandidate(correction)) {
      recovered_.insert(loc.getRawEncoding());
      recovered_.insert(correction.getCorrectionRange().getBegin().getRawEncoding());
      return correction;
    }
    if (existing) return {};
    // Rejected: withdraw it so that the next kind can take the name.
    target->removeDecl(d);
    synthesized_.erase(d);
  }
  return {};
}

}  // namespace hg::cpp
