// The taint state at one program point: a value per access path ("url", "data['url']",
// "self.target"), plus, for locals holding a part of a URL (`host = urlparse(url).hostname`),
// which URL they were taken from, so a check on the part can clear the whole.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/ir.h"
#include "engine/taint_value.h"

namespace hg {

// The access path an expression denotes: a Name, then attributes and constant subscripts on it
// (at most a few levels). nullopt for anything else.
std::optional<std::string> accessPath(const Function& fn, ExprId expr);

// How far a local is from the URL it was taken from.
enum class UrlPart : uint8_t {
  Whole,   // the URL itself
  Parsed,  // urlparse(url) and the like
  Host,    // its hostname / netloc
  Address  // an IP address resolved from the host
};

struct UrlDerivation {
  std::string url;  // access path of the URL
  UrlPart part = UrlPart::Whole;
  friend bool operator==(const UrlDerivation&, const UrlDerivation&) = default;
};

struct TaintState {
  bool reached = false;
  std::map<std::string, TaintValue> values;
  std::map<std::string, UrlDerivation> derivations;
  // Locals holding the result of a check (`ok = is_safe_url(url)`): the check's expression,
  // so a later `if not ok:` refines like the check itself.
  std::map<std::string, ExprId> checks;

  // The value of `path`, else of its longest stored prefix (a field of a tainted object is
  // tainted), else nullopt.
  std::optional<TaintValue> lookup(const std::string& path) const;
  // Strong update of `path`, forgetting what was known about its fields and what was derived
  // from the old value.
  void assign(const std::string& path, TaintValue value);
  void forget(const std::string& path);
  // Adds checks to the labels `path` holds (and to its stored fields).
  void addFlags(const std::string& path, TaintFlags flags);

  void joinWith(const TaintState& other);
  friend bool operator==(const TaintState& a, const TaintState& b);
};

}  // namespace hg
