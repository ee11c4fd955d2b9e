#include "model/onednn_gemm.h"

#include "model/kernel_switch.h"


#include <cstdint>

#ifdef DINO_HAVE_ONEDNN_SGEMM
// oneDNN's C API (libdnnl-dev): row-major C = alpha * op(A) * op(B) + beta * C; returns dnnl_success
// or an error status.
#include <dnnl.h>
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

torch::Tensor onednnLinear(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
#ifdef DINO_HAVE_ONEDNN_SGEMM
    if (onednnLinearSupports(x, w, b)) {
        const bool grad = torch::GradMode::is_enabled() &&
                          (x.requires_grad() || w.requires_grad() || (b.defined() && b.requires_grad()));
        if (grad) return OnednnLinearFunction::apply(x, w, b.defined() ? b : torch::empty({0}, w.options()));
        const auto x2 = rows2d(x);
        return forwardRows(x2, w, b).view(outputShape(x, w.size(0)));
    }
#endif
    return torch::linear(x, w, b);
}

}  // namespace dino
