// Shared by the taint analysis tests: Python snippets lowered by the real front-end, and the
// hits of the program-wide taint analysis looked up by kind and source line.
#pragma once

#include <string>
#include <vector>

#include "engine/taint_analysis.h"
#include "engine_fixture.h"

namespace hg::testing {

class TaintFixture : public EngineFixture {
 protected:
  // Source hits of one kind, in the analysis's order.
  std::vector<SinkHit> hits(SinkKind kind) {
    std::vector<SinkHit> out;
    for (const SinkHit& h : ctx().taint().hits()) {
      if (h.kind == kind && h.label.isSource()) out.push_back(h);
    }
    return out;
  }
  // Lines (1-based) of the sinks reached, sorted, one per sink.
  std::vector<uint32_t> sinkLines(SinkKind kind) {
    std::vector<uint32_t> lines;
    for (const SinkHit& h : hits(kind)) {
      if (lines.empty() || lines.back() != h.span.line) lines.push_back(h.span.line);
    }
    return lines;
  }
  std::vector<uint32_t> ssrfLines() { return sinkLines(SinkKind::Ssrf); }

  // The source line of a span, for readable failures.
  std::string lineOf(const Span& span) const {
    return std::string(program().sources.get(span.file).line(span.line));
  }
  // The flow of the first hit of a kind as "line: message" strings.
  std::vector<std::string> flowOf(const SinkHit& hit) const {
    std::vector<std::string> out;
    for (const FlowStep& s : hit.trace.steps) out.push_back(std::to_string(s.span.line) + ": " + s.message);
    return out;
  }
};

// A Flask module header the snippets build on: line 6 is the first line of the snippet.
inline std::string flaskModule(const std::string& body) {
  return "import requests, ipaddress, socket, urllib.request, pickle, yaml, subprocess, os\n"
         "from urllib.parse import urlparse, urljoin\n"
         "from flask import Flask, request, redirect, abort\n"
         "app = Flask(__name__)\n"
         "ALLOWED_HOSTS = {'partner.example', 'api.partner.example'}\n" +
         body;
}

}  // namespace hg::testing
