#include "model/fast_gelu.h"

#include "common/cpu_features.h"
#include "model/kernel_switch.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <type_traits>

// The loops are compiled three times on x86-64 (AVX-512, AVX2 + FMA, baseline) and the variant is
// picked once from the CPU's features. (GCC's target_clones("arch=haswell") would test the CPU
// model, not its features, and fall back to the baseline on an AMD Zen.)
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define DINO_X86_DISPATCH 1
#define DINO_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define DINO_ALWAYS_INLINE inline
#endif

namespace dino {
namespace {

KernelSwitch& enabledFlag() {
    static KernelSwitch flag("DINO_FAST_GELU");
    return flag;
}


// erfc(z) = t P(t) exp(-z^2), t = 1 / (1 + kP z), z >= 0, with P of degree 8 fitted for us (weighted
// least squares on erfc(z) exp(z^2) / t at 20,001 points of [0, 10], computed to 30 digits with mpmath):
// relative error below 7e-8, so the small negative tail of GELU is as accurate as its large values.
constexpr float kP = 0.4f;
constexpr float kC0 = 0.22563420657507896f, kC1 = 0.2264435046149159f, kC2 = 0.201884958078476f,
                kC3 = 0.1934028726243217f, kC4 = 0.07973510091532049f, kC5 = 0.08799369250616243f,
                kC6 = 0.083962797405166f, kC7 = -0.14030783683213188f, kC8 = 0.041250765754482686f;
constexpr float kInvSqrt2 = 0.70710678118654752f;
constexpr float kInvSqrt2Pi = 0.39894228040143268f;  // 1 / sqrt(2 pi)
constexpr float kLog2e = 1.44269504088896341f;
constexpr float kLn2Hi = 0.693145751953125f;  // ln 2 split so that n * kLn2Hi is exact for |n| < 2^11
constexpr float kLn2Lo = 1.42860682030941723212e-6f;

// exp(a) for a in [-87, 0]: a = n ln2 + r, |r| <= ln2 / 2, exp(r) by its Taylor series to r^7
// (relative error < 1e-8), 2^n put into the exponent bits. Written so that the loops vectorise.
#define DINO_EXP_NONPOSITIVE(a_in, out)                                                                     \
    do {                                                                                                   \
        const float a_ = (a_in) < -87.0f ? -87.0f : (a_in);                                                \
        const float n_ = std::floor(a_ * kLog2e + 0.5f);                                                   \
        const float r_ = (a_ - n_ * kLn2Hi) - n_ * kLn2Lo;                                                 \
        float p_ = 1.0f / 5040;                                                                            \
        p_ = p_ * r_ + 1.0f / 720;                                                                          \
        p_ = p_ * r_ + 1.0f / 120;                                                                          \
        p_ = p_ * r_ + 1.0f / 24;                                                                           \
        p_ = p_ * r_ + 1.0f / 6;                                                                            \
        p_ = p_ * r_ + 0.5f;                                                                                \
        p_ = p_ * r_ + 1.0f;                                                                                \
        p_ = p_ * r_ + 1.0f;                                                                                \
        const int32_t bits_ = (static_cast<int32_t>(n_) + 127) << 23;                                      \
        float scale_;                                                                                      \
        std::memcpy(&scale_, &bits_, sizeof scale_);                                                        \
        (out) = p_ * scale_;                                                                                \
    } while (0)

// For x: e = exp(-x^2 / 2) and q = 0.5 erfc(|x| / sqrt 2), so that Phi(x) = 1 - q for x >= 0, q below.
#define DINO_PHI_PARTS(x, e, q)                                                                              \
    do {                                                                                                   \
        const float z_ = std::fabs(x) * kInvSqrt2;                                                         \
        const float t_ = 1.0f / (1.0f + kP * z_);                                                          \
        DINO_EXP_NONPOSITIVE(-0.5f * (x) * (x), e);                                                        \
        float c_ = kC8;                                                                                    \
        c_ = c_ * t_ + kC7;                                                                                 \
        c_ = c_ * t_ + kC6;                                                                                 \
        c_ = c_ * t_ + kC5;                                                                                 \
        c_ = c_ * t_ + kC4;                                                                                 \
        c_ = c_ * t_ + kC3;                                                                                 \
        c_ = c_ * t_ + kC2;                                                                                 \
        c_ = c_ * t_ + kC1;                                                                                 \
        c_ = c_ * t_ + kC0;                                                                                 \
        (q) = 0.5f * t_ * c_ * (e);                                                                         \
    } while (0)

// Storage types: float, or bf16 as its 16 bits (uint16_t). Arithmetic is fp32 either way: a bf16
// element is widened to float (its 16 bits become the top half) and the result rounded back to
// nearest-even as c10::BFloat16 does (NaN stays a quiet NaN).
DINO_ALWAYS_INLINE float load(float f) { return f; }
DINO_ALWAYS_INLINE float load(uint16_t h) {
    const uint32_t u = static_cast<uint32_t>(h) << 16;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

template <typename T>
DINO_ALWAYS_INLINE T store(float f);
template <>
DINO_ALWAYS_INLINE float store<float>(float f) {
    return f;
}
template <>
DINO_ALWAYS_INLINE uint16_t store<uint16_t>(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    const uint16_t h = static_cast<uint16_t>((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
    return f != f ? static_cast<uint16_t>(0x7FC0) : h;
}

template <typename T>
DINO_ALWAYS_INLINE void geluForwardLoop(const T* __restrict x, T* __restrict y, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        const float v = load(x[i]);
        float e, q;
        DINO_PHI_PARTS(v, e, q);
        const float phi_cdf = v >= 0.0f ? 1.0f - q : q;
        y[i] = store<T>(v * phi_cdf);
    }
}

template <typename T>
DINO_ALWAYS_INLINE void geluBackwardLoop(const T* __restrict x, const T* __restrict dy, T* __restrict dx, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        const float v = load(x[i]);
        float e, q;
        DINO_PHI_PARTS(v, e, q);
        const float phi_cdf = v >= 0.0f ? 1.0f - q : q;
        dx[i] = store<T>(load(dy[i]) * (phi_cdf + v * kInvSqrt2Pi * e));
    }
}

// One instantiation of both loops per storage type and instruction set.
template <typename T>
void geluForwardBase(const T* x, T* y, int64_t n) { geluForwardLoop(x, y, n); }
template <typename T>
void geluBackwardBase(const T* x, const T* dy, T* dx, int64_t n) { geluBackwardLoop(x, dy, dx, n); }
#ifdef DINO_X86_DISPATCH
template <typename T>
__attribute__((target("avx2,fma"))) void geluForwardAvx2(const T* x, T* y, int64_t n) {
    geluForwardLoop(x, y, n);
}
template <typename T>
__attribute__((target("avx2,fma"))) void geluBackwardAvx2(const T* x, const T* dy, T* dx, int64_t n) {
    geluBackwardLoop(x, dy, dx, n);
}
template <typename T>
__attribute__((target("avx512f,avx512dq,avx512bw"))) void geluForwardAvx512(const T* x, T* y, int64_t n) {
    geluForwardLoop(x, y, n);
}
template <typename T>
__attribute__((target("avx512f,avx512dq,avx512bw"))) void geluBackwardAvx512(const T* x, const T* dy, T* dx,
                                                                           int64_t n) {
    geluBackwardLoop(x, dy, dx, n);
}
#endif

template <typename T>
struct KernelPair {
    void (*forward)(const T*, T*, int64_t);
    void (*backward)(const T*, const T*, T*, int64_t);
};

struct Kernels {
    KernelPair<float> f32;
    KernelPair<uint16_t> bf16;
    const char* isa;
    const KernelPair<float>& of(const float*) const { return f32; }
    const KernelPair<uint16_t>& of(const uint16_t*) const { return bf16; }
};

const Kernels& kernels() {
    static const Kernels k = [] {
#ifdef DINO_X86_DISPATCH
        if (cpuHasFlag("avx512f") && cpuHasFlag("avx512dq") && cpuHasFlag("avx512bw"))
            return Kernels{{geluForwardAvx512<float>, geluBackwardAvx512<float>},
                           {geluForwardAvx512<uint16_t>, geluBackwardAvx512<uint16_t>}, "AVX-512"};
        if (cpuHasFlag("avx2") && cpuHasFlag("fma"))
            return Kernels{{geluForwardAvx2<float>, geluBackwardAvx2<float>},
                           {geluForwardAvx2<uint16_t>, geluBackwardAvx2<uint16_t>}, "AVX2"};
#endif
        return Kernels{{geluForwardBase<float>, geluBackwardBase<float>},
                       {geluForwardBase<uint16_t>, geluBackwardBase<uint16_t>}, "baseline"};
    }();
    return k;
}

constexpr int64_t kGrain = 1 << 15;

// The tensor's elements as the loops' storage type.
template <typename T>
T* elements(const torch::Tensor& t) {
    if constexpr (std::is_same_v<T, float>)
        return t.data_ptr<float>();
    else
        return reinterpret_cast<uint16_t*>(t.data_ptr<at::BFloat16>());
}

template <typename T>
torch::Tensor forwardTyped(const torch::Tensor& x) {
    auto y = torch::empty_like(x, at::MemoryFormat::Contiguous);
    const T* px = elements<T>(x);
    T* py = elements<T>(y);
    at::parallel_for(0, x.numel(), kGrain, [&](int64_t b, int64_t e) { kernels().of(px).forward(px + b, py + b, e - b); });
    return y;
}

// dGELU(x) * dy, in x's dtype (dy is cast to it if autograd hands another).
template <typename T>
torch::Tensor backwardTyped(const torch::Tensor& x, const torch::Tensor& dy_in) {
    const auto dy = dy_in.to(x.scalar_type()).contiguous();
    auto dx = torch::empty_like(x);
    const T *px = elements<T>(x), *pdy = elements<T>(dy);
    T* pdx = elements<T>(dx);
    at::parallel_for(0, x.numel(), kGrain,
                     [&](int64_t b, int64_t e) { kernels().of(px).backward(px + b, pdy + b, pdx + b, e - b); });
    return dx;
}

bool isBf16(const torch::Tensor& x) { return x.scalar_type() == torch::kBFloat16; }
torch::Tensor forwardImpl(const torch::Tensor& x) { return isBf16(x) ? forwardTyped<uint16_t>(x) : forwardTyped<float>(x); }
torch::Tensor backwardImpl(const torch::Tensor& x, const torch::Tensor& dy) {
    return isBf16(x) ? backwardTyped<uint16_t>(x, dy) : backwardTyped<float>(x, dy);
}

struct FastGeluFunction : public torch::autograd::Function<FastGeluFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x) {
        const auto xc = x.contiguous();
        ctx->save_for_backward({xc});
        return forwardImpl(xc);
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        return {backwardImpl(ctx->get_saved_variables()[0], grads[0])};
    }
};

}  // namespace

const char* fastGeluIsa() { return kernels().isa; }
void setFastGeluEnabled(bool enabled) { enabledFlag().set(enabled); }
bool fastGeluEnabled() { return enabledFlag().on(); }

bool fastGeluSupports(const torch::Tensor& x) {
    // GELU is not an autocast op: under CPU autocast it runs in its input's dtype, as here.
    return enabledFlag().on() && x.defined() && x.device().is_cpu() &&
           (x.scalar_type() == torch::kFloat || x.scalar_type() == torch::kBFloat16);
}

torch::Tensor fastGelu(const torch::Tensor& x) {
    if (!fastGeluSupports(x)) return torch::gelu(x);
    if (torch::GradMode::is_enabled() && x.requires_grad()) return FastGeluFunction::apply(x);
    return forwardImpl(x.contiguous());
}

}  // namespace dino
