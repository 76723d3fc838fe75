#include "engine/config_secrets.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/config_files.h"
#include "engine/expr_walk.h"

namespace hg {
namespace {

constexpr int kMaxHops = 8;

// `x.config`
bool isConfigObject(const Function& fn, ExprId id) {
  if (id == kNoExpr || id >= fn.exprs.size()) return false;
  const Expr& e = fn.expr(id);
  return e.kind == ExprKind::Attribute && e.text == "config" && !e.args.empty();
}

// The argument `call` binds to parameter `index` of `callee`: by keyword, else by position
// (a method called on an object binds the object to its first parameter).
ExprId argumentFor(const Function& caller, ExprId call, const Function& callee, size_t index) {
  const Parameter& param = callee.params[index];
  if (param.isVariadic || param.isKeywordVariadic) return kNoExpr;
  ExprId byKeyword = callArgument(caller, call, SIZE_MAX, param.name);
  if (byKeyword != kNoExpr) return byKeyword;
  size_t offset = 0;
  ExprId calleeExpr = calleeOf(caller, call);
  if (!callee.classQualified.empty() && calleeExpr != kNoExpr && caller.expr(calleeExpr).kind == ExprKind::Attribute)
    offset = 1;
  return index < offset ? kNoExpr : callArgument(caller, call, index - offset);
}

}  // namespace

ConfigSecretSources::ConfigSecretSources(RuleContext& ctx) : ctx_(ctx) {
  const Program& program = ctx.program;
  std::map<std::string, FileId> sources;
  for (FileId f = 0; f < program.sources.size(); ++f) sources.emplace(program.sources.get(f).absolutePath, f);
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    for (ExprId call = 0; call < fn.exprs.size(); ++call) {
      if (fn.expr(call).kind != ExprKind::Call) continue;
      if (ctx.knowledge.matches("config_file_loaders", calleeName(fn, call))) {
        // The first candidate the scan could read is the file Flask loads.
        for (const std::string& path : loadedConfigFileCandidates(program, fn, call)) {
          auto it = sources.find(path);
          if (it == sources.end()) continue;
          if (std::find(files_.begin(), files_.end(), it->second) == files_.end()) files_.push_back(it->second);
          break;
        }
        continue;
      }
      if (!ctx.knowledge.matches("config_object_loaders", calleeName(fn, call))) continue;
      ExprId object = callArgument(fn, call, 0, "obj");
      if (object == kNoExpr) continue;
      std::string target;
      if (const std::string* literal = stringLiteral(fn, object)) target = *literal;
      else target = nameOf(fn, object);
      if (!target.empty() && (program.findClass(target) || program.findModule(target))) objects_.push_back(target);
    }
  }
  if (objects_.empty() && files_.empty()) return;
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    for (ExprId call = 0; call < fn.exprs.size(); ++call) {
      if (fn.expr(call).kind != ExprKind::Call) continue;
      FunctionId callee = ctx.calls().resolveCall(fn, call);
      if (callee < program.functionCount()) callSites_[callee].emplace_back(id, call);
    }
  }
}

void ConfigSecretSources::configKeysRead(FunctionId fnId, ExprId expr, int depth, std::set<std::string>& out) const {
  if (depth > kMaxHops || fnId >= ctx_.program.functionCount()) return;
  const Function& fn = ctx_.program.function(fnId);
  ValueRoles& roles = ctx_.valueRoles();
  for (int hop = 0; hop < kMaxHops && expr != kNoExpr && expr < fn.exprs.size(); ++hop) {
    expr = stripAwait(fn, expr);
    const Expr& e = fn.expr(expr);
    if (e.kind == ExprKind::Subscript && e.args.size() > 1 && isConfigObject(fn, e.args[0])) {
      if (const std::string* key = stringLiteral(fn, e.args[1])) out.insert(*key);
      return;
    }
    if (e.kind == ExprKind::Call) {
      ExprId callee = calleeOf(fn, expr);
      if (callee != kNoExpr && fn.expr(callee).kind == ExprKind::Attribute && fn.expr(callee).text == "get" &&
          !fn.expr(callee).args.empty() && isConfigObject(fn, fn.expr(callee).args[0])) {
        ExprId key = callArgument(fn, expr, 0);
        if (const std::string* literal = key == kNoExpr ? nullptr : stringLiteral(fn, key)) out.insert(*literal);
        return;
      }
      expr = roles.transformedOperand(fn, expr);
      continue;
    }
    if (e.kind == ExprKind::Name) {
      ExprId value = ctx_.constants().singleAssignment(fn, e.text);
      if (value != kNoExpr) {
        expr = value;
        continue;
      }
      // A helper's parameter (`def signed(secret, ...)`): the keys its callers pass.
      for (size_t i = 0; i < fn.params.size(); ++i) {
        if (fn.params[i].name != e.text) continue;
        auto sites = callSites_.find(fnId);
        if (sites == callSites_.end()) return;
        for (const auto& [caller, call] : sites->second) {
          ExprId arg = argumentFor(ctx_.program.function(caller), call, fn, i);
          if (arg != kNoExpr) configKeysRead(caller, arg, depth + 1, out);
        }
      }
      return;
    }
    return;
  }
}

void ConfigSecretSources::addFileLiteral(FileId file, const std::string& key, std::vector<LiteralSecret>& out) const {
  const SourceFile& source = ctx_.program.sources.get(file);
  std::optional<ConfigAssignment> a = configAssignment(source.text, key);
  if (!a || a->line == 0 || a->line > source.lineStarts.size()) return;
  std::optional<ConfigStringLiteral> literal = configStringLiteral(a->value);
  if (!literal || literal->text.empty()) return;
  // configAssignment matched `KEY =` at the line's start; the value follows the blanks after it.
  const size_t lineStart = source.lineStarts[a->line - 1];
  std::string_view line = source.line(a->line);
  size_t at = line.find('=', key.size());
  if (at == std::string_view::npos) return;
  ++at;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  const size_t begin = lineStart + at;
  const size_t end = begin + literal->length;
  LiteralSecret s{source.span(lineStart, end, file), key, source.span(begin, end, file)};
  for (const LiteralSecret& o : out) {
    if (o.location == s.location) return;
  }
  out.push_back(s);
}

std::vector<LiteralSecret> ConfigSecretSources::literalsFor(FunctionId fnId, ExprId expr) const {
  std::vector<LiteralSecret> out;
  if (objects_.empty() && files_.empty()) return out;
  std::set<std::string> keys;
  configKeysRead(fnId, expr, 0, keys);
  for (const std::string& key : keys) {
    for (FileId file : files_) addFileLiteral(file, key, out);
    addObjectLiterals(key, out);
  }
  return out;
}

void ConfigSecretSources::addObjectLiterals(const std::string& key, std::vector<LiteralSecret>& out) const {
  for (const std::string& object : objects_) {
    auto def = ctx_.constants().findDefinition(object + "." + key);
    if (!def || def->function >= ctx_.program.functionCount()) continue;
    const Function& holder = ctx_.program.function(def->function);
    if (def->value == kNoExpr || def->value >= holder.exprs.size()) continue;
    const Expr& v = holder.expr(def->value);
    if (v.kind != ExprKind::Literal || v.text.empty()) continue;
    if (v.literal != LiteralKind::String && v.literal != LiteralKind::Bytes) continue;
    LiteralSecret s{def->statement, key, v.span};
    bool seen = false;
    for (const LiteralSecret& o : out) seen = seen || o.location == s.location;
    if (!seen) out.push_back(s);
  }
}

}  // namespace hg
