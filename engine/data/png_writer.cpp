#include "data/png_writer.h"

#include "common/fsutil.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace dino {

namespace {

const std::array<uint32_t, 256>& crcTable() {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

void putBe32(std::string& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xff);
}

void chunk(std::string& out, const char type[4], const std::string& data) {
    putBe32(out, static_cast<uint32_t>(data.size()));
    std::string body(type, 4);
    body += data;
    out += body;
    putBe32(out, crc32(reinterpret_cast<const uint8_t*>(body.data()), body.size()));
}

}  // namespace

uint32_t crc32(const uint8_t* data, size_t n, uint32_t crc) {
    const auto& t = crcTable();
    uint32_t c = crc ^ 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) c = t[(c ^ data[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint32_t adler32(const uint8_t* data, size_t n) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; ++i) {
        a = (a + data[i]) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

std::string encodePng(int width, int height, const std::vector<uint8_t>& rgb) {
    if (width <= 0 || height <= 0) throw std::invalid_argument("encodePng: empty image");
    const size_t row = static_cast<size_t>(width) * 3;
    if (rgb.size() != row * static_cast<size_t>(height))
        throw std::invalid_argument("encodePng: expected " + std::to_string(row * height) + " bytes of RGB, got " +
                                    std::to_string(rgb.size()));
    // Raw scanlines, each preceded by filter type 0 (none).
    std::string raw;
    raw.reserve((row + 1) * static_cast<size_t>(height));
    for (int y = 0; y < height; ++y) {
        raw += '\0';
        raw.append(reinterpret_cast<const char*>(rgb.data() + row * static_cast<size_t>(y)), row);
    }
    // zlib stream: header (deflate, 32K window, no preset dictionary), stored blocks, Adler-32.
    std::string z = {static_cast<char>(0x78), static_cast<char>(0x01)};
    size_t pos = 0;
    do {
        const size_t len = std::min<size_t>(65535, raw.size() - pos);
        const bool last = pos + len == raw.size();
        z += static_cast<char>(last ? 1 : 0);
        z += static_cast<char>(len & 0xff);
        z += static_cast<char>(len >> 8);
        z += static_cast<char>(~len & 0xff);
        z += static_cast<char>((~len >> 8) & 0xff);
        z.append(raw, pos, len);
        pos += len;
    } while (pos < raw.size());
    putBe32(z, adler32(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));

    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    putBe32(ihdr, static_cast<uint32_t>(width));
    putBe32(ihdr, static_cast<uint32_t>(height));
    ihdr += static_cast<char>(8);  // bit depth
    ihdr += static_cast<char>(2);  // colour type: truecolour
    ihdr += std::string(3, '\0');  // compression, filter, interlace
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgb) {
    writeFileAtomic(path, encodePng(width, height, rgb));
}

}  // namespace dino
