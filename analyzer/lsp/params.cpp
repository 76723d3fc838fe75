#include "lsp/params.h"

#include <limits>

namespace hg::lsp {

const Json& member(const Json& object, const char* key) {
  if (!object.is_object()) throw InvalidParams(std::string("expected an object holding '") + key + "'");
  auto it = object.find(key);
  if (it == object.end()) throw InvalidParams(std::string("missing '") + key + "'");
  return *it;
}

const Json* optionalMember(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string stringMember(const Json& object, const char* key) {
  const Json& value = member(object, key);
  if (!value.is_string()) throw InvalidParams(std::string("'") + key + "' must be a string");
  return value.get<std::string>();
}

uint32_t uint32Member(const Json& object, const char* key) {
  const Json& value = member(object, key);
  // A parsed non-negative number is unsigned; one built in code from an int literal is signed.
  const bool fits = value.is_number_unsigned()  ? value.get<uint64_t>() <= std::numeric_limits<uint32_t>::max()
                    : value.is_number_integer() ? value.get<int64_t>() >= 0 &&
                                                      value.get<int64_t>() <= std::numeric_limits<uint32_t>::max()
                                                : false;
  if (!fits) throw InvalidParams(std::string("'") + key + "' must be an unsigned 32-bit integer");
  return static_cast<uint32_t>(value.get<uint64_t>());
}

Position parsePosition(const Json& json) { return Position{uint32Member(json, "line"), uint32Member(json, "character")}; }

Range parseRange(const Json& json) {
  Range range{parsePosition(member(json, "start")), parsePosition(member(json, "end"))};
  if (range.end.line < range.start.line ||
      (range.end.line == range.start.line && range.end.character < range.start.character))
    throw InvalidParams("range ends before it starts");
  return range;
}

Json toJson(const Position& position) { return Json{{"line", position.line}, {"character", position.character}}; }

Json toJson(const Range& range) { return Json{{"start", toJson(range.start)}, {"end", toJson(range.end)}}; }

}  // namespace hg::lsp
