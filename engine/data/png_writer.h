// PNG files of 8-bit RGB images through libpng (compressed with zlib), for the preview grid, the
// attention figures and the map. Torch-free.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino {

// PNG file bytes of a width x height RGB image, rows top to bottom, 3 bytes per pixel. Throws
// std::invalid_argument for an empty image or a buffer of the wrong size.
std::string encodePng(int width, int height, const std::vector<uint8_t>& rgb);

// The RGB pixels of PNG file bytes (any colour type, converted), and their size. Throws
// std::runtime_error naming what libpng found wrong.
std::vector<uint8_t> decodePng(const std::string& png, int& width, int& height);

// Writes it atomically (temporary name, then rename).
void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb);

}  // namespace dino
