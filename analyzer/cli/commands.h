// The subcommands. Each returns the process exit code (cli/exit_codes.h).
#pragma once

#include "cli/command_line.h"

namespace hg {

int runScanCommand(const ScanCommandOptions& options);
int runRulesCommand(const RulesCommandOptions& options);
int runExplainCommand(const ExplainCommandOptions& options);
int runLspCommand();

}  // namespace hg
