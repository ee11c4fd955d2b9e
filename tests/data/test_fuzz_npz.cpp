// Seeded random-mutation fuzzing of the .npy/.npz reader: every mutated input must either load or
// throw std::runtime_error with a message - never crash, hang or throw anything else.
#include "data/dataset.h"
#include "data/npy.h"
#include "data/npz.h"
#include "npz_builder.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <random>

using namespace dino;
using namespace dino::test;

namespace {

struct Tally {
    int64_t loaded = 0, rejected = 0, other = 0;
    std::string first_other;
};

std::string mutate(const std::string& base, std::mt19937_64& rng, size_t hot_region) {
    std::string s = base;
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % std::max<size_t>(n, 1)); };
    // Bias half of the mutations into the first bytes (zip local header + npy header) or the end
    // (central directory), where structure lives.
    auto position = [&]() -> size_t {
        switch (rng() % 4) {
            case 0: return pick(std::min(hot_region, s.size()));
            case 1: return s.size() - 1 - pick(std::min<size_t>(200, s.size()));
            default: return pick(s.size());
        }
    };
    const int count = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < count && !s.empty(); ++k) {
        switch (rng() % 7) {
            case 0: s[position()] ^= static_cast<char>(1u << (rng() % 8)); break;
            case 1: s[position()] = static_cast<char>(rng()); break;
            case 2: {  // interesting values
                static const unsigned char vals[] = {0, 0xff, 0x7f, 0x80, '(', ')', ',', '\'', '9', 'L', '<', '>'};
                s[position()] = static_cast<char>(vals[rng() % sizeof vals]);
                break;
            }
            case 3: s.resize(pick(s.size())); break;  // truncate
            case 4: {                                 // delete a range
                size_t p = position(), n = 1 + pick(16);
                s.erase(p, std::min(n, s.size() - p));
                break;
            }
            case 5: {  // insert random bytes
                size_t p = position();
                std::string ins(1 + pick(8), '\0');
                for (char& c : ins) c = static_cast<char>(rng());
                s.insert(p, ins);
                break;
            }
            case 6: {  // overwrite 4 bytes with a large little-endian number (sizes, offsets)
                size_t p = position();
                uint32_t v = static_cast<uint32_t>(rng());
                for (int b = 0; b < 4 && p + b < s.size(); ++b) s[p + b] = static_cast<char>(v >> (8 * b));
                break;
            }
        }
    }
    return s;
}

void tryLoad(const std::string& bytes, Tally& t) {
    try {
        NpzArchive a = NpzArchive::openMemory(bytes, "fuzz.npz");
        for (const char* split : {"train", "val"}) {
            ImageSet set = loadSplit(a, split, 0);
            if (set.images.defined()) (void)set.images.sum().item<int64_t>();
        }
        (void)inspectNpz(a);
        ++t.loaded;
    } catch (const std::runtime_error&) {
        ++t.rejected;
    } catch (const std::exception& e) {
        if (t.other++ == 0) t.first_other = e.what();
    }
}

Tally fuzzArchive(const std::string& base, int iterations, uint64_t seed, size_t hot) {
    std::mt19937_64 rng(seed);
    Tally t;
    for (int i = 0; i < iterations; ++i) tryLoad(mutate(base, rng, hot), t);
    return t;
}

}  // namespace

TEST_CASE("fuzz: mutated npz archives load or throw std::runtime_error", "[fuzz]") {
    auto members = splitMembers("train", {6, 8, false, 4});
    auto val = splitMembers("val", {3, 8, true, 4});
    members.insert(members.end(), val.begin(), val.end());
    const std::string stored = zipBytes(members, false), deflated = zipBytes(members, true);
    // The unmutated inputs load.
    Tally clean;
    tryLoad(stored, clean);
    tryLoad(deflated, clean);
    REQUIRE(clean.loaded == 2);

    Tally a = fuzzArchive(stored, 4000, 20240601, 512);
    Tally b = fuzzArchive(deflated, 3000, 77, 512);
    std::cout << "fuzz npz: stored " << a.loaded + a.rejected + a.other << " inputs (" << a.loaded << " loaded, "
              << a.rejected << " rejected), deflated " << b.loaded + b.rejected + b.other << " inputs (" << b.loaded
              << " loaded, " << b.rejected << " rejected)\n";
    INFO(a.first_other << b.first_other);
    CHECK(a.other == 0);
    CHECK(b.other == 0);
    CHECK(a.rejected > 0);
    CHECK(a.loaded > 0);  // some mutations (e.g. in pixel bytes of stored members) are harmless
}

TEST_CASE("fuzz: mutated copies of the real sample", "[fuzz]") {
    const char* env = std::getenv("DINO_SAMPLE");
    const std::string base = readAll(env && *env ? env : DINO_SAMPLE_NPZ);
    REQUIRE(base.size() > 100000);
    Tally t = fuzzArchive(base, 150, 4242, 4096);
    std::cout << "fuzz sample: " << t.loaded + t.rejected + t.other << " inputs (" << t.loaded << " loaded, "
              << t.rejected << " rejected)\n";
    INFO(t.first_other);
    CHECK(t.other == 0);
}

TEST_CASE("fuzz: mutated npy headers parse or throw std::runtime_error", "[fuzz]") {
    std::mt19937_64 rng(99);
    const std::vector<std::string> bases = {npyBytes("|u1", {1059, 28, 28, 3}, "", 1),
                                            npyBytes("<i8", {75, 1}, "", 2), npyBytes(">u2", {4}, "", 3)};
    int64_t ok = 0, rejected = 0, other = 0;
    for (int i = 0; i < 30000; ++i) {
        std::string s = mutate(bases[static_cast<size_t>(i) % bases.size()], rng, 128);
        try {
            NpyHeader h = parseNpyHeader(s, "fuzz.npy");
            CHECK(h.data_offset <= s.size());
            ++ok;
        } catch (const std::runtime_error&) {
            ++rejected;
        } catch (...) {
            ++other;
        }
    }
    std::cout << "fuzz npy headers: " << ok + rejected + other << " inputs (" << ok << " parsed, " << rejected
              << " rejected)\n";
    CHECK(other == 0);
}
