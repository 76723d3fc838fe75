#include "cpp/clang_parse.h"

#include <atomic>
#include <mutex>
#include <memory>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Stack.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Tooling/Tooling.h"
#include "cpp/fallback_headers.h"
#include "cpp/name_synthesis.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace hg::cpp {

using namespace clang;

namespace {

// Clang recurses deeply on nested code; its own driver runs the front-end with this much stack.
constexpr unsigned kParserStackBytes = 16u << 20;
// A file cannot make the parser invent stand-ins without bound.
constexpr int kMaxMissingHeaders = 512;

// Gives every header that is not found an empty stand-in (or the framework macros of
// fallbackHeaderFor), so a missing include is not the fatal error that would stop template
// instantiation and leave the rest of the file half-analysed.
class MissingHeaders : public PPCallbacks {
 public:
  MissingHeaders(llvm::vfs::InMemoryFileSystem& memory, std::vector<std::string>& missing)
      : memory_(memory), missing_(missing) {}

  bool FileNotFound(StringRef fileName, SmallVectorImpl<char>& recoveryPath) override {
    if (count_ >= kMaxMissingHeaders || fileName.empty()) return false;
    // A fresh directory per header: the file manager remembers paths it found missing.
    std::string dir = std::string(kVirtualDirectory) + "/missing" + std::to_string(count_++);
    std::string name = fileName.str();
    while (!name.empty() && name.front() == '/') name.erase(0, 1);
    memory_.addFile(dir + "/" + name, 0, llvm::MemoryBuffer::getMemBufferCopy(fallbackHeaderFor(fileName)));
    missing_.push_back(fileName.str());
    recoveryPath.assign(dir.begin(), dir.end());
    return true;
  }

 private:
  llvm::vfs::InMemoryFileSystem& memory_;
  std::vector<std::string>& missing_;
  int count_ = 0;
};

// Counts the errors that matter: those name synthesis did not answer.
class CollectingDiagnostics : public DiagnosticConsumer {
 public:
  CollectingDiagnostics(ParseOutcome& outcome, const NameSynthesizer& names) : outcome_(outcome), names_(names) {}

  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error) return;
    if (info.getLocation().isValid() && names_.recoveredLocations().count(info.getLocation().getRawEncoding()))
      return;
    // The prelude's members are declared, never defined: "used but not defined" there is ours.
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const SourceManager& sm = info.getSourceManager();
      if (sm.getFilename(sm.getSpellingLoc(info.getLocation())) == StringRef(kPreludePath.data(), kPreludePath.size())) return;
    }
    SmallString<256> message;
    info.FormatDiagnostic(message);
    ++outcome_.errors;
    if (outcome_.errors > 1) return;
    outcome_.firstError = message.str().str();
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const SourceManager& sm = info.getSourceManager();
      PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(info.getLocation()));
      if (p.isValid()) {
        outcome_.firstErrorLine = p.getLine();
        outcome_.firstErrorFile = p.getFilename();
      }
    }
  }

 private:
  ParseOutcome& outcome_;
  const NameSynthesizer& names_;
};

class LoweringConsumer : public SemaConsumer {
 public:
  LoweringConsumer(llvm::IntrusiveRefCntPtr<NameSynthesizer> names, const TranslationUnitHandler& handler,
                   ParseOutcome& outcome)
      : names_(std::move(names)), handler_(handler), outcome_(outcome) {}

  void InitializeSema(Sema& sema) override {
    names_->start(sema);
    sema.addExternalSource(names_.get());
    // Lookups into the unknown class reach the synthesizer through the AST's source.
    sema.getASTContext().setExternalSource(names_);
  }

  // Bodies of functions declared outside the file are never lowered: not parsing them is most
  // of the time a header-heavy file costs.
  bool shouldSkipFunctionBody(Decl* d) override {
    const SourceManager& sm = d->getASTContext().getSourceManager();
    return !sm.isInMainFile(sm.getExpansionLoc(d->getLocation()));
  }

  void HandleTranslationUnit(ASTContext& context) override {
    outcome_.ran = true;
    outcome_.synthesizedNames = names_->synthesizedCount();
    if (handler_) handler_(context, *names_);
  }

 private:
  llvm::IntrusiveRefCntPtr<NameSynthesizer> names_;
  const TranslationUnitHandler& handler_;
  ParseOutcome& outcome_;
};

