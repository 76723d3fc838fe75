#include "cli/route_prefilter.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "core/comment_ranges.h"

namespace hg {

namespace {

// Knowledge categories whose names make routes, applications and request reads.
constexpr const char* kRouteCategories[] = {
    "route_decorators", "route_registrations", "prefix_registrations", "applications",
    "method_views",     "django_route_functions", "django_method_decorators", "request_sources",
    "request_parameters", "request_routing"};

// Bytes of a Python identifier; any non-ASCII byte counts (identifiers may be Unicode).
bool isIdentifierByte(unsigned char c) {
  return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

void addUnique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

size_t skipComment(std::string_view text, size_t pos) {
  size_t end = text.find('\n', pos);
  return end == std::string_view::npos ? text.size() : end;
}

// The tokens of the statement starting at `pos` that an import is made of: identifiers and
// the punctuation '.', ',' and '*', up to a newline or ';' outside brackets and not escaped by
// a backslash; comments and strings skipped. Returns the position after it.
size_t collectStatementTokens(std::string_view text, size_t pos, std::vector<std::string>& tokens) {
  int depth = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    size_t quote = 0;
    if (c == '\'' || c == '"') {
      pos = skipPythonString(text, pos);
      continue;
    }
    if (isIdentifierByte(c)) {
      if (pythonStringPrefix(text, pos, quote)) {
        pos = skipPythonString(text, quote);
        continue;
      }
      size_t end = pos;
      while (end < text.size() && isIdentifierByte(static_cast<unsigned char>(text[end]))) ++end;
      tokens.emplace_back(text.substr(pos, end - pos));
      pos = end;
      continue;
    }
    if (c == '#') {
      pos = skipComment(text, pos);
      continue;
    }
    if (c == '\\' && pos + 1 < text.size() && (text[pos + 1] == '\n' || text[pos + 1] == '\r')) {
      pos += 2;
      continue;
    }
    if (c == '.' || c == ',' || c == '*') tokens.emplace_back(1, static_cast<char>(c));
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    ++pos;
    if ((c == '\n' || c == ';') && depth == 0) break;
  }
  return pos;
}

bool isName(const std::string& token) { return !token.empty() && isIdentifierByte(static_cast<unsigned char>(token[0])); }

// The modules an import statement's tokens (after its first keyword) may load, spelled as
// written: "a.b" for `import a.b as c`; for `from ..pkg import x, y` the package "..pkg" and
// "..pkg.x", "..pkg.y" (each name may be a submodule). Anything else (`yield from g()`,
// `raise E from e`) names no module.
void addImportedModules(bool fromForm, const std::vector<std::string>& tokens, std::vector<std::string>& out) {
  size_t i = 0;
  auto dotted = [&](std::string& name) {
    while (i < tokens.size() && (tokens[i] == "." || (isName(tokens[i]) && tokens[i] != "import" && tokens[i] != "as"))) {
      name += tokens[i++];
    }
  };
  if (!fromForm) {
    while (i < tokens.size()) {
      std::string name;
      dotted(name);
      if (!name.empty() && name.back() != '.') out.push_back(name);
      while (i < tokens.size() && tokens[i] != ",") ++i;  // `as alias`
      ++i;
    }
    return;
  }
  std::string base;
  dotted(base);
  if (base.empty() || i >= tokens.size() || tokens[i] != "import") return;
  out.push_back(base);
  const std::string joint = base.back() == '.' ? "" : ".";
  for (++i; i < tokens.size(); ++i) {
    if (!isName(tokens[i])) continue;
    out.push_back(base + joint + tokens[i]);
    if (i + 2 < tokens.size() && tokens[i + 1] == "as") i += 2;
  }
}

// Whether a decorator line (from its '@') calls one of the suffixes as a route decorator:
// `@app.post(`, `@bp.route(`. The test decorators that share the names are told apart by
// their first argument: a route's is a path ("/hooks", "", f"{PREFIX}/x", a constant), never
// a dotted target written as a string (`@mock.patch("os.getenv")`), and `@patch.object(...)`
// is no call of the suffix at all.
bool decoratorLineMatches(std::string_view line, const std::vector<std::string>& suffixes) {
  auto skipSpaces = [&](size_t pos) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    return pos;
  };
  for (const std::string& s : suffixes) {
    for (size_t at = line.find(s); at != std::string_view::npos; at = line.find(s, at + 1)) {
      size_t open = skipSpaces(at + s.size());
      if (open >= line.size()) return true;  // `@app.route` continued on the next line
      if (line[open] != '(') continue;
      size_t arg = skipSpaces(open + 1);
      size_t quote = 0;
      if (arg < line.size() && (line[arg] == '\'' || line[arg] == '"')) quote = arg;
      else if (arg >= line.size() || !pythonStringPrefix(line, arg, quote)) return true;
      bool formatted = line.substr(arg, quote - arg).find_first_of("fF") != std::string_view::npos;
      size_t first = quote + 1;
      if (first >= line.size() || formatted) return true;
      unsigned char c = static_cast<unsigned char>(line[first]);
      if (!isIdentifierByte(c) && c != '.') return true;
    }
  }
  return false;
}

bool namesFramework(const std::vector<std::string>& names, const std::vector<std::string>& frameworks) {
  for (const std::string& f : frameworks) {
    if (std::binary_search(names.begin(), names.end(), f)) return true;
  }
  return false;
}

std::string_view parentOf(std::string_view dotted) {
  size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : dotted.substr(0, dot);
}

std::string_view tailOf(std::string_view dotted) {
  size_t dot = dotted.find('.');
  return dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
}

// An import as written, made absolute from the importing file's package, as the front-end
// resolves it: ".x" is package.x, "..x" goes one package up first. Past the top of the tree
// the rest is taken from the top (the scanned tree may start below the real import root).
std::string absoluteModule(std::string_view imported, std::string_view package) {
  size_t level = 0;
  while (level < imported.size() && imported[level] == '.') ++level;
  if (level == 0) return std::string(imported);
  std::string_view base = package;
  for (size_t up = 1; up < level; ++up) base = parentOf(base);
  std::string_view rest = imported.substr(level);
  if (base.empty()) return std::string(rest);
  if (rest.empty()) return std::string(base);
  return std::string(base) + "." + std::string(rest);
}

struct ImportGraph {
  explicit ImportGraph(size_t n) : imports(n), importers(n) {}

