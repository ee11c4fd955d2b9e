// The rasteriser of the figures (api/raster.h): colour maps and scales, nearest-neighbour upsampling
// and the RGB canvas.
#include "api/raster.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dino::api {

Canvas::Canvas(int width, int height) : w(width), h(height), px(size_t(width) * size_t(height) * 3, 255) {}

void Canvas::set(int x, int y, const uint8_t c[3]) {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    uint8_t* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 3];
    p[0] = c[0], p[1] = c[1], p[2] = c[2];
}

std::vector<float> colourScaled(const float* values, int n, float shared_max) {
    float lo = 0.f, hi = shared_max;
    if (shared_max <= 0 && n > 0) {
        const auto [a, b] = std::minmax_element(values, values + n);
        lo = *a, hi = *b;
    }
    std::vector<float> out(size_t(std::max(0, n)), 0.f);
    if (hi > lo)
        for (int i = 0; i < n; ++i) out[size_t(i)] = std::clamp((values[i] - lo) / (hi - lo), 0.f, 1.f);
    return out;
}

std::vector<float> upsampleNearest(const float* map, int grid, int factor) {
    if (grid < 1 || factor < 1) throw std::invalid_argument("upsampleNearest: grid and factor must be >= 1");
    const int side = grid * factor;
    std::vector<float> out(size_t(side) * size_t(side));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) out[size_t(y) * size_t(side) + size_t(x)] = map[(y / factor) * grid + x / factor];
    return out;
}

void viridis(double t, uint8_t rgb[3]) {
    // matplotlib's viridis at nine equally spaced points, linearly interpolated.
    static const uint8_t stops[9][3] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},  {44, 113, 142}, {33, 144, 141},
                                        {39, 173, 129}, {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
    if (!(t >= 0)) t = 0;  // NaN too
    if (t > 1) t = 1;
    const double pos = t * 8;
    const int i = std::min(7, int(pos));
    const double f = pos - i;
    for (int k = 0; k < 3; ++k) rgb[k] = uint8_t(std::lround((1 - f) * stops[i][k] + f * stops[i + 1][k]));
}

void colourOfClass(int label, uint8_t rgb[3]) {
    static const uint8_t tab10[10][3] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44},  {214, 39, 40},  {148, 103, 189},
                                         {140, 86, 75},  {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}};
    const int i = ((label % 10) + 10) % 10;
    rgb[0] = tab10[i][0], rgb[1] = tab10[i][1], rgb[2] = tab10[i][2];
}

}  // namespace dino::api