class LoweringAction : public ASTFrontendAction {
 public:
  LoweringAction(llvm::IntrusiveRefCntPtr<NameSynthesizer> names, llvm::vfs::InMemoryFileSystem& memory,
                 const TranslationUnitHandler& handler, ParseOutcome& outcome)
      : names_(std::move(names)), memory_(memory), handler_(handler), outcome_(outcome) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef) override {
    DiagnosticsEngine& diags = ci.getDiagnostics();
    // Keep going after any error: what parsed is still worth analysing.
    diags.setFatalsAsError(true);
    diags.setErrorLimit(0);
    ci.getDiagnosticOpts().ShowCarets = false;  // no "N errors generated" on stderr
    ci.getFrontendOpts().SkipFunctionBodies = true;
    ci.getLangOpts().SpellChecking = true;  // typo correction is how member names are recovered
    ci.getPreprocessor().addPPCallbacks(std::make_unique<MissingHeaders>(memory_, outcome_.missingHeaders));
    return std::make_unique<LoweringConsumer>(names_, handler_, outcome_);
  }

 private:
  llvm::IntrusiveRefCntPtr<NameSynthesizer> names_;
  llvm::vfs::InMemoryFileSystem& memory_;
  const TranslationUnitHandler& handler_;
  ParseOutcome& outcome_;
};

// Options this Clang does not know (GCC-only flags in a database) would stop the driver:
// they are dropped and reported.
std::vector<std::string> knownOptions(const std::vector<std::string>& options, std::vector<std::string>& unknown) {
  std::vector<const char*> argv;
  for (const std::string& o : options) argv.push_back(o.c_str());
  unsigned missingIndex = 0, missingCount = 0;
  const llvm::opt::OptTable& table = driver::getDriverOptTable();
  llvm::opt::InputArgList list =
      table.ParseArgs(argv, missingIndex, missingCount, 0,
                      driver::options::NoDriverOption | driver::options::CLOption | driver::options::FlangOnlyOption);
  std::vector<bool> drop(options.size(), false);
  for (const llvm::opt::Arg* a : list) {
    const bool isUnknown = a->getOption().getKind() == llvm::opt::Option::UnknownClass ||
                           a->getOption().hasFlag(driver::options::Unsupported);
    if (!isUnknown || a->getIndex() >= options.size()) continue;
    drop[a->getIndex()] = true;
    unknown.push_back(options[a->getIndex()]);
  }
  if (missingCount > 0 && missingIndex < options.size()) {
    for (size_t i = missingIndex; i < options.size(); ++i) drop[i] = true;
    unknown.push_back(options[missingIndex] + " (missing its value)");
  }
  std::vector<std::string> kept;
  for (size_t i = 0; i < options.size(); ++i) {
    if (!drop[i]) kept.push_back(options[i]);
  }
  return kept;
}

void runInvocation(const ParseInput& input, const TranslationUnitHandler& handler, ParseOutcome& outcome) {
  noteBottomOfStack();
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  memory->addFile(kPreludePath, 0, llvm::MemoryBuffer::getMemBuffer(preludeSource(), kPreludePath));
  // The Program's text, not the disk's: spans are offsets into it.
  memory->addFile(input.path, 0, llvm::MemoryBuffer::getMemBufferCopy(input.text, input.path));
  // A physical file system of our own: the shared real one links its working directory to the
  // process's, and the driver's -working-directory (from a compilation database) would chdir
  // the whole scanner into a directory that may later disappear.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> disk(llvm::vfs::createPhysicalFileSystem().release());
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(disk);
  overlay->pushOverlay(memory);
  auto files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), overlay);

  std::vector<std::string> args{"clang++"};
  for (const std::string& o : knownOptions(input.options, outcome.unknownOptions)) args.push_back(o);
  for (const char* fixed : {"-fsyntax-only", "-w", "-ferror-limit=0", "-fno-delayed-template-parsing"}) {
    args.emplace_back(fixed);
  }
  args.push_back("-resource-dir=" HOOKGUARD_CLANG_RESOURCE_DIR);
  args.emplace_back("-include");
  args.emplace_back(kPreludePath);
  args.push_back(input.path);

  auto names = llvm::makeIntrusiveRefCnt<NameSynthesizer>();
  CollectingDiagnostics diagnostics(outcome, *names);
  auto action = std::make_unique<LoweringAction>(names, *memory, handler, outcome);
  tooling::ToolInvocation invocation(args, std::move(action), files.get());
  invocation.setDiagnosticConsumer(&diagnostics);
  invocation.run();
  if (!outcome.ran && outcome.failure.empty()) {
    outcome.failure = outcome.firstError.empty() ? "the C++ parser did not start" : outcome.firstError;
  }
}

}  // namespace

ParseOutcome parseFile(const ParseInput& input, const TranslationUnitHandler& onTranslationUnit) {
  static std::once_flag enableRecovery;
  std::call_once(enableRecovery, [] { llvm::CrashRecoveryContext::Enable(); });
  ParseOutcome outcome;
  llvm::CrashRecoveryContext recovery;
  const bool completed =
      recovery.RunSafelyOnThread([&] { runInvocation(input, onTranslationUnit, outcome); }, kParserStackBytes);
  if (!completed) {
    outcome.ran = false;
    outcome.failure = "the C++ parser crashed on this file";
  }
  return outcome;
}

}  // namespace hg::cpp
