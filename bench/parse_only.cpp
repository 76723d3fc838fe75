// The floor a scan is measured against: read every .py file under the given paths and parse
// it with tree-sitter-python on one thread, nothing else. Prints files, bytes and the parse
// time (reading excluded) on one line; the bench scripts time the whole process.
//
//   parse_only PATH...
#include <tree_sitter/api.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python();

namespace fs = std::filesystem;

namespace {

// The directories hookguard's file discovery does not enter either.
bool skippedDirectory(const fs::path& dir) {
  static const std::set<std::string> names = {".git",        ".hg",  ".svn",  "node_modules",
                                              "__pycache__", "venv", ".venv", "env"};
  return names.count(dir.filename().string()) > 0;
}

void collect(const fs::path& path, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out.push_back(path);
    return;
  }
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && skippedDirectory(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && it->path().extension() == ".py") out.push_back(it->path());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_only PATH...\n");
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) collect(argv[i], files);
  std::sort(files.begin(), files.end());

  TSParser* parser = ts_parser_new();
  if (!ts_parser_set_language(parser, tree_sitter_python())) {
    std::fprintf(stderr, "parse_only: grammar ABI mismatch\n");
    return 2;
  }
  size_t bytes = 0, nodes = 0;
  std::chrono::steady_clock::duration parsing{};
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes += text.size();
    auto start = std::chrono::steady_clock::now();
    TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    parsing += std::chrono::steady_clock::now() - start;
    // Touch the result so that the parse cannot be optimized away.
    if (tree) nodes += ts_node_child_count(ts_tree_root_node(tree));
    ts_tree_delete(tree);
  }
  ts_parser_delete(parser);
  std::printf("parse_only: %zu files, %zu bytes, %zu top-level nodes, parse %.0f ms\n", files.size(), bytes, nodes,
              std::chrono::duration<double, std::milli>(parsing).count());
  return 0;
}
