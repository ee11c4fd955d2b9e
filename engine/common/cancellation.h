// Cooperative cancellation of long evaluations (feature extraction, kNN): the caller owns an
// atomic flag; the work polls it between batches and throws OperationCancelled. Torch-free.
#pragma once

#include <atomic>
#include <stdexcept>
#include <string>

namespace dino {

class OperationCancelled : public std::runtime_error {
public:
    explicit OperationCancelled(const std::string& what) : std::runtime_error(what + " cancelled") {}
};

inline void throwIfCancelled(const std::atomic<bool>* cancel, const char* what) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw OperationCancelled(what);
}

}  // namespace dino
