// Which files a scan analyzes: the paths named on the command line, directories walked
// recursively in a deterministic (byte-wise sorted) order, without following symbolic-link
// loops and without descending into version-control metadata, virtualenvs or caches.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/exclude_patterns.h"
#include "core/diagnostics.h"
#include "core/source.h"

namespace hg {

struct DiscoveredFile {
  std::filesystem::path canonical;  // absolute, symlinks resolved
  std::string displayPath;          // relative to the repository root: "samples/app/hooks.py"
  Language language = Language::Python;
  bool named = false;               // given on the command line (errors about it are input errors)
  // Read only so that the named files' helpers resolve: analyzed, never reported on.
  bool contextOnly = false;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // each canonical file once, in discovery order
  // A named path does not exist or cannot be read: the run must exit 2.
  bool inputError = false;
};

struct DiscoveryOptions {
  std::filesystem::path repositoryRoot;  // canonical; diagnostics name paths relative to it
  bool cppFrontend = false;              // whether C++ sources can be analyzed by this build
  // `exclude` globs (configuration, --exclude): matching files and directories are left out,
  // named files too (pre-commit names each changed file); a named directory is still walked.
  const ExcludePatterns* exclude = nullptr;
};

DiscoveryResult discoverFiles(const std::vector<std::string>& paths, const DiscoveryOptions& options,
                              Diagnostics& diags);

// The language a file name denotes, from its extension; nullopt for anything else.
std::optional<Language> languageForFileName(const std::string& fileName);

// Directories a recursive walk never enters (by name, or because they hold a virtualenv).
bool isExcludedDirectory(const std::filesystem::path& dir);

}  // namespace hg
