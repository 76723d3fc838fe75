// String constants and macros of the scanned tree's headers: what a translation unit reads
// from them is located in the header (a hard-coded secret in include/config.h is reported and
// fixed there, WH107), and a header's string constant is lowered as a global of the unit.
#include <filesystem>
#include <system_error>

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "cpp/lowering.h"

namespace hg::cpp {

using namespace clang;

namespace {

constexpr size_t kMaxHeaderDecls = 100000;

// `"..."`, `std::string("...")`, `std::string_view{"..."}`: the literal a constant holds.
const StringLiteral* stringInitializer(const clang::Expr* e) {
  for (int hops = 0; e && hops < 16; ++hops) {
    e = e->IgnoreImplicit()->IgnoreParens();
    if (const auto* s = dyn_cast<StringLiteral>(e)) return s;
    if (const auto* cleanups = dyn_cast<ExprWithCleanups>(e)) {
      e = cleanups->getSubExpr();
    } else if (const auto* cast = dyn_cast<CXXFunctionalCastExpr>(e)) {
      e = cast->getSubExpr();
    } else if (const auto* construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1) {
      e = construct->getArg(0);
    } else if (const auto* list = dyn_cast<InitListExpr>(e); list && list->getNumInits() == 1) {
      e = list->getInit(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

const SourceFile* FileLowering::scannedFile(FileID id, FileId& out) const {
  if (!scanned_ || !scanned_->sources || id.isInvalid()) return nullptr;
  auto cached = scannedByClangFile_.find(id.getHashValue());
  if (cached == scannedByClangFile_.end()) {
    std::pair<const SourceFile*, FileId> found{nullptr, kNoFile};
    if (const FileEntry* entry = sm.getFileEntryForID(id)) {
      std::error_code ec;
      StringRef real = entry->tryGetRealPathName();
      std::filesystem::path path((real.empty() ? entry->getName() : real).str());
      std::filesystem::path canonical = std::filesystem::canonical(path, ec);
      auto it = ec ? scanned_->byPath.end() : scanned_->byPath.find(canonical.string());
      if (it != scanned_->byPath.end()) {
        const SourceFile& source = scanned_->sources->get(it->second);
        // The text the scan read must be the one Clang parsed, or offsets would not match.
        if (sm.getBufferData(id).size() == source.text.size()) found = {&source, it->second};
      }
    }
    cached = scannedByClangFile_.emplace(id.getHashValue(), found).first;
  }
  out = cached->second.second;
  return cached->second.first;
}

Span FileLowering::spellingSpan(SourceLocation begin, SourceLocation end) const {
  if (begin.isInvalid() || end.isInvalid()) return {};
  SourceLocation b = sm.getSpellingLoc(begin);
  SourceLocation e = sm.getSpellingLoc(end);
  FileID id = sm.getFileID(b);
  if (id != sm.getFileID(e)) return {};
  FileId spelledIn = kNoFile;
  const SourceFile* spelled = id == sm.getMainFileID() ? &source : scannedFile(id, spelledIn);
  if (!spelled) return {};
  if (id == sm.getMainFileID()) spelledIn = file;
  SourceLocation after = Lexer::getLocForEndOfToken(e, 0, sm, ast.getLangOpts());
  size_t from = sm.getFileOffset(b);
  size_t to = after.isValid() && sm.getFileID(after) == id ? sm.getFileOffset(after) : sm.getFileOffset(e);
  if (to < from || to > spelled->text.size()) return {};
  return spelled->span(from, to, spelledIn);
}

void FileLowering::collectHeaderConstants() {
  if (!scanned_) return;
  std::vector<const DeclContext*> stack{ast.getTranslationUnitDecl()};
  size_t visited = 0;
  while (!stack.empty() && visited++ < kMaxHeaderDecls) {
    const DeclContext* dc = stack.back();
    stack.pop_back();
    for (const Decl* d : dc->decls()) {
      if (d->isImplicit() || isSynthesized(d)) continue;
      FileId header = kNoFile;
      FileID where = sm.getFileID(sm.getExpansionLoc(d->getLocation()));
      if (where == sm.getMainFileID() || !scannedFile(where, header)) continue;
      if (isa<NamespaceDecl>(d) || isa<LinkageSpecDecl>(d)) {
        stack.push_back(cast<DeclContext>(d));
        continue;
      }
      if (const auto* record = dyn_cast<CXXRecordDecl>(d); record && record->isThisDeclarationADefinition()) {
        stack.push_back(record);
        continue;
      }
      const auto* v = dyn_cast<VarDecl>(d);
      if (!v || !(v->isFileVarDecl() || v->isStaticDataMember()) || !v->isReferenced()) continue;
      if (v->getInitializingDeclaration() != v || !stringInitializer(v->getInit())) continue;
      headerConstants_.push_back(v);
    }
  }
}

}  // namespace hg::cpp
