#include "data/preview_grid.h"

#include <algorithm>
#include <stdexcept>

namespace dino {

api::RgbImage previewGrid(const std::vector<api::PreviewImage>& previews, int scale, int gap) {
    if (previews.empty()) throw std::invalid_argument("previewGrid: no images");
    if (scale < 1 || gap < 0) throw std::invalid_argument("previewGrid: scale must be >= 1 and gap >= 0");
    int cell = 0;
    size_t cols = 0;
    for (const auto& p : previews) {
        cell = std::max({cell, p.original.width, p.original.height});
        for (const auto& v : p.views) cell = std::max({cell, v.image.width, v.image.height});
        cols = std::max(cols, p.views.size() + 1);
    }
    const int cs = cell * scale;
    api::RgbImage g;
    g.width = static_cast<int>(cols) * (cs + gap) + gap;
    g.height = static_cast<int>(previews.size()) * (cs + gap) + gap;
    g.pixels.assign(static_cast<size_t>(g.width) * g.height * 3, 255);
    auto blit = [&](const api::RgbImage& im, int row, int col) {
        // Centre smaller views (local crops) in their cell.
        const int x0 = gap + col * (cs + gap) + (cs - im.width * scale) / 2;
        const int y0 = gap + row * (cs + gap) + (cs - im.height * scale) / 2;
        for (int y = 0; y < im.height * scale; ++y)
            for (int x = 0; x < im.width * scale; ++x)
                for (int c = 0; c < 3; ++c)
                    g.pixels[(static_cast<size_t>(y0 + y) * g.width + (x0 + x)) * 3 + c] =
                        im.pixels[(static_cast<size_t>(y / scale) * im.width + x / scale) * 3 + c];
    };
    for (size_t r = 0; r < previews.size(); ++r) {
        blit(previews[r].original, static_cast<int>(r), 0);
        for (size_t v = 0; v < previews[r].views.size(); ++v)
            blit(previews[r].views[v].image, static_cast<int>(r), static_cast<int>(v) + 1);
    }
    return g;
}

}  // namespace dino
