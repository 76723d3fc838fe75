#include "cpp/unit_links.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace hg::cpp {

namespace {

// The qualified name of the pseudo-verifier a declared verifier's summary calls; cpp.json lists
// it among the `verifiers` (style bool), so the engine summarises the stand-in like any helper
// that returns a verification result.
constexpr const char* kDeclaredVerifierCall = "hookguard::declared_verifier";

// "verifyHmacSignature" / "verify_hmac_signature" / "isValidHMAC" -> verify hmac signature / is valid hmac.
std::vector<std::string> nameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    const bool upper = std::isupper(c);
    const bool prevLower = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
    const bool nextLower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
    const bool prevUpper = i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1]));
    if (upper && (prevLower || (prevUpper && nextLower))) flush();
    current += static_cast<char>(std::tolower(c));
  }
  flush();
  return words;
}

bool hasWordOfRole(const std::vector<std::string>& words, const Knowledge& knowledge, const std::string& role) {
  for (const std::string& w : words) {
    const KnowledgeEntry* entry = knowledge.match("declared_verifier_words", w);
    if (entry && entry->attributes.value("role", std::string()) == role) return true;
  }
  return false;
}

// The directory part of a display path.
std::string directoryOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

size_t commonPrefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

struct Definition {
  FunctionId function;
  FileId file;
  size_t params;
};

class Linker {
 public:
  Linker(Program& program, const std::vector<UnitSymbols>& units, const Knowledge& knowledge)
      : program_(program), units_(units), knowledge_(knowledge) {
    for (const UnitSymbols& u : units) {
      for (const ExportedName& e : u.exported) definitions_[e.name].push_back({e.function, u.file, e.params});
    }
  }

  size_t run() {
    size_t linked = 0;
    for (const UnitSymbols& u : units_) {
      for (size_t i = 0; i < u.count; ++i) linked += linkFunction(u, u.first + static_cast<FunctionId>(i));
    }
    return linked;
  }

 private:
  size_t linkFunction(const UnitSymbols& unit, FunctionId id) {
    if (id >= program_.functionCount()) return 0;
    size_t linked = 0;
    Function& fn = program_.function(id);
    for (Expr& e : fn.exprs) {
      if (e.kind != ExprKind::Call || e.function != kNoFunction || e.qualified.empty()) continue;
      FunctionId target = definitionFor(unit, e);
      if (target == kNoFunction) target = declaredSummary(unit, e);
      if (target == kNoFunction || target == id) continue;
      e.function = target;
      ++linked;
    }
    // The callee's Name or Attribute denotes the same function (resolveReference reads it).
    for (Expr& e : fn.exprs) {
      if (e.kind != ExprKind::Call || e.function == kNoFunction || e.args.empty() || e.args[0] >= fn.exprs.size()) continue;
      Expr& callee = fn.exprs[e.args[0]];
      if ((callee.kind == ExprKind::Name || callee.kind == ExprKind::Attribute) && callee.function == kNoFunction &&
          callee.qualified == e.qualified)
        callee.function = e.function;
    }
    return linked;
  }

  // Overloads and same-named functions of unrelated programs in one scan: the definition
  // taking as many arguments, then the one nearest the caller in the tree, then the first.
  FunctionId definitionFor(const UnitSymbols& unit, const Expr& call) const {
    auto it = definitions_.find(call.qualified);
    if (it == definitions_.end()) return kNoFunction;
    const size_t args = call.args.empty() ? 0 : call.args.size() - 1;
    const std::string callerDir = directoryOf(program_.sources.get(unit.file).displayPath);
    const Definition* best = nullptr;
    auto score = [&](const Definition& d) {
      const std::string dir = directoryOf(program_.sources.get(d.file).displayPath);
      return std::make_pair(d.params == args ? 1 : 0, commonPrefix(callerDir, dir));
    };
    for (const Definition& d : it->second) {
      if (d.file == unit.file) continue;  // the file's own definitions are linked by the lowering
      if (!best || score(d) > score(*best)) best = &d;
    }
    return best ? best->function : kNoFunction;
  }

  FunctionId declaredSummary(const UnitSymbols& unit, const Expr& call) {
    auto it = unit.declared.find(call.qualified);
    if (it == unit.declared.end() || !declaredVerifier(it->second, knowledge_)) return kNoFunction;
    auto made = summaries_.find(call.qualified);
    if (made != summaries_.end()) return made->second;
    const FunctionId id = program_.addFunction(summaryFunction(call, it->second, unit.file));
    summaries_.emplace(call.qualified, id);
    return id;
  }

  // `return <declared verifier>(params...)`: a function whose truthy result means verified,
  // placed at the first call so that what it reports points at code the user wrote.
  static Function summaryFunction(const Expr& call, const DeclaredCallee& callee, FileId file) {
    Function f;
    f.name = callee.name;
    f.qualified = call.qualified;
    f.file = file;
    f.span = call.span;
    f.defSpan = call.span;
    f.params = callee.params;
    Expr name;
    name.kind = ExprKind::Name;
    name.text = kDeclaredVerifierCall;
    name.qualified = kDeclaredVerifierCall;
    name.span = call.span;
    ExprId calleeId = f.addExpr(std::move(name));
    Expr inner;
    inner.kind = ExprKind::Call;
    inner.qualified = kDeclaredVerifierCall;
    inner.span = call.span;
    inner.args.push_back(calleeId);
    for (const Parameter& p : callee.params) {
      Expr arg;
      arg.kind = ExprKind::Name;
      arg.text = p.name;
      arg.binding = call.qualified + ".<locals>." + p.name;
      arg.span = call.span;
      inner.args.push_back(f.addExpr(std::move(arg)));
      inner.argNames.emplace_back();
    }
    const ExprId result = f.addExpr(std::move(inner));
    f.blocks.resize(2);
    Stmt ret;
    ret.kind = StmtKind::Return;
    ret.span = call.span;
    ret.value = result;
    f.blocks[0].stmts.push_back(ret);
    f.blocks[0].successors.push_back(Edge{1, EdgeKind::Fallthrough});
    f.exit = 1;
    return f;
  }

  Program& program_;
  const std::vector<UnitSymbols>& units_;
  const Knowledge& knowledge_;
  std::map<std::string, std::vector<Definition>> definitions_;
  std::map<std::string, FunctionId> summaries_;
};

}  // namespace

bool declaredVerifier(const DeclaredCallee& callee, const Knowledge& knowledge) {
  if (!callee.returnsBool || callee.systemHeader || callee.params.empty()) return false;
  const std::vector<std::string> words = nameWords(callee.name);
  return hasWordOfRole(words, knowledge, "check") && hasWordOfRole(words, knowledge, "subject");
}

size_t linkUnits(Program& program, const std::vector<UnitSymbols>& units, const Knowledge& knowledge) {
  return Linker(program, units, knowledge).run();
}

}  // namespace hg::cpp
