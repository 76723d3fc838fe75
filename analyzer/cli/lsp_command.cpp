// `hookguard lsp`: the language server on standard input and output, analyzing with the same
// scan pipeline, and the same project configuration, as `hookguard scan`.
#include <unistd.h>

#include <csignal>

#include "cli/commands.h"
#include "cli/editor_scan.h"
#include "lsp/server.h"
#include "lsp/stdio_transport.h"

namespace hg {

int runLspCommand() {
  // A client that exits first must not kill the server in the middle of a write.
  std::signal(SIGPIPE, SIG_IGN);
  lsp::FdByteSource input(STDIN_FILENO);
  lsp::FdMessageSink output(STDOUT_FILENO);
  return lsp::serve(input, output, scanWithProjectConfig);
}

}  // namespace hg
