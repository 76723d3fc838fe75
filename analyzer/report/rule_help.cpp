#include "report/rule_help.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace hg {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool isFence(std::string_view line) {
  std::string_view t = trim(line);
  return t.starts_with("```") || t.starts_with("~~~");
}

// The heading's text for an ATX heading ("## What it does"), else nullopt.
std::optional<std::string_view> headingText(std::string_view line) {
  std::string_view t = trim(line);
  size_t level = 0;
  while (level < t.size() && t[level] == '#') ++level;
  if (level == 0 || level > 6 || (level < t.size() && t[level] != ' ')) return std::nullopt;
  t.remove_prefix(level);
  while (!t.empty() && t.back() == '#') t.remove_suffix(1);
  return trim(t);
}

// Links and images become "text (url)"; bold/underline markers go; inline code stays as is.
std::string inlineToText(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '`') {  // copy a code span verbatim
      size_t close = s.find('`', i + 1);
      if (close == std::string_view::npos) close = s.size() - 1;
      out.append(s.substr(i, close - i + 1));
      i = close + 1;
      continue;
    }
    bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      size_t open = image ? i + 1 : i;
      size_t closeText = s.find(']', open);
      if (closeText != std::string_view::npos && closeText + 1 < s.size() && s[closeText + 1] == '(') {
        size_t closeUrl = s.find(')', closeText + 2);
        if (closeUrl != std::string_view::npos) {
          out.append(inlineToText(s.substr(open + 1, closeText - open - 1)));
          out.append(" (");
          out.append(s.substr(closeText + 2, closeUrl - closeText - 2));
          out.append(")");
          i = closeUrl + 1;
          continue;
        }
      }
    }
    if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

}  // namespace

std::string whatItDoes(std::string_view markdown) {
  std::vector<std::string_view> lines = splitLines(markdown);
  auto isSection = [](std::string_view line) {
    auto text = headingText(line);
    if (!text) return false;
    std::string lower(*text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "what it does";
  };
  auto it = std::find_if(lines.begin(), lines.end(), isSection);
  if (it == lines.end()) return {};
  ++it;
  while (it != lines.end() && trim(*it).empty()) ++it;
  std::string paragraph;
  for (; it != lines.end(); ++it) {
    std::string_view t = trim(*it);
    if (t.empty() || headingText(t) || isFence(t)) break;
    if (!paragraph.empty()) paragraph.push_back(' ');
    paragraph.append(t);
  }
  return inlineToText(paragraph);
}

std::string markdownToText(std::string_view markdown) {
  std::string out;
  bool inFence = false;
  bool lastBlank = true;  // also drops leading blank lines
  for (std::string_view line : splitLines(markdown)) {
    if (isFence(line)) {
      inFence = !inFence;
      continue;
    }
    std::string text;
    if (inFence) {
      text = trim(line).empty() ? std::string() : "    " + std::string(line);
    } else if (auto heading = headingText(line)) {
      text = inlineToText(*heading);
    } else {
      std::string_view t = line;
      while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
      text = inlineToText(t);
    }
    bool blank = trim(text).empty();
    if (blank && lastBlank) continue;
    out.append(blank ? std::string() : text);
    out.push_back('\n');
    lastBlank = blank;
  }
  while (!out.empty() && (out.back() == '\n')) out.pop_back();
  return out;
}

}  // namespace hg
