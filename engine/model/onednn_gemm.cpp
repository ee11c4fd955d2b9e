#include "model/onednn_gemm.h"

#include "common/cpu_features.h"
#include "model/kernel_switch.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_map>

#ifdef DINO_HAVE_ONEDNN_SGEMM
// oneDNN's C API (libdnnl-dev): row-major C = alpha * op(A) * op(B) + beta * C; returns dnnl_success
// or an error status. Its C++ API for the bf16 matmul primitive.
#include <dnnl.h>
#include <oneapi/dnnl/dnnl.hpp>
#endif

namespace dino {
namespace {

KernelSwitch& enabledFlag() {
    static KernelSwitch flag("DINO_ONEDNN");
    return flag;
}


#ifdef DINO_HAVE_ONEDNN_SGEMM
void gemm(char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
          int64_t ldb, float beta, float* c, int64_t ldc) {
    onednnSgemm(ta, tb, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc);
}

// Row-major op(A) op(B) as a new (m, n) tensor; zeros when the inner dimension k is 0.
torch::Tensor product(char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
                      int64_t ldb, const torch::TensorOptions& options) {
    auto c = torch::empty({m, n}, options);
    if (m > 0 && n > 0) {
        if (k > 0)
            gemm(ta, tb, m, n, k, a, lda, b, ldb, 0.0f, c.data_ptr<float>(), n);
        else
            c.zero_();
    }
    return c;
}

// (M, K) x (N, K)^T (+ b) -> (M, N)
torch::Tensor forwardRows(const torch::Tensor& x2, const torch::Tensor& w, const torch::Tensor& b) {
    const int64_t M = x2.size(0), K = x2.size(1), N = w.size(0);
    torch::Tensor y;
    if (b.defined())
        y = torch::empty({M, N}, x2.options()).copy_(b.expand({M, N}));  // bias rows, then beta = 1
    else
        y = torch::empty({M, N}, x2.options());
    if (M > 0 && N > 0 && K == 0 && !b.defined())
        y.zero_();
    else if (M > 0 && N > 0 && K > 0)
        gemm('N', 'T', M, N, K, x2.data_ptr<float>(), K, w.data_ptr<float>(), K, b.defined() ? 1.0f : 0.0f,
             y.data_ptr<float>(), N);
    return y;
}

// x (..., K) as a contiguous (rows, K) matrix; rows counted explicitly so that K = 0 works.
torch::Tensor rows2d(const torch::Tensor& x) {
    int64_t rows = 1;
    for (int64_t d = 0; d + 1 < x.dim(); ++d) rows *= x.size(d);
    return x.contiguous().view({rows, x.size(-1)});
}

std::vector<int64_t> outputShape(const torch::Tensor& x, int64_t n) {
    std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end());
    shape.back() = n;
    return shape;
}

struct OnednnLinearFunction : public torch::autograd::Function<OnednnLinearFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& w, const torch::Tensor& b) {
        const auto x2 = rows2d(x);
        ctx->save_for_backward({x2, w});
        ctx->saved_data["shape"] = x.sizes().vec();
        // No bias comes in as an empty tensor (libtorch 1.13's Function::apply rejects undefined ones).
        const bool has_bias = b.numel() > 0;
        ctx->saved_data["has_bias"] = has_bias;
        return forwardRows(x2, w, has_bias ? b : torch::Tensor()).view(outputShape(x, w.size(0)));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& x2 = saved[0];
        const auto& w = saved[1];
        const int64_t M = x2.size(0), K = x2.size(1), N = w.size(0);
        const auto dy = grads[0].contiguous().reshape({M, N});
        torch::Tensor dx, dw, db;
        if (ctx->needs_input_grad(0))  // dx = dy W
            dx = product('N', 'N', M, K, N, dy.data_ptr<float>(), N, w.data_ptr<float>(), K, x2.options())
                     .view(ctx->saved_data["shape"].toIntVector());
        if (ctx->needs_input_grad(1))  // dW = dy^T x
            dw = product('T', 'N', N, K, M, dy.data_ptr<float>(), N, x2.data_ptr<float>(), K, w.options());
        if (ctx->saved_data["has_bias"].toBool() && ctx->needs_input_grad(2)) db = dy.sum(0);
        return {dx, dw, db};
    }
};

// ---- bf16: oneDNN's matmul primitive, bf16 operands, fp32 accumulation --------------------------------

// A row-major-indexed matrix view: element (i, j) at data + i * rs + j * cs (in elements of dt).
struct MatView {
    const void* data;
    dnnl::memory::data_type dt;
    int64_t rows, cols, rs, cs;
};

dnnl::memory::data_type dnnlType(const torch::Tensor& t) {
    return t.scalar_type() == torch::kBFloat16 ? dnnl::memory::data_type::bf16 : dnnl::memory::data_type::f32;
}

dnnl::engine& cpuEngine() {
    static dnnl::engine e(dnnl::engine::kind::cpu, 0);
    return e;
}

