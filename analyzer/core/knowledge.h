// The names that give code its meaning for hookguard — request sources, verifiers, sinks,
// sanitizers, route decorators — loaded from rules/knowledge/*.json and the user's
// configuration. Analysis code asks "is this qualified name a verifier?"; it never hard-codes
// an API name.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace hg {

struct KnowledgeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct KnowledgeEntry {
  // A qualified name ("hmac.compare_digest"), or a pattern where '*' matches any run of
  // characters ("*.construct_event", "requests.*").
  std::string pattern;
  nlohmann::json attributes;  // the entry's other fields ({"raises": true, "url_arg": 0, ...})
  std::string origin;         // which file declared it, for error messages
};

class Knowledge {
 public:
  // A knowledge file is a JSON object mapping category names to arrays; an array element is
  // a string (a bare pattern) or an object with a "name" field and any attributes. Files
  // are merged: the same category in two files concatenates. Throws KnowledgeError naming
  // `origin` on malformed input.
  void load(std::string_view jsonText, const std::string& origin);
  void add(const std::string& category, KnowledgeEntry entry);

  // Entries added from now on take precedence over those added before: the user's
  // configuration, loaded after the built-in files, must not be shadowed by a built-in pattern
  // such as "requests.*" when it describes "requests.custom_get" differently.
  void beginOverrides() { ++layer_; }

  // The first entry of `category` whose pattern matches `qualifiedName`, looking at the latest
  // overrides first, each in entry order; nullptr when none matches.
  const KnowledgeEntry* match(std::string_view category, std::string_view qualifiedName) const;
  bool matches(std::string_view category, std::string_view qualifiedName) const {
    return match(category, qualifiedName) != nullptr;
  }
  const std::vector<KnowledgeEntry>& entries(std::string_view category) const;
  std::vector<std::string> categories() const;

  // Loads every file compiled into the binary (rules/knowledge/*.json).
  static Knowledge builtin();

 private:
  // Where match() looks: a category's exact names (to the first entry holding each), and its
  // patterns with a '*' grouped by their literal head (the text before the first '.', ':' or
  // '(', which a matching name must share: "requests" of "requests.*"), else by their literal
  // tail (after the last '.', ':' or ')': "hexdigest" of "*.hexdigest"), the rest apart; each
  // list in entry order.
  // Matching every entry's glob in turn, then looking the category up in ordered maps, was
  // the largest single cost of the rules on big programs.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename Value>
  using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
  struct CategoryIndex {
    StringMap<size_t> exact;
    StringMap<std::vector<size_t>> wildcardsByHead;
    StringMap<std::vector<size_t>> wildcardsByTail;
    std::vector<size_t> otherWildcards;
  };
  struct Category {
    std::vector<KnowledgeEntry> entries;
    std::vector<CategoryIndex> layers;  // one per layer (beginOverrides), the earliest first
  };
  const KnowledgeEntry* matchInLayer(const Category& category, const CategoryIndex& index,
                                     std::string_view qualifiedName) const;

  StringMap<Category> categories_;
  size_t layer_ = 0;
};

bool globMatch(std::string_view pattern, std::string_view text);

// The text of a qualified name (or pattern) before its first separator: "requests" of
// "requests.get", "boost" of "boost::beast::http::read", "Json" of "Json::CharReader().parse".
std::string_view qualifiedHead(std::string_view name);

}  // namespace hg
