// Helpers shared by the test_core files.
#pragma once

#include <nlohmann/json.hpp>
#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace dino::test {

// CPU bf16 autocast on this thread for a scope (the 1.13 and 2.4+ spellings).
struct CpuAutocast {
    explicit CpuAutocast(bool on) : was_(enabled()) { set(on); }
    ~CpuAutocast() { set(was_); }
    static bool enabled() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        return at::autocast::is_autocast_enabled(at::kCPU);
#else
        return at::autocast::is_cpu_enabled();
#endif
    }
    static void set(bool on) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCPU, on);
#else
        at::autocast::set_cpu_enabled(on);
#endif
        if (!on) at::autocast::clear_cache();
    }
    bool was_;
};

// tests/support/reference_golden.json, parsed once.
inline const nlohmann::json& golden() {
    static const nlohmann::json j = [] {
        std::ifstream in(DINO_GOLDEN_JSON);
        if (!in)
            throw std::runtime_error(std::string("cannot open golden file ") + DINO_GOLDEN_JSON);
        return nlohmann::json::parse(in);
    }();
    return j;
}

// (rows, cols) tensor with value f(r, j) computed in double, then cast to dtype.
template <class F>
torch::Tensor formulaTensor(int64_t rows, int64_t cols, torch::ScalarType dtype, F f) {
    auto t = torch::empty({rows, cols}, torch::kFloat64);
    auto a = t.accessor<double, 2>();
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < cols; ++j)
            a[r][j] = f(static_cast<double>(r), static_cast<double>(j));
    return t.to(dtype);
}

inline torch::Tensor fromJson(const nlohmann::json& arr, torch::ScalarType dtype = torch::kFloat64) {
    std::vector<double> v;
    for (const auto& x : arr)
        v.push_back(x.get<double>());
    return torch::tensor(v, torch::kFloat64).to(dtype);
}

// Largest |a - b| / (atol + rtol * |b|) over the elements: <= 1 means "close".
inline double closeness(const torch::Tensor& a, const torch::Tensor& b, double rtol, double atol) {
    auto x = a.to(torch::kFloat64), y = b.to(torch::kFloat64);
    return ((x - y).abs() / (atol + rtol * y.abs())).max().item<double>();
}

}  // namespace dino::test
