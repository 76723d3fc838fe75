#include "lsp/text_document.h"

#include <algorithm>

#include "lsp/file_uri.h"

namespace hg::lsp {

TextDocument::TextDocument(std::string uri, std::string languageId, int64_t version, std::string text)
    : uri_(std::move(uri)), languageId_(std::move(languageId)), version_(version), text_(std::move(text)) {
  path_ = pathOfFileUri(uri_);
  indexLines();
}

bool TextDocument::isPython() const {
  if (languageId_ == "python") return true;
  const std::string_view name = path_ ? std::string_view(*path_) : std::string_view(uri_);
  return name.ends_with(".py") || name.ends_with(".pyi");
}

void TextDocument::indexLines() {
  lineStarts_.assign(1, 0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      lineStarts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      lineStarts_.push_back(i + 1);
    }
  }
}

std::string_view TextDocument::line(uint32_t line) const {
  if (line >= lineStarts_.size()) return {};
  const size_t begin = lineStarts_[line];
  const size_t end = line + 1 < lineStarts_.size() ? lineStarts_[line + 1] : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (view.ends_with('\n')) view.remove_suffix(1);
  if (view.ends_with('\r')) view.remove_suffix(1);
  return view;
}

size_t TextDocument::offsetOf(const Position& position, PositionEncoding encoding) const {
  if (position.line >= lineStarts_.size()) return text_.size();
  return lineStarts_[position.line] + byteOfCharacter(line(position.line), position.character, encoding);
}

void TextDocument::applyChange(const Json& change, PositionEncoding encoding) {
  std::string text = stringMember(change, "text");
  if (const Json* range = optionalMember(change, "range")) {
    const Range parsed = parseRange(*range);
    const size_t begin = offsetOf(parsed.start, encoding);
    const size_t end = std::max(begin, offsetOf(parsed.end, encoding));
    text_.replace(begin, end - begin, text);
  } else {
    text_ = std::move(text);
  }
  indexLines();
}

}  // namespace hg::lsp
