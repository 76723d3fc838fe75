// The language server's scan: the editor's workspace and unsaved buffers, under the
// configuration `hookguard scan` would use for the same paths (found above the first one and
// read afresh each time, so edits to it take effect). A broken configuration must not blind the
// editor: the scan then runs with the defaults and the problem becomes a run error, which the
// server shows the user.
#pragma once

#include <memory>

#include "cli/scan.h"

namespace hg {

// `editor` gives the paths and source overrides; everything else comes from the configuration.
std::unique_ptr<ScanResult> scanWithProjectConfig(const ScanOptions& editor);

}  // namespace hg
