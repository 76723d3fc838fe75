// Reading request parameters the client may have got wrong: every accessor checks the JSON
// type and throws InvalidParams, which the server answers with -32602 instead of crashing.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "lsp/json_rpc.h"

namespace hg::lsp {

class InvalidParams : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

const Json& member(const Json& object, const char* key);  // the member, which must exist
const Json* optionalMember(const Json& object, const char* key);  // nullptr when absent or null
std::string stringMember(const Json& object, const char* key);
uint32_t uint32Member(const Json& object, const char* key);

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};
struct Range {
  Position start;
  Position end;
};

Position parsePosition(const Json& json);
Range parseRange(const Json& json);
Json toJson(const Position& position);
Json toJson(const Range& range);

}  // namespace hg::lsp
