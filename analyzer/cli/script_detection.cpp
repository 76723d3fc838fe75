#include "cli/script_detection.h"

#include <array>
#include <fstream>

namespace hg {

namespace {

// A shebang line longer than this is not one any kernel would run.
constexpr size_t kMaxShebang = 256;

std::string_view nextWord(std::string_view& rest) {
  const size_t start = rest.find_first_not_of(" \t");
  if (start == std::string_view::npos) {
    rest = {};
    return {};
  }
  rest.remove_prefix(start);
  const size_t end = rest.find_first_of(" \t");
  std::string_view word = rest.substr(0, end);
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  return word;
}

std::string_view baseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool namesPython(std::string_view program) { return baseName(program).starts_with("python"); }

}  // namespace

bool isPythonShebang(std::string_view line) {
  if (!line.starts_with("#!")) return false;
  line.remove_prefix(2);
  if (const size_t end = line.find_first_of("\r\n"); end != std::string_view::npos) line = line.substr(0, end);
  std::string_view program = nextWord(line);
  if (baseName(program) != "env") return namesPython(program);
  // env's own options (-S, -i, -u NAME) and VAR=value settings come before the program.
  for (std::string_view word = nextWord(line); !word.empty(); word = nextWord(line)) {
    if (word == "-u" || word == "--unset") {
      nextWord(line);
      continue;
    }
    if (word.starts_with("-") || word.find('=') != std::string_view::npos) continue;
    return namesPython(word);
  }
  return false;
}

bool hasPythonShebang(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::array<char, kMaxShebang> buffer{};
  in.read(buffer.data(), buffer.size());
  const std::string_view head(buffer.data(), static_cast<size_t>(in.gcount()));
  return isPythonShebang(head.substr(0, head.find('\n')));
}

}  // namespace hg
