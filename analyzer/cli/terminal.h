// What goes to the terminal besides the report: run diagnostics in GNU style and the
// decision whether to color a stream.
#pragma once

#include <string>

#include "core/diagnostics.h"

namespace hg {

enum class ColorPolicy : uint8_t { Auto, Always, Never };

// TERM=dumb: a terminal that cannot move the cursor (Emacs' shell, some CI log viewers).
bool isDumbTerminal();

// `always` and `never` are obeyed as given; `auto` colors only a terminal, and not when the
// NO_COLOR environment variable is set to a non-empty value or TERM is "dumb".
bool shouldUseColor(ColorPolicy policy, int fd);

// "hookguard: app/hooks.py:12: warning: message\n"
std::string formatRunDiagnostic(const RunDiagnostic& diagnostic, bool color);

// "hookguard: error: message\n", for problems with the command itself.
std::string formatToolError(const std::string& message, bool color);

}  // namespace hg
