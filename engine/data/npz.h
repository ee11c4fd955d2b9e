// An .npz archive (a zip of .npy members, stored or deflated) read through libzip, from a file or
// from memory. Torch-free. Errors name the file, the member and what was expected.
#pragma once

#include "data/npy.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dino {

class NpzArchive {
public:
    // Opens a file; throws std::runtime_error("<path>: ...") if it is missing or not a valid zip.
    static NpzArchive openFile(const std::string& path);
    // Opens an archive held in memory (tests, fuzzing). `name` is used in messages.
    static NpzArchive openMemory(std::string bytes, const std::string& name);

    NpzArchive(NpzArchive&&) noexcept;
    NpzArchive& operator=(NpzArchive&&) noexcept;
    ~NpzArchive();

    const std::string& name() const;
    // Array names (member names without ".npy"), in archive order.
    std::vector<std::string> arrays() const;
    bool has(const std::string& array) const;

    // Header of one array, reading only the start of the member.
    NpyHeader header(const std::string& array) const;

    // Reads one array: parses its header, calls `check` (which may throw), then reads exactly
    // header.dataBytes() bytes into the buffer returned by `alloc`. Truncated or oversized
    // members, CRC errors and libzip errors throw, naming file and member.
    void read(const std::string& array, const std::function<void(const NpyHeader&)>& check,
              const std::function<void*(const NpyHeader&)>& alloc) const;

    // "<file>: member '<array>.npy'" for messages.
    std::string where(const std::string& array) const;

private:
    struct Impl;
    explicit NpzArchive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace dino
