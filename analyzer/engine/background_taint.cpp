#include "engine/background_taint.h"

#include "engine/request_uses.h"
#include "engine/taint_analysis.h"

namespace hg {

// The analysis with the request cache it refers to.
struct BackgroundTaint::Lane {
  Lane(const Program& program, const Knowledge& knowledge, const CallResolver& calls)
      : requests(program, knowledge), taint(program, knowledge, calls, requests) {}
  RequestUseAnalysis requests;
  TaintAnalysis taint;
  std::exception_ptr error;
};

BackgroundTaint::BackgroundTaint(const Program& program, const Knowledge& knowledge, const CallResolver& calls)
    : lane_(std::make_unique<Lane>(program, knowledge, calls)) {
  thread_ = std::thread([lane = lane_.get()] {
    try {
      lane->taint.hits();
    } catch (...) {
      lane->error = std::current_exception();
    }
  });
}

BackgroundTaint::~BackgroundTaint() {
  if (thread_.joinable()) thread_.join();
}

TaintAnalysis* BackgroundTaint::wait() {
  if (thread_.joinable()) thread_.join();
  return lane_->error ? nullptr : &lane_->taint;
}

}  // namespace hg