// C = A B (+ bias row), every operand a strided view; a primitive per distinct shape, cached per thread
// (a step has a few dozen shapes; oneDNN's own cache would still rebuild the primitive descriptor).
void matmul(const MatView& a, const MatView& b, const float* bias, const MatView& c) {
    using key_t = std::array<int64_t, 13>;
    const key_t key{a.rows, a.cols, b.cols, a.rs, a.cs, b.rs, b.cs, c.rs, c.cs, static_cast<int64_t>(a.dt),
                    static_cast<int64_t>(b.dt), static_cast<int64_t>(c.dt), bias != nullptr};
    thread_local std::map<key_t, dnnl::matmul> cache;
    thread_local dnnl::stream stream(cpuEngine());
    const dnnl::memory::desc amd({a.rows, a.cols}, a.dt, dnnl::memory::dims{a.rs, a.cs});
    const dnnl::memory::desc bmd({b.rows, b.cols}, b.dt, dnnl::memory::dims{b.rs, b.cs});
    const dnnl::memory::desc cmd({c.rows, c.cols}, c.dt, dnnl::memory::dims{c.rs, c.cs});
    const dnnl::memory::desc biasmd({1, c.cols}, dnnl::memory::data_type::f32, dnnl::memory::dims{c.cols, 1});
    auto it = cache.find(key);
    if (it == cache.end()) {
#if DNNL_VERSION_MAJOR >= 3
        dnnl::matmul::primitive_desc pd = bias ? dnnl::matmul::primitive_desc(cpuEngine(), amd, bmd, biasmd, cmd)
                                               : dnnl::matmul::primitive_desc(cpuEngine(), amd, bmd, cmd);
#else
        dnnl::matmul::primitive_desc pd(bias ? dnnl::matmul::desc(amd, bmd, biasmd, cmd) : dnnl::matmul::desc(amd, bmd, cmd),
                                        cpuEngine());
#endif
        it = cache.emplace(key, dnnl::matmul(pd)).first;
    }
    std::unordered_map<int, dnnl::memory> args{
        {DNNL_ARG_SRC, dnnl::memory(amd, cpuEngine(), const_cast<void*>(a.data))},
        {DNNL_ARG_WEIGHTS, dnnl::memory(bmd, cpuEngine(), const_cast<void*>(b.data))},
        {DNNL_ARG_DST, dnnl::memory(cmd, cpuEngine(), const_cast<void*>(c.data))}};
    if (bias) args.emplace(DNNL_ARG_BIAS, dnnl::memory(biasmd, cpuEngine(), const_cast<float*>(bias)));
    it->second.execute(stream, args);
    stream.wait();
}

// Row-major (rows, cols) view of a contiguous 2-D tensor, or of its transpose.
MatView view(const torch::Tensor& t, bool transposed = false) {
    const int64_t r = t.size(0), c = t.size(1);
    if (transposed) return {t.data_ptr(), dnnlType(t), c, r, 1, c};
    return {t.data_ptr(), dnnlType(t), r, c, c, 1};
}

torch::Tensor bf16Product(const MatView& a, const MatView& b, const float* bias, torch::ScalarType out) {
    auto c = torch::empty({a.rows, b.cols}, torch::TensorOptions().dtype(out));
    matmul(a, b, bias, view(c));
    return c;
}

struct OnednnLinearBf16Function : public torch::autograd::Function<OnednnLinearBf16Function> {
    // x (..., K) float or bf16, w (N, K) float, b (N) float or empty; out: the result's dtype.
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& w, const torch::Tensor& b, int64_t out) {
        const auto xb = rows2d(x.to(torch::kBFloat16));
        const auto wb = w.to(torch::kBFloat16).contiguous();
        const bool has_bias = b.numel() > 0;
        const auto bias = has_bias ? b.to(torch::kFloat).contiguous() : torch::Tensor();
        if (ctx) {
            ctx->save_for_backward({xb, wb});
            ctx->saved_data["shape"] = x.sizes().vec();
            ctx->saved_data["x_dtype"] = static_cast<int64_t>(x.scalar_type());
            ctx->saved_data["w_dtype"] = static_cast<int64_t>(w.scalar_type());
            ctx->saved_data["has_bias"] = has_bias;
        }
        return bf16Product(view(xb), view(wb, true), has_bias ? bias.data_ptr<float>() : nullptr,
                           static_cast<torch::ScalarType>(out))
            .view(outputShape(x, w.size(0)));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& xb = saved[0];
        const auto& wb = saved[1];
        const int64_t M = xb.size(0), N = wb.size(0);
        const auto dy = grads[0].to(torch::kBFloat16).contiguous().reshape({M, N});
        torch::Tensor dx, dw, db;
        if (ctx->needs_input_grad(0))  // dx = dy W, in x's dtype
            dx = bf16Product(view(dy), view(wb), nullptr,
                             static_cast<torch::ScalarType>(ctx->saved_data["x_dtype"].toInt()))
                     .view(ctx->saved_data["shape"].toIntVector());
        if (ctx->needs_input_grad(1))  // dW = dy^T x, accumulated and kept in fp32 (the master weights)
            dw = bf16Product(view(dy, true), view(xb), nullptr,
                             static_cast<torch::ScalarType>(ctx->saved_data["w_dtype"].toInt()));
        if (ctx->saved_data["has_bias"].toBool() && ctx->needs_input_grad(2)) db = dy.sum({0}, false, torch::kFloat);
        return {dx, dw, db, torch::Tensor()};
    }
};