  // The start files, every file importing one of them (directly or not), and every file
  // those import (directly or not).
  std::vector<bool> linkedTo(const std::vector<bool>& start) const {
    std::vector<bool> upward = start;
    spread(upward, importers);
    std::vector<bool> linked = upward;
    spread(linked, imports);
    return linked;
  }

  std::vector<std::vector<size_t>> imports, importers;

 private:
  static void spread(std::vector<bool>& reached, const std::vector<std::vector<size_t>>& edges) {
    std::deque<size_t> queue;
    for (size_t i = 0; i < reached.size(); ++i) {
      if (reached[i]) queue.push_back(i);
    }
    while (!queue.empty()) {
      size_t i = queue.front();
      queue.pop_front();
      for (size_t j : edges[i]) {
        if (!reached[j]) {
          reached[j] = true;
          queue.push_back(j);
        }
      }
    }
  }
};

// The prefilter reads Python only; C++ names (`httplib::Server`, `CROW_ROUTE`) would make a
// route file of any module importing Python 2's `httplib`.
bool isCppPattern(std::string_view pattern) {
  if (pattern.find("::") != std::string_view::npos) return true;
  return std::none_of(pattern.begin(), pattern.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

PrefilterMarkers prefilterMarkers(const Knowledge& knowledge) {
  PrefilterMarkers markers;
  for (const char* category : kRouteCategories) {
    const bool decorators = std::string_view(category) == "route_decorators";
    for (const KnowledgeEntry& entry : knowledge.entries(category)) {
      const std::string& p = entry.pattern;
      if (p.empty() || isCppPattern(p)) continue;
      if (p[0] == '*') {
        // "*.post": any object's `post`; the text after the last '*' is what the code spells.
        std::string suffix = p.substr(p.rfind('*') + 1);
        if (suffix.empty()) continue;
        addUnique(decorators ? markers.decoratorSuffixes : markers.callSuffixes, suffix);
        continue;
      }
      size_t end = 0;
      while (end < p.size() && isIdentifierByte(static_cast<unsigned char>(p[end]))) ++end;
      addUnique(markers.frameworkModules, p.substr(0, end));
    }
  }
  return markers;
}

PrefilterFacts prefilterFacts(std::string_view text, const PrefilterMarkers& markers) {
  PrefilterFacts facts;
  size_t pos = 0;
  bool lineStart = true;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (lineStart && (c == ' ' || c == '\t' || c == '\f' || c == '\r')) {
      ++pos;
      continue;
    }
    if (lineStart && c == '@') {
      size_t end = skipComment(text, pos);
      if (decoratorLineMatches(text.substr(pos, end - pos), markers.decoratorSuffixes)) facts.routeFile = true;
    }
    lineStart = c == '\n';
    // Docstrings and comments quote code (`import flask`, `@app.route`) that does not run.
    if (c == '#') {
      pos = skipComment(text, pos);
      continue;
    }
    if (c == '\'' || c == '"') {
      pos = skipPythonString(text, pos);
      continue;
    }
    if (!isIdentifierByte(c)) {
      ++pos;
      continue;
    }
    size_t quote = 0;
    if (pythonStringPrefix(text, pos, quote)) {
      pos = skipPythonString(text, quote);
      continue;
    }
    size_t end = pos;
    while (end < text.size() && isIdentifierByte(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view word = text.substr(pos, end - pos);
    if (word == "import" || word == "from") {
      std::vector<std::string> tokens;
      pos = collectStatementTokens(text, end, tokens);
      for (std::string& t : tokens) {
        if (isName(t)) facts.importedNames.push_back(t);
      }
      addImportedModules(word == "from", tokens, facts.importedModules);
      lineStart = pos > 0 && text[pos - 1] == '\n';
      continue;
    }
    pos = end;
  }
  for (const std::string& s : markers.callSuffixes) {
    if (text.find(s) != std::string_view::npos) facts.routeFile = true;
  }
  std::sort(facts.importedNames.begin(), facts.importedNames.end());
  facts.importedNames.erase(std::unique(facts.importedNames.begin(), facts.importedNames.end()),
                            facts.importedNames.end());
  if (namesFramework(facts.importedNames, markers.frameworkModules)) facts.routeFile = true;
  return facts;
}

std::vector<bool> filesThatMatter(const std::vector<std::string>& moduleNames,
                                  const std::vector<PrefilterFacts>& facts, const std::vector<bool>& contextOnly,
                                  const std::vector<bool>& packageInits) {
  const size_t n = facts.size();
  bool anyRouteFile = false;
  for (const PrefilterFacts& f : facts) anyRouteFile = anyRouteFile || f.routeFile;
  if (!anyRouteFile) return std::vector<bool>(n, false);

  std::unordered_map<std::string_view, std::vector<size_t>> byName;
  for (size_t i = 0; i < n; ++i) byName[moduleNames[i]].push_back(i);
  ImportGraph graph(n);
  for (size_t i = 0; i < n; ++i) {
    // A module and the packages above it: Python runs each package's __init__ first. Its
    // dotted tails too: a directory without __init__.py (a namespace package) is no package
    // to the import-root finder, so `app.signing` may be the file named "signing" here.
    auto link = [&](std::string_view imported) {
      for (std::string_view tail = imported; !tail.empty(); tail = tailOf(tail)) {
        for (std::string_view module = tail; !module.empty(); module = parentOf(module)) {
          auto it = byName.find(module);
          if (it == byName.end()) continue;
          for (size_t j : it->second) {
            if (j == i) continue;
            graph.imports[i].push_back(j);
            graph.importers[j].push_back(i);
          }
        }
      }
    };
    const bool isPackage = i < packageInits.size() && packageInits[i];
    const std::string package(isPackage ? std::string_view(moduleNames[i]) : parentOf(moduleNames[i]));
    for (const std::string& imported : facts[i].importedModules) link(absoluteModule(imported, package));
    link(parentOf(moduleNames[i]));
  }

  std::vector<bool> routeFiles(n);
  for (size_t i = 0; i < n; ++i) routeFiles[i] = facts[i].routeFile;
  std::vector<bool> matters = graph.linkedTo(routeFiles);
  if (!contextOnly.empty()) {
    std::vector<bool> named(n);
    for (size_t i = 0; i < n; ++i) named[i] = !contextOnly[i];
    std::vector<bool> nearNamed = graph.linkedTo(named);
    for (size_t i = 0; i < n; ++i) matters[i] = matters[i] && nearNamed[i];
  }
  return matters;
}

}  // namespace hg
