// String literals: prefixes, escapes, implicit concatenation ("a" "b") and f-string
// interpolations, lowered to a Literal or a FormatString.
#include <cctype>

#include "python/expr_lowering.h"
#include "python/literals.h"
#include "python/node_util.h"

namespace hg::python {

struct ExprLowering::StringParts {
  bool format = false;
  bool bytes = false;
  std::vector<std::string> literals{std::string()};
  std::vector<ExprId> interpolations;
};

void ExprLowering::appendString(TSNode string, StringParts& parts) {
  StringPrefix prefix;
  uint32_t pos = ts_node_start_byte(string);
  const uint32_t stringEnd = ts_node_end_byte(string);
  auto appendText = [&](uint32_t from, uint32_t to) {
    if (to > from && to <= file_.source.size()) {
      parts.literals.back() += decodeStringBody(file_.source.substr(from, to - from), prefix);
    }
  };
  bool closed = false;
  for (const Child& c : childrenOf(string)) {
    const std::string_view type = nodeType(c.node);
    if (type == "string_start") {
      std::string_view start = file_.text(c.node);
      size_t letters = 0;
      while (letters < start.size() && std::isalpha(static_cast<unsigned char>(start[letters]))) ++letters;
      prefix = parseStringPrefix(start.substr(0, letters));
      parts.format = parts.format || prefix.format;
      parts.bytes = parts.bytes || prefix.bytes;
      pos = ts_node_end_byte(c.node);
    } else if (type == "interpolation") {
      appendText(pos, ts_node_start_byte(c.node));
      TSNode inner = field(c.node, "expression");
      parts.interpolations.push_back(ts_node_is_null(inner) ? unknown(c.node, "interpolation") : lower(inner));
      parts.literals.emplace_back();
      pos = ts_node_end_byte(c.node);
    } else if (type == "string_end") {
      appendText(pos, ts_node_start_byte(c.node));
      pos = ts_node_end_byte(c.node);
      closed = true;
    }
  }
  if (!closed) appendText(pos, stringEnd);  // an unterminated string in a file with errors
}

ExprId ExprLowering::lowerStrings(TSNode n) {
  StringParts parts;
  if (isType(n, "concatenated_string")) {
    for (TSNode s : namedChildren(n)) {
      if (isType(s, "string")) appendString(s, parts);
    }
  } else {
    appendString(n, parts);
  }
  Expr e;
  e.span = file_.span(n);
  if (parts.format) {
    e.kind = ExprKind::FormatString;
    e.args = std::move(parts.interpolations);
    e.literalParts = std::move(parts.literals);
  } else {
    e.kind = ExprKind::Literal;
    e.literal = parts.bytes ? LiteralKind::Bytes : LiteralKind::String;
    e.text = std::move(parts.literals.front());
  }
  return add(std::move(e));
}

}  // namespace hg::python
