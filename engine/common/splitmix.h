// splitmix64 (Steele, Lea and Flood 2014; Vigna's reference constants): the one small, portable
// mixing function behind the project's own seeded streams (the loader's epoch permutations, the iBOT
// masks, the linear probe's shuffles), so that they are the same numbers on every platform.
#pragma once

#include <cstdint>

namespace dino {

inline constexpr uint64_t kSplitmixIncrement = 0x9E3779B97F4A7C15ull;

// The output for state x: mix(x + increment).
constexpr uint64_t splitmix64(uint64_t x) {
    x += kSplitmixIncrement;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// The generator: the next output of `state`, which advances by the increment.
inline uint64_t splitmix64Next(uint64_t& state) {
    const uint64_t z = splitmix64(state);
    state += kSplitmixIncrement;
    return z;
}

// The seed of one step's draws in a stream of their own: `stream` is a constant that tells the streams of
// one run (iBOT's masks, stochastic depth, ...) apart, mixed with the run's seed and then the step.
constexpr uint64_t stepStreamSeed(uint64_t seed, uint64_t stream, int64_t step) {
    return splitmix64(splitmix64(seed ^ stream) + static_cast<uint64_t>(step));
}

}  // namespace dino