// DINO_ONEDNN_BF16=0 (off) or 1 (on everywhere) in the environment, else Auto; the setter overrides it.
int initialBf16Mode() {
    const char* v = std::getenv("DINO_ONEDNN_BF16");
    if (v && std::string(v) == "0") return static_cast<int>(OnednnBf16Mode::Off);
    if (v && std::string(v) == "1") return static_cast<int>(OnednnBf16Mode::On);
    return static_cast<int>(OnednnBf16Mode::Auto);
}
std::atomic<int> g_bf16_mode{initialBf16Mode()};
#endif  // DINO_HAVE_ONEDNN_SGEMM

}  // namespace

void onednnSgemm(char ta, char tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                 const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    const dnnl_status_t status = dnnl_sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    TORCH_CHECK(status == dnnl_success, "oneDNN sgemm failed with status ", static_cast<int>(status), " (", m, "x", n,
                "x", k, ")");
#else
    (void)ta, (void)tb, (void)m, (void)n, (void)k, (void)alpha, (void)a, (void)lda, (void)b, (void)ldb;
    (void)beta, (void)c, (void)ldc;
    TORCH_CHECK(false, "onednnSgemm: this build has no oneDNN");
#endif
}

bool onednnBuilt() {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    return true;
#else
    return false;
#endif
}

bool onednnAvailable() { return onednnBuilt() && enabledFlag().on(); }
void setOnednnEnabled(bool enabled) { enabledFlag().set(enabled); }
bool onednnEnabled() { return enabledFlag().on(); }

bool onednnLinearSupports(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
    if (!onednnAvailable()) return false;
    auto cpuFloat = [](const torch::Tensor& t) { return t.device().is_cpu() && t.scalar_type() == torch::kFloat; };
    return cpuFloat(x) && cpuFloat(w) && (!b.defined() || (cpuFloat(b) && b.dim() == 1 && b.size(0) == w.size(0))) &&
           x.dim() >= 1 && w.dim() == 2 && w.is_contiguous() && x.size(-1) == w.size(1) && !cpuAutocastActive();
}

void setOnednnBf16Mode(OnednnBf16Mode mode) {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    g_bf16_mode.store(static_cast<int>(mode));
#else
    (void)mode;
#endif
}

OnednnBf16Mode onednnBf16Mode() {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    return static_cast<OnednnBf16Mode>(g_bf16_mode.load());
#else
    return OnednnBf16Mode::Off;
#endif
}

bool onednnBf16Active() {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    static const bool native = cpuHasNativeBf16();  // asked on every Linear call: read the CPU once
    const auto mode = onednnBf16Mode();
    return onednnAvailable() && (mode == OnednnBf16Mode::On || (mode == OnednnBf16Mode::Auto && native));
#else
    return false;
#endif
}

bool onednnLinearBf16Supports(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
    if (!onednnBf16Active() || !cpuAutocastBf16Active()) return false;
    auto cpu = [](const torch::Tensor& t, bool bf16_ok) {
        return t.device().is_cpu() && (t.scalar_type() == torch::kFloat || (bf16_ok && t.scalar_type() == torch::kBFloat16));
    };
    if (!(cpu(x, true) && cpu(w, false) && (!b.defined() || (cpu(b, false) && b.dim() == 1 && b.size(0) == w.size(0)))))
        return false;
    if (x.dim() < 1 || w.dim() != 2 || x.size(-1) != w.size(1) || w.size(0) == 0 || w.size(1) == 0) return false;
    return x.numel() > 0;
}

torch::Tensor onednnLinear(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, LinearOut out) {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    const bool grad = torch::GradMode::is_enabled() &&
                      (x.requires_grad() || w.requires_grad() || (b.defined() && b.requires_grad()));
    if (onednnLinearBf16Supports(x, w, b)) {
        const int64_t out_type = static_cast<int64_t>(out == LinearOut::Float ? torch::kFloat : torch::kBFloat16);
        const auto bias = b.defined() ? b : torch::empty({0}, w.options());
        if (grad) return OnednnLinearBf16Function::apply(x, w, bias, out_type);
        return OnednnLinearBf16Function::forward(nullptr, x, w, bias, out_type);
    }
    if (onednnLinearSupports(x, w, b)) {
        if (grad) return OnednnLinearFunction::apply(x, w, b.defined() ? b : torch::empty({0}, w.options()));
        const auto x2 = rows2d(x);
        return forwardRows(x2, w, b).view(outputShape(x, w.size(0)));
    }
#endif
    auto y = torch::linear(x, w, b);
    if (out == LinearOut::Float && cpuAutocastActive()) y = y.to(torch::kFloat);
    return y;
}

}  // namespace dino
