// Named .cc so the cli library's *.cpp glob leaves it out: the tests link the library, not main.
#include <exception>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  try {
    hg::CommandLine commandLine;
    if (auto done = hg::parseCommandLine(argc, argv, commandLine)) return *done;
    switch (commandLine.command) {
      case hg::CommandLine::Command::Scan: return hg::runScanCommand(commandLine.scan);
      case hg::CommandLine::Command::Rules: return hg::runRulesCommand(commandLine.rules);
      case hg::CommandLine::Command::Explain: return hg::runExplainCommand(commandLine.explain);
      case hg::CommandLine::Command::Lsp: return hg::runLspCommand();
    }
  } catch (const std::exception& e) {
    // Last resort: every expected failure is reported where it happens.
    std::cerr << "hookguard: error: internal error: " << e.what() << "\n";
  }
  return hg::kExitError;
}
