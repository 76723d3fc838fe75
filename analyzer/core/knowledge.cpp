#include "core/knowledge.h"

#include "core/embedded.h"

namespace hg {

bool globMatch(std::string_view pattern, std::string_view text) {
  // Iterative wildcard match with single backtrack point: linear in practice, no recursion.
  size_t p = 0, t = 0, starP = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (starP != std::string_view::npos) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void Knowledge::load(std::string_view jsonText, const std::string& origin) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(jsonText);
  // Any json::exception: besides parse_error, a number too large for a double is out_of_range.
  } catch (const nlohmann::json::exception& e) {
    throw KnowledgeError(origin + ": invalid JSON: " + e.what());
  }
  if (!doc.is_object()) throw KnowledgeError(origin + ": expected a JSON object of categories");
  for (auto& [category, list] : doc.items()) {
    if (category.starts_with("$")) continue;  // "$comment" and similar annotations
    if (!list.is_array()) throw KnowledgeError(origin + ": category '" + category + "' is not an array");
    for (auto& item : list) {
      KnowledgeEntry entry;
      entry.origin = origin;
      if (item.is_string()) {
        entry.pattern = item.get<std::string>();
      } else if (item.is_object() && item.contains("name") && item["name"].is_string()) {
        entry.pattern = item["name"].get<std::string>();
        entry.attributes = item;
        entry.attributes.erase("name");
      } else {
        throw KnowledgeError(origin + ": in '" + category + "', each entry must be a string or an object with a \"name\"");
      }
      add(category, std::move(entry));
    }
  }
}

void Knowledge::add(const std::string& category, KnowledgeEntry entry) {
  std::vector<KnowledgeEntry>& entries = categories_[category];
  std::vector<CategoryIndex>& layers = index_[category];
  if (layers.size() <= layer_) layers.resize(layer_ + 1);
  CategoryIndex& index = layers[layer_];
  const size_t position = entries.size();
  if (entry.pattern.find('*') == std::string::npos) index.exact.emplace(entry.pattern, position);  // first wins
  else index.wildcards.push_back(position);
  entries.push_back(std::move(entry));
}

const KnowledgeEntry* Knowledge::match(std::string_view category, std::string_view qualifiedName) const {
  if (qualifiedName.empty()) return nullptr;
  auto it = categories_.find(category);
  if (it == categories_.end()) return nullptr;
  const std::vector<CategoryIndex>& layers = index_.find(category)->second;
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
    // The first entry of the layer in file order that matches, as a linear scan would find it.
    size_t first = SIZE_MAX;
    if (auto exact = layer->exact.find(qualifiedName); exact != layer->exact.end()) first = exact->second;
    for (size_t position : layer->wildcards) {
      if (position >= first) break;
      if (globMatch(it->second[position].pattern, qualifiedName)) {
        first = position;
        break;
      }
    }
    if (first != SIZE_MAX) return &it->second[first];
  }
  return nullptr;
}

const std::vector<KnowledgeEntry>& Knowledge::entries(std::string_view category) const {
  static const std::vector<KnowledgeEntry> none;
  auto it = categories_.find(category);
  return it == categories_.end() ? none : it->second;
}

std::vector<std::string> Knowledge::categories() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : categories_) out.push_back(name);
  return out;
}

Knowledge Knowledge::builtin() {
  Knowledge k;
  for (const EmbeddedFile& f : embeddedKnowledgeFiles()) k.load(f.content, std::string(f.name));
  return k;
}

}  // namespace hg
