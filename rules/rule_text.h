// Wording shared by the replay and body-limit rules' messages: how an application,
// a duration and a size are named, so that every message says them the same way.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/program.h"

namespace hg::rules {

// "app", or "app (created in create_app)" for an application built inside a factory.
inline std::string applicationLabel(const Application& app) {
  const std::string& q = app.qualified;
  size_t locals = q.rfind(".<locals>.");
  if (locals != std::string::npos) {
    std::string name = q.substr(locals + 10);
    std::string owner = q.substr(0, locals);
    size_t dot = owner.rfind('.');
    if (dot != std::string::npos) owner = owner.substr(dot + 1);
    return name + " (created in " + owner + ")";
  }
  size_t dot = q.rfind('.');
  return dot == std::string::npos ? q : q.substr(dot + 1);
}

inline std::string numberText(double v) {
  char buf[64];
  if (std::floor(v) == v && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// "300 seconds", "86400 seconds (1 day)", "7200 seconds (2 hours)".
inline std::string durationText(double seconds) {
  std::string out = numberText(seconds) + (seconds == 1 ? " second" : " seconds");
  struct Unit {
    double size;
    const char* name;
  };
  for (Unit u : {Unit{86400, "day"}, Unit{3600, "hour"}, Unit{60, "minute"}}) {
    if (seconds >= u.size && std::fmod(seconds, u.size) == 0) {
      double n = seconds / u.size;
      out += " (" + numberText(n) + " " + u.name + (n == 1 ? "" : "s") + ")";
      break;
    }
  }
  return out;
}

// "104857600 bytes (100 MiB)".
inline std::string bytesText(double bytes) {
  std::string out = numberText(bytes) + " bytes";
  struct Unit {
    double size;
    const char* name;
  };
  for (Unit u : {Unit{1024.0 * 1024 * 1024, "GiB"}, Unit{1024.0 * 1024, "MiB"}, Unit{1024, "KiB"}}) {
    if (bytes >= u.size) {
      double n = bytes / u.size;
      out += " (" + (std::floor(n) == n ? numberText(n) : numberText(std::round(n * 10) / 10)) + " " + u.name + ")";
      break;
    }
  }
  return out;
}

}  // namespace hg::rules
