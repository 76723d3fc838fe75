// Declares undeclared names while Clang parses, so that code whose headers are missing keeps
// its statements (internal to the C++ front-end; includes Clang headers).
//
// Clang drops any declaration whose type it cannot name and any expression that uses one: a
// Crow handler without crow.h loses `req`, and with it every read of the request. Sema asks an
// ExternalSemaSource when a lookup fails (LookupUnqualified) and before diagnosing a typo
// (CorrectTypo); the synthesizer answers with a declaration of the right kind for how the name
// is used in the source (read from the raw tokens: followed by `::` it is a namespace, by an
// identifier or `&`+identifier a type, by `<...>` a template, by `(` a callable):
//   - types and templates become aliases of the prelude's unknown class, so `crow::request`
//     stays the written name of `req`'s type while any member or operator applies to it;
//   - callables and values become variables of the unknown class (a call is its operator());
//   - members of the unknown class are added to it on first use as static variables;
//   - namespaces are created, and filled at once with the names the file uses inside them.
// Names are synthesized only for lookups that failed, never in system headers, so code that
// compiles is parsed exactly as before.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "clang/Sema/ExternalSemaSource.h"

namespace clang {
class CXXRecordDecl;
class DeclContext;
class NamedDecl;
class NamespaceDecl;
class Sema;
class SourceManager;
}  // namespace clang

namespace hg::cpp {

class NameSynthesizer : public clang::ExternalSemaSource {
 public:
  // Called once Sema exists (from the consumer's InitializeSema): scans the main file's tokens.
  void start(clang::Sema& sema);
  void ForgetSema() override { sema_ = nullptr; }

  bool LookupUnqualified(clang::LookupResult& result, clang::Scope* scope) override;
  bool FindExternalVisibleDeclsByName(const clang::DeclContext* dc, clang::DeclarationName name) override;
  clang::TypoCorrection CorrectTypo(const clang::DeclarationNameInfo& typo, int lookupKind, clang::Scope* scope,
                                    clang::CXXScopeSpec* ss, clang::CorrectionCandidateCallback& ccc,
                                    clang::DeclContext* memberContext, bool enteringContext,
                                    const clang::ObjCObjectPointerType* objcType) override;

  bool isSynthesized(const clang::Decl* d) const { return synthesized_.count(d) != 0; }
  bool isUnknownClass(const clang::CXXRecordDecl* record) const;
  // Raw encodings of the locations whose diagnostics our declarations answered (the "did you
  // mean" errors of a typo correction that recovered): not problems of the user's code.
  const std::set<unsigned>& recoveredLocations() const { return recovered_; }
  size_t synthesizedCount() const { return synthesized_.size(); }

  // How a name is used, as read from the tokens around one occurrence.
  enum Use : unsigned {
    kScope = 1,       // followed by ::
    kType = 2,        // declares something of that type, or is cast/constructed with braces
    kTemplate = 4,    // followed by a template argument list
    kCall = 8,        // followed by (
    kValue = 16,      // anything else
    kNamespace = 32,  // named by `using namespace` or a namespace alias
    kCaseLabel = 64,  // `case name:` needs a constant
  };
  enum class Kind { Namespace, Type, Template, Value };
  static Kind decide(unsigned uses);

 private:
  struct Token {
    int kind;  // clang::tok::TokenKind
    std::string text;
    unsigned offset;
  };
  void scanMainFile();
  void recordPath(size_t first, size_t last);
  unsigned usesAt(const std::vector<Token>& tokens, size_t first, size_t last) const;
  unsigned usesOfOccurrence(clang::SourceLocation loc) const;

  clang::CXXRecordDecl* unknownClass();
  clang::NamedDecl* create(clang::DeclContext* dc, clang::IdentifierInfo* name, Kind kind, clang::SourceLocation loc,
                           bool caseLabel = false);
  clang::NamespaceDecl* createNamespace(clang::DeclContext* dc, clang::IdentifierInfo* name,
                                        clang::SourceLocation loc);
  void populateNamespace(clang::NamespaceDecl* ns, clang::SourceLocation loc);
  clang::DeclContext* contextForUnqualified(clang::Scope* scope);
  bool allowedAt(clang::SourceLocation loc) const;
  std::string writtenPath(const clang::CXXScopeSpec& ss) const;
  std::string fullPath(const clang::DeclContext* dc) const;
  clang::NamedDecl* findIn(clang::DeclContext* dc, clang::IdentifierInfo* name) const;

  clang::Sema* sema_ = nullptr;
  clang::CXXRecordDecl* unknown_ = nullptr;
  bool busy_ = false;  // our own lookups must not recurse into us
  std::map<std::string, unsigned> uses_;                // written path ("crow::request") -> Use bits
  std::map<std::string, std::string> namespaceAliases_;  // "http" -> "boost::beast::http"
  std::map<unsigned, size_t> tokenAtOffset_;            // main-file offset -> index into tokens_
  std::vector<Token> tokens_;
  std::set<const clang::Decl*> synthesized_;
  std::set<const clang::DeclContext*> synthesizedNamespaces_;
  std::set<unsigned> recovered_;
  std::set<unsigned> declined_;  // typo locations left to Clang
};

}  // namespace hg::cpp
