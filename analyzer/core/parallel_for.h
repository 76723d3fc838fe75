// Runs a task over the indices 0..count-1 on a fixed number of threads that take the next
// index from a shared counter, so that a few large files do not leave the other threads idle.
// Tasks write only their own result slot; the caller merges the slots in index order, which
// keeps the output independent of scheduling.
#pragma once

#include <cstddef>
#include <functional>

namespace hg {

// How many worker threads `jobs` asks for: 0 = one per hardware thread (at least 1).
unsigned effectiveJobs(unsigned jobs);

// Calls task(i) once for every i < count on min(jobs, count) threads (the calling thread
// among them); returns when all are done. `task` must not throw.
void parallelFor(size_t count, unsigned jobs, const std::function<void(size_t)>& task);

}  // namespace hg
