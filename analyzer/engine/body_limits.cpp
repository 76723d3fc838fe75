#include "engine/knowledge_attributes.h"
#include "engine/body_limits.h"

#include <string_view>

#include "engine/config_files.h"
#include "engine/expr_walk.h"
#include "engine/route_coverage.h"

namespace hg {

namespace {

// Helper functions followed from a configured object back to the application passed in.
constexpr int kMaxParameterHops = 3;

std::string callMatchName(const Function& fn, ExprId call) {
  std::string name = calleeName(fn, call);
  if (!name.empty()) return name;
  ExprId callee = calleeOf(fn, call);
  if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute) return "?." + fn.expr(callee).text;
  return "";
}

// The object `x` of a call `x.method(...)`, or kNoExpr.
ExprId receiverOf(const Function& fn, ExprId call) {
  ExprId callee = calleeOf(fn, call);
  if (callee == kNoExpr || fn.expr(callee).kind != ExprKind::Attribute || fn.expr(callee).args.empty()) return kNoExpr;
  return fn.expr(callee).args[0];
}

// `x` of `x.config`, or kNoExpr when `object` is not a `.config` attribute.
ExprId configOwner(const Function& fn, ExprId object) {
  if (object >= fn.exprs.size()) return kNoExpr;
  const Expr& e = fn.expr(object);
  if (e.kind != ExprKind::Attribute || e.text != "config" || e.args.empty()) return kNoExpr;
  return e.args[0];
}

// Test code configures the app the test client uses, not the one deployed: a limit set there
// protects nothing. Judged by the module's dotted name, which is relative to the scanned tree.
bool isTestModule(std::string_view module) {
  size_t start = 0;
  while (start <= module.size()) {
    size_t dot = module.find('.', start);
    std::string_view part = module.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part == "tests" || part == "test" || part == "conftest" || part.starts_with("test_") ||
        part.ends_with("_test")) {
      return true;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return false;
}

}  // namespace

BodyLimitAnalysis::BodyLimitAnalysis(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                                     const ConstantFolder& constants)
    : program_(program), knowledge_(knowledge), calls_(calls), constants_(constants) {}

const std::vector<ApplicationLimits>& BodyLimitAnalysis::applications() {
  if (!computed_) compute();
  return apps_;
}

const std::vector<BodyLimitSetting>& BodyLimitAnalysis::moduleSettings(const std::string& framework) {
  if (!computed_) compute();
  static const std::vector<BodyLimitSetting> none;
  auto it = moduleSettings_.find(framework);
  return it == moduleSettings_.end() ? none : it->second;
}

bool BodyLimitAnalysis::isLimitKey(const std::string& key) const {
  return knowledge_.matches("body_limit_config_keys", key);
}

void BodyLimitAnalysis::compute() {
  computed_ = true;
  for (const Application& a : program_.applications) knownObjects_.insert(a.qualified);
  for (const Route& r : program_.routes) {
    if (!r.registeredOn.empty()) knownObjects_.insert(r.registeredOn);
  }
  for (size_t i = 0; i < program_.applications.size(); ++i) {
    const Application& a = program_.applications[i];
    if (a.kind != "app") continue;
    ApplicationLimits limits;
    limits.application = i;
    if (const KnowledgeEntry* d = knowledge_.match("body_limit_defaults", a.framework)) {
      double bytes = numberAttribute(*d, "bytes", -1);
      if (bytes >= 0) limits.frameworkDefault = bytes;
    }
    appIndex_[i] = apps_.size();
    apps_.push_back(std::move(limits));
  }
  collectRegistrations();
  for (ApplicationLimits& limits : apps_) {
    std::set<std::string> served{program_.applications[limits.application].qualified};
    std::vector<std::string> todo(served.begin(), served.end());
    while (!todo.empty() && served.size() < 1024) {
      std::string parent = todo.back();
      todo.pop_back();
      auto range = children_.equal_range(parent);
      for (auto it = range.first; it != range.second; ++it) {
        if (served.insert(it->second).second) todo.push_back(it->second);
      }
    }
    for (size_t r = 0; r < program_.routes.size(); ++r) {
      if (served.count(program_.routes[r].registeredOn)) limits.routes.push_back(r);
    }
  }
  collectSettings();
}

std::vector<std::string> BodyLimitAnalysis::identitiesOf(FunctionId fn, ExprId object) const {
  std::vector<std::string> out;
  for (const std::string& key : objectKeysOf(program_, program_.function(fn), object)) {
    if (knownObjects_.count(key)) out.push_back(key);
  }
  return out;
}

void BodyLimitAnalysis::collectRegistrations() {
  for (FunctionId id = 0; id < program_.functionCount(); ++id) {
    const Function& fn = program_.function(id);
    for (const Block& block : fn.blocks) {
      const std::vector<ExprId> roots = blockRoots(block);
      for (ExprId root : roots) {
        for (ExprId call : callsIn(fn, root)) {
          FunctionId callee = calls_.resolveCall(fn, call);
          if (callee != kNoFunction) callSites_[callee].emplace_back(id, call);
          if (!knowledge_.matches("app_registration_methods", callMatchName(fn, call))) continue;
          ExprId parent = receiverOf(fn, call);
          ExprId child = callArgument(fn, call, 0);
          if (parent == kNoExpr || child == kNoExpr) continue;
          for (const std::string& p : identitiesOf(id, parent)) {
            for (const std::string& c : identitiesOf(id, child)) {
              if (p != c) children_.emplace(p, c);
            }
          }
        }
      }
    }
  }
}

std::set<size_t> BodyLimitAnalysis::applicationsOf(FunctionId fnId, ExprId object, int depth) {
  std::set<size_t> out;
  const Function& fn = program_.function(fnId);
  for (const std::string& key : identitiesOf(fnId, object)) {
    for (const auto& [programIndex, index] : appIndex_) {
      if (program_.applications[programIndex].qualified == key) out.insert(index);
    }
  }
  if (!out.empty() || depth >= kMaxParameterHops) return out;
  object = stripAwait(fn, object);
  if (object >= fn.exprs.size() || fn.expr(object).kind != ExprKind::Name) return out;
  // `def configure(app): app.config[...] = ...`: the applications its callers pass.
  const std::string& name = fn.expr(object).text;
  for (size_t index = 0; index < fn.params.size(); ++index) {
    if (fn.params[index].name != name) continue;
    for (const auto& [caller, call] : callSites_[fnId]) {
      const Function& callerFn = program_.function(caller);
      ExprId arg = callArgument(callerFn, call, SIZE_MAX, name);
      if (arg == kNoExpr) arg = callArgument(callerFn, call, index);
      if (arg == kNoExpr) continue;
      for (size_t app : applicationsOf(caller, arg, depth + 1)) out.insert(app);
    }
  }
  return out;
}

void BodyLimitAnalysis::addSetting(const std::set<size_t>& apps, BodyLimitSetting setting) {
  for (size_t app : apps) apps_[app].settings.push_back(setting);
}

BodyLimitSetting BodyLimitAnalysis::settingFromValue(FunctionId fn, ExprId value, Span location,
                                                     const std::string& what) const {
  BodyLimitSetting s;
  s.location = location;
  s.what = what;
  ConstantValue v = constants_.fold(fn, value);
  if (v.kind == ConstantValue::Kind::None) {
    s.kind = BodyLimitSetting::Kind::Disabled;
  } else if (auto n = v.asNumber()) {
    s.kind = BodyLimitSetting::Kind::Bytes;
    s.bytes = *n;
  }
  return s;
}

void BodyLimitAnalysis::settingsFromObject(FunctionId fnId, ExprId object, Span callSpan,
                                           std::vector<BodyLimitSetting>& out) {
  const Function& fn = program_.function(fnId);
  std::string target;
  if (const std::string* literal = stringLiteral(fn, object)) target = *literal;
  else if (object < fn.exprs.size() && fn.expr(object).kind == ExprKind::Name && fn.expr(object).text == "__name__") {
    if (const Module* m = program_.moduleOf(fn.file)) target = m->name;
  } else target = nameOf(fn, object);
  bool visible = !target.empty() && (program_.findClass(target) || program_.findModule(target));
  if (!visible) {
    // The configuration object is outside the scanned tree: it may well set a limit.
    out.push_back({BodyLimitSetting::Kind::Unknown, 0, callSpan, "from_object"});
    return;
  }
  for (const KnowledgeEntry& key : knowledge_.entries("body_limit_config_keys")) {
    auto def = constants_.findDefinition(target + "." + key.pattern);
    if (!def) continue;
    out.push_back(settingFromValue(def->function, def->value, def->statement, key.pattern));
  }
}

void BodyLimitAnalysis::scanStatement(FunctionId fnId, const Stmt& stmt) {
  const Function& fn = program_.function(fnId);
  if (stmt.kind == StmtKind::Assign && stmt.value != kNoExpr && stmt.augOp.empty()) {
    for (ExprId target : stmt.targets) {
      if (target >= fn.exprs.size()) continue;
      const Expr& t = fn.expr(target);
      if (t.kind == ExprKind::Subscript && t.args.size() > 1) {
        const std::string* key = stringLiteral(fn, t.args[1]);
        ExprId owner = configOwner(fn, t.args[0]);
        if (key && owner != kNoExpr && isLimitKey(*key))
          addSetting(applicationsOf(fnId, owner, 0), settingFromValue(fnId, stmt.value, stmt.span, *key));
      } else if (t.kind == ExprKind::Attribute && !t.args.empty() &&
                 knowledge_.matches("body_limit_attributes", "?." + t.text)) {
        addSetting(applicationsOf(fnId, t.args[0], 0), settingFromValue(fnId, stmt.value, stmt.span, t.text));
      } else if (t.kind == ExprKind::Name && fn.name == "<module>") {
        if (const KnowledgeEntry* setting = knowledge_.match("body_limit_settings", t.text)) {
          std::string framework = stringAttribute(*setting, "framework");
          moduleSettings_[framework].push_back(settingFromValue(fnId, stmt.value, stmt.span, t.text));
        }
      }
    }
  }
  for (ExprId root : stmtRoots(stmt)) {
    for (ExprId call : callsIn(fn, root)) scanCall(fnId, call);
  }
}

void BodyLimitAnalysis::scanCall(FunctionId fnId, ExprId call) {
  const Function& fn = program_.function(fnId);
  const Expr& e = fn.expr(call);
  std::string name = callMatchName(fn, call);
  if (name.empty()) return;
  ExprId receiver = receiverOf(fn, call);
  if (receiver == kNoExpr) return;

  if (knowledge_.matches("config_update_methods", name)) {
    ExprId owner = configOwner(fn, receiver);
    if (owner == kNoExpr) return;
    std::set<size_t> apps = applicationsOf(fnId, owner, 0);
    if (apps.empty()) return;
    // Keyword arguments, and dict literals / dict(...) calls passed positionally.
    for (size_t i = 1; i < e.args.size(); ++i) {
      const std::string& kw = i - 1 < e.argNames.size() ? e.argNames[i - 1] : std::string();
      if (kw == "*") continue;
      if (!kw.empty() && kw != "**") {
        if (isLimitKey(kw)) addSetting(apps, settingFromValue(fnId, e.args[i], e.span, kw));
        continue;
      }
      ExprId arg = e.args[i];
      if (arg < fn.exprs.size() && fn.expr(arg).kind == ExprKind::Name) {
        ExprId value = constants_.singleAssignment(fn, fn.expr(arg).text);
        if (value != kNoExpr) arg = value;
      }
      const Expr& a = fn.expr(arg);
      if (a.kind == ExprKind::Container && a.text == "dict") {
        for (size_t k = 0; k + 1 < a.args.size(); k += 2) {
          const std::string* key = stringLiteral(fn, a.args[k]);
          if (key && isLimitKey(*key)) addSetting(apps, settingFromValue(fnId, a.args[k + 1], e.span, *key));
        }
      } else if (a.kind == ExprKind::Call && a.argNames.size() + 1 == a.args.size()) {
        for (size_t k = 1; k < a.args.size(); ++k) {
          if (isLimitKey(a.argNames[k - 1])) addSetting(apps, settingFromValue(fnId, a.args[k], e.span, a.argNames[k - 1]));
        }
      } else if (kw == "**") {
        addSetting(apps, {BodyLimitSetting::Kind::Unknown, 0, e.span, "update(**...)"});
      }
    }
    return;
  }
  if (knowledge_.matches("config_object_loaders", name)) {
    ExprId owner = configOwner(fn, receiver);
    ExprId object = callArgument(fn, call, 0, "obj");
    if (owner == kNoExpr || object == kNoExpr) return;
    std::set<size_t> apps = applicationsOf(fnId, owner, 0);
    if (apps.empty()) return;
    std::vector<BodyLimitSetting> found;
    settingsFromObject(fnId, object, e.span, found);
    for (BodyLimitSetting& s : found) addSetting(apps, s);
    return;
  }
  if (knowledge_.matches("config_file_loaders", name)) {
    ExprId owner = configOwner(fn, receiver);
    if (owner == kNoExpr) return;
    std::set<size_t> apps = applicationsOf(fnId, owner, 0);
    if (apps.empty()) return;
    if (std::optional<BodyLimitSetting> s = settingFromFile(fnId, call)) addSetting(apps, *s);
    return;
  }
  if (knowledge_.matches("config_opaque_loaders", name)) {
    ExprId owner = configOwner(fn, receiver);
    if (owner == kNoExpr) return;
    addSetting(applicationsOf(fnId, owner, 0),
               {BodyLimitSetting::Kind::Unknown, 0, e.span, std::string(lastComponent(name))});
    return;
  }
  if (const KnowledgeEntry* setter = knowledge_.match("body_limit_setters", name)) {
    int index = static_cast<int>(numberAttribute(*setter, "arg", 0));
    ExprId value = callArgument(fn, call, static_cast<size_t>(std::max(index, 0)));
    if (value == kNoExpr) return;
    addSetting(applicationsOf(fnId, receiver, 0), settingFromValue(fnId, value, e.span, std::string(lastComponent(name))));
    return;
  }
  if (const KnowledgeEntry* middleware = knowledge_.match("body_limit_middleware", name)) {
    ExprId cls = callArgument(fn, call, 0);
    std::string clsName = cls == kNoExpr ? std::string() : nameOf(fn, cls);
    bool limits = false;
    for (const std::string& pattern : stringListAttribute(*middleware, "middleware")) {
      if (globMatch(pattern, clsName)) limits = true;
    }
    if (!limits) return;
    BodyLimitSetting s{BodyLimitSetting::Kind::Unknown, 0, e.span, std::string(lastComponent(clsName))};
    for (const std::string& kw : stringListAttribute(*middleware, "limit_keywords")) {
      ExprId value = callArgument(fn, call, SIZE_MAX, kw);
      if (value != kNoExpr) {
        s = settingFromValue(fnId, value, e.span, std::string(lastComponent(clsName)));
        break;
      }
    }
    addSetting(applicationsOf(fnId, receiver, 0), s);
  }
}

std::optional<BodyLimitSetting> BodyLimitAnalysis::settingFromFile(FunctionId fnId, ExprId call) const {
  const Function& fn = program_.function(fnId);
  const Span span = fn.expr(call).span;
  const BodyLimitSetting unknown{BodyLimitSetting::Kind::Unknown, 0, span, "from_pyfile"};
  std::vector<std::string> candidates = loadedConfigFileCandidates(program_, fn, call);
  if (candidates.empty()) return unknown;
  ConfigFile file;
  ConfigFileRead read = readConfigFile(candidates, file);
  // A file not in the tree is deployment configuration the analysis cannot see.
  if (read != ConfigFileRead::Found) return unknown;
  for (const KnowledgeEntry& key : knowledge_.entries("body_limit_config_keys")) {
    std::optional<ConfigAssignment> a = configAssignment(file.text, key.pattern);
    if (!a) continue;
    BodyLimitSetting s{BodyLimitSetting::Kind::Unknown, 0, span, key.pattern};
    if (a->value == "None") {
      s.kind = BodyLimitSetting::Kind::Disabled;
    } else if (std::optional<double> bytes = integerExpression(a->value)) {
      s.kind = BodyLimitSetting::Kind::Bytes;
      s.bytes = *bytes;
    }
    return s;
  }
  // The committed file is what gets loaded, and it sets no limit.
  return std::nullopt;
}

void BodyLimitAnalysis::collectSettings() {
  for (FunctionId id = 0; id < program_.functionCount(); ++id) {
    const Function& fn = program_.function(id);
    if (const Module* m = program_.moduleOf(fn.file); m && isTestModule(m->name)) continue;
    for (const Block& block : fn.blocks) {
      for (const Stmt& stmt : block.stmts) scanStatement(id, stmt);
    }
  }
}

}  // namespace hg
