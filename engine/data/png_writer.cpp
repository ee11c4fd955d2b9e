#include "data/png_writer.h"

#include "common/fsutil.h"

#include <png.h>

#include <stdexcept>
#include <string>

namespace dino {

std::string encodePng(int width, int height, const std::vector<uint8_t>& rgb) {
    if (width <= 0 || height <= 0) throw std::invalid_argument("encodePng: empty image");
    const size_t row = static_cast<size_t>(width) * 3;
    if (rgb.size() != row * static_cast<size_t>(height))
        throw std::invalid_argument("encodePng: expected " + std::to_string(row * height) + " bytes of RGB, got " +
                                    std::to_string(rgb.size()));
    // libpng's simplified API: size the buffer first, then write into it (zlib's default level).
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), static_cast<png_int_32>(row), nullptr))
        throw std::runtime_error(std::string("encodePng: ") + image.message);
    std::string png(size, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, rgb.data(), static_cast<png_int_32>(row), nullptr))
        throw std::runtime_error(std::string("encodePng: ") + image.message);
    png.resize(size);
    return png;
}

std::vector<uint8_t> decodePng(const std::string& png, int& width, int& height) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size()))
        throw std::runtime_error(std::string("decodePng: ") + image.message);
    image.format = PNG_FORMAT_RGB;
    std::vector<uint8_t> rgb(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr)) {
        png_image_free(&image);
        throw std::runtime_error(std::string("decodePng: ") + image.message);
    }
    width = static_cast<int>(image.width);
    height = static_cast<int>(image.height);
    return rgb;
}

void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb) {
    writeFileAtomic(path, encodePng(width, height, rgb));
}

}  // namespace dino
