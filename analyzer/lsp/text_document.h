// The editor's view of an open file: its text as the client last sent it (full or incremental
// changes), which the analysis uses instead of the file on disk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/json_rpc.h"
#include "lsp/params.h"
#include "lsp/positions.h"

namespace hg::lsp {

class TextDocument {
 public:
  TextDocument(std::string uri, std::string languageId, int64_t version, std::string text);

  const std::string& uri() const { return uri_; }
  const std::string& languageId() const { return languageId_; }
  int64_t version() const { return version_; }
  const std::string& text() const { return text_; }
  const std::optional<std::string>& path() const { return path_; }  // for file: URIs
  bool isPython() const;  // else its comments are C++'s

  // A 0-based line without its line break ("\n", "\r\n" or "\r", as LSP counts lines); empty
  // past the end.
  std::string_view line(uint32_t line) const;
  // The byte offset of a position; positions past a line's end or past the last line clamp.
  size_t offsetOf(const Position& position, PositionEncoding encoding) const;

  // One entry of didChange's contentChanges: with a range it replaces that part, without one
  // the whole text. Throws InvalidParams for a malformed entry.
  void applyChange(const Json& change, PositionEncoding encoding);
  void setVersion(int64_t version) { version_ = version; }

 private:
  void indexLines();

  std::string uri_;
  std::string languageId_;
  int64_t version_ = 0;
  std::string text_;
  std::optional<std::string> path_;
  std::vector<size_t> lineStarts_;
};

}  // namespace hg::lsp
