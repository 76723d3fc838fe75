#include "python/file_lowering.h"

#include "python/binding_scan.h"
#include "python/body_lowering.h"
#include "python/imports.h"
#include "python/node_util.h"

namespace hg::python {
namespace {

bool isPackageInit(const SourceFile& source) {
  const std::string& p = source.displayPath;
  return p == "__init__.py" || p.ends_with("/__init__.py") || p.ends_with("\\__init__.py") || p == "__init__.pyi" ||
         p.ends_with("/__init__.pyi");
}

}  // namespace

FileLowering::FileLowering(const SourceFile& sourceFile, FileId file, std::string moduleName,
                           const Knowledge& knowledge, Diagnostics& diags)
    : sourceFile(sourceFile),
      source(sourceFile.text),
      file(file),
      moduleName(moduleName),
      packageName(packageOf(moduleName, isPackageInit(sourceFile))),
      knowledge(knowledge),
      diags(diags),
      spans_(sourceFile, file) {
  module.name = this->moduleName;
  module.file = file;
  module.language = Language::Python;
}

std::string_view FileLowering::text(TSNode n) const {
  if (ts_node_is_null(n)) return {};
  return nodeText(n, source);
}

Span FileLowering::span(TSNode n) const {
  if (ts_node_is_null(n)) return Span{};
  return span(ts_node_start_byte(n), ts_node_end_byte(n));
}

Span FileLowering::span(uint32_t beginByte, uint32_t endByte) const {
  return spans_.span(beginByte, endByte);
}

void FileLowering::nestingTooDeep(TSNode n) {
  if (warnedDepth_) return;
  warnedDepth_ = true;
  RunDiagnostic d;
  d.severity = RunDiagnostic::Severity::Warning;
  d.path = sourceFile.displayPath;
  d.line = ts_node_start_point(n).row + 1;
  d.message = "code nested deeper than " + std::to_string(kMaxNestingDepth) +
              " levels at line " + std::to_string(d.line) + ", analyzing the deeper part as unknown";
  diags.add(std::move(d));
}

FunctionId FileLowering::addFunction(Function f) {
  functions_.push_back(std::move(f));
  return static_cast<FunctionId>(functions_.size() - 1);
}

Scope& FileLowering::newScope(ScopeKind kind, std::string qualified, Scope* parent) {
  Scope& s = scopes_.emplace_back();
  s.kind = kind;
  s.qualified = std::move(qualified);
  s.parent = parent;
  s.depth = parent ? parent->depth + 1 : 0;
  return s;
}

void FileLowering::lowerModule(TSNode root) {
  Function body;
  body.name = "<module>";
  body.qualified = moduleName + ".<module>";
  body.file = file;
  body.span = span(root);
  body.defSpan = span(0, 0);
  FunctionId bodyId = addFunction(std::move(body));
  module.body = bodyId;

  moduleScope = &newScope(ScopeKind::Module, moduleName, nullptr);
  scanBindings(root, source, packageName, *moduleScope);
  for (const auto& [name, info] : moduleScope->names) {
    if (info.imported && (info.value == "django" || info.value.starts_with("django."))) importsDjango = true;
  }
  for (const std::string& star : moduleScope->starImports) {
    if (star == "django" || star.starts_with("django.")) importsDjango = true;
  }

  pending_.push_back(PendingBody{root, bodyId, moduleScope});
  while (!pending_.empty()) {
    PendingBody next = pending_.front();
    pending_.pop_front();
    lowerPending(next);
  }
  for (FunctionId id = 0; id < functions_.size(); ++id) module.functions.push_back(id);
}

void FileLowering::lowerPending(const PendingBody& body) {
  if (!isType(body.node, "module") && !isType(body.node, "lambda")) {
    scanBindings(field(body.node, "body"), source, packageName, *body.scope);
  }
  BodyLowering(*this, body).run();
}

std::vector<Function> FileLowering::takeFunctions() {
  std::vector<Function> out;
  out.reserve(functions_.size());
  for (Function& f : functions_) out.push_back(std::move(f));
  functions_.clear();
  return out;
}

}  // namespace hg::python
