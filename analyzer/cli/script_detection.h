// Python scripts without a .py suffix: `bin/deploy-hook`, installed entry points, CGI scripts.
//
// pre-commit (through its file-type detection) hands such scripts to Python hooks when their
// first line names a Python interpreter, so hookguard must read them as Python too; otherwise
// a webhook handler in an executable script is skipped with a warning and never analysed.
#pragma once

#include <filesystem>
#include <string_view>

namespace hg {

// Whether a first line `#!...` runs a Python interpreter: `#!/usr/bin/python3`,
// `#!/usr/bin/env python3.11`, `#!/usr/bin/env -S python3 -u`.
bool isPythonShebang(std::string_view firstLine);

// Whether the file starts with such a line. False when it cannot be read: the caller's
// reading of the file reports that, if it is read at all.
bool hasPythonShebang(const std::filesystem::path& file);

}  // namespace hg
