#include "python/link_index.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <unordered_set>

#include "python/expr_lowering.h"

namespace hg::python {
namespace {

constexpr int kMaxAliasHops = 8;

}  // namespace

LinkIndex::LinkIndex(Program& p, const Knowledge& knowledge) : program(p) {
  for (const Module& m : program.modules) {
    if (m.language == Language::Python) modules_.push_back(&m);
  }
  std::sort(modules_.begin(), modules_.end(), [](const Module* a, const Module* b) { return a->file < b->file; });
  for (const Module* m : modules_) {
    addImports(*m);
    if (m->body != kNoFunction) addSingleAssignments(m->body);
    for (const ClassDef& c : m->classes) {
      if (c.body != kNoFunction) addSingleAssignments(c.body);
    }
    for (FunctionId id : m->functions) addReturnValues(program.function(id));
  }
  addNamespaceAliases(knowledge);
}

// A directory without __init__.py is a namespace package to Python but no package to the
// import-root finder, which names app/signing.py "signing"; `from app.signing import verify`
// must still find it. Each module also answers to its name prefixed with the directories
// above its import root that its display path shows, unless a scanned module has that name,
// or the name starts like a library the knowledge files describe: an installed regular
// package wins over a namespace directory, so examples/flask/views.py is never flask.views.
void LinkIndex::addNamespaceAliases(const Knowledge& knowledge) {
  std::unordered_set<std::string> names;
  for (const Module* m : modules_) names.insert(m->name);
  std::unordered_set<std::string> libraries;
  for (const std::string& category : knowledge.categories()) {
    for (const KnowledgeEntry& entry : knowledge.entries(category)) {
      const std::string_view head = qualifiedHead(entry.pattern);
      if (head.size() < entry.pattern.size() && head.find('*') == std::string_view::npos) libraries.emplace(head);
    }
  }
  auto isIdentifier = [](std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    });
  };
  for (const Module* m : modules_) {
    std::string_view path = program.sources.get(m->file).displayPath;
    if (const size_t dot = path.rfind('.'); dot != std::string_view::npos && dot > path.rfind('/') + 1) {
      path = path.substr(0, dot);
    }
    std::vector<std::string_view> parts;
    for (size_t start = 0; start <= path.size();) {
      size_t slash = path.find('/', start);
      if (slash == std::string_view::npos) slash = path.size();
      parts.push_back(path.substr(start, slash - start));
      start = slash + 1;
    }
    if (!parts.empty() && parts.back() == "__init__") parts.pop_back();
    const size_t depth = static_cast<size_t>(std::count(m->name.begin(), m->name.end(), '.')) + 1;
    if (parts.size() <= depth) continue;
    std::string written;  // the module's own parts of the path, which must spell its name
    for (size_t i = parts.size() - depth; i < parts.size(); ++i) written += (written.empty() ? "" : ".") + std::string(parts[i]);
    if (written != m->name) continue;
    std::string alias = m->name;
    for (size_t i = parts.size() - depth; i-- > 0;) {
      if (!isIdentifier(parts[i]) || libraries.count(std::string(parts[i]))) break;
      alias = std::string(parts[i]) + "." + alias;
      if (names.count(alias)) break;
      importAliases_.emplace(alias, m->name);
      valueAliases_.emplace(alias, m->name);
    }
  }
}

std::vector<FunctionId> LinkIndex::functions() const {
  std::vector<FunctionId> out;
  for (const Module* m : modules_) out.insert(out.end(), m->functions.begin(), m->functions.end());
  return out;
}

void LinkIndex::addImports(const Module& m) {
  for (const Import& imp : m.imports) {
    if (imp.localName == "*" || imp.localName.empty()) continue;
    std::string key = m.name + "." + imp.localName;
    if (key == imp.target) continue;
    importAliases_.emplace(key, imp.target);
    valueAliases_.emplace(key, imp.target);
  }
}

void LinkIndex::addSingleAssignments(FunctionId bodyId) {
  const Function& body = program.function(bodyId);
  std::map<std::string, std::pair<int, ExprId>> seen;
  for (const Block& b : body.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Assign) continue;
      for (ExprId t : s.targets) {
        const Expr& target = body.exprs[t];
        if (target.kind != ExprKind::Name || target.binding.empty()) continue;
        auto& entry = seen[target.binding];
        entry.first += s.augOp.empty() ? 1 : 2;
        entry.second = s.value;
      }
    }
  }
  for (const auto& [binding, entry] : seen) {
    if (entry.first != 1) continue;
    constants_.emplace(binding, Constant{bodyId, entry.second});
    std::string value = valueName(body, entry.second);
    if (value.empty() || value == binding) continue;
    valueAliases_.emplace(binding, value);
    if (!body.classQualified.empty() && binding.starts_with(body.classQualified + ".")) {
      // A class attribute read through an instance: `self.client` is "pkg.mod.C().client".
      valueAliases_.emplace(body.classQualified + "()" + binding.substr(body.classQualified.size()), value);
    }
  }
}

void LinkIndex::addReturnValues(const Function& f) {
  if (f.name.starts_with("<")) return;  // module and class bodies, lambdas
  std::string common;
  bool any = false;
  for (const Block& b : f.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Return) continue;
      std::string v = s.value == kNoExpr ? std::string() : valueName(f, s.value);
      if (v.empty() || (any && v != common)) return;
      common = v;
      any = true;
    }
  }
  if (!any) return;
  // Calls name the function the way the caller sees it: "pkg.mod.create_app()" or, for a
  // method, "pkg.mod.Client().session()".
  std::string key = f.qualified + "()";
  if (!f.classQualified.empty()) key = f.classQualified + "()." + f.name + "()";
  if (common.starts_with(key)) return;
  valueAliases_.emplace(key, common);
}

std::string LinkIndex::canonical(const std::string& qualified, bool importsOnly) const {
  const auto& aliases = importsOnly ? importAliases_ : valueAliases_;
  if (aliases.empty() || qualified.empty()) return qualified;
  std::string q = qualified;
  for (int hop = 0; hop < kMaxAliasHops; ++hop) {
    bool replaced = false;
    // The longest prefix that ends at a name boundary and is an alias.
    for (size_t end = q.size(); end > 0; --end) {
      if (end != q.size() && q[end] != '.' && q[end] != '(') continue;
      auto it = aliases.find(std::string_view(q).substr(0, end));
      if (it == aliases.end()) continue;
      q = it->second + q.substr(end);
      replaced = true;
      break;
    }
    if (!replaced) break;
  }
  return q;
}

const LinkIndex::Constant* LinkIndex::constant(const std::string& binding) const {
  auto it = constants_.find(binding);
  return it == constants_.end() ? nullptr : &it->second;
}

}  // namespace hg::python
