// Reading an attribute of a knowledge entry without trusting its shape: entries written as a
// bare string have no attributes, and a user's configuration may give a number where a string
// belongs. A missing or mistyped attribute yields the fallback instead of an exception.
#pragma once

#include <string>

#include "core/knowledge.h"

namespace hg {

inline std::string stringAttribute(const KnowledgeEntry& entry, const char* key, std::string fallback = {}) {
  const nlohmann::json& a = entry.attributes;
  if (!a.is_object() || !a.contains(key) || !a[key].is_string()) return fallback;
  return a[key].get<std::string>();
}

inline double numberAttribute(const KnowledgeEntry& entry, const char* key, double fallback) {
  const nlohmann::json& a = entry.attributes;
  if (!a.is_object() || !a.contains(key) || !a[key].is_number()) return fallback;
  return a[key].get<double>();
}

// An array attribute's string elements; other elements are skipped.
inline std::vector<std::string> stringListAttribute(const KnowledgeEntry& entry, const char* key) {
  std::vector<std::string> out;
  const nlohmann::json& a = entry.attributes;
  if (!a.is_object() || !a.contains(key) || !a[key].is_array()) return out;
  for (const auto& item : a[key]) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace hg
