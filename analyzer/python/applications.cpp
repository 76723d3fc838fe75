// Program::applications: `app = Flask(__name__)`, `bp = Blueprint(...)`, `router = APIRouter()`,
// wherever they are assigned (module level or inside an app factory).
#include <algorithm>

#include "python/class_lookup.h"
#include "python/link_steps.h"

namespace hg::python {

const KnowledgeEntry* applicationEntry(const Program& program, const Knowledge& knowledge,
                                       const std::string& constructed) {
  if (constructed.empty()) return nullptr;
  const KnowledgeEntry* entry = knowledge.match("applications", constructed);
  if (entry || !program.findClass(constructed)) return entry;
  // A scanned subclass of Flask or Blueprint is an application of the same kind.
  anyBase(program, constructed, [&](const std::string& base) {
    entry = base == constructed ? nullptr : knowledge.match("applications", base);
    return entry != nullptr;
  });
  return entry;
}

void discoverApplications(LinkIndex& index, const Knowledge& knowledge) {
  Program& program = index.program;
  std::vector<Application> found;
  for (FunctionId id : index.functions()) {
    const Function& f = program.function(id);
    for (const Block& b : f.blocks) {
      for (const Stmt& s : b.stmts) {
        if (s.kind != StmtKind::Assign || s.value == kNoExpr || !s.augOp.empty()) continue;
        const Expr& value = f.exprs[s.value];
        if (value.kind != ExprKind::Call) continue;
        const KnowledgeEntry* entry = applicationEntry(program, knowledge, value.qualified);
        if (!entry) continue;
        for (ExprId t : s.targets) {
          const Expr& target = f.exprs[t];
          std::string identity = target.kind == ExprKind::Name ? target.binding : target.qualified;
          if (identity.empty()) continue;
          Application app;
          app.framework = entry->attributes.value("framework", "");
          app.kind = entry->attributes.value("kind", "app");
          app.qualified = identity;
          app.definedIn = id;
          app.construction = value.span;
          found.push_back(std::move(app));
        }
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Application& a, const Application& b) { return a.construction < b.construction; });
  for (Application& a : found) program.applications.push_back(std::move(a));
}

}  // namespace hg::python
