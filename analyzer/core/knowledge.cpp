#include "core/knowledge.h"

#include <algorithm>

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

std::string_view qualifiedHead(std::string_view name) { return name.substr(0, name.find_first_of(".:(")); }

namespace {

// The text after its last separator: "hexdigest" of "hmac.new().hexdigest".
std::string_view tailOf(std::string_view name) {
  const size_t last = name.find_last_of(".:)");
  return last == std::string_view::npos ? name : name.substr(last + 1);
}

const std::vector<size_t>& positionsFor(const auto& map, std::string_view key) {
  static const std::vector<size_t> none;
  const auto found = map.find(key);
  return found == map.end() ? none : found->second;
}

}  // namespace

void Knowledge::add(const std::string& category, KnowledgeEntry entry) {
  Category& target = categories_[category];
  if (target.layers.size() <= layer_) target.layers.resize(layer_ + 1);
  CategoryIndex& index = target.layers[layer_];
  const size_t position = target.entries.size();
  const std::string_view pattern = entry.pattern;
  const size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    index.exact.emplace(pattern, position);  // first wins
  } else if (const std::string_view head = qualifiedHead(pattern); head.size() < star) {
    // A literal head and its separator: a matching name has the same head.
    index.wildcardsByHead[std::string(head)].push_back(position);
  } else if (const std::string_view tail = tailOf(pattern);
             tail.size() < pattern.size() && tail.find('*') == std::string_view::npos) {
    // A separator and a literal tail end the pattern: a matching name has the same tail.
    index.wildcardsByTail[std::string(tail)].push_back(position);
  } else {
    index.otherWildcards.push_back(position);
  }
  target.entries.push_back(std::move(entry));
}

const KnowledgeEntry* Knowledge::matchInLayer(const Category& category, const CategoryIndex& index,
                                              std::string_view qualifiedName) const {
  // The first entry of the layer in file order that matches, as a linear scan would find it.
  size_t first = SIZE_MAX;
  if (auto exact = index.exact.find(qualifiedName); exact != index.exact.end()) first = exact->second;
  const std::vector<size_t>* lists[] = {&positionsFor(index.wildcardsByHead, qualifiedHead(qualifiedName)),
                                        &positionsFor(index.wildcardsByTail, tailOf(qualifiedName)),
                                        &index.otherWildcards};
  size_t next[3] = {0, 0, 0};
  // The lists are in entry order: walk them merged, stopping at the exact entry's position.
  while (true) {
    size_t list = 3;
    for (size_t l = 0; l < 3; ++l) {
      if (next[l] < lists[l]->size() && (list == 3 || (*lists[l])[next[l]] < (*lists[list])[next[list]])) list = l;
    }
    if (list == 3) break;
    const size_t position = (*lists[list])[next[list]++];
    if (position >= first) break;
    if (globMatch(category.entries[position].pattern, qualifiedName)) return &category.entries[position];
  }
  return first == SIZE_MAX ? nullptr : &category.entries[first];
}

const KnowledgeEntry* Knowledge::match(std::string_view category, std::string_view qualifiedName) const {
  if (qualifiedName.empty()) return nullptr;
  auto it = categories_.find(category);
  if (it == categories_.end()) return nullptr;
  for (auto layer = it->second.layers.rbegin(); layer != it->second.layers.rend(); ++layer) {
    if (const KnowledgeEntry* found = matchInLayer(it->second, *layer, qualifiedName)) return found;
  }
  return nullptr;
}

const std::vector<KnowledgeEntry>& Knowledge::entries(std::string_view category) const {
  static const std::vector<KnowledgeEntry> none;
  auto it = categories_.find(category);
  return it == categories_.end() ? none : it->second.entries;
}

std::vector<std::string> Knowledge::categories() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : categories_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

Knowledge Knowledge::builtin() {
  Knowledge k;
  for (const EmbeddedFile& f : embeddedKnowledgeFiles()) k.load(f.content, std::string(f.name));
  return k;
}

}  // namespace hg
