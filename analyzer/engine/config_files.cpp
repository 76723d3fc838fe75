#include "engine/config_files.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "engine/expr_walk.h"

namespace hg {
namespace fs = std::filesystem;

std::vector<std::string> configFileCandidates(const std::string& modulePath, const std::string& name) {
  if (name.empty()) return {};
  fs::path file(name);
  if (file.is_absolute()) return {file.lexically_normal().string()};
  fs::path dir = fs::path(modulePath).parent_path();
  std::vector<std::string> out;
  out.push_back((dir / file).lexically_normal().string());
  // The instance folder: beside a module, or beside the package a package's __init__ makes.
  out.push_back((dir / "instance" / file).lexically_normal().string());
  out.push_back((dir.parent_path() / "instance" / file).lexically_normal().string());
  return out;
}

ConfigFileRead readConfigFile(const std::vector<std::string>& candidates, ConfigFile& out) {
  for (const std::string& path : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    auto size = fs::file_size(path, ec);
    if (ec || size > kMaxConfigFileBytes) return ConfigFileRead::Unusable;
    std::ifstream in(path, std::ios::binary);
    if (!in) return ConfigFileRead::Unusable;
    std::string text(static_cast<size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (static_cast<size_t>(in.gcount()) != size) return ConfigFileRead::Unusable;
    if (text.find('\0') != std::string::npos) return ConfigFileRead::Unusable;
    out.path = path;
    out.text = std::move(text);
    return ConfigFileRead::Found;
  }
  return ConfigFileRead::Missing;
}

std::vector<std::string> loadedConfigFileCandidates(const Program& program, const Function& fn, ExprId call) {
  ExprId arg = callArgument(fn, call, 0, "filename");
  const std::string* name = arg == kNoExpr ? nullptr : stringLiteral(fn, arg);
  if (!name || fn.file >= program.sources.size()) return {};
  return configFileCandidates(program.sources.get(fn.file).absolutePath, *name);
}

std::optional<ConfigStringLiteral> configStringLiteral(std::string_view value) {
  size_t i = 0;
  bool raw = false;
  // Prefixes: b, r, u and their pairs; an f-string interpolates, so it is no literal.
  while (i < value.size() && i < 2 && value[i] != '\0' && std::strchr("bBrRuU", value[i])) {
    raw = raw || value[i] == 'r' || value[i] == 'R';
    ++i;
  }
  if (i >= value.size() || (value[i] != '"' && value[i] != '\'')) return std::nullopt;
  const char quote = value[i];
  const bool triple = value.substr(i, 3) == std::string(3, quote);
  const size_t open = i + (triple ? 3 : 1);
  size_t close = std::string_view::npos;
  for (size_t j = open; j < value.size(); ++j) {
    if (value[j] == '\\' && !raw) {
      ++j;
      continue;
    }
    if (value[j] != quote) continue;
    if (!triple) {
      close = j;
      break;
    }
    if (value.substr(j, 3) == std::string(3, quote)) {
      close = j;
      break;
    }
  }
  if (close == std::string_view::npos) return std::nullopt;
  const size_t end = close + (triple ? 3 : 1);
  std::string_view rest = value.substr(end);
  size_t k = 0;
  while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
  if (k < rest.size() && rest[k] != '#') return std::nullopt;
  return ConfigStringLiteral{end, std::string(value.substr(open, close - open))};
}

std::optional<ConfigAssignment> configAssignment(const std::string& text, const std::string& key) {
  std::optional<ConfigAssignment> found;
  uint32_t line = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    std::string_view l(text.data() + start, end - start);
    // Top level only: an indented assignment sits inside a block whose condition is unknown.
    if (l.starts_with(key)) {
      std::string_view rest = l.substr(key.size());
      size_t i = 0;
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
      if (i < rest.size() && rest[i] == '=' && (i + 1 >= rest.size() || rest[i + 1] != '=')) {
        std::string value(rest.substr(i + 1));
        size_t hash = value.find('#');
        // A '#' inside a string literal is no comment; only strip it outside quotes.
        if (hash != std::string::npos && value.find_first_of("'\"") > hash) value.resize(hash);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
        size_t lead = 0;
        while (lead < value.size() && std::isspace(static_cast<unsigned char>(value[lead]))) ++lead;
        found = ConfigAssignment{value.substr(lead), line};
      }
    }
    start = end + 1;
  }
  return found;
}

namespace {

// Recursive descent over: shift := sum ('<<' sum)*; sum := product (('+'|'-') product)*;
// product := atom (('*'|'//') atom)*; atom := integer | '(' shift ')'.
class IntegerParser {
 public:
  explicit IntegerParser(const std::string& text) : s_(text) {}

  std::optional<double> parse() {
    auto v = shift(0);
    skip();
    if (!v || pos_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(std::string_view op) {
    skip();
    if (s_.compare(pos_, op.size(), op) != 0) return false;
    pos_ += op.size();
    return true;
  }
  std::optional<double> atom(int depth) {
    skip();
    if (depth > 16) return std::nullopt;
    if (eat("(")) {
      auto v = shift(depth + 1);
      if (!v || !eat(")")) return std::nullopt;
      return v;
    }
    double value = 0;
    size_t digits = 0;
    while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) {
      if (s_[pos_] != '_') {
        value = value * 10 + (s_[pos_] - '0');
        ++digits;
      }
      ++pos_;
    }
    if (digits == 0 || digits > 18) return std::nullopt;
    return value;
  }
  std::optional<double> product(int depth) {
    auto v = atom(depth);
    while (v) {
      if (eat("//")) {
        auto r = atom(depth);
        if (!r || *r == 0) return std::nullopt;
        v = static_cast<double>(static_cast<long long>(*v / *r));
      } else if (eat("*")) {
        auto r = atom(depth);
        if (!r) return std::nullopt;
        v = *v * *r;
      } else {
        break;
      }
    }
    return v;
  }
  std::optional<double> sum(int depth) {
    auto v = product(depth);
    while (v) {
      if (eat("+")) {
        auto r = product(depth);
        if (!r) return std::nullopt;
        v = *v + *r;
      } else if (eat("-")) {
        auto r = product(depth);
        if (!r) return std::nullopt;
        v = *v - *r;
      } else {
        break;
      }
    }
    return v;
  }
  std::optional<double> shift(int depth) {
    auto v = sum(depth);
    while (v && eat("<<")) {
      auto r = sum(depth);
      if (!r || *r < 0 || *r > 62) return std::nullopt;
      v = *v * static_cast<double>(1LL << static_cast<int>(*r));
    }
    return v;
  }

  const std::string& s_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<double> integerExpression(const std::string& text) { return IntegerParser(text).parse(); }

}  // namespace hg
