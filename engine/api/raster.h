// The small rasteriser the figures are drawn with, shared by the engine's PNG exports (attention
// maps, the embedding map) and the GUI's panels, so that a colour on screen is the colour in the file:
// matplotlib's viridis, Tableau-10 class colours, colour scaling, nearest-neighbour upsampling and an
// RGB canvas. Torch-free.
#pragma once

#include <cstdint>
#include <vector>

namespace dino::api {

// An RGB canvas (8 bits a channel, rows first), white to begin with; points outside it are ignored.
struct Canvas {
    int w, h;
    std::vector<uint8_t> px;
    Canvas(int width, int height);
    void set(int x, int y, const uint8_t c[3]);
};

// An 8-bit RGB colour for t in [0, 1] on matplotlib's viridis (perceptually uniform, dark = low).
void viridis(double t, uint8_t rgb[3]);

// Tableau-10 colours by class index (cycling), shared by the GUI, the PNG and the CLI's key.
void colourOfClass(int label, uint8_t rgb[3]);

// n values scaled to [0, 1] for colouring: by [0, shared_max] when shared_max > 0, else by their own
// minimum and maximum (as imshow does); a constant map goes to 0.
std::vector<float> colourScaled(const float* values, int n, float shared_max);

// Nearest-neighbour upsampling of a grid x grid map by `factor` (the official script's
// interpolate(scale_factor=patch_size, mode="nearest")): (grid*factor)^2 values, rows first.
std::vector<float> upsampleNearest(const float* map, int grid, int factor);

}  // namespace dino::api
