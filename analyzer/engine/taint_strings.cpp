#include "engine/taint_strings.h"

#include <cctype>

#include "engine/taint_origin.h"

namespace hg {

namespace {

bool pins(const std::string& prefix) { return classifyUrlPrefix(prefix) != UrlPrefixKind::Open; }

}  // namespace

TaintValue concatValues(const TaintValue& a, const TaintValue& b) {
  return interpolateValues({"", "", ""}, {a, b});
}

TaintValue interpolateValues(const std::vector<std::string>& literals, const std::vector<TaintValue>& args) {
  TaintValue out;
  if (literals.size() != args.size() + 1) {
    for (const TaintValue& a : args) out.mergeLabels(a);
    out.fieldKey.clear();
    return out;
  }
  std::string text = literals[0];
  bool known = true;  // every part so far has known text
  bool pinned = pins(text);
  for (size_t i = 0; i < args.size(); ++i) {
    TaintValue part = args[i];
    // The leading part's fixed origin is the whole value's: reverse("x") + "?q=" + data.
    if (known && text.empty()) {
      pinned = pinned || part.pinned;
      out.pinnedByParameter = part.pinnedByParameter;
    }
    // A part after the pinning prefix can only choose a path or query. A part that itself
    // completes the origin (BASE + "/x" with a constant BASE) was marked when it was built.
    if (pinned) part.addFlags(kOriginFixed);
    if (pinned && inQueryOrFragment(text)) part.addFlags(kQueryOnly);
    out.mergeLabels(part);
    if (!known) continue;
    if (part.prefixKnown) {
      text += part.prefix;
      pinned = pinned || pins(text);
    }
    known = part.prefixKnown && part.complete;
    if (known) {
      text += literals[i + 1];
      pinned = pinned || pins(text);
    }
  }
  out.fieldKey.clear();
  out.prefix = text;
  out.prefixKnown = !text.empty() || known;
  out.complete = known;
  out.pinned = pinned;
  return out;
}

bool splitPercentTemplate(const std::string& text, std::vector<std::string>& literals) {
  literals.assign(1, "");
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      literals.back().push_back(text[i]);
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '%') {
      literals.back().push_back('%');
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '(') return false;
    // Flags, width, precision, length, then the conversion letter.
    size_t j = i + 1;
    while (j < text.size() && !std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    while (j < text.size() && (text[j] == 'l' || text[j] == 'h' || text[j] == 'L')) ++j;
    i = j;
    literals.emplace_back();
  }
  return true;
}

bool splitBraceTemplate(const std::string& text, std::vector<std::string>& literals, std::vector<std::string>& fields) {
  literals.assign(1, "");
  fields.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literals.back().push_back(c);
      ++i;
      continue;
    }
    if (c == '}') return false;
    if (c != '{') {
      literals.back().push_back(c);
      continue;
    }
    size_t close = text.find('}', i);
    if (close == std::string::npos) return false;
    std::string field = text.substr(i + 1, close - i - 1);
    size_t cut = field.find_first_of("!:.[");
    if (cut != std::string::npos) field.resize(cut);
    fields.push_back(field);
    literals.emplace_back();
    i = close;
  }
  return true;
}

}  // namespace hg
