#include "report/unified_diff.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace hg {

namespace {

constexpr size_t kContext = 3;
// Past this many differing lines between the common head and tail, the middle is shown as
// one replaced block instead of paying a quadratic comparison.
constexpr size_t kMaxCompared = 4000;

// Lines with their newline; the last one may have none.
std::vector<std::string_view> splitLines(const std::string& text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.emplace_back(text.data() + at, end - at);
    at = end;
  }
  return lines;
}

enum class Op : char { Same = ' ', Removed = '-', Added = '+' };

struct Step {
  Op op;
  std::string_view line;
};

// The shortest edit script between the middles, by longest common subsequence.
void diffMiddle(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, size_t aBegin,
                size_t aEnd, size_t bBegin, size_t bEnd, std::vector<Step>& out) {
  const size_t n = aEnd - aBegin, m = bEnd - bBegin;
  if (n > kMaxCompared || m > kMaxCompared) {
    for (size_t i = aBegin; i < aEnd; ++i) out.push_back({Op::Removed, a[i]});
    for (size_t j = bBegin; j < bEnd; ++j) out.push_back({Op::Added, b[j]});
    return;
  }
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a[aBegin + i] == b[bBegin + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[aBegin + i] == b[bBegin + j]) {
      out.push_back({Op::Same, a[aBegin + i]});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      // Removed lines before the added ones, as diff prints a change.
      out.push_back({Op::Removed, a[aBegin + i++]});
    } else {
      out.push_back({Op::Added, b[bBegin + j++]});
    }
  }
}

void appendLine(std::string& out, Op op, std::string_view line) {
  out += static_cast<char>(op);
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // An empty range names the line before it, as diff does.
  if (count == 0) return std::to_string(start == 0 ? 0 : start - 1) + ",0";
  return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

std::string unifiedDiff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return "";
  const std::vector<std::string_view> a = splitLines(before), b = splitLines(after);
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Step> steps;
  for (size_t i = 0; i < head; ++i) steps.push_back({Op::Same, a[i]});
  diffMiddle(a, b, head, a.size() - tail, head, b.size() - tail, steps);
  for (size_t i = a.size() - tail; i < a.size(); ++i) steps.push_back({Op::Same, a[i]});

  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  size_t k = 0;
  size_t oldLine = 1, newLine = 1;  // of steps[k]
  while (k < steps.size()) {
    if (steps[k].op == Op::Same) {
      ++oldLine, ++newLine, ++k;
      continue;
    }
    // A hunk: back up to kContext lines of context, run to a gap of more than 2 * kContext
    // unchanged lines (or the end), then kContext lines of context.
    size_t begin = k;
    size_t lead = 0;
    while (begin > 0 && lead < kContext && steps[begin - 1].op == Op::Same) --begin, ++lead;
    size_t end = k;
    while (end < steps.size()) {
      if (steps[end].op != Op::Same) {
        ++end;
        continue;
      }
      size_t run = end;
      while (run < steps.size() && steps[run].op == Op::Same) ++run;
      if (run == steps.size() || run - end > 2 * kContext) {
        end = std::min(run, end + kContext);
        break;
      }
      end = run;
    }
    size_t oldCount = 0, newCount = 0;
    for (size_t s = begin; s < end; ++s) {
      if (steps[s].op != Op::Added) ++oldCount;
      if (steps[s].op != Op::Removed) ++newCount;
    }
    const size_t oldStart = oldLine - lead, newStart = newLine - lead;
    out += "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@\n";
    for (size_t s = begin; s < end; ++s) appendLine(out, steps[s].op, steps[s].line);
    for (size_t s = k; s < end; ++s) {
      if (steps[s].op != Op::Added) ++oldLine;
      if (steps[s].op != Op::Removed) ++newLine;
    }
    k = end;
  }
  return out;
}

}  // namespace hg
