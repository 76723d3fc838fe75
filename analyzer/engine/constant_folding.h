// Evaluates expressions whose value is fixed when the code is written: literals, arithmetic on
// them, locals assigned once, module and class constants (across imports and base classes),
// and duration constructors (`timedelta(minutes=5)`, `std::chrono::minutes(5)`) with their
// accessors (`.total_seconds()`, `.count()`). Rules use it to read a timestamp window or a body
// limit the way the program computes it (`60 * 5`, `16 << 20`, `Config.MAX_BODY`).
//
// Which calls build durations is data (knowledge "duration_constructors",
// "duration_accessors"); the folder knows only how to combine values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg {

struct ConstantValue {
  enum class Kind : uint8_t { Unknown, Number, Duration, String, None, Bool };
  Kind kind = Kind::Unknown;
  // Number: the value; Duration: its length in seconds; Bool: 0 or 1.
  double number = 0;
  // Duration only: seconds per unit of the constructor that built it (60 for minutes), so
  // that `.count()` yields the value in the constructor's units.
  double unitSeconds = 1;
  bool integral = false;  // Number built from integers only (so `//`, `%`, `<<` stay exact)
  std::string text;       // String

  bool known() const { return kind != Kind::Unknown; }
  // Seconds for a Duration, the plain value for a Number; nullopt otherwise.
  std::optional<double> asSeconds() const;
  std::optional<double> asNumber() const;

  static ConstantValue unknown() { return {}; }
  static ConstantValue ofNumber(double v, bool integral);
  static ConstantValue ofDuration(double seconds, double unitSeconds);
  static ConstantValue ofString(std::string s);
  static ConstantValue ofNone();
  static ConstantValue ofBool(bool b);
};

// Where a qualified constant is assigned, for findings located at a configuration value.
struct ConstantDefinition {
  FunctionId function = kNoFunction;  // the module or class body holding the assignment
  ExprId value = kNoExpr;
  Span statement;
};

class ConstantFolder {
 public:
  ConstantFolder(const Program& program, const Knowledge& knowledge);

  // The value of `expr` evaluated in `function`, or Unknown.
  ConstantValue fold(const Function& function, ExprId expr) const;
  ConstantValue fold(FunctionId function, ExprId expr) const;

  // The value of a module global or class attribute named by its qualified name
  // ("pkg.settings.WINDOW", "pkg.config.Config.MAX_CONTENT_LENGTH"), following imports and
  // base classes.
  ConstantValue foldQualified(const std::string& qualified) const;
  std::optional<ConstantDefinition> findDefinition(const std::string& qualified) const;

  // The single value assigned to `name` in `function` (no other assignment, no augmented
  // assignment), or kNoExpr. Shared with analyses that follow a local to its definition.
  ExprId singleAssignment(const Function& function, const std::string& name) const;

 private:
  struct Assignments {
    std::map<std::string, std::vector<std::pair<ExprId, Span>>> values;  // plain assignments
    std::map<std::string, int> otherWrites;  // augmented/unpacking/loop targets/deletes
  };
  const Assignments& assignmentsOf(const Function& function) const;

  ConstantValue foldAt(const Function& f, ExprId e, int depth) const;
  ConstantValue foldName(const Function& f, const Expr& e, int depth) const;
  ConstantValue foldAttribute(const Function& f, const Expr& e, int depth) const;
  ConstantValue foldCall(const Function& f, ExprId call, int depth) const;
  ConstantValue foldBinary(const std::string& op, const ConstantValue& a, const ConstantValue& b) const;
  ConstantValue foldQualifiedAt(const std::string& qualified, int depth) const;
  ConstantValue foldClassAttribute(const ClassDef& cls, const std::string& attr, int depth) const;
  std::optional<ConstantDefinition> definitionAt(const std::string& qualified, int depth) const;

  const Program& program_;
  const Knowledge& knowledge_;
  mutable std::map<FunctionId, Assignments> assignmentCache_;
};

// The dotted name of a Name/Attribute chain or a call's callee as written, used when the
// front-end left `qualified` empty (locals): "seen.add", "self.cache.get". Empty when the
// chain holds anything else.
std::string writtenName(const Function& function, ExprId expr);

// The qualified name of an expression if the front-end resolved one, else its written name.
std::string nameOf(const Function& function, ExprId expr);

// The callee name of a call (qualified, else written); empty for non-calls.
std::string calleeName(const Function& function, ExprId call);

// Integer and float literal text as Python and C++ write it ("10_000", "0x1F", "1024ULL",
// "1e6", "10'000"); nullopt when it is not a number.
std::optional<std::pair<double, bool>> parseNumberLiteral(const std::string& text);

}  // namespace hg
