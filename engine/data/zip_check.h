// Integrity check of a zip archive held in memory (checkpoints are torch archives, i.e. zip files
// whose members carry CRC-32s): the central directory is consistent and every member reads back
// with its CRC. libtorch 1.13 parses a checkpoint's TorchScript type annotations without guarding
// against corrupt input and can crash on a damaged file (found by fuzzing), so a checkpoint is
// checked with this before torch sees it. Torch-free.
#pragma once

#include <string>

namespace dino {

// Throws std::runtime_error("<name>: ...") naming the first damaged member, or saying that the
// bytes are not a zip archive at all.
void checkZipIntegrity(const std::string& bytes, const std::string& name);

}  // namespace dino
