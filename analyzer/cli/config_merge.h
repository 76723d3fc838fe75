// How the project configuration and the command line combine: a setting comes from the command
// line when it is given there, else from the file, else the built-in default.
#pragma once

#include <optional>

#include "cli/command_line.h"
#include "cli/config.h"
#include "cli/scan.h"

namespace hg {

// The configuration that applies to this scan: --config's file, none with --no-config, else
// the one found above the first path. Throws ConfigError.
std::optional<ProjectConfig> projectConfigFor(const ScanCommandOptions& options);

// `options` with the file's values filled in where the command line gave none; the options
// taken from the file are added to `given`.
ScanCommandOptions withProjectConfig(const ScanCommandOptions& options, const ProjectConfig& config);

// What only the file can say (rule levels, knowledge entries) and the exclude globs, each
// relative to where it was written, into `scan`.
void applyProjectConfig(const ProjectConfig* config, const ScanCommandOptions& options, ScanOptions& scan);

// The ScanOptions of `options` (already merged with `config` by withProjectConfig). nullopt
// when a rule selector names no rule; `error` then says which ("--select: unknown rule ...").
std::optional<ScanOptions> scanOptionsFor(const ScanCommandOptions& options, const ProjectConfig* config,
                                          std::string& error);

}  // namespace hg
