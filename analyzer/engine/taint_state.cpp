#include "engine/taint_state.h"

#include <set>
#include <vector>

#include "engine/expr_walk.h"

namespace hg {

namespace {

constexpr int kMaxPathDepth = 4;

bool isFieldOf(const std::string& path, const std::string& base) {
  return path.size() > base.size() && path.starts_with(base) && (path[base.size()] == '.' || path[base.size()] == '[');
}

}  // namespace

std::optional<std::string> accessPath(const Function& fn, ExprId expr) {
  std::vector<std::string> parts;
  ExprId cur = stripAwait(fn, expr);
  for (int depth = 0; depth <= kMaxPathDepth && cur < fn.exprs.size(); ++depth) {
    const Expr& e = fn.expr(cur);
    if (e.kind == ExprKind::Name) {
      std::string path = e.text;
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) path += *it;
      return path;
    }
    if (e.kind == ExprKind::Attribute && !e.args.empty()) {
      parts.push_back("." + e.text);
      cur = e.args[0];
      continue;
    }
    if (e.kind == ExprKind::Subscript && e.args.size() == 2) {
      const Expr& index = fn.expr(e.args[1]);
      if (index.kind != ExprKind::Literal) return std::nullopt;
      parts.push_back("[" + index.text + "]");
      cur = e.args[0];
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<TaintValue> TaintState::lookup(const std::string& path) const {
  std::string cur = path;
  while (true) {
    auto it = values.find(cur);
    if (it != values.end()) {
      if (cur == path) return it->second;
      // A field of a stored object: its labels, not its text.
      TaintValue field;
      field.labels = it->second.labels;
      field.fieldKey = it->second.fieldKey;
      return field;
    }
    size_t cut = cur.find_last_of(".[");
    if (cut == std::string::npos || cut == 0) return std::nullopt;
    cur.resize(cut);
  }
}

void TaintState::forget(const std::string& path) {
  // The path and its fields all start with `path`, so they are one contiguous run of the
  // sorted map: scanning only that run keeps a long module body linear in its assignments.
  for (auto it = values.lower_bound(path); it != values.end() && it->first.starts_with(path);) {
    if (it->first == path || isFieldOf(it->first, path)) {
      it = values.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = derivations.begin(); it != derivations.end();) {
    bool stale = it->first == path || isFieldOf(it->first, path) || it->second.url == path ||
                 isFieldOf(it->second.url, path);
    it = stale ? derivations.erase(it) : std::next(it);
  }
  checks.erase(path);
}

void TaintState::assign(const std::string& path, TaintValue value) {
  forget(path);
  values[path] = std::move(value);
}

void TaintState::addFlags(const std::string& path, TaintFlags flags) {
  std::optional<TaintValue> current = lookup(path);
  if (!current || !current->tainted()) return;
  for (auto it = values.upper_bound(path); it != values.end() && it->first.starts_with(path); ++it) {
    if (isFieldOf(it->first, path)) it->second.addFlags(flags);
  }
  current->addFlags(flags);
  values[path] = std::move(*current);
}

void TaintState::joinWith(const TaintState& other) {
  if (!other.reached) return;
  if (!reached) {
    *this = other;
    return;
  }
  std::set<std::string> keys;
  for (const auto& [k, v] : values) keys.insert(k);
  for (const auto& [k, v] : other.values) keys.insert(k);
  std::map<std::string, TaintValue> joined;
  for (const std::string& k : keys) {
    std::optional<TaintValue> a = lookup(k);
    std::optional<TaintValue> b = other.lookup(k);
    if (a && b) {
      a->joinWith(*b);
      joined[k] = std::move(*a);
    } else {
      TaintValue v = a ? std::move(*a) : std::move(*b);
      // Unset on the other path: the text is no longer known.
      v.prefix.clear();
      v.prefixKnown = v.complete = false;
      joined[k] = std::move(v);
    }
  }
  values = std::move(joined);
  for (auto it = derivations.begin(); it != derivations.end();) {
    auto o = other.derivations.find(it->first);
    it = (o == other.derivations.end() || !(o->second == it->second)) ? derivations.erase(it) : std::next(it);
  }
  for (auto it = checks.begin(); it != checks.end();) {
    auto o = other.checks.find(it->first);
    it = (o == other.checks.end() || o->second != it->second) ? checks.erase(it) : std::next(it);
  }
}

bool operator==(const TaintState& a, const TaintState& b) {
  return a.reached == b.reached && a.values == b.values && a.derivations == b.derivations && a.checks == b.checks;
}

}  // namespace hg
