#include "python/parse_tree.h"

#include <cstdint>

#include "python/python_frontend.h"

extern "C" const TSLanguage* tree_sitter_python();

namespace hg::python {

const TSLanguage* pythonLanguage() { return tree_sitter_python(); }

bool checkGrammarAbi(std::string& error) {
  const uint32_t version = ts_language_version(pythonLanguage());
  if (version >= TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION && version <= TREE_SITTER_LANGUAGE_VERSION) return true;
  error = "the tree-sitter-python grammar has ABI version " + std::to_string(version) +
          " but the tree-sitter library accepts versions " +
          std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
          std::to_string(TREE_SITTER_LANGUAGE_VERSION) + "; rebuild with a matching grammar";
  return false;
}

ParsedTree parsePython(std::string_view text, std::string& error, const Deadline& deadline) {
  ParsedTree result;
  if (text.size() > UINT32_MAX) {
    error = "file too large for the parser";
    return result;
  }
  // One parser per thread, kept across files: scans parse files on several threads, and a
  // parser is not to be shared between them.
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser;
  if (!parser) {
    parser.reset(ts_parser_new());
    if (parser && !ts_parser_set_language(parser.get(), pythonLanguage())) parser.reset();
  }
  if (!parser) {
    error = "cannot load the tree-sitter-python grammar";
    return result;
  }
  // tree-sitter's own timeout stops a parse mid-way; 0 (no limit) must be set explicitly
  // because the thread's parser keeps the previous file's value.
  if (deadline.limited() && deadline.expired()) throw TimeBudgetExceeded("time budget exceeded before parsing");
  ts_parser_set_timeout_micros(parser.get(), deadline.limited() ? deadline.remainingMicros() : 0);
  result.tree_.reset(ts_parser_parse_string(parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())));
  if (!result.tree_) {
    // A failed parse can leave the parser mid-document; the next file must start afresh.
    ts_parser_reset(parser.get());
    // With a language set and no cancellation flag, tree-sitter fails only on its timeout,
    // and its clock need not be ours (it may count the process's CPU time, which runs ahead
    // of the wall clock while other threads parse): a limited parse that failed timed out.
    if (deadline.limited() || deadline.expired()) throw TimeBudgetExceeded("time budget exceeded while parsing");
    error = "the parser gave up on this file";
  }
  return result;
}

}  // namespace hg::python
