// Configuration files the scanned applications load by name (`app.config.from_pyfile(...)`)
// become sources of the scan, so that a finding can point into them (a secret hard-coded in
// instance/app.cfg, WH107) and a suppression comment there is honoured. They are read, never
// lowered: they define no functions or routes.
#pragma once

#include <filesystem>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg {

// Adds every committed file a `config_file_loaders` call names that lies under `root` and is
// not a source already. Run after linking (loader calls are matched by qualified name).
void addLoadedConfigFiles(Program& program, const Knowledge& knowledge, const std::filesystem::path& root);

}  // namespace hg
