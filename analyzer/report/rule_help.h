// SARIF rule descriptions from a rule's documentation (rules/WHnnn_name.md): GitHub shows
// fullDescription in the alert header, help.markdown in the "Show more" panel, and help.text
// wherever Markdown is not rendered.
#pragma once

#include <string>
#include <string_view>

namespace hg {

// The first paragraph of the "What it does" section as one line of plain text; empty when the
// document has no such section.
std::string whatItDoes(std::string_view markdown);

// Markdown as readable plain text: heading markers, emphasis markers and code fences removed
// (code lines indented by four spaces), links written "text (url)".
std::string markdownToText(std::string_view markdown);

}  // namespace hg
