// How string building moves taint and known text: concatenation, f-strings, `%` and
// `str.format` templates. Text before the first unknown part is kept as the value's prefix, and
// data placed after a prefix that pins the origin (taint_origin.h) is marked kOriginFixed: it
// can only choose a path or query, whatever else is appended later.
#pragma once

#include <string>
#include <vector>

#include "engine/taint_value.h"

namespace hg {

// a + b
TaintValue concatValues(const TaintValue& a, const TaintValue& b);

// literals[0] args[0] literals[1] ... args[n-1] literals[n]; literals.size() == args.size() + 1.
TaintValue interpolateValues(const std::vector<std::string>& literals, const std::vector<TaintValue>& args);

// Splits a `%` template ("https://%s/x?q=%d") into the literal runs between conversions.
// Returns false when the template uses a mapping key ("%(name)s").
bool splitPercentTemplate(const std::string& text, std::vector<std::string>& literals);

// Splits a `str.format` template into literal runs and the field each placeholder names:
// "" for automatic numbering, a digit string for an explicit index, a name for a keyword.
bool splitBraceTemplate(const std::string& text, std::vector<std::string>& literals, std::vector<std::string>& fields);

}  // namespace hg
