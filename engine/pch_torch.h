// Precompiled for every torch-using engine target: parsing libtorch's headers costs ~30 s per file.
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <memory>
#include <functional>
