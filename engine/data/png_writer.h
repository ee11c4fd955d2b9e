// A minimal PNG encoder (8-bit RGB, no compression: "stored" deflate blocks), so that previews can
// be written without an image library. Torch-free.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino {

// CRC-32 (ISO 3309, as PNG and zip use) and Adler-32 (zlib), exposed for tests.
uint32_t crc32(const uint8_t* data, size_t n, uint32_t crc = 0);
uint32_t adler32(const uint8_t* data, size_t n);

// PNG file bytes of a width x height RGB image, rows top to bottom, 3 bytes per pixel.
std::string encodePng(int width, int height, const std::vector<uint8_t>& rgb);

// Writes it atomically (temporary name, then rename).
void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb);

}  // namespace dino
