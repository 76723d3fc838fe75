// Committed configuration files an application loads by name (`app.config.from_pyfile("x.cfg")`).
//
// Flask resolves the name against the application's root path (the directory of the module
// that builds it) or, with instance_relative_config, its instance folder (`instance/` beside
// the package or module). The file is Python, but a configuration file is almost always plain
// `KEY = value` lines, which is all that is read here: no code is evaluated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/program.h"

namespace hg {

// Larger files are no configuration file worth reading; they are treated as unreadable.
inline constexpr size_t kMaxConfigFileBytes = 1 << 20;

// Paths `name` may denote for an app built in the module at `modulePath` (absolute), most
// likely first. An absolute `name` is itself.
std::vector<std::string> configFileCandidates(const std::string& modulePath, const std::string& name);

// The text of the first readable candidate: nullopt when none exists, or when it is too
// large, unreadable or binary (the caller cannot tell what it sets).
struct ConfigFile {
  std::string path;
  std::string text;
};
enum class ConfigFileRead : uint8_t { Found, Missing, Unusable };
ConfigFileRead readConfigFile(const std::vector<std::string>& candidates, ConfigFile& out);

// The candidates for the file a loader call (`app.config.from_pyfile("x.cfg")`) names, for the
// app built in that call's module; empty when the name is no literal.
std::vector<std::string> loadedConfigFileCandidates(const Program& program, const Function& fn, ExprId call);

// The value text of the last top-level `KEY = value` assignment, with its 1-based line.
struct ConfigAssignment {
  std::string value;
  uint32_t line = 0;
};
std::optional<ConfigAssignment> configAssignment(const std::string& text, const std::string& key);

// A Python string or bytes literal opening `value` ("'abc'", "b\"k\"  # note"), with only
// blanks or a comment after it: its byte length in `value` and its text as written between
// the quotes. nullopt for anything else (a call, a name, an f-string, a concatenation).
struct ConfigStringLiteral {
  size_t length = 0;
  std::string text;
};
std::optional<ConfigStringLiteral> configStringLiteral(std::string_view value);

// An integer expression of literals, + - * // and << (`16 * 1024 * 1024`, `1 << 20`).
std::optional<double> integerExpression(const std::string& text);

}  // namespace hg
