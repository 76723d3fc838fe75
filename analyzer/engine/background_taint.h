// The whole-program taint analysis, computed on a thread of its own while the other rules run.
//
// The taint analysis is the largest single cost of the rule phase and needs only the program,
// the knowledge, a call resolver and request reads. The thread gets its own request-use cache
// (that cache fills as it is asked, and is not thread-safe); the call resolver is complete once
// built and is shared, like the program and the knowledge, which are only read. Its
// result is the same object a serial run would have built: the taint rules, which run after
// the others, see the same hits whatever the number of threads.
#pragma once

#include <exception>
#include <memory>
#include <thread>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"

namespace hg {

class TaintAnalysis;

class BackgroundTaint {
 public:
  // Throws std::system_error when no thread can be started.
  BackgroundTaint(const Program& program, const Knowledge& knowledge, const CallResolver& calls);
  ~BackgroundTaint();  // waits for the thread
  BackgroundTaint(const BackgroundTaint&) = delete;
  BackgroundTaint& operator=(const BackgroundTaint&) = delete;

  // Waits for the thread. The finished analysis, owned by this object; nullptr when it failed,
  // so that the caller computes it again in the open, where the failure is reported as the
  // asking rule's.
  TaintAnalysis* wait();

 private:
  struct Lane;
  std::unique_ptr<Lane> lane_;
  std::thread thread_;
};

}  // namespace hg
